// Single-use links sent by e-mail (verify an address, change it, reset a password): 32 random bytes in the link,
// only their SHA-256 in the database, so a copy of the table opens no account.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Tx } from "../db/client";
import type { AuthTokenPurpose } from "../db/generated/enums";

export const TOKEN_LIFETIME_SECONDS: Record<AuthTokenPurpose, number> = {
  VERIFY_EMAIL: 24 * 60 * 60,
  CHANGE_EMAIL: 24 * 60 * 60,
  RESET_PASSWORD: 60 * 60,
};

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

function looksLikeToken(token: unknown): token is string {
  return typeof token === "string" && /^[\w-]{43}$/.test(token);
}

/** Issues a token; earlier unused tokens of the same purpose stop working (only the newest link does). */
export async function issueToken(tx: Tx, userId: string, purpose: AuthTokenPurpose, email: string): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await tx.$executeRaw`UPDATE "AuthToken" SET "usedAt" = now() WHERE "userId" = ${userId} AND purpose = ${purpose}::"AuthTokenPurpose" AND "usedAt" IS NULL`;
  await tx.$executeRaw`
    INSERT INTO "AuthToken" (id, "userId", purpose, "tokenHash", email, "expiresAt", "createdAt")
    VALUES (${randomBytes(12).toString("base64url")}, ${userId}, ${purpose}::"AuthTokenPurpose", ${hashToken(token)}, ${email},
            now() + make_interval(secs => ${TOKEN_LIFETIME_SECONDS[purpose]}), now())`;
  return token;
}

export type TokenState =
  | { state: "valid"; id: string; userId: string; purpose: AuthTokenPurpose; email: string }
  | { state: "used" | "expired" | "unknown" };

/** What a link is worth, without using it (for the page a GET shows). */
export async function inspectToken(tx: Pick<Tx, "$queryRaw">, token: unknown, purposes: AuthTokenPurpose[]): Promise<TokenState> {
  if (!looksLikeToken(token)) return { state: "unknown" };
  const rows = await tx.$queryRaw<{ id: string; userId: string; purpose: AuthTokenPurpose; email: string; used: boolean; expired: boolean }[]>`
    SELECT id, "userId", purpose, email, "usedAt" IS NOT NULL AS used, "expiresAt" <= now() AS expired
    FROM "AuthToken" WHERE "tokenHash" = ${hashToken(token)}`;
  const row = rows[0];
  if (!row || !purposes.includes(row.purpose)) return { state: "unknown" };
  if (row.used) return { state: "used" };
  if (row.expired) return { state: "expired" };
  return { state: "valid", id: row.id, userId: row.userId, purpose: row.purpose, email: row.email };
}

/** Uses a link: conditional on it being unused and unexpired at this instant, so two clicks cannot both succeed. */
export async function consumeToken(tx: Tx, token: unknown, purposes: AuthTokenPurpose[]): Promise<TokenState> {
  const state = await inspectToken(tx, token, purposes);
  if (state.state !== "valid") return state;
  const used = await tx.$executeRaw`UPDATE "AuthToken" SET "usedAt" = now() WHERE id = ${state.id} AND "usedAt" IS NULL AND "expiresAt" > now()`;
  return used === 1 ? state : { state: "used" };
}

/** Deletes tokens used or expired more than a week ago (the scheduled auth.purge task). */
export async function purgeTokens(tx: Pick<Tx, "$executeRaw">): Promise<number> {
  return tx.$executeRaw`DELETE FROM "AuthToken" WHERE "expiresAt" < now() - interval '7 days'`;
}
