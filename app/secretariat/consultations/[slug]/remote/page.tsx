// The remote-messages stream of a round, for the secretariat: import an export, then moderate the messages like
// comments (one status at a time, several at once), and add handles to the speaker roster to classify them.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireRoleForPage } from "@/lib/auth/page-guard";
import { listRemoteForModeration, REMOTE_VIEWS } from "@/lib/meetings/remote";
import { listReasonTemplates } from "@/lib/moderation/reasons";
import { FormAlert, buttonClass, inputClass } from "@/components/ui/field";
import { RemoteImportForm } from "@/components/meetings/remote-import-form";
import { addHandleAction, moderateRemoteAction, remoteImportAction } from "./actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meetings.remoteAdmin"))("title") };
}

const VERBS_FOR: Record<(typeof REMOTE_VIEWS)[number], ("publish" | "reject" | "hide" | "restore")[]> = {
  PENDING: ["publish", "reject"],
  PUBLISHED: ["hide"],
  HIDDEN: ["restore"],
  REJECTED: ["restore"],
};

export default async function RemoteAdminPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const sp = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const user = await requireRoleForPage();
  const data = await listRemoteForModeration(user, slug, { view: sp.view, page: sp.page });
  if (!data) notFound();
  const [templates, t, te, tv, format] = await Promise.all([
    listReasonTemplates(user), getTranslations("meetings.remoteAdmin"), getTranslations("meetings.errors"), getTranslations("moderation.views"), getFormatter(),
  ]);
  const { consultation, view, items } = data;
  const verbs = VERBS_FOR[view];
  const moderate = moderateRemoteAction.bind(null, consultation.slug, view);
  const addHandle = addHandleAction.bind(null, consultation.slug);
  return (
    <div className="max-w-5xl space-y-8">
      <p><Link href={`/secretariat/consultations/${consultation.slug}`} className="text-brand-800 underline">{consultation.title}</Link></p>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p>{t("intro")}</p>
      <section aria-labelledby="remote-import" className="space-y-3">
        <h2 id="remote-import" className="text-xl font-semibold">{t("import")}</h2>
        <RemoteImportForm action={remoteImportAction.bind(null, consultation.slug)} />
      </section>
      <section aria-labelledby="remote-stream" className="space-y-3">
        <h2 id="remote-stream" className="text-xl font-semibold">{t("stream")}</h2>
        {sp.done !== undefined ? <FormAlert tone="success">{t("moderated", { done: Number(sp.done) || 0, conflicts: Number(sp.conflicts) || 0 })}</FormAlert> : null}
        {sp.error ? <FormAlert>{te.has(sp.error) ? te(sp.error as "generic") : te("generic")}</FormAlert> : null}
        <nav aria-label={t("views")}>
          <ul className="flex flex-wrap gap-3 text-sm">
            {REMOTE_VIEWS.map((v) => (
              <li key={v}><Link href={`?view=${v}`} aria-current={v === view ? "page" : undefined} className={v === view ? "font-semibold" : "text-brand-800 underline"}>{tv(v)} ({data.counts[v] ?? 0})</Link></li>
            ))}
          </ul>
        </nav>
        {items.length === 0 ? <p>{t("empty")}</p> : (
          <form action={moderate} className="space-y-3">
            <ul className="space-y-2">
              {items.map((m) => (
                <li key={m.id} className="flex gap-3 rounded border border-stone-200 bg-white p-3 text-sm" data-testid="remote-item">
                  <input type="checkbox" name="target" value={`${m.id}:${m.version}`} id={`m-${m.id}`} aria-label={t("select", { handle: m.handle })} className="mt-1" />
                  <div className="flex-1 space-y-1">
                    <p>
                      <label htmlFor={`m-${m.id}`} className="font-semibold" dir="auto">{m.handle}</label>
                      {m.speaker ? <> · <Link href={`/secretariat/roster/${m.speaker.id}`} className="text-brand-800 underline">{m.speaker.name}</Link></> : <span className="text-stone-700"> · {t("unclassified")}</span>}
                      {" · "}<time dateTime={m.postedAt.toISOString()}>{format.dateTime(m.postedAt, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })}</time>
                      {m.session ? <> · <span dir="auto">{m.session.title}</span></> : null}
                    </p>
                    <p dir="auto">{m.body}</p>
                    {m.hashtags.length || m.url ? <p className="text-stone-700">{m.hashtags.map((h) => `#${h}`).join(" ")} {m.url ? <a href={m.url} className="text-brand-800 underline" rel="nofollow noopener noreferrer">{m.url}</a> : null}</p> : null}
                    {m.moderationNote ? <p className="text-stone-700">{t("note", { note: m.moderationNote })}</p> : null}
                  </div>
                  {!m.speaker ? <button type="submit" formAction={addHandle} name="handle" value={m.handle} className="self-start text-brand-800 underline">{t("addHandle")}</button> : null}
                </li>
              ))}
            </ul>
            {verbs.some((v) => v === "reject" || v === "hide") ? (
              <div className="grid gap-3 sm:grid-cols-2">
                <div className="flex flex-col gap-1">
                  <label htmlFor="remote-reason" className="font-medium">{t("reason")}</label>
                  <textarea id="remote-reason" name="reason" rows={2} className={inputClass} />
                </div>
                <div className="flex flex-col gap-1">
                  <label htmlFor="remote-template" className="font-medium">{t("template")}</label>
                  <select id="remote-template" name="templateId" className={inputClass} defaultValue="">
                    <option value="">{t("noTemplate")}</option>
                    {(templates ?? []).filter((tpl) => tpl.kind === (view === "PUBLISHED" ? "HIDE" : "REJECT")).map((tpl) => <option key={tpl.id} value={tpl.id}>{tpl.label}</option>)}
                  </select>
                </div>
              </div>
            ) : null}
            <div className="flex flex-wrap gap-3">
              {verbs.map((verb) => <button key={verb} type="submit" name="verb" value={verb} className={buttonClass}>{t(`verbs.${verb}`)}</button>)}
            </div>
          </form>
        )}
        {data.pages > 1 ? (
          <nav aria-label={t("pages")} className="flex gap-4">
            {data.page > 1 ? <Link href={`?view=${view}&page=${data.page - 1}`} className="text-brand-800 underline">{t("previous")}</Link> : null}
            <span>{t("pageOf", { page: data.page, pages: data.pages })}</span>
            {data.page < data.pages ? <Link href={`?view=${view}&page=${data.page + 1}`} className="text-brand-800 underline">{t("next")}</Link> : null}
          </nav>
        ) : null}
      </section>
    </div>
  );
}
