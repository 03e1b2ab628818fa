"use client";
// The secretariat's forms for followed issues: mark a point as an issue, edit its title and description, add a step
// (a later point, session or round) and change or remove a step. Errors next to each field, the values kept.
import { useActionState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Field, FieldErrors, FormAlert, buttonClass, describedBy, inputClass } from "@/components/ui/field";
import { useFocusOnResult } from "@/components/ui/use-focus-on-result";

export type IssueFormState =
  | { status: "idle" }
  | { status: "saved" }
  | { status: "error"; error: string; fieldErrors: Record<string, string[] | undefined>; values: Record<string, string> };

type Action = (state: IssueFormState, formData: FormData) => Promise<IssueFormState>;

const STATUSES = ["RAISED", "DISCUSSED", "TAKEN_UP", "OUTCOME"] as const;

function useIssueForm(action: Action, idPrefix: string) {
  const t = useTranslations("issues");
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const ref = useFocusOnResult(state);
  const errors = state.status === "error" ? state.fieldErrors : {};
  const kept = state.status === "error" ? state.values : null;
  const id = (name: string) => `${idPrefix}-${name}`;
  const err = (name: string) => errors[name]?.map((key) => (t.has(`errors.${key}`) ? t(`errors.${key}` as "errors.generic") : t("errors.generic")));
  const aria = (name: string, hint = false) => ({
    "aria-invalid": errors[name]?.length ? true : undefined,
    "aria-describedby": describedBy(id(name), hint, !!errors[name]?.length),
  });
  const value = (name: string, fallback: string) => kept?.[name] ?? fallback;
  const alert = (
    <div ref={ref} tabIndex={-1}>
      {state.status === "error" ? (
        <FormAlert>
          {t.has(`errors.${state.error}`) ? t(`errors.${state.error}` as "errors.generic") : t("errors.invalidInput")}
          {errors.form?.length && state.error === "invalidInput" ? <> {err("form")?.join(" ")}</> : null}
        </FormAlert>
      ) : null}
      {state.status === "saved" ? <FormAlert tone="success">{t("admin.saved")}</FormAlert> : null}
    </div>
  );
  return { t, formAction, pending, id, err, aria, value, alert, formKey: kept ? JSON.stringify(kept) : "fresh" };
}

function StatusSelect({ id, value, aria, label, errors }: { id: string; value: string; aria: Record<string, unknown>; label: string; errors?: string[] }) {
  const t = useTranslations("issues");
  return (
    <Field name={id} label={label} errors={errors}>
      <select id={id} name="status" defaultValue={value} className={inputClass} {...aria}>
        {STATUSES.map((s) => <option key={s} value={s}>{t(`statuses.${s}`)}</option>)}
      </select>
    </Field>
  );
}

export interface PointChoice {
  key: string;
  label: string;
  /** the issue that already follows this point */
  followedBy: string | null;
}

