// Campaign detection at intake (a job per input, on the app's queue), complete grouping, a queue page that does no
// detection work, and bulk moderation that acts on exactly what the queue showed.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { submitContribution } from "@/lib/submissions/service";
import { createComment } from "@/lib/comments/service";
import { detectCampaigns, examineInput } from "@/lib/moderation/detection";
import { listQueue } from "@/lib/moderation/queue";
import { moderateMany } from "@/lib/moderation/service";
import { listQueuedJobs } from "@/lib/jobs/queue";
import { buildConsultation, buildUser } from "../fixtures/users";
import { buildComment, buildSubmission, setPolicy } from "../fixtures/moderation";
import { buildDraft } from "../fixtures/drafts";
import { contributionInput } from "../fixtures/submissions";
import { runJobs } from "../fixtures/jobs";

const LETTER =
  "We the undersigned call on the forum to reject any proposal that would weaken end-to-end encryption, because secure communications protect journalists, activists and ordinary users alike. Encryption is the foundation of trust online.";

function distinctText(n: number): string {
  return `Contribution ${n}: ${randomUUID()} on ${["spectrum", "backhaul", "peering", "IPv6", "literacy", "privacy"][n % 6]} policy in region ${n % 37}, with ${randomUUID()} as the example.`;
}

const campaignOf = async (id: string) => (await db.submission.findUniqueOrThrow({ where: { id }, select: { campaignId: true } })).campaignId;

describe("detection at intake", () => {
  it("enqueues one examination per sent contribution, and the job groups near-identical ones", async () => {
    const consultation = await buildConsultation();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const user = await buildUser({ organisation: null });
      const body = i === 1 ? `${LETTER.replace("journalists", "reporters")} Signed by a member.` : LETTER;
      const result = await submitContribution(user, consultation.id, contributionInput({ body, onBehalfOf: "SELF" }));
      if (!result.ok) throw new Error(JSON.stringify(result));
      ids.push(result.data.id);
    }
    const other = await submitContribution(await buildUser({ organisation: null }), consultation.id, contributionInput({ body: distinctText(1), onBehalfOf: "SELF" }));
    if (!other.ok) throw new Error("setup");
    expect((await listQueuedJobs("moderation.detectCampaign")).map((j) => j.key).sort()).toEqual([...ids, other.data.id].map((id) => `detect:SUBMISSION:${id}`).sort());
    // Nothing is grouped until the jobs run.
    expect(await campaignOf(ids[0] ?? "")).toBeNull();

    await runJobs();
    const campaigns = await Promise.all(ids.map(campaignOf));
    expect(campaigns[0]).not.toBeNull();
    expect(new Set(campaigns).size).toBe(1);
    expect(await campaignOf(other.data.id)).toBeNull();
    // Each input was examined once: one fingerprint each, and no job left.
    expect(await db.inputFingerprint.count({ where: { consultationId: consultation.id } })).toBe(4);
    expect(await listQueuedJobs("moderation.detectCampaign")).toEqual([]);
    // A job that runs again (a crashed worker's) changes nothing.
    const before = await db.campaign.count({ where: { consultationId: consultation.id } });
    await examineInput("SUBMISSION", ids[2] ?? "");
    expect(await db.campaign.count({ where: { consultationId: consultation.id } })).toBe(before);
  });

  it("groups comments posted through the service too", async () => {
    const { draft, consultation } = await buildDraft();
    for (let i = 0; i < 2; i++) {
      const result = await createComment(await buildUser(), { draftId: draft.id, anchorId: null, body: LETTER });
      if (!result.ok) throw new Error(JSON.stringify(result));
    }
    await runJobs();
    const rows = await db.comment.findMany({ where: { consultationId: consultation.id }, select: { campaignId: true } });
    expect(rows).toHaveLength(2);
    expect(rows[0]?.campaignId).not.toBeNull();
    expect(rows[1]?.campaignId).toBe(rows[0]?.campaignId);
  });

  it("compares every input, however many unique ones wait (no window of the oldest 200)", async () => {
    const c = await buildConsultation();
    const t0 = Date.now() - 3_600_000;
    await db.submission.createMany({
      data: Array.from({ length: 205 }, (_, i) => ({
        reference: `WIN-${randomUUID().slice(0, 8)}-${i}`, consultationId: c.id, contributorKey: `name:${randomUUID()}`, contributorName: "Someone",
        stakeholderGroup: "CIVIL_SOCIETY" as const, country: "BR", region: "LATIN_AMERICAN_AND_CARIBBEAN" as const, title: `Unique ${i}`, body: distinctText(i),
        language: "en", status: "PENDING" as const, submittedAt: new Date(t0 + i),
      })),
    });
    const late = [await buildSubmission({ consultationId: c.id, authorId: null, body: LETTER }), await buildSubmission({ consultationId: c.id, authorId: null, body: LETTER })];
    expect(await detectCampaigns(c.id)).toBe(2);
    const [a, b] = await Promise.all(late.map((s) => campaignOf(s.id)));
    expect(a).not.toBeNull();
    expect(b).toBe(a);
    expect(await db.campaign.count({ where: { consultationId: c.id } })).toBe(1);
  });

  it("joins copies examined at the same time into one campaign", async () => {
    const c = await buildConsultation();
    const copies = await Promise.all(Array.from({ length: 6 }, () => buildSubmission({ consultationId: c.id, authorId: null, body: LETTER })));
    await Promise.all(copies.map((s) => examineInput("SUBMISSION", s.id)));
    const campaigns = new Set(await Promise.all(copies.map((s) => campaignOf(s.id))));
    expect(campaigns.size).toBe(1);
    expect(campaigns.has(null)).toBe(false);
    expect(await db.campaign.count({ where: { consultationId: c.id } })).toBe(1);
  });

  it("merges two campaigns of the same text into the older one, keeping every member", async () => {
    const c = await buildConsultation();
    const older = await db.campaign.create({ data: { consultationId: c.id, label: "Older", createdAt: new Date(Date.now() - 60_000) } });
    const newer = await db.campaign.create({ data: { consultationId: c.id, label: "Newer" } });
    const a = await buildSubmission({ consultationId: c.id, authorId: null, body: LETTER });
    const b = await buildSubmission({ consultationId: c.id, authorId: null, body: LETTER });
    await db.submission.update({ where: { id: a.id }, data: { campaignId: older.id } });
    await db.submission.update({ where: { id: b.id }, data: { campaignId: newer.id } });
    await examineInput("SUBMISSION", a.id);
    await examineInput("SUBMISSION", b.id);
    expect([await campaignOf(a.id), await campaignOf(b.id)]).toEqual([older.id, older.id]);
    expect(await db.campaign.findUnique({ where: { id: newer.id } })).toBeNull();
  });

  it("leaves short texts alone", async () => {
    const c = await buildConsultation();
    const a = await buildSubmission({ consultationId: c.id, authorId: null, body: "I agree with this." });
    const b = await buildSubmission({ consultationId: c.id, authorId: null, body: "I agree with this." });
    expect(await detectCampaigns(c.id)).toBe(0);
    expect(await campaignOf(a.id)).toBeNull();
    expect(await campaignOf(b.id)).toBeNull();
    // Examined all the same: the sweep will not pick them up again.
    expect(await db.inputFingerprint.count({ where: { consultationId: c.id } })).toBe(2);
  });
});

