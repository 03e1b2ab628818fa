import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { moderate, moderateMany } from "@/lib/moderation/service";
import { listQueue } from "@/lib/moderation/queue";
import { detectCampaigns } from "@/lib/moderation/detection";
import { createReasonTemplate } from "@/lib/moderation/reasons";
import { listNotifications, markNotificationsRead, unreadNotificationCount } from "@/lib/notifications/service";
import { publicViewOf } from "@/lib/moderation/public";
import { buildConsultation, buildUser } from "../fixtures/users";
import { buildComment, buildSubmission, setPolicy } from "../fixtures/moderation";

const events = (submissionId: string) => db.moderationEvent.findMany({ where: { submissionId }, orderBy: { createdAt: "asc" } });

describe("moderation actions", () => {
  it("publishes a pending submission, records the event and tells the author", async () => {
    const sec = await buildUser({ role: "SECRETARIAT", name: "Sam Moderator" });
    const c = await buildConsultation();
    const s = await buildSubmission({ consultationId: c.id });
    const result = await moderate(sec, { verb: "publish", target: { type: "SUBMISSION", id: s.id, version: s.version } });
    expect(result).toMatchObject({ ok: true, data: { status: "PUBLISHED" } });
    const after = await db.submission.findUniqueOrThrow({ where: { id: s.id } });
    expect(after.status).toBe("PUBLISHED");
    expect(after.version).toBe(s.version + 1);
    expect(after.publishedAt).not.toBeNull();
    expect((await events(s.id)).map((e) => [e.action, e.fromStatus, e.toStatus, e.actorId])).toEqual([["PUBLISH", "PENDING", "PUBLISHED", sec.id]]);
    if (!s.authorId) throw new Error("setup");
    expect(await unreadNotificationCount(s.authorId)).toBe(1);
    const { items } = await listNotifications(s.authorId);
    expect(items[0]).toMatchObject({ kind: "published", read: false, params: { target: "SUBMISSION", reference: s.reference } });
    expect(await markNotificationsRead(s.authorId)).toBe(1);
    expect(await unreadNotificationCount(s.authorId)).toBe(0);
  });

  it("requires a reason to reject, takes it from a template, and shows it to the author as the moderation note", async () => {
    const sec = await buildUser({ role: "SECRETARIAT" });
    const c = await buildConsultation();
    const s = await buildSubmission({ consultationId: c.id });
    const missing = await moderate(sec, { verb: "reject", target: { type: "SUBMISSION", id: s.id } });
    expect(missing).toMatchObject({ ok: false, fieldErrors: { reason: ["reasonRequired"] } });
    expect((await db.submission.findUniqueOrThrow({ where: { id: s.id } })).status).toBe("PENDING");

    const template = await createReasonTemplate(sec, { kind: "REJECT", label: "Off topic", text: "This contribution is outside the scope of the consultation." });
    if (!template.ok) throw new Error("setup");
    const wrongKind = await createReasonTemplate(sec, { kind: "HIDE", label: "Abuse", text: "Abusive language." });
    if (!wrongKind.ok) throw new Error("setup");
    expect(await moderate(sec, { verb: "reject", target: { type: "SUBMISSION", id: s.id }, templateId: wrongKind.data.id })).toMatchObject({ ok: false, fieldErrors: { reason: ["templateUnknown"] } });

    const result = await moderate(sec, { verb: "reject", target: { type: "SUBMISSION", id: s.id }, templateId: template.data.id });
    expect(result).toMatchObject({ ok: true, data: { status: "REJECTED" } });
    const after = await db.submission.findUniqueOrThrow({ where: { id: s.id } });
    expect(after.moderationNote).toBe("This contribution is outside the scope of the consultation.");
    expect((await events(s.id))[0]?.reason).toBe("This contribution is outside the scope of the consultation.");
    if (!s.authorId) throw new Error("setup");
    expect((await listNotifications(s.authorId)).items[0]).toMatchObject({ kind: "rejected", params: { reason: "This contribution is outside the scope of the consultation." } });
  });

  it("sends a submission back to its author with a note, but not a comment", async () => {
    const sec = await buildUser({ role: "SECRETARIAT" });
    const c = await buildConsultation();
    const s = await buildSubmission({ consultationId: c.id });
    expect(await moderate(sec, { verb: "requestChanges", target: { type: "SUBMISSION", id: s.id }, reason: "Please add a source for the figures." })).toMatchObject({ ok: true, data: { status: "CHANGES_REQUESTED" } });
    expect(await db.submission.findUniqueOrThrow({ where: { id: s.id } })).toMatchObject({ status: "CHANGES_REQUESTED", moderationNote: "Please add a source for the figures." });
    const comment = await buildComment({ consultationId: c.id });
    expect(await moderate(sec, { verb: "requestChanges", target: { type: "COMMENT", id: comment.id }, reason: "x" })).toMatchObject({ ok: false, error: "notApplicable" });
  });

  it("hides a published item with a reason the public page shows instead of the text, and restores it", async () => {
    const sec = await buildUser({ role: "SECRETARIAT" });
    const c = await buildConsultation();
    const s = await buildSubmission({ consultationId: c.id, status: "PUBLISHED" });
    expect(await moderate(sec, { verb: "hide", target: { type: "SUBMISSION", id: s.id } })).toMatchObject({ ok: false, fieldErrors: { reason: ["reasonRequired"] } });
    expect(await moderate(sec, { verb: "hide", target: { type: "SUBMISSION", id: s.id }, reason: "Personal data of a third party." })).toMatchObject({ ok: true, data: { status: "HIDDEN" } });
    const hidden = await db.submission.findUniqueOrThrow({ where: { id: s.id } });
    expect(publicViewOf(hidden)).toEqual({ hidden: true, reason: "Personal data of a third party." });
    expect(hidden.body).toBe(s.body); // nothing deleted
    expect(await moderate(sec, { verb: "restore", target: { type: "SUBMISSION", id: s.id } })).toMatchObject({ ok: true, data: { status: "PUBLISHED" } });
    const restored = await db.submission.findUniqueOrThrow({ where: { id: s.id } });
    expect(publicViewOf(restored)).toEqual({ hidden: false });
    expect((await events(s.id)).map((e) => e.action)).toEqual(["HIDE", "RESTORE"]);
  });

  it("lets exactly one of two moderators win and tells the other who did", async () => {
    const first = await buildUser({ role: "SECRETARIAT", name: "Ana First" });
    const second = await buildUser({ role: "SECRETARIAT", name: "Ben Second" });
    const c = await buildConsultation();
    const s = await buildSubmission({ consultationId: c.id });
    const target = { type: "SUBMISSION" as const, id: s.id, version: s.version };
    const [a, b] = await Promise.all([
      moderate(first, { verb: "publish", target }),
      moderate(second, { verb: "reject", target, reason: "Duplicate." }),
    ]);
    const results = [a, b];
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const loser = results.find((r) => !r.ok);
    const winner = a.ok ? "Ana First" : "Ben Second";
    expect(loser).toMatchObject({ ok: false, status: 409, error: "alreadyModerated", conflict: { by: winner } });
    expect(await events(s.id)).toHaveLength(1);
    // A stale version is refused even later, sequentially.
    expect(await moderate(second, { verb: "reject", target, reason: "Late." })).toMatchObject({ ok: false, error: "alreadyModerated" });
  });
});

