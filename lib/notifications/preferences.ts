// notifications: which notifications a person also gets by e-mail (per kind, all off, one by one or a daily digest).
// The profile page edits them; one-click unsubscribe links turn a kind (or all) off. In-app notifications always stay.
import "server-only";
import { z } from "zod";
import { db, type Tx } from "../db/client";
import { withTransaction } from "../db/transaction";
import { fail, fieldErrorsOf, ok, type Result } from "../result";
import { NOTIFICATION_KINDS, isNotificationKind, type NotificationKind } from "./kinds";

export type Delivery = "IMMEDIATE" | "DAILY";
export type EmailDecision = "NONE" | "QUEUED" | "DIGEST";

export interface Preferences {
  /** kinds whose e-mail is off */
  emailOff: NotificationKind[];
  allEmailOff: boolean;
  delivery: Delivery;
  /** 0 while the person never saved preferences (the defaults apply) */
  version: number;
}

export const DEFAULT_PREFERENCES: Preferences = { emailOff: [], allEmailOff: false, delivery: "IMMEDIATE", version: 0 };

type Row = { emailOff: string[]; allEmailOff: boolean; delivery: Delivery; version: number };

function fromRow(row: Row | null): Preferences {
  if (!row) return DEFAULT_PREFERENCES;
  return { emailOff: row.emailOff.filter(isNotificationKind), allEmailOff: row.allEmailOff, delivery: row.delivery, version: row.version };
}

/** What becomes of a new notification of this kind by e-mail, under these preferences. */
export function emailDecision(preferences: Pick<Preferences, "emailOff" | "allEmailOff" | "delivery">, kind: NotificationKind): EmailDecision {
  if (preferences.allEmailOff || preferences.emailOff.includes(kind)) return "NONE";
  return preferences.delivery === "DAILY" ? "DIGEST" : "QUEUED";
}

/**
 * "Every non-essential e-mail" off (the unsubscribe page's other button, lib/email) counts as all notification e-mail
 * off: the profile shows it, and turning notification e-mail back on there lifts it.
 */
const ALL_NON_ESSENTIAL = "all";

export async function getPreferences(userId: string, client: Pick<Tx, "notificationPreference" | "emailOptOut"> = db): Promise<Preferences> {
  // One after the other: inside a transaction, the two queries share one connection.
  const row = await client.notificationPreference.findUnique({ where: { userId }, select: { emailOff: true, allEmailOff: true, delivery: true, version: true } });
  const allOff = await client.emailOptOut.count({ where: { userId, category: ALL_NON_ESSENTIAL } });
  const preferences = fromRow(row);
  return allOff > 0 ? { ...preferences, allEmailOff: true } : preferences;
}

/** The preferences of many people at once (defaults for those who never saved any). */
export async function preferencesOf(tx: Tx, userIds: string[]): Promise<Map<string, Preferences>> {
  const rows = userIds.length
    ? await tx.notificationPreference.findMany({ where: { userId: { in: userIds } }, select: { userId: true, emailOff: true, allEmailOff: true, delivery: true, version: true } })
    : [];
  const allOff = userIds.length
    ? new Set((await tx.emailOptOut.findMany({ where: { userId: { in: userIds }, category: ALL_NON_ESSENTIAL }, select: { userId: true } })).map((o) => o.userId))
    : new Set<string>();
  const out = new Map<string, Preferences>(userIds.map((id) => [id, allOff.has(id) ? { ...DEFAULT_PREFERENCES, allEmailOff: true } : DEFAULT_PREFERENCES]));
  for (const row of rows) out.set(row.userId, { ...fromRow(row), ...(allOff.has(row.userId) ? { allEmailOff: true } : {}) });
  return out;
}

/** A person notifications go to, as read in the raising transaction: preferences, address, language and opt-outs. */
export interface NotificationRecipient {
  preferences: Preferences;
  email: string;
  locale: string;
  /** EmailOptOut categories (lib/email/preferences.ts), "all" included */
  optOuts: string[];
}

type RecipientRow = {
  id: string; email: string; locale: string; optOuts: string[];
  emailOff: string[] | null; allEmailOff: boolean | null; delivery: Delivery | null; version: number | null;
};

/**
 * preferencesOf with each person's address, language and e-mail opt-outs, in one statement: what notifyMany needs
 * to write the notifications and queue their e-mails (the raise of a contribution's receipt is on the hottest write).
 * People who no longer exist are left out.
 */
