// The secretariat's edits applied to a generated synthesis: the draft as it is read, exported and snapshotted.
//
// Edits are stored in order (SynthesisEdit) and refer to points by their stable key, so the same edits replayed on a
// regenerated document keep their effect: a rewritten point keeps its text (and is flagged when the statements behind
// it changed since), a merged point stays merged, a point set aside stays aside. Pure: same document and edits, same
// result, which is what makes exports byte-identical.
import { z } from "zod";
import type { StakeholderGroup } from "../db/generated/enums";
import { kindAttribution, leadingVoice, paperPhrases, sectionLetter, sortGroups, type KindGroups, type PaperPhrases } from "./phrases";
import { pointText, type GeneratedDocument, type GeneratedPoint } from "./build";
import { shortenAtClause } from "./text";
import type { SynthesisModel, SynthesisPointModel } from "./model";

export const EDIT_ACTIONS = ["rewrite", "restore", "merge", "split", "move", "reorder", "setAside", "reinstate", "review"] as const;
export type EditAction = (typeof EDIT_ACTIONS)[number];

export const EditPayloadSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("rewrite"), text: z.string().trim().min(1, { error: "textRequired" }).max(5000, { error: "textTooLong" }) }),
  z.object({ action: z.literal("restore") }),
  z.object({ action: z.literal("merge"), into: z.string().min(1, { error: "targetRequired" }) }),
  z.object({ action: z.literal("split"), statementKeys: z.array(z.string()).min(1, { error: "splitNone" }), newKey: z.string().min(1) }),
  z.object({ action: z.literal("move"), section: z.string() }),
  z.object({ action: z.literal("reorder"), direction: z.enum(["up", "down"]) }),
  z.object({ action: z.literal("setAside"), reason: z.string().trim().min(3, { error: "reasonRequired" }).max(1000, { error: "reasonTooLong" }) }),
  z.object({ action: z.literal("reinstate") }),
  z.object({ action: z.literal("review") }),
]);
export type EditPayload = z.infer<typeof EditPayloadSchema>;

export interface EditRecord {
  pointKey: string;
  payload: EditPayload;
  /** the point's membersHash when the edit was made */
  membersHash: string;
}

interface Working {
  point: GeneratedPoint;
  section: string;
  text: string | null;
  setAside: string | null;
  mergedInto: string | null;
  /** membersHash the secretariat last saw when editing or reviewing */
  seenHash: string | null;
}

function recount(phrases: PaperPhrases, doc: GeneratedDocument, point: GeneratedPoint): GeneratedPoint {
  const units = new Map<string, { group: StakeholderGroup; kind: keyof KindGroups }>();
  for (const u of point.sourceUnits) units.set(`${u.kind ?? "submission"}:${u.unit}`, { group: u.group, kind: u.kind ?? "submission" });
  const counts = new Map<StakeholderGroup, number>();
  const byKind: KindGroups = {};
  for (const { group, kind } of units.values()) {
    counts.set(group, (counts.get(group) ?? 0) + 1);
    const list = byKind[kind] ?? (byKind[kind] = []);
    const same = list.find((g) => g.group === group);
    if (same) same.count++;
    else list.push({ group, count: 1 });
  }
  // Statements beyond those listed keep the counts they had (large points are only merged or split by what is listed).
  const listed = point.sourceUnits.length >= point.statements;
  const groups = listed ? sortGroups([...counts.entries()].map(([group, count]) => ({ group, count }))) : point.groups;
  const kinds: KindGroups = listed ? byKind : point.kinds ?? { submission: point.groups };
  const support = groups.reduce((n, g) => n + g.count, 0);
  const allowed = (g: StakeholderGroup) => doc.settings.naming === "ALL" || (doc.settings.naming === "INTERGOVERNMENTAL" && g === "INTERGOVERNMENTAL_ORGANISATION");
  const nameable = point.sourceUnits.filter((u) => u.organisation && allowed(u.group)).map((u) => ({ group: u.group, name: u.organisation ?? "" }));
  const named = [...new Set(nameable.map((n) => n.name))].sort();
  const bases = { submission: doc.counts.contributors, turn: doc.counts.speakers ?? 0, message: doc.counts.remoteAuthors ?? 0 };
  const who = kindAttribution(phrases, kinds, bases, doc.settings.quantifiers, nameable);
  const next = { ...point, groups, support, named, attribution: who, kinds, voice: leadingVoice(kinds) };
  return { ...next, text: pointText(phrases, next) };
}

/**
 * Applies the edits in order to a generated document: the synthesis as the secretariat has made it. Annex I is not
 * in the document (it is one row per submission): `cite` tells what the edited draft says of each entry, and
 * lib/synthesis/annex.ts reads the entries in pages to fill the coverage check and, where wanted, the annex.
 */
