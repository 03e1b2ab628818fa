// The demo's open consultation reads in French and Spanish (with its themes and draft title), and is marked as not
// yet translated in the other languages; seeding twice changes nothing.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { seed } from "@/prisma/seed";
import { getPublicConsultation } from "@/lib/consultations/service";

describe("demo seed in several languages", () => {
  it("has the open consultation in French and Spanish, up to date, and the original elsewhere, marked", async () => {
    process.env.SEED_DEMO_PASSWORD = "demo passphrase for tests";
    await seed(db);
    await seed(db);
    const fr = await getPublicConsultation("igf-preparatory-round", "fr");
    expect(fr?.texts).toMatchObject({ language: "fr", untranslated: false, outdated: false, text: { title: "Consultation préparatoire à la réunion annuelle du FGI" } });
    expect(fr?.themes.every((t) => t.texts.language === "fr" && !t.texts.outdated)).toBe(true);
    const es = await getPublicConsultation("igf-preparatory-round", "es");
    expect(es?.themes.find((t) => t.slug === "access")?.texts.text.title).toBe("Acceso");
    expect((await getPublicConsultation("igf-preparatory-round", "ru"))?.texts).toMatchObject({ language: "en", untranslated: true });
    const round = await db.consultation.findUniqueOrThrow({ where: { slug: "igf-preparatory-round" }, select: { id: true } });
    expect(await db.consultationTranslation.count({ where: { consultationId: round.id } })).toBe(2);
    expect(await db.draftTranslation.count({ where: { draft: { consultationId: round.id }, language: { in: ["fr", "es"] } } })).toBe(2);
    delete process.env.SEED_DEMO_PASSWORD;
  });
});
