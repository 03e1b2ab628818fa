// The synthesis paper as the secretariat reads it in the page: the document in its own language with, under each
// paragraph, the inputs behind it (links open them at the quoted statement), supporting quotes, and on the live
// draft the controls to edit the point.
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { SynthesisModel, SynthesisPointModel, SynthesisSource } from "@/lib/synthesis/model";
import { annexParagraphs, languageNote, outline, paragraphPieces, quoteLead, subtitle } from "@/lib/synthesis/render-markdown";
import { paperPhrases, type PaperPhrases } from "@/lib/synthesis/phrases";
import { contributionPath, withTextFragment } from "@/lib/synthesis/paths";
import { directionOf, isLocale } from "@/lib/i18n/config";
import { PointEditor, type PointEditState } from "./point-editor";

export interface EditingContext {
  generation: number;
  history: Map<string, { action: string; actor: string | null; createdAt: string; before: string | null; after: string | null }[]>;
  action: (key: string) => (state: PointEditState, formData: FormData) => Promise<PointEditState>;
  /** where the secretariat marks a point as a followed issue */
  followHref?: (key: string) => string;
}

function PointBody({ phrases, point }: { phrases: PaperPhrases; point: SynthesisPointModel }) {
  const { before, quote, after } = paragraphPieces(phrases, point);
  if (!quote) return <span>{before}</span>;
  return (
    <span>
      {before}
      {phrases.t("quoteOpen")}
      <q lang={quote.language || "und"} className="[quotes:none]">
        {quoteLead(phrases, quote)}
        {quote.items.length ? <ul className="list-disc ps-6">{quote.items.map((item, i) => <li key={i}>{item}</li>)}</ul> : null}
        {quote.cutEnd && quote.items.length ? ` ${phrases.t("elision")}` : ""}
      </q>
      {phrases.t("quoteClose")}
      {languageNote(phrases, quote)}
      {after}
    </span>
  );
}

