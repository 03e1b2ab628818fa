// GET /api/v1/consultations/{slug}/drafts/{draft}/dispositions?version=N&format=json|csv|docx: the disposition
// table of a draft version (docs/api.md). DOCX headings are in the reader's language (?lang=, else cookie/header).
import { getFormatter, getTranslations } from "next-intl/server";
import { apiError, baseUrlOf } from "@/lib/submissions/api";
import { allDispositionRows, findDispositionTable, latestAnchorsOf, versionDispositionCounts, type DispositionTableRow } from "@/lib/dispositions/queries";
import { commentSummary, dispositionCsvStream, renderDispositionDocx, type DocxLabels } from "@/lib/dispositions/export";
import { DISPOSITION_KINDS } from "@/lib/dispositions/kinds";
import { commentHref } from "@/lib/dispositions/view";
import { INPUT_GROUPS } from "@/lib/stakeholders/groups";
import { directionOf, isLocale } from "@/lib/i18n/config";
import { resolveLocale } from "@/lib/i18n/request";

export const dynamic = "force-dynamic";

const FORMATS = ["json", "csv", "docx"] as const;

export async function GET(request: Request, { params }: { params: Promise<{ slug: string; draft: string }> }) {
  const { slug, draft: draftSlug } = await params;
  const search = new URL(request.url).searchParams;
  const format = search.get("format") ?? "json";
  if (!(FORMATS as readonly string[]).includes(format)) return apiError(400, "invalid_parameters", "format must be json, csv or docx.", { parameters: ["format"] });
  const lang = search.get("lang");
  if (lang !== null && !isLocale(lang)) return apiError(400, "invalid_parameters", "lang must be one of the supported languages.", { parameters: ["lang"] });
  const found = await findDispositionTable(slug, draftSlug, { version: search.get("version") ?? undefined, group: search.get("group") ?? undefined, kind: search.get("kind") ?? undefined });
  if (!found.ok) {
    if (found.error === "invalidQuery") return apiError(400, "invalid_parameters", "version must be a version number; group and kind must be known values.", { parameters: ["version", "group", "kind"] });
    if (found.error === "noResponses") return apiError(404, "no_responses", "This version has no later version yet, so its comments have no answers.");
    return apiError(404, "not_found", "No published consultation has this draft, or the draft has no such version.");
  }
  const { context, query } = found;
  const base = baseUrlOf(request);
  const draftBase = `/consultations/${slug}/drafts/${draftSlug}`;
  const latestAnchors = await latestAnchorsOf(context);
  const latest = context.versions.at(-1)?.number ?? context.next.number;
  const urlOf = (row: DispositionTableRow) => `${base}${commentHref(draftBase, row, latestAnchors)}`;
  const paragraphUrl = (row: DispositionTableRow) =>
    row.newParagraph ? `${base}${context.next.number === latest ? draftBase : `${draftBase}/versions/${context.next.number}`}#p-${row.newParagraph.anchorId}` : "";
  const filter = { group: query.group, kind: query.kind };
  const filename = `${slug}-${draftSlug}-v${context.version.number}-dispositions`;

  if (format === "csv") {
    return new Response(dispositionCsvStream(allDispositionRows(context.version.id, filter), { comment: urlOf, newParagraph: paragraphUrl }), {
      headers: { "content-type": "text/csv; charset=utf-8; header=present", "content-disposition": `attachment; filename="${filename}.csv"`, "cache-control": "no-store" },
    });
  }

  const rows: DispositionTableRow[] = [];
  for await (const batch of allDispositionRows(context.version.id, filter)) rows.push(...batch);
  const counts = await versionDispositionCounts(context.version.id);

  if (format === "json") {
    return Response.json({
      consultation: { slug: context.consultation.slug, title: context.consultation.title },
      draft: { slug: context.slug, title: context.title },
      version: { number: context.version.number, publishedAt: context.version.publishedAt.toISOString() },
      answeredIn: { number: context.next.number, publishedAt: context.next.publishedAt.toISOString() },
      counts,
      rows: rows.map((r) => ({
        no: r.no, commentId: r.commentId, url: urlOf(r), paragraph: r.paragraphNumber, section: r.section, stakeholderGroup: r.group,
        commenter: r.authorName, organisation: r.organisationName, commentedAt: r.createdAt.toISOString(), summary: commentSummary(r.body), comment: r.body,
        proposedText: r.proposedText, disposition: r.kind, reason: r.reason, newParagraph: r.newParagraph?.number ?? null, newParagraphUrl: paragraphUrl(r) || null,
        revision: r.revision, answeredAt: r.answeredAt?.toISOString() ?? null, editedSinceAnswer: r.editedSince,
      })),
    }, { headers: { "cache-control": "no-store" } });
  }

  const locale = lang ?? (await resolveLocale());
  const [t, tk, tg, format_] = await Promise.all([
    getTranslations({ locale, namespace: "dispositions.export" }),
    getTranslations({ locale, namespace: "dispositions.kinds" }),
    getTranslations({ locale, namespace: "groups" }),
    getFormatter({ locale }),
  ]);
  const pageOf = t("page", { current: "\u0001", total: "\u0002" });
  const [before = "", middle = "", after = ""] = pageOf.split(/[\u0001\u0002]/);
  const labels: DocxLabels = {
    title: t("title", { draft: context.title, version: context.version.number }),
    subtitle: t("subtitle", { consultation: context.consultation.title, next: context.next.number, date: format_.dateTime(context.next.publishedAt, { dateStyle: "long", timeZone: "UTC" }) }),
    intro: t("intro"),
    countsTitle: t("countsTitle"),
    tableTitle: t("tableTitle"),
    columns: {
      no: t("columns.no"), paragraph: t("columns.paragraph", { version: context.version.number }), group: t("columns.group"), commenter: t("columns.commenter"),
      comment: t("columns.comment"), disposition: t("columns.disposition"), reason: t("columns.reason"), newParagraph: t("columns.newParagraph", { version: context.next.number }),
    },
    countsColumns: { group: t("countsColumns.group"), comments: t("countsColumns.comments"), none: t("countsColumns.none") },
    allGroups: t("allGroups"),
    kinds: Object.fromEntries(DISPOSITION_KINDS.map((k) => [k, tk(k)])) as DocxLabels["kinds"],
    noAnswer: t("noAnswer"),
    groups: Object.fromEntries(INPUT_GROUPS.map((g) => [g, tg(g)])) as DocxLabels["groups"],
    wholeDraft: t("wholeDraft"),
    proposed: t("proposed"),
    editedSince: t("editedSince"),
    revised: t("revised"),
    empty: t("empty"),
    page: [before, middle, after],
    rtl: directionOf(locale) === "rtl",
  };
  const body = await renderDispositionDocx(rows, counts, labels);
  return new Response(new Uint8Array(body), {
    headers: {
      "content-type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "content-disposition": `attachment; filename="${filename}.docx"`,
      "cache-control": "no-store",
    },
  });
}
