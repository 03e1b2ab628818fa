"use client";
// Transcript import in two steps: check (what was found is shown, nothing is stored), then import exactly that text.
// The text can be pasted or uploaded (.txt, .docx).
import { startTransition, useActionState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { Field, FormAlert, buttonClass, inputClass } from "@/components/ui/field";
import { useFocusOnResult } from "@/components/ui/use-focus-on-result";
import type { TranscriptPreview } from "@/lib/meetings/transcripts";

export type TranscriptFormState =
  | { status: "idle" }
  | { status: "preview"; preview: TranscriptPreview }
  | { status: "imported"; turns: number; speakers: number; newSpeakers: number; proposedMerges: number }
  | { status: "error"; error: string; fieldErrors?: Record<string, string[] | undefined>; params?: Record<string, string | number>; preview?: TranscriptPreview };

type Action = (state: TranscriptFormState, formData: FormData) => Promise<TranscriptFormState>;

export function TranscriptImportForm({ action, existingTurns }: { action: Action; existingTurns: number }) {
  const t = useTranslations("meetings.transcript");
  const te = useTranslations("meetings.errors");
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const ref = useFocusOnResult(state);
  const preview = state.status === "preview" ? state.preview : state.status === "error" ? state.preview : undefined;
  const errorOf = (key: string) => (te.has(key) ? te(key as "generic", { count: Number(state.status === "error" ? (state.params?.count ?? 0) : 0) }) : te("generic"));
  const fieldErrors = state.status === "error" ? (state.fieldErrors ?? {}) : {};

  // Submitted by hand: React resets a form after its action, which would clear the chosen file and the pasted text.
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(event.currentTarget, submitter instanceof HTMLButtonElement ? submitter : null);
    startTransition(() => formAction(data));
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" encType="multipart/form-data" noValidate>
      <div ref={ref} tabIndex={-1}>
        {state.status === "error" ? <FormAlert>{errorOf(state.error === "invalidInput" ? Object.values(fieldErrors).flat()[0] ?? "invalidInput" : state.error)}</FormAlert> : null}
        {state.status === "imported" ? (
          <FormAlert tone="success">{t("done", { turns: state.turns, speakers: state.speakers, newSpeakers: state.newSpeakers, merges: state.proposedMerges })}</FormAlert>
        ) : null}
        {state.status === "preview" ? (
          <FormAlert tone="success">
            <span data-testid="transcript-summary">{t("found", { turns: state.preview.turns, speakers: state.preview.speakers, merges: state.preview.proposedMerges })}</span>{" "}
            {t("foundDetail", { words: state.preview.words, unidentified: state.preview.unidentifiedTurns, procedural: state.preview.proceduralTurns, known: state.preview.knownSpeakers, newSpeakers: state.preview.newSpeakers })}
          </FormAlert>
        ) : null}
      </div>
      <Field name="transcript-text" label={t("paste")} hint={t("pasteHint")} errors={fieldErrors.text?.map((k) => errorOf(k))}>
        <textarea id="transcript-text" name="text" rows={10} dir="auto" className={`${inputClass} font-mono text-sm`} aria-describedby="transcript-text-hint" />
      </Field>
      <Field name="transcript-file" label={t("file")} hint={t("fileHint")} errors={fieldErrors.file?.map((k) => errorOf(k))}>
        <input id="transcript-file" name="file" type="file" accept=".txt,.docx,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document" className={inputClass} aria-describedby="transcript-file-hint" />
      </Field>
      {preview ? <input type="hidden" name="sha256" value={preview.sha256} /> : null}
      {existingTurns > 0 ? (
        <label className="flex items-center gap-2">
          <input type="checkbox" name="replace" value="1" />
          <span>{t("replace", { count: existingTurns })}</span>
        </label>
      ) : null}
      <div className="flex flex-wrap gap-3">
        <button type="submit" name="intent" value="preview" className={buttonClass} disabled={pending}>{pending ? t("checking") : t("check")}</button>
        {state.status === "preview" ? (
          <button type="submit" name="intent" value="import" className={buttonClass} disabled={pending}>{pending ? t("importing") : t("confirm", { turns: state.preview.turns })}</button>
        ) : null}
      </div>
      {preview ? <PreviewDetails preview={preview} /> : null}
    </form>
  );
}

function PreviewDetails({ preview }: { preview: TranscriptPreview }) {
  const t = useTranslations("meetings.transcript");
  return (
    <div className="space-y-4">
      {preview.title ? <p>{t("titleFound", { title: preview.title })}</p> : null}
      <p className="text-sm text-stone-700">{t("skipped", { disclaimer: preview.skipped.disclaimer, furniture: preview.skipped.furniture, stage: preview.skipped.stageDirections })}</p>
      {preview.merges.length ? (
        <section aria-labelledby="preview-merges" className="space-y-1">
          <h3 id="preview-merges" className="font-semibold">{t("merges")}</h3>
          <ul className="list-disc ps-6 text-sm">
            {preview.merges.map((m) => <li key={m.labels.join("|")}>{t("mergePair", { a: m.labels[0], b: m.labels[1] })} ({t(`reasons.${m.reason}`)})</li>)}
          </ul>
          <p className="text-sm text-stone-700">{t("mergesLater")}</p>
        </section>
      ) : null}
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t("speakers")}>
        <table className="w-full border-collapse bg-white text-sm">
          <caption className="text-start font-semibold">{t("speakers")}</caption>
          <thead>
            <tr className="border-b border-stone-300">
              <th scope="col" className="p-2 text-start">{t("label")}</th>
              <th scope="col" className="p-2 text-start">{t("speaker")}</th>
              <th scope="col" className="p-2 text-end">{t("turns")}</th>
              <th scope="col" className="p-2 text-start">{t("status")}</th>
            </tr>
          </thead>
          <tbody>
            {preview.speakerList.map((s) => (
              <tr key={`${s.kind}:${s.label}`} className="border-b border-stone-100">
                <th scope="row" className="p-2 text-start font-normal">{s.label || t("noLabel")}</th>
                <td className="p-2">{s.name ?? t("unidentified")}</td>
                <td className="p-2 text-end tabular-nums">{s.turns}</td>
                <td className="p-2">{t(`statuses.${s.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {preview.warnings.length ? (
        <section aria-labelledby="preview-warnings" className="space-y-1">
          <h3 id="preview-warnings" className="font-semibold">{t("warnings")}</h3>
          <ul className="list-disc ps-6 text-sm">
            {preview.warnings.map((w) => <li key={`${w.line}-${w.code}`}>{t(`warningCodes.${w.code}`, { line: w.line, text: w.text })}</li>)}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="preview-sample" className="space-y-1">
        <h3 id="preview-sample" className="font-semibold">{t("sample")}</h3>
        <ol className="space-y-1 text-sm">
          {preview.sample.map((s) => <li key={s.number}><span className="font-semibold">{s.number}. {s.label || t("noLabel")}:</span> <span dir="auto">{s.text}</span></li>)}
        </ol>
      </section>
    </div>
  );
}
