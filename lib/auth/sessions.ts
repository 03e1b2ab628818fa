// Sessions that end (docs/decisions/0013). The JWT in the cookie carries the user id, a session id and the user's
// session version at sign-in; every request checks both against the database:
//   - one session ends (sign-out): its UserSession row is revoked;
//   - every session ends at once (reset, role change, "sign out everywhere"): User.sessionVersion goes up by one;
//   - every other session ends (password change): the other rows are revoked, this one stays.
// A cookie replayed after any of these is refused, however long its own expiry.
import "server-only";
import { randomBytes } from "node:crypto";
import { db, type Tx } from "../db/client";

/** Sessions last 30 days from sign-in, whatever the activity (the cookie expires then too). */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

export interface SessionClaims {
  sub: string;
  sid: string;
  sv: number;
}

type Runner = Pick<Tx, "userSession" | "user" | "$executeRaw">;

export function readSessionClaims(token: unknown): SessionClaims | null {
  if (typeof token !== "object" || token === null) return null;
  const { sub, sid, sv } = token as Record<string, unknown>;
  if (typeof sub !== "string" || typeof sid !== "string" || typeof sv !== "number") return null;
  return { sub, sid, sv };
}

/** Records a new session at sign-in; its id and the user's current version go into the JWT. */
export async function startSession(userId: string, userAgent: string | null, runner: Runner = db): Promise<SessionClaims> {
  const sid = randomBytes(24).toString("base64url");
  const user = await runner.user.findUniqueOrThrow({ where: { id: userId }, select: { sessionVersion: true } });
  await runner.$executeRaw`
    INSERT INTO "UserSession" (id, "userId", "createdAt", "expiresAt", "userAgent")
    VALUES (${sid}, ${userId}, now(), now() + make_interval(secs => ${SESSION_MAX_AGE_SECONDS}), ${userAgent?.slice(0, 300) ?? null})`;
  return { sub: userId, sid, sv: user.sessionVersion };
}

/** Ends one session (sign-out). Idempotent. */
export async function endSession(sid: string, runner: Runner = db): Promise<void> {
  await runner.$executeRaw`UPDATE "UserSession" SET "revokedAt" = now() WHERE id = ${sid} AND "revokedAt" IS NULL`;
}

/** Ends every session of a user at once: their JWTs carry the old version from now on. */
export async function endAllSessions(tx: Runner, userId: string): Promise<void> {
  await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
  await tx.$executeRaw`UPDATE "UserSession" SET "revokedAt" = now() WHERE "userId" = ${userId} AND "revokedAt" IS NULL`;
}

/** Ends every session of a user but the one given (the person changing their password stays signed in here). */
export async function endOtherSessions(tx: Runner, userId: string, keepSid: string | null): Promise<void> {
  await tx.$executeRaw`UPDATE "UserSession" SET "revokedAt" = now() WHERE "userId" = ${userId} AND "revokedAt" IS NULL AND id IS DISTINCT FROM ${keepSid}`;
}

/** Sessions still open, newest first (for the profile). */
export async function openSessions(userId: string) {
  return db.$queryRaw<{ id: string; createdAt: Date; userAgent: string | null }[]>`
    SELECT s.id, s."createdAt", s."userAgent" FROM "UserSession" s
    WHERE s."userId" = ${userId} AND s."revokedAt" IS NULL AND s."expiresAt" > now()
    ORDER BY s."createdAt" DESC LIMIT 50`;
}

/** Deletes sessions that ended more than a day ago (the scheduled auth.purge task). */
export async function purgeSessions(runner: Runner = db): Promise<number> {
  return runner.$executeRaw`DELETE FROM "UserSession" WHERE "expiresAt" < now() - interval '1 day' OR "revokedAt" < now() - interval '1 day'`;
}
