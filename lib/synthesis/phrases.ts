// The paper's own words, from the message catalogues (messages/<locale>/synthesis-paper.json): attribution by kind of
// contributor in the IGF's manner ("Several contributions, mainly from the private sector, and one from a
// government,"), quantifiers relative to the number of contributors, headings and annex titles.
import { createTranslator } from "next-intl";
import { catalogues } from "../i18n/messages";
import { DEFAULT_LOCALE, isLocale, type Locale } from "../i18n/config";
import { INPUT_GROUPS } from "../stakeholders/groups";
import type { StakeholderGroup } from "../db/generated/enums";
import type { InputKind } from "./inputs";

/** When the paper says "a few", "several", "many" (per consultation: SynthesisSettings). */
export interface Quantifiers {
  severalFrom: number;
  severalShare: number;
  manyShare: number;
  manyFrom: number;
}

export const DEFAULT_QUANTIFIERS: Quantifiers = { severalFrom: 5, severalShare: 0.15, manyShare: 0.4, manyFrom: 5 };

export type QuantifierKey = "one" | "two" | "few" | "several" | "many";

/**
 * One, two, a few, several, many: relative to the contributors of the round. "Several" from `severalFrom`
 * contributors or from `severalShare` of all of them; "many" from `manyShare` of them (and at least `manyFrom`).
 */
export function quantifier(n: number, contributors: number, q: Quantifiers = DEFAULT_QUANTIFIERS): QuantifierKey {
  if (n <= 1) return "one";
  if (n === 2) return "two";
  const share = contributors > 0 ? n / contributors : 0;
  if (share >= q.manyShare && n >= q.manyFrom) return "many";
  if (n >= q.severalFrom || share >= q.severalShare) return "several";
  return "few";
}

export function paperLocale(language: string | null | undefined): Locale {
  return isLocale(language) ? language : DEFAULT_LOCALE;
}

type Values = Record<string, string | number | Date>;

export interface PaperPhrases {
  locale: Locale;
  t(key: string, values?: Values): string;
  list(items: string[]): string;
  date(iso: string): string;
  languageName(tag: string): string;
}

const cache = new Map<Locale, PaperPhrases>();

