"use client";
// One language's translation of one text, beside its original: every field of the text (a translation is complete),
// saved conditionally on the translation the form showed; errors next to their fields.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field, FormAlert, buttonClass, describedBy, inputClass } from "@/components/ui/field";
import { useFocusOnResult } from "@/components/ui/use-focus-on-result";
import { directionOf } from "@/lib/i18n/config";

export type TranslationFormState =
  | { status: "idle" }
  | { status: "saved"; message: "saved" | "removed" }
  | { status: "error"; error: string; fieldErrors: Record<string, string[] | undefined>; params: Record<string, string | number>; values: Record<string, string> };

type Action = (state: TranslationFormState, formData: FormData) => Promise<TranslationFormState>;

export interface FormField {
  name: string;
  label: string;
  multiline: boolean;
  markdown: boolean;
  required: boolean;
  max: number;
}

const FIELD_ERRORS = new Set([
  "titleRequired", "titleTooLong", "summaryTooLong", "descriptionRequired", "descriptionTooLong", "labelRequired", "labelTooLong", "textRequired",
  "reasonTooLong", "expansionRequired", "expansionTooLong", "bodyRequired", "bodyTooLong", "sourceTooLong", "noteTooLong", "structureMismatch",
  "translationChanged", "translationIsOriginal", "languageInvalid", "invalidRequest", "sourceEmpty", "tooManyParagraphs",
]);
const FORM_ERRORS = new Set(["invalidInput", "forbidden", "notFound", "translationChanged"]);

export function TranslationForm(props: {
  action: Action;
  language: string;
  languageName: string;
  fields: FormField[];
  values: Record<string, string>;
  sourceHash: string;
  expectedUpdatedAt: string;
  exists: boolean;
}) {
  const t = useTranslations("translations");
  const [state, formAction, pending] = useActionState(props.action, { status: "idle" });
  const ref = useFocusOnResult(state);
  const values = state.status === "error" ? state.values : props.values;
  const errors = state.status === "error" ? state.fieldErrors : {};
  const params = state.status === "error" ? state.params : {};
  const message = (key: string) => t(`errors.${FIELD_ERRORS.has(key) ? key : "generic"}`, { position: params.position ?? 0, expected: params.expected ?? 0, got: params.got ?? 0 });
  return (
    <form action={formAction} noValidate className="space-y-4" key={`${props.language}-${props.expectedUpdatedAt}-${state.status}`}>
      <div ref={ref} tabIndex={-1}>
        {state.status === "saved" ? <FormAlert tone="success">{t(`notices.${state.message}`, { language: props.languageName })}</FormAlert> : null}
        {state.status === "error" ? (
          <FormAlert>
            {t(`errors.${FORM_ERRORS.has(state.error) ? state.error : "generic"}`)}
            {errors.form?.length ? <> {errors.form.map(message).join(" ")}</> : null}
          </FormAlert>
        ) : null}
      </div>
      <input type="hidden" name="sourceHash" value={props.sourceHash} />
      <input type="hidden" name="expectedUpdatedAt" value={props.expectedUpdatedAt} />
      {props.fields.map((f) => {
        const id = `tr-${f.name}`;
        const fieldErrors = errors[f.name]?.map(message);
        const common = {
          id, name: f.name, defaultValue: values[f.name] ?? "", required: f.required, maxLength: f.max, lang: props.language, dir: directionOf(props.language),
          "aria-invalid": fieldErrors?.length ? true : undefined, "aria-describedby": describedBy(id, f.markdown, !!fieldErrors?.length), className: inputClass,
        } as const;
        return (
          <Field key={f.name} name={id} label={f.label} hint={f.markdown ? t("markdownHint") : undefined} errors={fieldErrors}>
            {f.multiline ? <textarea {...common} rows={f.markdown ? 14 : 4} /> : <input {...common} />}
          </Field>
        );
      })}
      <div className="flex flex-wrap gap-3">
        <button type="submit" name="intent" value="save" className={buttonClass} disabled={pending}>{t("save", { language: props.languageName })}</button>
        {props.exists ? (
          <button type="submit" name="intent" value="delete" className="rounded border border-red-700 px-4 py-2 text-red-800 hover:bg-red-50" disabled={pending}>
            {t("remove", { language: props.languageName })}
          </button>
        ) : null}
      </div>
    </form>
  );
}
