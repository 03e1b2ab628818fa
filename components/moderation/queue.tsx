"use client";
// The moderation queue: select rows (mouse or keyboard), then publish, reject, request changes, hide or restore them.
// Keyboard: j / k move between rows, x selects, p publishes, r rejects, c requests changes, h hides, u restores,
// o publishes over balance; Escape closes the reason panel. Shortcuts are ignored while typing in a field.
import { useActionState, useEffect, useRef, useState } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { FormAlert, buttonClass, inputClass } from "@/components/ui/field";
import type { QueueActionState, QueueRow, TemplateOption } from "./queue-types";
import { useFocusOnResult } from "@/components/ui/use-focus-on-result";
import { ConfirmAction } from "@/components/ui/confirm-action";

type Verb = "publish" | "publishOverBalance" | "reject" | "requestChanges" | "hide" | "restore";

const VERBS_BY_VIEW: Record<string, Verb[]> = {
  PENDING: ["publish", "reject", "requestChanges"],
  HELD_FOR_BALANCE: ["publishOverBalance", "reject", "requestChanges"],
  PUBLISHED: ["hide"],
  HIDDEN: ["restore"],
  REJECTED: ["restore"],
};
const NEEDS_REASON: ReadonlySet<Verb> = new Set<Verb>(["reject", "requestChanges", "hide", "publishOverBalance"]);
const KEYS: Record<string, Verb> = { p: "publish", r: "reject", c: "requestChanges", h: "hide", u: "restore", o: "publishOverBalance" };
const TEMPLATE_KIND: Partial<Record<Verb, TemplateOption["kind"]>> = { reject: "REJECT", requestChanges: "REQUEST_CHANGES", hide: "HIDE" };

interface Props {
  rows: QueueRow[];
  view: string;
  templates: TemplateOption[];
  action: (state: QueueActionState, formData: FormData) => Promise<QueueActionState>;
}

