import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { deleteGlossaryTerm, listGlossary, saveGlossaryTerm, unknownAcronyms } from "@/lib/synthesis/glossary";
import { buildLiveDraft } from "@/lib/synthesis/draft";
import { buildConsultation, buildUser } from "../fixtures/users";
import { buildSubmission, seedGlossary } from "../fixtures/synthesis";

describe("glossary", () => {
  it("lets the secretariat add, edit and remove terms, audited, and the next synthesis expands them", async () => {
    await seedGlossary();
    const sec = await buildUser({ role: "SECRETARIAT" });
    const c = await buildConsultation({ themes: ["security"] });
    await buildSubmission({
      consultationId: c.id, themeIds: c.themes.map((t) => t.id), group: "GOVERNMENT", country: "CH", contributor: "Office", organisation: "Office",
      title: "NCSCs", body: "National NCSCs and the GFCE network should cooperate with every ISP.",
    });
    const before = await unknownAcronyms(sec, c.slug);
    expect(before.ok && before.data.map((u) => u.acronym)).toEqual(["NCSC", "GFCE"]);

    const added = await saveGlossaryTerm(sec, null, { acronym: " NCSC ", expansion: "National cyber security centre" });
    expect(added.ok).toBe(true);
    if (!added.ok) return;
    const edited = await saveGlossaryTerm(sec, added.data.id, { acronym: "NCSC", expansion: "National cyber security centre (national)" });
    expect(edited.ok).toBe(true);
    const model = await buildLiveDraft(db, c.slug);
    expect(model.annexII.terms.map((t) => [t.acronym, t.expansion])).toEqual([
      ["ISP", "Internet service provider"],
      ["NCSC", "National cyber security centre (national)"],
    ]);
    expect(model.annexII.unknown.map((u) => u.acronym)).toEqual(["GFCE"]);
    expect((await deleteGlossaryTerm(sec, added.data.id)).ok).toBe(true);
    const audit = await db.auditEvent.findMany({ where: { entityId: added.data.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["glossary.create", "glossary.update", "glossary.delete"]);
  });

  it("reports bad input next to the field and refuses duplicates", async () => {
    const sec = await buildUser({ role: "ADMIN" });
    expect(await saveGlossaryTerm(sec, null, { acronym: "", expansion: "" })).toMatchObject({
      ok: false, fieldErrors: { acronym: ["acronymInvalid"], expansion: ["expansionRequired"] },
    });
    await saveGlossaryTerm(sec, null, { acronym: "OECD", expansion: "Organisation for Economic Co-operation and Development" });
    expect(await saveGlossaryTerm(sec, null, { acronym: "OECD", expansion: "Other" })).toMatchObject({ ok: false, status: 409, fieldErrors: { acronym: ["acronymTaken"] } });
    expect((await listGlossary()).filter((t) => t.acronym === "OECD").map((t) => t.expansion)).toEqual(["Organisation for Economic Co-operation and Development"]);
  });

  it("refuses participants and anonymous visitors and changes nothing", async () => {
    const participant = await buildUser();
    const term = await db.glossaryTerm.create({ data: { acronym: "UNOPS", expansion: "United Nations Office for Project Services" } });
    for (const actor of [participant, null]) {
      expect(await saveGlossaryTerm(actor, null, { acronym: "ZZZ", expansion: "Nothing" })).toMatchObject({ ok: false, status: 403 });
      expect(await saveGlossaryTerm(actor, term.id, { acronym: "UNOPS", expansion: "Changed" })).toMatchObject({ ok: false, status: 403 });
      expect(await deleteGlossaryTerm(actor, term.id)).toMatchObject({ ok: false, status: 403 });
      expect(await unknownAcronyms(actor, "any")).toMatchObject({ ok: false, status: 403 });
    }
    expect(await db.glossaryTerm.findUnique({ where: { id: term.id } })).toMatchObject({ expansion: "United Nations Office for Project Services" });
    expect(await db.glossaryTerm.findUnique({ where: { acronym: "ZZZ" } })).toBeNull();
  });
});
