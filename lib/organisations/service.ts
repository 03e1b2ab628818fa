// organisations: who may act on behalf of an organisation (issue 10, docs/decisions/0018). An organisation is
// first-class (slug, verification by the secretariat, e-mail domains, merges); acting on its behalf takes an APPROVED
// OrganisationMembership, approved by one of its managers, by the secretariat, or by the domain rule. Until then a
// person acts as an individual, whatever they typed in their profile.
import "server-only";
import { randomBytes } from "node:crypto";
import type { z } from "zod";
import { db, type Tx } from "../db/client";
import type { Prisma } from "../db/generated/client";
import type { MembershipApproval, MembershipRole, MembershipStatus, OrganisationVerification, StakeholderGroup } from "../db/generated/enums";
import { databaseNow, isUniqueViolation, lockKey, withTransaction } from "../db/transaction";
import { recordAudit } from "../audit/log";
import { hasRole, type Actor } from "../auth/session-roles";
import { isKnownCountry } from "../geo/countries";
import { fail, fieldErrorsOf, ok, type Result } from "../result";
import { normaliseName } from "../users/names";
import { isOnDomains, slugOf } from "./slug";
import {
  JoinRequestSchema, ListedSchema, MembershipChangeSchema, MembershipDecisionSchema, MergeSchema, OrganisationEditSchema, VerificationSchema,
} from "./schema";

/** What a submission snapshot needs to know about the organisation a person acts for. */
export interface ApprovedMembership {
  membershipId: string;
  role: MembershipRole;
  approvedVia: MembershipApproval | null;
  approvedAt: Date | null;
  organisation: {
    id: string;
    name: string;
    slug: string;
    stakeholderGroup: StakeholderGroup;
    country: string | null;
    /** UNVERIFIED or VERIFIED: a suspended organisation has no approved membership that counts */
    verification: OrganisationVerification;
    verifiedAt: Date | null;
    verifiedById: string | null;
  };
}

const APPROVED_SELECT = {
  id: true, role: true, status: true, approvedVia: true, decidedAt: true,
  user: { select: { email: true, emailVerifiedAt: true } },
  organisation: {
    select: {
      id: true, name: true, slug: true, stakeholderGroup: true, country: true, verification: true, verifiedAt: true, verifiedById: true,
      mergedIntoId: true, emailDomains: true,
    },
  },
} as const;

type MembershipRow = {
  id: string;
  role: MembershipRole;
  status: string;
  approvedVia: MembershipApproval | null;
  decidedAt: Date | null;
  user: { email: string; emailVerifiedAt: Date | null };
  organisation: ApprovedMembership["organisation"] & { mergedIntoId: string | null; emailDomains: string[] };
};

/**
 * Whether a membership lets its holder act on the organisation's behalf right now: approved, the organisation neither
 * suspended nor merged away, and, when it was approved by the domain rule, the address still verified and still on one
 * of the organisation's domains (changing one's address to another domain ends what the domain gave).
 */
function actsOnBehalf(row: MembershipRow): boolean {
  if (row.status !== "APPROVED") return false;
  const org = row.organisation;
  if (org.mergedIntoId !== null || org.verification === "SUSPENDED") return false;
  if (row.approvedVia === "DOMAIN") {
    return org.verification === "VERIFIED" && row.user.emailVerifiedAt !== null && isOnDomains(row.user.email, org.emailDomains);
  }
  return true;
}

function toApproved(row: MembershipRow): ApprovedMembership {
  const { mergedIntoId: _merged, emailDomains: _domains, ...organisation } = row.organisation;
  return { membershipId: row.id, role: row.role, approvedVia: row.approvedVia, approvedAt: row.decidedAt, organisation };
}

/**
 * The approved membership of the user in the organisation, with the organisation's verification state, or null when the
 * user may not act on its behalf (no request, pending, refused, removed; the organisation suspended or merged; a domain
 * approval whose address left the domain). Called inside the transaction that snapshots a submission.
 */
export async function approvedMembership(tx: Tx, userId: string, organisationId: string): Promise<ApprovedMembership | null> {
  const row = await tx.organisationMembership.findUnique({
    where: { organisationId_userId: { organisationId, userId } },
    select: APPROVED_SELECT,
  });
  return row && actsOnBehalf(row) ? toApproved(row) : null;
}

/** Every organisation the user may act on behalf of now (the contribute form's choices), by name. */
export async function approvedMembershipsOf(tx: Tx, userId: string): Promise<ApprovedMembership[]> {
  const rows = await tx.organisationMembership.findMany({
    where: { userId, status: "APPROVED", organisation: { mergedIntoId: null, verification: { not: "SUSPENDED" } } },
    select: APPROVED_SELECT,
    orderBy: { organisation: { name: "asc" } },
  });
  return rows.filter(actsOnBehalf).map(toApproved);
}

/** A slug nobody has: the name's own, or with a short random suffix when it is taken (or the name left nothing). */
export async function freeSlug(tx: Tx, name: string): Promise<string> {
  const base = slugOf(name);
  if (base !== "organisation" && !(await tx.organisation.findUnique({ where: { slug: base }, select: { id: true } }))) return base;
  for (let attempt = 0; attempt < 5; attempt++) {
    const candidate = `${base.slice(0, 53)}-${randomBytes(3).toString("hex")}`;
    if (!(await tx.organisation.findUnique({ where: { slug: candidate }, select: { id: true } }))) return candidate;
  }
  throw new Error("no free organisation slug");
}

