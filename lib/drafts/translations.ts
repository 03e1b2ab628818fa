import "server-only";
// drafts in other languages: a version's translation is a Markdown text whose blocks match the original version's
// blocks one for one (same number, kinds and levels), so every comment anchored to a paragraph belongs to the same
// paragraph of each translation. Conditional on what the form showed, audited. See docs/decisions/0033.
import { z } from "zod";
import { lockKey, withTransaction } from "../db/transaction";
import { recordAudit } from "../audit/log";
import { hasRole, type Actor } from "../auth/session-roles";
import { fail, fieldErrorsOf, ok, type Result } from "../result";
import { isLocale } from "../i18n/config";
import { fingerprintOf, type Localized } from "../i18n/content";
import type { UploadedFile } from "../files/upload";
import type { DraftBlock } from "./parse";
import { draftSource } from "./service";

const Schema = z.object({
  source: z.string().max(500_000, { error: "sourceTooLong" }).default(""),
  note: z.string().trim().max(500, { error: "noteTooLong" }).default(""),
  sourceHash: z.string().regex(/^[0-9a-f]{16}$/, { error: "invalidRequest" }),
  expectedUpdatedAt: z.union([z.literal(""), z.iso.datetime({ error: "invalidRequest" })]).default(""),
});

/** The fingerprint of a version's original (its Markdown and note) that a translation is made from. */
export function versionFingerprint(version: { source: string; note: string }): string {
  return fingerprintOf(version, ["source", "note"]);
}

interface Shape {
  kind: string;
  level: number;
}

/** Where a translation's blocks stop matching the original's, or null when they match one for one. */
export function structureMismatch(original: readonly Shape[], translated: readonly Shape[]): { position: number; expected: number; got: number } | null {
  const length = Math.max(original.length, translated.length);
  for (let i = 0; i < length; i++) {
    const a = original[i];
    const b = translated[i];
    if (!a || !b || a.kind !== b.kind || (a.kind === "HEADING" && a.level !== b.level) || (a.kind === "LIST_ITEM" && a.level !== b.level)) {
      return { position: i + 1, expected: original.length, got: translated.length };
    }
  }
  return null;
}

export async function saveVersionTranslation(actor: Actor | null, versionId: string, language: string, raw: unknown, file: UploadedFile | null = null): Promise<Result<{ updatedAt: string }>> {
  if (!actor || !hasRole(actor, "SECRETARIAT")) return fail("forbidden", undefined, 403);
  if (!isLocale(language)) return fail("invalidInput", { language: ["languageInvalid"] });
  const parsed = Schema.safeParse(raw);
  if (!parsed.success) return fail("invalidInput", fieldErrorsOf(parsed.error));
  const prepared = await draftSource(file, parsed.data.source);
  if (!prepared.ok) return prepared;
  const blocks: DraftBlock[] = prepared.data.blocks;
  return withTransaction(async (tx) => {
    await lockKey(tx, "translation:draftVersion", `${versionId}:${language}`);
    const version = await tx.draftVersion.findUnique({
      where: { id: versionId },
      select: { id: true, number: true, draft: { select: { id: true, language: true, consultationId: true } }, paragraphs: { orderBy: { position: "asc" }, select: { kind: true, level: true } } },
    });
    if (!version) return fail("notFound", undefined, 404);
    if (version.draft.language === language) return fail("invalidInput", { language: ["translationIsOriginal"] });
    const mismatch = structureMismatch(version.paragraphs, blocks);
    if (mismatch) return fail("invalidInput", { [file ? "file" : "source"]: ["structureMismatch"] }, 400, { params: mismatch });
    const before = await tx.draftVersionTranslation.findUnique({ where: { versionId_language: { versionId, language } } });
    const expected = parsed.data.expectedUpdatedAt;
    const unchanged = expected === "" ? before === null : before !== null && before.updatedAt.toISOString() === new Date(expected).toISOString();
    if (!unchanged) return fail("translationChanged", { form: ["translationChanged"] }, 409);
    const data = { source: prepared.data.source, note: parsed.data.note, texts: blocks.map((b) => b.text), sourceHash: parsed.data.sourceHash };
    const row = before
      ? await tx.draftVersionTranslation.update({ where: { id: before.id }, data })
      : await tx.draftVersionTranslation.create({ data: { versionId, language, ...data } });
    await recordAudit(tx, {
      actorId: actor.id, action: before ? "translation.update" : "translation.create", entityType: "DraftVersion", entityId: versionId,
      consultationId: version.draft.consultationId, details: { language, number: version.number, paragraphs: blocks.filter((b) => b.number !== null).length },
    });
    return ok({ updatedAt: row.updatedAt.toISOString() });
  });
}

export async function deleteVersionTranslation(actor: Actor | null, versionId: string, language: string, expectedUpdatedAt: string): Promise<Result<{ removed: boolean }>> {
  if (!actor || !hasRole(actor, "SECRETARIAT")) return fail("forbidden", undefined, 403);
  return withTransaction(async (tx) => {
    await lockKey(tx, "translation:draftVersion", `${versionId}:${language}`);
    const before = await tx.draftVersionTranslation.findUnique({ where: { versionId_language: { versionId, language } }, include: { version: { select: { number: true, draft: { select: { consultationId: true } } } } } });
    if (!before) return ok({ removed: false });
    if (before.updatedAt.toISOString() !== expectedUpdatedAt) return fail("translationChanged", { form: ["translationChanged"] }, 409);
    await tx.draftVersionTranslation.delete({ where: { id: before.id } });
    await recordAudit(tx, { actorId: actor.id, action: "translation.delete", entityType: "DraftVersion", entityId: versionId, consultationId: before.version.draft.consultationId, details: { language, number: before.version.number } });
    return ok({ removed: true });
  });
}

export interface LocalizedVersion {
  /** text of each paragraph by position, in `localized.language` */
  texts: string[];
  note: string;
  localized: Omit<Localized<Record<string, string>>, "text">;
}

/** A version's paragraphs and note in `language`: its translation when there is one, else the original, marked. */
export function localizeVersion(
  version: { source: string; note: string; translations?: { language: string; texts: string[]; note: string; sourceHash: string }[] },
  paragraphs: readonly { text: string }[],
  originalLanguage: string,
  language: string,
): LocalizedVersion {
  const row = language === originalLanguage ? undefined : version.translations?.find((t) => t.language === language);
  if (row && row.texts.length === paragraphs.length) {
    return {
      texts: row.texts, note: row.note,
      localized: { language, requested: language, original: originalLanguage, untranslated: false, outdated: row.sourceHash !== versionFingerprint(version) },
    };
  }
  return {
    texts: paragraphs.map((p) => p.text), note: version.note,
    localized: { language: originalLanguage, requested: language, original: originalLanguage, untranslated: language !== originalLanguage, outdated: false },
  };
}
