import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { moderate } from "@/lib/moderation/service";
import { settleBalance } from "@/lib/balance/service";
import { updateBalancePolicy, getBalancePolicy } from "@/lib/balance/policy";
import { getBalanceReport, listHeld, synthesisBalanceWarning } from "@/lib/balance/dashboard";
import { GET } from "@/app/api/v1/consultations/[slug]/balance/route";
import { buildConsultation, buildUser } from "../fixtures/users";
import { buildComment, buildSubmission, buildSubmissions, setPolicy } from "../fixtures/moderation";

const publish = (actor: { id: string; role: "SECRETARIAT" }, id: string) => moderate(actor, { verb: "publish", target: { type: "SUBMISSION", id } });
const statusOf = async (id: string) => (await db.submission.findUniqueOrThrow({ where: { id } })).status;
const publishedIn = (consultationId: string, group: "GOVERNMENT" | "CIVIL_SOCIETY") => db.submission.count({ where: { consultationId, status: "PUBLISHED", stakeholderGroup: group } });

async function secretariat() {
  const u = await buildUser({ role: "SECRETARIAT" });
  return { id: u.id, role: "SECRETARIAT" as const };
}

describe("group cap", () => {
  it("holds the item that would push its group over the cap, tells the author, and releases it in arrival order when others publish", async () => {
    const sec = await secretariat();
    const c = await buildConsultation();
    await setPolicy(c.id, { maxGroupShare: 0.5, minSample: 4 });
    await buildSubmissions(2, { consultationId: c.id, group: "GOVERNMENT", status: "PUBLISHED" });
    await buildSubmissions(1, { consultationId: c.id, group: "CIVIL_SOCIETY", status: "PUBLISHED" });
    const g1 = await buildSubmission({ consultationId: c.id, group: "GOVERNMENT", submittedAt: new Date(Date.now() - 5000) });
    const g2 = await buildSubmission({ consultationId: c.id, group: "GOVERNMENT", submittedAt: new Date(Date.now() - 4000) });
    expect(await publish(sec, g2.id)).toMatchObject({ ok: true, data: { status: "HELD_FOR_BALANCE" } }); // 3/4 > 0.5
    expect(await publish(sec, g1.id)).toMatchObject({ ok: true, data: { status: "HELD_FOR_BALANCE" } });
    if (!g2.authorId) throw new Error("setup");
    expect((await db.notification.findFirstOrThrow({ where: { userId: g2.authorId } })).kind).toBe("held");

    // One civil-society publication: 2 gov / 4 total; g1 (arrived first) would make 3/5 > 0.5: still held.
    const cs = await buildSubmission({ consultationId: c.id, group: "CIVIL_SOCIETY" });
    await publish(sec, cs.id);
    expect([await statusOf(g1.id), await statusOf(g2.id)]).toEqual(["HELD_FOR_BALANCE", "HELD_FOR_BALANCE"]);
    // A private-sector one: 2 gov / 5 total, g1 makes 3/6 = 0.5: released automatically; g2 (4/7) stays.
    const ps = await buildSubmission({ consultationId: c.id, group: "PRIVATE_SECTOR" });
    expect(await publish(sec, ps.id)).toMatchObject({ ok: true, data: { status: "PUBLISHED" } });
    expect([await statusOf(g1.id), await statusOf(g2.id)]).toEqual(["PUBLISHED", "HELD_FOR_BALANCE"]);
    const release = await db.moderationEvent.findFirstOrThrow({ where: { submissionId: g1.id, action: "RELEASE_FROM_HOLD" } });
    expect(release.actorId).toBeNull();
    expect((await listHeld(c.id)).map((h) => h.id)).toEqual([g2.id]);
  });

  it("publishes over balance only with a written justification, audited and flagged", async () => {
    const sec = await secretariat();
    const c = await buildConsultation();
    await setPolicy(c.id, { maxGroupShare: 0.4, minSample: 2 });
    await buildSubmissions(1, { consultationId: c.id, group: "GOVERNMENT", status: "PUBLISHED" });
    const held = await buildSubmission({ consultationId: c.id, group: "GOVERNMENT" });
    await publish(sec, held.id);
    expect(await statusOf(held.id)).toBe("HELD_FOR_BALANCE");
    const without = await moderate(sec, { verb: "publishOverBalance", target: { type: "SUBMISSION", id: held.id } });
    expect(without).toMatchObject({ ok: false, fieldErrors: { reason: ["justificationRequired"] } });
    const withIt = await moderate(sec, { verb: "publishOverBalance", target: { type: "SUBMISSION", id: held.id }, reason: "The only ministry that answered on spectrum policy." });
    expect(withIt).toMatchObject({ ok: true, data: { status: "PUBLISHED", overBalance: true } });
    expect(await db.submission.findUniqueOrThrow({ where: { id: held.id } })).toMatchObject({ overBalance: true, status: "PUBLISHED" });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: held.id, action: "moderation.publishOverBalance" } });
    expect(audit).toMatchObject({ actorId: sec.id, details: { justification: "The only ministry that answered on spectrum policy." } });
  });

  it("publishes every held item, flagged over balance, once the contributions phase has closed (idempotently)", async () => {
    const sec = await secretariat();
    const c = await buildConsultation();
    await setPolicy(c.id, { maxGroupShare: 0.4, minSample: 2 });
    await buildSubmissions(1, { consultationId: c.id, group: "GOVERNMENT", status: "PUBLISHED" });
    const held = await buildSubmissions(3, { consultationId: c.id, group: "GOVERNMENT" });
    for (const h of held) await publish(sec, h.id);
    expect(await db.submission.count({ where: { consultationId: c.id, status: "HELD_FOR_BALANCE" } })).toBe(3);
    await db.consultation.update({ where: { id: c.id }, data: { contributionsCloseAt: new Date(Date.now() - 1000) } });
    expect(await settleBalance(c.id)).toEqual({ released: 0, publishedOverBalance: 3 });
    expect(await settleBalance(c.id)).toEqual({ released: 0, publishedOverBalance: 0 });
    const after = await db.submission.findMany({ where: { id: { in: held.map((h) => h.id) } } });
    expect(after.every((s) => s.status === "PUBLISHED" && s.overBalance)).toBe(true);
    expect(await db.moderationEvent.count({ where: { submissionId: { in: held.map((h) => h.id) }, action: "PUBLISH_OVER_BALANCE" } })).toBe(3);
  });

  it("never leaves a group above its cap under 50 concurrent publish actions", async () => {
    const c = await buildConsultation();
    await setPolicy(c.id, { maxGroupShare: 0.4, minSample: 10 });
    await buildSubmissions(6, { consultationId: c.id, group: "CIVIL_SOCIETY", status: "PUBLISHED", authorId: null });
    const pending = await buildSubmissions(50, { consultationId: c.id, group: "GOVERNMENT", authorId: null });
    const sec0 = await secretariat();
    const moderators = [sec0, await secretariat(), await secretariat()];
    const results = await Promise.all(pending.map((p, i) => publish(moderators[i % moderators.length] ?? sec0, p.id)));
    expect(results.every((r) => r.ok)).toBe(true);
    const gov = await publishedIn(c.id, "GOVERNMENT");
    const total = gov + 6;
    // 4 of 10 is the most government can hold next to 6 civil-society inputs.
    expect(gov).toBe(4);
    expect(gov / total).toBeLessThanOrEqual(0.4);
    expect(await db.submission.count({ where: { consultationId: c.id, status: "HELD_FOR_BALANCE" } })).toBe(46);
  });

  it("applies the comment cap separately", async () => {
    const sec = await secretariat();
    const c = await buildConsultation();
    await setPolicy(c.id, { commentMaxGroupShare: 0.5, commentMinSample: 2, maxGroupShare: 1, minSample: 1 });
    await buildComment({ consultationId: c.id, group: "GOVERNMENT", status: "PUBLISHED" });
    const comment = await buildComment({ consultationId: c.id, group: "GOVERNMENT" });
    expect(await moderate(sec, { verb: "publish", target: { type: "COMMENT", id: comment.id } })).toMatchObject({ ok: true, data: { status: "HELD_FOR_BALANCE" } });
  });
});

