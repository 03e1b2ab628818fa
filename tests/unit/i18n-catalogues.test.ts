// The interface catalogues: all six UN languages complete (same keys as English, none empty), every message valid ICU
// with the same arguments as English, and every plural giving each language its own grammatical forms.
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { catalogues, flattenKeys, type Messages } from "@/lib/i18n/messages";
import { LOCALES, directionOf, localeOfTag, matchLocale, negotiateLocale, type Locale } from "@/lib/i18n/config";

const CATALOGUES = catalogues();

function valueAt(catalogue: Messages, key: string): unknown {
  return key.split(".").reduce<unknown>((node, part) => (typeof node === "object" && node !== null ? (node as Record<string, unknown>)[part] : undefined), catalogue);
}

/** Argument names a message uses ({name}, {count, plural, ...}, nested ones included). */
function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.argument || el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time) into.add(el.value);
    if (el.type === TYPE.select || el.type === TYPE.plural) {
      into.add(el.value);
      for (const option of Object.values(el.options)) argumentsOf(option.value, into);
    }
    if (el.type === TYPE.tag) argumentsOf(el.children, into);
  }
  return into;
}

/**
 * Plural forms a message lacks in this language: for every whole number 0-1000, the branch the message will use must be
 * an exact match (=n) or the language's own category for n, never a fall-back to "other" (Russian 3 is "few", Arabic 2 "two").
 */
function missingPluralForms(elements: MessageFormatElement[], locale: Locale, into: string[] = []): string[] {
  const rules = new Intl.PluralRules(locale);
  for (const el of elements) {
    if (el.type === TYPE.plural && el.pluralType !== "ordinal") {
      const lacking = new Map<string, number>();
      for (let n = 0; n <= 1000; n++) {
        if (`=${n}` in el.options) continue;
        const category = rules.select(n - el.offset);
        if (!(category in el.options) && !lacking.has(category)) lacking.set(category, n);
      }
      for (const [category, example] of lacking) into.push(`{${el.value}} has no "${category}" form (used for ${example})`);
    }
    if (el.type === TYPE.select || el.type === TYPE.plural) for (const option of Object.values(el.options)) missingPluralForms(option.value, locale, into);
    if (el.type === TYPE.tag) missingPluralForms(el.children, locale, into);
  }
  return into;
}

interface Problems {
  missing: string[];
  extra: string[];
  empty: string[];
  invalid: string[];
  arguments: string[];
  plurals: string[];
}

/** Everything wrong with one language's catalogue, measured against English. */
function problemsOf(locale: Locale, catalogue: Messages, reference: Messages = CATALOGUES.en): Problems {
  const expected = flattenKeys(reference);
  const keys = flattenKeys(catalogue);
  const keySet = new Set(keys);
  const expectedSet = new Set(expected);
  const problems: Problems = {
    missing: expected.filter((k) => !keySet.has(k)),
    extra: keys.filter((k) => !expectedSet.has(k)),
    empty: [], invalid: [], arguments: [], plurals: [],
  };
  for (const key of keys) {
    const value = valueAt(catalogue, key);
    if (typeof value !== "string" || value.trim() === "") {
      problems.empty.push(key);
      continue;
    }
    let elements: MessageFormatElement[];
    try {
      elements = parse(value);
    } catch (error) {
      problems.invalid.push(`${key}: ${(error as Error).message}`);
      continue;
    }
    for (const form of missingPluralForms(elements, locale)) problems.plurals.push(`${key}: ${form}`);
    const english = valueAt(reference, key);
    if (typeof english !== "string" || !expectedSet.has(key)) continue;
    const want = [...argumentsOf(parse(english))].sort();
    const have = [...argumentsOf(elements)].sort();
    if (want.join() !== have.join()) problems.arguments.push(`${key}: {${have.join("}, {")}} instead of {${want.join("}, {")}}`);
  }
  return problems;
}

const NONE: Problems = { missing: [], extra: [], empty: [], invalid: [], arguments: [], plurals: [] };

