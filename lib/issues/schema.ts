// zod schemas of the issues followed across meetings. Messages are i18n keys under "issues.errors".
import { z } from "zod";
import { cleanText, slugify, slugPattern, versionField } from "../meetings/schema";

export { versionField };

export const LINK_STATUSES = ["RAISED", "DISCUSSED", "TAKEN_UP", "OUTCOME"] as const;
export const LINK_KINDS = ["POINT", "SESSION", "ROUND"] as const;
export type LinkStatus = (typeof LINK_STATUSES)[number];
export type LinkKind = (typeof LINK_KINDS)[number];

/** A real calendar day, YYYY-MM-DD, as a UTC midnight. */
export const day = z
  .string({ error: "dateRequired" })
  .trim()
  .min(1, { error: "dateRequired", abort: true })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "dateInvalid" })
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), { error: "dateInvalid" })
  .transform((v) => new Date(`${v}T00:00:00Z`));

const IssueFields = {
  title: cleanText(300, "titleTooLong").pipe(z.string().min(3, { error: "titleRequired" })),
  slug: z.preprocess((v) => (typeof v === "string" ? v.trim().toLowerCase() : ""), z.string().max(80, { error: "slugInvalid" })),
  description: cleanText(5000, "descriptionTooLong").default(""),
};

function withSlug<T extends { title: string; slug: string }>(v: T, ctx: z.RefinementCtx): T {
  const slug = v.slug || slugify(v.title);
  if (!slugPattern.test(slug) || slug.length < 2) ctx.addIssue({ code: "custom", path: ["slug"], message: "slugInvalid" });
  return { ...v, slug };
}

/** Marks a point of a round's synthesis as an issue: what it is called and when it was raised. */
export const CreateIssueSchema = z
  .object({
    ...IssueFields,
    consultation: z.string({ error: "roundRequired" }).trim().min(1, { error: "roundRequired" }).max(80, { error: "roundRequired" }),
    pointKey: z.string({ error: "pointRequired" }).trim().min(1, { error: "pointRequired" }).max(80, { error: "pointRequired" }),
    date: day,
    note: cleanText(2000, "noteTooLong").default(""),
  })
  .transform(withSlug);

export const UpdateIssueSchema = z.object({ ...IssueFields, version: versionField }).transform(withSlug);

/**
 * A step of the path: the round itself, one of its sessions, or one of its synthesis points, with a status, a date and
 * a note. `target` is "round", "session:<slug>" or "point:<key>"; the round is given by its slug.
 */
export const AddLinkSchema = z.object({
  consultation: z.string({ error: "roundRequired" }).trim().min(1, { error: "roundRequired" }).max(80, { error: "roundRequired" }),
  target: z
    .string({ error: "targetRequired" })
    .trim()
    .regex(/^(round|session:[a-z0-9-]{1,80}|point:[\w-]{1,80})$/, { error: "targetRequired" }),
  status: z.enum(LINK_STATUSES, { error: "statusInvalid" }),
  date: day,
  note: cleanText(2000, "noteTooLong").default(""),
});

export const UpdateLinkSchema = z.object({
  status: z.enum(LINK_STATUSES, { error: "statusInvalid" }),
  date: day,
  note: cleanText(2000, "noteTooLong").default(""),
  version: versionField,
});
