"use client";
// A destructive or public action behind a confirmation with Cancel: the button opens a modal <dialog> (focus moves
// into it, Escape or Cancel closes it, nothing is sent); only its confirm button submits the server action.
import { useRef } from "react";

export function ConfirmAction(props: {
  action: (formData: FormData) => void | Promise<void>;
  label: string;
  question: string;
  confirmLabel: string;
  cancelLabel: string;
  className?: string;
  danger?: boolean;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <>
      <button type="button" onClick={() => dialog.current?.showModal()} className={props.className ?? "text-brand-800 underline"}>{props.label}</button>
      <dialog ref={dialog} aria-label={props.label} className="m-auto max-w-md rounded border border-stone-300 bg-white p-5 text-stone-900 shadow-xl backdrop:bg-stone-900/40">
        <p className="mb-4">{props.question}</p>
        <form action={props.action} className="flex flex-wrap gap-3" onSubmit={() => dialog.current?.close()}>
          <button type="submit" className={props.danger ? "rounded bg-red-800 px-4 py-2 font-medium text-white hover:bg-red-900" : "rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800"}>
            {props.confirmLabel}
          </button>
          <button type="button" onClick={() => dialog.current?.close()} className="rounded border border-stone-500 px-4 py-2 font-medium hover:bg-stone-100">{props.cancelLabel}</button>
        </form>
      </dialog>
    </>
  );
}
