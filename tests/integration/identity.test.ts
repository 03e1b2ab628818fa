// Verified stakeholder groups (issue 10, part B): claims, group changes, input snapshots, caps that rejection frees.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { decideGroupClaim, fileGroupClaim, groupStanding, listPendingClaims, withdrawGroupClaim } from "@/lib/identity/service";
import { updateProfile } from "@/lib/users/service";
import { submitContribution } from "@/lib/submissions/service";
import { capStatusFor } from "@/lib/submissions/cap";
import { moderate } from "@/lib/moderation/service";
import { createComment } from "@/lib/comments/service";
import { buildConsultation, buildUser } from "../fixtures/users";
import { contributionInput, withTemporaryStorage } from "../fixtures/submissions";
import { setPolicy } from "../fixtures/moderation";
import { buildDraft } from "../fixtures/drafts";

withTemporaryStorage();

const EVIDENCE = "I am the policy officer of the Kenyan ICT Authority; see the staff page.";
const profile = (u: { name: string; country: string }, group: string) => ({ name: u.name, individual: true, organisation: "", stakeholderGroup: group, country: u.country, gender: "" });

async function secretariat() {
  const u = await buildUser({ role: "SECRETARIAT" });
  return { id: u.id, role: "SECRETARIAT" as const };
}
const participant = async (o: Parameters<typeof buildUser>[0] = {}) => {
  const u = await buildUser({ organisation: null, ...o });
  return { ...u, role: "PARTICIPANT" as const };
};

describe("group claims", () => {
  it("a participant files a claim with evidence; the secretariat approves it: verified, audited, in the snapshot of what they send next", async () => {
    const sec = await secretariat();
    const user = await participant({ stakeholderGroup: "GOVERNMENT", country: "KE" });
    expect(await fileGroupClaim(user, { stakeholderGroup: "GOVERNMENT", evidence: "short" })).toMatchObject({ ok: false, fieldErrors: { evidence: ["evidenceTooShort"] } });
    expect(await fileGroupClaim(user, { stakeholderGroup: "GOVERNMENT", evidence: EVIDENCE, link: "javascript:alert(1)" })).toMatchObject({ ok: false, fieldErrors: { link: ["linkInvalid"] } });
    const filed = await fileGroupClaim(user, { stakeholderGroup: "GOVERNMENT", evidence: EVIDENCE, link: "https://ict.go.ke/staff" });
    if (!filed.ok) throw new Error(JSON.stringify(filed));
    expect(await fileGroupClaim(user, { stakeholderGroup: "GOVERNMENT", evidence: EVIDENCE })).toMatchObject({ ok: false, error: "claimPending" });

    const queue = await listPendingClaims(sec);
    const listed = queue?.claims.find((c) => c.id === filed.data.id);
    expect(listed).toMatchObject({ evidence: EVIDENCE, link: "https://ict.go.ke/staff", stakeholderGroup: "GOVERNMENT", user: { id: user.id, groupVerifiedAt: null } });

    const c = await buildConsultation();
    const before = await submitContribution(user, c.id, contributionInput({ onBehalfOf: "SELF" }));
    if (!before.ok) throw new Error(JSON.stringify(before));

    expect(await decideGroupClaim(sec, { claimId: filed.data.id, version: 1, decision: "approve" })).toMatchObject({ ok: true, data: { status: "APPROVED" } });
    // The same decision again (a second window): a conflict, nothing changes twice.
    expect(await decideGroupClaim(sec, { claimId: filed.data.id, version: 1, decision: "refuse", reason: "x" })).toMatchObject({ ok: false, error: "claimChanged", status: 409 });
    expect((await groupStanding(user.id))?.verifiedAt).not.toBeNull();
    expect(await db.auditEvent.findFirst({ where: { entityId: filed.data.id, action: "identity.claim.approve" } })).toMatchObject({ actorId: sec.id });

    const after = await submitContribution(user, c.id, contributionInput({ onBehalfOf: "SELF" }));
    if (!after.ok) throw new Error(JSON.stringify(after));
    expect(await db.submission.findUniqueOrThrow({ where: { id: after.data.id } })).toMatchObject({ stakeholderGroup: "GOVERNMENT", groupVerified: true, groupVerifiedBy: "SECRETARIAT" });
    // The contribution sent before the approval keeps what was true when it was sent.
    expect(await db.submission.findUniqueOrThrow({ where: { id: before.data.id } })).toMatchObject({ groupVerified: false, groupVerifiedBy: "NONE" });
  });

  it("only the secretariat decides, never on its own claim, and a refusal needs a reason", async () => {
    const sec = await secretariat();
    const user = await participant();
    const other = await participant();
    const filed = await fileGroupClaim(user, { stakeholderGroup: "CIVIL_SOCIETY", evidence: EVIDENCE });
    if (!filed.ok) throw new Error("setup");
    expect(await decideGroupClaim(other, { claimId: filed.data.id, version: 1, decision: "approve" })).toMatchObject({ ok: false, status: 403 });
    expect(await decideGroupClaim(null, { claimId: filed.data.id, version: 1, decision: "approve" })).toMatchObject({ ok: false, status: 403 });
    expect(await listPendingClaims(other)).toBeNull();
    expect(await decideGroupClaim(sec, { claimId: filed.data.id, version: 1, decision: "refuse" })).toMatchObject({ ok: false, fieldErrors: { reason: ["reasonRequired"] } });
    expect(await decideGroupClaim(sec, { claimId: filed.data.id, version: 1, decision: "refuse", reason: "The page does not name you." })).toMatchObject({ ok: true, data: { status: "REFUSED" } });
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ groupVerifiedAt: null });
    expect(await db.auditEvent.findFirst({ where: { entityId: filed.data.id, action: "identity.claim.refuse" } })).toMatchObject({ actorId: sec.id, details: { reason: "The page does not name you." } });

    const secUser = await buildUser({ role: "SECRETARIAT" });
    const own = await fileGroupClaim({ id: secUser.id, role: "SECRETARIAT" }, { stakeholderGroup: "CIVIL_SOCIETY", evidence: EVIDENCE });
    if (!own.ok) throw new Error("setup");
    expect(await decideGroupClaim({ id: secUser.id, role: "SECRETARIAT" }, { claimId: own.data.id, version: 1, decision: "approve" })).toMatchObject({ ok: false, error: "ownClaim" });
    expect(await withdrawGroupClaim({ id: secUser.id, role: "SECRETARIAT" }, own.data.id)).toMatchObject({ ok: true });
  });
});

