"use client";
// The profile's e-mail preferences: per kind on/off, all off, one by one or a daily digest. Works without JavaScript.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormAlert, buttonClass } from "@/components/ui/field";
import { useFocusOnResult } from "@/components/ui/use-focus-on-result";

export interface PreferencesView {
  emailOn: string[];
  allEmailOff: boolean;
  delivery: "IMMEDIATE" | "DAILY";
  version: number;
}

export type PreferencesActionState =
  | { status: "idle" }
  | { status: "saved"; preferences: PreferencesView }
  | { status: "error"; error: string; preferences?: PreferencesView };

interface Props {
  action: (state: PreferencesActionState, formData: FormData) => Promise<PreferencesActionState>;
  preferences: PreferencesView;
  groups: readonly { key: string; kinds: readonly string[] }[];
}

const ERRORS = new Set(["preferencesChanged", "invalidInput", "forbidden"]);

export function NotificationSettingsForm({ action, preferences, groups }: Props) {
  const t = useTranslations("notificationSettings");
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const alertRef = useFocusOnResult(state);
  const shown = state.status !== "idle" && state.preferences ? state.preferences : preferences;

  return (
    <form action={formAction} className="space-y-4" key={`${shown.version}-${state.status}`}>
      <div ref={alertRef} tabIndex={-1}>
        {state.status === "saved" ? <FormAlert tone="success">{t("saved")}</FormAlert> : null}
        {state.status === "error" ? <FormAlert>{t(`errors.${ERRORS.has(state.error) ? state.error : "invalidInput"}`)}</FormAlert> : null}
      </div>
      <input type="hidden" name="version" value={shown.version} />
      <div className="space-y-1">
        <div className="flex items-start gap-2">
          <input type="checkbox" id="allEmailOff" name="allEmailOff" defaultChecked={shown.allEmailOff} aria-describedby="allEmailOff-hint" className="mt-1 h-4 w-4" />
          <label htmlFor="allEmailOff" className="font-medium">{t("allOff")}</label>
        </div>
        <p id="allEmailOff-hint" className="ms-6 text-sm text-stone-700">{t("allOffHint")}</p>
        {shown.allEmailOff ? <p className="ms-6 text-sm font-medium text-amber-900">{t("allOffNotice")}</p> : null}
      </div>
      <fieldset className="space-y-2">
        <legend className="font-medium">{t("delivery")}</legend>
        {(["IMMEDIATE", "DAILY"] as const).map((value) => (
          <div key={value} className="flex items-start gap-2">
            <input type="radio" id={`delivery-${value}`} name="delivery" value={value} defaultChecked={shown.delivery === value} className="mt-1 h-4 w-4" />
            <label htmlFor={`delivery-${value}`}>{t(value === "DAILY" ? "daily" : "immediate")}</label>
          </div>
        ))}
      </fieldset>
      <fieldset className="space-y-3">
        <legend className="font-medium">{t("kindsLegend")}</legend>
        {groups.map((group) => (
          <fieldset key={group.key} className="space-y-1 rounded border border-stone-200 p-3">
            <legend className="px-1 text-sm font-semibold">{t(`groups.${group.key}`)}</legend>
            {group.kinds.map((kind) => (
              <div key={kind} className="flex items-start gap-2">
                <input type="checkbox" id={`emailOn-${kind}`} name="emailOn" value={kind} defaultChecked={shown.emailOn.includes(kind)} className="mt-1 h-4 w-4" />
                <label htmlFor={`emailOn-${kind}`}>{t(`kinds.${kind}`)}</label>
              </div>
            ))}
          </fieldset>
        ))}
      </fieldset>
      <button type="submit" className={buttonClass} disabled={pending}>{pending ? t("saving") : t("save")}</button>
    </form>
  );
}
