"use client";
// Create or edit a meeting session (title, type, date, chair, moderators, rapporteur); errors next to each field.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field, FormAlert, buttonClass, describedBy, inputClass } from "@/components/ui/field";
import { useFocusOnResult } from "@/components/ui/use-focus-on-result";

export interface SessionValues {
  title: string;
  slug: string;
  type: string;
  date: string;
  chair: string;
  moderators: string;
  rapporteur: string;
  version?: string;
}

export type SessionFormState =
  | { status: "idle" }
  | { status: "saved" }
  | { status: "error"; error: string; fieldErrors: Record<string, string[] | undefined>; values: SessionValues };

type Action = (state: SessionFormState, formData: FormData) => Promise<SessionFormState>;

export function SessionForm({ action, values, submitLabel, idPrefix }: { action: Action; values: SessionValues; submitLabel: string; idPrefix: string }) {
  const t = useTranslations("meetings");
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const ref = useFocusOnResult(state);
  const shown = state.status === "error" ? state.values : values;
  const errors = state.status === "error" ? state.fieldErrors : {};
  const id = (name: string) => `${idPrefix}-${name}`;
  const err = (name: string) => errors[name]?.map((key) => (t.has(`errors.${key}`) ? t(`errors.${key}` as "errors.generic") : t("errors.generic")));
  const aria = (name: string, hint = false) => ({
    "aria-invalid": errors[name]?.length ? true : undefined,
    "aria-describedby": describedBy(id(name), hint, !!errors[name]?.length),
  });
  return (
    <form action={formAction} className="space-y-3 rounded border border-stone-200 bg-white p-4" noValidate key={state.status === "error" ? JSON.stringify(shown) : "fresh"}>
      <div ref={ref} tabIndex={-1}>
        {state.status === "error" ? <FormAlert>{t.has(`errors.${state.error}`) ? t(`errors.${state.error}` as "errors.generic") : t("errors.invalidInput")}</FormAlert> : null}
        {state.status === "saved" ? <FormAlert tone="success">{t("session.saved")}</FormAlert> : null}
      </div>
      {shown.version ? <input type="hidden" name="version" value={shown.version} /> : null}
      <Field name={id("title")} label={t("session.title")} errors={err("title")}>
        <input id={id("title")} name="title" defaultValue={shown.title} required dir="auto" className={inputClass} {...aria("title")} />
      </Field>
      <div className="grid gap-3 sm:grid-cols-3">
        <Field name={id("type")} label={t("session.type")} errors={err("type")}>
          <select id={id("type")} name="type" defaultValue={shown.type || "MAIN_SESSION"} className={inputClass} {...aria("type")}>
            {(["MAIN_SESSION", "WORKSHOP", "OPEN_FORUM"] as const).map((type) => <option key={type} value={type}>{t(`types.${type}`)}</option>)}
          </select>
        </Field>
        <Field name={id("date")} label={t("session.date")} errors={err("date")}>
          <input id={id("date")} name="date" type="date" defaultValue={shown.date} className={inputClass} {...aria("date")} />
        </Field>
        <Field name={id("slug")} label={t("session.slug")} hint={t("session.slugHint")} errors={err("slug")}>
          <input id={id("slug")} name="slug" defaultValue={shown.slug} dir="ltr" className={inputClass} {...aria("slug", true)} />
        </Field>
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field name={id("chair")} label={t("session.chair")} errors={err("chair")}>
          <input id={id("chair")} name="chair" defaultValue={shown.chair} dir="auto" className={inputClass} {...aria("chair")} />
        </Field>
        <Field name={id("rapporteur")} label={t("session.rapporteur")} errors={err("rapporteur")}>
          <input id={id("rapporteur")} name="rapporteur" defaultValue={shown.rapporteur} dir="auto" className={inputClass} {...aria("rapporteur")} />
        </Field>
      </div>
      <Field name={id("moderators")} label={t("session.moderators")} hint={t("session.moderatorsHint")} errors={err("moderators")}>
        <textarea id={id("moderators")} name="moderators" defaultValue={shown.moderators} rows={2} dir="auto" className={inputClass} {...aria("moderators", true)} />
      </Field>
      <button type="submit" className={buttonClass} disabled={pending}>{submitLabel}</button>
    </form>
  );
}
