import "server-only";
// What the secretariat's translation editor shows for one text: its original, where each of the six languages stands
// (original, complete, outdated, missing) and the stored translations, for every translatable kind (docs/decisions/0033).
import { db } from "../db/client";
import { hasRole, type Actor } from "../auth/session-roles";
import { fail, ok, type Result } from "../result";
import { LOCALES, type Locale } from "./config";
import { fingerprintOf, type TranslationState } from "./content";
import { versionFingerprint } from "../drafts/translations";
import type { TranslatableKind } from "./translate";
import { invitationFingerprint } from "../balance/invitation-text";

export type EditorKind = TranslatableKind | "draftVersion";
export const EDITOR_KINDS: readonly EditorKind[] = ["consultation", "theme", "draft", "draftVersion", "reasonTemplate", "glossaryTerm", "sitePage", "balanceInvitation"];

export interface EditorField {
  name: string;
  /** a textarea (Markdown when `markdown`) rather than one line */
  multiline: boolean;
  markdown: boolean;
  required: boolean;
  max: number;
}

export const EDITOR_FIELDS: Record<EditorKind, EditorField[]> = {
  consultation: [
    { name: "title", multiline: false, markdown: false, required: true, max: 200 },
    { name: "summary", multiline: true, markdown: false, required: false, max: 500 },
    { name: "description", multiline: true, markdown: true, required: true, max: 50_000 },
  ],
  theme: [
    { name: "title", multiline: false, markdown: false, required: true, max: 120 },
    { name: "description", multiline: true, markdown: false, required: false, max: 1000 },
  ],
  draft: [{ name: "title", multiline: false, markdown: false, required: true, max: 200 }],
  draftVersion: [
    { name: "source", multiline: true, markdown: true, required: true, max: 500_000 },
    { name: "note", multiline: false, markdown: false, required: false, max: 500 },
  ],
  reasonTemplate: [
    { name: "label", multiline: false, markdown: false, required: true, max: 80 },
    { name: "text", multiline: true, markdown: false, required: true, max: 2000 },
  ],
  glossaryTerm: [{ name: "expansion", multiline: false, markdown: false, required: true, max: 300 }],
  sitePage: [
    { name: "title", multiline: false, markdown: false, required: true, max: 200 },
    { name: "body", multiline: true, markdown: true, required: true, max: 100_000 },
  ],
  balanceInvitation: [{ name: "invitation", multiline: true, markdown: false, required: true, max: 1000 }],
};

export interface EditorTranslation {
  language: string;
  updatedAt: string;
  texts: Record<string, string>;
}

export interface EditorText {
  kind: EditorKind;
  id: string;
  /** what the text is, for the heading: its original title, label, acronym or version number */
  name: string;
  /** for a draft version: its number */
  number?: number;
  originalLanguage: string;
  original: Record<string, string>;
  /** fingerprint of the original as shown: sent back with a save, so a later edit of the original marks it outdated */
  sourceHash: string;
  states: Record<Locale, TranslationState>;
  translations: EditorTranslation[];
  /** the secretariat page this text is edited on */
  back: string;
}

type Row = { language: string; sourceHash: string; updatedAt: Date } & Record<string, unknown>;

function build(kind: EditorKind, id: string, name: string, originalLanguage: string, original: Record<string, string>, sourceHash: string, rows: Row[], back: string, number?: number): EditorText {
  const fields = EDITOR_FIELDS[kind].map((f) => f.name);
  const states = Object.fromEntries(
    LOCALES.map((l) => {
      if (l === originalLanguage) return [l, "original"];
      const row = rows.find((r) => r.language === l);
      return [l, !row ? "missing" : row.sourceHash === sourceHash ? "complete" : "outdated"];
    }),
  ) as Record<Locale, TranslationState>;
  const translations = rows.map((r) => ({ language: r.language, updatedAt: r.updatedAt.toISOString(), texts: Object.fromEntries(fields.map((f) => [f, String(r[f] ?? "")])) }));
  return { kind, id, name, number, originalLanguage, original, sourceHash, states, translations, back };
}

