// A proposed replacement shown as a word diff against the paragraph it was proposed for.
import { getTranslations } from "next-intl/server";
import { wordDiff, type DiffSegment } from "@/lib/drafts/compare";

export async function DiffText({ before, after }: { before: string; after: string }) {
  return <DiffSegments segments={wordDiff(before, after)} />;
}

/** Segments of a word diff; each change carries a text marker for screen readers besides its styling. */
export async function DiffSegments({ segments }: { segments: DiffSegment[] }) {
  const t = await getTranslations("drafts");
  return (
    <span dir="auto">
      {segments.map((part, i) =>
        part.type === "same" ? (
          <span key={i}>{part.text}</span>
        ) : part.type === "removed" ? (
          <del key={i} className="bg-red-50 text-red-900 line-through"><span className="sr-only">{t("removedText")} </span>{part.text}</del>
        ) : (
          <ins key={i} className="bg-green-50 text-green-900 underline"><span className="sr-only">{t("addedText")} </span>{part.text}</ins>
        ),
      )}
    </span>
  );
}

export async function ProposalDiff({ before, after }: { before: string; after: string }) {
  const t = await getTranslations("comments");
  return (
    <figure className="mt-2 rounded border border-stone-300 bg-white p-3">
      <figcaption className="text-sm font-semibold text-stone-800">{t("proposal")}</figcaption>
      <p className="mt-1 whitespace-pre-wrap"><DiffText before={before} after={after} /></p>
      <p className="mt-1 text-xs text-stone-700">{t("proposalLegend")}</p>
    </figure>
  );
}
