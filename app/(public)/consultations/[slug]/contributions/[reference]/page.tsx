import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getCurrentUser, hasRole } from "@/lib/auth/session";
import { countryName, type UnRegion } from "@/lib/geo/countries";
import { renderMarkdown } from "@/lib/markdown/render";
import { getPublishedContribution } from "@/lib/submissions/public";
import { CampaignFlag } from "@/components/moderation/campaign-flag";
import { HiddenNotice } from "@/components/moderation/hidden-notice";
import { linkedParagraphsOf } from "@/lib/outcomes/links";
import { WhatBecame } from "@/components/outcomes/what-became";
import { SynthesisFate } from "@/components/outcomes/synthesis-fate";
import { synthesisFateOf } from "@/lib/outcomes/synthesis";
import { latestPublishedSnapshot } from "@/lib/synthesis/service";
import { headers } from "next/headers";
import { publicSiteUrl } from "@/lib/submissions/api";
import { CopyLink } from "@/components/ui/copy-link";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; reference: string }> };

/** A reference arrives percent-encoded; a malformed encoding names no contribution (404), never a 500. */
function decodeReference(reference: string): string | null {
  try {
    return decodeURIComponent(reference);
  } catch {
    return null;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, reference } = await params;
  const decoded = decodeReference(reference);
  const item = decoded === null ? null : await getPublishedContribution(slug, decoded);
  return item ? { title: item.title === null ? item.reference : `${item.reference}: ${item.title}` } : {};
}

export default async function ContributionPage({ params }: Props) {
  const { slug, reference } = await params;
  const decoded = decodeReference(reference);
  const item = decoded === null ? null : await getPublishedContribution(slug, decoded);
  if (!item) notFound();
  const [t, tl, tn, tGroups, tRegions, tApp, locale, viewer, linked] = await Promise.all([
    getTranslations("submissions.page"), getTranslations("submissions.list"), getTranslations("submissions.nav"), getTranslations("groups"), getTranslations("regions"), getTranslations("app"), getLocale(), getCurrentUser(),
    linkedParagraphsOf(item.reference),
  ]);
  const secretariat = hasRole(viewer, "SECRETARIAT");
  const [fates, paper] = await Promise.all([synthesisFateOf(item.reference, { includeLive: secretariat }), latestPublishedSnapshot(slug)]);
  const permalink = `/consultations/${slug}/contributions/${encodeURIComponent(item.reference)}`;
  // The full address to share: the site's public URL (PUBLIC_URL or NEXTAUTH_URL), else the host this page was asked on.
  const requestHeaders = await headers();
  const site = publicSiteUrl() ?? `${requestHeaders.get("x-forwarded-proto") ?? "http"}://${requestHeaders.get("host") ?? "localhost"}`;
  const fullPermalink = `${site}${permalink}`;
  const languageName = new Intl.DisplayNames([locale], { type: "language" }).of(item.language) ?? item.language;

  return (
    <article className="space-y-6">
      <p className="flex flex-wrap gap-4">
        <Link href={`/consultations/${slug}/contributions`} className="text-brand-800 underline">{t("backToList")}</Link>
        {hasRole(viewer, "SECRETARIAT") ? <Link href={`/secretariat/consultations/${slug}/contributions/${encodeURIComponent(item.reference)}`} className="text-brand-800 underline">{tn("history")}</Link> : null}
      </p>
      <header className="space-y-2">
        <h1 className="text-3xl font-semibold" lang={item.title === null ? undefined : item.language}>{item.title ?? tl("hiddenTitle", { reference: item.reference })}</h1>
        <p className="text-stone-800">
          {item.anonymous ? <em>{tl("anonymous")}</em> : [item.contributorName, item.organisationName].filter(Boolean).join(", ")}
        </p>
        {item.imported ? <p className="rounded border border-stone-500 bg-stone-50 p-2 text-sm" data-testid="imported-marker">{t("imported")}</p> : null}
        {item.campaign || item.overBalance ? (
          <p className="flex flex-wrap gap-2">
            {item.campaign ? <CampaignFlag count={item.campaign.size} /> : null}
            {item.overBalance ? <span className="inline-block rounded bg-sky-100 px-2 py-0.5 text-sm text-sky-950" data-testid="over-balance">{tl("overBalance")}</span> : null}
          </p>
        ) : null}
      </header>
      <div className="grid gap-8 md:grid-cols-3">
        {item.body === null ? (
          <div className="md:col-span-2"><HiddenNotice reason={item.hiddenReason ?? ""} /></div>
        ) : (
          <div className="space-y-8 md:col-span-2">
            <div className="prose-user" lang={item.language} dangerouslySetInnerHTML={{ __html: renderMarkdown(item.body) }} />
            <SynthesisFate consultationSlug={slug} fates={fates} published={paper} />
            <WhatBecame consultationSlug={slug} paragraphs={linked} />
          </div>
        )}
        <aside aria-labelledby="details-heading" className="space-y-4">
          <h2 id="details-heading" className="text-xl font-semibold">{t("details")}</h2>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="font-medium">{t("reference")}</dt>
            <dd className="font-mono">{item.reference}</dd>
            <dt className="font-medium">{t("group")}</dt>
            <dd>{tGroups(item.stakeholderGroup)}</dd>
            <dt className="font-medium">{t("country")}</dt>
            <dd>{countryName(item.country, locale)}</dd>
            <dt className="font-medium">{t("region")}</dt>
            <dd>{tRegions(item.region as UnRegion)}</dd>
            <dt className="font-medium">{t("language")}</dt>
            <dd>{languageName}</dd>
            {item.submittedAt ? (<><dt className="font-medium">{t("submitted")}</dt><dd>{tApp("dateTime", { date: item.submittedAt })}</dd></>) : null}
            {item.publishedAt ? (<><dt className="font-medium">{t("published")}</dt><dd>{tApp("dateTime", { date: item.publishedAt })}</dd></>) : null}
          </dl>
          <section aria-labelledby="themes-heading" className="space-y-2">
            <h3 id="themes-heading" className="font-semibold">{t("themes")}</h3>
            <ul className="flex flex-wrap gap-2 text-sm">
              {item.themes.map((theme) => (
                <li key={theme.slug}><Link href={`/consultations/${slug}/contributions?theme=${theme.slug}`} className="rounded bg-brand-50 px-2 py-0.5 text-brand-800 underline">{theme.title}</Link></li>
              ))}
            </ul>
          </section>
          {item.attachments.length ? (
            <section aria-labelledby="attachments-heading" className="space-y-2">
              <h3 id="attachments-heading" className="font-semibold">{t("attachments")}</h3>
              <ul className="space-y-1 text-sm">
                {item.attachments.map((a) => (
                  <li key={a.id}>
                    <a href={`${permalink}/attachments/${a.id}`} className="text-brand-800 underline" download>{a.filename}</a>{" "}
                    <span className="text-stone-700">({t("size", { size: Math.max(1, Math.round(a.size / 1024)) })})</span>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <section aria-labelledby="permalink-heading" className="space-y-1">
            <h3 id="permalink-heading" className="font-semibold">{t("permalink")}</h3>
            <p className="break-all text-sm"><Link href={permalink} className="text-brand-800 underline">{fullPermalink}</Link></p>
            <CopyLink url={fullPermalink} label={tl("copyLink")} copied={tl("linkCopied")} />
          </section>
        </aside>
      </div>
    </article>
  );
}
