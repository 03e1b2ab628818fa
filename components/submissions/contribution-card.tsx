// One published contribution in the public list (a hidden one: its metadata and the secretariat's notice, no text).
import Link from "next/link";
import type { PublicContribution } from "@/lib/submissions/public";
import { CampaignFlag } from "@/components/moderation/campaign-flag";
import { HiddenNotice } from "@/components/moderation/hidden-notice";
import { Highlight } from "./highlight";

interface Labels {
  group: string;
  country: string;
  region: string;
  author: string | null;
  anonymous: string;
  imported: string;
  date: string;
  excerptLabel: string;
  /** heading of a hidden contribution, which has no title to show */
  hiddenTitle: string;
  overBalance: string;
}

export function ContributionCard({ item, href, labels, excerpt }: { item: PublicContribution; href: string; labels: Labels; excerpt: string }) {
  return (
    <article className="space-y-2 rounded border border-stone-200 bg-white p-4" lang={item.language} data-hidden={item.hidden ? "true" : undefined}>
      <h3 className="text-lg font-semibold">
        <Link href={href} className="text-brand-800 underline" dir="auto" lang={item.title === null ? "" : undefined}>{item.title ?? labels.hiddenTitle}</Link>
      </h3>
      <p className="text-sm text-stone-800" lang="">
        {/* each value isolated: an Arabic page lists a Latin reference and a date in the right order */}
        <bdi className="font-mono">{item.reference}</bdi> · <bdi>{labels.group}</bdi> · <bdi>{labels.country}</bdi> (<bdi>{labels.region}</bdi>) · <bdi>{labels.date}</bdi>
      </p>
      <p className="text-sm text-stone-800" lang="">
        {item.anonymous ? <em>{labels.anonymous}</em> : <bdi>{labels.author}</bdi>}
        {item.imported ? <span className="ms-2 rounded border border-stone-500 px-1 text-xs">{labels.imported}</span> : null}
      </p>
      {item.campaign || item.overBalance ? (
        <p className="flex flex-wrap gap-2" lang="">
          {item.campaign ? <CampaignFlag count={item.campaign.size} /> : null}
          {item.overBalance ? <span className="inline-block rounded bg-sky-100 px-2 py-0.5 text-sm text-sky-950" data-testid="over-balance">{labels.overBalance}</span> : null}
        </p>
      ) : null}
      {item.hidden ? (
        <div lang="">
          <HiddenNotice reason={item.hiddenReason ?? ""} />
        </div>
      ) : (
        <p className="text-stone-900">
          <span className="sr-only">{labels.excerptLabel}: </span>
          <span dir="auto">{item.highlight !== undefined ? <Highlight text={item.highlight} /> : excerpt}</span>
        </p>
      )}
      {item.themes.length ? (
        <ul className="flex flex-wrap gap-2 text-sm" lang="">
          {item.themes.map((theme) => <li key={theme.slug} className="rounded bg-brand-50 px-2 py-0.5 text-brand-800">{theme.title}</li>)}
        </ul>
      ) : null}
    </article>
  );
}
