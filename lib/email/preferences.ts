// Which non-essential e-mail a user does not want: one row per category opted out of ("all" for every one).
// The unsubscribe link writes here; the profile's e-mail preferences read and write the same rows.
import "server-only";
import { db, type Tx } from "../db/client";

/** Opting out of this category stops every non-essential message. */
export const ALL_CATEGORIES = "all";

type Reader = Pick<Tx, "emailOptOut">;

/** False when the user opted out of this category or of all non-essential e-mail. */
export async function wantsEmail(tx: Reader, userId: string, category: string): Promise<boolean> {
  const optOut = await tx.emailOptOut.findFirst({ where: { userId, category: { in: [category, ALL_CATEGORIES] } }, select: { category: true } });
  return optOut === null;
}

/** Turns one category on or off for a user; idempotent. */
export async function setEmailWanted(tx: Reader | null, userId: string, category: string, wanted: boolean): Promise<void> {
  const runner = tx ?? db;
  if (wanted) {
    await runner.emailOptOut.deleteMany({ where: { userId, category } });
  } else {
    await runner.emailOptOut.upsert({ where: { userId_category: { userId, category } }, update: {}, create: { userId, category } });
  }
}

/** The categories a user opted out of. */
export async function optedOutCategories(userId: string): Promise<string[]> {
  const rows = await db.emailOptOut.findMany({ where: { userId }, select: { category: true }, orderBy: { category: "asc" } });
  return rows.map((row) => row.category);
}
