import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/session";
import { getLiveSynthesis, getSnapshot, listSnapshots } from "@/lib/synthesis/service";
import { SYNTHESIS_FORMATS } from "@/lib/synthesis/model";
import { FormAlert, buttonClass } from "@/components/ui/field";
import { SynthesisDocument } from "@/components/synthesis/synthesis-document";
import { publishSnapshotAction, regenerateAction, saveSnapshotAction } from "./actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ snapshot?: string; notice?: string; error?: string }> };

const NOTICES = ["regenerated", "saved", "published", "unpublished"] as const;
const ERRORS = ["forbidden", "notFound", "snapshotNotFound", "snapshotInvalid"] as const;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("synthesis");
  return { title: t("title") };
}

export default async function SynthesisPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const sp = await searchParams;
  const user = await getCurrentUser();
  const t = await getTranslations("synthesis");
  const snapshots = await listSnapshots(user, slug);
  if (!snapshots.ok) {
    if (snapshots.status === 404) notFound();
    return <FormAlert>{t("errors.forbidden")}</FormAlert>;
  }
  const viewing = sp.snapshot ? await getSnapshot(user, slug, sp.snapshot) : null;
  if (viewing && !viewing.ok) notFound();
  const live = viewing ? null : await getLiveSynthesis(user, slug);
  const model = viewing?.ok ? viewing.data.model : live?.ok ? live.data : null;
  if (!model) notFound();

  const notice = NOTICES.find((n) => n === sp.notice);
  const error = ERRORS.find((e) => e === sp.error);
  const api = `/api/v1/consultations/${encodeURIComponent(slug)}/synthesis`;
  const snapshotNumber = viewing?.ok ? viewing.data.number : null;
  const downloadQuery = snapshotNumber ? `&snapshot=${snapshotNumber}` : "";
  const base = `/secretariat/consultations/${encodeURIComponent(slug)}/synthesis`;

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <p><Link href={`/secretariat/consultations/${encodeURIComponent(slug)}`} className="text-brand-800 underline">{t("backToConsultation", { title: model.consultation.title })}</Link></p>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-stone-800">{t("intro")}</p>
      </div>
      {notice ? <FormAlert tone="success">{t(`notices.${notice}`, { number: snapshotNumber ?? 0 })}</FormAlert> : null}
      {error ? <FormAlert>{t(`errors.${error}`)}</FormAlert> : null}

      <section aria-labelledby="viewing-heading" className="space-y-3 rounded border border-stone-200 bg-white p-4">
        <h2 id="viewing-heading" className="text-lg font-semibold">
          {snapshotNumber ? t("viewingSnapshot", { number: snapshotNumber }) : t("viewingLive")}
        </h2>
        <p className="text-sm text-stone-800">{t("counts", { submissions: model.counts.submissions, contributors: model.counts.contributors, comments: model.counts.comments })}</p>
        <div className="flex flex-wrap items-center gap-3">
          {snapshotNumber ? (
            <Link href={base} className="text-brand-800 underline">{t("backToLive")}</Link>
          ) : (
            <>
              <form action={regenerateAction.bind(null, slug)}><button type="submit" className={buttonClass}>{t("regenerate")}</button></form>
              <form action={saveSnapshotAction.bind(null, slug)}><button type="submit" className={buttonClass}>{t("saveSnapshot")}</button></form>
            </>
          )}
        </div>
        <p className="flex flex-wrap gap-3" aria-label={t("downloads")}>
          <span className="font-medium">{t("downloads")}:</span>
          {SYNTHESIS_FORMATS.map((format) => (
            <a key={format} href={`${api}?format=${format}${downloadQuery}`} download className="text-brand-800 underline">{t(`download.${format}`)}</a>
          ))}
        </p>
      </section>

      {model.annexII.unknown.length > 0 ? (
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
                    <Link href={`${base}?snapshot=${s.number}`} className="text-brand-800 underline" aria-current={snapshotNumber === s.number ? "page" : undefined}>
                      {t("snapshots.label", { number: s.number })}
                    </Link>
                  </th>
                  <td className="py-2">{t("snapshots.savedBy", { date: s.createdAt, name: s.createdBy ?? "—" })}</td>
                  <td className="py-2">{s.published ? t("snapshots.published") : t("snapshots.notPublished")}</td>
                  <td className="py-2">
                    <form action={publishSnapshotAction.bind(null, slug, s.number, !s.published)}>
                      <button type="submit" className="text-brand-800 underline">
                        {s.published ? t("snapshots.unpublish", { number: s.number }) : t("snapshots.publish", { number: s.number })}
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <SynthesisDocument model={model} />
    </div>
  );
}
