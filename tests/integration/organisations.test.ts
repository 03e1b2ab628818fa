// Organisations and memberships (issue 10 part A): who may act on behalf of an organisation.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { applyMigrations, defaultMigrationsDir } from "../../scripts/lib/migrate.ts";
import { randomDatabaseName } from "../../scripts/lib/postgres.ts";
import { adminExec, withDatabase } from "../../scripts/lib/pg-admin.ts";
import { db } from "@/lib/db/client";
import {
  approvedMembership, approvedMembershipsOf, decideMembership, findOrCreateOrganisation, leaveOrganisation, mergeOrganisations, removeMember,
  requestMembership, setListed, setMemberRole, setVerification, updateOrganisation,
} from "@/lib/organisations/service";
import { buildConsultation, buildUser } from "../fixtures/users";
import { buildSubmission, setPolicy } from "../fixtures/moderation";
import { contributionInput } from "../fixtures/submissions";
import { submitContribution } from "@/lib/submissions/service";
import { randomUUID } from "node:crypto";

async function org(name: string, extra: { verification?: "UNVERIFIED" | "VERIFIED" | "SUSPENDED"; emailDomains?: string[] } = {}) {
  const id = await db.$transaction((tx) => findOrCreateOrganisation(tx, name, "TECHNICAL_COMMUNITY", "CH"));
  return db.organisation.update({ where: { id }, data: { verification: extra.verification ?? "UNVERIFIED", emailDomains: extra.emailDomains ?? [] } });
}

describe("approvedMembership", () => {
  it("is null until the request is approved, then gives the organisation and its verification state", async () => {
    const isoc = await org(`Internet Society ${Date.now()}`, { verification: "VERIFIED" });
    const user = await buildUser({ organisation: null });
    expect(await approvedMembership(db, user.id, isoc.id)).toBeNull();
    const membership = await db.organisationMembership.create({ data: { organisationId: isoc.id, userId: user.id } });
    expect(await approvedMembership(db, user.id, isoc.id)).toBeNull();
    await db.organisationMembership.update({ where: { id: membership.id }, data: { status: "APPROVED", approvedVia: "SECRETARIAT", decidedAt: new Date() } });
    const approved = await approvedMembership(db, user.id, isoc.id);
    expect(approved).toMatchObject({ membershipId: membership.id, role: "MEMBER", approvedVia: "SECRETARIAT", organisation: { id: isoc.id, verification: "VERIFIED" } });
    expect((await approvedMembershipsOf(db, user.id)).map((m) => m.organisation.id)).toEqual([isoc.id]);

    await db.organisation.update({ where: { id: isoc.id }, data: { verification: "SUSPENDED" } });
    expect(await approvedMembership(db, user.id, isoc.id)).toBeNull();
    expect(await approvedMembershipsOf(db, user.id)).toEqual([]);
  });

  it("ends a domain approval when the address leaves the domain", async () => {
    const itu = await org(`ITU ${Date.now()}`, { verification: "VERIFIED", emailDomains: ["itu.int"] });
    const user = await buildUser({ organisation: null, email: `ana-${Date.now()}@itu.int` });
    await db.organisationMembership.create({ data: { organisationId: itu.id, userId: user.id, status: "APPROVED", approvedVia: "DOMAIN" } });
    expect(await approvedMembership(db, user.id, itu.id)).not.toBeNull();
    await db.user.update({ where: { id: user.id }, data: { email: `ana-${Date.now()}@elsewhere.example` } });
    expect(await approvedMembership(db, user.id, itu.id)).toBeNull();
  });

  it("gives each spelling one organisation with a slug of its own, unverified", async () => {
    const stamp = Date.now();
    const a = await org(`Open Net ${stamp}`);
    const b = await org(`open   NET ${stamp}`);
    const c = await org(`Open-Net ${stamp}`);
    expect(b.id).toBe(a.id);
    expect(c.id).not.toBe(a.id);
    expect(a.slug).toBe(`open-net-${stamp}`);
    expect(c.slug).toMatch(new RegExp(`^open-net-${stamp}-[0-9a-f]{6}$`));
    expect(a.verification).toBe("UNVERIFIED");
  });
});

