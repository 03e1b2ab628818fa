// zod schemas for moderation actions, bulk actions, queue filters and reason templates (messages are i18n keys).
import { z } from "zod";
import { StakeholderGroup } from "../db/generated/enums";

export const VERBS = ["publish", "publishOverBalance", "reject", "requestChanges", "hide", "restore"] as const;
export type Verb = (typeof VERBS)[number];
export const TARGET_TYPES = ["SUBMISSION", "COMMENT"] as const;
export type TargetType = (typeof TARGET_TYPES)[number];

export const QUEUE_VIEWS = ["PENDING", "HELD_FOR_BALANCE", "PUBLISHED", "HIDDEN", "REJECTED"] as const;
export type QueueView = (typeof QUEUE_VIEWS)[number];

/** Verbs that need a written reason (a justification, for publishing over balance). */
export const REASON_REQUIRED: ReadonlySet<Verb> = new Set<Verb>(["reject", "requestChanges", "hide", "publishOverBalance"]);

const id = z.string().trim().min(1, { error: "invalidTarget" }).max(64, { error: "invalidTarget" });
const reason = z.string().trim().max(2000, { error: "reasonTooLong" }).optional().default("");

export const TargetSchema = z.object({
  type: z.enum(TARGET_TYPES, { error: "invalidTarget" }),
  id,
  version: z.coerce.number().int().min(1).optional(),
});
export type Target = z.infer<typeof TargetSchema>;

export const ModerateSchema = z.object({
  verb: z.enum(VERBS, { error: "invalidAction" }),
  target: TargetSchema,
  reason,
  templateId: z.string().trim().max(64).optional().default(""),
});
export type ModerateInput = z.input<typeof ModerateSchema>;

export const BulkModerateSchema = z
  .object({
    verb: z.enum(VERBS, { error: "invalidAction" }),
    targets: z.array(TargetSchema).max(500, { error: "tooManyItems" }).default([]),
    /** a campaign as the queue showed it: its members in `status`, `count` of them */
    campaigns: z
      .array(z.object({ type: z.enum(TARGET_TYPES), id, status: z.enum(QUEUE_VIEWS, { error: "invalidTarget" }), count: z.coerce.number().int().min(1).max(1_000_000) }))
      .max(50, { error: "tooManyItems" })
      .default([]),
    reason,
    templateId: z.string().trim().max(64).optional().default(""),
  })
  .refine((v) => v.targets.length + v.campaigns.length > 0, { error: "nothingSelected", path: ["targets"] });
export type BulkModerateInput = z.input<typeof BulkModerateSchema>;

export interface CampaignSelection {
  type: TargetType;
  id: string;
  status: QueueView;
  count: number;
}

/** The value of a campaign row's checkbox: what the row showed, so the action does exactly that. */
export function campaignSelection(c: CampaignSelection): string {
  return `CAMPAIGN:${c.type}:${c.id}:${c.status}:${c.count}`;
}

/** "SUBMISSION:<id>:<version>" or "CAMPAIGN:SUBMISSION:<id>:<status>:<count>", as the queue form sends them. */
export function parseSelection(values: string[]): { targets: Target[]; campaigns: CampaignSelection[] } {
  const targets: Target[] = [];
  const campaigns: CampaignSelection[] = [];
  for (const value of values) {
    const parts = value.split(":");
    if (parts[0] === "CAMPAIGN" && (parts[1] === "SUBMISSION" || parts[1] === "COMMENT") && parts[2]) {
      const status = (QUEUE_VIEWS as readonly string[]).includes(parts[3] ?? "") ? (parts[3] as QueueView) : "PENDING";
      const count = Number(parts[4]);
      // A malformed count parses as 0, which the schema refuses: nothing is acted on by guesswork.
      campaigns.push({ type: parts[1], id: parts[2], status, count: Number.isInteger(count) ? count : 0 });
    } else if ((parts[0] === "SUBMISSION" || parts[0] === "COMMENT") && parts[1]) {
      const version = Number(parts[2]);
      targets.push({ type: parts[0], id: parts[1], version: Number.isInteger(version) && version > 0 ? version : undefined });
    }
  }
  return { targets, campaigns };
}


const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

export const QueueFilterSchema = z.object({
  view: z.preprocess(blankToUndefined, z.enum(QUEUE_VIEWS).default("PENDING")),
  consultation: z.preprocess(blankToUndefined, z.string().max(80).optional()),
  type: z.preprocess(blankToUndefined, z.enum(TARGET_TYPES).optional()),
  group: z.preprocess(blankToUndefined, z.enum(Object.values(StakeholderGroup) as [StakeholderGroup, ...StakeholderGroup[]]).optional()),
  language: z.preprocess(blankToUndefined, z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/).optional()),
  /** inputs whose authors share this verified e-mail domain (lib/moderation/accounts.ts) */
  domain: z.preprocess(
    (v) => (typeof v === "string" ? blankToUndefined(v.trim().toLowerCase()) : blankToUndefined(v)),
    z.string().max(253).regex(/^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/).optional(),
  ),
  /** inputs whose authors are approved members of this organisation (its id) */
  organisation: z.preprocess(blankToUndefined, z.string().regex(/^[\w-]{1,64}$/).optional()),
  cursor: z.preprocess(blankToUndefined, z.string().max(200).optional()),
});
export type QueueFilter = z.infer<typeof QueueFilterSchema>;

export const ReasonTemplateSchema = z.object({
  kind: z.enum(["REJECT", "REQUEST_CHANGES", "HIDE", "DISPOSITION"], { error: "kindInvalid" }),
  label: z.string().trim().min(2, { error: "labelRequired" }).max(80, { error: "labelTooLong" }),
  text: z.string().trim().min(5, { error: "textRequired" }).max(2000, { error: "reasonTooLong" }),
});