/** The organisation that stands for this one: itself, or the survivor it was merged into. */
export async function survivorOf(tx: Tx, organisationId: string): Promise<string> {
  let id = organisationId;
  // Merges re-point the losers' losers at the survivor, so one hop is the rule; the loop only guards old data.
  for (let hops = 0; hops < 10; hops++) {
    const row = await tx.organisation.findUnique({ where: { id }, select: { mergedIntoId: true } });
    if (!row?.mergedIntoId) return id;
    id = row.mergedIntoId;
  }
  return id;
}

/**
 * One organisation per spelling: the first person to name it sets its stakeholder group; it starts unverified. A name
 * that belonged to a merged duplicate stands for the survivor. Naming an organisation never makes anyone its member.
 */
export async function findOrCreateOrganisation(
  tx: Tx, name: string, group: StakeholderGroup, country: string, createdById: string | null = null,
): Promise<string> {
  const normalizedName = normaliseName(name);
  const existing = await tx.organisation.findUnique({ where: { normalizedName }, select: { id: true } });
  if (existing) return survivorOf(tx, existing.id);
  const clean = name.trim().replace(/\s+/g, " ");
  const org = await tx.organisation.upsert({
    where: { normalizedName },
    update: {},
    create: {
      name: clean, normalizedName, slug: await freeSlug(tx, clean), stakeholderGroup: group, country: isKnownCountry(country) ? country : null,
      createdById,
    },
  });
  return survivorOf(tx, org.id);
}

// ---------------------------------------------------------------------------------------------------------
// Join requests

/** Open requests a person may have at once: enough for real affiliations, too few to spam every organisation. */
export const MAX_PENDING_REQUESTS = 5;

const AUDIT_ENTITY = "Organisation";

async function audit(tx: Tx, actorId: string | null, action: string, organisationId: string, details: Record<string, string | number | boolean | null | string[]>) {
  await recordAudit(tx, { actorId, action: `organisation.${action}`, entityType: AUDIT_ENTITY, entityId: organisationId, details });
}

/** Serialises writes about one organisation's members (requests, decisions, merges) for the rest of the transaction. */
async function lockOrganisation(tx: Tx, organisationId: string) {
  await lockKey(tx, "organisation", organisationId);
}

export interface JoinOutcome {
  membershipId: string;
  status: MembershipStatus;
  approvedVia: MembershipApproval | null;
  organisationSlug: string;
  organisationName: string;
  /** the person asked to create an organisation whose name already existed: they asked to join that one */
  joinedExisting: boolean;
  /** a new organisation was created (unverified) */
  created: boolean;
}

/**
 * A request to act on behalf of an organisation: an existing one, or a new one created unverified (its creator asks
 * to be its first manager, which only the secretariat approves). Approved at once only by the domain rule: a
 * verified address on one of a VERIFIED organisation's domains, as a MEMBER. Everything else waits.
 */
