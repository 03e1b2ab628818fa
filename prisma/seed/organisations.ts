// Demo data for organisations (issue 10, part A): verified organisations with e-mail domains, approved members (one a
// manager, some listed on the public page), pending join requests (the demo participant's among them) and
// organisations nobody has verified, so a newcomer sees every state. Idempotent: rows that exist are left alone.
import type { PrismaClient } from "../../lib/db/generated/client";

const VERIFIED = [
  { name: "Ministry of Communications of Kenya", domains: ["ict.go.ke.example"], note: "Confirmed by letter from the Permanent Secretary, ICT." },
  { name: "Regional Internet Registry Forum", domains: ["rirforum.example"], note: "Listed on its own website; confirmed by a call to its secretariat." },
  { name: "Telecommunication Cooperation Organisation", domains: ["tco.example"], note: "Intergovernmental organisation; membership list checked on its charter page." },
  { name: "Association for Digital Rights", domains: ["digital-rights.example"], note: "Registered association; statutes and board list received by e-mail." },
];

type Membership = { email: string; org: string; status: "APPROVED" | "PENDING"; role?: "MEMBER" | "MANAGER"; via?: "MANAGER" | "SECRETARIAT" | "DOMAIN"; listed?: boolean; note?: string };

const MEMBERSHIPS: Membership[] = [
  { email: "kwame@digital-rights.example", org: "Association for Digital Rights", status: "APPROVED", role: "MANAGER", via: "SECRETARIAT", listed: true },
  { email: "ana@digital-rights.example", org: "Association for Digital Rights", status: "APPROVED", via: "SECRETARIAT", listed: true },
  { email: "wanjiru@ict.go.ke.example", org: "Ministry of Communications of Kenya", status: "APPROVED", via: "DOMAIN", listed: true },
  { email: "ravi@rirforum.example", org: "Regional Internet Registry Forum", status: "APPROVED", via: "DOMAIN" },
  { email: "marie@tco.example", org: "Telecommunication Cooperation Organisation", status: "APPROVED", via: "DOMAIN", listed: true },
  { email: "li.wei@gtoa.example", org: "Global Telecom Operators Association", status: "APPROVED", via: "SECRETARIAT" },
  { email: "fatou@ralel.example", org: "Réseau africain pour la liberté en ligne", status: "APPROVED", via: "SECRETARIAT", listed: true },
  { email: "hans@ixp-ops.example", org: "Internet Exchange Point Operators Group", status: "APPROVED", via: "SECRETARIAT" },
  { email: "lucia@camara.example", org: "Cámara de Comercio Electrónico", status: "PENDING", note: "Directora de políticas públicas." },
  { email: "nusrat@du.example", org: "University of Dhaka, Centre for Internet Studies", status: "PENDING", role: "MANAGER", note: "Associate professor; I coordinate the centre's policy work." },
  // The demo participant typed this affiliation: until a manager or the secretariat approves, she writes in her own name.
  { email: "participant@agora.example", org: "Association for Digital Rights", status: "PENDING", note: "Volunteer researcher on the access programme." },
];

export async function seedOrganisations(db: PrismaClient, now: Date): Promise<void> {
  const secretariat = await db.user.findUnique({ where: { email: "secretariat@agora.example" }, select: { id: true } });
  const day = 86_400_000;
  for (const v of VERIFIED) {
    const org = await db.organisation.findFirst({ where: { name: v.name }, select: { id: true, verification: true, verifiedAt: true } });
    if (!org || org.verifiedAt) continue;
    const verifiedAt = new Date(now.getTime() - 10 * day);
    await db.organisation.update({
      where: { id: org.id },
      data: { verification: "VERIFIED", verifiedAt, verifiedById: secretariat?.id ?? null, verificationNote: v.note, emailDomains: v.domains, version: { increment: 1 } },
    });
    await db.auditEvent.create({
      data: { actorId: secretariat?.id ?? null, action: "organisation.verified", entityType: "Organisation", entityId: org.id, details: { note: v.note, seed: true }, createdAt: verifiedAt },
    });
  }
  for (const m of MEMBERSHIPS) {
    const [user, org] = await Promise.all([
      db.user.findUnique({ where: { email: m.email }, select: { id: true } }),
      db.organisation.findFirst({ where: { name: m.org }, select: { id: true } }),
    ]);
    if (!user || !org) continue;
    const approved = m.status === "APPROVED";
    const decidedAt = approved ? new Date(now.getTime() - 7 * day) : null;
    await db.organisationMembership.upsert({
      where: { organisationId_userId: { organisationId: org.id, userId: user.id } },
      update: {},
      create: {
        organisationId: org.id, userId: user.id, role: m.role ?? "MEMBER", status: m.status, note: m.note ?? "", listed: m.listed ?? false,
        approvedVia: approved ? m.via ?? "SECRETARIAT" : null, decidedAt,
        decidedById: approved && m.via !== "DOMAIN" ? secretariat?.id ?? null : null,
        requestedAt: new Date(now.getTime() - (approved ? 8 : 1) * day),
      },
    });
  }
}