export function applyEdits(doc: GeneratedDocument, edits: EditRecord[], setAsideInputs: { submissionId: string; reason: string }[] = []): EditedDraft {
  const phrases = paperPhrases(doc.settings.language);
  const working = new Map<string, Working>();
  const order = new Map<string, string[]>();
  for (const s of doc.sections) order.set(s.key, []);
  for (const point of doc.points) {
    working.set(point.key, { point, section: point.section, text: null, setAside: null, mergedInto: null, seenHash: null });
    if (!order.has(point.section)) order.set(point.section, []);
    order.get(point.section)?.push(point.key);
  }
  const remove = (key: string, section: string) => order.set(section, (order.get(section) ?? []).filter((k) => k !== key));

  for (const edit of edits) {
    const w = working.get(edit.pointKey);
    if (!w || w.mergedInto) continue;
    const p = edit.payload;
    switch (p.action) {
      case "rewrite":
        w.text = p.text;
        w.seenHash = edit.membersHash;
        break;
      case "restore":
        w.text = null;
        w.seenHash = null;
        break;
      case "review":
        w.seenHash = w.point.membersHash;
        break;
      case "setAside":
        w.setAside = p.reason;
        break;
      case "reinstate":
        w.setAside = null;
        break;
      case "move":
        if (!order.has(p.section) || p.section === w.section) break;
        remove(edit.pointKey, w.section);
        w.section = p.section;
        order.get(p.section)?.push(edit.pointKey);
        break;
      case "reorder": {
        const list = order.get(w.section) ?? [];
        const i = list.indexOf(edit.pointKey);
        const j = p.direction === "up" ? i - 1 : i + 1;
        if (i < 0 || j < 0 || j >= list.length) break;
        [list[i], list[j]] = [list[j] ?? edit.pointKey, edit.pointKey];
        break;
      }
      case "merge": {
        let target = working.get(p.into);
        while (target?.mergedInto) target = working.get(target.mergedInto);
        if (!target || target === w) break;
        const merged: GeneratedPoint = {
          ...target.point,
          sources: [...target.point.sources, ...w.point.sources],
          sourceUnits: [...target.point.sourceUnits, ...w.point.sourceUnits],
          statements: target.point.statements + w.point.statements,
          supporting: [...target.point.supporting, w.point.quote, ...w.point.supporting].slice(0, 6),
          overBalance: target.point.overBalance + w.point.overBalance,
          campaigns: [...target.point.campaigns, ...w.point.campaigns],
          membersHash: `${target.point.membersHash}+${w.point.membersHash}`,
        };
        target.point = recount(phrases, doc, merged);
        w.mergedInto = target.point.key;
        remove(edit.pointKey, w.section);
        break;
      }
      case "split": {
        const moved = new Set(p.statementKeys);
        const keep = w.point.sourceUnits.filter((u) => !moved.has(u.statementKey));
        const take = w.point.sourceUnits.filter((u) => moved.has(u.statementKey));
        if (take.length === 0 || keep.length === 0 || working.has(p.newKey)) break;
        const indexOf = (u: { statementKey: string }) => w.point.sourceUnits.indexOf(u as GeneratedPoint["sourceUnits"][number]);
        const sourcesOf = (units: typeof keep) => units.map((u) => w.point.sources[indexOf(u)]).filter((s): s is NonNullable<typeof s> => s !== undefined);
        const newSources = sourcesOf(take);
        const first = newSources[0];
        if (!first) break;
        const short = shortenAtClause(first.sentence);
        const quoteLanguage = w.point.quote.source.id === first.id ? w.point.quote.language : [w.point.quote, ...w.point.supporting].find((q) => q.source.id === first.id)?.language ?? w.point.quote.language;
        const fresh: GeneratedPoint = recount(phrases, doc, {
          ...w.point,
          key: p.newKey,
          quote: { parts: [short.text], items: [], cutStart: short.cutStart, cutEnd: short.cutEnd, language: quoteLanguage, source: first },
          supporting: [],
          sources: newSources,
          sourceUnits: take,
          statements: take.length,
          overBalance: 0,
          campaigns: [],
          membersHash: `${w.point.membersHash}/${take.map((u) => u.statementKey).sort().join(",")}`,
          flags: { isNew: false, sourcesChanged: false },
        });
        const rest: GeneratedPoint = { ...w.point, sources: sourcesOf(keep), sourceUnits: keep, statements: w.point.statements - take.length };
        // The quote stays with the part it came from.
        if (moved.has(w.point.sourceUnits.find((u) => u.reference === w.point.quote.source.reference)?.statementKey ?? "")) {
          const other = sourcesOf(keep)[0];
          if (other) {
            const s = shortenAtClause(other.sentence);
            rest.quote = { ...w.point.quote, parts: [s.text], items: [], cutStart: s.cutStart, cutEnd: s.cutEnd, source: other };
          }
        }
        w.point = recount(phrases, doc, rest);
        working.set(p.newKey, { point: fresh, section: w.section, text: null, setAside: null, mergedInto: null, seenHash: null });
        const list = order.get(w.section) ?? [];
        list.splice(list.indexOf(edit.pointKey) + 1, 0, p.newKey);
        break;
      }
    }
  }

  // ---- Numbering: introduction, then sections (body numbered, further points listed), then comments ----
  const intro = introParagraphs(phrases, doc);
  let number = 0;
  const next = () => ++number;
  const introNumbered = intro.map((text) => ({ number: next(), text }));
  const numberOf = new Map<string, string>();
  const toModel = (w: Working, n: number | null): SynthesisPointModel => {
    const { section: _section, owner: _owner, sourceUnits: _units, kinds: _kinds, ...rest } = w.point;
    const edited = w.text !== null;
    return {
      ...rest,
      number: n,
      text: w.text ?? w.point.text,
      edited,
      setAsideReason: w.setAside,
      flags: { isNew: w.point.flags.isNew, sourcesChanged: edited && w.seenHash !== null && w.seenHash !== w.point.membersHash },
    };
  };
  const setAside: SynthesisPointModel[] = [];
  const themes = doc.sections.map((section, index) => {
    const letter = sectionLetter(index);
    const keys = order.get(section.key) ?? [];
    const active: Working[] = [];
    for (const key of keys) {
      const w = working.get(key);
      if (!w || w.mergedInto) continue;
      if (w.setAside) setAside.push(toModel(w, null));
      else active.push(w);
    }
    const paragraphs = active.slice(0, doc.settings.bodyPoints).map((w) => {
      const n = next();
      numberOf.set(w.point.key, String(n));
      return toModel(w, n);
    });
    const further = active.slice(doc.settings.bodyPoints).map((w) => {
      numberOf.set(w.point.key, letter);
      return toModel(w, null);
    });
    return { key: section.key, letter, slug: section.slug, title: section.title, submissions: section.submissions, paragraphs, further };
  });
  const commentsLetter = sectionLetter(doc.sections.length);
  const comments = doc.comments
    ? {
        letter: commentsLetter,
        title: phrases.t("headings.comments"),
        intro: { number: next(), text: phrases.t("commentsIntro", { comments: doc.counts.comments }) },
        paragraphs: doc.comments.paragraphs.map((p) => ({ ...p, number: next(), text: commentText(phrases, p) })),
      }
    : null;
  if (comments) {
    const last = introNumbered.at(-1);
    if (last && last.text === "") last.text = phrases.t("intro.comments", { comments: doc.counts.comments, commenters: doc.counts.commenters, letter: commentsLetter });
  }

  // ---- Coverage and Annex I ----
  const resolve = (key: string): Working | undefined => {
    let w = working.get(key);
    while (w?.mergedInto) w = working.get(w.mergedInto);
    return w;
  };
  const aside = new Map(setAsideInputs.map((s) => [s.submissionId, s.reason]));
  // Points by the references of their listed statements, once (not a scan of every point per contribution).
  const pointsOfReference = new Map<string, string[]>();
  for (const w of working.values()) {
    if (w.mergedInto) continue;
    for (const reference of new Set(w.point.sourceUnits.map((u) => u.reference))) {
      const list = pointsOfReference.get(reference);
      if (list) list.push(w.point.key);
      else pointsOfReference.set(reference, [w.point.key]);
    }
  }
  const cite = (s: AnnexSubmission): AnnexCitation => {
    // Split points take statements with them: a submission cites the points its statements now sit in.
    const keys = new Set<string>();
    for (const key of s.pointKeys) {
      const w = resolve(key);
      if (w) keys.add(w.point.key);
    }
    for (const key of pointsOfReference.get(s.reference) ?? []) keys.add(resolve(key)?.point.key ?? key);
    const live = [...keys].filter((k) => numberOf.has(k));
    const paragraphs = [...new Set(live.map((k) => numberOf.get(k) ?? ""))].sort((a, b) => Number(a) - Number(b) || (a < b ? -1 : a > b ? 1 : 0));
    if (paragraphs.length > 0) return { paragraphs, setAside: null };
    const reasons = [...keys].map((k) => working.get(k)?.setAside).filter((r): r is string => Boolean(r));
    if (aside.has(s.id) || reasons.length > 0) return { paragraphs, setAside: aside.get(s.id) ?? reasons[0] ?? "" };
    return { paragraphs, setAside: null };
  };
  const coverage: SynthesisModel["coverage"] = { total: doc.counts.submissions, cited: 0, setAside: [], uncited: [] };

  const model: SynthesisModel = {
    version: 2,
    language: phrases.locale,
    title: phrases.t("title", { title: doc.consultation.title }),
    consultation: { slug: doc.consultation.slug, title: doc.consultation.title },
    period: doc.period,
    asOf: doc.asOf,
    counts: doc.counts,
    byGroup: doc.byGroup,
    byRegion: doc.byRegion,
    intro: introNumbered.filter((p) => p.text !== ""),
    themes,
    comments,
    setAside,
    coverage,
    annexI: [],
    annexII: doc.glossary,
  };
  return { model, cite };
}