export async function requestMembership(actor: Actor | null, raw: unknown): Promise<Result<JoinOutcome>> {
  if (!actor) return fail("signInRequired", undefined, 401);
  const parsed = JoinRequestSchema.safeParse(raw);
  if (!parsed.success) return fail("invalidInput", fieldErrorsOf(parsed.error));
  const input = parsed.data;
  try {
    return await withTransaction(async (tx): Promise<Result<JoinOutcome>> => {
      const user = await tx.user.findUnique({ where: { id: actor.id }, select: { id: true, email: true, emailVerifiedAt: true } });
      if (!user) return fail("signInRequired", undefined, 401);
      // One request at a time per person: the open-request count below cannot be passed by two at once.
      await lockKey(tx, "membership-requests", user.id);
      const open = await tx.organisationMembership.count({ where: { userId: user.id, status: "PENDING" } });
      if (open >= MAX_PENDING_REQUESTS) return fail("tooManyPendingRequests", { form: ["tooManyPendingRequests"] }, 429, { params: { max: MAX_PENDING_REQUESTS } });

      let organisationId: string;
      let role: MembershipRole = "MEMBER";
      let created = false;
      let joinedExisting = false;
      if (input.mode === "existing") {
        const found = await tx.organisation.findUnique({ where: { id: input.organisationId }, select: { id: true } });
        if (!found) return fail("notFound", { organisationId: ["organisationUnknown"] }, 404);
        organisationId = await survivorOf(tx, found.id);
      } else {
        const normalizedName = normaliseName(input.name);
        const existing = await tx.organisation.findUnique({ where: { normalizedName }, select: { id: true } });
        if (existing) {
          organisationId = await survivorOf(tx, existing.id);
          joinedExisting = true;
        } else {
          const name = input.name.replace(/\s+/g, " ");
          const org = await tx.organisation.create({
            data: {
              name, normalizedName, slug: await freeSlug(tx, name), stakeholderGroup: input.stakeholderGroup, country: input.country,
              website: input.website || null, createdById: user.id,
            },
            select: { id: true },
          });
          organisationId = org.id;
          role = "MANAGER";
          created = true;
          await audit(tx, user.id, "created", org.id, { name, stakeholderGroup: input.stakeholderGroup, country: input.country });
        }
      }
      await lockOrganisation(tx, organisationId);
      const org = await tx.organisation.findUnique({
        where: { id: organisationId },
        select: { id: true, slug: true, name: true, verification: true, emailDomains: true, mergedIntoId: true },
      });
      if (!org || org.mergedIntoId) return fail("changedWhileEditing", { form: ["changedWhileEditing"] }, 409);
      if (org.verification === "SUSPENDED") return fail("organisationSuspended", { organisationId: ["organisationSuspended"] }, 409);

      const now = await databaseNow(tx);
      const byDomain = role === "MEMBER" && org.verification === "VERIFIED" && user.emailVerifiedAt !== null && isOnDomains(user.email, org.emailDomains);
      const decision = byDomain
        ? { status: "APPROVED" as const, approvedVia: "DOMAIN" as const, decidedAt: now }
        : { status: "PENDING" as const, approvedVia: null, decidedAt: null };
      const fields = { ...decision, role, decidedById: null, decisionReason: null, note: input.note, listed: false, requestedAt: now };
      const previous = await tx.organisationMembership.findUnique({
        where: { organisationId_userId: { organisationId: org.id, userId: user.id } },
        select: { id: true, status: true, version: true },
      });
      let membershipId: string;
      if (previous) {
        if (previous.status === "APPROVED") return fail("alreadyMember", { form: ["alreadyMember"] }, 409);
        if (previous.status === "PENDING") return fail("alreadyRequested", { form: ["alreadyRequested"] }, 409);
        // Refused or removed before: the same row is opened again; the audit log keeps what happened before.
        const reopened = await tx.organisationMembership.updateMany({
          where: { id: previous.id, version: previous.version, status: previous.status },
          data: { ...fields, version: { increment: 1 } },
        });
        if (reopened.count !== 1) return fail("changedWhileEditing", { form: ["changedWhileEditing"] }, 409);
        membershipId = previous.id;
      } else {
        membershipId = (await tx.organisationMembership.create({ data: { organisationId: org.id, userId: user.id, ...fields }, select: { id: true } })).id;
      }
      await audit(tx, user.id, byDomain ? "membershipApproved" : "membershipRequested", org.id, {
        membershipId, userId: user.id, role, via: byDomain ? "DOMAIN" : null,
      });
      return ok({
        membershipId, status: decision.status, approvedVia: decision.approvedVia, organisationSlug: org.slug, organisationName: org.name, joinedExisting, created,
      });
    });
  } catch (error) {
    // Two requests for the same organisation (or two creations of the same name) at the same instant: one wins.
    if (isUniqueViolation(error)) return fail("alreadyRequested", { form: ["alreadyRequested"] }, 409);
    throw error;
  }
}

/** "SECRETARIAT" for the secretariat, "MANAGER" for an approved manager of the organisation, else null. */
async function rightsOver(tx: Tx, actor: Actor, organisationId: string): Promise<"SECRETARIAT" | "MANAGER" | null> {
  if (hasRole(actor, "SECRETARIAT")) return "SECRETARIAT";
  const membership = await approvedMembership(tx, actor.id, organisationId);
  return membership?.role === "MANAGER" ? "MANAGER" : null;
}

const MEMBERSHIP_SELECT = { id: true, organisationId: true, userId: true, role: true, status: true, version: true } as const;
type LoadedMembership = { id: string; organisationId: string; userId: string; role: MembershipRole; status: MembershipStatus; version: number };

function conflict() {
  return fail("changedWhileEditing", { form: ["changedWhileEditing"] }, 409);
}

/**
 * The prologue every membership action shares: signed in, input parsed, then, in one transaction, the membership it
 * names loaded (404 when there is none) and handed to the action.
 */
async function withMembership<S extends z.ZodType<{ membershipId: string }>, T>(
  actor: Actor | null,
  schema: S,
  raw: unknown,
  action: (tx: Tx, actor: Actor, input: z.output<S>, membership: LoadedMembership) => Promise<Result<T>>,
): Promise<Result<T>> {
  if (!actor) return fail("signInRequired", undefined, 401);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return fail("invalidInput", fieldErrorsOf(parsed.error));
  const input = parsed.data;
  return withTransaction(async (tx) => {
    const membership = await tx.organisationMembership.findUnique({ where: { id: input.membershipId }, select: MEMBERSHIP_SELECT });
    if (!membership) return fail("notFound", undefined, 404);
    return action(tx, actor, input, membership);
  });
}

/** Changes a membership only if it is still the version and status the action read; false when someone got there first. */
async function changeMembership(tx: Tx, membership: LoadedMembership, expectedVersion: number, data: Prisma.OrganisationMembershipUncheckedUpdateManyInput): Promise<boolean> {
  const updated = await tx.organisationMembership.updateMany({
    where: { id: membership.id, version: expectedVersion, status: membership.status },
    data: { ...data, version: { increment: 1 } },
  });
  return updated.count === 1;
}

/**
 * Approves or refuses a pending request. A manager of the organisation approves members (never themselves, never as
 * managers); the secretariat approves any request, as member or manager.
 */
