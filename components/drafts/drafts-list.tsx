// The drafts of a consultation, listed on its public page with where their comment period stands.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { listPublicDrafts } from "@/lib/drafts/service";
import { StateBadge } from "@/components/consultations/phase-badge";

export async function ConsultationDrafts({ consultationId, consultationSlug }: { consultationId: string; consultationSlug: string }) {
  const drafts = await listPublicDrafts(consultationId);
  if (drafts.length === 0) return null;
  const t = await getTranslations("drafts");
  return (
    <section aria-labelledby="drafts-heading" className="space-y-3">
      <h2 id="drafts-heading" className="text-xl font-semibold">{t("listTitle")}</h2>
      <p className="text-stone-800">{t("listIntro")}</p>
      <ul className="space-y-2">
        {drafts.map((d) => (
          <li key={d.id} className="flex flex-wrap items-center gap-3 rounded border border-stone-200 bg-white p-3">
            <Link href={`/consultations/${consultationSlug}/drafts/${d.slug}`} className="font-semibold text-brand-800 underline">{d.title}</Link>
            <StateBadge state={d.state} label={`${t("period")}: ${t(`periodState.${d.state}`)}`} />
            <span className="text-sm text-stone-700">{t("versionCount", { count: d.versions })}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
