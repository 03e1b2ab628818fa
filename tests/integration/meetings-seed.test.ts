// The demo seed shows the meetings at work: a past round with a transcribed main session, its report, a roster with
// one variant to merge, and remote messages in each moderation state.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { seed } from "@/prisma/seed";
import { listProposedMerges } from "@/lib/meetings/speakers";
import { buildUser } from "../fixtures/users";

describe("meetings demo seed", () => {
  it("has a past round with a transcript, a report, a roster and remote messages, idempotently", async () => {
    await seed(db);
    const round = await db.consultation.findUniqueOrThrow({ where: { slug: "igf-2025-annual-meeting" }, include: { meetingSessions: { include: { turns: true, documents: true } } } });
    const session = round.meetingSessions[0];
    expect(session?.turns.length).toBeGreaterThan(10);
    expect(session?.documents.map((d) => d.kind)).toEqual(["RAPPORTEUR_REPORT"]);
    expect(session?.turns.filter((t) => t.stakeholderGroup !== "UNCLASSIFIED").length).toBeGreaterThan(5);
    expect(session?.turns.some((t) => t.procedural)).toBe(true);
    expect(await db.submission.count({ where: { consultationId: round.id, status: "PUBLISHED" } })).toBe(8);
    const statuses = (await db.remoteMessage.groupBy({ by: ["status"], where: { consultationId: round.id }, _count: { _all: true } })).map((r) => r.status).sort();
    expect(statuses).toEqual(["PENDING", "PUBLISHED", "REJECTED"]);
    const merges = await listProposedMerges(await buildUser({ role: "SECRETARIAT" }));
    expect(merges?.some((m) => [...m.a.labels, ...m.b.labels].includes("F DIOP"))).toBe(true);

    const counts = () => Promise.all([db.meetingSession.count(), db.sessionTurn.count(), db.speaker.count(), db.speakerAlias.count(), db.remoteMessage.count(), db.sessionDocument.count()]);
    const before = await counts();
    await seed(db);
    expect(await counts()).toEqual(before);
  });
});
