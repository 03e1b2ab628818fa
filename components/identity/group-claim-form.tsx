"use client";
// The participant's request that the secretariat verify a stakeholder group, with evidence and an optional link.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field, FormAlert, buttonClass, describedBy, inputClass } from "@/components/ui/field";
import { useFocusOnResult } from "@/components/ui/use-focus-on-result";
import type { IdentityFormState } from "./form-state";

export function GroupClaimForm(props: {
  action: (s: IdentityFormState, f: FormData) => Promise<IdentityFormState>;
  groups: { value: string; label: string }[];
  declared: string;
}) {
  const t = useTranslations("identity.claim");
  const te = useTranslations("identity.errors");
  const [state, formAction, pending] = useActionState(props.action, { status: "idle" });
  const alertRef = useFocusOnResult(state);
  const errors = state.status === "error" ? state.fieldErrors : {};
  const values = state.status === "error" ? state.values : {};
  const err = (name: string) => errors[name]?.map((k) => (te.has(k) ? te(k) : te("invalidInput")));
  const invalid = (name: string) => (errors[name]?.length ? true : undefined);
  return (
    <form action={formAction} className="space-y-4 rounded border border-stone-200 bg-white p-4" noValidate>
      <h3 className="text-lg font-semibold">{t("title")}</h3>
      <p className="text-sm text-stone-800">{t("intro")}</p>
      <div ref={alertRef} tabIndex={-1}>
        {state.status === "saved" ? <FormAlert tone="success">{t("filed")}</FormAlert> : null}
        {state.status === "error" ? <FormAlert>{err("form")?.[0] ?? (te.has(state.error) ? te(state.error) : te("invalidInput"))}</FormAlert> : null}
      </div>
      <Field name="claimGroup" label={t("group")} errors={err("stakeholderGroup")}>
        <select id="claimGroup" name="stakeholderGroup" defaultValue={values.stakeholderGroup ?? props.declared} className={inputClass} aria-invalid={invalid("stakeholderGroup")} aria-describedby={describedBy("claimGroup", false, !!invalid("stakeholderGroup"))}>
          {props.groups.map((g) => <option key={g.value} value={g.value}>{g.label}</option>)}
        </select>
      </Field>
      <Field name="evidence" label={t("evidence")} hint={t("evidenceHint")} errors={err("evidence")}>
        <textarea id="evidence" name="evidence" rows={4} defaultValue={values.evidence ?? ""} className={inputClass} aria-invalid={invalid("evidence")} aria-describedby={describedBy("evidence", true, !!invalid("evidence"))} />
      </Field>
      <Field name="link" label={t("link")} hint={t("linkHint")} errors={err("link")}>
        <input id="link" name="link" type="url" inputMode="url" defaultValue={values.link ?? ""} className={inputClass} aria-invalid={invalid("link")} aria-describedby={describedBy("link", true, !!invalid("link"))} />
      </Field>
      <button type="submit" className={buttonClass} disabled={pending}>{pending ? t("sending") : t("submit")}</button>
    </form>
  );
}
