// zod schemas for group claims and the secretariat's decisions; error messages are i18n keys under identity.errors.
import { z } from "zod";
import { STAKEHOLDER_GROUPS } from "../stakeholders/groups";

export const EVIDENCE_MIN = 20;
export const EVIDENCE_MAX = 2000;
export const REASON_MAX = 1000;

const optionalLink = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v),
  z
    .string()
    .max(500, { error: "linkInvalid" })
    .refine((v) => {
      try {
        const url = new URL(v);
        return url.protocol === "https:" || url.protocol === "http:";
      } catch {
        return false;
      }
    }, { error: "linkInvalid" })
    .optional(),
);

export const GroupClaimSchema = z.object({
  stakeholderGroup: z.enum(STAKEHOLDER_GROUPS, { error: "groupRequired" }),
  evidence: z.string({ error: "evidenceTooShort" }).trim().min(EVIDENCE_MIN, { error: "evidenceTooShort" }).max(EVIDENCE_MAX, { error: "evidenceTooLong" }),
  link: optionalLink,
});
export type GroupClaimInput = z.infer<typeof GroupClaimSchema>;

export const ClaimDecisionSchema = z
  .object({
    claimId: z.string().min(1).max(64),
    version: z.coerce.number().int().min(1),
    decision: z.enum(["approve", "refuse"], { error: "invalidInput" }),
    reason: z.string().trim().max(REASON_MAX, { error: "reasonTooLong" }).default(""),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "refuse" && v.reason.length === 0) ctx.addIssue({ code: "custom", path: ["reason"], message: "reasonRequired" });
  });
export type ClaimDecisionInput = z.infer<typeof ClaimDecisionSchema>;
