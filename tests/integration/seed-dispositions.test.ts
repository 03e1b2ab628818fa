// The demo seed's draft programme has a second version and answers to several comments, so a newcomer sees the
// disposition table at once; the seeded rows follow the same rules as lib/dispositions (one current, audited, told).
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { seed } from "@/prisma/seed";
import { dispositionTablePage, findDispositionTable, versionDispositionCounts } from "@/lib/dispositions/queries";
import { listThread } from "@/lib/comments/queries";

describe("demo seed: dispositions", () => {
  it("publishes version 2 of the draft programme with answers from every kind, a revision and a campaign", async () => {
    await seed(db);
    const found = await findDispositionTable("igf-preparatory-round", "draft-programme", {});
    if (!found.ok) throw new Error(found.error);
    expect([found.context.version.number, found.context.next.number]).toEqual([1, 2]);
    const page = await dispositionTablePage(found.context, found.query);
    expect(page.total).toBe(10);
    expect(new Set(page.rows.map((r) => r.kind))).toEqual(new Set(["ACCEPTED", "PARTLY_ACCEPTED", "NOT_ACCEPTED", "OUT_OF_SCOPE", "ANSWERED", null]));
    expect(page.rows.filter((r) => r.kind === null)).toHaveLength(2);
    expect(page.rows.filter((r) => r.revision === 2)).toHaveLength(1);
    const counts = await versionDispositionCounts(found.context.version.id);
    expect(counts.groups.map((g) => g.group)).toEqual(["GOVERNMENT", "PRIVATE_SECTOR", "CIVIL_SOCIETY", "TECHNICAL_COMMUNITY", "ACADEMIC_COMMUNITY", "INTERGOVERNMENTAL_ORGANISATION"]);
    expect(counts.groups.find((g) => g.group === "CIVIL_SOCIETY")).toMatchObject({ total: 3, byKind: { ACCEPTED: 3 } });
    expect(counts.all).toMatchObject({ total: 10, none: 2 });

    const current = await db.commentDisposition.groupBy({ by: ["commentId"], where: { current: true }, _count: { _all: true } });
    expect(current.every((c) => c._count._all === 1)).toBe(true);
    expect(await db.auditEvent.count({ where: { action: { startsWith: "disposition." } } })).toBe(9);
    expect(await db.notification.count({ where: { kind: "disposition" } })).toBe(9);
    // The demo participant is not among the seeded commenters: their notifications stay for the journeys they make.
    expect(await db.notification.count({ where: { user: { email: "participant@agora.example" } } })).toBe(0);

    // The access paragraph's comment shows its answer on the draft page, pointing at the edited paragraph.
    const backbones = page.rows.find((r) => r.authorName === "Wanjiru Kamau");
    expect(backbones).toMatchObject({ kind: "ACCEPTED", paragraphNumber: 3, newParagraph: { number: 3 } });
    const thread = await listThread(found.context.id, backbones?.anchorId ?? null, null, "oldest");
    expect(thread.comments[0]?.disposition).toMatchObject({ kind: "ACCEPTED", paragraph: { number: 3, version: 2 } });
    const v2 = await db.paragraph.findFirstOrThrow({ where: { versionId: found.context.next.id, anchorId: backbones?.anchorId ?? "" } });
    expect(v2).toMatchObject({ change: "EDITED" });
    expect(v2.text).toContain("open-access backbones");
    // The whole demo seed runs first (accounts included): on a loaded 2-core machine that alone can pass 30 s.
  }, 120_000);
});
