// The header's sign-out form (app/actions/sign-out.ts): it ends the session in the database, so the same cookie is
// refused afterwards, clears the cookie and goes home; without a session it only goes home.
import { describe, expect, it, vi } from "vitest";
import { encode } from "next-auth/jwt";
import type { CredentialsConfig } from "next-auth/providers/credentials";
import { db } from "@/lib/db/client";
import { authOptions } from "@/lib/auth/options";
import { authSecret } from "@/lib/auth/secret";
import { sessionCookieName } from "@/lib/auth/cookies";
import { claimsOfCookie, userOfSession } from "@/lib/auth/session";
import { signOutAction } from "@/app/actions/sign-out";
import { buildUser, TEST_PASSWORD } from "../fixtures/users";

const jar = vi.hoisted(() => ({ values: new Map<string, string>(), deleted: [] as unknown[] }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (jar.values.has(name) ? { name, value: jar.values.get(name) } : undefined),
    has: (name: string) => jar.values.has(name),
    delete: (arg: string | { name: string }) => {
      jar.deleted.push(arg);
      jar.values.delete(typeof arg === "string" ? arg : arg.name);
    },
  }),
}));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => { throw new Error(`redirect:${url}`); },
  notFound: () => { throw new Error("notFound"); },
}));

/** Signs in as the app does (the credentials provider, the jwt callback, next-auth's own encoding) and returns the cookie. */
async function signInCookie(email: string): Promise<string> {
  const options = authOptions();
  const provider = options.providers[0] as unknown as { options: Pick<CredentialsConfig, "authorize"> };
  const user = await provider.options.authorize({ email, password: TEST_PASSWORD }, { headers: { "user-agent": "test" } } as never);
  if (!user) throw new Error(`sign-in refused for ${email}`);
  const jwt = options.callbacks?.jwt;
  if (!jwt) throw new Error("no jwt callback");
  const token = await jwt({ token: { sub: user.id }, user, account: null } as never);
  return encode({ token, secret: authSecret(), maxAge: options.session?.maxAge });
}

describe("signing out from the header", () => {
  it("ends the session row, clears the cookie and goes home", async () => {
    const person = await buildUser({ email: `sign-out-${Date.now()}@test.example` });
    const cookie = await signInCookie(person.email);
    const claims = await claimsOfCookie(cookie);
    expect((await userOfSession(claims))?.id).toBe(person.id);
    jar.values.set(sessionCookieName(), cookie);
    jar.deleted.length = 0;

    await expect(signOutAction(new FormData())).rejects.toThrow("redirect:/");

    expect(jar.deleted).toEqual([expect.objectContaining({ name: sessionCookieName(), path: "/" })]);
    expect(jar.values.has(sessionCookieName())).toBe(false);
    // A copy of the cookie kept elsewhere leads nowhere now.
    expect(await userOfSession(claims)).toBeNull();
    const row = await db.userSession.findUniqueOrThrow({ where: { id: claims?.sid ?? "" } });
    expect(row.revokedAt).not.toBeNull();
  });

  it("without a session only goes home, and refuses a call that is not a form", async () => {
    jar.values.clear();
    jar.deleted.length = 0;
    await expect(signOutAction(new FormData())).rejects.toThrow("redirect:/");
    expect(jar.deleted).toEqual([]);
    await expect(signOutAction("x" as unknown as FormData)).rejects.toThrow("notFound");
  });
});
