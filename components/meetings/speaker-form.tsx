"use client";
// Map a roster speaker: the person's name, organisation, stakeholder group (or unclassified) and country (or unknown).
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field, FormAlert, buttonClass, describedBy, inputClass } from "@/components/ui/field";
import { useFocusOnResult } from "@/components/ui/use-focus-on-result";

export interface SpeakerValues {
  name: string;
  organisation: string;
  stakeholderGroup: string;
  country: string;
  version: string;
}

export type SpeakerFormState =
  | { status: "idle" }
  | { status: "error"; error: string; fieldErrors: Record<string, string[] | undefined>; values: SpeakerValues };

type Action = (state: SpeakerFormState, formData: FormData) => Promise<SpeakerFormState>;

export function SpeakerForm({ action, values, groups, countries }: { action: Action; values: SpeakerValues; groups: { value: string; label: string }[]; countries: { code: string; name: string }[] }) {
  const t = useTranslations("meetings.roster");
  const te = useTranslations("meetings.errors");
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const ref = useFocusOnResult(state);
  const shown = state.status === "error" ? state.values : values;
  const errors = state.status === "error" ? state.fieldErrors : {};
  const err = (name: string) => errors[name]?.map((k) => (te.has(k) ? te(k as "generic") : te("generic")));
  const aria = (name: string, hint = false) => ({ "aria-invalid": errors[name]?.length ? true : undefined, "aria-describedby": describedBy(`speaker-${name}`, hint, !!errors[name]?.length) });
  return (
    <form action={formAction} className="space-y-3 rounded border border-stone-200 bg-white p-4" noValidate key={state.status === "error" ? JSON.stringify(shown) : "fresh"}>
      <div ref={ref} tabIndex={-1}>
        {state.status === "error" ? <FormAlert>{te.has(state.error) ? te(state.error as "generic") : te("invalidInput")}</FormAlert> : null}
      </div>
      <input type="hidden" name="version" value={shown.version} />
      <Field name="speaker-name" label={t("name")} hint={t("nameHint")} errors={err("name")}>
        <input id="speaker-name" name="name" defaultValue={shown.name} dir="auto" className={inputClass} {...aria("name", true)} />
      </Field>
      <Field name="speaker-organisation" label={t("organisation")} hint={t("organisationHint")} errors={err("organisation")}>
        <input id="speaker-organisation" name="organisation" defaultValue={shown.organisation} dir="auto" className={inputClass} {...aria("organisation", true)} />
      </Field>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field name="speaker-stakeholderGroup" label={t("group")} errors={err("stakeholderGroup")}>
          <select id="speaker-stakeholderGroup" name="stakeholderGroup" defaultValue={shown.stakeholderGroup} className={inputClass} {...aria("stakeholderGroup")}>
            {groups.map((g) => <option key={g.value} value={g.value}>{g.label}</option>)}
          </select>
        </Field>
        <Field name="speaker-country" label={t("country")} errors={err("country")}>
          <select id="speaker-country" name="country" defaultValue={shown.country === "ZZ" ? "" : shown.country} className={inputClass} {...aria("country")}>
            <option value="">{t("countryUnknown")}</option>
            {countries.map((c) => <option key={c.code} value={c.code}>{c.name}</option>)}
          </select>
        </Field>
      </div>
      <button type="submit" className={buttonClass} disabled={pending}>{t("save")}</button>
    </form>
  );
}
