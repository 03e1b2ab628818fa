// zod schema for the secretariat's balance-policy form; error messages are i18n keys under balance.errors.
import { z } from "zod";

const int = (min: number, max: number) =>
  z.coerce.number({ error: "wholeNumber" }).int({ error: "wholeNumber" }).min(min, { error: "outOfRange" }).max(max, { error: "outOfRange" });

/** Shares are typed as percentages in the form (40 means 0.40). */
const percent = z.coerce
  .number({ error: "percentInvalid" })
  .min(1, { error: "percentInvalid" })
  .max(100, { error: "percentInvalid" })
  .transform((v) => Math.round(v * 100) / 10_000);

/** A minimum share, typed as a percentage; empty means no target. */
const target = z.preprocess(
  (v) => (v === undefined || v === null || (typeof v === "string" && v.trim() === "") ? null : v),
  z.coerce.number({ error: "percentInvalid" }).min(0, { error: "percentInvalid" }).max(100, { error: "percentInvalid" }).transform((v) => Math.round(v * 100) / 10_000).nullable(),
);

const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

export const INVITATION_MAX = 1000;

export const BalancePolicySchema = z.object({
  maxPerContributor: int(1, 1000),
  maxGroupShare: percent,
  minSample: int(1, 100_000),
  minGroups: int(1, 6),
  commentMaxPerContributor: int(1, 10_000),
  commentMaxGroupShare: percent,
  commentMinSample: int(1, 100_000),
  commentRateLimit: int(1, 10_000),
  commentRateWindowMinutes: int(1, 1440),
  duplicateThreshold: percent.refine((v) => v >= 0.3, { error: "thresholdTooLow" }),
  countVerifiedOnly: checkbox,
  targetAfrican: target,
  targetAsiaPacific: target,
  targetEasternEuropean: target,
  targetLatinAmerican: target,
  targetWesternEuropean: target,
  targetDeveloping: target,
  invitation: z.string().trim().max(INVITATION_MAX, { error: "invitationTooLong" }).default(""),
});

export type BalancePolicyInput = z.infer<typeof BalancePolicySchema>;
export const POLICY_FIELDS = Object.keys(BalancePolicySchema.shape) as (keyof BalancePolicyInput)[];
export const TARGET_FIELDS = ["targetAfrican", "targetAsiaPacific", "targetEasternEuropean", "targetLatinAmerican", "targetWesternEuropean", "targetDeveloping"] as const;
export type TargetField = (typeof TARGET_FIELDS)[number];
/** Which UN regional group (or "developing") each target is for. */
export const TARGET_KEY: Record<TargetField, string> = {
  targetAfrican: "AFRICAN",
  targetAsiaPacific: "ASIA_PACIFIC",
  targetEasternEuropean: "EASTERN_EUROPEAN",
  targetLatinAmerican: "LATIN_AMERICAN_AND_CARIBBEAN",
  targetWesternEuropean: "WESTERN_EUROPEAN_AND_OTHERS",
  targetDeveloping: "developing",
};
export const PERCENT_FIELDS: readonly (keyof BalancePolicyInput)[] = ["maxGroupShare", "commentMaxGroupShare", "duplicateThreshold", ...TARGET_FIELDS];

/** The policy as the form shows it: shares as percentages, no target as an empty field, the switch as "on". */
export function policyFormValues(policy: { [K in keyof BalancePolicyInput]: BalancePolicyInput[K] }): Record<string, string> {
  return Object.fromEntries(
    POLICY_FIELDS.map((f) => {
      const v = policy[f];
      if (v === null) return [f, ""];
      if (typeof v === "boolean") return [f, v ? "on" : ""];
      if (typeof v === "number" && PERCENT_FIELDS.includes(f)) return [f, String(Math.round(v * 1000) / 10)];
      return [f, String(v)];
    }),
  );
}
