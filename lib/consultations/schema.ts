// zod schemas for the secretariat's consultation admin (create/edit consultation, themes).
import { z } from "zod";
import { ConsultationStatus, ModerationMode } from "../db/generated/enums";

const optionalDate = z.preprocess(
  (v) => (v === "" || v === null || v === undefined ? null : v),
  z.union([z.null(), z.coerce.date({ error: "dateInvalid" })]),
);

/** datetime-local inputs carry no zone: the form states they are UTC, so we append Z. */
export function parseUtcLocal(value: unknown): unknown {
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return `${value}Z`;
  return value;
}

/** An optional date from a datetime-local input labelled UTC: "" means none. */
export const optionalUtcDate = z.preprocess(parseUtcLocal, optionalDate);

export const ConsultationSchema = z
  .object({
    slug: z
      .string()
      .trim()
      .toLowerCase()
      .min(3, { error: "slugInvalid" })
      .max(80, { error: "slugInvalid" })
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "slugInvalid" }),
    title: z.string().trim().min(3, { error: "titleRequired" }).max(200, { error: "titleTooLong" }),
    summary: z.string().trim().max(500, { error: "summaryTooLong" }).default(""),
    description: z.string().trim().min(1, { error: "descriptionRequired" }).max(50_000, { error: "descriptionTooLong" }),
    status: z.enum([ConsultationStatus.DRAFT, ConsultationStatus.PUBLISHED, ConsultationStatus.ARCHIVED], { error: "statusInvalid" }),
    referencePrefix: z.string().trim().toUpperCase().regex(/^[A-Z0-9]{2,10}$/, { error: "prefixInvalid" }),
    moderationMode: z.enum([ModerationMode.PRE, ModerationMode.POST], { error: "moderationModeInvalid" }),
    contributionsOpenAt: optionalUtcDate,
    contributionsCloseAt: optionalUtcDate,
    commentsOpenAt: optionalUtcDate,
    commentsCloseAt: optionalUtcDate,
  })
  .superRefine((v, ctx) => {
    const pairs = [
      ["contributionsOpenAt", "contributionsCloseAt"],
      ["commentsOpenAt", "commentsCloseAt"],
    ] as const;
    for (const [open, close] of pairs) {
      const a = v[open];
      const b = v[close];
      if ((a === null) !== (b === null)) ctx.addIssue({ code: "custom", path: [a === null ? open : close], message: "datePairIncomplete" });
      if (a && b && b <= a) ctx.addIssue({ code: "custom", path: [close], message: "closeBeforeOpen" });
    }
  });

export type ConsultationInput = z.infer<typeof ConsultationSchema>;

export const ThemeSchema = z.object({
  slug: z.string().trim().toLowerCase().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "slugInvalid" }).max(80, { error: "slugInvalid" }),
  title: z.string().trim().min(2, { error: "titleRequired" }).max(120, { error: "titleTooLong" }),
  description: z.string().trim().max(1000, { error: "descriptionTooLong" }).default(""),
  position: z.coerce.number({ error: "positionInvalid" }).int({ error: "positionInvalid" }).min(0, { error: "positionInvalid" }).max(1000, { error: "positionInvalid" }).default(0),
});

export type ThemeInput = z.infer<typeof ThemeSchema>;

/** Formats a Date for a datetime-local input that the form labels as UTC (the inverse of parseUtcLocal). */
export function toUtcInput(date: Date | null): string {
  return date ? date.toISOString().slice(0, 16) : "";
}