describe("message catalogues", () => {
  it("has the same catalogue files for each of the six UN languages and no other language", () => {
    const dirs = readdirSync(path.join(process.cwd(), "messages")).sort();
    expect(dirs).toEqual([...LOCALES].sort());
    expect([...LOCALES].sort()).toEqual(["ar", "en", "es", "fr", "ru", "zh"]);
    const filesOf = (l: string) => readdirSync(path.join(process.cwd(), "messages", l)).sort();
    for (const locale of LOCALES) expect({ locale, files: filesOf(locale) }).toEqual({ locale, files: filesOf("en") });
  });

  for (const locale of LOCALES) {
    it(`${locale} has exactly the English keys, none empty, valid ICU with English's arguments and ${locale}'s plural forms`, () => {
      expect(problemsOf(locale, CATALOGUES[locale])).toEqual(NONE);
    });
  }

  // The check above must be able to fail: break each catalogue in each way and see it reported.
  for (const locale of LOCALES) {
    it(`reports a key missing from ${locale}, an extra one, an empty one and a broken message`, () => {
      const broken = structuredClone(CATALOGUES[locale]) as { nav: Record<string, string>; home: Record<string, string>; app: Record<string, string> };
      delete broken.nav.signIn;
      broken.nav.unknownKey = "x";
      broken.app.name = " ";
      broken.home.title = "{unclosed";
      const problems = problemsOf(locale, broken);
      expect(problems.missing).toEqual(["nav.signIn"]);
      expect(problems.extra).toEqual(["nav.unknownKey"]);
      expect(problems.empty).toEqual(["app.name"]);
      expect(problems.invalid).toHaveLength(1);
      expect(problems.invalid[0]).toMatch(/^home\.title: /);
    });
  }

  it("reports a missing catalogue file's keys", () => {
    const withoutFile = structuredClone(CATALOGUES.ru) as Record<string, unknown>;
    delete withoutFile.glossary;
    expect(problemsOf("ru", withoutFile).missing).toContain("glossary.nav");
  });

  it("reports a wrong or dropped argument, and plural forms a language needs", () => {
    const fr = structuredClone(CATALOGUES.fr) as { nav: Record<string, string>; home: Record<string, string> };
    fr.nav.signedInAs = "Connecté·e en tant que {nom}";
    expect(problemsOf("fr", fr).arguments).toEqual(["nav.signedInAs: {nom} instead of {name}"]);

    const ru = structuredClone(CATALOGUES.ru) as { home: Record<string, string> };
    ru.home.themeCount = "{count, plural, one {# тема} other {# темы}}";
    expect(problemsOf("ru", ru).plurals.filter((p) => p.startsWith("home."))).toEqual([
      'home.themeCount: {count} has no "many" form (used for 0)',
      'home.themeCount: {count} has no "few" form (used for 2)',
    ]);
    const ar = structuredClone(CATALOGUES.ar) as { home: Record<string, string> };
    ar.home.themeCount = "{count, plural, =0 {لا مواضيع} one {موضوع واحد} other {# موضوع}}";
    expect(problemsOf("ar", ar).plurals.filter((p) => p.startsWith("home."))).toEqual([
      'home.themeCount: {count} has no "two" form (used for 2)',
      'home.themeCount: {count} has no "few" form (used for 3)',
      'home.themeCount: {count} has no "many" form (used for 11)',
    ]);
    // Chinese has one form only: "other" is complete.
    const zh = structuredClone(CATALOGUES.zh) as { home: Record<string, string> };
    zh.home.themeCount = "{count, plural, other {# 个主题}}";
    expect(problemsOf("zh", zh).plurals).toEqual([]);
  });

  it("flattenKeys lists nested keys", () => {
    expect(flattenKeys({ a: { b: "x", c: { d: "y" } } })).toEqual(["a.b", "a.c.d"]);
  });

  it("every translation key used in the code exists in the English catalogue", () => {
    // t("ns.key") and t("key") calls with literal keys, resolved against their useTranslations/getTranslations namespace.
    const reference = new Set(flattenKeys(CATALOGUES.en));
    const roots = ["app", "components"];
    const problems: string[] = [];
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith(".tsx") || e.name.endsWith(".ts") ? [path.join(dir, e.name)] : []));
    for (const file of roots.flatMap((r) => walk(path.join(process.cwd(), r)))) {
      const source = readFileSync(file, "utf8");
      // Each call resolves against the nearest preceding binding of the same name (functions in a file may differ).
      const bindings: { name: string; ns: string; at: number }[] = [];
      for (const b of source.matchAll(/const (\w+)\s*=\s*(?:await\s+)?(?:useTranslations|getTranslations)\(\s*(?:"([\w.]*)")?\s*\)/g)) {
        if (b[1]) bindings.push({ name: b[1], ns: b[2] ?? "", at: b.index });
      }
      for (const tu of source.matchAll(/const \[([^\]]+)\]\s*=\s*await Promise\.all\(\[([^\]]+)\]\)/g)) {
        const names = (tu[1] ?? "").split(",").map((n) => n.trim());
        const calls = [...(tu[2] ?? "").matchAll(/(getTranslations)\(\s*(?:"([\w.]*)")?\s*\)|\w+\([^()]*(?:\([^()]*\))?[^()]*\)/g)];
        names.forEach((name, i) => {
          const call = calls[i];
          if (call?.[1] === "getTranslations") bindings.push({ name, ns: call[2] ?? "", at: tu.index });
        });
      }
      const names = new Set(bindings.map((b) => b.name));
      for (const name of names) {
        for (const m of source.matchAll(new RegExp(`\\b${name}\\(\\s*"([\\w.]+)"`, "g"))) {
          const binding = bindings.filter((b) => b.name === name && b.at < m.index).at(-1);
          if (!binding) continue;
          const key = binding.ns ? `${binding.ns}.${m[1]}` : (m[1] ?? "");
          if (!reference.has(key)) problems.push(`${path.relative(process.cwd(), file)}: ${key}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

describe("locale negotiation", () => {
  it("picks the best supported language from Accept-Language", () => {
    expect(negotiateLocale("fr-CH, fr;q=0.9, en;q=0.8")).toBe("fr");
    expect(negotiateLocale("de-DE,de;q=0.9,ar;q=0.5")).toBe("ar");
    expect(negotiateLocale("de, es")).toBe("es");
    expect(negotiateLocale("pt-BR, ru;q=0.3")).toBe("ru");
    expect(negotiateLocale("zh-Hant-TW")).toBe("zh");
    expect(negotiateLocale("de, pt")).toBe("en");
    expect(matchLocale("de, pt")).toBeNull();
    expect(negotiateLocale(null)).toBe("en");
    expect(negotiateLocale("en;q=0.1, ar;q=0.9")).toBe("ar");
    expect(negotiateLocale("es;q=0, ru")).toBe("ru");
    expect(negotiateLocale("*")).toBe("en");
    expect(localeOfTag("ZH_cn")).toBe("zh");
  });

  it("lays out Arabic right to left and the five others left to right", () => {
    expect(directionOf("ar")).toBe("rtl");
    for (const l of ["zh", "en", "fr", "ru", "es"]) expect(directionOf(l)).toBe("ltr");
  });
});
