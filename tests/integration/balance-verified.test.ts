// Verified-only counting toward the group caps (issue 10): unverified inputs are moderated and published, never held,
// and never make room for or take room from verified ones; the dashboard and the API show both counts side by side.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { moderate } from "@/lib/moderation/service";
import { settleBalance } from "@/lib/balance/service";
import { updateBalancePolicy, getBalancePolicy } from "@/lib/balance/policy";
import { GET } from "@/app/api/v1/consultations/[slug]/balance/route";
import { buildConsultation, buildUser } from "../fixtures/users";
import { buildSubmission, buildSubmissions, setPolicy } from "../fixtures/moderation";

async function secretariat() {
  const u = await buildUser({ role: "SECRETARIAT" });
  return { id: u.id, role: "SECRETARIAT" as const };
}
const publish = (actor: { id: string; role: "SECRETARIAT" }, id: string) => moderate(actor, { verb: "publish", target: { type: "SUBMISSION", id } });

describe("verified-only counting", () => {
  it("never exceeds the cap among verified inputs under 50 concurrent publishes, and publishes every unverified one", async () => {
    const c = await buildConsultation();
    await setPolicy(c.id, { maxGroupShare: 0.4, minSample: 10, countVerifiedOnly: true });
    await buildSubmissions(6, { consultationId: c.id, group: "CIVIL_SOCIETY", status: "PUBLISHED", authorId: null, groupVerified: true });
    // Unverified published inputs of other groups do not raise the total the verified shares are taken of.
    await buildSubmissions(5, { consultationId: c.id, group: "PRIVATE_SECTOR", status: "PUBLISHED", authorId: null });
    const verified = await buildSubmissions(30, { consultationId: c.id, group: "GOVERNMENT", authorId: null, groupVerified: true });
    const unverified = await buildSubmissions(20, { consultationId: c.id, group: "GOVERNMENT", authorId: null });
    const mods = [await secretariat(), await secretariat(), await secretariat()];
    const all = [...verified, ...unverified].sort(() => Math.random() - 0.5);
    const results = await Promise.all(all.map((p, i) => { const m = mods[i % mods.length]; if (!m) throw new Error("setup"); return publish(m, p.id); }));
    expect(results.every((r) => r.ok)).toBe(true);
    const govVerified = await db.submission.count({ where: { consultationId: c.id, status: "PUBLISHED", stakeholderGroup: "GOVERNMENT", groupVerified: true } });
    // 4 of 10 verified is the most government can hold next to 6 verified civil-society inputs.
    expect(govVerified).toBe(4);
    expect(await db.submission.count({ where: { consultationId: c.id, status: "HELD_FOR_BALANCE", groupVerified: true } })).toBe(26);
    // Every unverified one was published: accepted and moderated, outside the caps.
    expect(await db.submission.count({ where: { id: { in: unverified.map((u) => u.id) }, status: "PUBLISHED" } })).toBe(20);
  });

  it("counts every input when the policy counts all (the default), and releases unverified held inputs once it switches", async () => {
    const sec = await secretariat();
    const c = await buildConsultation();
    await setPolicy(c.id, { maxGroupShare: 0.5, minSample: 2 });
    await buildSubmission({ consultationId: c.id, group: "GOVERNMENT", status: "PUBLISHED", authorId: null });
    const held = await buildSubmission({ consultationId: c.id, group: "GOVERNMENT", authorId: null });
    expect(await publish(sec, held.id)).toMatchObject({ ok: true, data: { status: "HELD_FOR_BALANCE" } });
    await setPolicy(c.id, { countVerifiedOnly: true });
    expect(await settleBalance(c.id)).toMatchObject({ released: 1 });
    expect((await db.submission.findUniqueOrThrow({ where: { id: held.id } })).status).toBe("PUBLISHED");
  });
});

describe("the public balance JSON", () => {
  it("gives verified and self-declared counts per group side by side, and the regional targets against the shares", async () => {
    const sec = await secretariat();
    const c = await buildConsultation();
    const form = {
      maxPerContributor: "3", maxGroupShare: "40", minSample: "10", minGroups: "3", commentMaxPerContributor: "50", commentMaxGroupShare: "40",
      commentMinSample: "10", commentRateLimit: "20", commentRateWindowMinutes: "10", duplicateThreshold: "80",
      countVerifiedOnly: "on", targetAfrican: "25", targetLatinAmerican: "", targetDeveloping: "60", invitation: "We invite contributions from Africa.",
    };
    expect(await updateBalancePolicy(sec, c.id, { ...form, targetAfrican: "120" })).toMatchObject({ ok: false, fieldErrors: { targetAfrican: ["percentInvalid"] } });
    expect(await updateBalancePolicy(sec, c.id, form)).toMatchObject({ ok: true });
    expect(await getBalancePolicy(db, c.id)).toMatchObject({ countVerifiedOnly: true, targetAfrican: 0.25, targetLatinAmerican: null, targetDeveloping: 0.6, invitation: "We invite contributions from Africa." });
    expect(await db.auditEvent.findFirst({ where: { entityId: c.id, action: "balance.policy.update" } })).toMatchObject({ details: { after: { countVerifiedOnly: true, targetAfrican: 0.25 } } });

    await buildSubmissions(2, { consultationId: c.id, group: "GOVERNMENT", status: "PUBLISHED", authorId: null, groupVerified: true, country: "KE" });
    await buildSubmissions(3, { consultationId: c.id, group: "GOVERNMENT", status: "PUBLISHED", authorId: null, country: "FR" });
    await buildSubmissions(1, { consultationId: c.id, group: "CIVIL_SOCIETY", status: "PUBLISHED", authorId: null, country: "BR" });
    const response = await GET(new Request(`http://x/api/v1/consultations/${c.slug}/balance`), { params: Promise.resolve({ slug: c.slug }) });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { submissions: { verified: number; selfDeclared: number; countVerifiedOnly: boolean; groups: { key: string; count: number; verified: number; selfDeclared: number }[]; targets: { key: string; minShare: number; share: number; met: boolean }[] } };
    expect(body.submissions).toMatchObject({ verified: 2, selfDeclared: 4, countVerifiedOnly: true });
    expect(body.submissions.groups.find((g) => g.key === "GOVERNMENT")).toMatchObject({ count: 5, verified: 2, selfDeclared: 3 });
    expect(body.submissions.groups.find((g) => g.key === "CIVIL_SOCIETY")).toMatchObject({ count: 1, verified: 0, selfDeclared: 1 });
    expect(body.submissions.targets).toEqual([
      { key: "AFRICAN", minShare: 0.25, share: 2 / 6, count: 2, met: true },
      { key: "developing", minShare: 0.6, share: 3 / 6, count: 3, met: false },
    ]);
  });
});