describe("changes of declared group", () => {
  it("are audited, reset the verification, allowed once per 30 days unless the secretariat approves a claim, and never rewrite past snapshots", async () => {
    const sec = await secretariat();
    const user = await participant({ stakeholderGroup: "ACADEMIC_COMMUNITY", country: "AR" });
    const claim = await fileGroupClaim(user, { stakeholderGroup: "ACADEMIC_COMMUNITY", evidence: EVIDENCE });
    if (!claim.ok) throw new Error("setup");
    await decideGroupClaim(sec, { claimId: claim.data.id, version: 1, decision: "approve" });
    const c = await buildConsultation();
    const sent = await submitContribution(user, c.id, contributionInput({ onBehalfOf: "SELF" }));
    if (!sent.ok) throw new Error(JSON.stringify(sent));

    expect(await updateProfile(user.id, profile(user, "CIVIL_SOCIETY"))).toMatchObject({ ok: true });
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ stakeholderGroup: "CIVIL_SOCIETY", groupVerifiedAt: null });
    expect(await db.auditEvent.findFirst({ where: { entityId: user.id, action: "identity.group.change" } })).toMatchObject({ details: { from: "ACADEMIC_COMMUNITY", to: "CIVIL_SOCIETY", wasVerified: true } });
    // The snapshot of the earlier contribution is not rewritten.
    expect(await db.submission.findUniqueOrThrow({ where: { id: sent.data.id } })).toMatchObject({ stakeholderGroup: "ACADEMIC_COMMUNITY", groupVerified: true, groupVerifiedBy: "SECRETARIAT" });

    // A second change within 30 days is refused, on the field, and nothing else in the profile is saved with it.
    const again = await updateProfile(user.id, { ...profile(user, "PRIVATE_SECTOR"), name: "Renamed" });
    expect(again).toMatchObject({ ok: false, error: "groupChangeTooSoon", fieldErrors: { stakeholderGroup: ["groupChangeTooSoon"] } });
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ stakeholderGroup: "CIVIL_SOCIETY", name: user.name });
    // Saving the profile without changing the group is fine.
    expect(await updateProfile(user.id, { ...profile(user, "CIVIL_SOCIETY"), name: "Renamed" })).toMatchObject({ ok: true });

    // Through a claim the secretariat approves, the change happens now (and is audited as the secretariat's).
    const move = await fileGroupClaim(user, { stakeholderGroup: "PRIVATE_SECTOR", evidence: EVIDENCE });
    if (!move.ok) throw new Error("setup");
    expect(await decideGroupClaim(sec, { claimId: move.data.id, version: 1, decision: "approve" })).toMatchObject({ ok: true });
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ stakeholderGroup: "PRIVATE_SECTOR" });
    expect(await db.auditEvent.count({ where: { entityId: user.id, action: "identity.group.change", actorId: sec.id } })).toBe(1);

    // Thirty days later the participant may change it again themselves.
    await db.user.update({ where: { id: user.id }, data: { groupChangedAt: new Date(Date.now() - 31 * 86_400_000) } });
    expect(await updateProfile(user.id, profile(user, "TECHNICAL_COMMUNITY"))).toMatchObject({ ok: true });
  });

  it("comments record the group's verification too", async () => {
    const sec = await secretariat();
    const user = await participant({ stakeholderGroup: "TECHNICAL_COMMUNITY" });
    const claim = await fileGroupClaim(user, { stakeholderGroup: "TECHNICAL_COMMUNITY", evidence: EVIDENCE });
    if (!claim.ok) throw new Error("setup");
    await decideGroupClaim(sec, { claimId: claim.data.id, version: 1, decision: "approve" });
    const { draft } = await buildDraft();
    const created = await createComment(user, { draftId: draft.id, body: "A comment on the whole draft, long enough." });
    if (!created.ok) throw new Error(JSON.stringify(created));
    expect(await db.comment.findUniqueOrThrow({ where: { id: created.data.id } })).toMatchObject({ stakeholderGroup: "TECHNICAL_COMMUNITY", groupVerified: true, groupVerifiedBy: "SECRETARIAT" });
  });
});

