// The marker a reader sees when a text is not in their language (shown in its original) or its translation may be
// out of date: never a silent mix of languages (docs/decisions/0033).
import { useLocale, useTranslations } from "next-intl";
import { languageName } from "@/lib/i18n/names";

export interface LocalizedMeta {
  language: string;
  requested: string;
  original: string;
  untranslated: boolean;
  outdated: boolean;
}

export function TranslationNotice({ meta, compact = false }: { meta: LocalizedMeta; compact?: boolean }) {
  const t = useTranslations("content");
  const locale = useLocale();
  if (!meta.untranslated && !meta.outdated) return null;
  const values = { requested: languageName(meta.requested, locale), original: languageName(meta.original, locale) };
  const message = meta.untranslated ? (compact ? t("untranslatedShort", values) : t("untranslated", values)) : t("outdated", values);
  return (
    <p className={`inline-block rounded border border-amber-700 bg-amber-50 px-2 py-0.5 text-amber-950 ${compact ? "text-xs" : "text-sm"}`} data-translation-notice={meta.untranslated ? "untranslated" : "outdated"}>
      {message}
    </p>
  );
}
