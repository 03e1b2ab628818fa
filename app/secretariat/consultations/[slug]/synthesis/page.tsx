import type { Metadata } from "next";
import { requireRoleForPage } from "@/lib/auth/page-guard";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getBuildStatus, getLiveSynthesis, getSnapshot, listSnapshots, listSynthesisEdits } from "@/lib/synthesis/service";
import { SYNTHESIS_FORMATS } from "@/lib/synthesis/model";
import { FormAlert, buttonClass } from "@/components/ui/field";
import { SynthesisDocument, type EditingContext } from "@/components/synthesis/synthesis-document";
import { BuildProgress } from "@/components/synthesis/build-progress";
import { SetAsideContributionForm } from "@/components/synthesis/small-forms";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { editPointAction, publishSnapshotAction, regenerateAction, saveSnapshotAction, setAsideContributionAction } from "./actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ snapshot?: string; notice?: string; error?: string }> };

const NOTICES = ["requested", "saved", "published", "unpublished"] as const;
const ERRORS = ["forbidden", "notFound", "snapshotNotFound", "snapshotInvalid", "snapshotOutdated", "notBuilt"] as const;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("synthesis");
  return { title: t("title") };
}

export default async function SynthesisPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const sp = await searchParams;
  const user = await requireRoleForPage();
  const [t, te] = await Promise.all([getTranslations("synthesis"), getTranslations("synthesisEditor")]);
  const snapshots = await listSnapshots(user, slug);
  if (!snapshots.ok) {
    if (snapshots.status === 404) notFound();
    return <FormAlert>{t("errors.forbidden")}</FormAlert>;
  }
  const viewing = sp.snapshot ? await getSnapshot(user, slug, sp.snapshot) : null;
  if (viewing && !viewing.ok && viewing.status !== 410) notFound();
  const [live, status, edits] = await Promise.all([getLiveSynthesis(user, slug), getBuildStatus(user, slug), listSynthesisEdits(user, slug)]);
  if (!live.ok || !status.ok || !edits.ok) notFound();
  const snapshotNumber = viewing?.ok ? viewing.data.number : null;
  const model = viewing?.ok ? viewing.data.model : live.data;

  const notice = NOTICES.find((n) => n === sp.notice);
  const error = viewing && !viewing.ok ? "snapshotOutdated" : ERRORS.find((e) => e === sp.error);
  const api = `/api/v1/consultations/${encodeURIComponent(slug)}/synthesis`;
  const downloadQuery = snapshotNumber ? `&snapshot=${snapshotNumber}` : "";
  const base = `/secretariat/consultations/${encodeURIComponent(slug)}/synthesis`;
  const build = status.data;
  const building = build.status === "QUEUED" || build.status === "RUNNING";
  const phase = te.has(`build.phases.${build.phase}`) ? te(`build.phases.${build.phase}`) : build.phase;

  const history = new Map<string, { action: string; actor: string | null; createdAt: string; before: string | null; after: string | null }[]>();
  for (const e of edits.data) history.set(e.pointKey, [...(history.get(e.pointKey) ?? []), { action: e.action, actor: e.actor, createdAt: e.createdAt.toISOString(), before: e.before, after: e.after }]);
  const editing: EditingContext | undefined = !snapshotNumber && live.data ? { generation: build.generation, history, action: (key) => editPointAction.bind(null, slug, key, build.generation), followHref: (key) => `/secretariat/issues/new?round=${encodeURIComponent(slug)}&point=${encodeURIComponent(key)}` } : undefined;

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <p><Link href={`/secretariat/consultations/${encodeURIComponent(slug)}`} className="text-brand-800 underline">{t("backToConsultation", { title: model?.consultation.title ?? slug })}</Link></p>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-stone-800">{t("intro")}</p>
        <p><Link href={`${base}/settings`} className="text-brand-800 underline">{te("settings.link")}</Link></p>
      </div>
      {notice ? <FormAlert tone="success">{notice === "requested" ? te("build.requested") : t(`notices.${notice}`, { number: snapshotNumber ?? 0 })}</FormAlert> : null}
      {error ? <FormAlert>{te.has(`errors.${error}`) ? te(`errors.${error}`) : t(`errors.${error}`)}</FormAlert> : null}

      <section aria-labelledby="build-heading" className="space-y-3 rounded border border-stone-200 bg-white p-4">
        <h2 id="build-heading" className="text-lg font-semibold">{te("build.title")}</h2>
        {building ? (
          <BuildProgress
            label={build.status === "QUEUED" ? te("build.queued") : te("build.running", { phase })}
            detail={te("build.progress", { done: build.done, total: build.total })}
            done={build.done}
            total={build.total}
          />
        ) : build.status === "NONE" ? <p>{te("build.none")}</p> : build.status === "FAILED" ? <FormAlert>{te("build.failed", { error: build.error ?? "" })}</FormAlert> : build.stale ? (
          <p className="rounded border-s-4 border-amber-600 bg-amber-50 p-2">{te("build.stale")}</p>
        ) : <p>{te("build.current", { generation: build.generation })}</p>}
        {!building ? (
          <form action={regenerateAction.bind(null, slug)}>
            <button type="submit" className={buttonClass}>{build.status === "NONE" ? te("build.start") : te("build.regenerate")}</button>
          </form>
        ) : null}
      </section>

      {model ? (
        <section aria-labelledby="viewing-heading" className="space-y-3 rounded border border-stone-200 bg-white p-4">
          <h2 id="viewing-heading" className="text-lg font-semibold">{snapshotNumber ? t("viewingSnapshot", { number: snapshotNumber }) : t("viewingLive")}</h2>
          <p className="text-sm text-stone-800">{t("counts", { submissions: model.counts.submissions, contributors: model.counts.contributors, comments: model.counts.comments })}</p>
          <div className="flex flex-wrap items-center gap-3">
            {snapshotNumber ? <Link href={base} className="text-brand-800 underline">{t("backToLive")}</Link> : (
              <form action={saveSnapshotAction.bind(null, slug)}><button type="submit" className={buttonClass}>{t("saveSnapshot")}</button></form>
            )}
          </div>
          <p className="flex flex-wrap gap-3">
            <span className="font-medium">{t("downloads")}:</span>
            {SYNTHESIS_FORMATS.map((format) => (
              <a key={format} href={`${api}?format=${format}${downloadQuery}`} download className="text-brand-800 underline">{t(`download.${format}`)}</a>
            ))}
          </p>
        </section>
      ) : null}

      {model && !snapshotNumber ? (
        <section aria-labelledby="coverage-heading" className="space-y-2 rounded border border-stone-200 bg-white p-4">
          <h2 id="coverage-heading" className="text-lg font-semibold">{te("coverage.title")}</h2>
          <p>{te("coverage.summary", { cited: model.coverage.cited, total: model.coverage.total, setAside: model.coverage.setAside.length, uncited: model.coverage.uncited.length })}</p>
          {model.coverage.uncited.length === 0 ? <p>{te("coverage.allCovered")}</p> : (
            <>
              <h3 className="font-semibold">{te("coverage.uncitedTitle")}</h3>
              <ul className="space-y-3">
                {model.coverage.uncited.map((s) => (
                  <li key={s.id} className="space-y-1">
                    <p><span className="font-medium">{s.reference}</span>: <span dir="auto">{s.title}</span></p>
                    <SetAsideContributionForm reference={s.reference} bringBack={false} action={setAsideContributionAction.bind(null, slug, s.id, false)} />
                  </li>
                ))}
              </ul>
            </>
          )}
          {model.coverage.setAside.length > 0 ? (
            <>
              <h3 className="font-semibold">{te("coverage.setAsideTitle")}</h3>
              <ul className="space-y-2">
                {model.coverage.setAside.map((s) => (
                  <li key={s.id}>
                    <p><span className="font-medium">{s.reference}</span>: <span dir="auto">{s.title}</span> ({s.reason})</p>
                    <SetAsideContributionForm reference={s.reference} bringBack action={setAsideContributionAction.bind(null, slug, s.id, true)} />
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}

      {model && model.annexII.unknown.length > 0 && !snapshotNumber ? (
        <section aria-labelledby="unknown-heading" className="space-y-2 rounded border-s-4 border-amber-600 bg-amber-50 p-4">
          <h2 id="unknown-heading" className="font-semibold">{t("unknownAcronyms.title", { count: model.annexII.unknown.length })}</h2>
          <p className="text-sm">{model.annexII.unknown.slice(0, 30).map((u) => u.acronym).join(", ")}</p>
          <Link href={`/secretariat/glossary?consultation=${encodeURIComponent(slug)}`} className="text-brand-800 underline">{t("unknownAcronyms.fill")}</Link>
        </section>
      ) : null}

      <section aria-labelledby="snapshots-heading" className="space-y-2">
        <h2 id="snapshots-heading" className="text-lg font-semibold">{t("snapshots.title")}</h2>
        {snapshots.data.length === 0 ? <p>{t("snapshots.none")}</p> : (
          <table className="w-full border-collapse text-sm">
            <thead>
              <tr className="border-b border-stone-300 text-start">
                <th scope="col" className="py-1 text-start">{t("snapshots.number")}</th>
                <th scope="col" className="py-1 text-start">{t("snapshots.saved")}</th>
                <th scope="col" className="py-1 text-start">{t("snapshots.status")}</th>
                <th scope="col" className="py-1 text-start">{t("snapshots.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {snapshots.data.map((s) => (
                <tr key={s.number} className="border-b border-stone-200">
                  <th scope="row" className="py-2 text-start">
                    <Link href={`${base}?snapshot=${s.number}`} className="text-brand-800 underline" aria-current={snapshotNumber === s.number ? "page" : undefined}>{t("snapshots.label", { number: s.number })}</Link>
                  </th>
                  <td className="py-2">{t("snapshots.savedBy", { date: s.createdAt, name: s.createdBy ?? "—" })}</td>
                  <td className="py-2">{s.published ? t("snapshots.published") : t("snapshots.notPublished")}</td>
                  <td className="py-2">
                    {/* publishing (or withdrawing) a paper is public and notifies followers: confirmed first, with Cancel */}
                    <ConfirmAction
                      action={publishSnapshotAction.bind(null, slug, s.number, !s.published)}
                      label={s.published ? t("snapshots.unpublish", { number: s.number }) : t("snapshots.publish", { number: s.number })}
                      question={s.published ? t("snapshots.unpublishQuestion", { number: s.number }) : t("snapshots.publishQuestion", { number: s.number })}
                      confirmLabel={s.published ? t("snapshots.unpublishConfirm") : t("snapshots.publishConfirm")}
                      cancelLabel={t("snapshots.cancel")}
                      danger={s.published}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {model ? <SynthesisDocument model={model} editing={editing} /> : null}
    </div>
  );
}
