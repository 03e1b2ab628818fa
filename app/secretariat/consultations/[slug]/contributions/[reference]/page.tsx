import type { Metadata } from "next";
import { requireRoleForPage } from "@/lib/auth/page-guard";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { countryName, type UnRegion } from "@/lib/geo/countries";
import { getContributionHistory } from "@/lib/submissions/service";
import { StatusBadge } from "@/components/submissions/status-badge";
import { ContributionHistory } from "@/components/submissions/contribution-history";
import { renderMarkdown } from "@/lib/markdown/render";
import { linkableParagraphs, linkedParagraphsOf } from "@/lib/outcomes/links";
import { LinkParagraphForm, UnlinkButton } from "@/components/outcomes/link-paragraph-form";
import { linkedParagraphHref } from "@/components/outcomes/what-became";
import { linkParagraphAction, unlinkParagraphAction } from "./actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; reference: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await requireRoleForPage();
  const t = await getTranslations("submissions.history");
  return { title: t("title", { reference: decodeURIComponent((await params).reference) }) };
}

export default async function ContributionHistoryPage({ params }: Props) {
  const { slug, reference } = await params;
  const user = await requireRoleForPage();
  const item = await getContributionHistory(user, slug, decodeURIComponent(reference));
  if (!item) notFound();
  const [t, tp, ts, tGroups, tRegions, tApp, locale, tl, td, linked, linkable] = await Promise.all([
    getTranslations("submissions.history"), getTranslations("submissions.page"), getTranslations("submissions.status"), getTranslations("groups"), getTranslations("regions"), getTranslations("app"), getLocale(),
    getTranslations("outcome.links"), getTranslations("drafts"), linkedParagraphsOf(item.reference, { all: true }), linkableParagraphs(user, item.id),
  ]);
  const linkedIds = new Set(linked.map((l) => l.paragraphId));
  const themeTitles = new Map(item.consultation.themes.map((th) => [th.slug, th.title]));

  return (
    <div className="max-w-4xl space-y-6">
      <p><Link href={`/secretariat/consultations/${item.consultation.slug}`} className="text-brand-800 underline">{item.consultation.title}</Link></p>
      <h1 className="text-2xl font-semibold">{t("title", { reference: item.reference })}</h1>
      <p><StatusBadge status={item.status} label={ts(item.status)} /></p>
      {item.importBatch ? (
        <p className="rounded border border-stone-500 bg-stone-50 p-2 text-sm">
          {t("imported", { filename: item.importBatch.filename, date: item.importBatch.createdAt, by: item.importBatch.importedBy?.name ?? t("unknown") })}
        </p>
      ) : null}
      <section aria-labelledby="snapshot-heading" className="space-y-2">
        <h2 id="snapshot-heading" className="text-xl font-semibold">{t("snapshot")}</h2>
        <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-1 rounded border border-stone-200 bg-white p-4 text-sm">
          <dt className="font-medium">{t("author")}</dt>
          <dd>{item.author ? `${item.author.name} <${item.author.email}>` : item.contributorName}</dd>
          <dt className="font-medium">{t("asPublished")}</dt>
          <dd>{item.visibility === "PUBLIC_ANONYMOUS" ? t("anonymous") : [item.contributorName, item.organisationName].filter(Boolean).join(", ")}</dd>
          <dt className="font-medium">{tp("group")}</dt>
          <dd>{tGroups(item.stakeholderGroup)}</dd>
          <dt className="font-medium">{tp("country")}</dt>
          <dd>{countryName(item.country, locale)} ({tRegions(item.region as UnRegion)})</dd>
          <dt className="font-medium">{tp("submitted")}</dt>
          <dd>{item.submittedAt ? tApp("dateTime", { date: item.submittedAt }) : "—"}</dd>
        </dl>
      </section>
      {item.attachments.length ? (
        <section aria-labelledby="attachments-heading" className="space-y-2">
          <h2 id="attachments-heading" className="text-xl font-semibold">{tp("attachments")}</h2>
          <ul className="text-sm">
            {item.attachments.map((a) => (
              <li key={a.id}>
                <a className="text-brand-800 underline" href={`/consultations/${item.consultation.slug}/contributions/${encodeURIComponent(item.reference)}/attachments/${a.id}`}>{a.filename}</a>{" "}
                <span className="font-mono text-xs text-stone-700">sha256 {a.sha256.slice(0, 16)}…</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="links-heading" className="space-y-3">
        <h2 id="links-heading" className="text-xl font-semibold">{tl("title")}</h2>
        <p className="text-stone-800">{tl("intro")}</p>
        {linked.length > 0 ? (
          <ul className="space-y-2">
            {linked.map((l) => (
              <li key={l.linkId} className="flex flex-wrap items-center gap-2 rounded border border-stone-200 bg-white p-2 text-sm">
                <a href={linkedParagraphHref(item.consultation.slug, l)} className="text-brand-800 underline" dir="auto">{tl("item", { draft: l.draft.title, version: l.version, number: l.number })}</a>
                <span className="text-stone-700">({td(`change.${l.change}`)})</span>
                <UnlinkButton action={unlinkParagraphAction.bind(null, l.linkId)} label={tl("unlinkLabel", { draft: l.draft.title, version: l.version, number: l.number })} />
              </li>
            ))}
          </ul>
        ) : null}
        {item.status === "PUBLISHED" ? (
          <LinkParagraphForm
            action={linkParagraphAction.bind(null, item.id)}
            groups={linkable.map((v) => ({
              label: tl("group", { draft: v.draftTitle, version: v.version }),
              options: v.paragraphs
                .filter((p) => !linkedIds.has(p.id))
                .map((p) => ({ id: p.id, label: `${td("paragraphShort", { number: p.number })} (${td(`change.${p.change}`)}) — ${p.text.length > 80 ? `${p.text.slice(0, 79)}…` : p.text}` })),
            })).filter((g) => g.options.length > 0)}
          />
        ) : <p className="text-stone-800">{tl("onlyPublished")}</p>}
      </section>
      <section aria-labelledby="events-heading" className="space-y-2">
        <h2 id="events-heading" className="text-xl font-semibold">{t("events")}</h2>
        <ContributionHistory entries={item.history} themeTitles={themeTitles} language={item.versions[0]?.language ?? "en"} />
      </section>
      <section aria-labelledby="versions-heading" className="space-y-3">
        <h2 id="versions-heading" className="text-xl font-semibold">{t("versions")}</h2>
        {item.versions.map((v) => (
          <details key={v.version} open={v.version === item.revision} className="rounded border border-stone-200 bg-white p-3">
            <summary className="cursor-pointer font-medium">{t("version", { number: v.version, date: v.createdAt, editor: v.editedBy?.name ?? t("unknown") })}</summary>
            <h3 className="mt-2 font-semibold" lang={v.language} dir="auto">{v.title}</h3>
            <p className="text-sm text-stone-700">{t("versionThemes", { themes: v.themeSlugs.map((slug) => themeTitles.get(slug) ?? slug).join(", ") })}</p>
            {/* renderMarkdown: no raw HTML, safe links. */}
            <div className="prose-user mt-2 text-sm" lang={v.language} dir="auto" dangerouslySetInnerHTML={{ __html: renderMarkdown(v.body) }} />
          </details>
        ))}
      </section>
    </div>
  );
}
