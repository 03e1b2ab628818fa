"use client";
// Add / edit / remove a consultation's themes, each form reporting its own errors in place.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field, FormAlert, buttonClass, describedBy, inputClass } from "@/components/ui/field";
import { useFocusOnResult } from "@/components/ui/use-focus-on-result";

export interface ThemeValues {
  slug: string;
  title: string;
  description: string;
  position: string;
}

export type ThemeFormState =
  | { status: "idle" }
  | { status: "saved"; message: "added" | "updated" | "deleted" }
  | { status: "error"; error: string; fieldErrors: Record<string, string[] | undefined>; values: ThemeValues };

type Action = (state: ThemeFormState, formData: FormData) => Promise<ThemeFormState>;

function ThemeFields({ prefix, values, errors }: { prefix: string; values: ThemeValues; errors: Record<string, string[] | undefined> }) {
  const t = useTranslations();
  const err = (name: string) => errors[name]?.map((key) => t(`errors.${key}`));
  const id = (name: string) => `${prefix}-${name}`;
  const aria = (name: string) => ({
    "aria-invalid": errors[name]?.length ? true : undefined,
    "aria-describedby": describedBy(id(name), false, !!errors[name]?.length),
  });
  return (
    <div className="grid gap-3 sm:grid-cols-[2fr_2fr_1fr]">
      <Field name={id("title")} label={t("admin.themes.name")} errors={err("title")}>
        <input id={id("title")} name="title" defaultValue={values.title} required className={inputClass} {...aria("title")} />
      </Field>
      <Field name={id("slug")} label={t("admin.themes.slug")} errors={err("slug")}>
        <input id={id("slug")} name="slug" defaultValue={values.slug} required dir="ltr" className={inputClass} {...aria("slug")} />
      </Field>
      <Field name={id("position")} label={t("admin.themes.position")} errors={err("position")}>
        <input id={id("position")} name="position" type="number" min={0} max={1000} defaultValue={values.position} className={inputClass} {...aria("position")} />
      </Field>
      <div className="sm:col-span-3">
        <Field name={id("description")} label={t("admin.themes.description")} errors={err("description")}>
          <input id={id("description")} name="description" defaultValue={values.description} className={inputClass} {...aria("description")} />
        </Field>
      </div>
    </div>
  );
}


function Notice({ state }: { state: ThemeFormState }) {
  const t = useTranslations();
  if (state.status === "saved") return <FormAlert tone="success">{t(`admin.themes.${state.message}`)}</FormAlert>;
  if (state.status === "error") {
    const known = ["invalidInput", "themeInUse", "forbidden", "notFound"];
    return <FormAlert>{t(`errors.${known.includes(state.error) ? state.error : "generic"}`)}</FormAlert>;
  }
  return null;
}

export function AddThemeForm({ action }: { action: Action }) {
  const t = useTranslations("admin.themes");
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const ref = useFocusOnResult(state);
  const values = state.status === "error" ? state.values : { slug: "", title: "", description: "", position: "0" };
  return (
    <form action={formAction} className="space-y-3 rounded border border-stone-200 bg-white p-4" noValidate key={state.status === "error" ? JSON.stringify(values) : "fresh"}>
      <h3 className="font-semibold">{t("add")}</h3>
      <div ref={ref} tabIndex={-1}><Notice state={state} /></div>
      <ThemeFields prefix="new-theme" values={values} errors={state.status === "error" ? state.fieldErrors : {}} />
      <button type="submit" className={buttonClass} disabled={pending}>{t("add")}</button>
    </form>
  );
}

export function EditThemeForm({ action, values, usedBy, themeKey }: { action: Action; values: ThemeValues; usedBy: number; themeKey: string }) {
  const t = useTranslations("admin.themes");
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const ref = useFocusOnResult(state);
  const shown = state.status === "error" ? state.values : values;
  return (
    <form action={formAction} className="space-y-3 rounded border border-stone-200 bg-white p-4" noValidate>
      <div ref={ref} tabIndex={-1}><Notice state={state} /></div>
      <ThemeFields prefix={`theme-${themeKey}`} values={shown} errors={state.status === "error" ? state.fieldErrors : {}} />
      <p className="text-sm text-stone-700">{t("usedBy", { count: usedBy })}</p>
      <div className="flex flex-wrap gap-2">
        <button type="submit" name="intent" value="save" className={buttonClass} disabled={pending}>{t("save")}</button>
        {usedBy === 0 ? (
          <button type="submit" name="intent" value="delete" className="rounded border border-red-800 px-4 py-2 text-red-800 hover:bg-red-50" disabled={pending}>
            {t("delete")}
          </button>
        ) : null}
      </div>
    </form>
  );
}
