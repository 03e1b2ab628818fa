// zod schemas for dispositions: one answer, a bulk answer from the working view, the working view's filters and
// the public table's query. Messages are i18n keys of the "dispositions.errors" namespace.
import { z } from "zod";
import { StakeholderGroup } from "../db/generated/enums";
import { DISPOSITION_KINDS, MAX_DISPOSITION_REASON } from "./kinds";

const id = z.string().trim().min(1, { error: "notFound" }).max(64, { error: "notFound" });
const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);
const group = z.enum(Object.values(StakeholderGroup) as [StakeholderGroup, ...StakeholderGroup[]]);

/** Which paragraph of the next version reflects the comment: each comment's suggestion, none, or this one. */
export const ParagraphChoiceSchema = z.preprocess(
  (v) => (v === "" || v === undefined || v === null ? "none" : v),
  z.union([z.literal("suggested"), z.literal("none"), id]),
);
export type ParagraphChoice = z.infer<typeof ParagraphChoiceSchema>;

const answer = {
  kind: z.enum(DISPOSITION_KINDS, { error: "kindRequired" }),
  reason: z.string().trim().max(MAX_DISPOSITION_REASON, { error: "reasonTooLong" }).default(""),
  templateId: z.string().trim().max(64).default(""),
  paragraph: ParagraphChoiceSchema,
};

/** What the secretariat saw: the comment's text revision and the disposition revision it answers (0: none yet). */
export const DispositionTargetSchema = z.object({
  commentId: id,
  commentRevision: z.coerce.number().int().min(1),
  expectedRevision: z.coerce.number().int().min(0),
});
export type DispositionTarget = z.infer<typeof DispositionTargetSchema>;

export const DispositionSchema = DispositionTargetSchema.extend(answer);
export type DispositionInput = z.input<typeof DispositionSchema>;

export const BulkDispositionSchema = z
  .object({
    /** the draft version whose comments are answered; campaign members elsewhere are left alone */
    versionId: id,
    targets: z.array(DispositionTargetSchema).max(500, { error: "tooManyItems" }).default([]),
    campaigns: z.array(id).max(50, { error: "tooManyItems" }).default([]),
    ...answer,
  })
  .refine((v) => v.targets.length + v.campaigns.length > 0, { error: "nothingSelected", path: ["targets"] });
export type BulkDispositionInput = z.input<typeof BulkDispositionSchema>;

/** "COMMENT:<id>:<comment text revision>:<disposition revision>" or "CAMPAIGN:<id>", as the working view's form sends them. */
export function parseDispositionSelection(values: string[]): { targets: DispositionTarget[]; campaigns: string[] } {
  const targets: DispositionTarget[] = [];
  const campaigns: string[] = [];
  for (const value of values) {
    const parts = value.split(":");
    if (parts[0] === "CAMPAIGN" && parts[1]) campaigns.push(parts[1]);
    else if (parts[0] === "COMMENT" && parts[1]) {
      const parsed = DispositionTargetSchema.safeParse({ commentId: parts[1], commentRevision: parts[2], expectedRevision: parts[3] });
      if (parsed.success) targets.push(parsed.data);
    }
  }
  return { targets, campaigns };
}

export const WorkFilterSchema = z.object({
  version: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).optional()),
  group: z.preprocess(blankToUndefined, group.optional()),
  pending: z.preprocess((v) => v === "1" || v === "true" || v === true, z.boolean()),
  cursor: z.preprocess(blankToUndefined, z.string().max(200).optional()),
});
export type WorkFilter = z.infer<typeof WorkFilterSchema>;

export const TableQuerySchema = z.object({
  version: z.preprocess(blankToUndefined, z.coerce.number({ error: "versionInvalid" }).int({ error: "versionInvalid" }).min(1, { error: "versionInvalid" }).optional()),
  group: z.preprocess(blankToUndefined, group.optional()),
  kind: z.preprocess(blankToUndefined, z.enum([...DISPOSITION_KINDS, "NONE"]).optional()),
  page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(100_000).default(1)),
});
export type TableQuery = z.infer<typeof TableQuerySchema>;
