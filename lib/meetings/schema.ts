// zod schemas of the meetings concern (sessions, transcript import, roster, remote messages). Messages are i18n keys
// under "meetings.errors".
import { z } from "zod";
import { isCountryCode, UNKNOWN_COUNTRY } from "../geo/countries";
import { INPUT_GROUPS } from "../stakeholders/groups";
import { hasBrokenText } from "../submissions/schema";

export const SESSION_TYPES = ["MAIN_SESSION", "WORKSHOP", "OPEN_FORUM"] as const;

/** Up to this many characters of transcript text (a full day's main session is about 200,000). */
export const MAX_TRANSCRIPT_CHARS = 2_000_000;
export const MAX_TRANSCRIPT_BYTES = 10 * 1024 * 1024;
export const MAX_REPORT_CHARS = 200_000;

export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Text from a form: at most `max` characters, no broken Unicode, NFC, trimmed. */
export const cleanText = (max: number, tooLong: string) =>
  z.string().max(max, { error: tooLong }).refine((v) => !hasBrokenText(v), { error: "invalidText" }).transform((v) => v.normalize("NFC").trim());

const optionalDay = z.preprocess(
  (v) => (v === "" || v === null || v === undefined ? null : v),
  z.union([
    z.null(),
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "dateInvalid" })
      .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), { error: "dateInvalid" })
      .transform((v) => new Date(`${v}T00:00:00Z`)),
  ]),
);

/** "Anja Gengo, Timea Suto" or one per line: the session's moderators. */
const nameList = z.preprocess(
  (v) => (Array.isArray(v) ? v.join("\n") : String(v ?? "")),
  cleanText(2000, "namesTooLong").transform((v) => [...new Set(v.split(/[\n;,]/).map((s) => s.replace(/\s+/g, " ").trim()).filter(Boolean))].slice(0, 20)),
);

export function slugify(title: string): string {
  return title
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/g, "");
}

export const SessionSchema = z
  .object({
    title: cleanText(300, "titleTooLong").pipe(z.string().min(3, { error: "titleRequired" })),
    slug: z.preprocess((v) => (typeof v === "string" ? v.trim().toLowerCase() : ""), z.string().max(80, { error: "slugInvalid" })),
    type: z.enum(SESSION_TYPES, { error: "typeInvalid" }),
    date: optionalDay,
    chair: cleanText(200, "nameTooLong").default(""),
    moderators: nameList.default([]),
    rapporteur: cleanText(200, "nameTooLong").default(""),
  })
  .transform((v, ctx) => {
    const slug = v.slug || slugify(v.title);
    if (!slugPattern.test(slug) || slug.length < 2) {
      ctx.addIssue({ code: "custom", path: ["slug"], message: "slugInvalid" });
      return z.NEVER;
    }
    return { ...v, slug };
  });

export type SessionInput = z.output<typeof SessionSchema>;

/** The optimistic-concurrency token every edit form sends back. */
export const versionField = z.coerce.number({ error: "invalidRequest" }).int().min(1);

/** A stakeholder group of the roster (any of the six, or UNCLASSIFIED) and a country (ISO code or unknown). */
export const SpeakerMappingSchema = z.object({
  name: cleanText(200, "nameTooLong").pipe(z.string().min(2, { error: "nameRequired" })),
  organisation: cleanText(200, "nameTooLong").default(""),
  stakeholderGroup: z.enum(INPUT_GROUPS, { error: "groupInvalid" }),
  country: z.preprocess(
    (v) => (v === "" || v === null || v === undefined ? UNKNOWN_COUNTRY : String(v).trim().toUpperCase()),
    z.string().refine((v) => v === UNKNOWN_COUNTRY || isCountryCode(v), { error: "countryInvalid" }),
  ),
  version: versionField,
});

export type SpeakerMappingInput = z.output<typeof SpeakerMappingSchema>;

export const ReportSchema = z.object({
  title: cleanText(300, "titleTooLong").pipe(z.string().min(2, { error: "titleRequired" })),
  body: cleanText(MAX_REPORT_CHARS, "reportTooLong").pipe(z.string().min(20, { error: "reportTooShort" })),
});
