import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { listQueue } from "@/lib/moderation/queue";
import { seed } from "@/prisma/seed";
import { verifyPassword } from "@/lib/auth/password";
import { STAKEHOLDER_GROUPS } from "@/lib/stakeholders/groups";

describe("demo seed", () => {
  it("creates an IGF-like round with every stakeholder group, one account per role and a numbered draft", async () => {
    process.env.SEED_DEMO_PASSWORD = "demo passphrase for tests";
    const result = await seed(db);
    expect(result.accounts.map((a) => a.role).sort()).toEqual(["ADMIN", "PARTICIPANT", "SECRETARIAT"]);
    const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@agora.example" } });
    expect(await verifyPassword(admin.passwordHash, "demo passphrase for tests")).toBe(true);

    const round = await db.consultation.findUniqueOrThrow({ where: { slug: "igf-preparatory-round" }, include: { themes: true } });
    expect(round.themes.map((t) => t.title).sort()).toEqual(["Access", "Critical Internet resources", "Diversity", "Openness", "Security"]);
    const groups = new Set((await db.organisation.findMany()).map((o) => o.stakeholderGroup));
    expect([...groups].sort()).toEqual([...STAKEHOLDER_GROUPS].sort());
    const regions = new Set((await db.submission.findMany()).map((s) => s.region));
    expect(regions.size).toBeGreaterThanOrEqual(4);
    for (const version of await db.draftVersion.findMany({ select: { id: true } })) {
      const paragraphs = await db.paragraph.findMany({ where: { versionId: version.id, number: { not: null } }, orderBy: { position: "asc" } });
      expect(paragraphs.map((p) => p.number)).toEqual(paragraphs.map((_, i) => i + 1));
    }
    // Verified stakeholder groups: a verified participant, a claim waiting, a regional target with its invitation.
    expect(await db.stakeholderGroupClaim.count({ where: { status: "PENDING" } })).toBe(1);
    expect(await db.stakeholderGroupClaim.count({ where: { status: "APPROVED" } })).toBe(1);
    expect(await db.user.count({ where: { groupVerifiedAt: { not: null } } })).toBe(1);
    expect(await db.balancePolicy.findUniqueOrThrow({ where: { consultationId: round.id } })).toMatchObject({ targetAfrican: 0.25, invitation: expect.stringContaining("Latin America") });
    // Accounts grouped in the queue: Lucía and Pablo share the Cámara's e-mail domain, both waiting.
    const secretariat = await db.user.findUniqueOrThrow({ where: { email: "secretariat@agora.example" } });
    const queue = await listQueue({ id: secretariat.id, role: "SECRETARIAT" }, { consultation: "igf-preparatory-round" });
    for (const reference of ["IGF-DEMO-0007", "IGF-DEMO-0009"]) {
      expect(queue?.items.find((i) => i.reference === reference)?.sharedDomain).toEqual({ domain: "camara.example", accounts: 2 });
    }
    delete process.env.SEED_DEMO_PASSWORD;
  });

  it("is idempotent", async () => {
    await seed(db);
    const counts = async () => Promise.all([
      db.user.count(), db.consultation.count(), db.submission.count(), db.paragraph.count(), db.organisation.count(), db.glossaryTerm.count(),
      db.comment.count(), db.commentDisposition.count(), db.reasonTemplate.count(), db.notification.count(), db.auditEvent.count(), db.contributionParagraphLink.count(),
    ]);
    const first = await counts();
    const again = await seed(db);
    expect(await counts()).toEqual(first);
    expect(again.accounts.every((a) => a.password === null)).toBe(true);
  });
});