async function Sources({ label, sources, total, supporting }: { label: string; sources: SynthesisSource[]; total: number; supporting: string[] }) {
  const [t, te, locale] = await Promise.all([getTranslations("synthesis.document"), getTranslations("synthesisEditor"), getLocale()]);
  if (sources.length === 0) return null;
  return (
    <details className="ms-11 mt-1 text-sm" lang={locale}>
      <summary className="cursor-pointer text-brand-800 underline">{t("sources", { count: total, number: label })}</summary>
      <ul className="mt-2 space-y-2 border-s-2 border-stone-300 ps-3">
        {sources.map((s, i) => (
          <li key={`${s.id}-${i}`}>
            <a href={withTextFragment(s.path, s.sentence)} className="font-medium text-brand-800 underline">
              {s.reference === s.title ? s.title : `${s.reference}: ${s.title}`}
            </a>
            <blockquote className="text-stone-800" dir="auto">{s.sentence}</blockquote>
          </li>
        ))}
      </ul>
      {supporting.length > 0 ? (
        <>
          <p className="mt-2 font-medium">{te("point.supporting")}</p>
          <ul className="list-disc ps-6">{supporting.map((q, i) => <li key={i} dir="auto">{q}</li>)}</ul>
        </>
      ) : null}
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

export async function SynthesisDocument({ model, editing }: { model: SynthesisModel; editing?: EditingContext }) {
  const [te, ti] = await Promise.all([getTranslations("synthesisEditor"), getTranslations("issues.create")]);
  const locale = await getLocale();
  const phrases = paperPhrases(model.language);
  const pt = phrases.t;
  const headings = outline(model);
  const headingOf = (index: number) => headings[index] ?? { id: `h-${index}`, title: "" };
  const dir = isLocale(model.language) ? directionOf(model.language) : "ltr";
  const sections = model.themes.map((s) => ({ key: s.key, label: `${s.letter}. ${s.title}` }));
  const all = model.themes.flatMap((s) => [...s.paragraphs, ...s.further].map((p) => ({ p, s })));
  const labelOf = (p: SynthesisPointModel, letter: string) => (p.number !== null ? String(p.number) : `${letter} • ${p.quote.parts.join(" ").slice(0, 40)}`);
  const targets = (key: string) => all.filter(({ p }) => p.key !== key).map(({ p, s }) => ({ key: p.key, label: `${labelOf(p, s.letter)}: ${p.quote.parts.join(" ").slice(0, 80)}` }));
  const editorFor = (p: SynthesisPointModel, sectionKey: string, letter: string, list: SynthesisPointModel[], index: number) =>
    editing ? (
      <>
      {editing.followHref ? (
        <p className="ms-11 text-sm" lang={locale}><Link href={editing.followHref(p.key)} className="text-brand-800 underline">{ti("followLink", { label: labelOf(p, letter) })}</Link></p>
      ) : null}
      <PointEditor
        label={labelOf(p, letter)}
        point={{ key: p.key, text: p.text, edited: p.edited, setAsideReason: p.setAsideReason, sourcesChanged: p.flags.sourcesChanged, section: sectionKey, sources: p.sources.map((s) => ({ statementKey: s.statementKey, reference: s.reference, sentence: s.sentence })) }}
        canUp={index > 0}
        canDown={index < list.length - 1}
        sections={sections}
        targets={targets(p.key)}
        history={editing.history.get(p.key) ?? []}
        action={editing.action(p.key)}
      />
      </>
    ) : null;
  const flags = (p: SynthesisPointModel) =>
    editing && (p.flags.isNew || p.flags.sourcesChanged || p.edited) ? (
      <span className="ms-11 flex flex-wrap gap-2 text-xs" lang={locale}>
        {p.flags.isNew ? <span className="rounded bg-green-100 px-2 py-0.5 text-green-900">{te("point.new")}</span> : null}
        {p.flags.sourcesChanged ? <span className="rounded bg-amber-100 px-2 py-0.5 text-amber-900">{te("point.sourcesChanged")}</span> : null}
        {p.edited && !p.flags.sourcesChanged ? <span className="rounded bg-stone-100 px-2 py-0.5 text-stone-900">{te("point.edited")}</span> : null}
      </span>
    ) : null;
  const supportingOf = (p: SynthesisPointModel) => p.supporting.map((q) => `${pt("quoteOpen")}${quoteLead(phrases, q)}${q.items.length ? ` ${q.items.join(" ")}` : ""}${pt("quoteClose")}${languageNote(phrases, q)}`);
  let index = 0;
  const intro = headingOf(index++);
  return (
    <article lang={model.language} dir={dir} aria-labelledby="synthesis-title" className="space-y-4 rounded border border-stone-200 bg-white p-6 leading-relaxed">
      <h2 id="synthesis-title" className="text-2xl font-semibold">{model.title}</h2>
      <p className="italic">{subtitle(model)}</p>
      <nav aria-labelledby="synthesis-contents">
        <h3 id="synthesis-contents" className="font-semibold">{pt("headings.contents")}</h3>
        <ol className="list-inside list-decimal">
          {headings.map((h) => <li key={h.id}><a href={`#${h.id}`} className="text-brand-800 underline">{h.title}</a></li>)}
        </ol>
      </nav>
      <section aria-labelledby={intro.id} className="space-y-3">
        <h3 id={intro.id} className="text-xl font-semibold">{intro.title}</h3>
        {model.intro.map((p) => (
          <p key={p.number} id={`para-${p.number}`} className="flex gap-3"><span className="min-w-8 font-semibold">{p.number}.</span><span>{p.text}</span></p>
        ))}
        <CountTable caption={pt("tables.group")} rows={model.byGroup} labels={{ submissions: pt("tables.submissions"), contributors: pt("tables.contributors") }} />
        <CountTable caption={pt("tables.region")} rows={model.byRegion} labels={{ submissions: pt("tables.submissions"), contributors: pt("tables.contributors") }} />
      </section>
      {model.themes.map((section) => {
        const h = headingOf(index++);
        const list = [...section.paragraphs, ...section.further];
        return (
          <section key={h.id} aria-labelledby={h.id} className="space-y-3">
            <h3 id={h.id} className="text-xl font-semibold">{h.title}</h3>
            {list.length === 0 ? <p className="italic">{pt("noParagraphs")}</p> : null}
            {section.paragraphs.map((p, i) => (
              <div key={p.key} id={`point-${p.key}`}>
                <p id={`para-${p.number}`} data-paper-paragraph="" className="flex gap-3"><span className="min-w-8 font-semibold">{p.number}.</span><PointBody phrases={phrases} point={p} /></p>
                {flags(p)}
                <Sources label={String(p.number)} sources={p.sources} total={p.statements} supporting={supportingOf(p)} />
                {editorFor(p, section.key, section.letter, list, i)}
              </div>
            ))}
            {section.further.length > 0 ? (
              <div className="space-y-2">
                <h4 className="font-semibold">{pt("headings.furtherPoints")}</h4>
                <ul className="space-y-3">
                  {section.further.map((p, i) => (
                    <li key={p.key} id={`point-${p.key}`}>
                      <p data-paper-paragraph="" className="flex gap-3"><span aria-hidden="true" className="min-w-8">•</span><PointBody phrases={phrases} point={p} /></p>
                      {flags(p)}
                      <Sources label={labelOf(p, section.letter)} sources={p.sources} total={p.statements} supporting={supportingOf(p)} />
                      {editorFor(p, section.key, section.letter, list, section.paragraphs.length + i)}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </section>
        );
      })}
      {model.comments ? (() => {
        const h = headingOf(index++);
        const comments = model.comments;
        return (
          <section aria-labelledby={h.id} className="space-y-3">
            <h3 id={h.id} className="text-xl font-semibold">{h.title}</h3>
            <p className="flex gap-3"><span className="min-w-8 font-semibold">{comments.intro.number}.</span><span>{comments.intro.text}</span></p>
            {comments.paragraphs.map((p) => (
              <div key={p.number}>
                <p id={`para-${p.number}`} className="flex gap-3"><span className="min-w-8 font-semibold">{p.number}.</span><span>{p.text}</span></p>
                <Sources label={String(p.number)} sources={p.points.map((q) => q.source)} total={p.total} supporting={[]} />
              </div>
            ))}
          </section>
        );
      })() : null}
      {editing && model.setAside.length > 0 ? (
        <section aria-labelledby="set-aside-heading" className="space-y-3 rounded border-s-4 border-stone-500 bg-stone-50 p-4" lang={locale}>
          <h3 id="set-aside-heading" className="text-lg font-semibold">{te("setAsidePoints")}</h3>
          <ul className="space-y-3">
            {model.setAside.map((p, i) => (
              <li key={p.key} id={`point-${p.key}`}>
                <p lang={model.language} dir={dir} data-paper-paragraph=""><PointBody phrases={phrases} point={p} /></p>
                <p className="text-sm">{p.setAsideReason}</p>
                {editorFor(p, "", "", model.setAside, i)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
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
                            <Link href={contributionPath(model.consultation.slug, s.reference)} className="text-brand-800 underline">{s.title}</Link> ({s.reference}): {annexParagraphs(phrases, s)}
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
            {model.annexII.terms.length === 0 ? <p className="italic">{pt("noTerms")}</p> : (
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
