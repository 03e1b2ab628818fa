// Following a consultation, and what followers are told: it opened, it closes in 48 hours (once), its synthesis.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { followConsultation, isFollowing, listFollowedConsultations, unfollowConsultation } from "@/lib/follows/service";
import { sendFollowerReminders } from "@/lib/notifications/followers";
import { enqueueJob } from "@/lib/jobs/queue";
import { saveSnapshot, setSnapshotPublished } from "@/lib/synthesis/service";
import { buildLiveDraft } from "@/lib/synthesis/draft";
import { buildConsultation, buildUser } from "../fixtures/users";
import { buildPublishedSubmission } from "../fixtures/submissions";
import { notificationsOf } from "../fixtures/notifications";
import { runJobs } from "../fixtures/jobs";

const HOUR = 3600_000;

async function followers(slug: string, n: number) {
  const people = [];
  for (let i = 0; i < n; i++) {
    const u = await buildUser();
    expect(await followConsultation(u, slug)).toMatchObject({ ok: true });
    people.push(u);
  }
  return people;
}

describe("follow and unfollow", () => {
  it("follows a published consultation once however often it is asked, and unfollows", async () => {
    const c = await buildConsultation();
    const u = await buildUser();
    expect(await followConsultation(u, c.slug)).toEqual({ ok: true, data: { following: true, slug: c.slug } });
    expect(await followConsultation(u, c.slug)).toMatchObject({ ok: true });
    expect(await db.consultationFollow.count({ where: { userId: u.id } })).toBe(1);
    expect(await isFollowing(u.id, c.id)).toBe(true);
    expect((await listFollowedConsultations(u.id)).map((f) => f.slug)).toEqual([c.slug]);
    expect(await unfollowConsultation(u, c.slug)).toEqual({ ok: true, data: { following: false, slug: c.slug } });
    expect(await unfollowConsultation(u, c.slug)).toMatchObject({ ok: true });
    expect(await isFollowing(u.id, c.id)).toBe(false);
  });

  it("refuses the signed-out, drafts and unknown consultations, storing nothing", async () => {
    const draft = await buildConsultation({ status: "DRAFT" });
    const u = await buildUser();
    expect(await followConsultation(null, draft.slug)).toMatchObject({ ok: false, status: 401 });
    expect(await followConsultation(u, draft.slug)).toMatchObject({ ok: false, error: "notFound", status: 404 });
    expect(await followConsultation(u, "no-such-consultation")).toMatchObject({ ok: false, status: 404 });
    expect(await followConsultation(u, 42)).toMatchObject({ ok: false, status: 404 });
    expect(await db.consultationFollow.count()).toBe(0);
  });
});