export async function decideMembership(actor: Actor | null, raw: unknown): Promise<Result<{ membershipId: string; status: MembershipStatus; role: MembershipRole }>> {
  return withMembership(actor, MembershipDecisionSchema, raw, async (tx, actor, input, membership) => {
    await lockOrganisation(tx, membership.organisationId);
    const rights = await rightsOver(tx, actor, membership.organisationId);
    if (!rights || (rights === "MANAGER" && membership.userId === actor.id)) return fail("forbidden", undefined, 403);
    if (input.role === "MANAGER" && rights !== "SECRETARIAT") return fail("forbidden", { role: ["managersBySecretariat"] }, 403);
    if (membership.status !== "PENDING") return fail("notPending", { form: ["notPending"] }, 409, { params: { status: membership.status } });
    const now = await databaseNow(tx);
    const approve = input.decision === "APPROVE";
    const role: MembershipRole = approve ? (rights === "SECRETARIAT" ? input.role ?? membership.role : "MEMBER") : membership.role;
    const changed = await changeMembership(tx, membership, input.expectedVersion, {
      status: approve ? "APPROVED" : "REFUSED", role, approvedVia: approve ? rights : null, decidedById: actor.id, decidedAt: now,
      decisionReason: input.reason || null,
    });
    if (!changed) return conflict();
    await audit(tx, actor.id, approve ? "membershipApproved" : "membershipRefused", membership.organisationId, {
      membershipId: membership.id, userId: membership.userId, role, via: approve ? rights : null, reason: input.reason || null,
    });
    return ok({ membershipId: membership.id, status: approve ? ("APPROVED" as const) : ("REFUSED" as const), role });
  });
}

/** A manager removes a member (not another manager, not themselves: they leave); the secretariat removes anyone. */
export async function removeMember(actor: Actor | null, raw: unknown): Promise<Result<{ membershipId: string }>> {
  return withMembership(actor, MembershipChangeSchema, raw, async (tx, actor, input, membership) => {
    await lockOrganisation(tx, membership.organisationId);
    const rights = await rightsOver(tx, actor, membership.organisationId);
    if (!rights) return fail("forbidden", undefined, 403);
    if (rights === "MANAGER" && (membership.userId === actor.id || membership.role === "MANAGER")) return fail("forbidden", { form: ["managersBySecretariat"] }, 403);
    if (membership.status !== "APPROVED") return fail("notMember", { form: ["notMember"] }, 409);
    const now = await databaseNow(tx);
    const changed = await changeMembership(tx, membership, input.expectedVersion, {
      status: "REMOVED", listed: false, decidedById: actor.id, decidedAt: now, decisionReason: input.reason || null,
    });
    if (!changed) return conflict();
    await audit(tx, actor.id, "memberRemoved", membership.organisationId, { membershipId: membership.id, userId: membership.userId, by: rights, reason: input.reason || null });
    return ok({ membershipId: membership.id });
  });
}

/** The member leaves (or withdraws a pending request). */
export async function leaveOrganisation(actor: Actor | null, raw: unknown): Promise<Result<{ membershipId: string }>> {
  return withMembership(actor, MembershipChangeSchema, raw, async (tx, actor, input, membership) => {
    if (membership.userId !== actor.id) return fail("notFound", undefined, 404);
    if (membership.status !== "APPROVED" && membership.status !== "PENDING") return fail("notMember", { form: ["notMember"] }, 409);
    const now = await databaseNow(tx);
    const changed = await changeMembership(tx, membership, input.expectedVersion, { status: "REMOVED", listed: false, decidedById: actor.id, decidedAt: now, decisionReason: null });
    if (!changed) return conflict();
    await audit(tx, actor.id, membership.status === "PENDING" ? "membershipWithdrawn" : "memberLeft", membership.organisationId, { membershipId: membership.id, userId: actor.id });
    return ok({ membershipId: membership.id });
  });
}

/** The member chooses whether they appear on the organisation's public page. */
export async function setListed(actor: Actor | null, raw: unknown): Promise<Result<{ membershipId: string; listed: boolean }>> {
  return withMembership(actor, ListedSchema, raw, async (tx, actor, input, membership) => {
    if (membership.userId !== actor.id) return fail("notFound", undefined, 404);
    if (membership.status !== "APPROVED") return fail("notMember", { form: ["notMember"] }, 409);
    if (!(await changeMembership(tx, membership, input.expectedVersion, { listed: input.listed }))) return conflict();
    await audit(tx, actor.id, input.listed ? "memberListed" : "memberUnlisted", membership.organisationId, { membershipId: membership.id, userId: actor.id });
    return ok({ membershipId: membership.id, listed: input.listed });
  });
}

const RoleChangeSchema = MembershipDecisionSchema.pick({ membershipId: true, expectedVersion: true, role: true });

/** The secretariat makes an approved member a manager, or a manager a member again. */
export async function setMemberRole(actor: Actor | null, raw: unknown): Promise<Result<{ membershipId: string; role: MembershipRole }>> {
  if (!actor || !hasRole(actor, "SECRETARIAT")) return fail("forbidden", undefined, 403);
  return withMembership(actor, RoleChangeSchema, raw, async (tx, actor, input, membership) => {
    const role = input.role;
    if (!role) return fail("invalidInput", { role: ["invalidRequest"] });
    if (membership.status !== "APPROVED") return fail("notMember", { form: ["notMember"] }, 409);
    const now = await databaseNow(tx);
    // A manager is always the secretariat's decision, whatever approved the membership first.
    const changed = await changeMembership(tx, membership, input.expectedVersion, {
      role, ...(role === "MANAGER" ? { approvedVia: "SECRETARIAT" as const, decidedById: actor.id, decidedAt: now } : {}),
    });
    if (!changed) return conflict();
    await audit(tx, actor.id, "memberRoleChanged", membership.organisationId, { membershipId: membership.id, userId: membership.userId, from: membership.role, to: role });
    return ok({ membershipId: membership.id, role });
  });
}

