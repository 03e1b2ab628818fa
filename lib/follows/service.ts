// follows: signed-in people follow published consultations, to hear when one opens, is about to close (48 hours
// before its contributions close) and publishes its synthesis (lib/notifications/followers.ts raises those).
import "server-only";
import { db } from "../db/client";
import { fail, ok, type Result } from "../result";
import type { Actor } from "../auth/session-roles";

async function publishedConsultation(slug: string) {
  return db.consultation.findFirst({ where: { slug, status: "PUBLISHED" }, select: { id: true, slug: true } });
}

/** Follows a published consultation; following it again changes nothing. */
export async function followConsultation(actor: Actor | null, slug: unknown): Promise<Result<{ following: true; slug: string }>> {
  if (!actor) return fail("signInRequired", undefined, 401);
  if (typeof slug !== "string" || slug.length === 0 || slug.length > 200) return fail("notFound", undefined, 404);
  const consultation = await publishedConsultation(slug);
  if (!consultation) return fail("notFound", undefined, 404);
  await db.consultationFollow.createMany({ data: [{ userId: actor.id, consultationId: consultation.id }], skipDuplicates: true });
  return ok({ following: true, slug: consultation.slug });
}

/** Stops following; works on consultations no longer published too, and is a no-op when not following. */
export async function unfollowConsultation(actor: Actor | null, slug: unknown): Promise<Result<{ following: false; slug: string }>> {
  if (!actor) return fail("signInRequired", undefined, 401);
  if (typeof slug !== "string" || slug.length === 0 || slug.length > 200) return fail("notFound", undefined, 404);
  const consultation = await db.consultation.findUnique({ where: { slug }, select: { id: true, slug: true } });
  if (!consultation) return fail("notFound", undefined, 404);
  await db.consultationFollow.deleteMany({ where: { userId: actor.id, consultationId: consultation.id } });
  return ok({ following: false, slug: consultation.slug });
}

export async function isFollowing(userId: string, consultationId: string): Promise<boolean> {
  return (await db.consultationFollow.count({ where: { userId, consultationId } })) > 0;
}

/** The consultations a person follows, most recently followed first (the profile lists them). */
export async function listFollowedConsultations(userId: string) {
  const rows = await db.consultationFollow.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }],
    take: 200,
    select: { createdAt: true, consultation: { select: { slug: true, title: true, status: true, contributionsCloseAt: true } } },
  });
  return rows.map((row) => ({ followedAt: row.createdAt, ...row.consultation }));
}
