// Demo data for verified stakeholder groups (issue 10, part B): one participant whose group the secretariat verified,
// one claim waiting in /secretariat/verification, and regional targets with an invitation on the open consultation.
// Idempotent: a person who already has a claim, or a policy that already has an invitation, is left alone.
import type { PrismaClient } from "../../lib/db/generated/client";
import { invitationFingerprint } from "../../lib/balance/invitation-text";

const INVITATION =
  "The stock-taking session asked for broader participation from Latin America, Africa and Asia. If you work in one of these regions, your contribution is especially welcome: it takes ten minutes, in any of the six UN languages.";

// In French and Spanish like the rest of the open consultation (seed/languages.ts); Arabic, Chinese and Russian
// readers see the original marked "not yet translated".
const INVITATION_TRANSLATIONS = {
  fr: "La séance de bilan a demandé une participation plus large de l’Amérique latine, de l’Afrique et de l’Asie. Si vous travaillez dans l’une de ces régions, votre contribution est particulièrement bienvenue : elle prend dix minutes, dans l’une des six langues officielles de l’ONU.",
  es: "La sesión de balance pidió una participación más amplia de América Latina, África y Asia. Si trabaja en una de estas regiones, su contribución es especialmente bienvenida: lleva diez minutos, en cualquiera de los seis idiomas de la ONU.",
};

export async function seedIdentity(db: PrismaClient, now: Date): Promise<void> {
  const secretariat = await db.user.findUnique({ where: { email: "secretariat@agora.example" }, select: { id: true } });
  const verified = await db.user.findUnique({ where: { email: "wanjiru@ict.go.ke.example" }, select: { id: true, stakeholderGroup: true } });
  if (verified && !(await db.stakeholderGroupClaim.findFirst({ where: { userId: verified.id } }))) {
    const decidedAt = new Date(now.getTime() - 3 * 86_400_000);
    const claim = await db.stakeholderGroupClaim.create({
      data: {
        userId: verified.id, stakeholderGroup: verified.stakeholderGroup, status: "APPROVED", decidedById: secretariat?.id ?? null, decidedAt, version: 2,
        evidence: "Head of broadband policy at the Ministry of Communications of Kenya; listed on the ministry's staff directory.",
        link: "https://ict.go.ke.example/staff", createdAt: new Date(now.getTime() - 5 * 86_400_000),
      },
    });
    await db.user.update({ where: { id: verified.id }, data: { groupVerifiedAt: decidedAt } });
    await db.auditEvent.create({
      data: { actorId: secretariat?.id ?? null, action: "identity.claim.approve", entityType: "StakeholderGroupClaim", entityId: claim.id, details: { userId: verified.id, group: verified.stakeholderGroup, seed: true }, createdAt: decidedAt },
    });
  }
  const pending = await db.user.findUnique({ where: { email: "nusrat@du.example" }, select: { id: true, stakeholderGroup: true } });
  if (pending && !(await db.stakeholderGroupClaim.findFirst({ where: { userId: pending.id } }))) {
    await db.stakeholderGroupClaim.create({
      data: {
        userId: pending.id, stakeholderGroup: pending.stakeholderGroup, createdAt: new Date(now.getTime() - 86_400_000),
        evidence: "Associate professor at the Centre for Internet Studies, University of Dhaka; my faculty page lists my research on multilingual content.",
        link: "https://du.example/cis/people",
      },
    });
  }
  const consultation = await db.consultation.findUnique({ where: { slug: "igf-preparatory-round" }, select: { id: true } });
  if (consultation) {
    const policy = await db.balancePolicy.findUnique({ where: { consultationId: consultation.id }, select: { invitation: true } });
    if (!policy?.invitation) {
      const targets = { targetAfrican: 0.25, targetLatinAmerican: 0.2, targetAsiaPacific: 0.2, targetDeveloping: 0.5, invitation: INVITATION };
      const saved = await db.balancePolicy.upsert({ where: { consultationId: consultation.id }, update: targets, create: { consultationId: consultation.id, ...targets } });
      for (const [language, text] of Object.entries(INVITATION_TRANSLATIONS)) {
        await db.balanceInvitationTranslation.upsert({
          where: { policyId_language: { policyId: saved.id, language } },
          update: {},
          create: { policyId: saved.id, language, text, sourceHash: invitationFingerprint(INVITATION) },
        });
      }
    }
  }
}