/** The phrase book of the paper in a locale (falls back to English for a locale without catalogues). */
export function paperPhrases(language: string | null | undefined): PaperPhrases {
  const locale = paperLocale(language);
  const hit = cache.get(locale);
  if (hit && process.env.NODE_ENV !== "development") return hit;
  const messages = catalogues()[locale];
  const translate = createTranslator({ locale, messages, namespace: "synthesisPaper" }) as unknown as (key: string, values?: Values) => string;
  const listFormat = new Intl.ListFormat(locale, { style: "long", type: "conjunction" });
  const dateFormat = new Intl.DateTimeFormat(locale === "ar" ? "ar-u-nu-latn" : locale === "en" ? "en-GB" : locale, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  const names = new Intl.DisplayNames([locale], { type: "language" });
  const phrases: PaperPhrases = {
    locale,
    t: (key, values) => translate(key, values),
    list: (items) => listFormat.format(items),
    date: (iso) => dateFormat.format(new Date(iso)),
    languageName: (tag) => {
      try {
        return names.of(tag) ?? tag;
      } catch {
        return tag;
      }
    },
  };
  cache.set(locale, phrases);
  return phrases;
}

export function capitalise(text: string, locale: string): string {
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
}

/** Orders groups by count (most first), then in the usual order of stakeholder groups. */
export function sortGroups<T extends { group: StakeholderGroup; count: number }>(groups: T[]): T[] {
  return [...groups].filter((g) => g.count > 0).sort((a, b) => b.count - a.count || INPUT_GROUPS.indexOf(a.group) - INPUT_GROUPS.indexOf(b.group));
}

/** An organisation behind a point that may be named (published under its own name, in a group the consultation names). */
export interface NamedContributor {
  group: StakeholderGroup;
  name: string;
}

/**
 * "A contribution from civil society", "Two contributions from governments", "Several contributions, mainly from the
 * private sector, and one from a government,", "Several contributions from civil society, a government and the
 * technical community". A group whose every contributor may be named is named instead ("from civil society and the
 * Council of Europe (CoE)"); when every contributor behind the point may be named, the names alone.
 */
export function attribution(
  phrases: PaperPhrases,
  groups: { group: StakeholderGroup; count: number }[],
  contributors: number,
  quantifiers: Quantifiers = DEFAULT_QUANTIFIERS,
  named: NamedContributor[] = [],
  noun: "contribution" | "speaker" = "contribution",
): string {
  const base = phrases.t;
  // Speakers are people, not contributions: "a speaker from an unclassified contributor" would be wrong, so their
  // unclassified group has its own words ("of no recorded stakeholder group").
  const t: PaperPhrases["t"] = noun === "speaker"
    ? (key, values) => {
        if (key === "quantifier.head") return base("quantifier.headSpeakers", values);
        if (/^group\.(from\.)?(one|other)\.UNCLASSIFIED$/.test(key)) return base(key.startsWith("group.from.") ? "speakerUnclassified.from" : "speakerUnclassified.bare", values);
        return base(key, values);
      }
    : base;
  const sorted = sortGroups(groups);
  const total = sorted.reduce((n, g) => n + g.count, 0);
  const namesOf = (group: StakeholderGroup) => [...new Set(named.filter((n) => n.group === group).map((n) => n.name))].sort();
  const fullyNamed = (g: { group: StakeholderGroup; count: number }) => g.count <= 3 && namesOf(g.group).length === g.count;
  if (total > 0 && total <= 3 && sorted.every(fullyNamed)) return t("attribution.named", { names: phrases.list(sorted.flatMap((g) => namesOf(g.group))) });
  const head = t("quantifier.head", { q: quantifier(total, contributors, quantifiers) });
  const from = (g: { group: StakeholderGroup; count: number }) => (fullyNamed(g) ? t("attribution.namedFrom", { names: phrases.list(namesOf(g.group)) }) : t(`group.from.${g.count === 1 ? "one" : "other"}.${g.group}`));
  const bare = (g: { group: StakeholderGroup; count: number }) => (fullyNamed(g) ? phrases.list(namesOf(g.group)) : t(`group.${g.count === 1 ? "one" : "other"}.${g.group}`));
  const top = sorted[0];
  if (!top) return head;
  if (sorted.length === 1) return t("attribution.single", { head, group: from(top) });
  if (top.count >= 2 && top.count * 2 > total) {
    const rest = sorted.slice(1).map((g) => t("attribution.tail", { quantity: t("quantifier.tail", { q: quantifier(g.count, contributors, quantifiers) }), group: from(g) }));
    return t("attribution.mainly", { head, main: t(`group.from.other.${top.group}`), rest: phrases.list(rest) });
  }
  // Some languages say "from" once before the list, others give each group its own preposition (catalogue's choice).
  const style = t("attribution.spreadStyle");
  return t("attribution.spread", { head, groups: phrases.list(sorted.map(style === "from" ? from : bare)) });
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

/** Units behind a point by kind of input, each by stakeholder group. */
export type KindGroups = Partial<Record<InputKind, { group: StakeholderGroup; count: number }[]>>;

const KIND_ORDER: InputKind[] = ["submission", "turn", "message"];

/** The kind of input a point's attribution speaks of first (the one with most units behind the point). */
export function leadingVoice(kinds: KindGroups): "contribution" | "speaker" | "remote" {
  const totals = KIND_ORDER.map((kind) => ({ kind, total: (kinds[kind] ?? []).reduce((n, g) => n + g.count, 0) }));
  const lead = totals.filter((k) => k.total > 0).sort((a, b) => b.total - a.total || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind))[0];
  return lead?.kind === "turn" ? "speaker" : lead?.kind === "message" ? "remote" : "contribution";
}

/**
 * Who made a point, saying which kind of input: written contributions as `attribution` says them; speakers at the
 * round's sessions the same way ("Several speakers from civil society"); remote participants by number. When several
 * kinds are behind a point, the largest is said in full and the others are counted after it: "Several speakers from
 * civil society, and two written contributions,". `bases` are the numbers the quantifiers are relative to (the round's
 * contributors, speakers and remote authors).
 */
export function kindAttribution(
  phrases: PaperPhrases,
  kinds: KindGroups,
  bases: Record<InputKind, number>,
  quantifiers: Quantifiers = DEFAULT_QUANTIFIERS,
  named: NamedContributor[] = [],
): string {
  const present = KIND_ORDER.map((kind) => {
    const groups = sortGroups(kinds[kind] ?? []);
    return { kind, groups, total: groups.reduce((n, g) => n + g.count, 0) };
  }).filter((k) => k.total > 0);
  const [first, ...rest] = [...present].sort((a, b) => b.total - a.total || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
  if (!first) return attribution(phrases, [], bases.submission, quantifiers, named);
  const q = (k: { kind: InputKind; total: number }) => quantifier(k.total, bases[k.kind], quantifiers);
  const full =
    first.kind === "submission" ? attribution(phrases, first.groups, bases.submission, quantifiers, named)
    : first.kind === "turn" ? attribution(phrases, first.groups, bases.turn, quantifiers, [], "speaker")
    : phrases.t("attribution.remote", { q: q(first) });
  if (rest.length === 0) return full;
  return phrases.t("attribution.withOther", { first: full.replace(/,$/, ""), others: phrases.list(rest.map((k) => phrases.t(`kindCount.${k.kind}`, { q: q(k) }))) });
}
