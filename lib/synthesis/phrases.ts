// The synthesis paper's wording (English, the working language of IGF synthesis papers): attribution by kind
// of contributor, never by name, in the style of the 2007 paper for Rio.
import { INPUT_GROUPS } from "../stakeholders/groups";
import type { StakeholderGroup, UnRegion } from "../db/generated/enums";

/** How a contribution from each group is described: "a {adjective} contribution", "two {adjective} contributions". */
export const GROUP_ADJECTIVE: Record<StakeholderGroup, string> = {
  GOVERNMENT: "government",
  PRIVATE_SECTOR: "private-sector",
  CIVIL_SOCIETY: "civil-society",
  TECHNICAL_COMMUNITY: "technical-community",
  ACADEMIC_COMMUNITY: "academic",
  INTERGOVERNMENTAL_ORGANISATION: "intergovernmental",
  UNCLASSIFIED: "unclassified",
};

export const GROUP_LABEL: Record<StakeholderGroup, string> = {
  GOVERNMENT: "Government",
  PRIVATE_SECTOR: "Private sector",
  CIVIL_SOCIETY: "Civil society",
  TECHNICAL_COMMUNITY: "Technical community",
  ACADEMIC_COMMUNITY: "Academic community",
  INTERGOVERNMENTAL_ORGANISATION: "Intergovernmental organisations",
  UNCLASSIFIED: "Unclassified",
};

export const REGION_LABEL: Record<UnRegion, string> = {
  AFRICAN: "African Group",
  ASIA_PACIFIC: "Asia-Pacific Group",
  EASTERN_EUROPEAN: "Eastern European Group",
  LATIN_AMERICAN_AND_CARIBBEAN: "Latin American and Caribbean Group",
  WESTERN_EUROPEAN_AND_OTHERS: "Western European and Others Group",
  NONE: "No regional group",
  UNKNOWN: "Country not known",
};

const SMALL = ["zero", "one", "two"];

/** "one", "two", then "several": exact counts are in the model and on the secretariat's page. */
export function countWord(n: number): string {
  return SMALL[n] ?? "several";
}

export function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase("en") + text.slice(1);
}

export function joinList(items: string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1) ?? ""}`;
}

/** "Several civil-society contributions and one government contribution", from the units behind a point. */
export function attribution(groups: { group: StakeholderGroup; count: number }[]): string {
  const sorted = [...groups].sort((a, b) => b.count - a.count || INPUT_GROUPS.indexOf(a.group) - INPUT_GROUPS.indexOf(b.group));
  const total = sorted.reduce((sum, g) => sum + g.count, 0);
  if (total === 0) return "No contribution";
  if (sorted.length > 3) {
    const groupCount = ["four", "five", "six"][sorted.length - 4] ?? String(sorted.length);
    return `${capitalise(countWord(total))} contributions from ${groupCount} stakeholder groups (${joinList(sorted.map((g) => `${countWord(g.count)} ${GROUP_ADJECTIVE[g.group]}`))})`;
  }
  const parts = sorted.map(({ group, count }) => {
    const adjective = GROUP_ADJECTIVE[group];
    if (count === 1) {
      return sorted.length === 1 ? `${/^[aeiou]/.test(adjective) ? "an" : "a"} ${adjective} contribution` : `one ${adjective} contribution`;
    }
    return `${countWord(count)} ${adjective} contributions`;
  });
  return capitalise(joinList(parts));
}

export function pointText(attributionText: string, support: number, quote: string, truncated: boolean): string {
  const verb = support === 1 ? "stated" : "made this point; in the words of one of them";
  return `${attributionText} ${verb}: "${quote}"${truncated ? " […]" : ""}`;
}

export function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString("en")} ${n === 1 ? one : many}`;
}

export function sectionLetter(index: number): string {
  let n = index;
  let out = "";
  do {
    out = String.fromCharCode(65 + (n % 26)) + out;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return out;
}
