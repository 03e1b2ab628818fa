"use client";
// Shown to a signed-in person whose address is not confirmed: why sending is not possible yet, and a resend button.
import { useActionState, useId } from "react";
import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/ui/field";
import { useFocusOnResult } from "@/components/ui/use-focus-on-result";
import type { AccountFormState } from "@/app/actions/accounts";
import { useAccountError } from "./account-form";

interface Props {
  address: string;
  action: (state: AccountFormState) => Promise<AccountFormState>;
}

export function VerifyNotice({ address, action }: Props) {
  const t = useTranslations("accounts.verify");
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const alertRef = useFocusOnResult(state);
  const message = useAccountError();
  const titleId = useId();
  return (
    <section aria-labelledby={titleId} className="space-y-2 rounded border-s-4 border-amber-700 bg-amber-50 px-4 py-3 text-amber-950">
      <h2 id={titleId} className="font-semibold">{t("noticeTitle")}</h2>
      <p>{t("noticeBody", { address })}</p>
      <form action={formAction}>
        <button type="submit" className="rounded border border-amber-800 bg-white px-3 py-1 text-amber-950" disabled={pending}>
          {pending ? t("resending") : t("resend")}
        </button>
      </form>
      <div ref={alertRef} tabIndex={-1}>
        {state.status === "done" ? <FormAlert tone="success">{t("resent", { address: state.address ?? address })}</FormAlert> : null}
        {state.status === "error" ? <FormAlert>{message(state.error, state.params)}</FormAlert> : null}
      </div>
    </section>
  );
}
