// The remote-messages stream of a consultation: every published message (hidden ones as a notice), by hashtag.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { getPublicConsultation } from "@/lib/consultations/service";
import { listPublicRemoteMessages, topHashtags } from "@/lib/meetings/remote";
import { RemoteMessageItem } from "@/components/meetings/remote-message-item";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meetings.remotePublic"))("title") };
}

export default async function RemoteMessagesPage({ params, searchParams }: Props) {
  const consultation = await getPublicConsultation((await params).slug);
  if (!consultation) notFound();
  const sp = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.slice(0, 100);
  const hashtag = one(sp.hashtag)?.replace(/^#/, "") || undefined;
  const page = Number.parseInt(one(sp.page) ?? "1", 10) || 1;
  const [list, tags, t, format] = await Promise.all([
    listPublicRemoteMessages(consultation.id, { page, hashtag, message: hashtag ? undefined : one(sp.message) }), topHashtags(consultation.id), getTranslations("meetings.remotePublic"), getFormatter(),
  ]);
  const href = (p: number) => `?${new URLSearchParams({ ...(hashtag ? { hashtag } : {}), page: String(p) }).toString()}`;
  // (a ?message= link lands on the page holding that message; the pager then moves from there)
  return (
    <div className="space-y-6">
      <p><Link href={`/consultations/${consultation.slug}`} className="text-brand-800 underline" dir="auto">{consultation.title}</Link></p>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p>{hashtag ? t("filtered", { count: list.total, hashtag }) : t("intro", { count: list.total })}</p>
      {tags.length ? (
        <nav aria-label={t("hashtags")} className="flex flex-wrap gap-2 text-sm">
          {hashtag ? <Link href="?" className="text-brand-800 underline">{t("allTags")}</Link> : null}
          {tags.map((tag) => <Link key={tag.tag} href={`?hashtag=${encodeURIComponent(tag.tag)}`} aria-current={tag.tag === hashtag ? "page" : undefined} className="rounded bg-stone-100 px-2 py-1 text-brand-800 underline">#{tag.tag} ({tag.count})</Link>)}
        </nav>
      ) : null}
      {list.items.length === 0 ? <p>{t("none")}</p> : (
        <ul className="space-y-2">
          {list.items.map((m) => <RemoteMessageItem key={m.id} message={m} postedAt={format.dateTime(m.postedAt, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })} hiddenLabel={t("hidden")} />)}
        </ul>
      )}
      {list.pages > 1 ? (
        <nav aria-label={t("pages")} className="flex gap-4">
          {list.page > 1 ? <Link href={href(list.page - 1)} className="text-brand-800 underline">{t("newer")}</Link> : null}
          <span>{t("pageOf", { page: list.page, pages: list.pages })}</span>
          {list.page < list.pages ? <Link href={href(list.page + 1)} className="text-brand-800 underline">{t("older")}</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}
