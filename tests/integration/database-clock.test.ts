// One clock: moderation, synthesis builds and notifications stamp their times with the database's, not the app server's.
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { moderate } from "@/lib/moderation/service";
import { markNotificationsRead } from "@/lib/notifications/service";
import { requestSynthesisBuild } from "@/lib/synthesis/service";
import { runJobs } from "../fixtures/jobs";
import { buildConsultation, buildUser } from "../fixtures/users";
import { buildSubmission } from "../fixtures/moderation";

afterEach(() => {
  vi.useRealTimers();
});

describe("moderation and the clock", () => {
  it("publishedAt and the event's time come from the database even when the app server's clock is wrong", async () => {
    const consultation = await buildConsultation();
    const secretariat = await buildUser({ role: "SECRETARIAT" });
    const item = await buildSubmission({ consultationId: consultation.id });
    const [clock] = await db.$queryRaw<{ now: Date }[]>`SELECT clock_timestamp() AS now`;
    if (!clock) throw new Error("no database clock");
    const before = clock.now;
    // The app server's clock is a year behind.
    vi.useFakeTimers({ toFake: ["Date"], now: new Date(before.getTime() - 365 * 24 * 3600_000) });
    const result = await moderate(secretariat, { verb: "publish", target: { type: "SUBMISSION", id: item.id, version: 1 } });
    vi.useRealTimers();
    expect(result).toMatchObject({ ok: true, data: { status: "PUBLISHED" } });
    const row = await db.submission.findUniqueOrThrow({ where: { id: item.id } });
    const event = await db.moderationEvent.findFirstOrThrow({ where: { submissionId: item.id, action: "PUBLISH" } });
    expect(row.publishedAt?.getTime()).toBeGreaterThanOrEqual(before.getTime());
    expect(event.createdAt.getTime()).toBeGreaterThanOrEqual(before.getTime());
  });
});

async function databaseClock(): Promise<Date> {
  const [clock] = await db.$queryRaw<{ now: Date }[]>`SELECT clock_timestamp() AS now`;
  if (!clock) throw new Error("no database clock");
  return clock.now;
}

const YEAR = 365 * 24 * 3600_000;

describe("other stamps and the clock", () => {
  it("a synthesis build's request, start and finish come from the database", async () => {
    const consultation = await buildConsultation();
    const secretariat = await buildUser({ role: "SECRETARIAT" });
    const before = await databaseClock();
    vi.useFakeTimers({ toFake: ["Date"], now: new Date(before.getTime() - YEAR) });
    expect(await requestSynthesisBuild(secretariat, consultation.slug)).toMatchObject({ ok: true });
    const queued = await db.synthesisBuild.findUniqueOrThrow({ where: { consultationId: consultation.id } });
    expect(queued.requestedAt.getTime()).toBeGreaterThanOrEqual(before.getTime());
    await runJobs();
    vi.useRealTimers();
    const built = await db.synthesisBuild.findUniqueOrThrow({ where: { consultationId: consultation.id } });
    expect(built.status).toBe("DONE");
    expect(built.startedAt?.getTime()).toBeGreaterThanOrEqual(before.getTime());
    expect(built.finishedAt?.getTime()).toBeGreaterThanOrEqual(before.getTime());
  });

  it("a notification is marked read at the database's time", async () => {
    const user = await buildUser();
    const note = await db.notification.create({ data: { userId: user.id, kind: "test", message: "hello" } });
    const before = await databaseClock();
    vi.useFakeTimers({ toFake: ["Date"], now: new Date(before.getTime() - YEAR) });
    expect(await markNotificationsRead(user.id, note.id)).toBe(1);
    vi.useRealTimers();
    const row = await db.notification.findUniqueOrThrow({ where: { id: note.id } });
    expect(row.readAt?.getTime()).toBeGreaterThanOrEqual(before.getTime());
  });
});