describe("the queue page", () => {
  it("does no detection work and settles nothing: it only reads", async () => {
    const sec = await buildUser({ role: "SECRETARIAT" });
    const c = await buildConsultation({ contributionsOpenAt: new Date(Date.now() - 48 * 3600_000), contributionsCloseAt: new Date(Date.now() - 3600_000) });
    const copies = [await buildSubmission({ consultationId: c.id, body: LETTER }), await buildSubmission({ consultationId: c.id, body: LETTER })];
    const held = await buildSubmission({ consultationId: c.id, status: "HELD_FOR_BALANCE" });
    const queue = await listQueue(sec, { consultation: c.slug });
    expect(queue?.items.map((i) => i.id)).toEqual(copies.map((s) => s.id));
    expect(queue?.items.every((i) => i.campaign === null)).toBe(true);
    expect(await db.inputFingerprint.count({ where: { consultationId: c.id } })).toBe(0);
    expect(await db.campaign.count({ where: { consultationId: c.id } })).toBe(0);
    expect((await listQueue(sec, { consultation: c.slug, view: "HELD_FOR_BALANCE" }))?.items.map((i) => i.id)).toEqual([held.id]);
    expect((await db.submission.findUniqueOrThrow({ where: { id: held.id } })).status).toBe("HELD_FOR_BALANCE");
  });

  it("shows a campaign once, at its oldest member in the view, counting the members in that view", async () => {
    const sec = await buildUser({ role: "SECRETARIAT" });
    const c = await buildConsultation();
    const t0 = Date.now() - 3_600_000;
    const first = await buildSubmission({ consultationId: c.id, body: distinctText(1), submittedAt: new Date(t0) });
    const members = [];
    for (let i = 0; i < 4; i++) members.push(await buildSubmission({ consultationId: c.id, body: LETTER, submittedAt: new Date(t0 + 1000 * (i + 1)) }));
    const last = await buildSubmission({ consultationId: c.id, body: distinctText(2), submittedAt: new Date(t0 + 10_000) });
    await detectCampaigns(c.id);
    // One member already held: it is in another view, and not counted here.
    await db.submission.update({ where: { id: members[0]?.id }, data: { status: "HELD_FOR_BALANCE" } });
    const queue = await listQueue(sec, { consultation: c.slug });
    expect(queue?.items.map((i) => i.id)).toEqual([first.id, members[1]?.id, last.id]);
    expect(queue?.items[1]?.campaign?.count).toBe(3);
  });
});