// ---------------------------------------------------------------------------------------------------------
// The secretariat: verification, domains, merges

/** Pending MEMBER requests of people whose verified address is on the organisation's domains: approved by the rule. */
async function approvePendingByDomain(tx: Tx, organisationId: string, actorId: string): Promise<number> {
  const org = await tx.organisation.findUnique({ where: { id: organisationId }, select: { verification: true, emailDomains: true } });
  if (!org || org.verification !== "VERIFIED" || org.emailDomains.length === 0) return 0;
  const pending = await tx.organisationMembership.findMany({
    where: { organisationId, status: "PENDING", role: "MEMBER", user: { emailVerifiedAt: { not: null } } },
    select: { id: true, userId: true, version: true, user: { select: { email: true } } },
  });
  const now = await databaseNow(tx);
  let approved = 0;
  for (const m of pending.filter((p) => isOnDomains(p.user.email, org.emailDomains))) {
    const updated = await tx.organisationMembership.updateMany({
      where: { id: m.id, version: m.version, status: "PENDING" },
      data: { status: "APPROVED", approvedVia: "DOMAIN", decidedAt: now, decidedById: null, version: { increment: 1 } },
    });
    if (updated.count === 1) {
      approved++;
      await audit(tx, actorId, "membershipApproved", organisationId, { membershipId: m.id, userId: m.userId, role: "MEMBER", via: "DOMAIN" });
    }
  }
  return approved;
}

/**
 * Verifies (with the evidence relied on), suspends, or sets an organisation back to unverified. Who, when (database
 * clock) and the note are kept on the organisation (the latest decision) and in the audit log (every decision).
 */
export async function setVerification(actor: Actor | null, raw: unknown): Promise<Result<{ organisationId: string; verification: OrganisationVerification; approvedByDomain: number }>> {
  if (!actor || !hasRole(actor, "SECRETARIAT")) return fail("forbidden", undefined, 403);
  const parsed = VerificationSchema.safeParse(raw);
  if (!parsed.success) return fail("invalidInput", fieldErrorsOf(parsed.error));
  const input = parsed.data;
  return withTransaction(async (tx) => {
    await lockOrganisation(tx, input.organisationId);
    const now = await databaseNow(tx);
    const updated = await tx.organisation.updateMany({
      where: { id: input.organisationId, version: input.expectedVersion, mergedIntoId: null },
      data: { verification: input.state, verifiedById: actor.id, verifiedAt: now, verificationNote: input.note, version: { increment: 1 } },
    });
    if (updated.count !== 1) {
      const exists = await tx.organisation.findUnique({ where: { id: input.organisationId }, select: { id: true } });
      return exists ? conflict() : fail("notFound", undefined, 404);
    }
    await audit(tx, actor.id, input.state === "VERIFIED" ? "verified" : input.state === "SUSPENDED" ? "suspended" : "unverified", input.organisationId, { note: input.note });
    const approvedByDomain = input.state === "VERIFIED" ? await approvePendingByDomain(tx, input.organisationId, actor.id) : 0;
    return ok({ organisationId: input.organisationId, verification: input.state, approvedByDomain });
  });
}

/** Name, group, country, website and e-mail domains. The slug stays: addresses that were shared keep working. */
export async function updateOrganisation(actor: Actor | null, raw: unknown): Promise<Result<{ organisationId: string; approvedByDomain: number }>> {
  if (!actor || !hasRole(actor, "SECRETARIAT")) return fail("forbidden", undefined, 403);
  const parsed = OrganisationEditSchema.safeParse(raw);
  if (!parsed.success) return fail("invalidInput", fieldErrorsOf(parsed.error));
  const input = parsed.data;
  try {
    return await withTransaction(async (tx) => {
      await lockOrganisation(tx, input.organisationId);
      const before = await tx.organisation.findUnique({
        where: { id: input.organisationId },
        select: { name: true, stakeholderGroup: true, country: true, website: true, emailDomains: true, mergedIntoId: true },
      });
      if (!before) return fail("notFound", undefined, 404);
      if (before.mergedIntoId) return fail("organisationMerged", { form: ["organisationMerged"] }, 409);
      const name = input.name.replace(/\s+/g, " ");
      const updated = await tx.organisation.updateMany({
        where: { id: input.organisationId, version: input.expectedVersion, mergedIntoId: null },
        data: {
          name, normalizedName: normaliseName(name), stakeholderGroup: input.stakeholderGroup, country: input.country || null, website: input.website || null,
          emailDomains: input.emailDomains, version: { increment: 1 },
        },
      });
      if (updated.count !== 1) return conflict();
      await audit(tx, actor.id, "edited", input.organisationId, {
        fromName: before.name, name, fromDomains: before.emailDomains, emailDomains: input.emailDomains, stakeholderGroup: input.stakeholderGroup,
      });
      const approvedByDomain = await approvePendingByDomain(tx, input.organisationId, actor.id);
      return ok({ organisationId: input.organisationId, approvedByDomain });
    });
  } catch (error) {
    if (isUniqueViolation(error, "normalizedName")) return fail("invalidInput", { name: ["organisationExists"] }, 409);
    throw error;
  }
}

