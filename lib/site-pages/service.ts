import "server-only";
// The platform's own pages: what a reader sees (the secretariat's text in their language when translated, else its
// original, marked; before any edit, the built-in text of their language) and the secretariat's edit of the original.
import { z } from "zod";
import { db } from "../db/client";
import { withTransaction, lockKey } from "../db/transaction";
import { recordAudit } from "../audit/log";
import { hasRole, type Actor } from "../auth/session-roles";
import { fail, fieldErrorsOf, ok, type Result } from "../result";
import { LOCALES } from "../i18n/config";
import { localize, type Localized } from "../i18n/content";
import { translationsIn } from "../i18n/texts";
import { defaultSitePage, isSitePageKey, type SitePageKey } from "./defaults";

const FIELDS = ["title", "body"] as const;

export interface SitePageView extends Localized<{ title: string; body: string }> {
  key: SitePageKey;
  /** true while the secretariat has not written this page: the built-in text, in the reader's language */
  builtIn: boolean;
}

/** A page as `language`'s reader sees it, or null for an unknown key. */
export async function getSitePage(key: string, language: string): Promise<SitePageView | null> {
  if (!isSitePageKey(key)) return null;
  const row = await db.sitePage.findUnique({ where: { key }, include: { translations: translationsIn(language) } });
  if (row) return { key, builtIn: false, ...localize(row, row.language, row.translations, language, FIELDS) };
  const builtIn = defaultSitePage(key, language);
  if (!builtIn) return null;
  return { key, builtIn: true, text: builtIn, language, requested: language, original: language, untranslated: false, outdated: false };
}

/** Every page's stored original (absent: still the built-in text), for the secretariat's list. */
export async function listSitePages() {
  const rows = await db.sitePage.findMany({ include: { translations: { select: { language: true } } } });
  return new Map(rows.map((r) => [r.key, r]));
}

const SaveSchema = z.object({
  title: z.string().trim().min(1, { error: "titleRequired" }).max(200, { error: "titleTooLong" }),
  body: z.string().trim().min(1, { error: "bodyRequired" }).max(100_000, { error: "bodyTooLong" }),
  language: z.enum(LOCALES, { error: "languageInvalid" }),
  /** the version the form showed; 0 when the page had never been edited */
  expectedVersion: z.coerce.number().int().min(0),
});

/** Writes a page's original (creating it on the first edit), conditional on the version the form showed; audited. */
export async function saveSitePage(actor: Actor | null, key: string, raw: unknown): Promise<Result<{ version: number }>> {
  if (!actor || !hasRole(actor, "SECRETARIAT")) return fail("forbidden", undefined, 403);
  if (!isSitePageKey(key)) return fail("notFound", undefined, 404);
  const parsed = SaveSchema.safeParse(raw);
  if (!parsed.success) return fail("invalidInput", fieldErrorsOf(parsed.error));
  const { title, body, language, expectedVersion } = parsed.data;
  return withTransaction(async (tx) => {
    await lockKey(tx, "sitePage", key);
    const before = await tx.sitePage.findUnique({ where: { key }, include: { translations: { select: { language: true } } } });
    if ((before?.version ?? 0) !== expectedVersion) return fail("pageChanged", { form: ["pageChanged"] }, 409);
    // A text has one version per language: its original cannot take a language it is already translated into.
    if (before && before.language !== language && before.translations.some((t) => t.language === language)) {
      return fail("invalidInput", { language: ["languageHasTranslation"] });
    }
    const saved = before
      ? await tx.sitePage.update({ where: { key, version: expectedVersion }, data: { title, body, language, version: { increment: 1 } } })
      : await tx.sitePage.create({ data: { key, title, body, language } });
    await recordAudit(tx, {
      actorId: actor.id, action: before ? "sitePage.update" : "sitePage.create", entityType: "SitePage", entityId: key, consultationId: null,
      details: { language, ...(before ? { before: { title: before.title, language: before.language } } : {}), after: { title } },
    });
    return ok({ version: saved.version });
  });
}