describe("bulk moderation of a campaign", () => {
  async function campaignWithHeldMember() {
    const sec = await buildUser({ role: "SECRETARIAT" });
    const c = await buildConsultation();
    const members = [];
    for (let i = 0; i < 4; i++) members.push(await buildSubmission({ consultationId: c.id, body: LETTER }));
    await detectCampaigns(c.id);
    const campaignId = (await campaignOf(members[0]?.id ?? "")) ?? "";
    await db.submission.update({ where: { id: members[3]?.id }, data: { status: "HELD_FOR_BALANCE" } });
    return { sec, c, members, campaignId };
  }

  it("acts on exactly the members the row stood for, and lists every item it changed", async () => {
    const { sec, c, members, campaignId } = await campaignWithHeldMember();
    // The held member waits for room that will not come: its group already holds the only published place.
    await setPolicy(c.id, { maxGroupShare: 0.4, minSample: 1 });
    await buildSubmission({ consultationId: c.id, status: "PUBLISHED", group: "CIVIL_SOCIETY" });
    const row = (await listQueue(sec, { consultation: c.slug }))?.items.find((i) => i.campaign);
    expect(row?.campaign).toMatchObject({ id: campaignId, count: 3 });
    const result = await moderateMany(sec, { verb: "reject", campaigns: [{ type: "SUBMISSION", id: campaignId, status: "PENDING", count: 3 }], reason: "One letter, kept once." });
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result.data.changed.map((i) => i.id).sort()).toEqual(members.slice(0, 3).map((m) => m.id).sort());
    expect(result.data.changed[0]).toMatchObject({ from: "PENDING", to: "REJECTED", reference: expect.any(String) });
    // The held member was in another view: rejecting the waiting ones left it alone.
    expect((await db.submission.findUniqueOrThrow({ where: { id: members[3]?.id } })).status).toBe("HELD_FOR_BALANCE");
  });

  it("leaves a campaign alone when its members changed since the page showed it, and says so", async () => {
    const { sec, c, members, campaignId } = await campaignWithHeldMember();
    // A new copy joined after the page was rendered with 3.
    const newcomer = await buildSubmission({ consultationId: c.id, body: LETTER });
    await examineInput("SUBMISSION", newcomer.id);
    const result = await moderateMany(sec, { verb: "publish", campaigns: [{ type: "SUBMISSION", id: campaignId, status: "PENDING", count: 3 }] });
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result.data).toMatchObject({ done: 0, changed: [], campaignsChanged: [{ id: campaignId, expected: 3, now: 4 }] });
    const statuses = await db.submission.findMany({ where: { id: { in: [...members.slice(0, 3), newcomer].map((m) => m.id) } }, select: { status: true } });
    expect(statuses.every((s) => s.status === "PENDING")).toBe(true);
  });

  it("refuses a campaign selection in a status the action does not apply to", async () => {
    const { sec, campaignId } = await campaignWithHeldMember();
    expect(await moderateMany(sec, { verb: "hide", campaigns: [{ type: "SUBMISSION", id: campaignId, status: "PENDING", count: 3 }], reason: "x" })).toMatchObject({
      ok: false, fieldErrors: { targets: ["notApplicable"] },
    });
  });

  it("settles the held queue once at the end, releasing what the action made room for", async () => {
    const sec = await buildUser({ role: "SECRETARIAT" });
    const c = await buildConsultation();
    await setPolicy(c.id, { maxGroupShare: 0.5, minSample: 2 });
    const t0 = Date.now() - 60_000;
    const [g1, g2, c1, t1] = [
      await buildSubmission({ consultationId: c.id, group: "GOVERNMENT", submittedAt: new Date(t0) }),
      await buildSubmission({ consultationId: c.id, group: "GOVERNMENT", submittedAt: new Date(t0 + 1) }),
      await buildSubmission({ consultationId: c.id, group: "CIVIL_SOCIETY", submittedAt: new Date(t0 + 2) }),
      await buildSubmission({ consultationId: c.id, group: "TECHNICAL_COMMUNITY", submittedAt: new Date(t0 + 3) }),
    ];
    // g2 arrives at 2 of 2 published (over 50 %) and is held; c1 and t1 then make room for it (2 of 4).
    const result = await moderateMany(sec, { verb: "publish", targets: [g1, g2, c1, t1].map((s) => ({ type: "SUBMISSION" as const, id: s.id, version: s.version })) });
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result.data).toMatchObject({ done: 3, held: 1 });
    expect(result.data.changed.find((i) => i.id === g2?.id)).toMatchObject({ from: "PENDING", to: "HELD_FOR_BALANCE" });
    const statuses = await db.submission.findMany({ where: { consultationId: c.id }, select: { status: true } });
    expect(statuses.every((s) => s.status === "PUBLISHED")).toBe(true);
    expect(await db.moderationEvent.count({ where: { submissionId: g2?.id, action: "RELEASE_FROM_HOLD" } })).toBe(1);
  });
});

describe("comments in a queue view", () => {
  it("groups a comment campaign and counts its members in the view", async () => {
    const sec = await buildUser({ role: "SECRETARIAT" });
    const c = await buildConsultation();
    for (let i = 0; i < 3; i++) await buildComment({ consultationId: c.id, body: LETTER });
    await detectCampaigns(c.id);
    const queue = await listQueue(sec, { consultation: c.slug, type: "COMMENT" });
    expect(queue?.items).toHaveLength(1);
    expect(queue?.items[0]?.campaign?.count).toBe(3);
  });
});
