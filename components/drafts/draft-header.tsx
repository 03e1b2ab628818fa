// The top of a draft page: where it belongs, which version this is, the comment period, other versions.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { PhaseState } from "@/lib/consultations/phases";
import { StateBadge } from "@/components/consultations/phase-badge";
import { TranslationNotice, type LocalizedMeta } from "@/components/i18n/translation-notice";

interface Props {
  consultation: { slug: string; title: string };
  draft: { title: string };
  version: { number: number; publishedAt: Date; note: string };
  versions: { number: number; publishedAt: Date }[];
  latestNumber: number;
  state: PhaseState;
  openAt: Date | null;
  closeAt: Date | null;
  base: string;
  /** the language of the title, and of the version's text and note, when not simply the page's */
  titleMeta?: LocalizedMeta;
  textMeta?: LocalizedMeta;
}

export async function DraftHeader({ consultation, draft, version, versions, latestNumber, state, openAt, closeAt, base, titleMeta, textMeta }: Props) {
  const t = await getTranslations("drafts");
  return (
    <header className="space-y-3">
      <p><Link href={`/consultations/${consultation.slug}`} className="text-brand-800 underline">{t("breadcrumb")}: <bdi>{consultation.title}</bdi></Link></p>
      <h1 className="text-3xl font-semibold" dir="auto" lang={titleMeta?.language}>{draft.title}</h1>
      {titleMeta && (titleMeta.untranslated || titleMeta.outdated) && !(textMeta && textMeta.untranslated === titleMeta.untranslated) ? <TranslationNotice meta={titleMeta} /> : null}
      <p className="text-stone-800">
        {t("versionLabel", { number: version.number, date: version.publishedAt })}
        {/* a note in another direction (an English note on an Arabic page) keeps its own order */}
        {version.note ? <> — <bdi lang={textMeta?.language}>{version.note}</bdi></> : null}
      </p>
      {textMeta ? <TranslationNotice meta={textMeta} /> : null}
      <div className="flex flex-wrap items-center gap-3">
        <StateBadge state={state} label={`${t("period")}: ${t(`periodState.${state}`)}`} />
        {state === "open" && closeAt ? <span className="text-sm text-stone-700">{t("closesAt", { date: closeAt })}</span> : null}
        {state === "upcoming" && openAt ? <span className="text-sm text-stone-700">{t("opensAt", { date: openAt })}</span> : null}
      </div>
      {version.number !== latestNumber ? (
        <p className="rounded border-s-4 border-amber-700 bg-amber-50 px-3 py-2 text-amber-900">
          {t("viewingOld", { number: version.number })} <Link href={base} className="font-semibold underline">{t("readLatest")}</Link>
        </p>
      ) : null}
      {versions.length > 1 ? (
        <nav aria-label={t("versions")} className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
          <span className="text-stone-700">{t("versions")}:</span>
          <ul className="flex flex-wrap gap-3">
            {versions.map((v) => (
              <li key={v.number}>
                <Link
                  href={v.number === latestNumber ? base : `${base}/versions/${v.number}`}
                  aria-current={v.number === version.number ? "page" : undefined}
                  className={v.number === version.number ? "font-semibold text-stone-900" : "text-brand-800 underline"}
                >
                  {t("versionItem", { number: v.number, date: v.publishedAt })}{v.number === latestNumber ? ` (${t("current")})` : ""}
                </Link>
              </li>
            ))}
          </ul>
          <Link href={`${base}/compare`} className="text-brand-800 underline">{t("compare")}</Link>
        </nav>
      ) : null}
    </header>
  );
}
