"use client";
// The secretariat's glossary forms: add a term, edit or remove one; each form reports its errors next to its fields.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field, FormAlert, buttonClass, describedBy, inputClass } from "@/components/ui/field";
import { useFocusOnResult } from "@/components/ui/use-focus-on-result";

export interface GlossaryValues {
  acronym: string;
  expansion: string;
}

export type GlossaryFormState =
  | { status: "idle" }
  | { status: "saved"; message: "added" | "updated" | "deleted" }
  | { status: "error"; error: string; fieldErrors: Record<string, string[] | undefined>; values: GlossaryValues };

type Action = (state: GlossaryFormState, formData: FormData) => Promise<GlossaryFormState>;

const KNOWN_ERRORS = ["invalidInput", "forbidden", "notFound"];

function Notice({ state }: { state: GlossaryFormState }) {
  const t = useTranslations("glossary");
  if (state.status === "saved") return <FormAlert tone="success">{t(`notices.${state.message}`)}</FormAlert>;
  if (state.status === "error") return <FormAlert>{t(`errors.${KNOWN_ERRORS.includes(state.error) ? state.error : "generic"}`)}</FormAlert>;
  return null;
}


function Fields({ prefix, values, errors }: { prefix: string; values: GlossaryValues; errors: Record<string, string[] | undefined> }) {
  const t = useTranslations("glossary");
  const id = (name: string) => `${prefix}-${name}`;
  const err = (name: string) => errors[name]?.map((key) => t(`errors.${["acronymInvalid", "acronymTaken", "expansionRequired", "expansionTooLong"].includes(key) ? key : "generic"}`));
  const aria = (name: string) => ({
    "aria-invalid": errors[name]?.length ? true : undefined,
    "aria-describedby": describedBy(id(name), false, !!errors[name]?.length),
  });
  return (
    <div className="grid gap-3 sm:grid-cols-[1fr_3fr]">
      <Field name={id("acronym")} label={t("acronym")} errors={err("acronym")}>
        <input id={id("acronym")} name="acronym" defaultValue={values.acronym} required dir="ltr" className={inputClass} {...aria("acronym")} />
      </Field>
      <Field name={id("expansion")} label={t("expansion")} errors={err("expansion")}>
        <input id={id("expansion")} name="expansion" defaultValue={values.expansion} required className={inputClass} {...aria("expansion")} />
      </Field>
    </div>
  );
}

export function AddTermForm({ action, initial }: { action: Action; initial: GlossaryValues }) {
  const t = useTranslations("glossary");
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const ref = useFocusOnResult(state);
  const values = state.status === "error" ? state.values : state.status === "saved" ? { acronym: "", expansion: "" } : initial;
  return (
    <form id="add-term" action={formAction} noValidate className="space-y-3 rounded border border-stone-200 bg-white p-4" key={JSON.stringify([state.status, values])}>
      <h2 className="text-lg font-semibold">{t("add")}</h2>
      <div ref={ref} tabIndex={-1}><Notice state={state} /></div>
      <Fields prefix="new-term" values={values} errors={state.status === "error" ? state.fieldErrors : {}} />
      <button type="submit" className={buttonClass} disabled={pending}>{t("add")}</button>
    </form>
  );
}

export function EditTermForm({ action, values: initial, termKey }: { action: Action; values: GlossaryValues; termKey: string }) {
  const t = useTranslations("glossary");
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const ref = useFocusOnResult(state);
  if (state.status === "saved" && state.message === "deleted") {
    return <div ref={ref} tabIndex={-1}><Notice state={state} /></div>;
  }
  const values = state.status === "error" ? state.values : initial;
  return (
    <form action={formAction} noValidate aria-label={t("editLabel", { acronym: initial.acronym })} className="space-y-2 border-b border-stone-200 py-3">
      <div ref={ref} tabIndex={-1}><Notice state={state} /></div>
      <Fields prefix={`term-${termKey}`} values={values} errors={state.status === "error" ? state.fieldErrors : {}} />
      <div className="flex gap-3">
        <button type="submit" name="intent" value="save" className={buttonClass} disabled={pending}>{t("save")}</button>
        <button type="submit" name="intent" value="delete" className="rounded border border-red-700 px-4 py-2 text-red-800 hover:bg-red-50" disabled={pending}>{t("delete")}</button>
      </div>
    </form>
  );
}