describe("the organisations migration", () => {
  it("gives existing organisations unique slugs and turns typed affiliations into pending requests, approving nobody", async () => {
    const adminUrl = inject("testDbAdminUrl");
    const before = fs.mkdtempSync(path.join(os.tmpdir(), "agora-migrations-"));
    const names = fs.readdirSync(defaultMigrationsDir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
    const mine = names.findIndex((n) => n.endsWith("_issue10_organisations"));
    expect(mine).toBeGreaterThan(0);
    for (const name of names.slice(0, mine)) fs.cpSync(path.join(defaultMigrationsDir, name), path.join(before, name), { recursive: true });
    fs.copyFileSync(path.join(defaultMigrationsDir, "migration_lock.toml"), path.join(before, "migration_lock.toml"));

    const database = randomDatabaseName("agora_orgs");
    await adminExec(adminUrl, `CREATE DATABASE "${database}"`);
    const url = withDatabase(adminUrl, database);
    try {
      await applyMigrations(url, { migrationsDir: before });
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`INSERT INTO "Organisation" (id, name, "normalizedName", "stakeholderGroup") VALUES
          ('o1', 'Internet Society', 'internet society', 'TECHNICAL_COMMUNITY'),
          ('o2', 'Internet Society!', 'internet society!', 'TECHNICAL_COMMUNITY'),
          ('o3', '互联网协会', '互联网协会', 'CIVIL_SOCIETY')`);
        await client.query(`INSERT INTO "User" (id, email, "passwordHash", name, "stakeholderGroup", country, "organisationId", "updatedAt") VALUES
          ('u1', 'a@example.org', 'x', 'A', 'CIVIL_SOCIETY', 'BR', 'o1', now()),
          ('u2', 'b@example.org', 'x', 'B', 'CIVIL_SOCIETY', 'BR', NULL, now())`);
        await applyMigrations(url);
        const orgs = await client.query<{ id: string; slug: string; verification: string }>(`SELECT id, slug, verification FROM "Organisation" ORDER BY id`);
        expect(orgs.rows[0]).toMatchObject({ id: "o1", slug: "internet-society", verification: "UNVERIFIED" });
        expect(orgs.rows[1]?.slug).toMatch(/^internet-society-[0-9a-f]{6}$/);
        expect(orgs.rows[2]?.slug).toBe("organisation");
        const memberships = await client.query(`SELECT "userId", "organisationId", status, role, "approvedVia" FROM "OrganisationMembership"`);
        expect(memberships.rows).toEqual([{ userId: "u1", organisationId: "o1", status: "PENDING", role: "MEMBER", approvedVia: null }]);
      } finally {
        await client.end();
      }
    } finally {
      await adminExec(adminUrl, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      fs.rmSync(before, { recursive: true, force: true });
    }
  });
});

const secretariatActor = async () => {
  const u = await buildUser({ role: "SECRETARIAT", organisation: null });
  return { id: u.id, role: u.role };
};
const participant = async (email?: string, verified = true) => {
  const u = await buildUser({ organisation: null, ...(email ? { email } : {}), verified });
  return { id: u.id, role: u.role };
};
const versionOf = async (membershipId: string) => (await db.organisationMembership.findUniqueOrThrow({ where: { id: membershipId } })).version;
const orgVersion = async (id: string) => (await db.organisation.findUniqueOrThrow({ where: { id } })).version;
const auditActions = async (organisationId: string) =>
  (await db.auditEvent.findMany({ where: { entityType: "Organisation", entityId: organisationId }, orderBy: { createdAt: "asc" } })).map((e) => e.action);

