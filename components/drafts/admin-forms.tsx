"use client";
// Secretariat forms for drafts: create (paste or upload), publish a new version, set or close the comment period.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field, FormAlert, buttonClass, describedBy, inputClass } from "@/components/ui/field";
import { useFocusOnResult } from "@/components/ui/use-focus-on-result";

export type DraftFormState =
  | { status: "idle" }
  | { status: "saved"; message: "published" | "periodSaved" | "closed"; params?: Record<string, number> }
  | { status: "error"; error: string; fieldErrors: Record<string, string[] | undefined>; values: Record<string, string> };

type Action = (state: DraftFormState, formData: FormData) => Promise<DraftFormState>;

function useDraftForm(action: Action) {
  const t = useTranslations("drafts");
  const [state, formAction, pending] = useActionState(action, { status: "idle" } as DraftFormState);
  const alertRef = useFocusOnResult(state);
  const errors = state.status === "error" ? state.fieldErrors : {};
  const ti = useTranslations("integrity.upload");
  const errorText = (key: string) => (t.has(`errors.${key}`) ? t(`errors.${key}`) : ti.has(key) ? ti(key) : t("errors.generic"));
  const err = (name: string) => errors[name]?.map(errorText);
  const aria = (name: string, hint = false) => ({
    "aria-invalid": errors[name]?.length ? true : undefined,
    "aria-describedby": describedBy(name, hint, !!errors[name]?.length),
  });
  const alert = (
    <div ref={alertRef} tabIndex={-1}>
      {state.status === "saved" ? <FormAlert tone="success">{t(`admin.${state.message}`, state.params ?? {})}</FormAlert> : null}
      {state.status === "error" ? <FormAlert>{errorText(state.error)}</FormAlert> : null}
    </div>
  );
  return { t, state, formAction, pending, err, aria, alert };
}

function PeriodFields({ values, err, aria }: { values: Record<string, string>; err: (n: string) => string[] | undefined; aria: (n: string, h?: boolean) => object }) {
  const ta = useTranslations("drafts.admin");
  return (
    <fieldset className="space-y-3 rounded border border-stone-200 p-4">
      <legend className="px-1 font-semibold">{ta("periodLegend")}</legend>
      <p className="text-sm text-stone-700">{ta("periodHint")}</p>
      <div className="grid gap-4 sm:grid-cols-2">
        {(["commentsOpenAt", "commentsCloseAt"] as const).map((name) => (
          <Field key={name} name={name} label={ta(name)} errors={err(name)}>
            <input id={name} name={name} type="datetime-local" defaultValue={values[name] ?? ""} className={inputClass} {...aria(name)} />
          </Field>
        ))}
      </div>
    </fieldset>
  );
}

export function DraftCreateForm({ action }: { action: Action }) {
  const { t, state, formAction, pending, err, aria, alert } = useDraftForm(action);
  const v = state.status === "error" ? state.values : {};
  return (
    <form action={formAction} className="space-y-4" noValidate encType="multipart/form-data" key={JSON.stringify(v)}>
      {alert}
      <Field name="title" label={t("admin.draftTitle")} errors={err("title")}>
        <input id="title" name="title" defaultValue={v.title ?? ""} maxLength={200} required className={inputClass} {...aria("title")} />
      </Field>
      <Field name="slug" label={t("admin.slug")} hint={t("admin.slugHint")} errors={err("slug")}>
        <input id="slug" name="slug" defaultValue={v.slug ?? ""} maxLength={80} required dir="ltr" className={inputClass} {...aria("slug", true)} />
      </Field>
      <Field name="source" label={t("admin.source")} hint={t("admin.sourceHint")} errors={err("source")}>
        <textarea id="source" name="source" rows={14} defaultValue={v.source ?? ""} dir="auto" className={`${inputClass} font-mono text-sm`} {...aria("source", true)} />
      </Field>
      <Field name="file" label={t("admin.file")} hint={t("admin.fileHint")} errors={err("file")}>
        <input id="file" name="file" type="file" accept=".md,.markdown,.txt,.docx,text/markdown,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document" className={inputClass} {...aria("file", true)} />
      </Field>
      <Field name="note" label={t("admin.note")} hint={t("admin.noteHint")} errors={err("note")}>
        <input id="note" name="note" defaultValue={v.note ?? ""} maxLength={500} className={inputClass} {...aria("note", true)} />
      </Field>
      <PeriodFields values={v} err={err} aria={aria} />
      <button type="submit" className={buttonClass} disabled={pending}>{pending ? t("admin.creating") : t("admin.create")}</button>
    </form>
  );
}

export function VersionForm({ action, source }: { action: Action; source: string }) {
  const { t, state, formAction, pending, err, aria, alert } = useDraftForm(action);
  const v = state.status === "error" ? state.values : { source };
  return (
    <form action={formAction} className="space-y-4" noValidate encType="multipart/form-data" key={state.status === "saved" ? `saved-${JSON.stringify(state.params)}` : JSON.stringify(v)}>
      {alert}
      <Field name="source" label={t("admin.source")} hint={t("admin.publishHint")} errors={err("source")}>
        <textarea id="source" name="source" rows={16} defaultValue={v.source ?? ""} dir="auto" className={`${inputClass} font-mono text-sm`} {...aria("source", true)} />
      </Field>
      <Field name="file" label={t("admin.file")} hint={t("admin.fileHint")} errors={err("file")}>
        <input id="file" name="file" type="file" accept=".md,.markdown,.txt,.docx" className={inputClass} {...aria("file", true)} />
      </Field>
      <Field name="note" label={t("admin.note")} hint={t("admin.noteHint")} errors={err("note")}>
        <input id="note" name="note" defaultValue={v.note ?? ""} maxLength={500} className={inputClass} {...aria("note", true)} />
      </Field>
      <button type="submit" className={buttonClass} disabled={pending}>{pending ? t("admin.publishing") : t("admin.publish")}</button>
    </form>
  );
}

export function PeriodForm({ action, closeAction, values, inherited }: { action: Action; closeAction: Action; values: Record<string, string>; inherited: boolean }) {
  const { t, state, formAction, pending, err, aria, alert } = useDraftForm(action);
  const close = useDraftForm(closeAction);
  const v = state.status === "error" ? state.values : values;
  return (
    <div className="space-y-3">
      {inherited ? <p className="text-stone-800">{t("admin.periodInherited")}</p> : null}
      <form action={formAction} className="space-y-3" noValidate key={JSON.stringify(v)}>
        {alert}
        <PeriodFields values={v} err={err} aria={aria} />
        <button type="submit" className={buttonClass} disabled={pending}>{t("admin.savePeriod")}</button>
      </form>
      <form action={close.formAction}>
        {close.alert}
        <button type="submit" className="rounded border border-red-800 px-4 py-2 text-red-900 hover:bg-red-50" disabled={close.pending}>{t("admin.closeNow")}</button>
      </form>
    </div>
  );
}
