"use client";
// The author's own controls on a comment while the period is open: edit (with optimistic concurrency) and withdraw.
import { useActionState, useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { FormAlert, buttonClass, describedBy, inputClass } from "@/components/ui/field";
import type { CommentAction, CommentFormState } from "./form-state";
import { useErrorText } from "./use-error-text";

interface Props {
  commentId: string;
  body: string;
  proposedText: string | null;
  /** null where proposals do not apply (replies, whole-draft comments) */
  paragraphText: string | null;
  version: number;
  editAction: CommentAction;
  withdrawAction: CommentAction;
}

export function OwnCommentControls({ commentId, body, proposedText, paragraphText, version, editAction, withdrawAction }: Props) {
  const t = useTranslations("comments");
  const errorText = useErrorText();
  const [state, formAction, pending] = useActionState<CommentFormState, FormData>(editAction, { status: "idle" });
  const [wState, withdrawFormAction, withdrawing] = useActionState<CommentFormState, FormData>(withdrawAction, { status: "idle" });
  const alertRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status !== "idle" || wState.status !== "idle") alertRef.current?.focus();
  }, [state, wState]);
  const errors = state.status === "error" ? state.fieldErrors : {};
  const values = state.status === "error" ? state.values : { body, proposedText: proposedText ?? paragraphText ?? "" };
  const id = (name: string) => `edit-${commentId}-${name}`;
  const aria = (name: string) => ({
    "aria-invalid": errors[name]?.length ? true : undefined,
    "aria-describedby": describedBy(id(name), false, !!errors[name]?.length),
  });
  const list = (name: string) =>
    errors[name]?.length ? <ul id={`${id(name)}-error`} className="mt-1 text-sm text-red-800">{errors[name]?.map((e) => <li key={e}>{errorText(e)}</li>)}</ul> : null;

  return (
    <div className="mt-2 space-y-2">
      <div ref={alertRef} tabIndex={-1}>
        {state.status === "saved" ? <FormAlert tone="success">{t(`saved.${state.outcome}`)}</FormAlert> : null}
        {state.status === "error" ? <FormAlert>{errorText(state.error, state.params)}</FormAlert> : null}
        {wState.status === "error" ? <FormAlert>{errorText(wState.error, wState.params)}</FormAlert> : null}
      </div>
      <div className="flex flex-wrap items-start gap-3">
        <details className="min-w-0 flex-1" open={state.status === "error"}>
          <summary className="cursor-pointer text-brand-800 underline">{t("edit")}</summary>
          <form action={formAction} className="mt-2 space-y-2" noValidate key={`${version}-${state.status === "saved" ? state.at : 0}`}>
            <input type="hidden" name="expectedVersion" value={version} />
            <div className="flex flex-col gap-1">
              <label htmlFor={id("body")} className="font-medium">{t("editBody")}</label>
              <textarea id={id("body")} name="body" rows={4} maxLength={5000} dir="auto" defaultValue={values.body} className={inputClass} {...aria("body")} />
              {list("body")}
            </div>
            {paragraphText !== null ? (
              <div className="flex flex-col gap-1">
                <label htmlFor={id("proposedText")} className="font-medium">{t("proposedLabel")}</label>
                <textarea id={id("proposedText")} name="proposedText" rows={3} maxLength={5000} dir="auto" defaultValue={values.proposedText} className={inputClass} {...aria("proposedText")} />
                {list("proposedText")}
              </div>
            ) : null}
            <button type="submit" className={buttonClass} disabled={pending}>{pending ? t("submitting") : t("saveEdit")}</button>
          </form>
        </details>
        <details>
          <summary className="cursor-pointer text-red-800 underline">{t("withdraw")}</summary>
          <form action={withdrawFormAction} className="mt-2 space-y-2">
            <p className="text-sm text-stone-700">{t("withdrawHint")}</p>
            <button type="submit" className="rounded border border-red-800 px-3 py-1 text-red-900 hover:bg-red-50" disabled={withdrawing}>{t("withdrawConfirm")}</button>
          </form>
        </details>
      </div>
    </div>
  );
}
