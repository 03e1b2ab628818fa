// One imported row: the fields an e-mailed or paper input carries, validated like a web contribution.
import { z } from "zod";
import { isCountryCode, UNKNOWN_COUNTRY } from "../geo/countries";
import { INPUT_GROUPS } from "../stakeholders/groups";
import { LANGUAGES } from "../submissions/language";
import { BODY_MAX, MAX_ATTACHMENTS, TITLE_MAX } from "../submissions/limits";
import { hasBrokenText } from "../submissions/schema";

const str = z.preprocess((v) => (Array.isArray(v) ? v.join(";") : v ?? ""), z.string());
const text = (max: number, required: string, tooLong: string) =>
  str.pipe(z.string().max(max, { error: tooLong }).refine((v) => !hasBrokenText(v), { error: "invalidText" }).transform((v) => v.normalize("NFC").trim()).pipe(z.string().min(1, { error: required })));
const list = z.preprocess((v) => (Array.isArray(v) ? v : String(v ?? "").split(";")), z.array(z.string()).transform((l) => [...new Set(l.map((s) => s.trim()).filter(Boolean))]));

export function importRowSchema(themeSlugs: readonly string[]) {
  return z.object({
    title: text(TITLE_MAX, "titleRequired", "titleTooLong"),
    body: text(BODY_MAX, "bodyRequired", "bodyTooLong"),
    contributor_name: text(200, "nameRequired", "nameRequired"),
    organisation: str.pipe(z.string().max(200, { error: "invalidText" }).refine((v) => !hasBrokenText(v), { error: "invalidText" }).transform((v) => v.trim())),
    // An imported input's group may be UNCLASSIFIED and its country unknown (ZZ): counted apart, never dropped.
    stakeholder_group: str.pipe(z.string().trim().toUpperCase().pipe(z.enum(INPUT_GROUPS, { error: "groupInvalid" }))),
    country: str.pipe(
      z.string().trim().toUpperCase()
        .transform((v) => (v === "UNKNOWN" ? UNKNOWN_COUNTRY : v))
        .refine((v) => v === UNKNOWN_COUNTRY || isCountryCode(v), { error: "countryInvalid" }),
    ),
    themes: list.pipe(z.array(z.string().refine((s) => themeSlugs.includes(s), { error: "themeUnknown" })).min(1, { error: "themeRequired" })),
    language: str.pipe(z.string().trim().toLowerCase().pipe(z.enum(LANGUAGES, { error: "languageInvalid" }))),
    received_at: str.pipe(z.string().trim().refine((v) => /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(v) && !Number.isNaN(Date.parse(v)), { error: "dateInvalid" }).transform((v) => new Date(/T|\s/.test(v) ? v : `${v}T00:00:00Z`))),
    external_id: str.pipe(z.string().trim().max(200, { error: "externalIdTooLong" })).transform((v) => v || null),
    visibility: str.pipe(z.string().trim().toUpperCase().transform((v) => v || "PUBLIC_NAMED").pipe(z.enum(["PUBLIC_NAMED", "PUBLIC_ANONYMOUS"], { error: "visibilityInvalid" }))),
    attachments: list.pipe(z.array(z.string()).max(MAX_ATTACHMENTS, { error: "tooManyAttachments" })),
  });
}

export type ImportRow = z.infer<ReturnType<typeof importRowSchema>>;
