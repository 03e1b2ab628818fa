// Checking an e-mail and password at sign-in, behind the throttle: the attempt is counted first (atomically, in
// Postgres), and an attempt over the limit is refused before any argon2 hash is computed.
import "server-only";
import { z } from "zod";
import { db } from "../db/client";
import { hitRateLimit, refundRateLimit, resetRateLimit } from "../rate-limit/service";
import { verifyPassword } from "./password";
import { SIGNIN_ACCOUNT, SIGNIN_IP } from "./throttle";

const CredentialsSchema = z.object({
  email: z.string().trim().toLowerCase().max(254).pipe(z.email()),
  password: z.string().min(1).max(1024),
});

// Verified against when the e-mail is unknown, so the answer takes as long as for a real account.
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0xY4uQ0zJf0L3+PoGFYm7b7cqYpVx0o7yZr4kzqzv0s";

export type CredentialsOutcome =
  | { ok: true; user: { id: string; email: string; name: string } }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

export interface CredentialsDependencies {
  /** argon2 verification (tests count the calls). */
  verify?: (hash: string, password: string) => Promise<boolean>;
}

export async function checkCredentials(raw: unknown, ip: string, deps: CredentialsDependencies = {}): Promise<CredentialsOutcome> {
  const parsed = CredentialsSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;
  // Unknown addresses are counted too: the throttle must not tell which accounts exist.
  const [account, address] = await Promise.all([hitRateLimit(SIGNIN_ACCOUNT, email), hitRateLimit(SIGNIN_IP, ip)]);
  if (!account.allowed || !address.allowed) {
    const waits = [account, address].filter((state) => !state.allowed).map((state) => state.retryAfterSeconds);
    return { ok: false, reason: "throttled", retryAfterSeconds: Math.max(1, ...waits) };
  }
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, passwordHash: true } });
  const valid = await (deps.verify ?? verifyPassword)(user?.passwordHash ?? DUMMY_HASH, password);
  if (!user || !valid) return { ok: false, reason: "invalid" };
  // A success is not a failure: the account's count starts again and the address gets its attempt back.
  await Promise.all([resetRateLimit(SIGNIN_ACCOUNT, email), refundRateLimit(SIGNIN_IP, ip)]);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}
