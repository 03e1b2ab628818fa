// "In the synthesis": the paragraphs of the published synthesis paper that cite a contribution, or the secretariat's
// reason for setting it aside; for the secretariat, the live draft's state as well.
import { getTranslations } from "next-intl/server";
import type { SynthesisFate as Fate } from "@/lib/outcomes/synthesis";

export async function SynthesisFate({ consultationSlug, fates, published, headingLevel = 2 }: { consultationSlug: string; fates: Fate[]; published: number | null; headingLevel?: 2 | 3 }) {
  const t = await getTranslations("outcome.synthesis");
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const paper = fates.find((f) => f.document === "published");
  const live = fates.find((f) => f.document === "live");
  const body = (f: Fate) => {
    if (f.paragraphs.length > 0) {
      return (
        <>
          <p className="text-stone-800">{t("cited", { count: f.paragraphs.length })}</p>
          <ul className="space-y-2">
            {f.paragraphs.map((p) => (
              <li key={p.label} className="rounded border border-stone-200 bg-white p-3" data-testid="synthesis-paragraph">
                <p className="font-medium">
                  {p.kind === "paragraph" ? t("paragraph", { number: p.label }) : t("further", { letter: p.label })}
                  {p.section ? <span className="ms-2 text-sm font-normal text-stone-700" dir="auto">{p.section}</span> : null}
                </p>
                {p.text ? <p className="mt-1 border-s-4 border-brand-700 ps-3 text-sm" dir="auto">{p.text}</p> : null}
              </li>
            ))}
          </ul>
        </>
      );
    }
    if (f.setAside !== null) {
      return (
        <p className="rounded border border-stone-500 bg-stone-50 p-2" data-testid="synthesis-set-aside">
          <span className="font-medium">{t("setAside")}</span> <span dir="auto">{f.setAside}</span>
        </p>
      );
    }
    return <p className="text-stone-800">{t("notCited")}</p>;
  };
  return (
    <section id="in-synthesis" aria-labelledby="in-synthesis-heading" className="space-y-3">
      <Heading id="in-synthesis-heading" className="text-xl font-semibold">{t("title")}</Heading>
      {paper ? (
        <>
          <p className="text-sm text-stone-700">
            {t("snapshot", { number: paper.snapshot ?? 0 })}{" "}
            <a href={`/api/v1/consultations/${consultationSlug}/synthesis?format=html`} className="text-brand-800 underline">{t("download")}</a>
          </p>
          {body(paper)}
        </>
      ) : (
        <p className="text-stone-800">{published === null ? t("notPublished") : t("notInPaper")}</p>
      )}
      {live ? (
        <div className="space-y-2 rounded border border-dashed border-stone-500 p-3" data-testid="synthesis-live">
          <p className="font-medium">{t("liveTitle")}</p>
          {body(live)}
        </div>
      ) : null}
    </section>
  );
}
