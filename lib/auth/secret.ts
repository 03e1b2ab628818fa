// The one server secret (NEXTAUTH_SECRET): signs session cookies and, under a purpose label, e-mail unsubscribe tokens.
import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "../env";

// Only outside production: lib/env.ts refuses to start a production server without NEXTAUTH_SECRET.
const DEVELOPMENT_SECRET = "agora-development-secret-do-not-use-in-production";

export function authSecret(): string {
  return process.env.NEXTAUTH_SECRET || env().NEXTAUTH_SECRET || DEVELOPMENT_SECRET;
}

/** HMAC-SHA256 of `value` under a purpose label, so a signature made for one use is worthless for another. */
export function signValue(purpose: string, value: string): string {
  return createHmac("sha256", authSecret()).update(`${purpose}\n${value}`).digest("base64url");
}

export function verifySignature(purpose: string, value: string, signature: string): boolean {
  const expected = Buffer.from(signValue(purpose, value));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
