import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { catalogues, flattenKeys } from "@/lib/i18n/messages";

const CATALOGUES = catalogues();
import { LOCALES, directionOf, negotiateLocale } from "@/lib/i18n/config";

const reference = new Set(flattenKeys(CATALOGUES.en));

describe("message catalogues", () => {
  it("has the same catalogue files for every supported locale and no other language", () => {
    const dirs = readdirSync(path.join(process.cwd(), "messages")).sort();
    expect(dirs).toEqual([...LOCALES].sort());
    const filesOf = (l: string) => readdirSync(path.join(process.cwd(), "messages", l)).sort();
    for (const locale of LOCALES) expect(filesOf(locale)).toEqual(filesOf("en"));
  });

  for (const locale of LOCALES) {
    it(`${locale} has exactly the English keys, none empty`, () => {
      const keys = flattenKeys(CATALOGUES[locale]);
      const missing = [...reference].filter((k) => !keys.includes(k));
      const extra = keys.filter((k) => !reference.has(k));
      expect({ missing, extra }).toEqual({ missing: [], extra: [] });
      const empty = keys.filter((k) => {
        const value = k.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], CATALOGUES[locale]);
        return typeof value !== "string" || value.trim() === "";
      });
      expect(empty).toEqual([]);
    });
  }

  it("flattenKeys finds a key missing from a catalogue", () => {
    const broken = JSON.parse(readFileSync(path.join(process.cwd(), "messages/fr/core.json"), "utf8")) as { nav: Record<string, string> };
    delete broken.nav.signIn;
    expect(flattenKeys(broken)).not.toContain("nav.signIn");
    expect(reference.has("nav.signIn")).toBe(true);
  });

  it("every translation key used in the code exists in the English catalogue", () => {
    // t("ns.key") and t("key") calls with literal keys, resolved against their useTranslations/getTranslations namespace.
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
    expect(negotiateLocale("de, es")).toBe("en");
    expect(negotiateLocale(null)).toBe("en");
    expect(negotiateLocale("en;q=0.1, ar;q=0.9")).toBe("ar");
  });

  it("lays out Arabic right to left", () => {
    expect(directionOf("ar")).toBe("rtl");
    expect(directionOf("fr")).toBe("ltr");
  });
});
