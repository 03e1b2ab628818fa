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
});

export type BalancePolicyInput = z.infer<typeof BalancePolicySchema>;
export const POLICY_FIELDS = Object.keys(BalancePolicySchema.shape) as (keyof BalancePolicyInput)[];
export const PERCENT_FIELDS: readonly (keyof BalancePolicyInput)[] = ["maxGroupShare", "commentMaxGroupShare", "duplicateThreshold"];
