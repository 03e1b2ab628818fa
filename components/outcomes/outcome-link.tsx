// On a consultation's page: the way to its closing page, "what became of the inputs".
import Link from "next/link";
import { getTranslations } from "next-intl/server";

export async function OutcomeLink({ slug }: { slug: string }) {
  const t = await getTranslations("outcome.nav");
  return (
    <section aria-labelledby="outcome-heading" className="space-y-2">
      <h2 id="outcome-heading" className="text-xl font-semibold">{t("title")}</h2>
      <p className="text-stone-800">{t("text")} <Link href={`/consultations/${slug}/outcome`} className="font-semibold text-brand-800 underline">{t("link")}</Link></p>
    </section>
  );
}
