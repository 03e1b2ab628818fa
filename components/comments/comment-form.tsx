"use client";
// Write a comment or a reply. A fresh idempotency key per rendered form makes a double submit store one comment.
import { useActionState, useEffect, useRef, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { FormAlert, buttonClass, describedBy, inputClass } from "@/components/ui/field";
import type { CommentAction, CommentFormState } from "./form-state";
import { useErrorText } from "./use-error-text";

interface Props {
  action: CommentAction;
  draftId: string;
  anchorId: string | null;
  parentId?: string;
  /** the paragraph's text, to start a proposed replacement from; null where proposals do not apply */
  paragraphText: string | null;
  /** unique per form on the page, for element ids */
  formId: string;
}

export function CommentForm({ action, draftId, anchorId, parentId, paragraphText, formId }: Props) {
  const t = useTranslations("comments");
  const errorText = useErrorText();
  const [state, formAction, pending] = useActionState<CommentFormState, FormData>(action, { status: "idle" });
  // Made on the first submit and kept until a comment is stored, so a repeated submit reuses it.
  const keyRef = useRef<string | null>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const savedAt = state.status === "saved" ? state.at : 0;
  useEffect(() => {
    if (state.status === "idle") return;
    // A new key after a stored comment: the next comment is a new submission, not a repeat.
    if (savedAt) keyRef.current = null;
    alertRef.current?.focus();
  }, [state, savedAt]);
  const errors = state.status === "error" ? state.fieldErrors : {};
  const values = state.status === "error" ? state.values : { body: "", proposedText: "" };
  const id = (name: string) => `${formId}-${name}`;
  const aria = (name: string, hint: boolean) => ({
    "aria-invalid": errors[name]?.length ? true : undefined,
    "aria-describedby": describedBy(id(name), hint, !!errors[name]?.length),
  });
  const fieldErrors = (name: string) =>
    errors[name]?.length ? (
      <ul id={`${id(name)}-error`} className="mt-1 text-sm text-red-800">
        {errors[name]?.map((e) => <li key={e}>{errorText(e)}</li>)}
      </ul>
    ) : null;

  const stampKey = (event: FormEvent<HTMLFormElement>) => {
    keyRef.current ??= crypto.randomUUID();
    const input = event.currentTarget.elements.namedItem("idempotencyKey");
    if (input instanceof HTMLInputElement) input.value = keyRef.current;
  };

  return (
    <form action={formAction} onSubmit={stampKey} className="space-y-3" noValidate key={`${savedAt}`}>
      <div ref={alertRef} tabIndex={-1}>
        {state.status === "saved" ? <FormAlert tone="success">{t(`saved.${state.outcome}`)}</FormAlert> : null}
        {state.status === "error" ? <FormAlert>{errorText(state.error, state.params)}</FormAlert> : null}
      </div>
      <input type="hidden" name="draftId" value={draftId} />
      <input type="hidden" name="anchorId" value={anchorId ?? ""} />
      <input type="hidden" name="parentId" value={parentId ?? ""} />
      <input type="hidden" name="idempotencyKey" defaultValue="" />
      <div className="flex flex-col gap-1">
        <label htmlFor={id("body")} className="font-medium">{parentId ? t("replyLabel") : t("bodyLabel")}</label>
        <p id={`${id("body")}-hint`} className="text-sm text-stone-700">{t("bodyHint")}</p>
        <textarea id={id("body")} name="body" rows={parentId ? 3 : 5} maxLength={5000} required dir="auto" defaultValue={values.body} className={inputClass} {...aria("body", true)} />
        {fieldErrors("body")}
      </div>
      {paragraphText !== null && !parentId ? (
        <details className="rounded border border-stone-300 bg-stone-50 p-3" open={!!values.proposedText || !!errors.proposedText?.length}>
          <summary className="cursor-pointer font-medium">{t("proposeToggle")}</summary>
          <div className="mt-2 flex flex-col gap-1">
            <label htmlFor={id("proposedText")} className="font-medium">{t("proposedLabel")}</label>
            <p id={`${id("proposedText")}-hint`} className="text-sm text-stone-700">{t("proposedHint")}</p>
            <textarea
              id={id("proposedText")} name="proposedText" rows={4} maxLength={5000} dir="auto"
              defaultValue={values.proposedText || paragraphText} className={inputClass} {...aria("proposedText", true)}
            />
            {fieldErrors("proposedText")}
          </div>
        </details>
      ) : null}
      <button type="submit" className={buttonClass} disabled={pending}>
        {pending ? t("submitting") : parentId ? t("sendReply") : t("submit")}
      </button>
    </form>
  );
}