const STATUS_RANK: Record<MembershipStatus, number> = { APPROVED: 3, PENDING: 2, REFUSED: 1, REMOVED: 0 };

export interface MergeOutcome {
  survivorId: string;
  survivorSlug: string;
  memberships: number;
  submissions: number;
  users: number;
  speakers: number;
}

/**
 * Merges a duplicate ("ISOC") into the organisation that stays ("Internet Society"). Memberships, people's
 * affiliations, speakers and contributions point at the survivor afterwards; the cap identity of contributions sent on
 * the duplicate's behalf ("org:<duplicate>") becomes the survivor's, so merging never frees nor doubles a cap. What each
 * contribution says (organisationName, group, country: its snapshot) is never rewritten. The duplicate stays as a
 * pointer: its slug redirects and its name stands for the survivor.
 */
export async function mergeOrganisations(actor: Actor | null, raw: unknown): Promise<Result<MergeOutcome>> {
  if (!actor || !hasRole(actor, "SECRETARIAT")) return fail("forbidden", undefined, 403);
  const parsed = MergeSchema.safeParse(raw);
  if (!parsed.success) return fail("invalidInput", fieldErrorsOf(parsed.error));
  const input = parsed.data;
  if (input.duplicateId === input.survivorId) return fail("invalidInput", { survivorId: ["mergeIntoItself"] });
  return withTransaction(async (tx) => {
    // Both organisations, in a fixed order so that two merges never wait on each other.
    for (const id of [input.duplicateId, input.survivorId].sort()) await lockOrganisation(tx, id);
    const [duplicate, survivor] = await Promise.all([
      tx.organisation.findUnique({ where: { id: input.duplicateId }, select: { id: true, name: true, slug: true, version: true, mergedIntoId: true } }),
      tx.organisation.findUnique({ where: { id: input.survivorId }, select: { id: true, name: true, slug: true, mergedIntoId: true } }),
    ]);
    if (!duplicate) return fail("notFound", undefined, 404);
    if (!survivor) return fail("invalidInput", { survivorId: ["organisationUnknown"] }, 404);
    if (duplicate.mergedIntoId || survivor.mergedIntoId) return fail("organisationMerged", { survivorId: ["organisationMerged"] }, 409);
    if (duplicate.version !== input.duplicateVersion) return conflict();
    const now = await databaseNow(tx);

    const [theirs, ours] = await Promise.all([
      tx.organisationMembership.findMany({ where: { organisationId: duplicate.id }, select: { id: true, userId: true, status: true, role: true, listed: true } }),
      tx.organisationMembership.findMany({ where: { organisationId: survivor.id }, select: { id: true, userId: true, status: true, role: true, listed: true } }),
    ]);
    const oursByUser = new Map(ours.map((m) => [m.userId, m]));
    for (const m of theirs) {
      const other = oursByUser.get(m.userId);
      if (!other) {
        await tx.organisationMembership.update({ where: { id: m.id }, data: { organisationId: survivor.id, version: { increment: 1 } } });
        continue;
      }
      // Someone in both: the stronger standing stays (approved over pending..., manager over member), on the survivor's row.
      const better = STATUS_RANK[m.status] > STATUS_RANK[other.status] || (m.status === other.status && m.role === "MANAGER" && other.role !== "MANAGER");
      if (better) {
        const full = await tx.organisationMembership.findUniqueOrThrow({ where: { id: m.id } });
        await tx.organisationMembership.update({
          where: { id: other.id },
          data: {
            status: full.status, role: full.role, approvedVia: full.approvedVia, decidedById: full.decidedById, decidedAt: full.decidedAt,
            decisionReason: full.decisionReason, note: full.note, listed: full.listed || other.listed, version: { increment: 1 },
          },
        });
      }
      await tx.organisationMembership.delete({ where: { id: m.id } });
    }
    await tx.submission.updateMany({ where: { organisationId: duplicate.id, contributorKey: `org:${duplicate.id}` }, data: { contributorKey: `org:${survivor.id}` } });
    const submissions = await tx.submission.updateMany({ where: { organisationId: duplicate.id }, data: { organisationId: survivor.id } });
    // The queue's "same organisation" groups follow the merge: the duplicate's members and the survivor's are one group.
    await tx.submission.updateMany({ where: { accountOrganisationId: duplicate.id }, data: { accountOrganisationId: survivor.id } });
    await tx.comment.updateMany({ where: { accountOrganisationId: duplicate.id }, data: { accountOrganisationId: survivor.id } });
    const users = await tx.user.updateMany({ where: { organisationId: duplicate.id }, data: { organisationId: survivor.id } });
    const speakers = await tx.speaker.updateMany({ where: { organisationId: duplicate.id }, data: { organisationId: survivor.id } });
    // Earlier duplicates of the duplicate now point at the survivor directly: one hop from any old slug.
    await tx.organisation.updateMany({ where: { mergedIntoId: duplicate.id }, data: { mergedIntoId: survivor.id } });
    await tx.organisation.update({
      where: { id: duplicate.id },
      data: { mergedIntoId: survivor.id, mergedAt: now, emailDomains: [], version: { increment: 1 } },
    });
    await tx.organisation.update({ where: { id: survivor.id }, data: { version: { increment: 1 } } });
    const details = { duplicateId: duplicate.id, duplicateName: duplicate.name, duplicateSlug: duplicate.slug, survivorId: survivor.id, survivorName: survivor.name, memberships: theirs.length, submissions: submissions.count, users: users.count, speakers: speakers.count };
    await audit(tx, actor.id, "merged", duplicate.id, details);
    await audit(tx, actor.id, "absorbed", survivor.id, details);
    return ok({ survivorId: survivor.id, survivorSlug: survivor.slug, memberships: theirs.length, submissions: submissions.count, users: users.count, speakers: speakers.count });
  });
}

