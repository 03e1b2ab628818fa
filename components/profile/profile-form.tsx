"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormAlert, buttonClass } from "@/components/ui/field";
import { ProfileFields, type Option, type ProfileValues } from "./profile-fields";
import { useFocusOnResult } from "@/components/ui/use-focus-on-result";

export type ProfileActionState =
  | { status: "idle" }
  | { status: "saved" }
  | { status: "error"; error: string; fieldErrors: Record<string, string[] | undefined>; values: ProfileValues };

interface Props {
  action: (state: ProfileActionState, formData: FormData) => Promise<ProfileActionState>;
  values: ProfileValues;
  groups: Option[];
  countries: Option[];
  genders: Option[];
}

export function ProfileForm({ action, values, groups, countries, genders }: Props) {
  const t = useTranslations();
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const alertRef = useFocusOnResult(state);

  const errors = state.status === "error" ? state.fieldErrors : {};
  const translated = Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, v?.map((key) => t(`errors.${key}`))]));
  const shown = state.status === "error" ? state.values : values;

  return (
    <form action={formAction} className="space-y-4" noValidate>
      <div ref={alertRef} tabIndex={-1}>
        {state.status === "saved" ? <FormAlert tone="success">{t("profile.saved")}</FormAlert> : null}
        {state.status === "error" ? <FormAlert>{t(`errors.${state.error === "invalidInput" || state.error === "groupChangeTooSoon" ? "invalidInput" : "generic"}`)}</FormAlert> : null}
      </div>
      <ProfileFields key={JSON.stringify(shown)} values={shown} errors={translated} groups={groups} countries={countries} genders={genders} />
      <button type="submit" className={buttonClass} disabled={pending}>
        {pending ? t("profile.saving") : t("profile.save")}
      </button>
    </form>
  );
}
