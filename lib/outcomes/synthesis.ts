// What became of a contribution, on the synthesis' side: the paragraphs of the published synthesis paper that cite
// it, or the secretariat's reason for setting it aside (from lib/synthesis' citationsOfSubmission), and, for the
// round's closing page, how many contributions of each stakeholder group the published paper cites. Read from the
// stored snapshot when the page is read; nothing is stored twice.
import "server-only";
import { db } from "../db/client";
import type { StakeholderGroup } from "../db/generated/enums";
import { SynthesisModelSchema, type SynthesisModel } from "../synthesis/model";
import { citationsOfSubmission } from "../synthesis/service";

export interface CitedParagraph {
  /** the paragraph number as printed ("12"), or a section letter ("B") for the further points of that section */
  label: string;
  kind: "paragraph" | "further";
  /** the section's title (the theme) */
  section: string | null;
  /** the paragraph as printed in the paper; null for further points (several points, listed in the paper) */
  text: string | null;
}

export interface SynthesisFate {
  document: "live" | "published";
  snapshot: number | null;
  paragraphs: CitedParagraph[];
  setAside: string | null;
}

async function publishedModel(consultationId: string): Promise<{ number: number; model: SynthesisModel } | null> {
  const row = await db.synthesisDraft.findFirst({
    where: { consultationId, published: true, consultation: { status: "PUBLISHED" } },
    orderBy: { number: "desc" },
    select: { number: true, model: true },
  });
  if (!row) return null;
  const parsed = SynthesisModelSchema.safeParse(row.model);
  return parsed.success ? { number: row.number, model: parsed.data } : null;
}

function describe(model: SynthesisModel | null, label: string): CitedParagraph {
  if (model) {
    for (const section of model.themes) {
      if (section.letter === label) return { label, kind: "further", section: section.title, text: null };
      const p = section.paragraphs.find((x) => String(x.number) === label);
      if (p) return { label, kind: "paragraph", section: section.title, text: p.text };
    }
  }
  return { label, kind: /^\d+$/.test(label) ? "paragraph" : "further", section: null, text: null };
}

/**
 * The synthesis' answer for one contribution: the published paper's paragraphs that cite it (or its set-aside
 * reason); with `includeLive` (the secretariat only), the live draft's as well. Empty when the contribution is in
 * no synthesis yet.
 */
export async function synthesisFateOf(reference: string, options: { includeLive?: boolean } = {}): Promise<SynthesisFate[]> {
  const submission = await db.submission.findUnique({ where: { reference }, select: { id: true, consultationId: true, status: true } });
  if (!submission || submission.status !== "PUBLISHED") return [];
  const citations = await citationsOfSubmission(db, submission.id);
  const wanted = citations.filter((c) => c.document === "published" || options.includeLive);
  if (wanted.length === 0) return [];
  const published = wanted.some((c) => c.document === "published") ? await publishedModel(submission.consultationId) : null;
  return wanted.map((c) => ({
    document: c.document,
    snapshot: c.snapshot,
    // The live draft's text changes with every edit: only the numbers are shown for it.
    paragraphs: c.paragraphs.map((label) => describe(c.document === "published" && published?.number === c.snapshot ? published.model : null, label)),
    setAside: c.setAside,
  }));
}

export interface GroupCitation {
  group: StakeholderGroup;
  /** contributions of the group listed in the paper's annex (published when the snapshot was built) */
  listed: number;
  /** cited by at least one paragraph (body or further points) */
  cited: number;
  setAside: number;
}

/** Per stakeholder group, how many contributions the latest published synthesis cites (from its annex). */
export async function synthesisCitationsByGroup(consultationId: string): Promise<{ snapshot: number; groups: GroupCitation[] } | null> {
  const published = await publishedModel(consultationId);
  if (!published) return null;
  const groups = published.model.annexI.map((g): GroupCitation => {
    const subs = g.contributors.flatMap((c) => c.submissions);
    return {
      group: g.group,
      listed: subs.length,
      cited: subs.filter((s) => s.paragraphs.length > 0).length,
      setAside: subs.filter((s) => s.paragraphs.length === 0 && s.setAside !== null).length,
    };
  });
  return { snapshot: published.number, groups };
}
