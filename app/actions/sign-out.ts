"use server";
// Signing out from the header: a plain form posting to this action (works without JavaScript, and keeps next-auth's
// client library out of every page). It does what next-auth's own sign-out does for a JWT session: ends the session's
// row (lib/auth/sessions), so the token is refused even if a copy of the cookie survives, and clears the cookie.
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { expectArgs } from "@/lib/http/action-args";
import { claimsOfCookie } from "@/lib/auth/session";
import { endSession } from "@/lib/auth/sessions";
import { sessionCookieName, siteUsesHttps } from "@/lib/auth/cookies";

export async function signOutAction(formData: FormData): Promise<void> {
  expectArgs([formData], ["form"]);
  const jar = await cookies();
  const secure = siteUsesHttps();
  const name = sessionCookieName(secure);
  const claims = await claimsOfCookie(jar.get(name)?.value);
  if (claims) await endSession(claims.sid);
  // A __Secure- cookie is only replaced by a Set-Cookie that is Secure itself.
  if (jar.has(name)) jar.delete({ name, path: "/", secure, httpOnly: true, sameSite: "lax" });
  redirect("/");
}
