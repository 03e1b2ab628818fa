// E-mails and moderation messages in the author's language: the interface language used at sign-in becomes the
// account's (e-mails are written in it); a reason template left as it is goes out translated when it can be.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { submitContribution } from "@/lib/submissions/service";
import { moderate } from "@/lib/moderation/service";
import { saveTranslation } from "@/lib/i18n/translate";
import { fingerprintOf } from "@/lib/i18n/content";
import { interfaceLocaleOf } from "@/lib/i18n/config";
import { rememberInterfaceLocale } from "@/lib/users/service";
import { buildConsultation, buildUser } from "../fixtures/users";
import { contributionInput, withTemporaryStorage } from "../fixtures/submissions";

withTemporaryStorage();

async function rejectedEmail(userId: string) {
  return db.emailMessage.findFirstOrThrow({ where: { userId, category: "notifications.rejected" }, orderBy: { createdAt: "desc" } });
}

describe("the author's language", () => {
  it("takes the interface language of the sign-in request: the switcher's cookie, else the browser's", async () => {
    expect(interfaceLocaleOf({ cookie: "a=1; NEXT_LOCALE=fr; b=2", "accept-language": "es" })).toBe("fr");
    expect(interfaceLocaleOf({ cookie: "NEXT_LOCALE=xx", "accept-language": "es-MX,en;q=0.5" })).toBe("es");
    expect(interfaceLocaleOf({ "accept-language": "de" })).toBeNull();
    expect(interfaceLocaleOf(undefined)).toBeNull();

    const user = await buildUser();
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).locale).toBe("en");
    await rememberInterfaceLocale(user.id, "ar");
    await rememberInterfaceLocale(user.id, null);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).locale).toBe("ar");

    // Its e-mails are then written in it.
    const consultation = await buildConsultation();
    expect((await submitContribution(user, consultation.id, contributionInput())).ok).toBe(true);
    const received = await db.emailMessage.findFirstOrThrow({ where: { userId: user.id, category: "notifications.received" } });
    expect(received.locale).toBe("ar");
  });

  it("sends a reason template left as it is in the author's language when translated, else as written", async () => {
    const consultation = await buildConsultation();
    const secretariat = await buildUser({ role: "SECRETARIAT" });
    const template = await db.reasonTemplate.create({ data: { kind: "REJECT", label: `Off topic ${Date.now()}`, text: "Your contribution is not about the themes of this round." } });
    const hash = fingerprintOf(template, ["label", "text"]);
    expect((await saveTranslation(secretariat, "reasonTemplate", template.id, "fr", { label: "Hors sujet", text: "Votre contribution ne porte pas sur les thèmes de ce cycle.", sourceHash: hash })).ok).toBe(true);

    const french = await buildUser();
    await rememberInterfaceLocale(french.id, "fr");
    const spanish = await buildUser();
    await rememberInterfaceLocale(spanish.id, "es");
    const sent = async (author: typeof french) => {
      const r = await submitContribution(author, consultation.id, contributionInput());
      if (!r.ok) throw new Error(JSON.stringify(r));
      return r.data.id;
    };
    const [fr1, fr2, es1] = [await sent(french), await sent(french), await sent(spanish)];

    // The queue fills the reason box with the template's text: unchanged, it reaches a French author in French.
    expect(await moderate(secretariat, { verb: "reject", target: { type: "SUBMISSION", id: fr1, version: 1 }, templateId: template.id, reason: `${template.text}\r\n` })).toMatchObject({ ok: true });
    expect(await db.submission.findUniqueOrThrow({ where: { id: fr1 } })).toMatchObject({ moderationNote: "Votre contribution ne porte pas sur les thèmes de ce cycle." });
    const email = await rejectedEmail(french.id);
    expect(email.locale).toBe("fr");
    expect(JSON.stringify(email.params)).toContain("Votre contribution ne porte pas sur les thèmes de ce cycle.");

    // A reason the moderator edited is kept as written.
    expect(await moderate(secretariat, { verb: "reject", target: { type: "SUBMISSION", id: fr2, version: 1 }, templateId: template.id, reason: "Not about this round, and a duplicate." })).toMatchObject({ ok: true });
    expect(await db.submission.findUniqueOrThrow({ where: { id: fr2 } })).toMatchObject({ moderationNote: "Not about this round, and a duplicate." });

    // No Spanish translation: the original.
    expect(await moderate(secretariat, { verb: "reject", target: { type: "SUBMISSION", id: es1, version: 1 }, templateId: template.id, reason: "" })).toMatchObject({ ok: true });
    expect(await db.submission.findUniqueOrThrow({ where: { id: es1 } })).toMatchObject({ moderationNote: template.text });

    // Once the original changes, the French translation is out of date and no longer used.
    await db.reasonTemplate.update({ where: { id: template.id }, data: { text: "Your contribution is about none of this round's themes." } });
    const fr3 = await sent(french);
    expect(await moderate(secretariat, { verb: "reject", target: { type: "SUBMISSION", id: fr3, version: 1 }, templateId: template.id, reason: "" })).toMatchObject({ ok: true });
    expect(await db.submission.findUniqueOrThrow({ where: { id: fr3 } })).toMatchObject({ moderationNote: "Your contribution is about none of this round's themes." });
  });
});
