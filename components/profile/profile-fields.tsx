"use client";
// The "about you" fields shared by sign-up and the profile page.
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Field, describedBy, inputClass } from "@/components/ui/field";

export interface ProfileValues {
  name: string;
  individual: boolean;
  organisation: string;
  stakeholderGroup: string;
  country: string;
  gender: string;
}

export interface Option {
  value: string;
  label: string;
}

interface Props {
  values: ProfileValues;
  errors: Record<string, string[] | undefined>;
  groups: Option[];
  countries: Option[];
  genders: Option[];
}

export function ProfileFields({ values, errors, groups, countries, genders }: Props) {
  const t = useTranslations("profile");
  const [individual, setIndividual] = useState(values.individual);
  const invalid = (name: string) => (errors[name]?.length ? true : undefined);

  return (
    <>
      <Field name="name" label={t("name")} errors={errors.name}>
        <input id="name" name="name" defaultValue={values.name} autoComplete="name" required maxLength={100}
          aria-invalid={invalid("name")} aria-describedby={describedBy("name", false, !!invalid("name"))} className={inputClass} />
      </Field>
      <div className="flex items-start gap-2">
        <input id="individual" name="individual" type="checkbox" className="mt-1 h-4 w-4" checked={individual}
          onChange={(e) => setIndividual(e.target.checked)} />
        <label htmlFor="individual">{t("individual")}</label>
      </div>
      {individual ? null : (
        <Field name="organisation" label={t("organisation")} hint={t("organisationHint")} errors={errors.organisation}>
          <input id="organisation" name="organisation" defaultValue={values.organisation} autoComplete="organization" maxLength={200}
            aria-invalid={invalid("organisation")} aria-describedby={describedBy("organisation", true, !!invalid("organisation"))} className={inputClass} />
        </Field>
      )}
      <Field name="stakeholderGroup" label={t("stakeholderGroup")} errors={errors.stakeholderGroup}>
        <select id="stakeholderGroup" name="stakeholderGroup" defaultValue={values.stakeholderGroup} required
          aria-invalid={invalid("stakeholderGroup")} aria-describedby={describedBy("stakeholderGroup", false, !!invalid("stakeholderGroup"))} className={inputClass}>
          <option value="">{t("chooseGroup")}</option>
          {groups.map((g) => <option key={g.value} value={g.value}>{g.label}</option>)}
        </select>
      </Field>
      <Field name="country" label={t("country")} errors={errors.country}>
        <select id="country" name="country" defaultValue={values.country} required autoComplete="country"
          aria-invalid={invalid("country")} aria-describedby={describedBy("country", false, !!invalid("country"))} className={inputClass}>
          <option value="">{t("chooseCountry")}</option>
          {countries.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
        </select>
      </Field>
      <Field name="gender" label={t("gender")} errors={errors.gender}>
        <select id="gender" name="gender" defaultValue={values.gender}
          aria-invalid={invalid("gender")} aria-describedby={describedBy("gender", false, !!invalid("gender"))} className={inputClass}>
          <option value="">{t("genderUndisclosed")}</option>
          {genders.map((g) => <option key={g.value} value={g.value}>{g.label}</option>)}
        </select>
      </Field>
    </>
  );
}
