"use client";
// One small form for every organisation action (ask to join, approve, refuse, remove, verify, edit, merge): the fields
// it is given, the errors of the service next to each field, and a message once done. Works without JavaScript too.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormAlert, buttonClass, describedBy, fieldIds, inputClass } from "@/components/ui/field";
import { useFocusOnResult } from "@/components/ui/use-focus-on-result";
import { useOrgNotice } from "./notices";

export type OrgFormState =
  | { status: "idle" }
  | { status: "done"; message: string; params?: Record<string, string | number> }
  | { status: "error"; error: string; fieldErrors: Record<string, string[] | undefined>; params?: Record<string, string | number>; values: Record<string, string> };

export interface OrgField {
  name: string;
  label: string;
  kind: "text" | "textarea" | "select" | "checkbox" | "hidden";
  value?: string;
  hint?: string;
  options?: { value: string; label: string }[];
  required?: boolean;
  /** for inputs: the type attribute (url, email...) */
  type?: string;
  dir?: "ltr" | "auto";
}

interface Props {
  action: (state: OrgFormState, formData: FormData) => Promise<OrgFormState>;
  fields: OrgField[];
  submitLabel: string;
  /** a unique prefix for the ids of this form's fields (several forms share a page) */
  idPrefix: string;
  tone?: "primary" | "secondary" | "danger";
  inline?: boolean;
  /** an accessible name for the form, when its button alone does not say what it acts on */
  label?: string;
}

const IDLE = { status: "idle" } as const;

const TONES = {
  primary: buttonClass,
  secondary: "inline-flex items-center justify-center rounded border border-brand-700 px-3 py-1.5 font-medium text-brand-800 hover:bg-brand-50 disabled:opacity-60",
  danger: "inline-flex items-center justify-center rounded border border-red-800 px-3 py-1.5 font-medium text-red-900 hover:bg-red-50 disabled:opacity-60",
} as const;

export function OrgActionForm({ action, fields, submitLabel, idPrefix, tone = "primary", inline = false, label }: Props) {
  const t = useTranslations("organisations");
  const notify = useOrgNotice();
  const doneText = (s: OrgFormState) => (s.status === "done" ? t(`done.${s.message}` as "done.saved", s.params ?? {}) : "");
  // Inside OrgNotices, success goes to the page's notice area, told before the re-rendered page replaces this form.
  const [state, formAction, pending] = useActionState(async (previous: OrgFormState, formData: FormData) => {
    const next = await action(previous, formData);
    if (notify && next.status === "done") notify(doneText(next));
    return next;
  }, { status: "idle" });
  const alertRef = useFocusOnResult(notify && state.status === "done" ? IDLE : state);
  const params = state.status === "idle" ? {} : state.params ?? {};
  const message = (key: string) => (t.has(`errors.${key}`) ? t(`errors.${key}` as "errors.generic", params) : t("errors.generic"));
  const errors = state.status === "error" ? state.fieldErrors : {};
  const valueOf = (f: OrgField) => (state.status === "error" && f.name in state.values ? state.values[f.name] : f.value) ?? "";
  // Errors of fields the form does not show (or of the whole form) go in the alert.
  const shown = new Set(fields.filter((f) => f.kind !== "hidden").map((f) => f.name));
  const loose = Object.entries(errors).filter(([k]) => !shown.has(k)).flatMap(([, v]) => v ?? []);

  return (
    <form action={formAction} aria-label={label} className={inline ? "flex flex-wrap items-end gap-2" : "space-y-3"} noValidate>
      <div ref={alertRef} tabIndex={-1} className={inline ? "w-full empty:hidden" : "empty:hidden"}>
        {state.status === "done" && !notify ? <FormAlert tone="success">{doneText(state)}</FormAlert> : null}
        {state.status === "error" ? (
          <FormAlert>
            {state.error === "invalidInput" && loose.length === 0 ? t("errors.invalidInput") : message(loose[0] ?? state.error)}
          </FormAlert>
        ) : null}
      </div>
      {fields.map((f) => {
        const id = `${idPrefix}-${f.name}`;
        const fieldErrors = errors[f.name];
        const hasError = !!fieldErrors?.length;
        if (f.kind === "hidden") return <input key={f.name} type="hidden" name={f.name} value={f.value ?? ""} />;
        const common = {
          id, name: f.name, "aria-invalid": hasError ? true : undefined, "aria-describedby": describedBy(id, !!f.hint, hasError),
          required: f.required,
        };
        const control =
          f.kind === "textarea" ? <textarea {...common} defaultValue={valueOf(f)} rows={3} className={inputClass} dir={f.dir ?? "auto"} />
          : f.kind === "select" ? (
            <select {...common} defaultValue={valueOf(f)} className={inputClass}>
              {(f.options ?? []).map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
            </select>
          )
          : f.kind === "checkbox" ? <input {...common} type="checkbox" defaultChecked={valueOf(f) === "on"} className="h-4 w-4" />
          : <input {...common} type={f.type ?? "text"} defaultValue={valueOf(f)} className={inputClass} dir={f.dir ?? "auto"} />;
        return (
          <div key={f.name} className={f.kind === "checkbox" ? "flex items-center gap-2" : "flex flex-col gap-1"}>
            {f.kind === "checkbox" ? control : null}
            <label htmlFor={id} className="font-medium">{f.label}</label>
            {f.hint ? <p id={fieldIds(id).hint} className="text-sm text-stone-700">{f.hint}</p> : null}
            {f.kind === "checkbox" ? null : control}
            {hasError ? (
              <ul id={fieldIds(id).error} className="mt-1 text-sm text-red-800">
                {fieldErrors.map((e) => <li key={e}>{message(e)}</li>)}
              </ul>
            ) : null}
          </div>
        );
      })}
      <button type="submit" className={TONES[tone]} disabled={pending}>{submitLabel}</button>
    </form>
  );
}
