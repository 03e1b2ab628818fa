import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createConsultation, updateConsultation, addTheme, deleteTheme } from "@/lib/consultations/admin";
import { listPublicConsultations, getPublicConsultation } from "@/lib/consultations/service";
import { buildUser, buildConsultation } from "../fixtures/users";

const input = {
  slug: "igf-2027", title: "IGF 2027 preparatory round", summary: "", description: "Tell us.", status: "PUBLISHED", referencePrefix: "igf27",
  moderationMode: "PRE", contributionsOpenAt: "2027-01-10T09:00", contributionsCloseAt: "2027-02-10T17:00", commentsOpenAt: "", commentsCloseAt: "",
};

describe("consultation admin", () => {
  it("lets the secretariat create a consultation, with dates read as UTC, and audits it", async () => {
    const sec = await buildUser({ role: "SECRETARIAT" });
    const result = await createConsultation(sec, input);
    expect(result.ok).toBe(true);
    const c = await db.consultation.findUniqueOrThrow({ where: { slug: "igf-2027" }, include: { balancePolicy: true } });
    expect(c.contributionsOpenAt?.toISOString()).toBe("2027-01-10T09:00:00.000Z");
    expect(c.referencePrefix).toBe("IGF27");
    expect(c.balancePolicy?.maxPerContributor).toBe(3);
    const audit = await db.auditEvent.findMany({ where: { entityId: c.id } });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([["consultation.create", sec.id]]);
  });

  it("refuses participants and changes nothing", async () => {
    const participant = await buildUser();
    expect(await createConsultation(participant, { ...input, slug: "by-participant" })).toMatchObject({ ok: false, status: 403 });
    expect(await db.consultation.findUnique({ where: { slug: "by-participant" } })).toBeNull();
  });

  it("rejects a closing date before the opening date and a taken slug", async () => {
    const sec = await buildUser({ role: "ADMIN" });
    const bad = await createConsultation(sec, { ...input, slug: "bad-dates", contributionsCloseAt: "2027-01-01T00:00" });
    expect(bad).toMatchObject({ ok: false, fieldErrors: { contributionsCloseAt: ["closeBeforeOpen"] } });
    const dup = await createConsultation(sec, { ...input, title: "Other" });
    expect(dup).toMatchObject({ ok: false, fieldErrors: { slug: ["slugTaken"] } });
    const half = await createConsultation(sec, { ...input, slug: "other", commentsOpenAt: "2027-01-01T00:00" });
    expect(half).toMatchObject({ ok: false, fieldErrors: { commentsCloseAt: ["datePairIncomplete"] } });
  });

  it("records what an edit changed", async () => {
    const sec = await buildUser({ role: "SECRETARIAT" });
    const created = await createConsultation(sec, { ...input, slug: "to-edit" });
    if (!created.ok) throw new Error("setup");
    const updated = await updateConsultation(sec, created.data.id, { ...input, slug: "to-edit", title: "Renamed round" });
    expect(updated.ok).toBe(true);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "consultation.update", entityId: created.data.id } });
    expect(event.details).toMatchObject({ changed: ["title"], before: { title: "IGF 2027 preparatory round" } });
  });

  it("does not remove a theme that contributions use", async () => {
    const sec = await buildUser({ role: "SECRETARIAT" });
    const c = await buildConsultation({ themes: ["access"] });
    const added = await addTheme(sec, c.id, { slug: "openness", title: "Openness", position: "2" });
    expect(added.ok).toBe(true);
    const access = c.themes[0];
    if (!access) throw new Error("setup");
    const author = await buildUser();
    await db.submission.create({
      data: {
        reference: "TST-1", consultationId: c.id, authorId: author.id, contributorKey: `user:${author.id}`, contributorName: "x", stakeholderGroup: "CIVIL_SOCIETY",
        country: "BR", region: "LATIN_AMERICAN_AND_CARIBBEAN", title: "t", body: "b", language: "en", themes: { create: { themeId: access.id } },
      },
    });
    expect(await deleteTheme(sec, access.id)).toMatchObject({ ok: false, error: "themeInUse" });
    if (!added.ok) throw new Error("setup");
    expect(await deleteTheme(sec, added.data.id)).toMatchObject({ ok: true });
    expect(await db.theme.count({ where: { consultationId: c.id } })).toBe(1);
  });
});

describe("public consultations", () => {
  it("lists only published consultations, by stage", async () => {
    const day = 86_400_000;
    const now = new Date();
    await buildConsultation({ slug: "open-one" });
    await buildConsultation({ slug: "hidden-one", status: "DRAFT" });
    await buildConsultation({ slug: "future-one", contributionsOpenAt: new Date(now.getTime() + day), contributionsCloseAt: new Date(now.getTime() + 2 * day), commentsOpenAt: null, commentsCloseAt: null });
    await buildConsultation({ slug: "past-one", contributionsOpenAt: new Date(now.getTime() - 3 * day), contributionsCloseAt: new Date(now.getTime() - 2 * day), commentsOpenAt: null, commentsCloseAt: null });
    const stages = await listPublicConsultations(now);
    const ours = (list: { slug: string }[]) => list.map((c) => c.slug).filter((s) => s.endsWith("-one"));
    expect(ours(stages.open)).toEqual(["open-one"]);
    expect(ours(stages.upcoming)).toEqual(["future-one"]);
    expect(ours(stages.closed)).toEqual(["past-one"]);
    expect(await getPublicConsultation("hidden-one")).toBeNull();
    expect((await getPublicConsultation("open-one"))?.themes.map((t) => t.slug)).toEqual(["access", "security"]);
  });
});
