// Multiple accounts (issue 10): the moderation queue groups inputs whose authors share a verified e-mail domain (never a
// webmail provider's) or an organisation, from keys recorded when the input is sent; the secretariat filters on them.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { submitContribution } from "@/lib/submissions/service";
import { createComment } from "@/lib/comments/service";
import { listQueue } from "@/lib/moderation/queue";
import { moderate } from "@/lib/moderation/service";
import { groupingDomainOf } from "@/lib/moderation/accounts";
import { mergeOrganisations } from "@/lib/organisations/service";
import { buildConsultation, buildUser } from "../fixtures/users";
import { contributionInput, withTemporaryStorage } from "../fixtures/submissions";
import { buildDraft } from "../fixtures/drafts";

withTemporaryStorage();

const tag = () => randomUUID().slice(0, 8);
const person = async (email: string, organisation: string | null = null) => ({ ...(await buildUser({ email, organisation })), role: "PARTICIPANT" as const });
async function secretariat() {
  const u = await buildUser({ role: "SECRETARIAT" });
  return { id: u.id, role: "SECRETARIAT" as const };
}
async function send(user: { id: string; role: "PARTICIPANT" }, consultationId: string, onBehalfOf: "SELF" | "ORGANISATION" = "SELF") {
  const sent = await submitContribution(user, consultationId, contributionInput({ onBehalfOf }));
  if (!sent.ok) throw new Error(JSON.stringify(sent));
  return sent.data.id;
}

