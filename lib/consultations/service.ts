// consultations: what the public reads (published consultations, their themes and phases), in the reader's language
// when a translation exists (docs/decisions/0033): `texts` and each theme's `texts` say which language they are in.
import "server-only";
import { db } from "../db/client";
import { ConsultationStatus } from "../db/generated/enums";
import { localize } from "../i18n/content";
import { CONSULTATION_FIELDS, THEME_FIELDS, translationsIn } from "../i18n/texts";
import { DEFAULT_LOCALE } from "../i18n/config";
import { stageOf, type ConsultationStage } from "./phases";

const listSelect = (language: string) => ({
  id: true, slug: true, title: true, summary: true, description: true, language: true,
  contributionsOpenAt: true, contributionsCloseAt: true, commentsOpenAt: true, commentsCloseAt: true,
  translations: translationsIn(language),
  _count: { select: { themes: true } },
}) as const;

/**
 * Published consultations by stage, each with `texts`: its title, summary and description in `language` when translated,
 * else the original (marked untranslated). Without a language, the originals.
 */
export async function listPublicConsultations(now = new Date(), language?: string) {
  const rows = await db.consultation.findMany({
    where: { status: ConsultationStatus.PUBLISHED },
    select: listSelect(language ?? DEFAULT_LOCALE),
    orderBy: [{ contributionsOpenAt: "desc" }, { createdAt: "desc" }],
    take: 200,
  });
  const localized = rows.map((row) => ({ ...row, texts: localize(row, row.language, row.translations, language ?? row.language, CONSULTATION_FIELDS) }));
  const byStage: Record<ConsultationStage, typeof localized> = { open: [], upcoming: [], closed: [] };
  for (const row of localized) byStage[stageOf(row, now)].push(row);
  return byStage;
}

/**
 * One published consultation with its themes; `texts` (and each theme's `texts`) are in `language` when translated,
 * else the original, marked. The original columns stay as they are for code that needs them (exports, references).
 */
export async function getPublicConsultation(slug: string, language?: string) {
  const requested = language ?? DEFAULT_LOCALE;
  const row = await db.consultation.findFirst({
    where: { slug, status: ConsultationStatus.PUBLISHED },
    include: {
      translations: translationsIn(requested),
      themes: { orderBy: [{ position: "asc" }, { title: "asc" }], include: { translations: translationsIn(requested) } },
    },
  });
  if (!row) return null;
  const asked = language ?? row.language;
  return {
    ...row,
    texts: localize(row, row.language, row.translations, asked, CONSULTATION_FIELDS),
    themes: row.themes.map((theme) => ({ ...theme, texts: localize(theme, row.language, theme.translations, asked, THEME_FIELDS) })),
  };
}

/** Which languages a consultation's texts can be read in: its original and each translation. */
export async function availableLanguagesOf(consultationId: string): Promise<string[]> {
  const row = await db.consultation.findUnique({ where: { id: consultationId }, select: { language: true, translations: { select: { language: true } } } });
  return row ? [row.language, ...row.translations.map((t) => t.language)] : [];
}
