// The platform's own pages (accessibility statement, privacy notice, terms of participation, help), in the reader's
// language when written or translated, else the original with a "not yet translated" marker.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale } from "next-intl/server";
import { getSitePage } from "@/lib/site-pages/service";
import { renderMarkdown } from "@/lib/markdown/render";
import { directionOf } from "@/lib/i18n/config";
import { TranslationNotice } from "@/components/i18n/translation-notice";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ key: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = await getSitePage((await params).key, await getLocale());
  return page ? { title: page.text.title } : {};
}

export default async function SitePage({ params }: Props) {
  const page = await getSitePage((await params).key, await getLocale());
  if (!page) notFound();
  return (
    <article className="mx-auto max-w-3xl space-y-4" lang={page.language} dir={directionOf(page.language)}>
      <h1 className="text-3xl font-semibold">{page.text.title}</h1>
      <TranslationNotice meta={page} />
      <div className="prose-user" dangerouslySetInnerHTML={{ __html: renderMarkdown(page.text.body) }} />
    </article>
  );
}
