import "server-only";
// Saving and removing translations of the secretariat's texts (docs/decisions/0033): a consultation, a theme, a draft's
// title, a reason template, a glossary term, a site page, a balance policy's invitation to under-represented regions. One complete row per language; each save is conditional on
// the translation the form showed (its updatedAt), audited with the text before and after.
import { z } from "zod";
import type { Tx } from "../db/client";
import { lockKey, withTransaction } from "../db/transaction";
import { recordAudit } from "../audit/log";
import { hasRole, type Actor } from "../auth/session-roles";
import { fail, fieldErrorsOf, ok, type Result } from "../result";
import { isLocale } from "./config";

export const TRANSLATABLE = ["consultation", "theme", "draft", "reasonTemplate", "glossaryTerm", "sitePage", "balanceInvitation"] as const;
export type TranslatableKind = (typeof TRANSLATABLE)[number];

const text = (max: number, required: boolean, tooLong: string, missing: string) =>
  required ? z.string().trim().min(1, { error: missing }).max(max, { error: tooLong }) : z.string().trim().max(max, { error: tooLong }).default("");

/** The fields of each kind, with the same limits as the originals. */
export const TRANSLATION_FIELDS = {
  consultation: z.object({
    title: text(200, true, "titleTooLong", "titleRequired"),
    summary: text(500, false, "summaryTooLong", "summaryTooLong"),
    description: text(50_000, true, "descriptionTooLong", "descriptionRequired"),
  }),
  theme: z.object({ title: text(120, true, "titleTooLong", "titleRequired"), description: text(1000, false, "descriptionTooLong", "descriptionTooLong") }),
  draft: z.object({ title: text(200, true, "titleTooLong", "titleRequired") }),
  reasonTemplate: z.object({ label: text(80, true, "labelTooLong", "labelRequired"), text: text(2000, true, "reasonTooLong", "textRequired") }),
  glossaryTerm: z.object({ expansion: text(300, true, "expansionTooLong", "expansionRequired") }),
  sitePage: z.object({ title: text(200, true, "titleTooLong", "titleRequired"), body: text(100_000, true, "bodyTooLong", "bodyRequired") }),
  /** the same limit as BalancePolicy.invitation (lib/balance/schema.ts) */
  balanceInvitation: z.object({ invitation: text(1000, true, "invitationTooLong", "invitationRequired") }),
} as const;

export type TranslationInput<K extends TranslatableKind> = z.infer<(typeof TRANSLATION_FIELDS)[K]>;

const MetaSchema = z.object({
  /** fingerprint of the original the form showed (lib/i18n/content.ts fingerprintOf) */
  sourceHash: z.string().regex(/^[0-9a-f]{16}$/, { error: "invalidRequest" }),
  /** updatedAt of the translation the form showed, "" when there was none */
  expectedUpdatedAt: z.union([z.literal(""), z.iso.datetime({ error: "invalidRequest" })]).default(""),
});

interface Original {
  language: string;
  consultationId: string | null;
}

interface Row {
  id: string;
  updatedAt: Date;
  texts: Record<string, string>;
}

interface Adapter {
  original(tx: Tx, id: string): Promise<Original | null>;
  find(tx: Tx, id: string, language: string): Promise<Row | null>;
  create(tx: Tx, id: string, language: string, data: Record<string, string>): Promise<void>;
  update(tx: Tx, rowId: string, data: Record<string, string>): Promise<void>;
  remove(tx: Tx, rowId: string): Promise<void>;
}

function rowOf(r: { id: string; updatedAt: Date } & Record<string, unknown>, fields: readonly string[]): Row {
  return { id: r.id, updatedAt: r.updatedAt, texts: Object.fromEntries(fields.map((f) => [f, String(r[f] ?? "")])) };
}

