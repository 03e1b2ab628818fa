"use client";
// A destructive or public action behind a confirmation with Cancel: the button opens a modal <dialog> (focus moves
// into it, Escape or Cancel closes it, nothing is sent); only its confirm button submits.
// With `action`, the dialog holds its own form for that server action. With `submit` instead, the confirm button is a
// submit button (name/value) of the form the component sits in, e.g. a bulk action over the rows selected in it.
import { useRef, type ReactNode } from "react";

export function ConfirmAction(props: {
  action?: (formData: FormData) => void | Promise<void>;
  submit?: { name: string; value: string };
  label: ReactNode;
  /** the dialog's accessible name when `label` is not plain text */
  dialogLabel?: string;
  question: string;
  confirmLabel: string;
  cancelLabel: string;
  className?: string;
  danger?: boolean;
  disabled?: boolean;
  /** extra attributes of the button that opens the dialog (data-*, aria-keyshortcuts) */
  trigger?: Record<string, string | undefined>;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const confirmClass = props.danger ? "rounded bg-red-800 px-4 py-2 font-medium text-white hover:bg-red-900" : "rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800";
  const cancel = <button type="button" onClick={() => dialog.current?.close()} className="rounded border border-stone-500 px-4 py-2 font-medium hover:bg-stone-100">{props.cancelLabel}</button>;
  return (
    <>
      <button type="button" disabled={props.disabled} onClick={() => dialog.current?.showModal()} className={props.className ?? "text-brand-800 underline"} {...props.trigger}>{props.label}</button>
      <dialog ref={dialog} aria-label={props.dialogLabel ?? (typeof props.label === "string" ? props.label : undefined)} className="m-auto max-w-md rounded border border-stone-300 bg-white p-5 text-stone-900 shadow-xl backdrop:bg-stone-900/40">
        <p className="mb-4">{props.question}</p>
        {props.action ? (
          <form action={props.action} className="flex flex-wrap gap-3" onSubmit={() => dialog.current?.close()}>
            <button type="submit" className={confirmClass}>{props.confirmLabel}</button>
            {cancel}
          </form>
        ) : (
          <div className="flex flex-wrap gap-3">
            <button type="submit" name={props.submit?.name} value={props.submit?.value} className={confirmClass} onClick={() => dialog.current?.close()}>{props.confirmLabel}</button>
            {cancel}
          </div>
        )}
      </dialog>
    </>
  );
}
