// Which non-essential e-mail a user does not want. A category owned by a handler (lib/email/categories.ts, e.g. the
// notifications' per-kind preferences) is decided there; any other category is one EmailOptOut row, and the "all"
// row stops every non-essential message, whoever owns its category.
import "server-only";
import { db, type Tx } from "../db/client";
import { categoryHandler, EMAIL_CATEGORY_HANDLERS } from "./categories";

/** Opting out of this category stops every non-essential message. */
export const ALL_CATEGORIES = "all";

/** False when the user opted out of this category (or of all non-essential e-mail). */
export async function wantsEmail(tx: Tx, userId: string, category: string): Promise<boolean> {
  const optOut = await tx.emailOptOut.findFirst({ where: { userId, category: { in: [category, ALL_CATEGORIES] } }, select: { category: true } });
  if (optOut) return false;
  const handler = categoryHandler(category);
  return handler ? handler.wants(tx, userId, category) : true;
}

/**
 * wantsEmail from what the caller has already read in its transaction: the user's EmailOptOut categories and the
 * answer of the category's owner (its handler's own preferences; true when no handler owns it).
 */
export function wantsEmailGiven(optOuts: readonly string[], category: string, ownerWants: boolean): boolean {
  return !optOuts.includes(category) && !optOuts.includes(ALL_CATEGORIES) && ownerWants;
}

/** Turns one category off for a user, or ALL_CATEGORIES: every non-essential e-mail. Idempotent. */
export async function unsubscribeFrom(tx: Tx, userId: string, category: string): Promise<void> {
  if (category === ALL_CATEGORIES) {
    await tx.emailOptOut.upsert({ where: { userId_category: { userId, category } }, update: {}, create: { userId, category } });
    // The owners' own preferences say so too, so their settings pages show what the person chose.
    for (const handler of EMAIL_CATEGORY_HANDLERS) await handler.unsubscribe(tx, userId, handler.prefix);
    return;
  }
  const handler = categoryHandler(category);
  if (handler) await handler.unsubscribe(tx, userId, category);
  else await tx.emailOptOut.upsert({ where: { userId_category: { userId, category } }, update: {}, create: { userId, category } });
}

/** Turns a category (not owned by a handler) back on, or ALL_CATEGORIES off again. */
export async function resubscribeTo(userId: string, category: string, tx: Pick<Tx, "emailOptOut"> = db): Promise<void> {
  await tx.emailOptOut.deleteMany({ where: { userId, category } });
}

/** The EmailOptOut categories of a user (those no handler owns, and "all"). */
export async function optedOutCategories(userId: string): Promise<string[]> {
  const rows = await db.emailOptOut.findMany({ where: { userId }, select: { category: true }, orderBy: { category: "asc" } });
  return rows.map((row) => row.category);
}
