// Reuses the last built synthesis model while its inputs are unchanged: building reads every published
// input (about 90 s at 100,000 submissions), while the fingerprint below is one aggregate query.
import { Prisma } from "../db/generated/client";
import type { Tx } from "../db/client";
import type { SynthesisModel } from "./model";

const MAX_ENTRIES = 8;

// Module state survives between requests in one server process; each process keeps its own.
const globalCache = globalThis as unknown as { agoraSynthesisCache?: Map<string, { fingerprint: string; model: SynthesisModel }> };

function cache() {
  globalCache.agoraSynthesisCache ??= new Map();
  return globalCache.agoraSynthesisCache;
}

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
      (SELECT "updatedAt"::text FROM "Consultation" WHERE id = ${consultationId})
    ) AS fingerprint`);
  return rows[0]?.fingerprint ?? "";
}

/** The cached model for these inputs, or a fresh build (then cached). */
export async function cachedModel(key: string, fingerprint: string, build: () => Promise<SynthesisModel>): Promise<SynthesisModel> {
  const entries = cache();
  const hit = entries.get(key);
  if (hit && hit.fingerprint === fingerprint) return hit.model;
  const model = await build();
  entries.delete(key);
  entries.set(key, { fingerprint, model });
  while (entries.size > MAX_ENTRIES) {
    const oldest = entries.keys().next().value;
    if (oldest === undefined) break;
    entries.delete(oldest);
  }
  return model;
}
