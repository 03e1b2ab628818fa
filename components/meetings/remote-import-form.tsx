"use client";
// Remote messages import in two steps: check the export (every problem named by row and column), then import it.
import { startTransition, useActionState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { Field, FormAlert, buttonClass, inputClass } from "@/components/ui/field";
import { useFocusOnResult } from "@/components/ui/use-focus-on-result";
import { ColumnWarnings, ProblemList } from "@/components/imports/problem-list";
import type { RemoteImportReport } from "@/lib/meetings/remote";

export type RemoteImportState =
  | { status: "idle" }
  | { status: "preview"; report: RemoteImportReport }
  | { status: "imported"; created: number; skipped: number; published: number }
  | { status: "error"; error: string; detail?: string; report?: RemoteImportReport };

export function RemoteImportForm({ action }: { action: (state: RemoteImportState, formData: FormData) => Promise<RemoteImportState> }) {
  const t = useTranslations("meetings.remoteImport");
  const ti = useTranslations("imports");
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const ref = useFocusOnResult(state);
  const report = state.status === "preview" ? state.report : state.status === "error" ? state.report : undefined;
  const canImport = state.status === "preview" && state.report.invalid === 0 && state.report.valid > 0;
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(event.currentTarget, submitter instanceof HTMLButtonElement ? submitter : null);
    startTransition(() => formAction(data));
  }
  return (
    <form onSubmit={onSubmit} className="space-y-4" encType="multipart/form-data">
      <div ref={ref} tabIndex={-1}>
        {state.status === "error" ? <FormAlert>{ti.has(`fileErrors.${state.error}`) ? ti(`fileErrors.${state.error}` as "fileErrors.fileEmpty", { detail: state.detail ?? "" }) : ti("fileErrors.invalidRows")}</FormAlert> : null}
        {state.status === "imported" ? <FormAlert tone="success">{t("done", { count: state.created, skipped: state.skipped, published: state.published })}</FormAlert> : null}
        {state.status === "preview" ? (
          <FormAlert tone={state.report.invalid ? "error" : "success"}>
            {t("summary", { valid: state.report.valid, total: state.report.total, skipped: state.report.skipped, invalid: state.report.invalid, mapped: state.report.mapped })}
          </FormAlert>
        ) : null}
      </div>
      <Field name="remote-file" label={t("file")} hint={t("format")}>
        <input id="remote-file" name="file" type="file" accept=".csv,.json,text/csv,application/json" required className={inputClass} aria-describedby="remote-file-hint" />
      </Field>
      {state.status === "preview" ? <input type="hidden" name="fileHash" value={state.report.fileHash} /> : null}
      <div className="flex flex-wrap gap-3">
        <button type="submit" name="intent" value="preview" className={buttonClass} disabled={pending}>{pending ? t("checking") : t("check")}</button>
        {canImport ? <button type="submit" name="intent" value="import" className={buttonClass} disabled={pending}>{t("confirm", { count: state.report.valid })}</button> : null}
      </div>
      {report ? <ColumnWarnings warnings={report.warnings} /> : null}
      {report ? (
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t("file")}>
          <table className="w-full border-collapse bg-white text-sm">
            <thead>
              <tr className="border-b border-stone-300">
                <th scope="col" className="p-2 text-start">{t("row")}</th>
                <th scope="col" className="p-2 text-start">{t("handle")}</th>
                <th scope="col" className="p-2 text-start">{t("text")}</th>
                <th scope="col" className="p-2 text-start">{t("result")}</th>
              </tr>
            </thead>
            <tbody>
              {report.rows.map((row) => (
                <tr key={row.row} className="border-b border-stone-200" data-status={row.status}>
                  <td className="p-2 tabular-nums">{row.row}</td>
                  <td className="p-2" dir="auto">{row.handle}</td>
                  <td className="p-2" dir="auto">{row.text}</td>
                  <td className={`p-2 ${row.status === "invalid" ? "text-red-800" : ""}`}>{row.status === "ok" ? t("ok") : row.status === "skip" ? t("skip") : <ProblemList problems={row.problems} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </form>
  );
}
