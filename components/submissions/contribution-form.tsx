"use client";
// The contribution form: validated in the browser with the same zod schema as the server, autosaved as a draft.
import { useActionState, useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import { useLocale, useTranslations } from "next-intl";
import { languageName } from "@/lib/i18n/names";
import { Field, FieldErrors, FormAlert, buttonClass, describedBy, inputClass } from "@/components/ui/field";
import { fieldErrorsOf } from "@/lib/result";
import { actingFor, attachmentMetaSchema, contributionSchema } from "@/lib/submissions/schema";
import Link from "next/link";
import { guessLanguage } from "@/lib/submissions/language";
import { BODY_MIN, MAX_ATTACHMENTS, MAX_ATTACHMENT_BYTES, TITLE_MAX } from "@/lib/submissions/limits";
import { useContributionMessage } from "./use-contribution-message";

/** Puts these files in a file input (what a user chose, less what was refused). */
function setInputFiles(input: HTMLInputElement | null, files: File[]) {
  if (!input || typeof DataTransfer === "undefined") return;
  const list = new DataTransfer();
  for (const f of files) list.items.add(f);
  input.files = list.files;
}

export interface ContributionValues {
  submissionId: string;
  /** the version the form was loaded with (or the draft's, after each autosave): every write is conditional on it */
  expectedVersion: string;
  title: string;
  body: string;
  themes: string[];
  language: string;
  onBehalfOf: string;
  /** with ORGANISATION: the organisation chosen among the author's approved memberships */
  organisationId: string;
  visibility: string;
  keepAttachments: string[];
}

export type ContributionFormState =
  | { status: "idle" }
  | { status: "error"; error: string; fieldErrors: Record<string, string[] | undefined>; params?: Record<string, string | number>; values: ContributionValues };

export type DraftSaveState =
  | { status: "saved"; id: string; savedAt: string; version: number }
  | { status: "error"; error: string; params?: Record<string, string | number> };

interface Props {
  action: (state: ContributionFormState, formData: FormData) => Promise<ContributionFormState>;
  saveDraft: ((values: ContributionValues) => Promise<DraftSaveState>) | null;
  values: ContributionValues;
  idempotencyKey: string;
  themes: { slug: string; title: string; description: string }[];
  languages: { value: string; label: string }[];
  /** the organisations the author is an approved member of: the only ones they can write for */
  organisations: { id: string; name: string }[];
  attachments: { id: string; filename: string; size: number }[];
  isEdit: boolean;
  guessLanguageFrom: string | null;
}

type Autosave = { state: "idle" } | { state: "saving" } | { state: "saved"; at: Date } | { state: "failed"; reason: string };

export function ContributionForm(props: Props) {
  const t = useTranslations("submissions");
  const locale = useLocale();
  const [state, formAction, pending] = useActionState(props.action, { status: "idle" });
  const [clientErrors, setClientErrors] = useState<Record<string, string[]> | null>(null);
  const [submissionId, setSubmissionId] = useState(props.values.submissionId);
  const [expectedVersion, setExpectedVersion] = useState(props.values.expectedVersion);
  // One autosave at a time: a save sent while another is in flight would carry a version the first one changes.
  const saving = useRef(false);
  const saveAgain = useRef(false);
  const [autosave, setAutosave] = useState<Autosave>({ state: "idle" });
  const [language, setLanguage] = useState(props.values.language);
  const languageRef = useRef<HTMLSelectElement>(null);
  const languageTouched = useRef(props.guessLanguageFrom === null);
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const schema = useMemo(() => contributionSchema(props.themes.map((th) => th.slug)), [props.themes]);

  const shown = state.status === "error" ? state.values : props.values;
  // The organisation written for, if it is still one of the author's approved memberships; else their own name.
  const chosen = shown.onBehalfOf === "ORGANISATION" && props.organisations.some((o) => o.id === shown.organisationId) ? shown.organisationId : "SELF";
  const serverErrors = state.status === "error" ? state.fieldErrors : {};
  const errors: Record<string, string[] | undefined> = clientErrors ?? serverErrors;
  const params = state.status === "error" && !clientErrors ? state.params ?? {} : {};
  const translate = useContributionMessage();
  const message = (key: string) => translate(key, params);
  const fieldMessages = (name: string) => errors[name]?.map(message);
  const invalid = (name: string) => (errors[name]?.length ? true : undefined);
  const showAlert = state.status === "error" || clientErrors !== null;

  useEffect(() => {
    if (showAlert) alertRef.current?.focus();
  }, [state, clientErrors, showAlert]);

  // After a server answer, the language sent back is the one shown; and React resets the form once an action has
  // run, which puts a select back on its first option ("Arabic"): the chosen language is put back after that.
  // Files are refused in the browser when chosen (type, size, name), each by name, and the others stay chosen.
  const filesRef = useRef<HTMLInputElement>(null);
  const chosenFiles = useRef<File[]>([]);
  const [fileRefusals, setFileRefusals] = useState<string[]>([]);
  const [answered, setAnswered] = useState(state);
  if (answered !== state) {
    setAnswered(state);
    if (state.status === "error") setLanguage(state.values.language);
    setFileRefusals([]);
  }
  useEffect(() => {
    if (languageRef.current && languageRef.current.value !== language) languageRef.current.value = language;
  }, [state, language]);
  // The reset also empties the file input: after a refusal by the server, the files it did not refuse are chosen again.
  useEffect(() => {
    if (state.status !== "error") return;
    const refused = new Set(
      Object.entries(state.params ?? {}).filter(([k]) => k.endsWith("Files")).flatMap(([, v]) => String(v).split(", ")),
    );
    chosenFiles.current = chosenFiles.current.filter((f) => !refused.has(f.name));
    setInputFiles(filesRef.current, chosenFiles.current);
  }, [state]);

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  function currentValues(): ContributionValues | null {
    const form = formRef.current;
    if (!form) return null;
    const data = new FormData(form);
    return {
      // From the hidden inputs, not from state: an autosave chained after another must see the version it returned.
      submissionId: String(data.get("submissionId") ?? ""),
      expectedVersion: String(data.get("expectedVersion") ?? ""),
      title: String(data.get("title") ?? ""),
      body: String(data.get("body") ?? ""),
      themes: data.getAll("themes").map(String),
      language: String(data.get("language") ?? ""),
      ...actingFor(String(data.get("actingFor") ?? "")),
      visibility: String(data.get("visibility") ?? ""),
      keepAttachments: data.getAll("keepAttachments").map(String),
    };
  }

  function onChange() {
    const values = currentValues();
    if (values && !languageTouched.current) {
      const guess = guessLanguage(`${values.title}\n${values.body}`, props.guessLanguageFrom ?? "en");
      if (props.languages.some((l) => l.value === guess)) setLanguage(guess);
    }
    const save = props.saveDraft;
    if (!save) return;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void autosaveNow(save), 1500);
  }

  async function autosaveNow(save: NonNullable<Props["saveDraft"]>) {
    if (saving.current) {
      saveAgain.current = true;
      return;
    }
    const latest = currentValues();
    if (!latest || (!latest.title.trim() && !latest.body.trim())) return;
    saving.current = true;
    setAutosave({ state: "saving" });
    try {
      const result = await save({ ...latest, language: latest.language || language });
      if (result.status === "saved") {
        // Read by currentValues() on the next save through the hidden inputs, updated synchronously here.
        setSubmissionId(result.id);
        setExpectedVersion(String(result.version));
        syncHidden(result.id, String(result.version));
        setAutosave({ state: "saved", at: new Date(result.savedAt) });
      } else {
        saveAgain.current = false;
        setAutosave({ state: "failed", reason: translate(result.error, result.params) });
      }
    } catch {
      setAutosave({ state: "failed", reason: t("errors.generic") });
    } finally {
      saving.current = false;
      if (saveAgain.current) {
        saveAgain.current = false;
        void autosaveNow(save);
      }
    }
  }

  function chooseFiles(files: File[]) {
    chosenFiles.current = files;
    setInputFiles(filesRef.current, files);
  }

  function onFilesChosen() {
    const files = filesRef.current?.files ? [...filesRef.current.files] : [];
    const refusals: string[] = [];
    const kept = files.filter((f) => {
      const checked = attachmentMetaSchema.safeParse({ name: f.name, size: f.size });
      if (!checked.success) refusals.push(t("form.fileRefused", { filename: f.name, reason: translate(checked.error.issues[0]?.message ?? "attachmentType") }));
      return checked.success;
    });
    setFileRefusals(refusals);
    if (kept.length === files.length) chosenFiles.current = kept;
    else chooseFiles(kept);
  }

  /** The attachments field's messages, each naming the files the server refused when it said which. */
  function attachmentMessages(): string[] | undefined {
    const named = (errors.attachments ?? []).map((key) => {
      const files = params[`${key}Files`];
      return files ? t("form.fileRefused", { filename: String(files), reason: message(key) }) : message(key);
    });
    const all = [...fileRefusals, ...named];
    return all.length ? all : undefined;
  }

  function syncHidden(id: string, version: string) {
    const form = formRef.current;
    const idInput = form?.elements.namedItem("submissionId");
    const versionInput = form?.elements.namedItem("expectedVersion");
    if (idInput instanceof HTMLInputElement) idInput.value = id;
    if (versionInput instanceof HTMLInputElement) versionInput.value = version;
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    if (timer.current) clearTimeout(timer.current);
    const values = currentValues();
    const form = formRef.current;
    if (!values || !form) return;
    const input = form.elements.namedItem("attachments");
    const files = input instanceof HTMLInputElement && input.files ? [...input.files] : [];
    const parsed = schema.safeParse({ ...values, idempotencyKey: props.idempotencyKey, attachments: files.map((f) => ({ name: f.name, size: f.size })) });
    if (parsed.success) {
      setClientErrors(null);
      return;
    }
    // Same schema, same messages as the server: nothing is sent while a field is wrong.
    event.preventDefault();
    setClientErrors(fieldErrorsOf(parsed.error));
  }

  const alertKey = clientErrors ? "invalidInput" : state.status === "error" ? state.error : null;

  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} onChange={onChange} className="space-y-5" noValidate encType="multipart/form-data">
      <div ref={alertRef} tabIndex={-1}>
        {alertKey ? <FormAlert>{message(alertKey)}</FormAlert> : null}
        <FieldErrors name="form" errors={alertKey && errors.form?.every((k) => k === alertKey) ? undefined : fieldMessages("form")} />
      </div>
      <input type="hidden" name="submissionId" value={submissionId} />
      <input type="hidden" name="expectedVersion" value={expectedVersion} />
      <input type="hidden" name="idempotencyKey" value={props.idempotencyKey} />

      <Field name="title" label={t("form.fieldTitle")} hint={t("form.fieldTitleHint", { max: TITLE_MAX })} errors={fieldMessages("title")}>
        <input id="title" name="title" dir="auto" defaultValue={shown.title} maxLength={TITLE_MAX} required className={inputClass}
          aria-invalid={invalid("title")} aria-describedby={describedBy("title", true, !!invalid("title"))} />
      </Field>

      <Field name="body" label={t("form.fieldBody")} hint={t("form.fieldBodyHint", { min: BODY_MIN })} errors={fieldMessages("body")}>
        <textarea id="body" name="body" dir="auto" defaultValue={shown.body} rows={14} required className={`${inputClass} font-mono text-sm`}
          aria-invalid={invalid("body")} aria-describedby={describedBy("body", true, !!invalid("body"))} />
      </Field>

      <fieldset className="space-y-2" aria-describedby={`themes-hint${invalid("themes") ? " themes-error" : ""}`}>
        <legend className="font-medium">{t("form.themes")}</legend>
        <p id="themes-hint" className="text-sm text-stone-700">{t("form.themesHint")}</p>
        <ul className="grid gap-2 sm:grid-cols-2">
          {props.themes.map((theme) => (
            <li key={theme.slug} className="flex items-start gap-2">
              <input type="checkbox" id={`theme-${theme.slug}`} name="themes" value={theme.slug} defaultChecked={shown.themes.includes(theme.slug)} className="mt-1 h-4 w-4" />
              <label htmlFor={`theme-${theme.slug}`}>{theme.title}</label>
            </li>
          ))}
        </ul>
        <FieldErrors name="themes" errors={fieldMessages("themes")} />
      </fieldset>

      <Field name="language" label={t("form.language")} hint={t("form.languageHint")} errors={fieldMessages("language")}>
        <select id="language" name="language" value={language} className={inputClass}
          ref={languageRef} onChange={(e) => { languageTouched.current = true; setLanguage(e.target.value); }}
          aria-invalid={invalid("language")} aria-describedby={describedBy("language", true, !!invalid("language"))}>
          {/* A value outside the list (an imported contribution's language, none yet) is shown as it is, never as the first option. */}
          {props.languages.some((l) => l.value === language) ? null : <option value={language}>{language ? languageName(language, locale) : t("form.languageChoose")}</option>}
          {props.languages.map((l) => <option key={l.value} value={l.value}>{l.label}</option>)}
        </select>
      </Field>

      <fieldset className="space-y-2" aria-describedby={`onBehalfOf-hint${invalid("onBehalfOf") ? " onBehalfOf-error" : ""}`}>
        <legend className="font-medium">{t("form.onBehalfOf")}</legend>
        <p id="onBehalfOf-hint" className="text-sm text-stone-700">{props.organisations.length ? t("form.capHint") : t("form.noOrganisation")}</p>
        {props.organisations.map((org) => (
          <div key={org.id} className="flex items-start gap-2">
            <input type="radio" id={`actingFor-${org.id}`} name="actingFor" value={org.id} defaultChecked={chosen === org.id} disabled={props.isEdit} className="mt-1 h-4 w-4" />
            <label htmlFor={`actingFor-${org.id}`}>{t("form.onBehalfOfOrganisation", { organisation: org.name })}</label>
          </div>
        ))}
        <div className="flex items-start gap-2">
          <input type="radio" id="onBehalfOf-self" name="actingFor" value="SELF" defaultChecked={chosen === "SELF"} disabled={props.isEdit} className="mt-1 h-4 w-4" />
          <label htmlFor="onBehalfOf-self">{t("form.onBehalfOfSelf")}</label>
        </div>
        {props.isEdit ? <input type="hidden" name="actingFor" value={shown.onBehalfOf === "ORGANISATION" ? shown.organisationId : "SELF"} /> : null}
        <p className="text-sm"><Link href="/profile#my-organisations" className="text-brand-800 underline">{t("form.joinOrganisation")}</Link></p>
        <FieldErrors name="onBehalfOf" errors={fieldMessages("onBehalfOf")} />
      </fieldset>

      <fieldset className="space-y-2" aria-describedby="visibility-hint">
        <legend className="font-medium">{t("form.visibility")}</legend>
        <p id="visibility-hint" className="text-sm text-stone-700">{t("form.visibilityHint")}</p>
        <div className="flex items-start gap-2">
          <input type="radio" id="visibility-named" name="visibility" value="PUBLIC_NAMED" defaultChecked={shown.visibility !== "PUBLIC_ANONYMOUS"} className="mt-1 h-4 w-4" />
          <label htmlFor="visibility-named">{t("form.visibilityNamed")}</label>
        </div>
        <div className="flex items-start gap-2">
          <input type="radio" id="visibility-anonymous" name="visibility" value="PUBLIC_ANONYMOUS" defaultChecked={shown.visibility === "PUBLIC_ANONYMOUS"} className="mt-1 h-4 w-4" />
          <label htmlFor="visibility-anonymous">{t("form.visibilityAnonymous")}</label>
        </div>
        <FieldErrors name="visibility" errors={fieldMessages("visibility")} />
      </fieldset>

      {props.attachments.length ? (
        <fieldset className="space-y-2">
          <legend className="font-medium">{t("form.existingAttachments")}</legend>
          {props.attachments.map((a) => (
            <div key={a.id} className="flex items-start gap-2">
              <input type="checkbox" id={`keep-${a.id}`} name="keepAttachments" value={a.id} defaultChecked={shown.keepAttachments.includes(a.id)} className="mt-1 h-4 w-4" />
              <label htmlFor={`keep-${a.id}`}>{t("form.keepAttachment", { filename: a.filename })}</label>
            </div>
          ))}
        </fieldset>
      ) : null}

      <Field name="attachments" label={t("form.attachments")} hint={t("form.attachmentsHint", { count: MAX_ATTACHMENTS, size: MAX_ATTACHMENT_BYTES / 1024 / 1024 })} errors={attachmentMessages()}>
        <input id="attachments" name="attachments" type="file" multiple className={inputClass} ref={filesRef} onChange={onFilesChosen}
          accept=".pdf,.docx,.odt,.txt,.md,.markdown,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.oasis.opendocument.text,text/plain,text/markdown"
          aria-invalid={invalid("attachments") || (fileRefusals.length ? true : undefined)} aria-describedby={describedBy("attachments", true, !!invalid("attachments") || fileRefusals.length > 0)} />
      </Field>

      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" className={buttonClass} disabled={pending}>
          {pending ? t("form.submitting") : props.isEdit ? t("form.saveEdit") : t("form.submit")}
        </button>
        {props.saveDraft ? (
          <p role="status" aria-live="polite" className="text-sm text-stone-700">
            {autosave.state === "saving" ? t("form.autosaveSaving")
              : autosave.state === "saved" ? t("form.autosaveSaved", { time: autosave.at })
              : autosave.state === "failed" ? t("form.autosaveFailed", { reason: autosave.reason })
              : t("form.autosaveIdle")}
          </p>
        ) : null}
      </div>
    </form>
  );
}