// ---------------------------------------------------------------------------------------------------------
// Reads: public pages, the participant's own memberships, managers' and the secretariat's lists

export const ORGANISATIONS_PAGE_SIZE = 20;

export interface OrganisationSearch {
  q?: string;
  page?: number;
  verification?: OrganisationVerification | "ALL";
}

/** The public list: every organisation not merged away, searchable by name, verified ones first, a page at a time. */
export async function searchOrganisations(query: OrganisationSearch) {
  const q = (query.q ?? "").trim().slice(0, 200);
  const page = Math.max(1, Math.min(10_000, Math.floor(query.page ?? 1)));
  const where = {
    mergedIntoId: null,
    ...(q ? { name: { contains: q, mode: "insensitive" as const } } : {}),
    ...(query.verification && query.verification !== "ALL" ? { verification: query.verification } : {}),
  };
  const [total, rows] = await Promise.all([
    db.organisation.count({ where }),
    db.organisation.findMany({
      where,
      orderBy: [{ verification: "desc" }, { name: "asc" }, { id: "asc" }],
      skip: (page - 1) * ORGANISATIONS_PAGE_SIZE,
      take: ORGANISATIONS_PAGE_SIZE,
      select: { id: true, slug: true, name: true, stakeholderGroup: true, country: true, verification: true, verifiedAt: true },
    }),
  ]);
  return { q, page, total, pages: Math.max(1, Math.ceil(total / ORGANISATIONS_PAGE_SIZE)), rows };
}

export const ORGANISATION_CONTRIBUTIONS_LIMIT = 100;

/**
 * An organisation's public page, by slug. A merged duplicate's slug answers with the survivor's (the page redirects);
 * contributions are the published ones sent on its behalf under a name (anonymous ones never say who sent them);
 * members are those approved who chose to be listed.
 */
export async function organisationPage(slug: string) {
  const org = await db.organisation.findUnique({
    where: { slug },
    select: {
      id: true, slug: true, name: true, stakeholderGroup: true, country: true, website: true, verification: true, verifiedAt: true, mergedIntoId: true,
      createdAt: true,
    },
  });
  if (!org) return null;
  if (org.mergedIntoId) {
    const survivor = await db.organisation.findUnique({ where: { id: await survivorOf(db, org.id) }, select: { slug: true } });
    return survivor ? { redirectTo: survivor.slug } : null;
  }
  const contributionWhere = { organisationId: org.id, onBehalfOf: "ORGANISATION" as const, status: "PUBLISHED" as const, visibility: "PUBLIC_NAMED" as const };
  const [contributions, contributionCount, members] = await Promise.all([
    db.submission.findMany({
      where: contributionWhere,
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      take: ORGANISATION_CONTRIBUTIONS_LIMIT,
      select: {
        id: true, reference: true, title: true, language: true, publishedAt: true, contributorName: true, organisationName: true,
        consultation: { select: { slug: true, title: true, language: true } },
      },
    }),
    db.submission.count({ where: contributionWhere }),
    db.organisationMembership.findMany({
      where: { organisationId: org.id, status: "APPROVED", listed: true },
      orderBy: [{ role: "desc" }, { user: { name: "asc" } }],
      select: { id: true, role: true, user: { select: { name: true } } },
    }),
  ]);
  return { organisation: org, contributions, contributionCount, members: members.map((m) => ({ id: m.id, role: m.role, name: m.user.name })) };
}

/** The participant's own requests and memberships (every status), newest first. */
export async function myMemberships(userId: string) {
  return db.organisationMembership.findMany({
    where: { userId },
    orderBy: [{ requestedAt: "desc" }],
    select: {
      id: true, role: true, status: true, approvedVia: true, listed: true, version: true, requestedAt: true, decidedAt: true, decisionReason: true,
      organisation: { select: { id: true, slug: true, name: true, verification: true, mergedIntoId: true } },
    },
  });
}

/** Organisations to choose from when asking to join (not merged, not suspended), by name. */
export async function organisationChoices(q: string, take = 20) {
  const query = q.trim().slice(0, 200);
  if (!query) return [];
  return db.organisation.findMany({
    where: { mergedIntoId: null, verification: { not: "SUSPENDED" }, name: { contains: query, mode: "insensitive" } },
    orderBy: [{ verification: "desc" }, { name: "asc" }],
    take,
    select: { id: true, slug: true, name: true, verification: true, country: true, stakeholderGroup: true },
  });
}