describe("what followers are told", () => {
  it("48 hours before contributions close: each follower once, even with several workers at once", async () => {
    const c = await buildConsultation({ contributionsCloseAt: new Date(Date.now() + 30 * HOUR) });
    const people = await followers(c.slug, 3);
    // Two workers running the pass at the same moment, then the scheduled task again through the queue.
    await Promise.all([sendFollowerReminders(), sendFollowerReminders(), sendFollowerReminders()]);
    await enqueueJob(null, "notifications.followerReminders", {});
    await runJobs();
    for (const p of people) {
      const closing = await notificationsOf(p.id, "consultationClosing");
      expect(closing).toHaveLength(1);
      expect(closing[0]?.params).toMatchObject({ title: c.title, at: c.contributionsCloseAt?.toISOString() });
      expect(closing[0]?.link).toBe(`/consultations/${c.slug}`);
    }
  });

  it("nothing while the close is more than 48 hours away, after it has closed, or for someone who unfollowed", async () => {
    const far = await buildConsultation({ contributionsCloseAt: new Date(Date.now() + 72 * HOUR) });
    const closed = await buildConsultation({ contributionsOpenAt: new Date(Date.now() - 72 * HOUR), contributionsCloseAt: new Date(Date.now() - HOUR) });
    const soon = await buildConsultation({ contributionsCloseAt: new Date(Date.now() + 10 * HOUR) });
    const [a] = await followers(far.slug, 1);
    const [b] = await followers(closed.slug, 1);
    const [gone] = await followers(soon.slug, 1);
    if (!a || !b || !gone) throw new Error("setup");
    await unfollowConsultation(gone, soon.slug);
    await sendFollowerReminders();
    expect(await notificationsOf(a.id)).toEqual([]);
    expect(await notificationsOf(b.id)).toEqual([]);
    expect(await notificationsOf(gone.id)).toEqual([]);
    // Time passes: the far one is now 47 hours from its close.
    await db.consultation.update({ where: { id: far.id }, data: { contributionsCloseAt: new Date(Date.now() + 47 * HOUR) } });
    await sendFollowerReminders();
    expect((await notificationsOf(a.id)).map((n) => n.kind)).toEqual(["consultationClosing"]);
  });

  it("when contributions open: those who followed while it was upcoming, once", async () => {
    const c = await buildConsultation({ contributionsOpenAt: new Date(Date.now() + 2 * HOUR), contributionsCloseAt: new Date(Date.now() + 200 * HOUR) });
    const [early] = await followers(c.slug, 1);
    await sendFollowerReminders();
    if (!early) throw new Error("setup");
    expect(await notificationsOf(early.id)).toEqual([]); // not open yet
    // It opens (time moved rather than waited for: the follow an hour back, the opening a minute back); someone
    // follows after it opened.
    await db.consultationFollow.updateMany({ where: { userId: early.id }, data: { createdAt: new Date(Date.now() - HOUR) } });
    await db.consultation.update({ where: { id: c.id }, data: { contributionsOpenAt: new Date(Date.now() - 60_000) } });
    const [late] = await followers(c.slug, 1);
    if (!late) throw new Error("setup");
    await sendFollowerReminders();
    await sendFollowerReminders();
    const opened = await notificationsOf(early.id, "consultationOpened");
    expect(opened).toHaveLength(1);
    expect(opened[0]?.params).toMatchObject({ title: c.title });
    expect(await notificationsOf(late.id)).toEqual([]);
  });

  it("when the synthesis is published: every follower, from a job enqueued with the publication, once per snapshot", async () => {
    const c = await buildConsultation();
    await buildPublishedSubmission({ consultationId: c.id });
    const sec = await buildUser({ role: "SECRETARIAT" });
    const people = await followers(c.slug, 2);
    await buildLiveDraft(db, c.slug);
    const snapshot = await saveSnapshot(sec, c.slug);
    if (!snapshot.ok) throw new Error(JSON.stringify(snapshot));
    await runJobs();
    expect(await notificationsOf(people[0]?.id ?? "")).toEqual([]); // saved, not published
    await setSnapshotPublished(sec, c.slug, snapshot.data.number, true);
    await runJobs();
    await setSnapshotPublished(sec, c.slug, snapshot.data.number, false);
    await setSnapshotPublished(sec, c.slug, snapshot.data.number, true);
    await runJobs();
    for (const p of people) {
      const told = await notificationsOf(p.id, "synthesisPublished");
      expect(told.map((n) => [n.params?.title, n.link])).toEqual([[c.title, `/consultations/${c.slug}#synthesis-heading`]]);
    }
  });

  it("a synthesis unpublished before the job runs is announced to nobody", async () => {
    const c = await buildConsultation();
    await buildPublishedSubmission({ consultationId: c.id });
    const sec = await buildUser({ role: "SECRETARIAT" });
    const [p] = await followers(c.slug, 1);
    await buildLiveDraft(db, c.slug);
    const snapshot = await saveSnapshot(sec, c.slug);
    if (!snapshot.ok || !p) throw new Error("setup");
    await setSnapshotPublished(sec, c.slug, snapshot.data.number, true);
    await setSnapshotPublished(sec, c.slug, snapshot.data.number, false);
    await runJobs();
    expect(await notificationsOf(p.id)).toEqual([]);
  });
});
