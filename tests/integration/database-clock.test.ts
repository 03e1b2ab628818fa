// One clock: moderation stamps publication and its events with the database's time, not the app server's.
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { moderate } from "@/lib/moderation/service";
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
