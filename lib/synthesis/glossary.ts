// glossary: the acronyms Annex II expands. The secretariat edits them; acronyms found in inputs without an entry are listed to fill.
import "server-only";
import { db } from "../db/client";
import { isUniqueViolation, withTransaction } from "../db/transaction";
import { recordAudit } from "../audit/log";
import { hasRole } from "../auth/session-roles";
import { fieldErrorsOf } from "../result";
import { fail, ok, type Result } from "../result";
import { submissionSource } from "./inputs";
import { GlossaryTermSchema } from "./schema";
import { findAcronyms } from "./text";
import type { Actor } from "./service";

export async function listGlossary() {
  const terms = await db.glossaryTerm.findMany({ select: { id: true, acronym: true, expansion: true } });
  return terms.sort((a, b) => a.acronym.localeCompare(b.acronym, "en", { sensitivity: "base" }) || a.acronym.localeCompare(b.acronym));
}

export async function saveGlossaryTerm(actor: Actor | null, id: string | null, raw: unknown): Promise<Result<{ id: string; acronym: string }>> {
  if (!actor || !hasRole(actor, "SECRETARIAT")) return fail("forbidden", undefined, 403);
  const parsed = GlossaryTermSchema.safeParse(raw);
  if (!parsed.success) {
    // One message per problem: an empty acronym breaks both the length and the pattern rule.
    const errors = Object.fromEntries(Object.entries(fieldErrorsOf(parsed.error)).map(([field, keys]) => [field, [...new Set(keys)]]));
    return fail("invalidInput", errors);
  }
  try {
    return await withTransaction(async (tx) => {
      const before = id ? await tx.glossaryTerm.findUnique({ where: { id } }) : null;
      if (id && !before) return fail("notFound", undefined, 404);
      const term = before
        ? await tx.glossaryTerm.update({ where: { id: before.id }, data: parsed.data })
        : await tx.glossaryTerm.create({ data: parsed.data });
      await recordAudit(tx, {
        actorId: actor.id, action: before ? "glossary.update" : "glossary.create", entityType: "GlossaryTerm", entityId: term.id,
        details: before ? { before: { acronym: before.acronym, expansion: before.expansion }, after: parsed.data } : parsed.data,
      });
      return ok({ id: term.id, acronym: term.acronym });
    });
  } catch (error) {
    if (isUniqueViolation(error, "acronym")) return fail("invalidInput", { acronym: ["acronymTaken"] }, 409);
    throw error;
  }
}

export async function deleteGlossaryTerm(actor: Actor | null, id: string): Promise<Result<{ id: string }>> {
  if (!actor || !hasRole(actor, "SECRETARIAT")) return fail("forbidden", undefined, 403);
  return withTransaction(async (tx) => {
    const term = await tx.glossaryTerm.findUnique({ where: { id } });
    if (!term) return fail("notFound", undefined, 404);
    await tx.glossaryTerm.delete({ where: { id } });
    await recordAudit(tx, { actorId: actor.id, action: "glossary.delete", entityType: "GlossaryTerm", entityId: id, details: { acronym: term.acronym, expansion: term.expansion } });
    return ok({ id });
  });
}

/**
 * Acronyms written in a consultation's published submissions that the glossary does not expand, most frequent
 * first. Streams the inputs, so it works on large consultations (at the cost of reading them).
 */
export async function unknownAcronyms(actor: Actor | null, consultationSlug: string, limit = 200): Promise<Result<{ acronym: string; occurrences: number }[]>> {
  if (!actor || !hasRole(actor, "SECRETARIAT")) return fail("forbidden", undefined, 403);
  const consultation = await db.consultation.findUnique({ where: { slug: consultationSlug }, select: { id: true } });
  if (!consultation) return fail("notFound", undefined, 404);
  const known = new Set((await db.glossaryTerm.findMany({ select: { acronym: true } })).map((t) => t.acronym.toLocaleLowerCase("en")));
  const found = new Map<string, number>();
  for await (const batch of submissionSource("").stream(db, consultation.id, 1000)) {
    for (const row of batch) {
      for (const acronym of [...findAcronyms(row.title), ...findAcronyms(row.text), ...findAcronyms(row.attribution.organisation ?? "")]) {
        if (known.has(acronym.toLocaleLowerCase("en"))) continue;
        if (found.has(acronym) || found.size < 5000) found.set(acronym, (found.get(acronym) ?? 0) + 1);
      }
    }
  }
  return ok(
    [...found.entries()]
      .map(([acronym, occurrences]) => ({ acronym, occurrences }))
      .sort((a, b) => b.occurrences - a.occurrences || (a.acronym < b.acronym ? -1 : 1))
      .slice(0, limit),
  );
}