const ADAPTERS: Record<TranslatableKind, Adapter> = {
  consultation: {
    original: async (tx, id) => {
      const r = await tx.consultation.findUnique({ where: { id }, select: { language: true } });
      return r ? { language: r.language, consultationId: id } : null;
    },
    find: async (tx, id, language) => {
      const r = await tx.consultationTranslation.findUnique({ where: { consultationId_language: { consultationId: id, language } } });
      return r ? rowOf(r, ["title", "summary", "description"]) : null;
    },
    create: async (tx, id, language, data) => void (await tx.consultationTranslation.create({ data: { consultationId: id, language, title: data.title ?? "", summary: data.summary ?? "", description: data.description ?? "", sourceHash: data.sourceHash ?? "" } })),
    update: async (tx, rowId, data) => void (await tx.consultationTranslation.update({ where: { id: rowId }, data })),
    remove: async (tx, rowId) => void (await tx.consultationTranslation.delete({ where: { id: rowId } })),
  },
  theme: {
    original: async (tx, id) => {
      const r = await tx.theme.findUnique({ where: { id }, select: { consultationId: true, consultation: { select: { language: true } } } });
      return r ? { language: r.consultation.language, consultationId: r.consultationId } : null;
    },
    find: async (tx, id, language) => {
      const r = await tx.themeTranslation.findUnique({ where: { themeId_language: { themeId: id, language } } });
      return r ? rowOf(r, ["title", "description"]) : null;
    },
    create: async (tx, id, language, data) => void (await tx.themeTranslation.create({ data: { themeId: id, language, title: data.title ?? "", description: data.description ?? "", sourceHash: data.sourceHash ?? "" } })),
    update: async (tx, rowId, data) => void (await tx.themeTranslation.update({ where: { id: rowId }, data })),
    remove: async (tx, rowId) => void (await tx.themeTranslation.delete({ where: { id: rowId } })),
  },
  draft: {
    original: async (tx, id) => {
      const r = await tx.draftDocument.findUnique({ where: { id }, select: { language: true, consultationId: true } });
      return r ? { language: r.language, consultationId: r.consultationId } : null;
    },
    find: async (tx, id, language) => {
      const r = await tx.draftTranslation.findUnique({ where: { draftId_language: { draftId: id, language } } });
      return r ? rowOf(r, ["title"]) : null;
    },
    create: async (tx, id, language, data) => void (await tx.draftTranslation.create({ data: { draftId: id, language, title: data.title ?? "", sourceHash: data.sourceHash ?? "" } })),
    update: async (tx, rowId, data) => void (await tx.draftTranslation.update({ where: { id: rowId }, data })),
    remove: async (tx, rowId) => void (await tx.draftTranslation.delete({ where: { id: rowId } })),
  },
  reasonTemplate: {
    original: async (tx, id) => {
      const r = await tx.reasonTemplate.findUnique({ where: { id }, select: { language: true } });
      return r ? { language: r.language, consultationId: null } : null;
    },
    find: async (tx, id, language) => {
      const r = await tx.reasonTemplateTranslation.findUnique({ where: { templateId_language: { templateId: id, language } } });
      return r ? rowOf(r, ["label", "text"]) : null;
    },
    create: async (tx, id, language, data) => void (await tx.reasonTemplateTranslation.create({ data: { templateId: id, language, label: data.label ?? "", text: data.text ?? "", sourceHash: data.sourceHash ?? "" } })),
    update: async (tx, rowId, data) => void (await tx.reasonTemplateTranslation.update({ where: { id: rowId }, data })),
    remove: async (tx, rowId) => void (await tx.reasonTemplateTranslation.delete({ where: { id: rowId } })),
  },
  glossaryTerm: {
    original: async (tx, id) => {
      const r = await tx.glossaryTerm.findUnique({ where: { id }, select: { language: true } });
      return r ? { language: r.language, consultationId: null } : null;
    },
    find: async (tx, id, language) => {
      const r = await tx.glossaryTermTranslation.findUnique({ where: { termId_language: { termId: id, language } } });
      return r ? rowOf(r, ["expansion"]) : null;
    },
    create: async (tx, id, language, data) => void (await tx.glossaryTermTranslation.create({ data: { termId: id, language, expansion: data.expansion ?? "", sourceHash: data.sourceHash ?? "" } })),
    update: async (tx, rowId, data) => void (await tx.glossaryTermTranslation.update({ where: { id: rowId }, data })),
    remove: async (tx, rowId) => void (await tx.glossaryTermTranslation.delete({ where: { id: rowId } })),
  },
  sitePage: {
    original: async (tx, key) => {
      const r = await tx.sitePage.findUnique({ where: { key }, select: { language: true } });
      return r ? { language: r.language, consultationId: null } : null;
    },
    find: async (tx, key, language) => {
      const r = await tx.sitePageTranslation.findUnique({ where: { pageKey_language: { pageKey: key, language } } });
      return r ? rowOf(r, ["title", "body"]) : null;
    },
    create: async (tx, key, language, data) => void (await tx.sitePageTranslation.create({ data: { pageKey: key, language, title: data.title ?? "", body: data.body ?? "", sourceHash: data.sourceHash ?? "" } })),
    update: async (tx, rowId, data) => void (await tx.sitePageTranslation.update({ where: { id: rowId }, data })),
    remove: async (tx, rowId) => void (await tx.sitePageTranslation.delete({ where: { id: rowId } })),
  },
  // Keyed by the consultation (one policy each); there is nothing to translate until the policy has an invitation.
  balanceInvitation: {
    original: async (tx, consultationId) => {
      const r = await tx.balancePolicy.findUnique({ where: { consultationId }, select: { invitation: true, consultation: { select: { language: true } } } });
      return r && r.invitation ? { language: r.consultation.language, consultationId } : null;
    },
    find: async (tx, consultationId, language) => {
      const r = await tx.balanceInvitationTranslation.findFirst({ where: { language, policy: { consultationId } } });
      return r ? { id: r.id, updatedAt: r.updatedAt, texts: { invitation: r.text } } : null;
    },
    create: async (tx, consultationId, language, data) => {
      const policy = await tx.balancePolicy.findUniqueOrThrow({ where: { consultationId }, select: { id: true } });
      await tx.balanceInvitationTranslation.create({ data: { policyId: policy.id, language, text: data.invitation ?? "", sourceHash: data.sourceHash ?? "" } });
    },
    update: async (tx, rowId, data) => void (await tx.balanceInvitationTranslation.update({ where: { id: rowId }, data: { text: data.invitation ?? "", sourceHash: data.sourceHash ?? "" } })),
    remove: async (tx, rowId) => void (await tx.balanceInvitationTranslation.delete({ where: { id: rowId } })),
  },
};

