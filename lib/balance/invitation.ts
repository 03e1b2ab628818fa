// The public invitation to under-represented regions: the secretariat's own text, with the regional targets the
// published contributions do not meet yet. Targets inform; they never hold an input back.
import "server-only";
import { db } from "../db/client";
import { getBalancePolicy } from "./policy";
import { TARGET_FIELDS, TARGET_KEY } from "./schema";
import { localizedInvitation } from "./invitation-text";
import type { Localized } from "../i18n/content";

export interface RegionalInvitation {
  /** the secretariat's text in the reader's language when translated (translation editor), else the original */
  texts: Localized<{ invitation: string }>;
  /** the regions (UN regional groups, or "developing") below their minimum share, with target and current share */
  below: { key: string; minShare: number; share: number }[];
}

/** Null when the policy has no invitation text, no target, or every target is met. `locale`: the reader's language. */
export async function regionalInvitation(consultationId: string, locale: string): Promise<RegionalInvitation | null> {
  const policy = await getBalancePolicy(db, consultationId);
  const fields = TARGET_FIELDS.filter((f) => policy[f] !== null);
  if (!policy.invitation || fields.length === 0) return null;
  const rows = await db.submission.groupBy({ by: ["region", "developing"], where: { consultationId, status: "PUBLISHED", region: { not: "UNKNOWN" } }, _count: { _all: true } });
  const total = rows.reduce((a, r) => a + r._count._all, 0);
  const countOf = (key: string) => rows.filter((r) => (key === "developing" ? r.developing : r.region === key)).reduce((a, r) => a + r._count._all, 0);
  const below = fields.flatMap((f) => {
    const minShare = policy[f] ?? 0;
    const key = TARGET_KEY[f];
    const share = total > 0 ? countOf(key) / total : 0;
    return share + 1e-9 >= minShare ? [] : [{ key, minShare, share }];
  });
  if (below.length === 0) return null;
  const [consultation, translations] = await Promise.all([
    db.consultation.findUnique({ where: { id: consultationId }, select: { language: true } }),
    db.balanceInvitationTranslation.findMany({ where: { policy: { consultationId } }, select: { language: true, text: true, sourceHash: true } }),
  ]);
  return { texts: localizedInvitation(policy.invitation, consultation?.language ?? "en", translations, locale), below };
}