export async function recipientsOf(tx: Tx, userIds: string[]): Promise<Map<string, NotificationRecipient>> {
  if (userIds.length === 0) return new Map();
  const rows = await tx.$queryRaw<RecipientRow[]>`
    SELECT u."id", u."email", u."locale",
           ARRAY(SELECT o."category" FROM "EmailOptOut" o WHERE o."userId" = u."id" ORDER BY o."category") AS "optOuts",
           p."emailOff", p."allEmailOff", p."delivery"::text AS "delivery", p."version"
    FROM "User" u LEFT JOIN "NotificationPreference" p ON p."userId" = u."id"
    WHERE u."id" = ANY(${userIds}::text[])`;
  const out = new Map<string, NotificationRecipient>();
  for (const row of rows) {
    const saved = row.emailOff !== null && row.allEmailOff !== null && row.delivery !== null && row.version !== null
      ? fromRow({ emailOff: row.emailOff, allEmailOff: row.allEmailOff, delivery: row.delivery, version: row.version })
      : DEFAULT_PREFERENCES;
    const preferences = row.optOuts.includes(ALL_NON_ESSENTIAL) ? { ...saved, allEmailOff: true } : saved;
    out.set(row.id, { preferences, email: row.email, locale: row.locale, optOuts: row.optOuts });
  }
  return out;
}

const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

/** The profile form: the kinds left on, "no notification e-mails at all", the delivery, and the version it showed. */
export const PreferencesSchema = z.object({
  emailOn: z.array(z.enum(NOTIFICATION_KINDS, { error: "kindInvalid" })).max(NOTIFICATION_KINDS.length).default([]),
  allEmailOff: checkbox,
  delivery: z.enum(["IMMEDIATE", "DAILY"], { error: "deliveryInvalid" }),
  version: z.coerce.number({ error: "versionInvalid" }).int().min(0),
});
export type PreferencesInput = z.input<typeof PreferencesSchema>;

/**
 * Saves the profile form. Conditional on the version the form showed: a change made meanwhile (in another tab, or
 * by an unsubscribe link) is not overwritten silently; the person sees the current state and saves again.
 */
export async function updatePreferences(userId: string, raw: unknown): Promise<Result<Preferences>> {
  const parsed = PreferencesSchema.safeParse(raw);
  if (!parsed.success) return fail("invalidInput", fieldErrorsOf(parsed.error));
  const input = parsed.data;
  const emailOff = NOTIFICATION_KINDS.filter((kind) => !input.emailOn.includes(kind));
  return withTransaction(async (tx) => {
    const data = { emailOff, allEmailOff: input.allEmailOff, delivery: input.delivery };
    if (!input.allEmailOff) await tx.emailOptOut.deleteMany({ where: { userId, category: ALL_NON_ESSENTIAL } });
    if (input.version === 0) {
      const created = await tx.notificationPreference.createManyAndReturn({ data: [{ userId, ...data }], skipDuplicates: true, select: { emailOff: true, allEmailOff: true, delivery: true, version: true } });
      const row = created[0];
      if (!row) return fail("preferencesChanged", { form: ["preferencesChanged"] }, 409);
      return ok(fromRow(row));
    }
    const { count } = await tx.notificationPreference.updateMany({ where: { userId, version: input.version }, data: { ...data, version: { increment: 1 } } });
    if (count !== 1) return fail("preferencesChanged", { form: ["preferencesChanged"] }, 409);
    return ok(await getPreferences(userId, tx));
  });
}

/** What a one-click unsubscribe turns off: one kind, or every notification e-mail. */
export type UnsubscribeScope = NotificationKind | "all";

export function isUnsubscribeScope(value: unknown): value is UnsubscribeScope {
  return value === "all" || isNotificationKind(value);
}

/**
 * One-click unsubscribe (the link and List-Unsubscribe header of notification e-mails): turns the kind, or all
 * notification e-mails, off. Idempotent, never turns anything back on, and does nothing for an account that no
 * longer exists; the profile page shows the result.
 */
export async function unsubscribe(userId: string, scope: UnsubscribeScope, client: Tx = db): Promise<void> {
  if (scope === "all") {
    await client.$executeRaw`
      INSERT INTO "NotificationPreference" ("userId", "allEmailOff", "updatedAt")
      SELECT id, true, now() FROM "User" WHERE id = ${userId}
      ON CONFLICT ("userId") DO UPDATE SET "allEmailOff" = true, version = "NotificationPreference".version + 1, "updatedAt" = now()
      WHERE NOT "NotificationPreference"."allEmailOff"`;
    return;
  }
  await client.$executeRaw`
    INSERT INTO "NotificationPreference" ("userId", "emailOff", "updatedAt")
    SELECT id, ARRAY[${scope}]::text[], now() FROM "User" WHERE id = ${userId}
    ON CONFLICT ("userId") DO UPDATE
      SET "emailOff" = array_append("NotificationPreference"."emailOff", ${scope}), version = "NotificationPreference".version + 1, "updatedAt" = now()
      WHERE NOT (${scope} = ANY("NotificationPreference"."emailOff"))`;
}
