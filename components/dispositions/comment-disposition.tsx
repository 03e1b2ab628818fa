// The secretariat's answer beside a comment on the public draft page: the disposition, its reason, the paragraph of
// the next version that reflects it, a mark when the comment was edited afterwards, and the earlier answers it revised.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { DispositionView } from "@/lib/dispositions/view";
import { DispositionBadge } from "./disposition-badge";

interface Props {
  disposition: DispositionView;
  /** the draft's public page; without it the paragraph is named but not linked */
  draftBase?: string;
  latestVersion: number;
}

export function paragraphHref(base: string, anchorId: string, version: number, latestVersion: number): string {
  return version === latestVersion ? `${base}?p=${encodeURIComponent(anchorId)}#p-${anchorId}` : `${base}/versions/${version}#p-${anchorId}`;
}

export async function CommentDisposition({ disposition: d, draftBase, latestVersion }: Props) {
  const t = await getTranslations("dispositions");
  // Accepting answers point at where the text changed; the others at the paragraph that explains why.
  const reflects = d.kind === "ACCEPTED" || d.kind === "PARTLY_ACCEPTED";
  const where = d.paragraph ? t(reflects ? "public.reflectedIn" : "public.seeParagraph", { number: d.paragraph.number, version: d.paragraph.version }) : null;
  return (
    <section aria-label={t("public.responseLabel")} className="mt-2 rounded border-s-4 border-brand-700 bg-brand-50 p-2 text-sm">
      <p className="flex flex-wrap items-center gap-2">
        <span className="font-semibold">{t("public.response")}</span>
        <DispositionBadge kind={d.kind} label={t(`kinds.${d.kind}`)} />
        <span className="text-stone-800">
          <time dateTime={d.at.toISOString()}>{t("public.on", { date: d.at })}</time>
          {d.revision > 1 ? ` · ${t("public.revised")}` : null}
        </span>
      </p>
      {d.reason ? <p className="mt-1 whitespace-pre-line text-stone-900" dir="auto">{d.reason}</p> : null}
      {where && d.paragraph ? (
        <p className="mt-1">
          {draftBase ? <Link href={paragraphHref(draftBase, d.paragraph.anchorId, d.paragraph.version, latestVersion)} className="text-brand-800 underline">{where}</Link> : where}
        </p>
      ) : null}
      {d.editedSince ? <p className="mt-1 italic text-stone-800">{t("public.editedSince")}</p> : null}
      {d.earlier.length > 0 ? (
        <details className="mt-1">
          <summary className="cursor-pointer text-brand-800 underline">{t("public.earlier", { count: d.earlier.length })}</summary>
          <ul className="mt-1 space-y-1 ps-4">
            {d.earlier.map((e) => (
              <li key={e.revision}>
                <span className="font-medium">{t(`kinds.${e.kind}`)}</span>
                {" · "}<time dateTime={e.at.toISOString()}>{t("public.on", { date: e.at })}</time>
                {e.reason ? <span dir="auto">{` — ${e.reason}`}</span> : null}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
