"use client";
// The secretariat's controls for one point of the synthesis draft: rewrite, restore, move up or down, move to another
// section, merge into another point, split statements off, set aside with a reason (or reinstate), mark reviewed.
// One form, one button per action; errors appear next to the field they concern.
import { useActionState, useId } from "react";
import { useTranslations } from "next-intl";
import { FormAlert, buttonClass, describedBy, fieldIds, FieldErrors, inputClass } from "@/components/ui/field";
import { useFocusOnResult } from "@/components/ui/use-focus-on-result";

export type PointEditState =
  | { status: "idle" }
  | { status: "saved" }
  | { status: "error"; error: string; fieldErrors: Record<string, string[] | undefined> };

export interface PointEditorProps {
  label: string;
  point: {
    key: string;
    text: string;
    edited: boolean;
    setAsideReason: string | null;
    sourcesChanged: boolean;
    section: string;
    sources: { statementKey: string; reference: string; sentence: string }[];
  };
  canUp: boolean;
  canDown: boolean;
  sections: { key: string; label: string }[];
  targets: { key: string; label: string }[];
  history: { action: string; actor: string | null; createdAt: string; before: string | null; after: string | null }[];
  action: (state: PointEditState, formData: FormData) => Promise<PointEditState>;
}

const buttonLink = "rounded border border-brand-700 px-3 py-1 text-sm font-medium text-brand-800 hover:bg-brand-50";

