// Annex I of the live draft, read in pages. A build writes one SynthesisAnnexEntry row per published submission
// (lib/synthesis/build.ts); the edited draft says which paragraphs cite each one (EditedDraft.cite). Renderers take
// the annex as pages of rows, so a download of a round of 100,000 contributions never holds the annex whole, and a
// snapshot, which stores the annex inside its model, gives the same pages from memory: same rows, same bytes.
import type { Tx } from "../db/client";
import type { StakeholderGroup } from "../db/generated/enums";
import { countCoverage, type EditedDraft } from "./edits";
import type { SynthesisModel } from "./model";
import { paperPhrases } from "./phrases";

/** One submission of Annex I as printed, with the group and contributor it is listed under. */
export interface AnnexRow {
  group: StakeholderGroup;
  /** the group's heading in the paper's language */
  label: string;
  /** who the entry is listed under: consecutive rows with the same group and contributor share one name line */
  contributor: string;
  name: string;
  id: string;
  reference: string;
  title: string;
  paragraphs: string[];
  setAside: string | null;
}

/** Annex I in order, a page of rows at a time. */
export type AnnexPages = AsyncIterable<AnnexRow[]>;

export const ANNEX_PAGE_SIZE = 250;

interface EntryRow {
  position: number;
  submissionId: string;
  stakeholderGroup: StakeholderGroup;
  contributor: string;
  name: string;
  reference: string;
  title: string;
  pointKeys: string[] | null;
}

/**
 * The stored Annex I of a build, with what the edited draft says of each entry, `pageSize` rows per query (keyset
 * on the position). The build of `generation` stays readable until the build after next, so a download that began
 * before a rebuild reads the annex it began with.
 */
export async function* storedAnnexPages(client: Tx, consultationId: string, generation: number, draft: EditedDraft, pageSize = ANNEX_PAGE_SIZE): AnnexPages {
  const { t } = paperPhrases(draft.model.language);
  let after = -1;
  for (;;) {
    const rows = await client.$queryRaw<EntryRow[]>`
      SELECT "position", "submissionId", "stakeholderGroup"::text AS "stakeholderGroup", "contributor", "name", "reference", "title", "pointKeys"
      FROM "SynthesisAnnexEntry"
      WHERE "consultationId" = ${consultationId} AND "generation" = ${generation} AND "position" > ${after}
      ORDER BY "position" LIMIT ${pageSize}`;
    if (rows.length === 0) return;
    yield rows.map((r) => {
      const citation = draft.cite({ id: r.submissionId, reference: r.reference, pointKeys: r.pointKeys ?? [] });
      return { group: r.stakeholderGroup, label: t(`group.label.${r.stakeholderGroup}`), contributor: r.contributor, name: r.name, id: r.submissionId, reference: r.reference, title: r.title, ...citation };
    });
    after = rows.at(-1)?.position ?? after;
    if (rows.length < pageSize) return;
  }
}

/** The Annex I a model holds (a snapshot's), row by row. Contributors are told apart by their place in the group. */
export function* modelAnnexRows(model: SynthesisModel): Generator<AnnexRow> {
  for (const group of model.annexI) {
    for (const [index, c] of group.contributors.entries()) {
      for (const s of c.submissions) {
        yield { group: group.group, label: group.label, contributor: String(index), name: c.name, id: "", reference: s.reference, title: s.title, paragraphs: s.paragraphs, setAside: s.setAside };
      }
    }
  }
}

/** The same rows as pages. */
export async function* modelAnnexPages(model: SynthesisModel, pageSize = ANNEX_PAGE_SIZE): AnnexPages {
  let page: AnnexRow[] = [];
  for (const row of modelAnnexRows(model)) {
    page.push(row);
    if (page.length >= pageSize) {
      yield page;
      page = [];
    }
  }
  if (page.length) yield page;
}

/** Where a renderer reads Annex I from: whether it has any entry (known before the first page), and its pages. */
export interface AnnexSource {
  empty: boolean;
  pages(): AnnexPages;
}

/** A model's own Annex I as a source (snapshots, and models read in "collect" mode). */
export function modelAnnex(model: SynthesisModel, pageSize = ANNEX_PAGE_SIZE): AnnexSource {
  return { empty: model.annexI.length === 0, pages: () => modelAnnexPages(model, pageSize) };
}

/** A format's Annex I, written row by row: what each row adds, and what closes the annex (or says it is empty). */
export interface AnnexWriter {
  row(row: AnnexRow): string;
  end(): string;
}

/** A whole document: its text before the annex, the annex's rows, its text after. */
export function writeWhole(head: string, writer: AnnexWriter, rows: Iterable<AnnexRow>, tail: string): string {
  const out = [head];
  for (const row of rows) out.push(writer.row(row));
  out.push(writer.end(), tail);
  return out.join("");
}

/** The same document as chunks: the head, then the annex a page at a time, then the tail. */
export async function* writeChunks(head: string, writer: AnnexWriter, annex: AnnexSource, tail: string): AsyncGenerator<string> {
  yield head;
  for await (const page of annex.pages()) {
    let chunk = "";
    for (const row of page) chunk += writer.row(row);
    yield chunk;
  }
  yield writer.end() + tail;
}

/** Whether a row starts a new group, or a new contributor within its group, after `previous`. */
export function annexBreaks(previous: AnnexRow | null, row: AnnexRow): { group: boolean; contributor: boolean } {
  const group = previous === null || previous.group !== row.group;
  return { group, contributor: group || previous.contributor !== row.contributor };
}

/**
 * Reads the annex once to count the coverage check into the model; with `collect`, also puts the annex into the
 * model (the synthesis page and snapshots want it whole; downloads of the live draft read the pages instead).
 */
export async function completeModel(pages: AnnexPages, draft: EditedDraft, collect: boolean): Promise<SynthesisModel> {
  const model = draft.model;
  let previous: AnnexRow | null = null;
  for await (const page of pages) {
    for (const row of page) {
      countCoverage(model.coverage, row, row);
      if (collect) {
        const breaks = annexBreaks(previous, row);
        if (breaks.group) model.annexI.push({ group: row.group, label: row.label, contributors: [] });
        const group = model.annexI.at(-1);
        if (breaks.contributor) group?.contributors.push({ name: row.name, submissions: [] });
        group?.contributors.at(-1)?.submissions.push({ reference: row.reference, title: row.title, paragraphs: row.paragraphs, setAside: row.setAside });
      }
      previous = row;
    }
  }
  return model;
}