/** The editor's view of one text; the secretariat only. */
export async function loadTranslatable(actor: Actor | null, kind: EditorKind, id: string): Promise<Result<EditorText>> {
  if (!actor || !hasRole(actor, "SECRETARIAT")) return fail("forbidden", undefined, 403);
  const missing = fail("notFound", undefined, 404);
  switch (kind) {
    case "consultation": {
      const r = await db.consultation.findUnique({ where: { id }, include: { translations: true } });
      if (!r) return missing;
      const original = { title: r.title, summary: r.summary, description: r.description };
      return ok(build(kind, id, r.title, r.language, original, fingerprintOf(original, ["title", "summary", "description"]), r.translations, `/secretariat/consultations/${r.slug}`));
    }
    case "theme": {
      const r = await db.theme.findUnique({ where: { id }, include: { translations: true, consultation: { select: { slug: true, language: true } } } });
      if (!r) return missing;
      const original = { title: r.title, description: r.description };
      return ok(build(kind, id, r.title, r.consultation.language, original, fingerprintOf(original, ["title", "description"]), r.translations, `/secretariat/consultations/${r.consultation.slug}`));
    }
    case "draft": {
      const r = await db.draftDocument.findUnique({ where: { id }, include: { translations: true, consultation: { select: { slug: true } } } });
      if (!r) return missing;
      const original = { title: r.title };
      return ok(build(kind, id, r.title, r.language, original, fingerprintOf(original, ["title"]), r.translations, `/secretariat/consultations/${r.consultation.slug}/drafts/${r.slug}`));
    }
    case "draftVersion": {
      const r = await db.draftVersion.findUnique({ where: { id }, include: { translations: true, draft: { select: { slug: true, title: true, language: true, consultation: { select: { slug: true } } } } } });
      if (!r) return missing;
      const original = { source: r.source, note: r.note };
      return ok(build(kind, id, r.draft.title, r.draft.language, original, versionFingerprint(r), r.translations, `/secretariat/consultations/${r.draft.consultation.slug}/drafts/${r.draft.slug}`, r.number));
    }
    case "reasonTemplate": {
      const r = await db.reasonTemplate.findUnique({ where: { id }, include: { translations: true } });
      if (!r) return missing;
      const original = { label: r.label, text: r.text };
      return ok(build(kind, id, r.label, r.language, original, fingerprintOf(original, ["label", "text"]), r.translations, "/secretariat/reasons"));
    }
    case "glossaryTerm": {
      const r = await db.glossaryTerm.findUnique({ where: { id }, include: { translations: true } });
      if (!r) return missing;
      const original = { expansion: r.expansion };
      return ok(build(kind, id, r.acronym, r.language, original, fingerprintOf(original, ["expansion"]), r.translations, "/secretariat/glossary"));
    }
    case "sitePage": {
      const r = await db.sitePage.findUnique({ where: { key: id }, include: { translations: true } });
      if (!r) return missing;
      const original = { title: r.title, body: r.body };
      return ok(build(kind, id, r.title, r.language, original, fingerprintOf(original, ["title", "body"]), r.translations, "/secretariat/pages"));
    }
    case "balanceInvitation": {
      // `id` is the consultation's: its policy's invitation, once the secretariat has written one.
      const r = await db.balancePolicy.findUnique({ where: { consultationId: id }, include: { invitationTranslations: true, consultation: { select: { slug: true, title: true, language: true } } } });
      if (!r || !r.invitation) return missing;
      const original = { invitation: r.invitation };
      const rows = r.invitationTranslations.map((t) => ({ ...t, invitation: t.text }));
      return ok(build(kind, id, r.consultation.title, r.consultation.language, original, invitationFingerprint(r.invitation), rows, `/secretariat/consultations/${r.consultation.slug}/balance`));
    }
  }
}

/** How many of the six languages each text lacks (missing or outdated), for the links to the editor. */
export function gapsOf(states: Record<string, TranslationState>): number {
  return Object.values(states).filter((s) => s === "missing" || s === "outdated").length;
}

/** For the links beside each text: how many languages each of `ids` lacks (missing or out of date). */
export async function translationGaps(actor: Actor | null, kind: EditorKind, ids: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const id of ids) {
    const loaded = await loadTranslatable(actor, kind, id);
    if (loaded.ok) out.set(id, gapsOf(loaded.data.states));
  }
  return out;
}