describe("joining an organisation", () => {
  it("by domain: a verified address on a verified organisation's domain is approved at once; otherwise the request waits", async () => {
    const stamp = Date.now();
    const secretariat = await secretariatActor();
    const itu = await org(`ITU ${stamp}`);
    const edit = await updateOrganisation(secretariat, {
      organisationId: itu.id, expectedVersion: itu.version, name: itu.name, stakeholderGroup: "INTERGOVERNMENTAL_ORGANISATION", country: "CH", website: "https://itu.int", emailDomains: "itu.int, gmail.com",
    });
    expect(edit.ok).toBe(false); // webmail is nobody's domain
    if (!edit.ok) expect(edit.fieldErrors?.emailDomains).toEqual(["domainInvalid"]);
    expect((await updateOrganisation(secretariat, {
      organisationId: itu.id, expectedVersion: itu.version, name: itu.name, stakeholderGroup: "INTERGOVERNMENTAL_ORGANISATION", country: "CH", website: "https://itu.int", emailDomains: "ITU.int",
    })).ok).toBe(true);

    // Organisation not verified yet: pending, even with a verified address on the domain.
    const early = await participant(`early-${stamp}@itu.int`);
    const earlyRequest = await requestMembership(early, { mode: "existing", organisationId: itu.id });
    expect(earlyRequest.ok && earlyRequest.data.status).toBe("PENDING");

    const verified = await setVerification(secretariat, { organisationId: itu.id, expectedVersion: await orgVersion(itu.id), state: "VERIFIED", note: "Letter from the ITU secretariat, 2 Dec" });
    // ...and verifying it approves the waiting request by the same rule.
    expect(verified.ok && verified.data.approvedByDomain).toBe(1);
    expect(await approvedMembership(db, early.id, itu.id)).toMatchObject({ approvedVia: "DOMAIN", role: "MEMBER", organisation: { verification: "VERIFIED" } });

    const ana = await participant(`ana-${stamp}@mail.itu.int`);
    const joined = await requestMembership(ana, { mode: "existing", organisationId: itu.id });
    expect(joined.ok && joined.data).toMatchObject({ status: "APPROVED", approvedVia: "DOMAIN" });

    const unverifiedAddress = await participant(`bob-${stamp}@itu.int`, false);
    const waiting = await requestMembership(unverifiedAddress, { mode: "existing", organisationId: itu.id });
    expect(waiting.ok && waiting.data.status).toBe("PENDING");
    expect(await approvedMembership(db, unverifiedAddress.id, itu.id)).toBeNull();

    const elsewhere = await participant(`carol-${stamp}@fakeitu.int`);
    const other = await requestMembership(elsewhere, { mode: "existing", organisationId: itu.id });
    expect(other.ok && other.data.status).toBe("PENDING");
    expect(await auditActions(itu.id)).toEqual(expect.arrayContaining(["organisation.edited", "organisation.verified", "organisation.membershipApproved", "organisation.membershipRequested"]));
  });

  it("by a manager's approval, and a non-manager cannot approve", async () => {
    const stamp = Date.now();
    const secretariat = await secretariatActor();
    const isoc = await org(`Internet Society ${stamp}`, { verification: "VERIFIED" });
    const manager = await participant();
    const managerRequest = await requestMembership(manager, { mode: "existing", organisationId: isoc.id, note: "Head of policy" });
    if (!managerRequest.ok) throw new Error(managerRequest.error);
    expect((await decideMembership(secretariat, { membershipId: managerRequest.data.membershipId, expectedVersion: 1, decision: "APPROVE", role: "MANAGER" })).ok).toBe(true);

    const member = await participant();
    const request = await requestMembership(member, { mode: "existing", organisationId: isoc.id });
    if (!request.ok) throw new Error(request.error);
    const id = request.data.membershipId;

    const stranger = await participant();
    const denied = await decideMembership(stranger, { membershipId: id, expectedVersion: 1, decision: "APPROVE" });
    expect(denied).toMatchObject({ ok: false, status: 403 });
    // Nor can the requester approve themselves.
    expect(await decideMembership(member, { membershipId: id, expectedVersion: 1, decision: "APPROVE" })).toMatchObject({ ok: false, status: 403 });
    // A manager approves members, never managers.
    expect(await decideMembership(manager, { membershipId: id, expectedVersion: 1, decision: "APPROVE", role: "MANAGER" })).toMatchObject({ ok: false, status: 403 });
    // A stale form: conflict, nothing written.
    expect(await decideMembership(manager, { membershipId: id, expectedVersion: 7, decision: "APPROVE" })).toMatchObject({ ok: false, status: 409 });

    const approved = await decideMembership(manager, { membershipId: id, expectedVersion: 1, decision: "APPROVE" });
    expect(approved.ok && approved.data).toMatchObject({ status: "APPROVED", role: "MEMBER" });
    expect(await approvedMembership(db, member.id, isoc.id)).toMatchObject({ approvedVia: "MANAGER" });
    const row = await db.organisationMembership.findUniqueOrThrow({ where: { id } });
    expect(row.decidedById).toBe(manager.id);
    expect(row.decidedAt).not.toBeNull();
    // The same request decided twice: the second finds it no longer pending.
    expect(await decideMembership(manager, { membershipId: id, expectedVersion: row.version, decision: "REFUSE" })).toMatchObject({ ok: false, error: "notPending" });
  });

  it("by the secretariat; refusals are recorded with their reason and a later request re-opens the same row", async () => {
    const secretariat = await secretariatActor();
    const o = await org(`Open Standards Lab ${Date.now()}`);
    const user = await participant();
    const first = await requestMembership(user, { mode: "existing", organisationId: o.id });
    if (!first.ok) throw new Error(first.error);
    expect(await requestMembership(user, { mode: "existing", organisationId: o.id })).toMatchObject({ ok: false, error: "alreadyRequested" });
    const refused = await decideMembership(secretariat, { membershipId: first.data.membershipId, expectedVersion: 1, decision: "REFUSE", reason: "Not on the staff list" });
    expect(refused.ok).toBe(true);
    expect((await db.organisationMembership.findUniqueOrThrow({ where: { id: first.data.membershipId } })).decisionReason).toBe("Not on the staff list");
    const again = await requestMembership(user, { mode: "existing", organisationId: o.id, note: "I joined last month" });
    expect(again.ok && again.data).toMatchObject({ membershipId: first.data.membershipId, status: "PENDING" });
    const approved = await decideMembership(secretariat, { membershipId: first.data.membershipId, expectedVersion: await versionOf(first.data.membershipId), decision: "APPROVE" });
    expect(approved.ok).toBe(true);
    expect(await approvedMembership(db, user.id, o.id)).toMatchObject({ approvedVia: "SECRETARIAT", organisation: { verification: "UNVERIFIED" } });
    expect(await auditActions(o.id)).toEqual(["organisation.membershipRequested", "organisation.membershipRefused", "organisation.membershipRequested", "organisation.membershipApproved"]);
  });

  it("creating an organisation: it starts unverified and its creator's manager request waits for the secretariat", async () => {
    const secretariat = await secretariatActor();
    const creator = await participant();
    const name = `Digital Futures Collective ${Date.now()}`;
    const created = await requestMembership(creator, { mode: "new", name, stakeholderGroup: "CIVIL_SOCIETY", country: "ke", website: "https://dfc.example" });
    if (!created.ok) throw new Error(created.error);
    expect(created.data).toMatchObject({ created: true, status: "PENDING" });
    const orgRow = await db.organisation.findUniqueOrThrow({ where: { slug: created.data.organisationSlug } });
    expect(orgRow).toMatchObject({ verification: "UNVERIFIED", createdById: creator.id, country: "KE" });
    expect(await approvedMembership(db, creator.id, orgRow.id)).toBeNull();
    // Someone else "creating" the same name asks to join the one that exists.
    const second = await participant();
    const joined = await requestMembership(second, { mode: "new", name: name.toUpperCase(), stakeholderGroup: "PRIVATE_SECTOR", country: "US", website: "" });
    expect(joined.ok && joined.data).toMatchObject({ created: false, joinedExisting: true, organisationSlug: orgRow.slug });
    const request = await db.organisationMembership.findFirstOrThrow({ where: { userId: creator.id, organisationId: orgRow.id } });
    expect(request.role).toBe("MANAGER");
    expect((await decideMembership(secretariat, { membershipId: request.id, expectedVersion: request.version, decision: "APPROVE" })).ok).toBe(true);
    expect(await approvedMembership(db, creator.id, orgRow.id)).toMatchObject({ role: "MANAGER" });
    // Bad input is a field error, not an exception.
    const bad = await requestMembership(second, { mode: "new", name: "x", stakeholderGroup: "NOPE", country: "XX", website: "javascript:alert(1)" });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(Object.keys(bad.fieldErrors ?? {}).sort()).toEqual(["country", "name", "stakeholderGroup", "website"]);
  });

  it("a manager removes a member (audited) who cannot act on its behalf afterwards; a member leaves and unlists", async () => {
    const secretariat = await secretariatActor();
    const o = await org(`Telecom Users Forum ${Date.now()}`, { verification: "VERIFIED" });
    const manager = await participant();
    const m1 = await requestMembership(manager, { mode: "existing", organisationId: o.id });
    if (!m1.ok) throw new Error(m1.error);
    await decideMembership(secretariat, { membershipId: m1.data.membershipId, expectedVersion: 1, decision: "APPROVE", role: "MANAGER" });
    const member = await participant();
    const m2 = await requestMembership(member, { mode: "existing", organisationId: o.id });
    if (!m2.ok) throw new Error(m2.error);
    await decideMembership(manager, { membershipId: m2.data.membershipId, expectedVersion: 1, decision: "APPROVE" });
    expect((await setListed(member, { membershipId: m2.data.membershipId, expectedVersion: 2, listed: "on" })).ok).toBe(true);

    const stranger = await participant();
    expect(await removeMember(stranger, { membershipId: m2.data.membershipId, expectedVersion: 3 })).toMatchObject({ ok: false, status: 403 });
    expect(await removeMember(manager, { membershipId: m1.data.membershipId, expectedVersion: 2 })).toMatchObject({ ok: false, status: 403 });
    const removed = await removeMember(manager, { membershipId: m2.data.membershipId, expectedVersion: 3, reason: "Left the organisation" });
    expect(removed.ok).toBe(true);
    expect(await approvedMembership(db, member.id, o.id)).toBeNull();
    const row = await db.organisationMembership.findUniqueOrThrow({ where: { id: m2.data.membershipId } });
    expect(row).toMatchObject({ status: "REMOVED", listed: false, decidedById: manager.id, decisionReason: "Left the organisation" });
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: o.id, action: "organisation.memberRemoved" } });
    expect(event.actorId).toBe(manager.id);

    // The secretariat demotes the manager, who then can no longer approve.
    expect((await setMemberRole(secretariat, { membershipId: m1.data.membershipId, expectedVersion: 2, role: "MEMBER" })).ok).toBe(true);
    const m3 = await requestMembership(stranger, { mode: "existing", organisationId: o.id });
    if (!m3.ok) throw new Error(m3.error);
    expect(await decideMembership(manager, { membershipId: m3.data.membershipId, expectedVersion: 1, decision: "APPROVE" })).toMatchObject({ ok: false, status: 403 });
    expect((await leaveOrganisation(manager, { membershipId: m1.data.membershipId, expectedVersion: 3 })).ok).toBe(true);
    expect(await approvedMembership(db, manager.id, o.id)).toBeNull();
  });

  it("suspending an organisation stops its members acting on its behalf and new requests", async () => {
    const secretariat = await secretariatActor();
    const o = await org(`Suspect Org ${Date.now()}`, { verification: "VERIFIED" });
    const user = await participant();
    expect(await setVerification(secretariat, { organisationId: o.id, expectedVersion: o.version, state: "SUSPENDED", note: "" })).toMatchObject({ ok: false, fieldErrors: { note: ["evidenceRequired"] } });
    expect((await setVerification(await participant(), { organisationId: o.id, expectedVersion: o.version, state: "VERIFIED", note: "trust me" })).ok).toBe(false);
    expect((await setVerification(secretariat, { organisationId: o.id, expectedVersion: o.version, state: "SUSPENDED", note: "Impersonation reported" })).ok).toBe(true);
    expect(await requestMembership(user, { mode: "existing", organisationId: o.id })).toMatchObject({ ok: false, error: "organisationSuspended" });
  });
});

