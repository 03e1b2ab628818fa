// next-auth configuration: e-mail + password (credentials provider) with JWT sessions that can end (lib/auth/sessions)
// and sign-in throttled in Postgres (lib/auth/credentials). Cookies are Secure when the site URL is https.
import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { checkCredentials } from "./credentials";
import { clientIp } from "./client-ip";
import { authSecret } from "./secret";
import { endSession, readSessionClaims, SESSION_MAX_AGE_SECONDS, startSession } from "./sessions";
import { ThrottledError } from "./throttle";
import { safeRedirect } from "./callback-url";
import { siteUsesHttps } from "./cookies";
import { interfaceLocaleOf } from "../i18n/config";
import { rememberInterfaceLocale } from "../users/service";

export function authOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
    useSecureCookies: siteUsesHttps(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/signin" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(raw, request) {
          const headers = request?.headers as Record<string, string | undefined> | undefined;
          const outcome = await checkCredentials(raw, clientIp(headers));
          // next-auth hands the message to the form as `error`: "THROTTLED:<seconds>".
          if (!outcome.ok && outcome.reason === "throttled") throw new ThrottledError(outcome.retryAfterSeconds);
          if (!outcome.ok) return null;
          const claims = await startSession(outcome.user.id, headers?.["user-agent"] ?? null);
          await rememberInterfaceLocale(outcome.user.id, interfaceLocaleOf(headers));
          return { ...outcome.user, sid: claims.sid, sv: claims.sv };
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          const { sid, sv } = user as { sid?: unknown; sv?: unknown };
          token.sub = user.id;
          token.sid = sid;
          token.sv = sv;
        }
        return token;
      },
      async session({ session, token }) {
        if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
        return session;
      },
      // Only this site's own paths, parsed (lib/auth/callback-url): no open redirect through callbackUrl.
      async redirect({ url, baseUrl }) {
        return safeRedirect(url, baseUrl);
      },
    },
    events: {
      async signOut({ token }) {
        const claims = readSessionClaims(token);
        if (claims) await endSession(claims.sid);
      },
    },
  };
}
