"use client";
// The secretariat's edit of one site page's original: title, Markdown text and the language it is written in.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field, FormAlert, buttonClass, describedBy, inputClass } from "@/components/ui/field";
import { useFocusOnResult } from "@/components/ui/use-focus-on-result";

export type SitePageFormState =
  | { status: "idle" }
  | { status: "saved"; version: number }
  | { status: "error"; error: string; fieldErrors: Record<string, string[] | undefined>; values: { title: string; body: string; language: string } };

type Action = (state: SitePageFormState, formData: FormData) => Promise<SitePageFormState>;

const KNOWN = new Set(["titleRequired", "titleTooLong", "bodyRequired", "bodyTooLong", "languageInvalid", "languageHasTranslation", "pageChanged", "invalidInput"]);

export function SitePageForm(props: {
  pageKey: string;
  action: Action;
  values: { title: string; body: string; language: string };
  version: number;
  languages: { value: string; label: string }[];
}) {
  const t = useTranslations("sitePages.admin");
  const [state, formAction, pending] = useActionState(props.action, { status: "idle" });
  const ref = useFocusOnResult(state);
  const values = state.status === "error" ? state.values : props.values;
  const errors = state.status === "error" ? state.fieldErrors : {};
  const msg = (k: string) => t(`errors.${KNOWN.has(k) ? k : "generic"}`);
  const id = (n: string) => `${props.pageKey}-${n}`;
  const aria = (n: string) => ({ "aria-invalid": errors[n]?.length ? true : undefined, "aria-describedby": describedBy(id(n), false, !!errors[n]?.length) });
  const version = state.status === "saved" ? state.version : props.version;
  return (
    <form action={formAction} noValidate className="space-y-3" key={`${version}`}>
      <div ref={ref} tabIndex={-1}>
        {state.status === "saved" ? <FormAlert tone="success">{t("saved")}</FormAlert> : null}
        {state.status === "error" ? <FormAlert>{msg(state.error === "invalidInput" ? "invalidInput" : state.error)}</FormAlert> : null}
      </div>
      <input type="hidden" name="expectedVersion" value={version} />
      <Field name={id("language")} label={t("language")} errors={errors.language?.map(msg)}>
        <select id={id("language")} name="language" defaultValue={values.language} className={inputClass} {...aria("language")}>
          {props.languages.map((l) => <option key={l.value} value={l.value}>{l.label}</option>)}
        </select>
      </Field>
      <Field name={id("title")} label={t("pageTitle")} errors={errors.title?.map(msg)}>
        <input id={id("title")} name="title" defaultValue={values.title} required maxLength={200} dir="auto" className={inputClass} {...aria("title")} />
      </Field>
      <Field name={id("body")} label={t("body")} errors={errors.body?.map(msg)}>
        <textarea id={id("body")} name="body" defaultValue={values.body} required rows={14} dir="auto" className={inputClass} {...aria("body")} />
      </Field>
      <button type="submit" className={buttonClass} disabled={pending}>{t("save")}</button>
    </form>
  );
}
