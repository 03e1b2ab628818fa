// "What became of this contribution": the draft paragraphs the secretariat linked to it (changed after it arrived),
// on the contribution's public page and on its author's own page.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { renderMarkdown } from "@/lib/markdown/render";
import type { LinkedParagraph } from "@/lib/outcomes/links";

export function linkedParagraphHref(consultationSlug: string, p: Pick<LinkedParagraph, "draft" | "version" | "latestVersion" | "anchorId">): string {
  const base = `/consultations/${consultationSlug}/drafts/${p.draft.slug}`;
  return p.version === p.latestVersion ? `${base}?p=${encodeURIComponent(p.anchorId)}#p-${p.anchorId}` : `${base}/versions/${p.version}#p-${p.anchorId}`;
}

export async function WhatBecame({ consultationSlug, paragraphs, headingLevel = 2 }: { consultationSlug: string; paragraphs: LinkedParagraph[]; headingLevel?: 2 | 3 }) {
  const [t, td] = await Promise.all([getTranslations("outcome.contribution"), getTranslations("drafts")]);
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section id="what-became" aria-labelledby="what-became-heading" className="space-y-3">
      <Heading id="what-became-heading" className="text-xl font-semibold">{t("title")}</Heading>
      {paragraphs.length === 0 ? (
        <p className="text-stone-800">{t("none")}</p>
      ) : (
        <>
          <p className="text-stone-800">{t("intro", { count: paragraphs.length })}</p>
          <ul className="space-y-3">
            {paragraphs.map((p) => (
              <li key={p.linkId} className="rounded border border-stone-200 bg-white p-3">
                <p className="font-medium">
                  <Link href={linkedParagraphHref(consultationSlug, p)} className="text-brand-800 underline" dir="auto">
                    {t("paragraph", { draft: p.draft.title, version: p.version, number: p.number })}
                  </Link>
                  <span className="ms-2 inline-block rounded border border-stone-500 bg-stone-100 px-1 text-xs text-stone-800">{td(`change.${p.change}`)}</span>
                </p>
                <div className="prose-user mt-1 border-s-4 border-brand-700 ps-3 text-sm" dir="auto" dangerouslySetInnerHTML={{ __html: renderMarkdown(p.text) }} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
