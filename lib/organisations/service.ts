// organisations: who may act on behalf of an organisation (issue 10, docs/decisions/0018). An organisation is
// first-class (slug, verification by the secretariat, e-mail domains, merges); acting on its behalf takes an APPROVED
// OrganisationMembership, approved by one of its managers, by the secretariat, or by the domain rule. Until then a
// person acts as an individual, whatever they typed in their profile.
import "server-only";
import { randomBytes } from "node:crypto";
import type { Tx } from "../db/client";
import type { MembershipApproval, MembershipRole, OrganisationVerification, StakeholderGroup } from "../db/generated/enums";
import { isKnownCountry } from "../geo/countries";
import { normaliseName } from "../users/names";
import { isOnDomains, slugOf } from "./slug";

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
