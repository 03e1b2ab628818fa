// The live synthesis is rebuilt only when its inputs change, and always when they do.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getLiveSynthesis, saveSnapshot, getSnapshot } from "@/lib/synthesis/service";
import { buildUser, buildConsultation } from "../fixtures/users";
import { buildSubmission } from "../fixtures/synthesis";

async function live(actor: { id: string; role: "SECRETARIAT" }, slug: string) {
  const result = await getLiveSynthesis(actor, slug);
  if (!result.ok) throw new Error(result.error);
  return result.data;
}

describe("live synthesis cache", () => {
  it("reuses the model while nothing changed, and rebuilds when an input is published, hidden or edited", async () => {
    const sec = await buildUser({ role: "SECRETARIAT" });
    const actor = { id: sec.id, role: "SECRETARIAT" as const };
    const c = await buildConsultation({ themes: ["access"] });
    const access = c.themes[0]?.id ?? "";
    const base = { consultationId: c.id, themeIds: [access], country: "KE" };
    const first = await buildSubmission({ ...base, group: "GOVERNMENT", contributor: "Ministry A", title: "Backbones", body: "Open-access backbones lower the cost of connectivity for everyone." });

    const a = await live(actor, c.slug);
    expect(await live(actor, c.slug)).toBe(a); // same object: served from the cache
    expect(a.counts.submissions).toBe(1);

    const second = await buildSubmission({ ...base, group: "CIVIL_SOCIETY", contributor: "Digital Rights", title: "Shutdowns", body: "Internet shutdowns during elections deprive citizens of information." });
    const b = await live(actor, c.slug);
    expect(b).not.toBe(a);
    expect(b.counts.submissions).toBe(2);

    await db.submission.update({ where: { id: second.id }, data: { status: "HIDDEN" } });
    const hidden = await live(actor, c.slug);
    expect(hidden.counts.submissions).toBe(1);

    await db.submission.update({ where: { id: first.id }, data: { body: "Open-access backbones and shared ducts lower the cost of connectivity." } });
    const edited = await live(actor, c.slug);
    expect(JSON.stringify(edited)).toContain("shared ducts");

    await db.glossaryTerm.create({ data: { acronym: "ZZTOP", expansion: "A glossary change" } });
    expect(await live(actor, c.slug)).not.toBe(edited);
  });

  it("saves as a snapshot the model the secretariat is looking at", async () => {
    const sec = await buildUser({ role: "SECRETARIAT" });
    const actor = { id: sec.id, role: "SECRETARIAT" as const };
    const c = await buildConsultation({ themes: ["security"] });
    await buildSubmission({ consultationId: c.id, themeIds: [c.themes[0]?.id ?? ""], country: "BR", group: "TECHNICAL_COMMUNITY", contributor: "CERT", title: "CERTs", body: "Every country needs a national computer emergency response team." });
    const shown = await live(actor, c.slug);
    const saved = await saveSnapshot(actor, c.slug);
    if (!saved.ok) throw new Error(saved.error);
    const snapshot = await getSnapshot(actor, c.slug, saved.data.number);
    if (!snapshot.ok) throw new Error(snapshot.error);
    expect(snapshot.data.model).toEqual(JSON.parse(JSON.stringify(shown)));
  });
});
