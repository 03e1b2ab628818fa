// Demo data for accounts grouped in the moderation queue (issue 10): a second account on the Cámara's e-mail domain
// with a contribution waiting beside Lucía's, so the queue shows "2 accounts share the e-mail domain camara.example";
// then every seeded input gets the keys the services record when an input is sent (lib/moderation/accounts.ts).
// Idempotent: an existing person or contribution is left alone, and only inputs without keys are filled in.
import type { PrismaClient } from "../../lib/db/generated/client";
import { hashPassword } from "../../lib/auth/password";
import { placeOf } from "../../lib/geo/countries";
import { groupingDomainOf } from "../../lib/organisations/slug";
import { randomBytes } from "node:crypto";

const PERSON = { email: "pablo@camara.example", name: "Pablo Giménez", country: "AR" };
const CONTRIBUTION = {
  ref: "IGF-DEMO-0009",
  title: "Protección del consumidor en el comercio transfronterizo",
  body: "Las compras en línea entre países dejan al consumidor sin vías claras de reclamo. Proponemos una sesión sobre cooperación entre autoridades de protección del consumidor.",
};

const memberships = new Map<string, Promise<{ organisationId: string }[]>>();

/** The organisation the seeded author is an approved member of, as accountLinksOf picks it. */
async function organisationOf(db: PrismaClient, userId: string, acting: string | null, profile: string | null): Promise<string | null> {
  let approved = memberships.get(userId);
  if (!approved) {
    approved = approvedOf(db, userId);
    memberships.set(userId, approved);
  }
  const ids = (await approved).map((m) => m.organisationId);
  if (acting && ids.includes(acting)) return acting;
  if (profile && ids.includes(profile)) return profile;
  return ids[0] ?? null;
}

function approvedOf(db: PrismaClient, userId: string) {
  return db.organisationMembership.findMany({
    where: { userId, status: "APPROVED", organisation: { mergedIntoId: null, verification: { not: "SUSPENDED" } } },
    select: { organisationId: true },
    orderBy: { organisation: { name: "asc" } },
  });
}

export async function seedAccountGroups(db: PrismaClient, now: Date): Promise<void> {
  const consultation = await db.consultation.findUnique({ where: { slug: "igf-preparatory-round" }, select: { id: true } });
  const theme = consultation ? await db.theme.findFirst({ where: { consultationId: consultation.id, slug: "security" }, select: { id: true } }) : null;
  if (consultation && !(await db.submission.findUnique({ where: { reference: CONTRIBUTION.ref } }))) {
    const person = await db.user.upsert({
      where: { email: PERSON.email },
      update: {},
      create: {
        email: PERSON.email, name: PERSON.name, passwordHash: await hashPassword(randomBytes(18).toString("base64url")),
        stakeholderGroup: "PRIVATE_SECTOR", country: PERSON.country, emailVerifiedAt: new Date(now.getTime() - 20 * 86_400_000),
      },
    });
    const submittedAt = new Date(now.getTime() - 2 * 86_400_000);
    await db.submission.create({
      data: {
        reference: CONTRIBUTION.ref, consultationId: consultation.id, authorId: person.id, contributorKey: `user:${person.id}`,
        contributorName: PERSON.name, stakeholderGroup: "PRIVATE_SECTOR", ...placeOf(PERSON.country),
        title: CONTRIBUTION.title, body: CONTRIBUTION.body, language: "es", status: "PENDING", submittedAt, receivedAt: submittedAt,
        themes: theme ? { create: [{ themeId: theme.id }] } : undefined,
        versions: { create: { version: 1, title: CONTRIBUTION.title, body: CONTRIBUTION.body, language: "es", themeSlugs: theme ? ["security"] : [], editedById: person.id } },
      },
    });
  }

  // The keys the services record at intake, for the inputs the seed wrote directly.
  const authors = new Map<string, { email: string; emailVerifiedAt: Date | null; organisationId: string | null }>();
  const author = async (id: string) => {
    if (!authors.has(id)) {
      const u = await db.user.findUnique({ where: { id }, select: { email: true, emailVerifiedAt: true, organisationId: true } });
      if (u) authors.set(id, u);
    }
    return authors.get(id) ?? null;
  };
  const submissions = await db.submission.findMany({
    where: { authorId: { not: null }, status: { not: "DRAFT" }, accountDomain: null, accountOrganisationId: null },
    select: { id: true, authorId: true, onBehalfOf: true, organisationId: true },
  });
  for (const s of submissions) {
    const u = s.authorId ? await author(s.authorId) : null;
    if (!u || !s.authorId) continue;
    const accountDomain = groupingDomainOf(u.email, u.emailVerifiedAt !== null);
    const accountOrganisationId = await organisationOf(db, s.authorId, s.onBehalfOf === "ORGANISATION" ? s.organisationId : null, u.organisationId);
    if (accountDomain || accountOrganisationId) await db.submission.update({ where: { id: s.id }, data: { accountDomain, accountOrganisationId } });
  }
  const comments = await db.comment.findMany({ where: { authorId: { not: null }, accountDomain: null, accountOrganisationId: null }, select: { id: true, authorId: true } });
  for (const c of comments) {
    const u = c.authorId ? await author(c.authorId) : null;
    if (!u || !c.authorId) continue;
    const accountDomain = groupingDomainOf(u.email, u.emailVerifiedAt !== null);
    const accountOrganisationId = await organisationOf(db, c.authorId, null, u.organisationId);
    if (accountDomain || accountOrganisationId) await db.comment.update({ where: { id: c.id }, data: { accountDomain, accountOrganisationId } });
  }
}
