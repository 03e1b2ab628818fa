// A draft version as readers see it: sections, numbered paragraphs, and (when commenting) a comment link per
// paragraph whose description breaks the count down by stakeholder group on hover and keyboard focus.
import { Fragment, type ReactNode } from "react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Paragraph } from "@/lib/db/generated/client";
import { INPUT_GROUPS } from "@/lib/stakeholders/groups";
import { renderMarkdown } from "@/lib/markdown/render";
import { totalOf, type GroupCounts } from "@/lib/comments/queries";

interface Props {
  paragraphs: Paragraph[];
  /** comment counts per anchor; omitted on read-only views of past versions */
  counts?: Map<string, GroupCounts>;
  selected?: string | null;
  hrefFor?: (anchorId: string) => string;
  /** show what changed since the previous version */
  showChanges?: boolean;
  /** rendered right after the selected paragraph */
  discussion?: ReactNode;
  /** the language the paragraphs are in (a translation, or the original when the reader's language has none) */
  lang?: string;
}

export async function DraftBody({ paragraphs, counts, selected, hrefFor, showChanges = false, discussion, lang }: Props) {
  const [t, tg] = await Promise.all([getTranslations("drafts"), getTranslations("groups")]);
  return (
    <div className="space-y-1" lang={lang}>
      {paragraphs.map((p) => {
        if (p.kind === "HEADING") {
          const Tag = p.level <= 1 ? "h2" : "h3";
          return (
            <Tag key={p.id} id={`p-${p.anchorId}`} dir="auto" className={`${p.level <= 1 ? "text-2xl" : "text-xl"} pt-4 font-semibold`}>
              {p.text}
            </Tag>
          );
        }
        const number = p.number ?? 0;
        const isSelected = selected === p.anchorId;
        const groupCounts = counts?.get(p.anchorId);
        const total = totalOf(groupCounts);
        return (
          <Fragment key={p.id}>
            <div
              id={`p-${p.anchorId}`}
              className={isSelected ? "para para-sel" : "para"}
              style={p.kind === "LIST_ITEM" ? { marginInlineStart: `${(p.level + 1) * 1.25}rem` } : undefined}
            >
              <span className="para-num">
                {p.kind === "LIST_ITEM" ? <span aria-hidden="true">• </span> : null}{number}
              </span>
              <div className="prose-user para-text" dir="auto">
                <div dangerouslySetInnerHTML={{ __html: renderMarkdown(p.text) }} />
                {showChanges && p.change !== "UNCHANGED" ? (
                  <p className="text-xs text-stone-700">
                    <span className="me-1 rounded border border-stone-500 bg-stone-100 px-1 text-stone-800">{t(`change.${p.change}`)}</span>
                    {p.previousNumber !== null && p.previousNumber !== p.number ? t("previousNumber", { number: p.previousNumber }) : null}
                  </p>
                ) : null}
              </div>
              {counts && hrefFor ? (
                <span className="para-count">
                  <Link
                    href={hrefFor(p.anchorId)}
                    scroll={false}
                    aria-describedby={total > 0 ? `breakdown-${p.anchorId}` : undefined}
                    aria-current={isSelected ? "true" : undefined}
                    className={total > 0 ? "para-link para-link-on" : "para-link"}
                  >
                    <span className="sr-only">{t("paragraph", { number })}: </span>
                    {t("commentCount", { count: total })}
                  </Link>
                  {total > 0 ? (
                    <span
                      id={`breakdown-${p.anchorId}`}
                      role="tooltip"
                      className="para-tip"
                    >
                      <b>{t("breakdown")}</b>
                      {INPUT_GROUPS.filter((g) => groupCounts?.[g]).map((g) => (
                        <span key={g}>{tg(g)} <span>{groupCounts?.[g]}</span></span>
                      ))}
                    </span>
                  ) : null}
                </span>
              ) : null}
            </div>
            {isSelected ? discussion : null}
          </Fragment>
        );
      })}
    </div>
  );
}
