"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field, FormAlert, buttonClass, describedBy, inputClass } from "@/components/ui/field";
import { useFocusOnResult } from "@/components/ui/use-focus-on-result";

export interface ConsultationValues {
  slug: string;
  title: string;
  summary: string;
  description: string;
  status: string;
  referencePrefix: string;
  moderationMode: string;
  contributionsOpenAt: string;
  contributionsCloseAt: string;
  commentsOpenAt: string;
  commentsCloseAt: string;
}

export type ConsultationFormState =
  | { status: "idle" }
  | { status: "saved" }
  | { status: "error"; error: string; fieldErrors: Record<string, string[] | undefined>; values: ConsultationValues };

interface Props {
  action: (state: ConsultationFormState, formData: FormData) => Promise<ConsultationFormState>;
  values: ConsultationValues;
  submitLabel: string;
  initialNotice?: string;
}

const DATE_FIELDS = ["contributionsOpenAt", "contributionsCloseAt", "commentsOpenAt", "commentsCloseAt"] as const;

export function ConsultationForm({ action, values, submitLabel, initialNotice }: Props) {
  const t = useTranslations();
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const alertRef = useFocusOnResult(state);
  const errors = state.status === "error" ? state.fieldErrors : {};
  const v = state.status === "error" ? state.values : values;
  const err = (name: string) => errors[name]?.map((key) => t(`errors.${key}`));
  const aria = (name: string, hint = false) => ({
    "aria-invalid": errors[name]?.length ? true : undefined,
    "aria-describedby": describedBy(name, hint, !!errors[name]?.length),
  });

  return (
    <form action={formAction} className="space-y-4" noValidate key={JSON.stringify(v)}>
      <div ref={alertRef} tabIndex={-1}>
        {state.status === "saved" ? <FormAlert tone="success">{t("admin.form.saved")}</FormAlert> : null}
        {state.status === "idle" && initialNotice ? <FormAlert tone="success">{initialNotice}</FormAlert> : null}
        {state.status === "error" ? <FormAlert>{t(`errors.${state.error === "invalidInput" ? "invalidInput" : state.error === "forbidden" ? "forbidden" : "generic"}`)}</FormAlert> : null}
      </div>
      <Field name="title" label={t("admin.form.title")} errors={err("title")}>
        <input id="title" name="title" dir="auto" defaultValue={v.title} required maxLength={200} className={inputClass} {...aria("title")} />
      </Field>
      <Field name="slug" label={t("admin.form.slug")} hint={t("admin.form.slugHint")} errors={err("slug")}>
        <input id="slug" name="slug" defaultValue={v.slug} required maxLength={80} dir="ltr" className={inputClass} {...aria("slug", true)} />
      </Field>
      <Field name="summary" label={t("admin.form.summary")} hint={t("admin.form.summaryHint")} errors={err("summary")}>
        <input id="summary" name="summary" defaultValue={v.summary} maxLength={500} className={inputClass} {...aria("summary", true)} />
      </Field>
      <Field name="description" label={t("admin.form.description")} hint={t("admin.form.descriptionHint")} errors={err("description")}>
        <textarea id="description" name="description" dir="auto" defaultValue={v.description} rows={8} required className={inputClass} {...aria("description", true)} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field name="status" label={t("admin.form.status")} errors={err("status")}>
          <select id="status" name="status" defaultValue={v.status} className={inputClass} {...aria("status")}>
            {(["DRAFT", "PUBLISHED", "ARCHIVED"] as const).map((s) => <option key={s} value={s}>{t(`admin.statuses.${s}`)}</option>)}
          </select>
        </Field>
        <Field name="referencePrefix" label={t("admin.form.referencePrefix")} hint={t("admin.form.prefixHint")} errors={err("referencePrefix")}>
          <input id="referencePrefix" name="referencePrefix" defaultValue={v.referencePrefix} maxLength={10} dir="ltr" className={inputClass} {...aria("referencePrefix", true)} />
        </Field>
        <Field name="moderationMode" label={t("admin.form.moderationMode")} errors={err("moderationMode")}>
          <select id="moderationMode" name="moderationMode" defaultValue={v.moderationMode} className={inputClass} {...aria("moderationMode")}>
            {(["PRE", "POST"] as const).map((m) => <option key={m} value={m}>{t(`admin.modes.${m}`)}</option>)}
          </select>
        </Field>
      </div>
      <fieldset className="space-y-3 rounded border border-stone-200 p-4">
        <legend className="px-1 font-semibold">{t("admin.form.phases")}</legend>
        <p className="text-sm text-stone-700">{t("admin.form.phasesHint")}</p>
        <div className="grid gap-4 sm:grid-cols-2">
          {DATE_FIELDS.map((name) => (
            <Field key={name} name={name} label={`${t(`admin.form.${name}`)} (UTC)`} errors={err(name)}>
              <input id={name} name={name} type="datetime-local" defaultValue={v[name]} className={inputClass} {...aria(name)} />
            </Field>
          ))}
        </div>
      </fieldset>
      <button type="submit" className={buttonClass} disabled={pending}>{pending ? t("admin.form.saving") : submitLabel}</button>
    </form>
  );
}
