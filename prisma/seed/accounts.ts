// Demo data for accounts: every seeded account has a confirmed address, so the demo works without any e-mail.
// Idempotent: only accounts still unconfirmed are touched.
import type { PrismaClient } from "../../lib/db/generated/client";

export async function seedAccounts(db: PrismaClient, emails: readonly string[]): Promise<void> {
  await db.user.updateMany({ where: { email: { in: [...emails] }, emailVerifiedAt: null }, data: { emailVerifiedAt: new Date() } });
}
