"use client";
// The secretariat's decision on one group claim: approve, or refuse with a reason.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field, FormAlert, buttonClass, describedBy, inputClass } from "@/components/ui/field";
import { useFocusOnResult } from "@/components/ui/use-focus-on-result";
import type { IdentityFormState } from "./form-state";

export function ClaimDecisionForm(props: { action: (s: IdentityFormState, f: FormData) => Promise<IdentityFormState>; claimId: string; version: number; label: string }) {
  const t = useTranslations("identity.queue");
  const te = useTranslations("identity.errors");
  const [state, formAction, pending] = useActionState(props.action, { status: "idle" });
  const alertRef = useFocusOnResult(state);
  const errors = state.status === "error" ? state.fieldErrors : {};
  const reasonId = `reason-${props.claimId}`;
  const reasonErrors = errors.reason?.map((k) => (te.has(k) ? te(k) : te("invalidInput")));
  if (state.status === "saved") {
    return <div ref={alertRef} tabIndex={-1}><FormAlert tone="success">{t(state.message === "APPROVED" ? "approved" : "refused", { name: props.label })}</FormAlert></div>;
  }
  return (
    <form action={formAction} className="space-y-3" noValidate aria-label={t("decide", { name: props.label })}>
      <div ref={alertRef} tabIndex={-1}>
        {state.status === "error" ? <FormAlert>{errors.form?.[0] && te.has(errors.form[0]) ? te(errors.form[0]) : te.has(state.error) ? te(state.error) : te("invalidInput")}</FormAlert> : null}
      </div>
      <input type="hidden" name="claimId" value={props.claimId} />
      <input type="hidden" name="version" value={props.version} />
      <Field name={reasonId} label={t("reason")} hint={t("reasonHint")} errors={reasonErrors}>
        <textarea id={reasonId} name="reason" rows={2} className={inputClass} aria-invalid={reasonErrors?.length ? true : undefined} aria-describedby={describedBy(reasonId, true, !!reasonErrors?.length)} />
      </Field>
      <div className="flex gap-3">
        <button type="submit" name="decision" value="approve" className={buttonClass} disabled={pending}>{t("approve")}</button>
        <button type="submit" name="decision" value="refuse" className="inline-flex items-center justify-center rounded border border-stone-600 bg-white px-4 py-2 font-medium text-stone-900 hover:bg-stone-100 disabled:opacity-60" disabled={pending}>{t("refuse")}</button>
      </div>
    </form>
  );
}
