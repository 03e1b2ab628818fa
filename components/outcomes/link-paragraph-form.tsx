"use client";
// The secretariat links a contribution to a draft paragraph that changed after it (and unlinks one).
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormAlert, buttonClass, inputClass } from "@/components/ui/field";
import { useFocusOnResult } from "@/components/ui/use-focus-on-result";

export type LinkFormState =
  | { status: "idle" }
  | { status: "saved"; message: "linked" | "unlinked"; at: number }
  | { status: "error"; error: string; fieldErrors: Record<string, string[] | undefined>; at: number };

type Action = (state: LinkFormState, formData: FormData) => Promise<LinkFormState>;

export interface LinkableGroup {
  label: string;
  options: { id: string; label: string }[];
}

export function LinkParagraphForm({ action, groups }: { action: Action; groups: LinkableGroup[] }) {
  const t = useTranslations("outcome.links");
  const [state, formAction, pending] = useActionState(action, { status: "idle" } as LinkFormState);
  const alertRef = useFocusOnResult(state);
  const errors = state.status === "error" ? state.fieldErrors.paragraphId : undefined;
  const errorText = (key: string) => (t.has(`errors.${key}`) ? t(`errors.${key}`) : t("errors.generic"));
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <div ref={alertRef} tabIndex={-1}>
        {state.status === "saved" ? <FormAlert tone="success">{t(state.message)}</FormAlert> : null}
        {state.status === "error" && !errors?.length ? <FormAlert>{errorText(state.error)}</FormAlert> : null}
      </div>
      {groups.length === 0 ? (
        <p className="text-stone-800">{t("noneLinkable")}</p>
      ) : (
        <>
          <div className="flex flex-col gap-1">
            <label htmlFor="paragraphId" className="font-medium">{t("paragraph")}</label>
            <p id="paragraphId-hint" className="text-sm text-stone-700">{t("paragraphHint")}</p>
            <select id="paragraphId" name="paragraphId" defaultValue="" className={inputClass}
              aria-invalid={errors?.length ? true : undefined} aria-describedby={errors?.length ? "paragraphId-hint paragraphId-error" : "paragraphId-hint"}>
              <option value="">{t("choose")}</option>
              {groups.map((g) => (
                <optgroup key={g.label} label={g.label}>
                  {g.options.map((o) => <option key={o.id} value={o.id}>{o.label}</option>)}
                </optgroup>
              ))}
            </select>
            {errors?.length ? <p id="paragraphId-error" className="text-sm text-red-800">{errors.map(errorText).join(" ")}</p> : null}
          </div>
          <button type="submit" name="intent" value="link" className={buttonClass} disabled={pending}>{t("link")}</button>
        </>
      )}
    </form>
  );
}

export function UnlinkButton({ action, label }: { action: Action; label: string }) {
  const t = useTranslations("outcome.links");
  const [state, formAction, pending] = useActionState(action, { status: "idle" } as LinkFormState);
  return (
    <form action={formAction} className="inline">
      <button type="submit" className="rounded border border-red-700 px-2 py-0.5 text-sm text-red-800" disabled={pending} aria-label={label}>{t("unlink")}</button>
      {state.status === "error" ? <span role="alert" className="ms-2 text-sm text-red-800">{t("errors.generic")}</span> : null}
    </form>
  );
}
