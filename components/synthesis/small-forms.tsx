"use client";
// Small secretariat forms of the synthesis page: set a contribution aside with a reason (or bring it back), and the
// synthesis settings of a consultation. Errors appear next to their fields.
import { useActionState, useId } from "react";
import { useTranslations } from "next-intl";
import { Field, FormAlert, buttonClass, describedBy, inputClass } from "@/components/ui/field";
import { useFocusOnResult } from "@/components/ui/use-focus-on-result";
import type { PointEditState } from "./point-editor";

type Action = (state: PointEditState, formData: FormData) => Promise<PointEditState>;

function useMessages(state: PointEditState) {
  const t = useTranslations("synthesisEditor");
  const known = (key: string) => (t.has(`errors.${key}`) ? t(`errors.${key}`) : t("errors.generic"));
  const errors = state.status === "error" ? state.fieldErrors : {};
  return { t, known, errors, err: (name: string) => errors[name]?.map(known) };
}

export function SetAsideContributionForm({ reference, action, bringBack }: { reference: string; action: Action; bringBack: boolean }) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const ref = useFocusOnResult(state);
  const { t, known, errors, err } = useMessages(state);
  const id = `${useId().replace(/:/g, "")}-reason`;
  return (
    <form action={formAction} noValidate className="space-y-1">
      <div ref={ref} tabIndex={-1}>{state.status === "error" && !errors.reason ? <FormAlert>{known(state.error)}</FormAlert> : null}</div>
      {bringBack ? null : (
        <Field name={id} label={t("coverage.reason", { reference })} errors={err("reason")}>
          <input id={id} name="reason" dir="auto" className={inputClass} aria-invalid={errors.reason?.length ? true : undefined} aria-describedby={describedBy(id, false, !!errors.reason?.length)} />
        </Field>
      )}
      <button type="submit" className="rounded border border-brand-700 px-3 py-1 text-sm font-medium text-brand-800" disabled={pending}>
        {bringBack ? t("coverage.bringBack", { reference }) : t("coverage.setAside", { reference })}
      </button>
    </form>
  );
}

export interface SettingsValues {
  language: string;
  bodyPoints: number;
  naming: "NONE" | "INTERGOVERNMENTAL" | "ALL";
  severalFrom: number;
  severalShare: number;
  manyShare: number;
  manyFrom: number;
  version: number;
}

export function SynthesisSettingsForm({ values, languages, action }: { values: SettingsValues; languages: { code: string; label: string }[]; action: Action }) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const ref = useFocusOnResult(state);
  const { t, known, errors, err } = useMessages(state);
  const aria = (name: string, hint = false) => ({ "aria-invalid": errors[name]?.length ? true : undefined, "aria-describedby": describedBy(name, hint, !!errors[name]?.length) });
  const number = (name: keyof SettingsValues, step: string) => (
    <Field name={name} label={t(`settings.${name}`)} errors={err(name)}>
      <input id={name} name={name} type="number" step={step} defaultValue={String(values[name])} className={inputClass} {...aria(name)} />
    </Field>
  );
  return (
    <form action={formAction} noValidate className="space-y-4 rounded border border-stone-200 bg-white p-4">
      <div ref={ref} tabIndex={-1}>
        {state.status === "saved" ? <FormAlert tone="success">{t("settings.saved")}</FormAlert> : null}
        {state.status === "error" ? <FormAlert>{known(state.error)}</FormAlert> : null}
      </div>
      <input type="hidden" name="version" value={values.version} />
      <Field name="language" label={t("settings.language")} hint={t("settings.languageHint")} errors={err("language")}>
        <select id="language" name="language" defaultValue={values.language} className={inputClass} {...aria("language", true)}>
          {languages.map((l) => <option key={l.code} value={l.code}>{l.label}</option>)}
        </select>
      </Field>
      <Field name="bodyPoints" label={t("settings.bodyPoints")} hint={t("settings.bodyPointsHint")} errors={err("bodyPoints")}>
        <input id="bodyPoints" name="bodyPoints" type="number" min={1} max={500} defaultValue={values.bodyPoints} className={inputClass} {...aria("bodyPoints", true)} />
      </Field>
      <fieldset className="space-y-1">
        <legend className="font-medium">{t("settings.naming")}</legend>
        {(["NONE", "INTERGOVERNMENTAL", "ALL"] as const).map((n) => (
          <div key={n} className="flex gap-2">
            <input type="radio" id={`naming-${n}`} name="naming" value={n} defaultChecked={values.naming === n} />
            <label htmlFor={`naming-${n}`}>{t(`settings.naming${n}`)}</label>
          </div>
        ))}
      </fieldset>
      <fieldset className="grid gap-3 sm:grid-cols-2">
        <legend className="font-medium">{t("settings.quantifiers")}</legend>
        <p className="text-sm text-stone-700 sm:col-span-2">{t("settings.quantifiersHint")}</p>
        {number("severalFrom", "1")}
        {number("severalShare", "0.01")}
        {number("manyShare", "0.01")}
        {number("manyFrom", "1")}
      </fieldset>
      <button type="submit" className={buttonClass} disabled={pending}>{t("settings.save")}</button>
    </form>
  );
}
