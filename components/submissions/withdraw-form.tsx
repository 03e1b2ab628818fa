"use client";
// Withdraw (or discard a draft) in two steps, so one stray click cannot remove a contribution.
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/ui/field";
import { useContributionMessage } from "./use-contribution-message";

export type WithdrawState = { status: "idle" } | { status: "error"; error: string; params?: Record<string, string | number> };

export function WithdrawForm({ action, label }: { action: (state: WithdrawState) => Promise<WithdrawState>; label: string }) {
  const t = useTranslations("submissions");
  const message = useContributionMessage();
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="space-y-2">
      {state.status === "error" ? <FormAlert>{message(state.error, state.params)}</FormAlert> : null}
      {confirming ? (
        <form action={formAction} role="group" aria-label={label} className="flex flex-wrap gap-3">
          <button type="submit" disabled={pending} className="rounded border border-red-800 bg-red-800 px-4 py-2 font-medium text-white hover:bg-red-900">
            {t("receipt.withdrawConfirm")}
          </button>
          <button type="button" disabled={pending} onClick={() => setConfirming(false)} className="rounded border border-stone-500 px-4 py-2 font-medium text-stone-900 hover:bg-stone-100">
            {t("receipt.withdrawCancel")}
          </button>
        </form>
      ) : (
        <button type="button" onClick={() => setConfirming(true)} className="rounded border border-red-800 px-4 py-2 font-medium text-red-800 hover:bg-red-50">
          {label}
        </button>
      )}
    </div>
  );
}