describe("the per-contributor cap", () => {
  it("is freed by rejected and withdrawn contributions: the secretariat's rejection never locks the author out", async () => {
    const sec = await secretariat();
    const c = await buildConsultation();
    await setPolicy(c.id, { maxPerContributor: 2 });
    const user = await participant();
    expect(await capStatusFor(db, user.id, c.id)).toMatchObject({ cap: 2, self: { used: 0, left: 2 }, organisation: null });
    const first = await submitContribution(user, c.id, contributionInput({ onBehalfOf: "SELF" }));
    const second = await submitContribution(user, c.id, contributionInput({ onBehalfOf: "SELF" }));
    if (!first.ok || !second.ok) throw new Error("setup");
    expect(await capStatusFor(db, user.id, c.id)).toMatchObject({ self: { used: 2, left: 0 } });
    expect(await submitContribution(user, c.id, contributionInput({ onBehalfOf: "SELF" }))).toMatchObject({ ok: false, error: "capReached" });
    const rejected = await moderate(sec, { verb: "reject", target: { type: "SUBMISSION", id: first.data.id }, reason: "Spam." });
    expect(rejected).toMatchObject({ ok: true, data: { status: "REJECTED" } });
    expect(await capStatusFor(db, user.id, c.id)).toMatchObject({ self: { used: 1, left: 1 } });
    const third = await submitContribution(user, c.id, contributionInput({ onBehalfOf: "SELF" }));
    expect(third).toMatchObject({ ok: true });
  });
});