describe("merging duplicates", () => {
  it("moves memberships, affiliations and contributions to the survivor, keeps every snapshot, and points the old slug at it", async () => {
    const stamp = Date.now();
    const secretariat = await secretariatActor();
    const survivor = await org(`Internet Society ${stamp}`, { verification: "VERIFIED" });
    const duplicate = await org(`ISOC ${stamp}`);
    const consultation = await buildConsultation();
    const both = await participant();
    const onlyDup = await participant();
    for (const [user, target] of [[both, survivor], [both, duplicate], [onlyDup, duplicate]] as const) {
      const r = await requestMembership(user, { mode: "existing", organisationId: target.id });
      if (!r.ok) throw new Error(r.error);
      if (target.id === duplicate.id && user === both) await decideMembership(secretariat, { membershipId: r.data.membershipId, expectedVersion: 1, decision: "APPROVE" });
    }
    const typed = await buildUser({ organisation: `ISOC ${stamp}` });
    const sub = await buildSubmission({ consultationId: consultation.id, status: "PUBLISHED" });
    await db.submission.update({ where: { id: sub.id }, data: { organisationId: duplicate.id, organisationName: `ISOC ${stamp}`, onBehalfOf: "ORGANISATION", contributorKey: `org:${duplicate.id}` } });
    const before = await db.submission.findUniqueOrThrow({ where: { id: sub.id } });

    expect(await mergeOrganisations(await participant(), { duplicateId: duplicate.id, duplicateVersion: duplicate.version, survivorId: survivor.id })).toMatchObject({ ok: false, status: 403 });
    expect(await mergeOrganisations(secretariat, { duplicateId: duplicate.id, duplicateVersion: duplicate.version, survivorId: duplicate.id })).toMatchObject({ ok: false, fieldErrors: { survivorId: ["mergeIntoItself"] } });
    const merged = await mergeOrganisations(secretariat, { duplicateId: duplicate.id, duplicateVersion: duplicate.version, survivorId: survivor.id });
    expect(merged.ok && merged.data).toMatchObject({ survivorSlug: survivor.slug, submissions: 1, users: 1 });

    const after = await db.submission.findUniqueOrThrow({ where: { id: sub.id } });
    expect(after.organisationId).toBe(survivor.id);
    expect(after.contributorKey).toBe(`org:${survivor.id}`);
    // The snapshot says what it said when it was sent.
    expect({ ...after, organisationId: null, contributorKey: null, updatedAt: null }).toEqual({ ...before, organisationId: null, contributorKey: null, updatedAt: null });
    expect(after.organisationName).toBe(`ISOC ${stamp}`);

    const memberships = await db.organisationMembership.findMany({ where: { userId: { in: [both.id, onlyDup.id] } } });
    expect(memberships.every((m) => m.organisationId === survivor.id)).toBe(true);
    expect(memberships.find((m) => m.userId === both.id)?.status).toBe("APPROVED"); // the stronger standing stayed
    expect(memberships.filter((m) => m.userId === both.id)).toHaveLength(1);
    expect((await db.user.findUniqueOrThrow({ where: { id: typed.id } })).organisationId).toBe(survivor.id);

    const old = await db.organisation.findUniqueOrThrow({ where: { id: duplicate.id } });
    expect(old.mergedIntoId).toBe(survivor.id);
    // The duplicate's name now stands for the survivor, and nobody can act on the duplicate's behalf.
    expect(await db.$transaction((tx) => findOrCreateOrganisation(tx, `isoc ${stamp}`, "CIVIL_SOCIETY", "BR"))).toBe(survivor.id);
    expect(await approvedMembership(db, both.id, duplicate.id)).toBeNull();
    expect(await approvedMembership(db, both.id, survivor.id)).not.toBeNull();
    // A merged organisation cannot be merged again.
    expect(await mergeOrganisations(secretariat, { duplicateId: duplicate.id, duplicateVersion: old.version, survivorId: survivor.id })).toMatchObject({ ok: false, error: "organisationMerged" });
    expect(await auditActions(duplicate.id)).toContain("organisation.merged");
  });
});

