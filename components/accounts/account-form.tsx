"use client";
// One form shell for the account pages: the action's state, an alert that takes focus, errors next to the fields.
import { useActionState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Field, FormAlert, buttonClass, describedBy, inputClass } from "@/components/ui/field";
import { useFocusOnResult } from "@/components/ui/use-focus-on-result";
import type { AccountFormState } from "@/app/actions/accounts";

export interface AccountField {
  name: string;
  label: string;
  type: "email" | "password" | "hidden";
  autoComplete?: string;
  hint?: string;
  value?: string;
}

interface Props {
  action: (state: AccountFormState, formData: FormData) => Promise<AccountFormState>;
  fields: AccountField[];
  submit: string;
  pending: string;
  /** What the page says once the action succeeded ({address} filled in). */
  done: string;
  /** A one-shot form (a link used): once it succeeded, only the outcome stays on the page. */
  final?: boolean;
  children?: ReactNode;
}

/** Translates an error key of the account services: full keys ("accounts.strength.weak") or keys under accounts.errors. */
export function useAccountError() {
  const t = useTranslations();
  return (key: string, params: Record<string, string | number> = {}) => {
    const full = key.includes(".") ? key : `accounts.errors.${key}`;
    return t.has(full) ? t(full as never, params as never) : t("accounts.errors.generic");
  };
}

export function AccountForm({ action, fields, submit, pending: pendingLabel, done, final = false, children }: Props) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const alertRef = useFocusOnResult(state);
  const message = useAccountError();
  const errors = state.status === "error" ? state.fieldErrors : {};
  const params = state.status === "error" ? state.params ?? {} : {};
  const invalid = (name: string) => (errors[name]?.length ? true : undefined);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <div ref={alertRef} tabIndex={-1}>
        {state.status === "done" ? <FormAlert tone="success">{done.replace("{address}", state.address ?? "")}</FormAlert> : null}
        {state.status === "error" ? <FormAlert>{message(state.error === "invalidInput" ? "invalidInput" : state.error, params)}</FormAlert> : null}
      </div>
      {final && state.status === "done" ? null : (
        <>
          {children}
          {fields.map((field) =>
            field.type === "hidden" ? (
              <input key={field.name} type="hidden" name={field.name} value={field.value ?? ""} />
            ) : (
              <Field key={field.name} name={field.name} label={field.label} hint={field.hint} errors={errors[field.name]?.map((key) => message(key, params))}>
                <input
                  id={field.name}
                  name={field.name}
                  type={field.type}
                  autoComplete={field.autoComplete}
                  required
                  className={inputClass}
                  aria-invalid={invalid(field.name)}
                  aria-describedby={describedBy(field.name, !!field.hint, !!invalid(field.name))}
                />
              </Field>
            ),
          )}
          <button type="submit" className={buttonClass} disabled={pending}>
            {pending ? pendingLabel : submit}
          </button>
        </>
      )}
    </form>
  );
}