describe("acting on behalf of an organisation", () => {
  async function org(verification: "VERIFIED" | "UNVERIFIED", group: "INTERGOVERNMENTAL_ORGANISATION" | "TECHNICAL_COMMUNITY" = "TECHNICAL_COMMUNITY") {
    const id = Math.random().toString(36).slice(2, 10);
    return db.organisation.create({ data: { name: `Society ${id}`, normalizedName: `society ${id}`, slug: `society-${id}`, stakeholderGroup: group, verification, emailDomains: ["test.example"] } });
  }

  it("takes the verified organisation's group, verified by ORGANISATION or DOMAIN, and counts the cap per organisation", async () => {
    const c = await buildConsultation();
    await setPolicy(c.id, { maxPerContributor: 1 });
    const isoc = await org("VERIFIED");
    const member = await participant({ stakeholderGroup: "CIVIL_SOCIETY" });
    await db.organisationMembership.create({ data: { organisationId: isoc.id, userId: member.id, status: "APPROVED", approvedVia: "MANAGER", decidedAt: new Date() } });
    const viaDomain = await participant({ stakeholderGroup: "ACADEMIC_COMMUNITY" });
    await db.organisationMembership.create({ data: { organisationId: isoc.id, userId: viaDomain.id, status: "APPROVED", approvedVia: "DOMAIN", decidedAt: new Date() } });

    const sent = await submitContribution(member, c.id, contributionInput({ onBehalfOf: "ORGANISATION" }));
    if (!sent.ok) throw new Error(JSON.stringify(sent));
    expect(await db.submission.findUniqueOrThrow({ where: { id: sent.data.id } })).toMatchObject({
      contributorKey: `org:${isoc.id}`, organisationId: isoc.id, stakeholderGroup: "TECHNICAL_COMMUNITY", groupVerified: true, groupVerifiedBy: "ORGANISATION",
    });
    // The organisation's place is used: another member writing for it is at the cap, but may still write as themselves.
    expect(await capStatusFor(db, viaDomain.id, c.id)).toMatchObject({ cap: 1, self: { left: 1 }, organisation: { contributorKey: `org:${isoc.id}`, used: 1, left: 0 } });
    expect(await submitContribution(viaDomain, c.id, contributionInput({ onBehalfOf: "ORGANISATION" }))).toMatchObject({ ok: false, error: "capReached" });
    const own = await submitContribution(viaDomain, c.id, contributionInput({ onBehalfOf: "SELF" }));
    expect(own).toMatchObject({ ok: true });

    // Once the first is rejected, the organisation has its place back; the domain member's input says DOMAIN.
    const sec = await secretariat();
    await moderate(sec, { verb: "reject", target: { type: "SUBMISSION", id: sent.data.id }, reason: "Off topic." });
    const next = await submitContribution(viaDomain, c.id, contributionInput({ onBehalfOf: "ORGANISATION" }));
    if (!next.ok) throw new Error(JSON.stringify(next));
    expect(await db.submission.findUniqueOrThrow({ where: { id: next.data.id } })).toMatchObject({ stakeholderGroup: "TECHNICAL_COMMUNITY", groupVerifiedBy: "DOMAIN" });
  });

  it("a stranger who only typed the organisation's name acts as themselves: its cap is untouched", async () => {
    const c = await buildConsultation();
    await setPolicy(c.id, { maxPerContributor: 1 });
    const isoc = await org("VERIFIED");
    const stranger = await participant();
    await db.user.update({ where: { id: stranger.id }, data: { organisationId: isoc.id } });
    await db.organisationMembership.create({ data: { organisationId: isoc.id, userId: stranger.id, status: "PENDING" } });
    expect(await submitContribution(stranger, c.id, contributionInput({ onBehalfOf: "ORGANISATION" }))).toMatchObject({ ok: false, fieldErrors: { onBehalfOf: ["noOrganisation"] } });
    const self = await submitContribution(stranger, c.id, contributionInput({ onBehalfOf: "SELF" }));
    if (!self.ok) throw new Error("setup");
    expect(await db.submission.findUniqueOrThrow({ where: { id: self.data.id } })).toMatchObject({ contributorKey: `user:${stranger.id}`, organisationId: null, groupVerified: false });
    expect(await db.submission.count({ where: { contributorKey: `org:${isoc.id}` } })).toBe(0);
  });

  it("an approved member of an unverified organisation counts for it, under their own self-declared group", async () => {
    const c = await buildConsultation();
    const acme = await org("UNVERIFIED", "INTERGOVERNMENTAL_ORGANISATION");
    const member = await participant({ stakeholderGroup: "PRIVATE_SECTOR" });
    await db.organisationMembership.create({ data: { organisationId: acme.id, userId: member.id, status: "APPROVED", approvedVia: "MANAGER", decidedAt: new Date() } });
    const sent = await submitContribution(member, c.id, contributionInput({ onBehalfOf: "ORGANISATION" }));
    if (!sent.ok) throw new Error(JSON.stringify(sent));
    expect(await db.submission.findUniqueOrThrow({ where: { id: sent.data.id } })).toMatchObject({ contributorKey: `org:${acme.id}`, stakeholderGroup: "PRIVATE_SECTOR", groupVerified: false, groupVerifiedBy: "NONE" });
  });
});
