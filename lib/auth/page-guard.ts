// The role check every non-public page makes itself, before it reads anything: a layout is not a guard (on client
// navigation it is not re-run, and it renders in parallel with the page). Anonymous visitors are sent to sign in;
// signed-in people without the role get the site's 403 page (app/forbidden.tsx).
import "server-only";
import { forbidden, redirect } from "next/navigation";
import type { Role } from "../db/generated/enums";
import { getCurrentUser, type CurrentUser } from "./session";
import { hasRole } from "./session-roles";

export async function requireRoleForPage(role: Role = "SECRETARIAT", signInBack = "/secretariat"): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(signInBack)}`);
  if (!hasRole(user, role)) forbidden();
  return user;
}