/** A submission as Annex I lists it, before the edits say which paragraphs cite it. */
export interface AnnexSubmission {
  id: string;
  reference: string;
  /** keys of the build's points with statements of this submission */
  pointKeys: string[];
}

/** What Annex I says of a submission: the paragraphs (numbers, or a section letter) citing it, or why it was set aside. */
export interface AnnexCitation {
  paragraphs: string[];
  setAside: string | null;
}

/** The edited draft: the model (Annex I and coverage still to be filled from the annex entries) and the annex's rule. */
export interface EditedDraft {
  model: SynthesisModel;
  cite(submission: AnnexSubmission): AnnexCitation;
}

/** Counts one Annex I entry into the coverage check: cited, set aside with its reason, or neither. */
export function countCoverage(coverage: SynthesisModel["coverage"], s: { id: string; reference: string; title: string }, citation: AnnexCitation): void {
  if (citation.paragraphs.length > 0) coverage.cited++;
  else if (citation.setAside !== null) coverage.setAside.push({ id: s.id, reference: s.reference, title: s.title, reason: citation.setAside });
  else coverage.uncited.push({ id: s.id, reference: s.reference, title: s.title });
}

function introParagraphs(phrases: PaperPhrases, doc: GeneratedDocument): string[] {
  const { t } = phrases;
  const c = doc.counts;
  const out: string[] = [];
  if (c.submissions === 0) out.push(t("intro.none", { title: doc.consultation.title }));
  else {
    out.push(t("intro.summary", { submissions: c.submissions, contributors: c.contributors, title: doc.consultation.title }));
    out.push(t("intro.groups", { groups: phrases.list(doc.byGroup.map((g) => t("intro.groupEntry", { group: g.label, submissions: g.submissions, contributors: g.contributors }))) }));
    const marks: string[] = [];
    if (c.campaigns > 0) marks.push(t("intro.campaigns", { submissions: c.campaignSubmissions, campaigns: c.campaigns }));
    if (c.overBalance > 0) marks.push(t("intro.overBalance", { count: c.overBalance }));
    if (marks.length) out.push(marks.join(" "));
    out.push(t("intro.structure"));
  }
  // The meetings' record: what of the sessions and the remote stream the paper draws on.
  const turns = c.turns ?? 0;
  const messages = c.remoteMessages ?? 0;
  if (turns > 0) out.push(t("intro.sessions", { sessions: c.sessions ?? 0, turns, speakers: c.speakers ?? 0, procedural: c.proceduralTurns ?? 0 }));
  if (messages > 0) out.push(t("intro.remote", { messages, authors: c.remoteAuthors ?? 0 }));
  // Filled in once the comments section has its letter.
  if (c.comments > 0) out.push("");
  return out;
}

function commentText(phrases: PaperPhrases, p: NonNullable<GeneratedDocument["comments"]>["paragraphs"][number]): string {
  const { t } = phrases;
  const where = p.anchorId === null
    ? t("commentsWhole", { draft: p.draftTitle })
    : p.draftNumber
      ? `${t("commentsParagraph", { number: p.draftNumber, draft: p.draftTitle })}${p.excerpt ? ` (${t("quoteOpen")}${p.excerpt}${t("quoteClose")})` : ""}`
      : `${t("commentsRemoved", { draft: p.draftTitle })}${p.excerpt ? ` (${t("quoteOpen")}${p.excerpt}${t("quoteClose")})` : ""}`;
  const groups = phrases.list(p.groups.map((g) => t("commentsGroup", { count: g.count, group: t(`group.${g.count === 1 ? "one" : "other"}.${g.group}`) })));
  const points = p.points.length
    ? ` ${t("commentsPoints", { points: p.points.map((q) => t("commentsPoint", { quote: `${t("quoteOpen")}${q.quote}${q.truncated ? ` ${t("elision")}` : ""}${t("quoteClose")}`, support: q.support })).join("; ") })}`
    : "";
  return `${t("commentsReceived", { where, total: p.total, groups })}${points}`;
}
