// zod schemas for the secretariat's draft forms: create a draft, publish a version, set the comment period.
import { z } from "zod";
import { optionalUtcDate } from "../consultations/schema";

export const MAX_DRAFT_SOURCE = 500_000;
export const MAX_DRAFT_UPLOAD_BYTES = 10 * 1024 * 1024;

const source = z.string().max(MAX_DRAFT_SOURCE, { error: "sourceTooLong" }).default("");
const note = z.string().trim().max(500, { error: "noteTooLong" }).default("");

export const PeriodSchema = z
  .object({ commentsOpenAt: optionalUtcDate, commentsCloseAt: optionalUtcDate })
  .superRefine((v, ctx) => {
    if ((v.commentsOpenAt === null) !== (v.commentsCloseAt === null)) {
      ctx.addIssue({ code: "custom", path: [v.commentsOpenAt === null ? "commentsOpenAt" : "commentsCloseAt"], message: "datePairIncomplete" });
    }
    if (v.commentsOpenAt && v.commentsCloseAt && v.commentsCloseAt <= v.commentsOpenAt) {
      ctx.addIssue({ code: "custom", path: ["commentsCloseAt"], message: "closeBeforeOpen" });
    }
  });

export const DraftCreateSchema = z
  .object({
    title: z.string().trim().min(3, { error: "titleRequired" }).max(200, { error: "titleTooLong" }),
    slug: z
      .string()
      .trim()
      .toLowerCase()
      .min(3, { error: "slugInvalid" })
      .max(80, { error: "slugInvalid" })
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "slugInvalid" }),
    source,
    note,
    commentsOpenAt: optionalUtcDate,
    commentsCloseAt: optionalUtcDate,
  })
  .superRefine((v, ctx) => {
    const period = PeriodSchema.safeParse(v);
    if (!period.success) for (const issue of period.error.issues) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
  });

export const VersionSchema = z.object({ source, note });

export type DraftCreateInput = z.infer<typeof DraftCreateSchema>;
