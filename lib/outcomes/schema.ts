// zod schemas for what became of a contribution: the secretariat links a contribution to a draft paragraph.
import { z } from "zod";

const id = z.string({ error: "paragraphRequired" }).trim().min(1, { error: "paragraphRequired" }).max(64, { error: "paragraphRequired" });

export const ParagraphLinkSchema = z.object({
  submissionId: z.string().trim().min(1, { error: "notFound" }).max(64, { error: "notFound" }),
  paragraphId: id,
});
export type ParagraphLinkInput = z.input<typeof ParagraphLinkSchema>;
