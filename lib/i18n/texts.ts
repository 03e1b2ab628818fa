import "server-only";
// One way for every feature (pages, API, synthesis, archive, e-mails) to read a consultation's, a theme's, a draft's,
// a reason template's or a glossary term's text in a reader's language, with the language it actually is in.
// See docs/decisions/0033. Pages that already load rows can include `translationsIn(locale)` and call localize().
import { db } from "../db/client";
import { localize, type Localized } from "./content";

export type ConsultationText = { title: string; summary: string; description: string };
export type ThemeText = { title: string; description: string };
export type DraftText = { title: string };
export type ReasonTemplateText = { label: string; text: string };
export type GlossaryTermText = { expansion: string };

export const CONSULTATION_FIELDS = ["title", "summary", "description"] as const;
export const THEME_FIELDS = ["title", "description"] as const;
export const DRAFT_FIELDS = ["title"] as const;
export const REASON_FIELDS = ["label", "text"] as const;
export const GLOSSARY_FIELDS = ["expansion"] as const;

/** A Prisma `include`/`select` fragment: the translation rows of one language only (at most one per text). */
export function translationsIn(language: string) {
  return { where: { language } } as const;
}

type Kind = "consultation" | "theme" | "draft" | "reasonTemplate" | "glossaryTerm";

/**
 * The texts of the given ids in `language` (their translation when there is one, else the original, marked
 * untranslated), keyed by id. Ids that do not exist are absent from the map.
 */
export async function getLocalizedTexts(kind: "consultation", ids: readonly string[], language: string): Promise<Map<string, Localized<ConsultationText>>>;
export async function getLocalizedTexts(kind: "theme", ids: readonly string[], language: string): Promise<Map<string, Localized<ThemeText>>>;
export async function getLocalizedTexts(kind: "draft", ids: readonly string[], language: string): Promise<Map<string, Localized<DraftText>>>;
export async function getLocalizedTexts(kind: "reasonTemplate", ids: readonly string[], language: string): Promise<Map<string, Localized<ReasonTemplateText>>>;
export async function getLocalizedTexts(kind: "glossaryTerm", ids: readonly string[], language: string): Promise<Map<string, Localized<GlossaryTermText>>>;
export async function getLocalizedTexts(kind: Kind, ids: readonly string[], language: string): Promise<Map<string, Localized<Record<string, string>>>> {
  const where = { id: { in: [...new Set(ids)] } };
  const translations = translationsIn(language);
  switch (kind) {
    case "consultation": {
      const rows = await db.consultation.findMany({ where, select: { id: true, language: true, title: true, summary: true, description: true, translations } });
      return new Map(rows.map((r) => [r.id, localize(r, r.language, r.translations, language, CONSULTATION_FIELDS)]));
    }
    case "theme": {
      const rows = await db.theme.findMany({ where, select: { id: true, title: true, description: true, consultation: { select: { language: true } }, translations } });
      return new Map(rows.map((r) => [r.id, localize(r, r.consultation.language, r.translations, language, THEME_FIELDS)]));
    }
    case "draft": {
      const rows = await db.draftDocument.findMany({ where, select: { id: true, language: true, title: true, translations } });
      return new Map(rows.map((r) => [r.id, localize(r, r.language, r.translations, language, DRAFT_FIELDS)]));
    }
    case "reasonTemplate": {
      const rows = await db.reasonTemplate.findMany({ where, select: { id: true, language: true, label: true, text: true, translations } });
      return new Map(rows.map((r) => [r.id, localize(r, r.language, r.translations, language, REASON_FIELDS)]));
    }
    case "glossaryTerm": {
      const rows = await db.glossaryTerm.findMany({ where, select: { id: true, language: true, expansion: true, translations } });
      return new Map(rows.map((r) => [r.id, localize(r, r.language, r.translations, language, GLOSSARY_FIELDS)]));
    }
  }
}

/** Convenience for one consultation's title (e-mails, feeds): its text in `language`, or null if it does not exist. */
export async function getConsultationTitle(consultationId: string, language: string): Promise<Localized<{ title: string }> | null> {
  const texts = await getLocalizedTexts("consultation", [consultationId], language);
  const t = texts.get(consultationId);
  return t ? { ...t, text: { title: t.text.title } } : null;
}