describe("the queue", () => {
  it("lists pending inputs oldest first across types, with filters", async () => {
    const sec = await buildUser({ role: "SECRETARIAT" });
    const c = await buildConsultation();
    const t0 = Date.now() - 3_600_000;
    const old = await buildSubmission({ consultationId: c.id, submittedAt: new Date(t0), group: "GOVERNMENT", language: "fr" });
    const mid = await buildComment({ consultationId: c.id, createdAt: new Date(t0 + 1000) });
    const recent = await buildSubmission({ consultationId: c.id, submittedAt: new Date(t0 + 2000) });
    await buildSubmission({ consultationId: c.id, status: "PUBLISHED" });
    const all = await listQueue(sec, { consultation: c.slug });
    expect(all?.items.map((i) => i.id)).toEqual([old.id, mid.id, recent.id]);
    expect((await listQueue(sec, { consultation: c.slug, type: "COMMENT" }))?.items.map((i) => i.id)).toEqual([mid.id]);
    expect((await listQueue(sec, { consultation: c.slug, group: "GOVERNMENT" }))?.items.map((i) => i.id)).toEqual([old.id]);
    expect((await listQueue(sec, { consultation: c.slug, language: "fr" }))?.items.map((i) => i.id)).toEqual([old.id]);
    expect(await listQueue(await buildUser(), { consultation: c.slug })).toBeNull();
  });

  it("pages with a keyset cursor without repeating or skipping", async () => {
    const sec = await buildUser({ role: "SECRETARIAT" });
    const c = await buildConsultation();
    const base = Date.now() - 7_200_000;
    const made = [];
    for (let i = 0; i < 30; i++) made.push(await buildSubmission({ consultationId: c.id, submittedAt: new Date(base + Math.floor(i / 2) * 1000), authorId: null }));
    const first = await listQueue(sec, { consultation: c.slug });
    expect(first?.items).toHaveLength(25);
    const second = await listQueue(sec, { consultation: c.slug, cursor: first?.nextCursor ?? "" });
    const seen = [...(first?.items ?? []), ...(second?.items ?? [])].map((i) => i.id);
    expect(new Set(seen).size).toBe(30);
    expect(second?.nextCursor).toBeNull();
  });
});