describe("policy and dashboard", () => {
  const form = { maxPerContributor: "2", maxGroupShare: "35", minSample: "20", minGroups: "4", commentMaxPerContributor: "30", commentMaxGroupShare: "45", commentMinSample: "15", commentRateLimit: "10", commentRateWindowMinutes: "5", duplicateThreshold: "85" };

  it("lets the secretariat edit the policy, audited, and refuses bad values without changing anything", async () => {
    const sec = await secretariat();
    const c = await buildConsultation();
    const bad = await updateBalancePolicy(sec, c.id, { ...form, maxGroupShare: "0" });
    expect(bad).toMatchObject({ ok: false, fieldErrors: { maxGroupShare: ["percentInvalid"] } });
    expect((await getBalancePolicy(db, c.id)).maxGroupShare).toBe(0.4);
    expect(await updateBalancePolicy(sec, c.id, form)).toMatchObject({ ok: true });
    expect(await getBalancePolicy(db, c.id)).toMatchObject({ maxPerContributor: 2, maxGroupShare: 0.35, minGroups: 4, duplicateThreshold: 0.85 });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: c.id, action: "balance.policy.update" } });
    expect(audit.details).toMatchObject({ before: { maxGroupShare: 0.4 }, after: { maxGroupShare: 0.35 } });
  });

  it("reports shares by group, region, development, gender and language, and the synthesis warning", async () => {
    const c = await buildConsultation();
    await setPolicy(c.id, { maxGroupShare: 0.4, minSample: 2, minGroups: 3 });
    await buildSubmission({ consultationId: c.id, group: "GOVERNMENT", country: "KE", status: "PUBLISHED", language: "fr" });
    await buildSubmission({ consultationId: c.id, group: "GOVERNMENT", country: "CH", status: "PUBLISHED" });
    await buildSubmission({ consultationId: c.id, group: "CIVIL_SOCIETY", country: "BR", status: "PUBLISHED" });
    await buildSubmission({ consultationId: c.id, group: "CIVIL_SOCIETY", status: "HELD_FOR_BALANCE" });
    const report = await getBalanceReport(c.slug);
    if (!report) throw new Error("no report");
    const s = report.submissions;
    expect(s.published).toBe(3);
    expect(s.held).toBe(1);
    expect(s.groups.find((g) => g.key === "GOVERNMENT")).toMatchObject({ count: 2, overCap: true });
    expect(s.groups.find((g) => g.key === "CIVIL_SOCIETY")).toMatchObject({ count: 1, held: 1 });
    expect(s.regions.find((r) => r.key === "AFRICAN")?.count).toBe(1);
    expect(s.development.find((r) => r.key === "developing")?.count).toBe(2);
    expect(s.genders.find((r) => r.key === "undeclared")?.count).toBe(3);
    expect(s.languages.find((r) => r.key === "fr")?.count).toBe(1);
    expect(s.minGroupsMet).toBe(false);
    expect(await synthesisBalanceWarning(c.id)).toEqual({ unbalanced: true, groupsRepresented: 2, minGroups: 3 });
  });

  it("serves aggregates only as public JSON, 404 for unknown or draft consultations", async () => {
    const c = await buildConsultation();
    await buildSubmission({ consultationId: c.id, group: "GOVERNMENT", status: "PUBLISHED", title: "Secret title", body: "Private body text" });
    const res = await GET(new Request(`http://x/api/v1/consultations/${c.slug}/balance`), { params: Promise.resolve({ slug: c.slug }) });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toContain("Secret title");
    expect(text).not.toContain("Private body text");
    expect(JSON.parse(text)).toMatchObject({ consultation: { slug: c.slug }, submissions: { published: 1 } });
    const missing = await GET(new Request("http://x"), { params: Promise.resolve({ slug: "no-such-round" }) });
    expect(missing.status).toBe(404);
    const draft = await buildConsultation({ status: "DRAFT" });
    expect((await GET(new Request("http://x"), { params: Promise.resolve({ slug: draft.slug }) })).status).toBe(404);
    expect((await GET(new Request("http://x"), { params: Promise.resolve({ slug: "Bad Slug!" }) })).status).toBe(400);
  });
});
