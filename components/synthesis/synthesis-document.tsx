// The synthesis paper as the secretariat reads it in the page: the document (in its own language, English) with,
// under each paragraph, the inputs behind it and links that open them at the quoted sentence.
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { SynthesisModel, SynthesisSource } from "@/lib/synthesis/model";
import { outline, subtitle } from "@/lib/synthesis/render-markdown";
import { contributionPath, withTextFragment } from "@/lib/synthesis/paths";

function Numbered({ number, text }: { number: number; text: string }) {
  return (
    <p id={`para-${number}`} className="flex gap-3">
      <span className="min-w-8 font-semibold">{number}.</span>
      <span>{text}</span>
    </p>
  );
}

async function Sources({ number, sources, total }: { number: number; sources: SynthesisSource[]; total: number }) {
  const [t, locale] = await Promise.all([getTranslations("synthesis.document"), getLocale()]);
  if (sources.length === 0) return null;
  return (
    <details className="ms-11 mt-1 text-sm">
      <summary lang={locale} className="cursor-pointer text-brand-800 underline">{t("sources", { count: total, number })}</summary>
      <ul className="mt-2 space-y-2 border-s-2 border-stone-300 ps-3">
        {sources.map((s, i) => (
          <li key={`${s.id}-${i}`}>
            <a href={withTextFragment(s.path, s.sentence)} className="font-medium text-brand-800 underline">
              {s.reference === s.title ? s.title : `${s.reference}: ${s.title}`}
            </a>
            <blockquote className="text-stone-800">{s.sentence}</blockquote>
          </li>
        ))}
      </ul>
    </details>
  );
}

function CountTable({ caption, rows, labels }: { caption: string; rows: { key: string; label: string; submissions: number; contributors: number }[]; labels: { submissions: string; contributors: string } }) {
  if (rows.length === 0) return null;
  return (
    <table className="my-3 border-collapse text-sm">
      <caption className="text-start font-semibold">{caption}</caption>
      <thead>
        <tr>
          <th scope="col" className="border border-stone-300 px-2 py-1 text-start">{caption}</th>
          <th scope="col" className="border border-stone-300 px-2 py-1 text-end">{labels.submissions}</th>
          <th scope="col" className="border border-stone-300 px-2 py-1 text-end">{labels.contributors}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row" className="border border-stone-300 px-2 py-1 text-start font-normal">{r.label}</th>
            <td className="border border-stone-300 px-2 py-1 text-end">{r.submissions}</td>
            <td className="border border-stone-300 px-2 py-1 text-end">{r.contributors}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export async function SynthesisDocument({ model }: { model: SynthesisModel }) {
  const [t, locale] = await Promise.all([getTranslations("synthesis.document"), getLocale()]);
  const headings = outline(model);
  const headingOf = (index: number) => headings[index] ?? { id: `h-${index}`, title: "" };
  let index = 0;
  const intro = headingOf(index++);
  return (
    <article lang="en" dir="ltr" aria-labelledby="synthesis-title" className="space-y-4 rounded border border-stone-200 bg-white p-6 leading-relaxed">
      <h2 id="synthesis-title" className="text-2xl font-semibold">{model.title}</h2>
      <p className="italic">{subtitle(model)}</p>
      <nav aria-labelledby="synthesis-contents">
        <h3 id="synthesis-contents" className="font-semibold">Contents</h3>
        <ol className="list-inside list-decimal">
          {headings.map((h) => (
            <li key={h.id}><a href={`#${h.id}`} className="text-brand-800 underline">{h.title}</a></li>
          ))}
        </ol>
      </nav>
      <section aria-labelledby={intro.id} className="space-y-3">
        <h3 id={intro.id} className="text-xl font-semibold">{intro.title}</h3>
        {model.intro.map((p) => <Numbered key={p.number} {...p} />)}
        <CountTable caption="Stakeholder group" rows={model.byGroup} labels={{ submissions: "Submissions", contributors: "Contributors" }} />
        <CountTable caption="UN regional group" rows={model.byRegion} labels={{ submissions: "Submissions", contributors: "Contributors" }} />
      </section>
      {model.themes.map((theme) => {
        const h = headingOf(index++);
        return (
          <section key={h.id} aria-labelledby={h.id} className="space-y-3">
            <h3 id={h.id} className="text-xl font-semibold">{h.title}</h3>
            {theme.paragraphs.length === 0 ? <p className="italic">No contribution addressed this theme.</p> : null}
            {theme.paragraphs.map((p) => (
              <div key={p.number}>
                <Numbered number={p.number} text={p.text} />
                <Sources number={p.number} sources={p.sources} total={p.support} />
              </div>
            ))}
            {theme.omitted > 0 ? <p className="text-sm text-stone-700" lang={locale}>{t("omitted", { count: theme.omitted })}</p> : null}
          </section>
        );
      })}
      {model.comments ? (() => {
        const h = headingOf(index++);
        const comments = model.comments;
        return (
          <section aria-labelledby={h.id} className="space-y-3">
            <h3 id={h.id} className="text-xl font-semibold">{h.title}</h3>
            <Numbered {...comments.intro} />
            {comments.paragraphs.map((p) => (
              <div key={p.number}>
                <Numbered number={p.number} text={p.text} />
                <Sources number={p.number} sources={p.points.map((q) => q.source)} total={p.total} />
              </div>
            ))}
          </section>
        );
      })() : null}
      {(() => {
        const h = headingOf(index++);
        return (
          <section aria-labelledby={h.id} className="space-y-2">
            <h3 id={h.id} className="text-xl font-semibold">{h.title}</h3>
            {model.annexI.map((group) => (
              <div key={group.group}>
                <h4 className="font-semibold">{group.label}</h4>
                <ul className="list-disc ps-6">
                  {group.contributors.map((c, i) => (
                    <li key={`${c.name}-${i}`}>
                      <span className="font-medium">{c.name}</span>
                      <ul className="list-[circle] ps-6">
                        {c.submissions.map((s) => (
                          <li key={s.reference}>
                            <Link href={contributionPath(model.consultation.slug, s.reference)} className="text-brand-800 underline">{s.title}</Link> ({s.reference})
                          </li>
                        ))}
                      </ul>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </section>
        );
      })()}
      {(() => {
        const h = headingOf(index++);
        return (
          <section aria-labelledby={h.id} className="space-y-2">
            <h3 id={h.id} className="text-xl font-semibold">{h.title}</h3>
            {model.annexII.terms.length === 0 ? <p className="italic">No acronyms from the glossary appear in the inputs.</p> : (
              <dl className="grid grid-cols-[auto_1fr] gap-x-4">
                {model.annexII.terms.map((term) => (
                  <div key={term.acronym} className="contents">
                    <dt className="font-semibold">{term.acronym}</dt>
                    <dd>{term.expansion}</dd>
                  </div>
                ))}
              </dl>
            )}
          </section>
        );
      })()}
    </article>
  );
}