describe("campaigns (near-duplicates)", () => {
  const letter =
    "We the undersigned call on the forum to reject any proposal that would weaken end-to-end encryption, because secure communications protect journalists, activists and ordinary users alike.";

  it("groups near-identical submissions into one queue row with a count, and moderates them together", async () => {
    const sec = await buildUser({ role: "SECRETARIAT" });
    const c = await buildConsultation();
    await setPolicy(c.id, { duplicateThreshold: 0.8 });
    const copies = [];
    for (let i = 0; i < 5; i++) copies.push(await buildSubmission({ consultationId: c.id, body: i === 2 ? `${letter} Signed, member ${i}.` : letter }));
    const distinct = await buildSubmission({ consultationId: c.id, body: "Rural connectivity needs community networks and spectrum for small operators in mountain regions." });
    expect(await detectCampaigns(c.id)).toBe(5);
    expect(await detectCampaigns(c.id)).toBe(0); // idempotent
    const campaignIds = new Set((await db.submission.findMany({ where: { id: { in: copies.map((s) => s.id) } } })).map((s) => s.campaignId));
    expect(campaignIds.size).toBe(1);
    expect((await db.submission.findUniqueOrThrow({ where: { id: distinct.id } })).campaignId).toBeNull();

    const queue = await listQueue(sec, { consultation: c.slug });
    expect(queue?.items).toHaveLength(2);
    const row = queue?.items.find((i) => i.campaign);
    expect(row?.campaign?.count).toBe(5);
    if (!row?.campaign) throw new Error("no campaign row");

    const bulk = await moderateMany(sec, { verb: "reject", campaigns: [{ type: "SUBMISSION", id: row.campaign.id, status: "PENDING", count: 5 }], reason: "Identical copies of one letter; the letter is kept once." });
    expect(bulk).toMatchObject({ ok: true, data: { done: 5, conflicts: [], campaignsChanged: [] } });
    // The result names every item it changed.
    if (!bulk.ok) throw new Error("bulk failed");
    expect(bulk.data.changed.map((c) => c.id).sort()).toEqual(copies.map((s) => s.id).sort());
    expect(bulk.data.changed.every((c) => c.from === "PENDING" && c.to === "REJECTED")).toBe(true);
    const statuses = await db.submission.findMany({ where: { id: { in: copies.map((s) => s.id) } }, select: { status: true } });
    expect(statuses.every((s) => s.status === "REJECTED")).toBe(true);
  });

  it("groups near-identical comments too", async () => {
    const c = await buildConsultation();
    for (let i = 0; i < 3; i++) await buildComment({ consultationId: c.id, body: letter });
    expect(await detectCampaigns(c.id)).toBe(3);
  });
});
