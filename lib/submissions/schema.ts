// zod schemas for contributions, shared by the contribution form (client) and the server actions and services.
// Error messages are i18n keys under "submissions.errors." so the form shows them in the reader's language.
import { z } from "zod";
import { BODY_MAX, BODY_MIN, FILENAME_MAX, MAX_ATTACHMENTS, MAX_ATTACHMENT_BYTES, TITLE_MAX } from "./limits";
import { LANGUAGES } from "./language";

export const ATTACHMENT_EXTENSIONS = ["pdf", "docx", "odt", "txt", "md", "markdown"] as const;

/** U+FFFD is what a decoder leaves where bytes were not valid UTF-8; NUL cannot be stored by PostgreSQL. */
export function hasBrokenText(value: string): boolean {
  return value.includes("\uFFFD") || value.includes("\u0000") || !value.isWellFormed();
}

const text = (max: number, tooLong: string) =>
  z
    .string()
    .max(max, { error: tooLong })
    .refine((v) => !hasBrokenText(v), { error: "invalidText" })
    .transform((v) => v.normalize("NFC").trim());

const title = text(TITLE_MAX, "titleTooLong");
// The body is checked for size before it is trimmed: a 20 MB paste stops here, not in the database.
const body = text(BODY_MAX, "bodyTooLong");

const stringList = z.preprocess((v) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(z.string()));

export const attachmentMetaSchema = z.object({
  name: z
    .string()
    .min(1, { error: "attachmentName" })
    .max(FILENAME_MAX, { error: "attachmentName" })
    .refine((n) => !hasBrokenText(n), { error: "attachmentName" })
    .refine((n) => (ATTACHMENT_EXTENSIONS as readonly string[]).includes(n.split(".").pop()?.toLowerCase() ?? ""), { error: "attachmentType" }),
  size: z.number().int().min(1, { error: "attachmentEmpty" }).max(MAX_ATTACHMENT_BYTES, { error: "attachmentTooLarge" }),
});

export type AttachmentMeta = z.infer<typeof attachmentMetaSchema>;

/** The version of the contribution the form was loaded with: every author write is conditional on it. */
const expectedVersion = z.preprocess(
  (v) => (v === "" || v === null ? undefined : v),
  z.coerce.number({ error: "invalidRequest" }).int({ error: "invalidRequest" }).min(1, { error: "invalidRequest" }).max(2_147_483_647, { error: "invalidRequest" }).optional(),
);

function common(themeSlugs: readonly string[]) {
  return {
    submissionId: z.preprocess((v) => (v === "" || v === null ? undefined : v), z.string().max(40).optional()),
    expectedVersion,
    language: z.enum(LANGUAGES, { error: "languageInvalid" }),
    onBehalfOf: z.enum(["ORGANISATION", "SELF"], { error: "onBehalfOfInvalid" }),
    /** with ORGANISATION: which of the author's approved memberships they write for (lib/organisations) */
    organisationId: z.preprocess((v) => (v === "" || v === null ? undefined : v), z.string({ error: "onBehalfOfInvalid" }).max(64, { error: "onBehalfOfInvalid" }).optional()),
    visibility: z.enum(["PUBLIC_NAMED", "PUBLIC_ANONYMOUS"], { error: "visibilityInvalid" }),
    themes: stringList.pipe(
      z
        .array(z.string().refine((s) => themeSlugs.includes(s), { error: "themeUnknown" }))
        .max(Math.max(themeSlugs.length, 1), { error: "themeUnknown" })
        .transform((list) => [...new Set(list)]),
    ),
  };
}

/**
 * The contribution as submitted. Built per consultation because the valid themes are the consultation's own:
 * the form builds it with the same slugs, so a client and the server cannot disagree about "unknown theme".
 */
export function contributionSchema(themeSlugs: readonly string[]) {
  return z.object({
    ...common(themeSlugs),
    title: title.pipe(z.string().min(1, { error: "titleRequired" })),
    body: body.pipe(z.string().min(BODY_MIN, { error: "bodyTooShort" })),
    themes: common(themeSlugs).themes.pipe(z.array(z.string()).min(1, { error: "themeRequired" })),
    idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, { error: "invalidRequest" }),
    keepAttachments: stringList.pipe(z.array(z.string().max(40))),
    attachments: z.array(attachmentMetaSchema).max(MAX_ATTACHMENTS, { error: "tooManyAttachments" }).default([]),
  }).superRefine((v, ctx) => {
    if (v.keepAttachments.length + v.attachments.length > MAX_ATTACHMENTS) {
      ctx.addIssue({ code: "custom", path: ["attachments"], message: "tooManyAttachments" });
    }
  });
}

/** A draft may be incomplete (that is what drafts are for) but never oversized or broken. */
export function draftSchema(themeSlugs: readonly string[]) {
  return z.object({ ...common(themeSlugs), title, body });
}

export type ContributionInput = z.infer<ReturnType<typeof contributionSchema>>;
export type DraftInput = z.infer<ReturnType<typeof draftSchema>>;

/** The form's "on whose behalf" radio: "SELF", or the id of one of the author's approved organisations. */
export function actingFor(value: string): { onBehalfOf: string; organisationId: string } {
  return value === "SELF" || value === "" ? { onBehalfOf: value, organisationId: "" } : { onBehalfOf: "ORGANISATION", organisationId: value.slice(0, 64) };
}
