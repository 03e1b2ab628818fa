// Tells whether the inputs of a consultation changed since its synthesis draft was built: one aggregate query,
// where building reads every published input (minutes at 100,000 submissions).
import "server-only";
import { Prisma } from "../db/generated/client";
import type { Tx } from "../db/client";

/**
 * Everything the model is built from: published submissions and comments, session turns (and their speakers'
 * mapping), published remote messages (count, and a sum of update
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
      (SELECT count(*) || ':' || coalesce(max(t."createdAt")::text, '') || ':' || coalesce(sum(hashtext(t.id || t."stakeholderGroup"::text || coalesce(t."speakerId", ''))), 0)
         FROM "SessionTurn" t WHERE t."consultationId" = ${consultationId}),
      (SELECT count(*) || ':' || coalesce(sum(extract(epoch FROM m."updatedAt")), 0)
         FROM "RemoteMessage" m WHERE m."consultationId" = ${consultationId} AND m.status = 'PUBLISHED'),
      (SELECT coalesce(string_agg(sp.id || sp.name, ',' ORDER BY sp.id), '')
         FROM "Speaker" sp WHERE sp.id IN (SELECT "speakerId" FROM "SessionTurn" WHERE "consultationId" = ${consultationId})),
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
