"use client";
// The balance policy form: caps for contributions and comments, the minimum of groups, the duplicate threshold.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field, FormAlert, buttonClass, describedBy, inputClass } from "@/components/ui/field";
import { useFocusOnResult } from "@/components/ui/use-focus-on-result";

export type PolicyValues = Record<string, string>;
export type PolicyFormState =
  | { status: "idle" }
  | { status: "saved" }
  | { status: "error"; error: string; fieldErrors: Record<string, string[] | undefined>; values: PolicyValues };

const GROUPS: { legend: string; fields: { name: string; percent?: boolean }[] }[] = [
  { legend: "contributions", fields: [{ name: "maxPerContributor" }, { name: "maxGroupShare", percent: true }, { name: "minSample" }, { name: "minGroups" }] },
  { legend: "comments", fields: [{ name: "commentMaxPerContributor" }, { name: "commentMaxGroupShare", percent: true }, { name: "commentMinSample" }, { name: "commentRateLimit" }, { name: "commentRateWindowMinutes" }] },
  { legend: "campaigns", fields: [{ name: "duplicateThreshold", percent: true }] },
  {
    legend: "targets",
    fields: [
      { name: "targetAfrican", percent: true }, { name: "targetAsiaPacific", percent: true }, { name: "targetEasternEuropean", percent: true },
      { name: "targetLatinAmerican", percent: true }, { name: "targetWesternEuropean", percent: true }, { name: "targetDeveloping", percent: true },
    ],
  },
];

export function PolicyForm({ action, values }: { action: (s: PolicyFormState, f: FormData) => Promise<PolicyFormState>; values: PolicyValues }) {
  const t = useTranslations("balance.policy");
  const te = useTranslations("balance.errors");
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const alertRef = useFocusOnResult(state);
  const errors = state.status === "error" ? state.fieldErrors : {};
  const v = state.status === "error" ? state.values : values;
  const err = (name: string) => errors[name]?.map((k) => (te.has(k) ? te(k) : te("invalid")));
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <div ref={alertRef} tabIndex={-1}>
        {state.status === "saved" ? <FormAlert tone="success">{t("saved")}</FormAlert> : null}
        {state.status === "error" ? <FormAlert>{te.has(state.error) ? te(state.error) : te("invalid")}</FormAlert> : null}
      </div>
      {GROUPS.map((group) => (
        <fieldset key={group.legend} className="space-y-3 rounded border border-stone-200 p-4">
          <legend className="px-1 font-semibold">{t(`legend.${group.legend}`)}</legend>
          <div className="grid gap-4 sm:grid-cols-2">
            {group.fields.map((f) => (
              <Field key={f.name} name={f.name} label={t(`fields.${f.name}`)} hint={t(`hints.${f.name}`)} errors={err(f.name)}>
                <input
                  id={f.name}
                  name={f.name}
                  type="number"
                  inputMode="numeric"
                  step={f.percent ? "0.1" : "1"}
                  defaultValue={v[f.name] ?? ""}
                  className={inputClass}
                  aria-invalid={errors[f.name]?.length ? true : undefined}
                  aria-describedby={describedBy(f.name, true, !!errors[f.name]?.length)}
                />
              </Field>
            ))}
          </div>
        </fieldset>
      ))}
      <fieldset className="space-y-3 rounded border border-stone-200 p-4">
        <legend className="px-1 font-semibold">{t("legend.verification")}</legend>
        <div className="flex items-start gap-2">
          <input id="countVerifiedOnly" name="countVerifiedOnly" type="checkbox" defaultChecked={v.countVerifiedOnly === "on"} className="mt-1 h-4 w-4" aria-describedby="countVerifiedOnly-hint" />
          <label htmlFor="countVerifiedOnly" className="font-medium">{t("fields.countVerifiedOnly")}</label>
        </div>
        <p id="countVerifiedOnly-hint" className="text-sm text-stone-700">{t("hints.countVerifiedOnly")}</p>
      </fieldset>
      <Field name="invitation" label={t("fields.invitation")} hint={t("hints.invitation")} errors={err("invitation")}>
        <textarea id="invitation" name="invitation" rows={3} defaultValue={v.invitation ?? ""} className={inputClass}
          aria-invalid={errors.invitation?.length ? true : undefined} aria-describedby={describedBy("invitation", true, !!errors.invitation?.length)} />
      </Field>
      <button type="submit" className={buttonClass} disabled={pending}>{pending ? t("saving") : t("save")}</button>
    </form>
  );
}
