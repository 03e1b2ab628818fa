"use client";
// The rapporteur's report of a session: pasted Markdown or an uploaded .md / .txt / .docx file.
import { startTransition, useActionState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { Field, FormAlert, buttonClass, inputClass } from "@/components/ui/field";
import { useFocusOnResult } from "@/components/ui/use-focus-on-result";

export type ReportFormState =
  | { status: "idle" }
  | { status: "saved" }
  | { status: "error"; error: string; fieldErrors: Record<string, string[] | undefined>; values: { title: string; body: string } };

type Action = (state: ReportFormState, formData: FormData) => Promise<ReportFormState>;

export function ReportForm({ action, values }: { action: Action; values: { title: string; body: string } }) {
  const t = useTranslations("meetings.report");
  const te = useTranslations("meetings.errors");
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const ref = useFocusOnResult(state);
  const shown = state.status === "error" ? state.values : values;
  const errors = state.status === "error" ? state.fieldErrors : {};
  const err = (name: string) => errors[name]?.map((k) => (te.has(k) ? te(k as "generic") : te("generic")));
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  }
  return (
    <form onSubmit={onSubmit} className="space-y-3 rounded border border-stone-200 bg-white p-4" encType="multipart/form-data" noValidate>
      <div ref={ref} tabIndex={-1}>
        {state.status === "error" ? <FormAlert>{te.has(state.error) ? te(state.error as "generic") : te("invalidInput")}</FormAlert> : null}
        {state.status === "saved" ? <FormAlert tone="success">{t("saved")}</FormAlert> : null}
      </div>
      <Field name="report-title" label={t("title")} errors={err("title")}>
        <input id="report-title" name="title" defaultValue={shown.title} dir="auto" className={inputClass} aria-invalid={errors.title?.length ? true : undefined} />
      </Field>
      <Field name="report-body" label={t("body")} hint={t("bodyHint")} errors={err("body")}>
        <textarea id="report-body" name="body" defaultValue={shown.body} rows={8} dir="auto" className={inputClass} aria-describedby="report-body-hint" aria-invalid={errors.body?.length ? true : undefined} />
      </Field>
      <Field name="report-file" label={t("file")} hint={t("fileHint")} errors={err("file")}>
        <input id="report-file" name="file" type="file" accept=".md,.txt,.docx" className={inputClass} aria-describedby="report-file-hint" />
      </Field>
      <button type="submit" className={buttonClass} disabled={pending}>{t("save")}</button>
    </form>
  );
}
