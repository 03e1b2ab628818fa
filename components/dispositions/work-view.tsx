"use client";
// The working view for answering comments: rows grouped by paragraph, selected with the mouse or the keyboard, then
// answered one at a time or many at once (a campaign row answers every near-identical member).
// Keyboard: j / k move between comments, x selects, a accepted, p partly accepted, n not accepted, o out of scope,
// w answered without a change; Escape closes the answer panel. Shortcuts are ignored while typing in a field.
import { useActionState, useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { FormAlert, buttonClass, inputClass } from "@/components/ui/field";
import { useFocusOnResult } from "@/components/ui/use-focus-on-result";
import { DISPOSITION_KEYS, DISPOSITION_KINDS, REASON_REQUIRED, shortcutOf, type DispositionKindName } from "@/lib/dispositions/kinds";
import type { DispositionActionState, OptionView, TemplateView, WorkGroupView, WorkRowView } from "./work-types";

interface Props {
  groups: WorkGroupView[];
  paragraphs: OptionView[];
  templates: TemplateView[];
  nextVersion: number;
  action: (state: DispositionActionState, formData: FormData) => Promise<DispositionActionState>;
}

export function DispositionWorkView({ groups, paragraphs, templates, nextVersion, action }: Props) {
  const t = useTranslations("dispositions.work");
  const tk = useTranslations("dispositions.kinds");
  const te = useTranslations("dispositions.errors");
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [kind, setKind] = useState<DispositionKindName | null>(null);
  const [reason, setReason] = useState("");
  const [templateId, setTemplateId] = useState("");
  const [paragraph, setParagraph] = useState("suggested");
  const formRef = useRef<HTMLFormElement>(null);
  const firstFieldRef = useRef<HTMLSelectElement | HTMLTextAreaElement | null>(null);
  const alertRef = useFocusOnResult(state);
  const rows: WorkRowView[] = groups.flatMap((g) => g.rows);
  const rowOf = new Map(rows.map((r) => [r.selection, r]));

  // After an answer the page re-renders with the rows as they now stand: start from a clean slate.
  const [lastAt, setLastAt] = useState(0);
  if (state.status !== "idle" && state.at !== lastAt) {
    setLastAt(state.at);
    if (state.status === "done") {
      setSelected(new Set());
      setKind(null);
      setReason("");
      setTemplateId("");
    }
  }

  useEffect(() => {
    if (kind) firstFieldRef.current?.focus();
    // Only when the panel opens, not on every change of kind inside it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [kind !== null]);

  function toggle(value: string) {
    setSelected((prev) => {
      const next = new Set(prev);
      if (next.has(value)) next.delete(value);
      else next.add(value);
      return next;
    });
  }

  function open(k: DispositionKindName) {
    let selection = selected;
    // With nothing selected, the comment that has focus is the one answered.
    if (selection.size === 0) {
      const focused = document.activeElement;
      if (!(focused instanceof HTMLInputElement && focused.dataset.row)) return;
      selection = new Set([focused.value]);
      setSelected(selection);
    }
    const only = selection.size === 1 ? rowOf.get([...selection][0] ?? "") : undefined;
    // One comment: start from what it has (a revision) or what the matching suggests; several: each its own suggestion.
    setParagraph(only ? (only.current ? only.current.paragraphId ?? "none" : only.suggestedParagraphId ?? "none") : "suggested");
    if (only?.current && kind === null) setReason(only.current.reason);
    setKind(k);
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLDivElement>) {
    const target = event.target as HTMLElement;
    if (event.key === "Escape" && kind) {
      setKind(null);
      return;
    }
    if (target.tagName === "TEXTAREA" || target.tagName === "SELECT" || (target instanceof HTMLInputElement && target.type !== "checkbox")) return;
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const boxes = Array.from(formRef.current?.querySelectorAll<HTMLInputElement>("input[data-row]") ?? []);
    const index = boxes.findIndex((b) => b === document.activeElement);
    if (event.key === "j" || event.key === "k") {
      event.preventDefault();
      const next = event.key === "j" ? Math.min(boxes.length - 1, index + 1) : Math.max(0, index - 1);
      boxes[next]?.focus();
    } else if (event.key === "x" && index >= 0) {
      event.preventDefault();
      const box = boxes[index];
      if (box) toggle(box.value);
    } else if (DISPOSITION_KEYS[event.key]) {
      event.preventDefault();
      const k = DISPOSITION_KEYS[event.key];
      if (k) open(k);
    }
  }

  const errorText = (key: string) => (te.has(key) ? te(key) : te("generic"));
  const fieldErrors = state.status === "error" ? state.fieldErrors : {};
  const members = [...selected].reduce((n, s) => n + (rowOf.get(s)?.count ?? 1), 0);
  const reasonRequired = kind !== null && REASON_REQUIRED.has(kind);

  return (
    <div onKeyDown={onKeyDown} className="space-y-4">
      <p id="work-shortcuts" className="text-sm text-stone-700">{t("shortcuts")}</p>
      <div ref={alertRef} tabIndex={-1}>
        {state.status === "done" ? (
          <FormAlert tone={state.summary.conflicts.length > 0 || state.summary.failed > 0 ? "error" : "success"}>
            <p>{t("summary", { done: state.summary.done, unchanged: state.summary.unchanged })}</p>
            {state.summary.conflicts.length > 0 ? (
              <ul className="mt-1 list-disc ps-5">
                {state.summary.conflicts.map((c) => <li key={c.commentId}>{c.by ? te("answeredBy", { name: c.by }) : errorText(c.error)}</li>)}
              </ul>
            ) : null}
            {state.summary.failed > 0 ? <p>{te("someFailed", { count: state.summary.failed })}</p> : null}
          </FormAlert>
        ) : null}
        {state.status === "error" ? <FormAlert>{errorText(fieldErrors.targets?.[0] ?? (Object.keys(fieldErrors).length ? "invalidInput" : state.error))}</FormAlert> : null}
      </div>

      <form ref={formRef} action={formAction} className="space-y-4" aria-describedby="work-shortcuts">
        {[...selected].map((value) => <input key={value} type="hidden" name="selection" value={value} />)}
        <div className="sticky top-0 z-10 flex flex-wrap items-center gap-2 rounded border border-stone-300 bg-white p-3" role="group" aria-label={t("actions")}>
          <span className="me-2 text-sm" aria-live="polite">{t("selected", { count: selected.size, members })}</span>
          <button type="button" className="rounded border border-stone-400 px-3 py-1 text-sm" onClick={() => setSelected(selected.size === rows.length ? new Set() : new Set(rows.map((r) => r.selection)))}>
            {selected.size === rows.length && rows.length > 0 ? t("selectNone") : t("selectAll")}
          </button>
          {DISPOSITION_KINDS.map((k) => (
            <button key={k} type="button" disabled={selected.size === 0 || pending} onClick={() => open(k)} aria-keyshortcuts={shortcutOf(k)}
              className="rounded border border-brand-700 px-3 py-1 text-sm text-brand-800 disabled:opacity-50">
              {tk(k)}… <kbd className="ms-1 text-xs">{shortcutOf(k)}</kbd>
            </button>
          ))}
        </div>

        {kind ? (
          <fieldset className="space-y-3 rounded border-2 border-brand-700 bg-white p-4">
            <legend className="px-1 font-semibold">{t("answerFor", { count: selected.size, members })}</legend>
            <fieldset className="space-y-1">
              <legend className="font-medium">{t("disposition")}</legend>
              <div className="flex flex-wrap gap-x-4 gap-y-1">
                {DISPOSITION_KINDS.map((k) => (
                  <label key={k} className="inline-flex items-center gap-1">
                    <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
                    {tk(k)}
                  </label>
                ))}
              </div>
            </fieldset>
            {templates.length > 0 ? (
              <div className="flex flex-col gap-1">
                <label htmlFor="templateId" className="font-medium">{t("template")}</label>
                <select id="templateId" name="templateId" className={inputClass} value={templateId}
                  ref={(el) => { if (templates.length > 0) firstFieldRef.current = el; }}
                  onChange={(e) => { setTemplateId(e.target.value); const tpl = templates.find((o) => o.id === e.target.value); if (tpl) setReason(tpl.text); }}>
                  <option value="">{t("templateNone")}</option>
                  {templates.map((o) => <option key={o.id} value={o.id}>{o.label}</option>)}
                </select>
              </div>
            ) : null}
            <div className="flex flex-col gap-1">
              <label htmlFor="reason" className="font-medium">{reasonRequired ? t("reasonRequired") : t("reasonOptional")}</label>
              <p id="reason-hint" className="text-sm text-stone-700">{t("reasonHint")}</p>
              <textarea id="reason" name="reason" rows={3} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} className={inputClass} dir="auto"
                ref={(el) => { if (templates.length === 0) firstFieldRef.current = el; }}
                aria-invalid={fieldErrors.reason?.length ? true : undefined}
                aria-describedby={fieldErrors.reason?.length ? "reason-hint reason-error" : "reason-hint"} />
              {fieldErrors.reason?.length ? <p id="reason-error" className="text-sm text-red-800">{fieldErrors.reason.map(errorText).join(" ")}</p> : null}
            </div>
            <div className="flex flex-col gap-1">
              <label htmlFor="paragraph" className="font-medium">{t("paragraph", { version: nextVersion })}</label>
              <p id="paragraph-hint" className="text-sm text-stone-700">{t("paragraphHint")}</p>
              <select id="paragraph" name="paragraph" className={inputClass} value={paragraph} onChange={(e) => setParagraph(e.target.value)}
                aria-invalid={fieldErrors.paragraph?.length ? true : undefined}
                aria-describedby={fieldErrors.paragraph?.length ? "paragraph-hint paragraph-error" : "paragraph-hint"}>
                {selected.size > 1 || [...selected].some((s) => s.startsWith("CAMPAIGN:")) ? <option value="suggested">{t("paragraphSuggested")}</option> : null}
                <option value="none">{t("paragraphNone")}</option>
                {paragraphs.map((p) => <option key={p.id} value={p.id}>{p.label}</option>)}
              </select>
              {fieldErrors.paragraph?.length ? <p id="paragraph-error" className="text-sm text-red-800">{fieldErrors.paragraph.map(errorText).join(" ")}</p> : null}
            </div>
            <div className="flex gap-2">
              <button type="submit" className={buttonClass} disabled={pending}>{t("confirm", { kind: tk(kind), count: members })}</button>
              <button type="button" className="rounded border border-stone-400 px-4 py-2" onClick={() => setKind(null)}>{t("cancel")}</button>
            </div>
          </fieldset>
        ) : null}

        {groups.length === 0 ? (
          <p className="rounded border border-stone-200 bg-white p-4">{t("empty")}</p>
        ) : (
          groups.map((g) => (
            <section key={g.key} aria-labelledby={`g-${g.key}`} className="space-y-2 rounded border border-stone-300 bg-stone-50 p-3">
              <div id={`g-${g.key}`}>{g.header}</div>
              <ul className="space-y-2" aria-label={t("comments")}>
                {g.rows.map((row) => (
                  <li key={row.selection} className={`rounded border bg-white p-3 ${selected.has(row.selection) ? "border-brand-700 ring-2 ring-brand-700" : "border-stone-200"}`}>
                    <div className="flex items-start gap-3">
                      <input id={`sel-${row.selection}`} type="checkbox" data-row="1" value={row.selection} checked={selected.has(row.selection)} onChange={() => toggle(row.selection)} className="mt-1 h-5 w-5 shrink-0" />
                      <div className="min-w-0 flex-1 space-y-1">
                        <label htmlFor={`sel-${row.selection}`} className="block font-semibold" dir="auto">{row.label}</label>
                        {row.content}
                      </div>
                    </div>
                  </li>
                ))}
              </ul>
            </section>
          ))
        )}
      </form>
    </div>
  );
}
