"use client";
// Import in two steps: check the file (every row's result is shown), then import exactly that file.
import { startTransition, useActionState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { Field, FormAlert, buttonClass, inputClass } from "@/components/ui/field";
import type { ImportReport } from "@/lib/import/service";
import { useFocusOnResult } from "@/components/ui/use-focus-on-result";
import { ColumnWarnings, ProblemList } from "@/components/imports/problem-list";
import { BacklogBalance } from "@/components/imports/backlog-balance";

export type ImportFormState =
  | { status: "idle" }
  | { status: "preview"; report: ImportReport; filename: string }
  | { status: "imported"; created: number; skipped: number }
  | { status: "error"; error: string; detail?: string; report?: ImportReport };

export function ImportForm({ action }: { action: (state: ImportFormState, formData: FormData) => Promise<ImportFormState> }) {
  const t = useTranslations("submissions.import");
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const alertRef = useFocusOnResult(state);
  const report = state.status === "preview" ? state.report : state.status === "error" ? state.report : undefined;
  const canImport = state.status === "preview" && state.report.invalid === 0 && state.report.valid > 0;
  const errorText = (key: string, detail?: string) => (t.has(`errors.${key}`) ? t(`errors.${key}` as "errors.fileEmpty", { detail: detail ?? "" }) : t("errors.invalidRows"));

  // Submitted by hand, not through the form's action: React resets a form after its action, which would clear
  // the chosen file between "check" and "import".
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(event.currentTarget, submitter instanceof HTMLButtonElement ? submitter : null);
    startTransition(() => formAction(data));
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" encType="multipart/form-data">
      <div ref={alertRef} tabIndex={-1}>
        {state.status === "error" ? <FormAlert>{errorText(state.error, state.detail)}</FormAlert> : null}
        {state.status === "imported" ? <FormAlert tone="success">{t("done", { count: state.created, skipped: state.skipped })}</FormAlert> : null}
        {state.status === "preview" ? (
          <FormAlert tone={state.report.invalid ? "error" : "success"}>
            {t("summary", { valid: state.report.valid, total: state.report.total, skipped: state.report.skipped })}
            {state.report.invalid ? ` ${t("fixFirst")}` : ""}
          </FormAlert>
        ) : null}
      </div>
      <Field name="file" label={t("file")}>
        <input id="file" name="file" type="file" accept=".csv,.json,text/csv,application/json" required className={inputClass} />
      </Field>
      {state.status === "preview" ? <input type="hidden" name="fileHash" value={state.report.fileHash} /> : null}
      <div className="flex flex-wrap gap-3">
        <button type="submit" name="intent" value="preview" className={buttonClass} disabled={pending}>{pending ? t("checking") : t("preview")}</button>
        {canImport ? (
          <button type="submit" name="intent" value="import" className={buttonClass} disabled={pending}>
            {pending ? t("importing") : t("confirm", { count: state.report.valid })}
          </button>
        ) : null}
      </div>
      {report ? <ColumnWarnings warnings={report.warnings} /> : null}
      {report?.backlog ? <BacklogBalance balance={report.backlog} /> : null}
      {report ? (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse bg-white text-sm">
            <thead>
              <tr className="border-b border-stone-300">
                <th scope="col" className="p-2 text-start">{t("row")}</th>
                <th scope="col" className="p-2 text-start">{t("fieldTitle")}</th>
                <th scope="col" className="p-2 text-start">{t("result")}</th>
              </tr>
            </thead>
            <tbody>
              {report.rows.map((row) => (
                <tr key={row.row} className="border-b border-stone-200" data-status={row.status}>
                  <td className="p-2">{row.row}</td>
                  <td className="p-2">{row.title}</td>
                  <td className={`p-2 ${row.status === "invalid" ? "text-red-800" : ""}`}>
                    {row.status === "ok" ? t("ok") : row.status === "skip" ? t("skip") : <ProblemList problems={row.problems} />}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </form>
  );
}
