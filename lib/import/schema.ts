// One imported row: the fields an e-mailed or paper input carries, validated like a web contribution, and what is
// wrong with a row said cell by cell (column, value, what is allowed, the likely intended value).
import { z } from "zod";
import { COUNTRIES, isCountryCode, UNKNOWN_COUNTRY } from "../geo/countries";
import { INPUT_GROUPS } from "../stakeholders/groups";
import { LANGUAGES } from "../submissions/language";
import { BODY_MAX, MAX_ATTACHMENTS, TITLE_MAX } from "../submissions/limits";
import { hasBrokenText } from "../submissions/schema";
import type { RawRow } from "./parse";
import { allowedList, didYouMean, shownValue, type CellProblem } from "./report";

const str = z.preprocess((v) => (Array.isArray(v) ? v.join(";") : v ?? ""), z.string());
const text = (max: number, required: string, tooLong: string) =>
  str.pipe(z.string().max(max, { error: tooLong }).refine((v) => !hasBrokenText(v), { error: "invalidText" }).transform((v) => v.normalize("NFC").trim()).pipe(z.string().min(1, { error: required })));
const optionalText = (max: number, tooLong: string) =>
  str.pipe(z.string().max(max, { error: tooLong }).refine((v) => !hasBrokenText(v), { error: "invalidText" }).transform((v) => v.normalize("NFC").trim()));
const list = z.preprocess((v) => (Array.isArray(v) ? v : String(v ?? "").split(";")), z.array(z.string()).transform((l) => [...new Set(l.map((s) => s.trim()).filter(Boolean))]));

const DATE = /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Every column the contributions import reads; any other column is reported as a warning and ignored. */
export const IMPORT_COLUMNS = [
  "title", "body", "contributor_name", "organisation", "affiliation", "stakeholder_group", "country", "themes", "language",
  "received_at", "external_id", "visibility", "attachments",
] as const;

export function importRowSchema(themeSlugs: readonly string[]) {
  return z
    .object({
      title: text(TITLE_MAX, "titleRequired", "titleTooLong"),
      body: text(BODY_MAX, "bodyRequired", "bodyTooLong"),
      contributor_name: text(200, "nameRequired", "nameTooLong"),
      /** the organisation the contribution is sent on behalf of (the per-contributor cap counts against it) */
      organisation: optionalText(200, "organisationTooLong"),
      /** the author's organisation, recorded with the contribution but not acting on its behalf */
      affiliation: optionalText(200, "organisationTooLong"),
      // An imported input's group may be UNCLASSIFIED and its country unknown (ZZ): counted apart, never dropped.
      stakeholder_group: str.pipe(z.string().trim().toUpperCase().pipe(z.string().min(1, { error: "groupRequired" })).pipe(z.enum(INPUT_GROUPS, { error: "groupInvalid" }))),
      country: str.pipe(
        z.string().trim().toUpperCase()
          .pipe(z.string().min(1, { error: "countryRequired" }))
          .transform((v) => (v === "UNKNOWN" ? UNKNOWN_COUNTRY : v))
          .refine((v) => v === UNKNOWN_COUNTRY || isCountryCode(v), { error: "countryInvalid" }),
      ),
      themes: list.pipe(z.array(z.string().refine((s) => themeSlugs.includes(s), { error: "themeUnknown" })).min(1, { error: "themeRequired" })),
      language: str.pipe(z.string().trim().toLowerCase().pipe(z.enum(LANGUAGES, { error: "languageInvalid" }))),
      received_at: str.pipe(z.string().trim().refine((v) => DATE.test(v) && !Number.isNaN(Date.parse(v)), { error: "dateInvalid" }).transform((v) => new Date(/T|\s/.test(v) ? v : `${v}T00:00:00Z`))),
      external_id: str.pipe(z.string().trim().max(200, { error: "externalIdTooLong" })).transform((v) => v || null),
      visibility: str.pipe(z.string().trim().toUpperCase().transform((v) => v || "PUBLIC_NAMED").pipe(z.enum(["PUBLIC_NAMED", "PUBLIC_ANONYMOUS"], { error: "visibilityInvalid" }))),
      attachments: list.pipe(z.array(z.string()).max(MAX_ATTACHMENTS, { error: "tooManyAttachments" })),
    })
    .superRefine((v, ctx) => {
      // One or the other: on behalf of an organisation, or someone writing for themselves who names their employer.
      if (v.organisation && v.affiliation) ctx.addIssue({ code: "custom", path: ["affiliation"], message: "onBehalfOfConflict" });
    });
}

export type ImportRow = z.infer<ReturnType<typeof importRowSchema>>;