export function PointEditor({ label, point, canUp, canDown, sections, targets, history, action }: PointEditorProps) {
  const t = useTranslations("synthesisEditor");
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const ref = useFocusOnResult(state);
  const base = useId().replace(/:/g, "");
  const id = (name: string) => `${base}-${name}`;
  const errors = state.status === "error" ? state.fieldErrors : {};
  const known = (key: string) => (t.has(`errors.${key}`) ? t(`errors.${key}`) : t("errors.generic"));
  const err = (name: string) => errors[name]?.map(known);
  const aria = (name: string) => ({ "aria-invalid": errors[name]?.length ? true : undefined, "aria-describedby": describedBy(id(name), false, !!errors[name]?.length) });
  const splittable = point.sources.filter((s) => s.statementKey);
  return (
    <details className="ms-11 mt-1 text-sm" open={state.status === "error" ? true : undefined}>
      <summary className="cursor-pointer text-brand-800 underline">{t("point.edit", { label })}</summary>
      <form action={formAction} noValidate className="mt-2 space-y-4 border-s-2 border-brand-700 ps-3">
        <div ref={ref} tabIndex={-1}>
          {state.status === "saved" ? <FormAlert tone="success">{t("point.saved")}</FormAlert> : null}
          {state.status === "error" && !Object.keys(state.fieldErrors).length ? <FormAlert>{known(state.error)}</FormAlert> : null}
        </div>
        <div className="space-y-1">
          <label htmlFor={id("text")} className="font-medium">{t("point.text")}</label>
          <textarea id={id("text")} name="text" defaultValue={point.text} rows={5} dir="auto" className={inputClass} {...aria("text")} />
          <FieldErrors name={id("text")} errors={err("text")} />
          <div className="flex flex-wrap gap-2">
            <button type="submit" name="intent" value="rewrite" className={buttonClass} disabled={pending}>{t("point.saveText")}</button>
            {point.edited ? <button type="submit" name="intent" value="restore" className={buttonLink} disabled={pending}>{t("point.restore")}</button> : null}
            {point.sourcesChanged ? <button type="submit" name="intent" value="review" className={buttonLink} disabled={pending}>{t("point.review")}</button> : null}
          </div>
        </div>
        {point.setAsideReason === null ? (
          <div className="flex flex-wrap gap-2">
            {canUp ? <button type="submit" name="intent" value="up" className={buttonLink} disabled={pending}>{t("point.up")}</button> : null}
            {canDown ? <button type="submit" name="intent" value="down" className={buttonLink} disabled={pending}>{t("point.down")}</button> : null}
          </div>
        ) : null}
        {sections.length > 1 && point.setAsideReason === null ? (
          <div className="flex flex-wrap items-end gap-2">
            <div className="space-y-1">
              <label htmlFor={id("section")} className="block font-medium">{t("point.section")}</label>
              <select id={id("section")} name="section" defaultValue={point.section} className={inputClass} {...aria("section")}>
                {sections.map((s) => <option key={s.key} value={s.key}>{s.label}</option>)}
              </select>
              <FieldErrors name={id("section")} errors={err("section")} />
            </div>
            <button type="submit" name="intent" value="move" className={buttonLink} disabled={pending}>{t("point.move")}</button>
          </div>
        ) : null}
        {targets.length > 0 && point.setAsideReason === null ? (
          <div className="flex flex-wrap items-end gap-2">
            <div className="min-w-0 flex-1 space-y-1">
              <label htmlFor={id("into")} className="block font-medium">{t("point.mergeInto")}</label>
              <select id={id("into")} name="into" defaultValue="" className={inputClass} {...aria("into")}>
                <option value="">{t("point.chooseTarget")}</option>
                {targets.map((x) => <option key={x.key} value={x.key}>{x.label}</option>)}
              </select>
              <FieldErrors name={id("into")} errors={err("into")} />
            </div>
            <button type="submit" name="intent" value="merge" className={buttonLink} disabled={pending}>{t("point.merge")}</button>
          </div>
        ) : null}
        {splittable.length > 1 && point.setAsideReason === null ? (
          <fieldset className="space-y-1" aria-describedby={errors.statementKeys?.length ? fieldIds(id("statementKeys")).error : undefined}>
            <legend className="font-medium">{t("point.split")}</legend>
            {splittable.map((s, i) => (
              <div key={s.statementKey} className="flex gap-2">
                <input type="checkbox" id={id(`s${i}`)} name="statementKeys" value={s.statementKey} className="mt-1" />
                <label htmlFor={id(`s${i}`)}><span className="font-medium">{s.reference}</span>: <span dir="auto">{s.sentence}</span></label>
              </div>
            ))}
            <FieldErrors name={id("statementKeys")} errors={err("statementKeys")} />
            <button type="submit" name="intent" value="split" className={buttonLink} disabled={pending}>{t("point.splitButton")}</button>
          </fieldset>
        ) : null}
        {point.setAsideReason === null ? (
          <div className="space-y-1">
            <label htmlFor={id("reason")} className="block font-medium">{t("point.reasonLabel")}</label>
            <textarea id={id("reason")} name="reason" rows={2} dir="auto" className={inputClass} {...aria("reason")} />
            <FieldErrors name={id("reason")} errors={err("reason")} />
            <button type="submit" name="intent" value="setAside" className={buttonLink} disabled={pending}>{t("point.setAside")}</button>
          </div>
        ) : (
          <button type="submit" name="intent" value="reinstate" className={buttonLink} disabled={pending}>{t("point.reinstate")}</button>
        )}
      </form>
      {history.length > 0 ? (
        <details className="mt-2">
          <summary className="cursor-pointer text-brand-800 underline">{t("point.history")}</summary>
          <ol className="mt-1 space-y-2">
            {history.map((h, i) => (
              <li key={`${h.createdAt}-${i}`} className="border-s-2 border-stone-300 ps-2">
                <p>{t("point.historyEntry", { action: t(`point.actions.${h.action}`), name: h.actor ?? "—", date: new Date(h.createdAt) })}</p>
                {h.before !== null && h.before !== h.after ? <p><span className="font-medium">{t("point.before")}:</span> <span dir="auto">{h.before}</span></p> : null}
                {h.after !== null && h.before !== h.after ? <p><span className="font-medium">{t("point.after")}:</span> <span dir="auto">{h.after}</span></p> : null}
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </details>
  );
}