export function CreateIssueForm({ action, consultation, points, defaults }: { action: Action; consultation: string; points: PointChoice[]; defaults: { pointKey: string; date: string } }) {
  const f = useIssueForm(action, "new-issue");
  const { t } = f;
  const chosen = f.value("pointKey", defaults.pointKey);
  const pointErrors = f.err("pointKey");
  return (
    <form action={f.formAction} className="space-y-4 rounded border border-stone-200 bg-white p-4" noValidate key={f.formKey}>
      {f.alert}
      <input type="hidden" name="consultation" value={consultation} />
      <fieldset className="space-y-2" aria-describedby={pointErrors?.length ? `${f.id("pointKey")}-error` : undefined}>
        <legend className="font-medium">{t("create.point")}</legend>
        <FieldErrors name={f.id("pointKey")} errors={pointErrors} />
        <ul className="max-h-96 space-y-2 overflow-y-auto rounded border border-stone-200 p-2" tabIndex={0} aria-label={t("create.point")}>
          {points.map((p) => (
            <li key={p.key} className="flex gap-2">
              <input type="radio" id={f.id(`point-${p.key}`)} name="pointKey" value={p.key} defaultChecked={chosen === p.key} disabled={!!p.followedBy} className="mt-1" />
              <label htmlFor={f.id(`point-${p.key}`)} dir="auto">
                {p.label}
                {p.followedBy ? <span className="ms-2 text-sm text-stone-700">({t("create.followedBy", { title: p.followedBy })})</span> : null}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <Field name={f.id("title")} label={t("create.issueTitle")} errors={f.err("title")}>
        <input id={f.id("title")} name="title" defaultValue={f.value("title", "")} dir="auto" className={inputClass} {...f.aria("title")} />
      </Field>
      <Field name={f.id("slug")} label={t("create.slug")} hint={t("create.slugHint")} errors={f.err("slug")}>
        <input id={f.id("slug")} name="slug" defaultValue={f.value("slug", "")} dir="ltr" className={inputClass} {...f.aria("slug", true)} />
      </Field>
      <Field name={f.id("description")} label={t("create.description")} hint={t("create.descriptionHint")} errors={f.err("description")}>
        <textarea id={f.id("description")} name="description" rows={3} defaultValue={f.value("description", "")} dir="auto" className={inputClass} {...f.aria("description", true)} />
      </Field>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field name={f.id("date")} label={t("create.date")} hint={t("create.dateHint")} errors={f.err("date")}>
          <input id={f.id("date")} name="date" type="date" defaultValue={f.value("date", defaults.date)} className={inputClass} {...f.aria("date", true)} />
        </Field>
        <Field name={f.id("note")} label={t("create.note")} errors={f.err("note")}>
          <input id={f.id("note")} name="note" defaultValue={f.value("note", "")} dir="auto" className={inputClass} {...f.aria("note")} />
        </Field>
      </div>
      <button type="submit" className={buttonClass} disabled={f.pending}>{t("create.submit")}</button>
    </form>
  );
}

export function IssueDetailsForm({ action, values }: { action: Action; values: { title: string; slug: string; description: string; version: string } }) {
  const f = useIssueForm(action, "issue");
  const { t } = f;
  return (
    <form action={f.formAction} className="space-y-3 rounded border border-stone-200 bg-white p-4" noValidate key={f.formKey}>
      {f.alert}
      <input type="hidden" name="version" value={values.version} />
      <Field name={f.id("title")} label={t("create.issueTitle")} errors={f.err("title")}>
        <input id={f.id("title")} name="title" defaultValue={f.value("title", values.title)} dir="auto" className={inputClass} {...f.aria("title")} />
      </Field>
      <Field name={f.id("slug")} label={t("create.slug")} hint={t("create.slugHint")} errors={f.err("slug")}>
        <input id={f.id("slug")} name="slug" defaultValue={f.value("slug", values.slug)} dir="ltr" className={inputClass} {...f.aria("slug", true)} />
      </Field>
      <Field name={f.id("description")} label={t("create.description")} hint={t("create.descriptionHint")} errors={f.err("description")}>
        <textarea id={f.id("description")} name="description" rows={3} defaultValue={f.value("description", values.description)} dir="auto" className={inputClass} {...f.aria("description", true)} />
      </Field>
      <button type="submit" className={buttonClass} disabled={f.pending}>{t("edit.submit")}</button>
    </form>
  );
}

export interface TargetGroup {
  label: string;
  options: { value: string; label: string }[];
}

export function AddLinkForm({ action, consultation, targets, defaultDate }: { action: Action; consultation: string; targets: TargetGroup[]; defaultDate: string }) {
  const f = useIssueForm(action, "new-step");
  const { t } = f;
  return (
    <form action={f.formAction} className="space-y-3 rounded border border-stone-200 bg-white p-4" noValidate key={f.formKey}>
      {f.alert}
      <input type="hidden" name="consultation" value={consultation} />
      <Field name={f.id("target")} label={t("link.target")} errors={f.err("target")}>
        <select id={f.id("target")} name="target" defaultValue={f.value("target", "round")} className={inputClass} {...f.aria("target")}>
          <option value="round">{t("link.targetRound")}</option>
          {targets.filter((g) => g.options.length > 0).map((g) => (
            <optgroup key={g.label} label={g.label}>
              {g.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
            </optgroup>
          ))}
        </select>
      </Field>
      <div className="grid gap-3 sm:grid-cols-2">
        <StatusSelect id={f.id("status")} value={f.value("status", "DISCUSSED")} aria={f.aria("status")} label={t("link.status")} errors={f.err("status")} />
        <Field name={f.id("date")} label={t("link.date")} hint={t("link.dateHint")} errors={f.err("date")}>
          <input id={f.id("date")} name="date" type="date" defaultValue={f.value("date", defaultDate)} className={inputClass} {...f.aria("date", true)} />
        </Field>
      </div>
      <Field name={f.id("note")} label={t("link.note")} errors={f.err("note")}>
        <textarea id={f.id("note")} name="note" rows={2} defaultValue={f.value("note", "")} dir="auto" className={inputClass} {...f.aria("note")} />
      </Field>
      <button type="submit" className={buttonClass} disabled={f.pending}>{t("link.submit")}</button>
    </form>
  );
}

export function StepForm({ action, removeAction, values, idPrefix, label, removable }: {
  action: Action;
  removeAction: Action;
  values: { status: string; date: string; note: string; version: string };
  idPrefix: string;
  label: string;
  removable: boolean;
}): ReactNode {
  const f = useIssueForm(action, idPrefix);
  const r = useIssueForm(removeAction, `${idPrefix}-remove`);
  const { t } = f;
  return (
    <div className="space-y-2">
      <form action={f.formAction} aria-label={label} className="grid gap-2 sm:grid-cols-3" noValidate key={f.formKey}>
        <div className="sm:col-span-3">{f.alert}</div>
        <input type="hidden" name="version" value={values.version} />
        <StatusSelect id={f.id("status")} value={f.value("status", values.status)} aria={f.aria("status")} label={t("path.status")} errors={f.err("status")} />
        <Field name={f.id("date")} label={t("path.date")} errors={f.err("date")}>
          <input id={f.id("date")} name="date" type="date" defaultValue={f.value("date", values.date)} className={inputClass} {...f.aria("date")} />
        </Field>
        <Field name={f.id("note")} label={t("path.note")} errors={f.err("note")}>
          <input id={f.id("note")} name="note" defaultValue={f.value("note", values.note)} dir="auto" className={inputClass} {...f.aria("note")} />
        </Field>
        <div className="sm:col-span-3"><button type="submit" className="text-brand-800 underline" disabled={f.pending}>{t("path.save")}</button></div>
      </form>
      {removable ? (
        <form action={r.formAction}>
          {r.alert}
          <input type="hidden" name="version" value={values.version} />
          <button type="submit" className="text-red-800 underline" disabled={r.pending}>{t("path.remove")}</button>
        </form>
      ) : null}
    </div>
  );
}