describe("accounts grouped in the moderation queue", () => {
  it("groups authors on one verified domain and members of one organisation, never a webmail domain, per consultation and view", async () => {
    const sec = await secretariat();
    const { consultation: c, draft } = await buildDraft();
    const other = await buildConsultation();
    const t = tag();
    const domain = `policy-${t}.example`;
    const orgName = `Acme Policy Institute ${t}`;
    const a1 = await person(`ana-${t}@${domain}`, orgName);
    const a2 = await person(`ben-${t}@${domain}`);
    const m1 = await person(`chi-${t}@elsewhere-${t}.example`, orgName);
    const g1 = await person(`dee-${t}@gmail.com`);
    const g2 = await person(`eve-${t}@gmail.com`);
    const far = await person(`fay-${t}@${domain}`);

    const s1 = await send(a1, c.id, "ORGANISATION");
    const s2 = await send(a2, c.id);
    const s3 = await send(m1, c.id);
    const sg1 = await send(g1, c.id);
    const sg2 = await send(g2, c.id);
    await send(far, other.id);
    const comment = await createComment(a2, { draftId: draft.id, body: "A comment on the whole draft from the same domain." });
    if (!comment.ok) throw new Error(JSON.stringify(comment));

    const org = await db.organisation.findFirstOrThrow({ where: { name: orgName } });
    // The keys are recorded when the input is sent: the verified address's domain, the approved organisation (the one
    // acted for, or one the author is a member of while writing as themselves).
    expect(await db.submission.findUniqueOrThrow({ where: { id: s1 } })).toMatchObject({ accountDomain: domain, accountOrganisationId: org.id });
    expect(await db.submission.findUniqueOrThrow({ where: { id: s2 } })).toMatchObject({ accountDomain: domain, accountOrganisationId: null });
    expect(await db.submission.findUniqueOrThrow({ where: { id: s3 } })).toMatchObject({ accountDomain: `elsewhere-${t}.example`, accountOrganisationId: org.id });
    expect(await db.submission.findUniqueOrThrow({ where: { id: sg1 } })).toMatchObject({ accountDomain: null });
    expect(await db.comment.findUniqueOrThrow({ where: { id: comment.data.id } })).toMatchObject({ accountDomain: domain });

    const queue = await listQueue(sec, { consultation: c.slug });
    if (!queue) throw new Error("queue");
    const item = (id: string) => queue.items.find((i) => i.id === id);
    // Two accounts on the domain in this consultation (a2's contribution and comment are one account; fay writes
    // elsewhere), two members of the organisation.
    expect(item(s1)).toMatchObject({ sharedDomain: { domain, accounts: 2 }, sharedOrganisation: { id: org.id, name: orgName, accounts: 2 } });
    expect(item(s2)).toMatchObject({ sharedDomain: { domain, accounts: 2 }, sharedOrganisation: null });
    expect(item(comment.data.id)).toMatchObject({ sharedDomain: { domain, accounts: 2 } });
    expect(item(s3)).toMatchObject({ sharedDomain: null, sharedOrganisation: { id: org.id, accounts: 2 } });
    // Two gmail.com accounts are not grouped: anybody has one.
    expect(item(sg1)).toMatchObject({ sharedDomain: null, sharedOrganisation: null });
    expect(item(sg2)).toMatchObject({ sharedDomain: null, sharedOrganisation: null });

    // "Show them together": the domain's inputs, then the organisation's, oldest first.
    expect((await listQueue(sec, { consultation: c.slug, domain: domain.toUpperCase() }))?.items.map((i) => i.id)).toEqual([s1, s2, comment.data.id]);
    const byOrg = await listQueue(sec, { consultation: c.slug, organisation: org.id });
    expect(byOrg?.items.map((i) => i.id)).toEqual([s1, s3]);
    expect(byOrg?.accounts).toEqual({ domain: null, organisation: { id: org.id, name: orgName } });
    expect((await listQueue(sec, { domain }))?.items.map((i) => i.id)).toContain(s1);
    // A webmail domain is a filter that finds nothing: no input records one.
    expect((await listQueue(sec, { consultation: c.slug, domain: "gmail.com" }))?.items).toEqual([]);

    // Once the secretariat has decided on the others, the one left waiting stands alone in the waiting view.
    for (const id of [s2, s3]) {
      const row = await db.submission.findUniqueOrThrow({ where: { id } });
      expect(await moderate(sec, { verb: "reject", target: { type: "SUBMISSION", id, version: row.version }, reason: "Off topic." })).toMatchObject({ ok: true });
    }
    const cm = await db.comment.findUniqueOrThrow({ where: { id: comment.data.id } });
    expect(await moderate(sec, { verb: "reject", target: { type: "COMMENT", id: cm.id, version: cm.version }, reason: "Off topic." })).toMatchObject({ ok: true });
    const after = await listQueue(sec, { consultation: c.slug });
    expect(after?.items.find((i) => i.id === s1)).toMatchObject({ sharedDomain: null, sharedOrganisation: null });
    const rejected = await listQueue(sec, { consultation: c.slug, view: "REJECTED" });
    // Among the rejected, a2's contribution and comment are one account: not a group.
    expect(rejected?.items.find((i) => i.id === s2)).toMatchObject({ sharedDomain: null, sharedOrganisation: null });
  });

  it("keeps members of merged organisations together, and only the secretariat sees the queue", async () => {
    const sec = await secretariat();
    const c = await buildConsultation();
    const t = tag();
    const a = await person(`gus-${t}@a-${t}.example`, `Internet Society ${t}`);
    const b = await person(`hal-${t}@b-${t}.example`, `ISOC ${t}`);
    const sa = await send(a, c.id);
    const sb = await send(b, c.id);
    const survivor = await db.organisation.findFirstOrThrow({ where: { name: `Internet Society ${t}` } });
    const duplicate = await db.organisation.findFirstOrThrow({ where: { name: `ISOC ${t}` } });
    expect((await listQueue(sec, { consultation: c.slug }))?.items.find((i) => i.id === sa)?.sharedOrganisation).toBeNull();

    expect(await mergeOrganisations(sec, { duplicateId: duplicate.id, duplicateVersion: duplicate.version, survivorId: survivor.id })).toMatchObject({ ok: true });
    expect(await db.submission.findUniqueOrThrow({ where: { id: sb } })).toMatchObject({ accountOrganisationId: survivor.id });
    const queue = await listQueue(sec, { consultation: c.slug });
    expect(queue?.items.find((i) => i.id === sa)?.sharedOrganisation).toEqual({ id: survivor.id, name: survivor.name, accounts: 2 });
    expect(queue?.items.find((i) => i.id === sb)?.sharedOrganisation).toEqual({ id: survivor.id, name: survivor.name, accounts: 2 });

    expect(await listQueue({ id: a.id, role: "PARTICIPANT" }, { organisation: survivor.id })).toBeNull();
  });

  it("takes the domain of a verified address only, and never a webmail provider's", () => {
    expect(groupingDomainOf("Ana@Policy.Example.ORG", true)).toBe("policy.example.org");
    expect(groupingDomainOf("ana@policy.example.org", false)).toBeNull();
    for (const webmail of ["gmail.com", "outlook.com", "yahoo.fr", "proton.me", "qq.com", "mail.ru"]) expect(groupingDomainOf(`x@${webmail}`, true)).toBeNull();
  });
});
