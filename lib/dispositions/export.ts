// The disposition table as downloads: an open-data CSV (RFC 4180, UTF-8 with a BOM, machine values, streamed in
// batches) and a DOCX laid out the way standards bodies publish their "disposition of comments" (landscape, one
// numbered row per comment with the observations of the secretariat, header row repeated on every page, the counts
// by stakeholder group first). Labels come from the caller, in the reader's language.
import { csvRowStream } from "../submissions/csv";
import {
  AlignmentType, Document, Footer, HeadingLevel, Packer, PageNumber, PageOrientation, Paragraph, Table, TableCell, TableRow, TextRun, WidthType,
} from "docx";
import type { StakeholderGroup } from "../db/generated/enums";
import { markdownToText } from "../markdown/render";
import { DISPOSITION_KINDS, type DispositionKindName } from "./kinds";
import type { DispositionCounts, DispositionTableRow } from "./queries";

export const SUMMARY_LENGTH = 300;

/** The comment as a table shows it: plain text, cut at a word with an ellipsis past SUMMARY_LENGTH (the full text is linked). */
export function commentSummary(body: string, length = SUMMARY_LENGTH): string {
  const text = markdownToText(body);
  if (text.length <= length) return text;
  const cut = text.slice(0, length - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > length * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

export const DISPOSITION_CSV_COLUMNS = [
  "no", "comment_id", "url", "paragraph", "section", "stakeholder_group", "commenter", "organisation", "commented_at",
  "comment_summary", "comment", "proposed_text", "disposition", "reason", "new_paragraph", "new_paragraph_url",
  "revision", "answered_at", "edited_since_answer",
] as const;

export interface CsvLinks {
  comment: (row: DispositionTableRow) => string;
  newParagraph: (row: DispositionTableRow) => string;
}

export function dispositionCsvRow(row: DispositionTableRow, links: CsvLinks): string[] {
  return [
    String(row.no), row.commentId, links.comment(row), row.paragraphNumber === null ? "" : String(row.paragraphNumber), row.section ?? "",
    row.group, row.authorName, row.organisationName ?? "", row.createdAt.toISOString(), commentSummary(row.body), row.body, row.proposedText ?? "",
    row.kind ?? "", row.reason, row.newParagraph ? String(row.newParagraph.number) : "", row.newParagraph ? links.newParagraph(row) : "",
    String(row.revision), row.answeredAt?.toISOString() ?? "", row.editedSince ? "true" : "false",
  ];
}

/** The disposition table as a CSV stream (the same writer as the contributions CSV). */
export function dispositionCsvStream(batches: AsyncIterable<DispositionTableRow[]>, links: CsvLinks): ReadableStream<Uint8Array> {
  return csvRowStream(DISPOSITION_CSV_COLUMNS, batches, (row) => dispositionCsvRow(row, links));
}

export interface DocxLabels {
  title: string;
  subtitle: string;
  intro: string;
  countsTitle: string;
  tableTitle: string;
  columns: { no: string; paragraph: string; group: string; commenter: string; comment: string; disposition: string; reason: string; newParagraph: string };
  countsColumns: { group: string; comments: string; none: string };
  allGroups: string;
  kinds: Record<DispositionKindName, string>;
  noAnswer: string;
  groups: Record<StakeholderGroup, string>;
  wholeDraft: string;
  proposed: string;
  editedSince: string;
  revised: string;
  empty: string;
  /** "Page {current} of {total}" split around the two numbers */
  page: [string, string, string];
  /** right-to-left layout (Arabic) */
  rtl: boolean;
}

const WIDTHS = { no: 4, paragraph: 5, group: 10, commenter: 12, comment: 27, disposition: 9, reason: 27, newParagraph: 6 } as const;

export async function renderDispositionDocx(rows: DispositionTableRow[], counts: DispositionCounts, labels: DocxLabels): Promise<Buffer> {
  const bidi = labels.rtl;
  const p = (text: string, opts: { bold?: boolean; italics?: boolean; size?: number; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {}) =>
    new Paragraph({ bidirectional: bidi, alignment: opts.align, children: [new TextRun({ text, bold: opts.bold, italics: opts.italics, size: opts.size, rightToLeft: bidi })] });
  const cell = (children: Paragraph[], width: number, header = false) =>
    new TableCell({ width: { size: width, type: WidthType.PERCENTAGE }, shading: header ? { fill: "E7E5E4" } : undefined, children });
  const small = 18; // 9 pt: a comment table is dense

  const countRows = [...counts.groups.map((g) => ({ label: labels.groups[g.group], cell: g })), { label: labels.allGroups, cell: counts.all }];
  const countHeader = [labels.countsColumns.group, labels.countsColumns.comments, ...DISPOSITION_KINDS.map((k) => labels.kinds[k]), labels.countsColumns.none];
  const countsTable = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    visuallyRightToLeft: bidi,
    rows: [
      new TableRow({ tableHeader: true, children: countHeader.map((h, i) => cell([p(h, { bold: true, size: small, align: i === 0 ? AlignmentType.START : AlignmentType.END })], i === 0 ? 23 : 11, true)) }),
      ...countRows.map((r, index) =>
        new TableRow({
          children: [r.label, r.cell.total, ...DISPOSITION_KINDS.map((k) => r.cell.byKind[k]), r.cell.none].map((v, i) =>
            cell([p(String(v), { size: small, bold: index === countRows.length - 1, align: i === 0 ? AlignmentType.START : AlignmentType.END })], i === 0 ? 23 : 11),
          ),
        }),
      ),
    ],
  });

  const c = labels.columns;
  const header = new TableRow({
    tableHeader: true,
    children: [
      cell([p(c.no, { bold: true, size: small })], WIDTHS.no, true), cell([p(c.paragraph, { bold: true, size: small })], WIDTHS.paragraph, true),
      cell([p(c.group, { bold: true, size: small })], WIDTHS.group, true), cell([p(c.commenter, { bold: true, size: small })], WIDTHS.commenter, true),
      cell([p(c.comment, { bold: true, size: small })], WIDTHS.comment, true), cell([p(c.disposition, { bold: true, size: small })], WIDTHS.disposition, true),
      cell([p(c.reason, { bold: true, size: small })], WIDTHS.reason, true), cell([p(c.newParagraph, { bold: true, size: small })], WIDTHS.newParagraph, true),
    ],
  });
  const body = rows.map((r) => {
    const comment = [p(commentSummary(r.body), { size: small })];
    if (r.proposedText) comment.push(p(`${labels.proposed} ${commentSummary(r.proposedText)}`, { size: small, italics: true }));
    const reason = [p(r.reason, { size: small })];
    if (r.revision > 1) reason.push(p(labels.revised, { size: small, italics: true }));
    if (r.editedSince) reason.push(p(labels.editedSince, { size: small, italics: true }));
    return new TableRow({
      cantSplit: false,
      children: [
        cell([p(String(r.no), { size: small })], WIDTHS.no),
        cell([p(r.paragraphNumber === null ? labels.wholeDraft : String(r.paragraphNumber), { size: small })], WIDTHS.paragraph),
        cell([p(labels.groups[r.group], { size: small })], WIDTHS.group),
        cell([p([r.authorName, r.organisationName].filter(Boolean).join(", "), { size: small })], WIDTHS.commenter),
        cell(comment, WIDTHS.comment),
        cell([p(r.kind ? labels.kinds[r.kind] : labels.noAnswer, { size: small, bold: r.kind !== null })], WIDTHS.disposition),
        cell(reason, WIDTHS.reason),
        cell([p(r.newParagraph ? String(r.newParagraph.number) : "—", { size: small })], WIDTHS.newParagraph),
      ],
    });
  });

  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, bidirectional: bidi, children: [new TextRun({ text: labels.title, rightToLeft: bidi })] }),
    p(labels.subtitle, { italics: true }),
    p(labels.intro),
    new Paragraph({ heading: HeadingLevel.HEADING_1, bidirectional: bidi, children: [new TextRun({ text: labels.countsTitle, rightToLeft: bidi })] }),
    countsTable,
    new Paragraph({ heading: HeadingLevel.HEADING_1, bidirectional: bidi, children: [new TextRun({ text: labels.tableTitle, rightToLeft: bidi })] }),
    rows.length === 0 ? p(labels.empty, { italics: true }) : new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, visuallyRightToLeft: bidi, rows: [header, ...body] }),
  ];
  const doc = new Document({
    title: labels.title,
    creator: "Agora",
    sections: [{
      properties: { page: { size: { orientation: PageOrientation.LANDSCAPE }, margin: { top: 1000, bottom: 1000, left: 1000, right: 1000 } } },
      footers: {
        default: new Footer({
          children: [new Paragraph({ alignment: AlignmentType.CENTER, bidirectional: bidi, children: [new TextRun({ size: small, children: [labels.page[0], PageNumber.CURRENT, labels.page[1], PageNumber.TOTAL_PAGES, labels.page[2]] })] })],
        }),
      },
      children,
    }],
  });
  return Packer.toBuffer(doc);
}