/** The organisations the actor manages (approved MANAGER), for the header link and the managers' page. */
export async function managedOrganisations(userId: string) {
  const rows = await db.organisationMembership.findMany({
    where: { userId, status: "APPROVED", role: "MANAGER", organisation: { mergedIntoId: null, verification: { not: "SUSPENDED" } } },
    select: { organisation: { select: { id: true, slug: true, name: true } } },
    orderBy: { organisation: { name: "asc" } },
  });
  return rows.map((r) => r.organisation);
}

const MEMBER_ROW_SELECT = {
  id: true, role: true, status: true, approvedVia: true, listed: true, version: true, note: true, requestedAt: true, decidedAt: true, decisionReason: true,
  user: { select: { id: true, name: true, email: true, emailVerifiedAt: true } },
  decidedBy: { select: { name: true } },
} as const;

/**
 * The members and pending requests of one organisation, for its managers and the secretariat only (null otherwise):
 * they show the requesters' names and addresses, which the requesters were told.
 */
export async function organisationMembers(actor: Actor | null, slug: string) {
  if (!actor) return null;
  const org = await db.organisation.findUnique({
    where: { slug },
    select: { id: true, slug: true, name: true, verification: true, mergedIntoId: true, emailDomains: true, version: true },
  });
  if (!org || org.mergedIntoId) return null;
  const rights = await rightsOver(db, actor, org.id);
  if (!rights) return null;
  const [pending, members] = await Promise.all([
    db.organisationMembership.findMany({ where: { organisationId: org.id, status: "PENDING" }, orderBy: { requestedAt: "asc" }, select: MEMBER_ROW_SELECT }),
    db.organisationMembership.findMany({ where: { organisationId: org.id, status: "APPROVED" }, orderBy: [{ role: "desc" }, { user: { name: "asc" } }], select: MEMBER_ROW_SELECT }),
  ]);
  return { organisation: org, rights, pending, members, actorId: actor.id };
}

/** The secretariat's list: every organisation with its numbers of members and waiting requests. */
export async function listOrganisationsForSecretariat(actor: Actor | null, query: OrganisationSearch) {
  if (!actor || !hasRole(actor, "SECRETARIAT")) return null;
  const q = (query.q ?? "").trim().slice(0, 200);
  const page = Math.max(1, Math.min(10_000, Math.floor(query.page ?? 1)));
  const where = {
    mergedIntoId: null,
    ...(q ? { OR: [{ name: { contains: q, mode: "insensitive" as const } }, { slug: { contains: q.toLowerCase() } }] } : {}),
    ...(query.verification && query.verification !== "ALL" ? { verification: query.verification } : {}),
  };
  const [total, rows, pendingRequests] = await Promise.all([
    db.organisation.count({ where }),
    db.organisation.findMany({
      where,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: (page - 1) * ORGANISATIONS_PAGE_SIZE,
      take: ORGANISATIONS_PAGE_SIZE,
      select: {
        id: true, slug: true, name: true, verification: true, emailDomains: true, country: true, stakeholderGroup: true,
        _count: { select: { memberships: { where: { status: "PENDING" } } } },
      },
    }),
    db.organisationMembership.count({ where: { status: "PENDING", organisation: { mergedIntoId: null } } }),
  ]);
  return { q, page, total, pages: Math.max(1, Math.ceil(total / ORGANISATIONS_PAGE_SIZE)), rows, pendingRequests };
}

/** Every waiting request, oldest first, for the secretariat's queue of join requests. */
export async function pendingRequestsForSecretariat(actor: Actor | null, take = 100) {
  if (!actor || !hasRole(actor, "SECRETARIAT")) return null;
  return db.organisationMembership.findMany({
    where: { status: "PENDING", organisation: { mergedIntoId: null } },
    orderBy: { requestedAt: "asc" },
    take,
    select: { ...MEMBER_ROW_SELECT, organisation: { select: { id: true, slug: true, name: true, verification: true } } },
  });
}

/** One organisation in full for the secretariat: its record, who verified it, members, requests and merge candidates. */
export async function organisationForSecretariat(actor: Actor | null, id: string) {
  if (!actor || !hasRole(actor, "SECRETARIAT")) return null;
  const org = await db.organisation.findUnique({
    where: { id },
    select: {
      id: true, slug: true, name: true, stakeholderGroup: true, country: true, website: true, emailDomains: true, verification: true, verifiedAt: true,
      verificationNote: true, version: true, mergedIntoId: true, createdAt: true,
      verifiedBy: { select: { name: true } }, createdBy: { select: { name: true } },
      mergedFrom: { select: { id: true, name: true, slug: true, mergedAt: true } },
      _count: { select: { submissions: true } },
    },
  });
  if (!org) return null;
  const [members, pending] = await Promise.all([
    db.organisationMembership.findMany({ where: { organisationId: id, status: "APPROVED" }, orderBy: [{ role: "desc" }, { user: { name: "asc" } }], select: MEMBER_ROW_SELECT }),
    db.organisationMembership.findMany({ where: { organisationId: id, status: "PENDING" }, orderBy: { requestedAt: "asc" }, select: MEMBER_ROW_SELECT }),
  ]);
  return { organisation: org, members, pending };
}
