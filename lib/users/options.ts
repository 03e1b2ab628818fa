// Select options for the profile form, labelled in the reader's language.
import { countryOptions } from "../geo/countries";
import { GENDERS, STAKEHOLDER_GROUPS } from "../stakeholders/groups";

type Translate = (key: string) => string;

export function profileOptions(locale: string, tGroups: Translate, tGenders: Translate) {
  return {
    groups: STAKEHOLDER_GROUPS.map((g) => ({ value: g, label: tGroups(g) })),
    genders: GENDERS.map((g) => ({ value: g, label: tGenders(g) })),
    countries: countryOptions(locale).map((c) => ({ value: c.code, label: c.name })),
  };
}