const ENTITY: Record<TranslatableKind, string> = {
  consultation: "Consultation", theme: "Theme", draft: "DraftDocument", reasonTemplate: "ReasonTemplate", glossaryTerm: "GlossaryTerm", sitePage: "SitePage",
  balanceInvitation: "BalancePolicy",
};

function sameInstant(row: Row | null, expected: string): boolean {
  if (expected === "") return row === null;
  return row !== null && row.updatedAt.toISOString() === new Date(expected).toISOString();
}

/**
 * Creates or replaces the translation of one text into `language` (never the original's own language). The form
 * sends what it showed: the original's fingerprint (stored, so a later edit of the original marks this outdated)
 * and the translation's updatedAt ("" if none): if someone saved or removed it meanwhile, nothing is written.
 */
export async function saveTranslation(actor: Actor | null, kind: TranslatableKind, id: string, language: string, raw: unknown): Promise<Result<{ updatedAt: string }>> {
  if (!actor || !hasRole(actor, "SECRETARIAT")) return fail("forbidden", undefined, 403);
  if (!isLocale(language)) return fail("invalidInput", { language: ["languageInvalid"] });
  const fields = TRANSLATION_FIELDS[kind].safeParse(raw);
  const meta = MetaSchema.safeParse(raw);
  if (!fields.success || !meta.success) {
    return fail("invalidInput", { ...(fields.success ? {} : fieldErrorsOf(fields.error)), ...(meta.success ? {} : { form: ["invalidRequest"] }) });
  }
  const data: Record<string, string> = { ...(fields.data as Record<string, string>), sourceHash: meta.data.sourceHash };
  const adapter = ADAPTERS[kind];
  return withTransaction(async (tx) => {
    await lockKey(tx, `translation:${kind}`, `${id}:${language}`);
    const original = await adapter.original(tx, id);
    if (!original) return fail("notFound", undefined, 404);
    if (original.language === language) return fail("invalidInput", { language: ["translationIsOriginal"] });
    const before = await adapter.find(tx, id, language);
    if (!sameInstant(before, meta.data.expectedUpdatedAt)) return fail("translationChanged", { form: ["translationChanged"] }, 409);
    if (before) await adapter.update(tx, before.id, data);
    else await adapter.create(tx, id, language, data);
    const after = await adapter.find(tx, id, language);
    await recordAudit(tx, {
      actorId: actor.id, action: before ? "translation.update" : "translation.create", entityType: ENTITY[kind], entityId: id,
      consultationId: original.consultationId, details: { language, ...(before ? { before: before.texts } : {}), after: fields.data as Record<string, string> },
    });
    return ok({ updatedAt: after?.updatedAt.toISOString() ?? "" });
  });
}

/** Removes one translation (readers then see the original, marked untranslated); conditional like saveTranslation. */
export async function deleteTranslation(actor: Actor | null, kind: TranslatableKind, id: string, language: string, expectedUpdatedAt: string): Promise<Result<{ removed: boolean }>> {
  if (!actor || !hasRole(actor, "SECRETARIAT")) return fail("forbidden", undefined, 403);
  if (!isLocale(language)) return fail("invalidInput", { language: ["languageInvalid"] });
  const adapter = ADAPTERS[kind];
  return withTransaction(async (tx) => {
    await lockKey(tx, `translation:${kind}`, `${id}:${language}`);
    const original = await adapter.original(tx, id);
    if (!original) return fail("notFound", undefined, 404);
    const before = await adapter.find(tx, id, language);
    if (!before) return ok({ removed: false });
    if (!sameInstant(before, expectedUpdatedAt)) return fail("translationChanged", { form: ["translationChanged"] }, 409);
    await adapter.remove(tx, before.id);
    await recordAudit(tx, { actorId: actor.id, action: "translation.delete", entityType: ENTITY[kind], entityId: id, consultationId: original.consultationId, details: { language, before: before.texts } });
    return ok({ removed: true });
  });
}
