// The invitation to under-represented regions (issue 10) is translated like the secretariat's other texts: the editor
// at /secretariat/translations/balanceInvitation/<consultation id>, readers see their language, an edit marks it outdated.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { loadTranslatable } from "@/lib/i18n/editor";
import { deleteTranslation, saveTranslation } from "@/lib/i18n/translate";
import { regionalInvitation } from "@/lib/balance/invitation";
import { updateBalancePolicy, getBalancePolicy } from "@/lib/balance/policy";
import { policyFormValues } from "@/lib/balance/schema";
import { buildConsultation, buildUser } from "../fixtures/users";
import { buildSubmission, setPolicy } from "../fixtures/moderation";

const EN = "We particularly invite contributions from Africa, where participation is still low.";
const FR = "Nous invitons tout particulièrement les contributions d’Afrique, où la participation reste faible.";

async function secretariat() {
  const u = await buildUser({ role: "SECRETARIAT" });
  return { id: u.id, role: "SECRETARIAT" as const };
}

describe("translating the regional invitation", () => {
  it("is edited per language, shown to readers of that language, audited, and outdated when the original changes", async () => {
    const sec = await secretariat();
    const c = await buildConsultation();
    await setPolicy(c.id, { targetAfrican: 0.5, invitation: EN });
    await buildSubmission({ consultationId: c.id, country: "FR", status: "PUBLISHED" });

    const loaded = await loadTranslatable(sec, "balanceInvitation", c.id);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded));
    expect(loaded.data).toMatchObject({ originalLanguage: "en", original: { invitation: EN }, back: `/secretariat/consultations/${c.slug}/balance` });
    expect(loaded.data.states).toMatchObject({ en: "original", fr: "missing", ar: "missing", zh: "missing" });

    // Before any translation a French reader sees the English original, marked untranslated.
    expect((await regionalInvitation(c.id, "fr"))?.texts).toMatchObject({ text: { invitation: EN }, language: "en", untranslated: true });

    const meta = { sourceHash: loaded.data.sourceHash, expectedUpdatedAt: "" };
    expect(await saveTranslation(sec, "balanceInvitation", c.id, "fr", { invitation: "x".repeat(1001), ...meta })).toMatchObject({ ok: false, fieldErrors: { invitation: ["invitationTooLong"] } });
    expect(await saveTranslation(sec, "balanceInvitation", c.id, "fr", { invitation: "  ", ...meta })).toMatchObject({ ok: false, fieldErrors: { invitation: ["invitationRequired"] } });
    expect(await saveTranslation(sec, "balanceInvitation", c.id, "en", { invitation: FR, ...meta })).toMatchObject({ ok: false, fieldErrors: { language: ["translationIsOriginal"] } });
    const participant = await buildUser();
    expect(await saveTranslation({ id: participant.id, role: "PARTICIPANT" }, "balanceInvitation", c.id, "fr", { invitation: FR, ...meta })).toMatchObject({ ok: false, status: 403 });
    expect(await loadTranslatable({ id: participant.id, role: "PARTICIPANT" }, "balanceInvitation", c.id)).toMatchObject({ ok: false, status: 403 });

    const saved = await saveTranslation(sec, "balanceInvitation", c.id, "fr", { invitation: FR, ...meta });
    if (!saved.ok) throw new Error(JSON.stringify(saved));
    // The same form sent again (what it showed is no longer true): refused, nothing overwritten.
    expect(await saveTranslation(sec, "balanceInvitation", c.id, "fr", { invitation: "Autre texte", ...meta })).toMatchObject({ ok: false, error: "translationChanged", status: 409 });
    expect(await db.auditEvent.findFirst({ where: { entityType: "BalancePolicy", entityId: c.id, action: "translation.create" } })).toMatchObject({ actorId: sec.id });

    expect((await regionalInvitation(c.id, "fr"))?.texts).toMatchObject({ text: { invitation: FR }, language: "fr", untranslated: false, outdated: false });
    expect((await regionalInvitation(c.id, "es"))?.texts).toMatchObject({ text: { invitation: EN }, language: "en", untranslated: true });
    expect((await regionalInvitation(c.id, "en"))?.texts).toMatchObject({ text: { invitation: EN }, untranslated: false });
    const after = await loadTranslatable(sec, "balanceInvitation", c.id);
    expect(after.ok && after.data.states.fr).toBe("complete");

    // The secretariat rewrites the invitation in the policy form: the French one is now out of date, still shown, marked.
    const policy = await getBalancePolicy(db, c.id);
    const changed = await updateBalancePolicy(sec, c.id, { ...policyFormValues(policy), invitation: `${EN} Asia too.` });
    if (!changed.ok) throw new Error(JSON.stringify(changed));
    expect((await regionalInvitation(c.id, "fr"))?.texts).toMatchObject({ text: { invitation: FR }, language: "fr", outdated: true });
    const outdated = await loadTranslatable(sec, "balanceInvitation", c.id);
    expect(outdated.ok && outdated.data.states.fr).toBe("outdated");

    // Removed: French readers see the original again.
    if (!outdated.ok) throw new Error("setup");
    const row = outdated.data.translations.find((t) => t.language === "fr");
    expect(await deleteTranslation(sec, "balanceInvitation", c.id, "fr", row?.updatedAt ?? "")).toMatchObject({ ok: true, data: { removed: true } });
    expect((await regionalInvitation(c.id, "fr"))?.texts).toMatchObject({ language: "en", untranslated: true });
  });

  it("has nothing to translate until the policy has an invitation", async () => {
    const sec = await secretariat();
    const c = await buildConsultation();
    expect(await loadTranslatable(sec, "balanceInvitation", c.id)).toMatchObject({ ok: false, status: 404 });
    await setPolicy(c.id, { targetAfrican: 0.5, invitation: "" });
    expect(await loadTranslatable(sec, "balanceInvitation", c.id)).toMatchObject({ ok: false, status: 404 });
    expect(await saveTranslation(sec, "balanceInvitation", c.id, "fr", { invitation: FR, sourceHash: "0123456789abcdef", expectedUpdatedAt: "" })).toMatchObject({ ok: false, status: 404 });
  });
});
