"use client";
// Delete my account: the password, what happens to published inputs, and an explicit confirmation.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormAlert, describedBy, FieldErrors, inputClass } from "@/components/ui/field";
import { useFocusOnResult } from "@/components/ui/use-focus-on-result";

export type DeleteAccountState =
  | { status: "idle" }
  | { status: "error"; error: string; fieldErrors: Record<string, string[] | undefined>; attribution: string };

export function DeleteAccountForm({ action }: { action: (state: DeleteAccountState, formData: FormData) => Promise<DeleteAccountState> }) {
  const t = useTranslations("personalData.delete");
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const alertRef = useFocusOnResult(state);
  const errors = state.status === "error" ? state.fieldErrors : {};
  const text = (list?: string[]) => list?.map((key) => t(`errors.${key}` as never));
  const attribution = state.status === "error" ? state.attribution : "keep";
  const formError = state.status === "error" && !Object.keys(errors).some((k) => k !== "form") ? state.error : null;

  return (
    <form action={formAction} className="space-y-4" noValidate>
      <div ref={alertRef} tabIndex={-1}>
        {state.status === "error" ? <FormAlert>{t(`errors.${formError ?? "fixFields"}` as never)}</FormAlert> : null}
      </div>
      <fieldset className="space-y-2" aria-describedby={errors.attribution ? "attribution-error" : undefined}>
        <legend className="font-medium">{t("attributionLegend")}</legend>
        <div className="flex items-start gap-2">
          <input type="radio" id="attribution-keep" name="attribution" value="keep" defaultChecked={attribution !== "anonymous"} className="mt-1 h-4 w-4" />
          <label htmlFor="attribution-keep">{t("keep")}</label>
        </div>
        <div className="flex items-start gap-2">
          <input type="radio" id="attribution-anonymous" name="attribution" value="anonymous" defaultChecked={attribution === "anonymous"} className="mt-1 h-4 w-4" />
          <label htmlFor="attribution-anonymous">{t("anonymous")}</label>
        </div>
        <FieldErrors name="attribution" errors={text(errors.attribution)} />
      </fieldset>
      <div className="flex flex-col gap-1">
        <label htmlFor="password" className="font-medium">{t("password")}</label>
        <p id="password-hint" className="text-sm text-stone-700">{t("passwordHint")}</p>
        <input
          id="password" name="password" type="password" autoComplete="current-password" required className={inputClass}
          aria-invalid={errors.password ? true : undefined} aria-describedby={describedBy("password", true, Boolean(errors.password))}
        />
        <FieldErrors name="password" errors={text(errors.password)} />
      </div>
      <div>
        <div className="flex items-start gap-2">
          <input type="checkbox" id="confirm" name="confirm" className="mt-1 h-4 w-4" aria-invalid={errors.confirm ? true : undefined} aria-describedby={errors.confirm ? "confirm-error" : undefined} />
          <label htmlFor="confirm">{t("confirm")}</label>
        </div>
        <FieldErrors name="confirm" errors={text(errors.confirm)} />
      </div>
      <button type="submit" className="inline-flex items-center justify-center rounded bg-red-800 px-4 py-2 font-medium text-white hover:bg-red-900 disabled:opacity-60" disabled={pending}>
        {pending ? t("deleting") : t("submit")}
      </button>
    </form>
  );
}
