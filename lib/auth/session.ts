// Session and role guards for server components, server actions and route handlers.
// Every request reads the signed session cookie and checks it against the database (lib/auth/sessions): a signed-out,
// reset, role-changed or "signed out everywhere" session is refused at once, and role and profile are read fresh.
import "server-only";
import { cookies } from "next/headers";
import { decode } from "next-auth/jwt";
import type { Role, User } from "../db/generated/client";
import { db } from "../db/client";
import { authSecret } from "./secret";
import { sessionCookieName } from "./cookies";
import { readSessionClaims, type SessionClaims } from "./sessions";
import { hasRole } from "./session-roles";

export type CurrentUser = Pick<User, "id" | "email" | "name" | "role" | "stakeholderGroup" | "country" | "organisationId" | "locale"> & {
  /** false until the current address is confirmed by its link: drafts only (the services check it again) */
  emailVerified?: boolean;
  /** the session this request belongs to */
  sessionId?: string;
};

export class AuthError extends Error {
  constructor(public readonly status: 401 | 403, message: string) {
    super(message);
    this.name = "AuthError";
  }
}

/** The claims of a session cookie value, if its signature and expiry hold. */
export async function claimsOfCookie(value: string | undefined): Promise<SessionClaims | null> {
  if (!value) return null;
  try {
    return readSessionClaims(await decode({ token: value, secret: authSecret() }));
  } catch {
    return null;
  }
}

/** The user a session belongs to, if that session is still open: its row unrevoked, unexpired, its version current. */
export async function userOfSession(claims: SessionClaims | null): Promise<CurrentUser | null> {
  if (!claims) return null;
  const rows = await db.$queryRaw<(Omit<CurrentUser, "emailVerified" | "sessionId"> & { emailVerifiedAt: Date | null })[]>`
    SELECT u.id, u.email, u.name, u.role, u."stakeholderGroup", u.country, u."organisationId", u.locale, u."emailVerifiedAt"
    FROM "UserSession" s JOIN "User" u ON u.id = s."userId"
    WHERE s.id = ${claims.sid} AND s."userId" = ${claims.sub} AND s."revokedAt" IS NULL AND s."expiresAt" > now()
      AND u."sessionVersion" = ${claims.sv}`;
  const row = rows[0];
  if (!row) return null;
  const { emailVerifiedAt, ...user } = row;
  return { ...user, emailVerified: emailVerifiedAt !== null, sessionId: claims.sid };
}

/** The signed-in user, read fresh from the database so a revoked role or an ended session takes effect at once. */
export async function getCurrentUser(): Promise<CurrentUser | null> {
  const jar = await cookies();
  return userOfSession(await claimsOfCookie(jar.get(sessionCookieName())?.value));
}

export { hasRole };

export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw new AuthError(401, "Sign in to continue.");
  return user;
}

/** Admins can do everything the secretariat can. */
export async function requireRole(role: Role): Promise<CurrentUser> {
  const user = await requireUser();
  if (!hasRole(user, role)) throw new AuthError(403, "You do not have permission to do this.");
  return user;
}
