// Role ranking, usable without a request (services receive the actor and check again).
import type { Role } from "../db/generated/enums";

/** Who is acting, as every service receives it (and checks the role itself). */
export interface Actor {
  id: string;
  role: Role;
}

const RANK: Record<Role, number> = { PARTICIPANT: 0, SECRETARIAT: 1, ADMIN: 2 };

/** Admins can do everything the secretariat can. */
export function hasRole(user: { role: Role } | null | undefined, role: Role): boolean {
  return !!user && RANK[user.role] >= RANK[role];
}
