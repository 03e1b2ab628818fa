// Session and role guards for server components, server actions and route handlers.
import { getServerSession } from "next-auth";
import type { Role, User } from "../db/generated/client";
import { db } from "../db/client";
import { authOptions } from "./options";
import { hasRole } from "./session-roles";

export type CurrentUser = Pick<User, "id" | "email" | "name" | "role" | "stakeholderGroup" | "country" | "organisationId" | "locale">;

export class AuthError extends Error {
  constructor(public readonly status: 401 | 403, message: string) {
    super(message);
    this.name = "AuthError";
  }
}

/** The signed-in user, read fresh from the database so a revoked role takes effect at once. */
export async function getCurrentUser(): Promise<CurrentUser | null> {
  const session = await getServerSession(authOptions());
  const id = (session?.user as { id?: unknown } | undefined)?.id;
  if (typeof id !== "string") return null;
  return db.user.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, role: true, stakeholderGroup: true, country: true, organisationId: true, locale: true },
  });
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