export function ModerationQueue({ rows, view, templates, action }: Props) {
  const t = useTranslations("moderation.queue");
  const tv = useTranslations("moderation.verbs");
  const te = useTranslations("moderation.errors");
  const tb = useTranslations("bulk");
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [reasonVerb, setReasonVerb] = useState<Verb | null>(null);
  const [reason, setReason] = useState("");
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useFocusOnResult(state);
  const reasonRef = useRef<HTMLSelectElement | HTMLTextAreaElement | null>(null);
  const verbs = VERBS_BY_VIEW[view] ?? [];
  // What the action will act on: a campaign row counts as all the members it stands for.
  const weightOf = new Map(rows.map((r) => [r.selection, r.weight]));
  const selectedCount = [...selected].reduce((n, value) => n + (weightOf.get(value) ?? 1), 0);
  const selectedCampaigns = [...selected].filter((value) => value.startsWith("CAMPAIGN:")).length;

  // After an action the page re-renders with the remaining rows: start from a clean selection.
  const [lastAt, setLastAt] = useState(0);
  if (state.status !== "idle" && state.at !== lastAt) {
    setLastAt(state.at);
    if (state.status === "done") {
      setSelected(new Set());
      setReasonVerb(null);
      setReason("");
    }
  }


  useEffect(() => {
    if (reasonVerb) reasonRef.current?.focus();
  }, [reasonVerb]);

  function toggle(value: string) {
    setSelected((prev) => {
      const next = new Set(prev);
      if (next.has(value)) next.delete(value);
      else next.add(value);
      return next;
    });
  }

  function rowBoxes(): HTMLInputElement[] {
    return Array.from(formRef.current?.querySelectorAll<HTMLInputElement>("input[data-row]") ?? []);
  }

  function run(verb: Verb) {
    if (!verbs.includes(verb)) return;
    // With nothing selected, the row that has focus is the one acted on.
    if (selected.size === 0) {
      const focused = document.activeElement;
      if (focused instanceof HTMLInputElement && focused.dataset.row) setSelected(new Set([focused.value]));
      else return;
    }
    if (NEEDS_REASON.has(verb)) {
      setReasonVerb(verb);
      return;
    }
    // Wait for the selection to render into the form before submitting.
    requestAnimationFrame(() => {
      const button = formRef.current?.querySelector<HTMLButtonElement>(`button[data-verb="${verb}"]`);
      button?.click();
    });
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLDivElement>) {
    const target = event.target as HTMLElement;
    if (event.key === "Escape" && reasonVerb) {
      setReasonVerb(null);
      return;
    }
    if (target.tagName === "TEXTAREA" || target.tagName === "SELECT" || (target instanceof HTMLInputElement && target.type !== "checkbox")) return;
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const boxes = rowBoxes();
    const index = boxes.findIndex((b) => b === document.activeElement);
    if (event.key === "j" || event.key === "k") {
      event.preventDefault();
      const next = event.key === "j" ? Math.min(boxes.length - 1, index + 1) : Math.max(0, index - 1);
      boxes[next]?.focus();
    } else if (event.key === "x" && index >= 0) {
      event.preventDefault();
      const box = boxes[index];
      if (box) toggle(box.value);
    } else if (KEYS[event.key]) {
      event.preventDefault();
      const verb = KEYS[event.key];
      if (verb) run(verb);
    }
  }

  const errorText = (key: string) => (te.has(key) ? te(key) : te("generic"));
  const reasonErrors = state.status === "error" ? state.fieldErrors.reason : undefined;
  const kind = reasonVerb ? TEMPLATE_KIND[reasonVerb] : undefined;
  const options = kind ? templates.filter((tpl) => tpl.kind === kind) : [];

  return (
    <div onKeyDown={onKeyDown} className="space-y-4">
      <p id="queue-shortcuts" className="text-sm text-stone-700">{t("shortcuts")}</p>
      <div ref={alertRef} tabIndex={-1}>
        {state.status === "done" ? (
          <FormAlert tone={state.summary.conflicts.length > 0 || state.summary.failed > 0 || state.summary.campaignsChanged.length > 0 ? "error" : "success"}>
            <p>{t("summary", { done: state.summary.done, held: state.summary.held })}</p>
            {state.summary.changed.length > 0 ? (
              <details open={state.summary.changed.length <= 10} className="mt-1">
                <summary className="cursor-pointer">{tb("changedHeading", { count: state.summary.changed.length })}</summary>
                <ul className="mt-1 list-disc ps-5" aria-label={tb("changedHeading", { count: state.summary.changed.length })}>
                  {state.summary.changed.map((c) => (
                    <li key={`${c.type}:${c.id}`}><span dir="auto">{c.label}</span>: {tb("changedItem", { from: c.from, to: c.to })}</li>
                  ))}
                </ul>
              </details>
            ) : null}
            {state.summary.campaignsChanged.map((c) => (
              <p key={c.id} className="mt-1">{tb("campaignChanged", { label: c.label, expected: c.expected, now: c.now })}</p>
            ))}
            {state.summary.failed > 0 ? <p className="mt-1">{tb("failed", { count: state.summary.failed })}</p> : null}
            {state.summary.conflicts.length > 0 ? (
              <ul className="mt-1 list-disc ps-5">
                {state.summary.conflicts.map((c) => (
                  <li key={c.id}>{c.by ? te("alreadyModeratedBy", { name: c.by }) : errorText(c.error)}</li>
                ))}
              </ul>
            ) : null}
          </FormAlert>
        ) : null}
        {state.status === "error" ? <FormAlert>{errorText(state.fieldErrors.targets?.[0] ?? state.error)}</FormAlert> : null}
      </div>

      <form ref={formRef} action={formAction} className="space-y-4" aria-describedby="queue-shortcuts">
        {[...selected].map((value) => <input key={value} type="hidden" name="selection" value={value} />)}
        <div className="sticky top-0 z-10 flex flex-wrap items-center gap-2 rounded border border-stone-300 bg-white p-3" role="group" aria-label={t("actions")}>
          <span className="me-2 text-sm" aria-live="polite">
            {t("selected", { count: selectedCount })}
            {selectedCampaigns > 0 ? ` (${tb("selectedCampaigns", { campaigns: selectedCampaigns })})` : null}
          </span>
          <button type="button" className="rounded border border-stone-400 px-3 py-1 text-sm" onClick={() => setSelected(selected.size === rows.length ? new Set() : new Set(rows.map((r) => r.selection)))}>
            {selected.size === rows.length && rows.length > 0 ? t("selectNone") : t("selectAll")}
          </button>
          {verbs.map((verb) =>
            NEEDS_REASON.has(verb) ? (
              <button key={verb} type="button" disabled={selected.size === 0 || pending} onClick={() => run(verb)} className="rounded border border-brand-700 px-3 py-1 text-sm text-brand-800 disabled:opacity-50" aria-keyshortcuts={shortcutOf(verb)}>
                {tv(`${verb}Ellipsis`)} <kbd className="ms-1 text-xs">{shortcutOf(verb)}</kbd>
              </button>
            ) : selectedCount > 1 ? (
              // More than one item at once: asked first, with Cancel (the reasoned verbs ask in their panel).
              <ConfirmAction
                key={verb}
                submit={{ name: "verb", value: verb }}
                disabled={pending}
                className={`${buttonClass} py-1 text-sm`}
                trigger={{ "data-verb": verb, "aria-keyshortcuts": shortcutOf(verb) }}
                label={<>{t("confirm", { action: tv(verb), count: selectedCount })} <kbd className="ms-1 text-xs">{shortcutOf(verb)}</kbd></>}
                dialogLabel={t("confirm", { action: tv(verb), count: selectedCount })}
                question={t(`bulkQuestion.${verb === "restore" ? "restore" : "publish"}`, { count: selectedCount })}
                confirmLabel={t("confirm", { action: tv(verb), count: selectedCount })}
                cancelLabel={t("cancel")}
              />
            ) : (
              <button key={verb} type="submit" name="verb" value={verb} data-verb={verb} disabled={selected.size === 0 || pending} className={`${buttonClass} py-1 text-sm`} aria-keyshortcuts={shortcutOf(verb)}>
                {selectedCount > 0 ? t("confirm", { action: tv(verb), count: selectedCount }) : tv(verb)} <kbd className="ms-1 text-xs">{shortcutOf(verb)}</kbd>
              </button>
            ),
          )}
        </div>

        {reasonVerb ? (
          <fieldset className="space-y-3 rounded border-2 border-brand-700 bg-white p-4">
            <legend className="px-1 font-semibold">{t("reasonFor", { action: tv(reasonVerb), count: selectedCount })}</legend>
            {options.length > 0 ? (
              <div className="flex flex-col gap-1">
                <label htmlFor="templateId" className="font-medium">{t("template")}</label>
                <select
                  id="templateId"
                  name="templateId"
                  className={inputClass}
                  ref={(el) => { if (options.length > 0) reasonRef.current = el; }}
                  onChange={(e) => setReason(options.find((o) => o.id === e.target.value)?.text ?? reason)}
                  defaultValue=""
                >
                  <option value="">{t("templateNone")}</option>
                  {options.map((o) => <option key={o.id} value={o.id}>{o.label}</option>)}
                </select>
                <p className="text-sm text-stone-700">{t("templateLanguageHint")}</p>
              </div>
            ) : null}
            <div className="flex flex-col gap-1">
              <label htmlFor="reason" className="font-medium">{reasonVerb === "publishOverBalance" ? t("justification") : t("reason")}</label>
              <p id="reason-hint" className="text-sm text-stone-700">{reasonVerb === "publishOverBalance" ? t("justificationHint") : t("reasonHint")}</p>
              <textarea
                id="reason"
                name="reason"
                rows={3}
                maxLength={2000}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                ref={(el) => { if (options.length === 0) reasonRef.current = el; }}
                className={inputClass}
                aria-invalid={reasonErrors?.length ? true : undefined}
                aria-describedby={reasonErrors?.length ? "reason-hint reason-error" : "reason-hint"}
              />
              {reasonErrors?.length ? <p id="reason-error" className="text-sm text-red-800">{reasonErrors.map((k) => errorText(k)).join(" ")}</p> : null}
            </div>
            <div className="flex gap-2">
              <button type="submit" name="verb" value={reasonVerb} className={buttonClass} disabled={pending}>
                {t("confirm", { action: tv(reasonVerb), count: selectedCount })}
              </button>
              <button type="button" className="rounded border border-stone-400 px-4 py-2" onClick={() => setReasonVerb(null)}>{t("cancel")}</button>
            </div>
          </fieldset>
        ) : null}

        {rows.length === 0 ? (
          <p className="rounded border border-stone-200 bg-white p-4">{t("empty")}</p>
        ) : (
          <ul className="space-y-3" aria-label={t("items")}>
            {rows.map((row) => (
              <li key={row.selection} className={`rounded border bg-white p-4 ${selected.has(row.selection) ? "border-brand-700 ring-2 ring-brand-700" : "border-stone-200"}`}>
                <div className="flex items-start gap-3">
                  <input
                    id={`sel-${row.selection}`}
                    type="checkbox"
                    data-row="1"
                    value={row.selection}
                    checked={selected.has(row.selection)}
                    onChange={() => toggle(row.selection)}
                    aria-describedby={[row.campaignCount ? `campaign-${row.selection}` : "", row.accounts.length ? `accounts-${row.selection}` : ""].filter(Boolean).join(" ") || undefined}
                    className="mt-1 h-5 w-5 shrink-0"
                  />
                  <div className="min-w-0 flex-1 space-y-1">
                    <label htmlFor={`sel-${row.selection}`} className="block font-semibold">
                      {row.reference ? <span className="me-2 font-mono text-sm text-stone-700">{row.reference}</span> : null}
                      {row.title}
                    </label>
                    <p className="text-sm text-stone-700">
                      {[t(row.type === "SUBMISSION" ? "typeSubmission" : "typeComment"), row.author, row.group, row.country, row.language, row.consultation, row.context, row.arrived].filter(Boolean).join(" · ")}
                    </p>
                    {row.campaignCount ? (
                      <p id={`campaign-${row.selection}`} className="rounded bg-amber-100 px-2 py-0.5 text-sm text-amber-950">
                        {t("campaign", { count: row.campaignCount })}
                        {" · "}
                        {row.weight < row.campaignCount ? tb("campaignActsOnOldest", { total: row.campaignCount, count: row.weight }) : tb("campaignActsOn", { count: row.weight })}
                      </p>
                    ) : null}
                    {row.accounts.length ? (
                      <ul id={`accounts-${row.selection}`} aria-label={t("accountsLabel")} className="space-y-1">
                        {row.accounts.map((a) => (
                          <li key={a.href} className="rounded bg-sky-100 px-2 py-0.5 text-sm text-sky-950">
                            {a.text}
                            {" · "}
                            <Link href={a.href} className="underline">{t("showTogether")}</Link>
                          </li>
                        ))}
                      </ul>
                    ) : null}
                    {row.overBalance ? <p className="inline-block rounded bg-stone-200 px-2 py-0.5 text-sm">{t("overBalance")}</p> : null}
                    {row.note ? <p className="text-sm"><span className="font-medium">{t("note")}</span> {row.note}</p> : null}
                    <details className="text-sm">
                      <summary className="cursor-pointer text-brand-800 underline">{t("readFull")}</summary>
                      {/* bodyHtml comes from lib/markdown's renderMarkdown: no raw HTML, safe links. */}
                      <div className="prose mt-2 max-w-none" dangerouslySetInnerHTML={{ __html: row.bodyHtml }} />
                    </details>
                    <p className="text-sm">{row.excerpt}</p>
                    {row.historyHref ? <p className="text-sm"><Link href={row.historyHref} className="text-brand-800 underline">{t("history", { reference: row.reference ?? "" })}</Link></p> : null}
                  </div>
                </div>
              </li>
            ))}
          </ul>
        )}
      </form>
    </div>
  );
}

function shortcutOf(verb: Verb): string {
  return Object.entries(KEYS).find(([, v]) => v === verb)?.[0] ?? "";
}
