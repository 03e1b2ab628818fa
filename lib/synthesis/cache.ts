// Tells whether the inputs of a consultation changed since its synthesis draft was built: one aggregate query,
// where building reads every published input (minutes at 100,000 submissions).
import "server-only";
import { Prisma } from "../db/generated/client";
import type { Tx } from "../db/client";

/**
 * Everything the model is built from: published submissions and comments (count, and a sum of update
 * times that moves whenever any of them changes or leaves), themes, drafts, the glossary and the
 * consultation itself. Same fingerprint, same inputs, same model (the build is deterministic).
 */
export async function synthesisFingerprint(client: Tx, consultationId: string): Promise<string> {
  const rows = await client.$queryRaw<{ fingerprint: string }[]>(Prisma.sql`
    SELECT concat_ws('|',
      (SELECT count(*) || ':' || coalesce(sum(extract(epoch FROM s."updatedAt")), 0)
         FROM "Submission" s WHERE s."consultationId" = ${consultationId} AND s.status = 'PUBLISHED'),
      (SELECT count(*) || ':' || coalesce(sum(extract(epoch FROM c."updatedAt")), 0)
         FROM "Comment" c WHERE c."consultationId" = ${consultationId} AND c.status = 'PUBLISHED'),
      (SELECT coalesce(string_agg(t.id || t.slug || t.title || t.position, ',' ORDER BY t.id), '')
         FROM "Theme" t WHERE t."consultationId" = ${consultationId}),
      (SELECT count(*) || ':' || coalesce(max(d."updatedAt")::text, '') || ':' || (SELECT count(*) FROM "DraftVersion" v JOIN "DraftDocument" dd ON dd.id = v."draftId" WHERE dd."consultationId" = ${consultationId})
         FROM "DraftDocument" d WHERE d."consultationId" = ${consultationId}),
      (SELECT count(*) || ':' || coalesce(max(g."updatedAt")::text, '') FROM "GlossaryTerm" g),
      (SELECT "updatedAt"::text FROM "Consultation" WHERE id = ${consultationId}),
      (SELECT coalesce(max("updatedAt")::text, '') FROM "SynthesisSettings" WHERE "consultationId" = ${consultationId})
    ) AS fingerprint`);
  return rows[0]?.fingerprint ?? "";
}