const COUNTRY_BY_NAME = new Map(COUNTRIES.map((c) => [c.name.toUpperCase(), c.code]));
const COUNTRY_NAMES = COUNTRIES.map((c) => c.name);

/** What a country cell most likely meant: a code one slip away, or the code of a country name ("Kenia" → KE). */
function countrySuggestion(value: string): string | undefined {
  const v = value.trim();
  if (!v) return undefined;
  const byName = COUNTRY_BY_NAME.get(v.toUpperCase());
  if (byName) return byName;
  const name = didYouMean(v, COUNTRY_NAMES);
  if (name) return COUNTRY_BY_NAME.get(name.toUpperCase());
  return undefined;
}

const LANGUAGE_NAMES: Record<string, string> = {
  english: "en", anglais: "en", french: "fr", français: "fr", francais: "fr", spanish: "es", español: "es", espanol: "es",
  arabic: "ar", russian: "ru", chinese: "zh", portuguese: "pt", german: "de",
};

/**
 * Every problem of a row, each with its column, the value found, what the column allows and, when the value is
 * close to an allowed one, a suggestion. `themeSlugs` are the consultation's themes.
 */
export function problemsOf(error: z.ZodError, raw: RawRow, row: number, themeSlugs: readonly string[]): CellProblem[] {
  const out: CellProblem[] = [];
  for (const issue of error.issues) {
    const column = String(issue.path[0] ?? "row");
    const code = /^[a-zA-Z]+$/.test(issue.message) ? issue.message : "invalidText";
    const cell = raw[column];
    const problem: CellProblem = { row, column, value: shownValue(cell), code };
    switch (code) {
      case "groupInvalid":
        problem.allowed = allowedList(INPUT_GROUPS);
        problem.suggestion = didYouMean(String(cell ?? ""), INPUT_GROUPS);
        break;
      case "groupRequired":
        problem.allowed = `${allowedList(INPUT_GROUPS)} (UNCLASSIFIED when it is not known)`;
        break;
      case "countryInvalid":
        problem.allowed = "an ISO 3166-1 alpha-2 code (KE, FR, BR…), or ZZ when it is not known";
        problem.suggestion = countrySuggestion(String(cell ?? ""));
        break;
      case "countryRequired":
        problem.allowed = "an ISO 3166-1 alpha-2 code (KE, FR, BR…), or ZZ when it is not known";
        break;
      case "languageInvalid": {
        const v = String(cell ?? "").trim().toLowerCase();
        problem.allowed = allowedList(LANGUAGES, 30);
        problem.suggestion = LANGUAGE_NAMES[v] ?? didYouMean(v, LANGUAGES);
        break;
      }
      case "themeUnknown": {
        // The element of the themes list that is unknown, not the whole cell.
        const items = Array.isArray(cell) ? cell : String(cell ?? "").split(";").map((s) => s.trim()).filter(Boolean);
        const bad = [...new Set(items)].filter((s) => !themeSlugs.includes(s));
        const index = typeof issue.path[1] === "number" ? issue.path[1] : 0;
        const value = [...new Set(items.map((s) => s.trim()).filter(Boolean))][index] ?? bad[0] ?? "";
        problem.value = shownValue(value);
        problem.allowed = allowedList(themeSlugs);
        problem.suggestion = didYouMean(value, themeSlugs);
        break;
      }
      case "themeRequired":
        problem.allowed = `one or more of ${allowedList(themeSlugs)}, separated by ;`;
        break;
      case "dateInvalid":
        problem.allowed = "YYYY-MM-DD, or an ISO 8601 date and time (2026-02-01T10:00:00Z)";
        break;
      case "visibilityInvalid":
        problem.allowed = "PUBLIC_NAMED, PUBLIC_ANONYMOUS";
        problem.suggestion = didYouMean(String(cell ?? ""), ["PUBLIC_NAMED", "PUBLIC_ANONYMOUS"]);
        break;
      case "titleTooLong":
        problem.allowed = `up to ${TITLE_MAX} characters`;
        break;
      case "bodyTooLong":
        problem.allowed = `up to ${BODY_MAX.toLocaleString("en")} characters`;
        break;
      case "nameTooLong":
      case "organisationTooLong":
        problem.allowed = "up to 200 characters";
        break;
      case "tooManyAttachments":
        problem.allowed = `up to ${MAX_ATTACHMENTS} files, separated by ;`;
        break;
      case "onBehalfOfConflict":
        problem.allowed = "either organisation (sent on its behalf) or affiliation (the author's organisation), not both";
        break;
    }
    if (!problem.suggestion) delete problem.suggestion;
    if (!out.some((p) => p.column === problem.column && p.code === problem.code && p.value === problem.value)) out.push(problem);
  }
  return out;
}
