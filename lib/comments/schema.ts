// zod schemas for comments on drafts: write, reply, edit.
import { z } from "zod";

export const MAX_COMMENT = 5000;

const optionalId = z.preprocess((v) => (v === "" || v === null || v === undefined ? null : v), z.union([z.null(), z.string().min(1).max(64)]));

const body = z
  .string({ error: "bodyRequired" })
  .trim()
  .min(1, { error: "bodyRequired" })
  .max(MAX_COMMENT, { error: "bodyTooLong" });

const proposedText = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? null : v ?? null),
  z.union([z.null(), z.string().trim().max(MAX_COMMENT, { error: "proposalTooLong" })]),
);

export const CommentCreateSchema = z.object({
  draftId: z.string({ error: "notFound" }).min(1, { error: "notFound" }).max(64),
  /** null: a comment on the whole draft */
  anchorId: optionalId,
  parentId: optionalId,
  body,
  proposedText,
  /** one per rendered form: a second submit of the same form returns the first comment instead of a copy */
  idempotencyKey: z.preprocess((v) => (v === "" ? undefined : v), z.string().min(8).max(100).optional()),
});

export const CommentEditSchema = z.object({
  body,
  proposedText,
  expectedVersion: z.coerce.number().int().min(1),
});

export type CommentCreateInput = z.infer<typeof CommentCreateSchema>;
export type CommentEditInput = z.infer<typeof CommentEditSchema>;

export const COMMENT_ORDERS = ["balanced", "newest", "oldest"] as const;
export type CommentOrder = (typeof COMMENT_ORDERS)[number];

export function parseCommentOrder(value: unknown): CommentOrder {
  return (COMMENT_ORDERS as readonly unknown[]).includes(value) ? (value as CommentOrder) : "balanced";
}
