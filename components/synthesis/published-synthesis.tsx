// On the public consultation page: the synthesis paper, once the secretariat has published a snapshot.
import { getTranslations } from "next-intl/server";
import { latestPublishedSnapshot } from "@/lib/synthesis/service";

export async function PublishedSynthesis({ slug }: { slug: string }) {
  const number = await latestPublishedSnapshot(slug);
  if (number === null) return null;
  const t = await getTranslations("synthesis.public");
  const href = (format: string) => `/api/v1/consultations/${slug}/synthesis?format=${format}`;
  return (
    <section aria-labelledby="synthesis-heading" className="space-y-2 rounded border border-stone-200 bg-white p-4">
      <h2 id="synthesis-heading" className="text-xl font-semibold">{t("title")}</h2>
      <p className="text-sm text-stone-800">{t("intro", { number })}</p>
      <ul className="flex flex-wrap gap-4">
        <li><a href={href("html")} className="text-brand-800 underline">{t("html")}</a></li>
        <li><a href={href("docx")} className="text-brand-800 underline">{t("docx")}</a></li>
        <li><a href={href("md")} className="text-brand-800 underline">{t("md")}</a></li>
      </ul>
    </section>
  );
}
