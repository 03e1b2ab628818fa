// One-click unsubscribe (RFC 8058): a signed token names the user and the category, so the link works without signing
// in and cannot be forged or pointed at somebody else. GET shows a confirmation; only POST changes anything.
import "server-only";
import { z } from "zod";
import { db } from "../db/client";
import { recordAudit } from "../audit/log";
import { signValue, verifySignature } from "../auth/secret";
import { fail, ok, type Result } from "../result";
import { ALL_CATEGORIES, unsubscribeFrom, wantsEmail } from "./preferences";
import { categoryHandler } from "./categories";
import { siteLink, type MailConfig } from "./config";

const PURPOSE = "email-unsubscribe:v1";
const Payload = z.object({ u: z.string().min(1).max(64), c: z.string().min(1).max(80) });

export function unsubscribeToken(userId: string, category: string): string {
  const payload = Buffer.from(JSON.stringify({ u: userId, c: category })).toString("base64url");
  return `${payload}.${signValue(PURPOSE, payload)}`;
}

/** The user and category a token names, or null when it is malformed or its signature does not match. */
export function readUnsubscribeToken(token: unknown): { userId: string; category: string } | null {
  if (typeof token !== "string" || token.length > 600) return null;
  const [payload, signature, extra] = token.split(".");
  if (!payload || !signature || extra !== undefined || !verifySignature(PURPOSE, payload, signature)) return null;
  try {
    const parsed = Payload.safeParse(JSON.parse(Buffer.from(payload, "base64url").toString("utf8")));
    return parsed.success ? { userId: parsed.data.u, category: parsed.data.c } : null;
  } catch {
    return null;
  }
}

/** The page a person opens from the link in the message (it asks before changing anything). */
export function unsubscribePageUrl(config: Pick<MailConfig, "siteUrl">, token: string): string {
  return siteLink(config, "/unsubscribe", { token });
}

/** The List-Unsubscribe target: mail clients POST "List-Unsubscribe=One-Click" to it (RFC 8058). */
export function oneClickUnsubscribeUrl(config: Pick<MailConfig, "siteUrl">, token: string): string {
  return siteLink(config, "/api/email/unsubscribe", { token });
}

export interface UnsubscribeState {
  category: string;
  /** i18n key naming the category, when its owner has one */
  labelKey: string | null;
  address: string;
  unsubscribed: boolean;
}

function labelKeyOf(category: string): string | null {
  return categoryHandler(category)?.labelKey(category) ?? `unsubscribe.categories.${category}`;
}

/** What the confirmation page shows for a token (read only). */
export async function unsubscribeState(token: unknown): Promise<Result<UnsubscribeState>> {
  const claim = readUnsubscribeToken(token);
  if (!claim) return fail("invalidToken", undefined, 404);
  const user = await db.user.findUnique({ where: { id: claim.userId }, select: { email: true } });
  if (!user) return fail("invalidToken", undefined, 404);
  const unsubscribed = !(await db.$transaction((tx) => wantsEmail(tx, claim.userId, claim.category)));
  return ok({ category: claim.category, labelKey: labelKeyOf(claim.category), address: user.email, unsubscribed });
}

/** Opts the token's user out of its category (or of everything non-essential); idempotent, audited. */
export async function unsubscribe(token: unknown, options: { everything?: boolean } = {}): Promise<Result<UnsubscribeState>> {
  const claim = readUnsubscribeToken(token);
  if (!claim) return fail("invalidToken", undefined, 404);
  const category = options.everything ? ALL_CATEGORIES : claim.category;
  const done = await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: claim.userId }, select: { email: true } });
    if (!user) return null;
    await unsubscribeFrom(tx, claim.userId, category);
    await recordAudit(tx, { actorId: claim.userId, action: "email.unsubscribe", entityType: "User", entityId: claim.userId, details: { category } });
    return user.email;
  });
  if (done === null) return fail("invalidToken", undefined, 404);
  return ok({ category, labelKey: labelKeyOf(category), address: done, unsubscribed: true });
}

/** The headers that make a non-essential message unsubscribable in one click from the mail client (RFC 2369, 8058). */
export function listUnsubscribeHeaders(message: { essential: boolean; userId: string | null; category: string }, config: Pick<MailConfig, "siteUrl">): Record<string, string> {
  if (message.essential || !message.userId) return {};
  const token = unsubscribeToken(message.userId, message.category);
  return {
    "List-Unsubscribe": `<${oneClickUnsubscribeUrl(config, token)}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
}