describe("the squatting scenario", () => {
  it("a stranger who asks to join cannot write on its behalf nor use its cap until approved; after removal neither", async () => {
    const stamp = Date.now();
    const secretariat = await secretariatActor();
    const isoc = await org(`Internet Society ${stamp}`, { verification: "VERIFIED" });
    const consultation = await buildConsultation();
    await setPolicy(consultation.id, { maxPerContributor: 2 });

    // The stranger names the organisation in their profile and asks to join: both leave them an individual.
    const strangerUser = await buildUser({ organisation: `Internet Society ${stamp}`, member: false });
    const stranger = { id: strangerUser.id, role: strangerUser.role };
    const request = await requestMembership(stranger, { mode: "existing", organisationId: isoc.id, note: "Trust me" });
    if (!request.ok) throw new Error(request.error);
    expect(request.data.status).toBe("PENDING");

    for (const attempt of [{ organisationId: isoc.id }, {}]) {
      const refused = await submitContribution(stranger, consultation.id, contributionInput({ onBehalfOf: "ORGANISATION", idempotencyKey: randomUUID(), ...attempt }));
      expect(refused.ok).toBe(false);
      if (!refused.ok) {
        expect(refused.status).toBe(400);
        expect(refused.fieldErrors?.onBehalfOf).toEqual(["noOrganisation"]);
      }
    }
    // Writing as themselves works, and counts against the stranger, never against the organisation.
    for (let i = 0; i < 2; i++) expect((await submitContribution(stranger, consultation.id, contributionInput({ onBehalfOf: "SELF", idempotencyKey: randomUUID() }))).ok).toBe(true);
    expect(await db.submission.count({ where: { consultationId: consultation.id, contributorKey: `org:${isoc.id}` } })).toBe(0);
    expect(await db.submission.count({ where: { consultationId: consultation.id, organisationId: isoc.id } })).toBe(0);

    // The real member, approved by the secretariat, has the organisation's whole cap.
    const realUser = await buildUser({ organisation: null });
    const real = { id: realUser.id, role: realUser.role };
    const realRequest = await requestMembership(real, { mode: "existing", organisationId: isoc.id });
    if (!realRequest.ok) throw new Error(realRequest.error);
    await decideMembership(secretariat, { membershipId: realRequest.data.membershipId, expectedVersion: 1, decision: "APPROVE" });
    for (let i = 0; i < 2; i++) {
      const sent = await submitContribution(real, consultation.id, contributionInput({ onBehalfOf: "ORGANISATION", organisationId: isoc.id, idempotencyKey: randomUUID() }));
      expect(sent.ok).toBe(true);
    }
    const rows = await db.submission.findMany({ where: { consultationId: consultation.id, contributorKey: `org:${isoc.id}` } });
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.authorId === real.id && r.onBehalfOf === "ORGANISATION" && r.organisationName === isoc.name)).toBe(true);

    // Removed by the secretariat: acting on its behalf is refused again.
    await removeMember(secretariat, { membershipId: realRequest.data.membershipId, expectedVersion: await versionOf(realRequest.data.membershipId) });
    const afterRemoval = await submitContribution(real, consultation.id, contributionInput({ onBehalfOf: "ORGANISATION", organisationId: isoc.id, idempotencyKey: randomUUID() }));
    expect(afterRemoval).toMatchObject({ ok: false, status: 400, fieldErrors: { onBehalfOf: ["noOrganisation"] } });
  });
});
