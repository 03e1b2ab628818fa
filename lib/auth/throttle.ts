// The limits that protect accounts (docs/decisions/0012). Counted in Postgres (lib/rate-limit), so every app server
// shares them.
import type { RateLimitRule } from "../rate-limit/service";

const MINUTE = 60;

/** Sign-in attempts per account: the 11th in 15 minutes is refused, the right password included. */
export const SIGNIN_ACCOUNT: RateLimitRule = { name: "signin:account", limit: 10, windowSeconds: 15 * MINUTE };
/** Sign-in attempts per client address, whatever the account (credential stuffing). */
export const SIGNIN_IP: RateLimitRule = { name: "signin:ip", limit: 50, windowSeconds: 15 * MINUTE };
/** New accounts per client address. */
export const SIGNUP_IP: RateLimitRule = { name: "signup:ip", limit: 10, windowSeconds: 60 * MINUTE };
/** "Someone tried to sign up with your address" e-mails per account (the sign-up form cannot flood a mailbox); the excess is dropped. */
export const SIGNUP_ADDRESS: RateLimitRule = { name: "signup:address", limit: 3, windowSeconds: 60 * MINUTE };
/** Password-reset requests per client address. */
export const RESET_IP: RateLimitRule = { name: "reset:ip", limit: 10, windowSeconds: 60 * MINUTE };
/** Reset e-mails per address (so nobody can flood a mailbox through the form); the excess is silently dropped. */
export const RESET_ADDRESS: RateLimitRule = { name: "reset:address", limit: 3, windowSeconds: 60 * MINUTE };
/** "Send the link again" per account. */
export const VERIFY_RESEND: RateLimitRule = { name: "verify:resend", limit: 3, windowSeconds: 60 * MINUTE };
/** E-mail change requests per account. */
export const EMAIL_CHANGE: RateLimitRule = { name: "email-change", limit: 5, windowSeconds: 60 * MINUTE };

/** What a refused request tells the person: when to try again (seconds from now). */
export class ThrottledError extends Error {
  constructor(public readonly retryAfterSeconds: number) {
    super(`THROTTLED:${retryAfterSeconds}`);
    this.name = "ThrottledError";
  }
}

/** Reads the retry delay back out of next-auth's error string ("THROTTLED:540"). */
export function throttledRetryAfter(error: string | null | undefined): number | null {
  const match = /^THROTTLED:(\d+)$/.exec(error ?? "");
  return match ? Number(match[1]) : null;
}
