// Translations of the secretariat's texts: saved per language, conditional on what the editor showed, audited,
// read back through the one function other features use (getLocalizedTexts); draft versions keep their structure.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { fingerprintOf } from "@/lib/i18n/content";
import { getConsultationTitle, getLocalizedTexts } from "@/lib/i18n/texts";
import { deleteTranslation, saveTranslation } from "@/lib/i18n/translate";
import { localizeVersion, saveVersionTranslation, versionFingerprint } from "@/lib/drafts/translations";
import { buildConsultation, buildUser } from "../fixtures/users";
import { buildDraft } from "../fixtures/drafts";

const FIELDS = ["title", "summary", "description"] as const;

async function setup() {
  const secretariat = await buildUser({ role: "SECRETARIAT" });
  const consultation = await buildConsultation({ themes: ["access"] });
  const hash = fingerprintOf(consultation, FIELDS);
  return { secretariat, consultation, hash };
}

describe("content translations", () => {
  it("saves a French translation, which readers of French get with its language; Spanish readers get the original, marked", async () => {
    const { secretariat, consultation, hash } = await setup();
    const saved = await saveTranslation(secretariat, "consultation", consultation.id, "fr", { title: "Consultation préparatoire", summary: "Dites-nous", description: "Le texte.", sourceHash: hash, expectedUpdatedAt: "" });
    expect(saved.ok).toBe(true);
    const fr = (await getLocalizedTexts("consultation", [consultation.id], "fr")).get(consultation.id);
    expect(fr).toMatchObject({ text: { title: "Consultation préparatoire" }, language: "fr", untranslated: false, outdated: false });
    const es = (await getLocalizedTexts("consultation", [consultation.id], "es")).get(consultation.id);
    expect(es).toMatchObject({ text: { title: consultation.title }, language: "en", requested: "es", untranslated: true });
    expect(await getConsultationTitle(consultation.id, "fr")).toMatchObject({ text: { title: "Consultation préparatoire" }, language: "fr" });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: consultation.id, action: "translation.create" } });
    expect(audit).toMatchObject({ actorId: secretariat.id, consultationId: consultation.id, details: { language: "fr" } });
  });

  it("refuses a save made from a stale form, and a second 'new' translation of the same language: nothing is overwritten", async () => {
    const { secretariat, consultation, hash } = await setup();
    const first = await saveTranslation(secretariat, "consultation", consultation.id, "es", { title: "Ronda", description: "Texto", sourceHash: hash, expectedUpdatedAt: "" });
    if (!first.ok) throw new Error(`first save failed ${JSON.stringify(first)}`);
    const concurrent = await saveTranslation(secretariat, "consultation", consultation.id, "es", { title: "Otra", description: "Otro", sourceHash: hash, expectedUpdatedAt: "" });
    expect(concurrent).toMatchObject({ ok: false, error: "translationChanged", status: 409 });
    const second = await saveTranslation(secretariat, "consultation", consultation.id, "es", { title: "Ronda 2", description: "Texto", sourceHash: hash, expectedUpdatedAt: first.data.updatedAt });
    expect(second.ok).toBe(true);
    const stale = await saveTranslation(secretariat, "consultation", consultation.id, "es", { title: "Vieja", description: "Texto", sourceHash: hash, expectedUpdatedAt: first.data.updatedAt });
    expect(stale).toMatchObject({ ok: false, error: "translationChanged" });
    const row = await db.consultationTranslation.findUniqueOrThrow({ where: { consultationId_language: { consultationId: consultation.id, language: "es" } } });
    expect(row.title).toBe("Ronda 2");
    const removedStale = await deleteTranslation(secretariat, "consultation", consultation.id, "es", first.data.updatedAt);
    expect(removedStale).toMatchObject({ ok: false, error: "translationChanged" });
    if (!second.ok) throw new Error("second save failed");
    expect(await deleteTranslation(secretariat, "consultation", consultation.id, "es", second.data.updatedAt)).toMatchObject({ ok: true, data: { removed: true } });
    expect(await db.consultationTranslation.count({ where: { consultationId: consultation.id } })).toBe(0);
  });

  it("refuses participants, unknown languages, the original's own language and empty required fields", async () => {
    const { consultation, hash, secretariat } = await setup();
    const participant = await buildUser();
    expect(await saveTranslation(participant, "consultation", consultation.id, "fr", { title: "x", description: "y", sourceHash: hash })).toMatchObject({ ok: false, status: 403 });
    expect(await saveTranslation(secretariat, "consultation", consultation.id, "pt", { title: "x", description: "y", sourceHash: hash })).toMatchObject({ ok: false, fieldErrors: { language: ["languageInvalid"] } });
    expect(await saveTranslation(secretariat, "consultation", consultation.id, "en", { title: "x", description: "y", sourceHash: hash })).toMatchObject({ ok: false, fieldErrors: { language: ["translationIsOriginal"] } });
    expect(await saveTranslation(secretariat, "consultation", consultation.id, "fr", { title: " ", description: "", sourceHash: hash })).toMatchObject({ ok: false, fieldErrors: { title: ["titleRequired"], description: ["descriptionRequired"] } });
    expect(await saveTranslation(secretariat, "consultation", "nope", "fr", { title: "x", description: "y", sourceHash: hash })).toMatchObject({ ok: false, status: 404 });
    expect(await db.consultationTranslation.count({ where: { consultationId: consultation.id } })).toBe(0);
  });

  it("marks a translation outdated when the original it was made from changes", async () => {
    const { secretariat, consultation, hash } = await setup();
    await saveTranslation(secretariat, "consultation", consultation.id, "ru", { title: "Раунд", description: "Текст", sourceHash: hash });
    await db.consultation.update({ where: { id: consultation.id }, data: { description: "An edited description." } });
    expect((await getLocalizedTexts("consultation", [consultation.id], "ru")).get(consultation.id)).toMatchObject({ language: "ru", outdated: true });
  });

  it("translates themes, reason templates and glossary terms the same way", async () => {
    const { secretariat, consultation } = await setup();
    const theme = await db.theme.findFirstOrThrow({ where: { consultationId: consultation.id } });
    const themeHash = fingerprintOf(theme, ["title", "description"]);
    expect((await saveTranslation(secretariat, "theme", theme.id, "zh", { title: "接入", description: "", sourceHash: themeHash })).ok).toBe(true);
    expect((await getLocalizedTexts("theme", [theme.id], "zh")).get(theme.id)).toMatchObject({ text: { title: "接入" }, language: "zh" });

    const template = await db.reasonTemplate.create({ data: { kind: "REJECT", label: "Off topic", text: "Your contribution is not about the themes." } });
    expect((await saveTranslation(secretariat, "reasonTemplate", template.id, "ar", { label: "خارج الموضوع", text: "مساهمتك لا تتناول المواضيع.", sourceHash: fingerprintOf(template, ["label", "text"]) })).ok).toBe(true);
    expect((await getLocalizedTexts("reasonTemplate", [template.id], "ar")).get(template.id)).toMatchObject({ text: { label: "خارج الموضوع" }, language: "ar" });

    const term = await db.glossaryTerm.create({ data: { acronym: `T${Date.now() % 100000}`, expansion: "Test term" } });
    expect((await saveTranslation(secretariat, "glossaryTerm", term.id, "es", { expansion: "Término de prueba", sourceHash: fingerprintOf(term, ["expansion"]) })).ok).toBe(true);
    expect((await getLocalizedTexts("glossaryTerm", [term.id, "missing-id"], "es")).get(term.id)).toMatchObject({ text: { expansion: "Término de prueba" } });
  });

  it("stores a draft version's translation only when its blocks match the original one for one", async () => {
    const { draft, secretariat } = await buildDraft({ source: "# Programme\n\nFirst paragraph.\n\n- An item\n- Another item" });
    const version = await db.draftVersion.findFirstOrThrow({ where: { draftId: draft.id }, include: { paragraphs: { orderBy: { position: "asc" } } } });
    const hash = versionFingerprint(version);
    const wrong = await saveVersionTranslation(secretariat, version.id, "fr", { source: "# Programme\n\nPremier paragraphe.\n\nUn autre.", sourceHash: hash });
    expect(wrong).toMatchObject({ ok: false, fieldErrors: { source: ["structureMismatch"] }, params: { position: 3, expected: 4, got: 3 } });
    const right = await saveVersionTranslation(secretariat, version.id, "fr", { source: "# Programme\n\nPremier paragraphe.\n\n- Un élément\n- Un autre élément", note: "Traduction", sourceHash: hash });
    expect(right.ok).toBe(true);
    const withTranslations = await db.draftVersion.findUniqueOrThrow({ where: { id: version.id }, include: { translations: true } });
    const fr = localizeVersion(withTranslations, version.paragraphs, draft.language, "fr");
    expect(fr.texts).toEqual(["Programme", "Premier paragraphe.", "Un élément", "Un autre élément"]);
    expect(fr.localized).toMatchObject({ language: "fr", untranslated: false, outdated: false });
    expect(localizeVersion(withTranslations, version.paragraphs, draft.language, "es")).toMatchObject({ texts: version.paragraphs.map((p) => p.text), localized: { language: "en", untranslated: true } });
  });
});
