import { describe, it, expect } from "vitest";
import {
  COUNTRIES,
  UN_REGIONS,
  countryName,
  countryOptions,
  getCountry,
  isCountryCode,
  isDevelopingCountry,
  regionOf,
  type UnRegion,
} from "../../lib/geo/countries";

/** Observer states that belong to a regional group (Palestine: Asia-Pacific). */
const GROUPED_OBSERVERS = ["PS"];

function membersOf(region: UnRegion): string[] {
  return COUNTRIES.filter((c) => c.region === region && !GROUPED_OBSERVERS.includes(c.code)).map(
    (c) => c.code,
  );
}

describe("COUNTRIES table", () => {
  it("holds the 249 officially assigned ISO 3166-1 alpha-2 codes, unique and upper case", () => {
    expect(COUNTRIES).toHaveLength(249);
    const codes = COUNTRIES.map((c) => c.code);
    expect(new Set(codes).size).toBe(249);
    for (const code of codes) expect(code).toMatch(/^[A-Z]{2}$/);
    expect(codes).toEqual([...codes].sort());
  });

  it("has a non-empty English name and a valid region for every entry", () => {
    for (const c of COUNTRIES) {
      expect(c.name.trim()).not.toBe("");
      expect(UN_REGIONS).toContain(c.region);
    }
  });

  it("does not include user-assigned or withdrawn codes", () => {
    for (const code of ["XK", "EU", "UK", "AN", "CS", "YU", "ZZ"]) expect(isCountryCode(code)).toBe(false);
  });

  it("lists the UN regions in the order of the Prisma enum", () => {
    expect(UN_REGIONS).toEqual([
      "AFRICAN",
      "ASIA_PACIFIC",
      "EASTERN_EUROPEAN",
      "LATIN_AMERICAN_AND_CARIBBEAN",
      "WESTERN_EUROPEAN_AND_OTHERS",
      "NONE",
    ]);
  });
});

describe("UN regional groups", () => {
  it("places the 193 Member States in the five groups with the official sizes", () => {
    // 54 + 54 (Asia-Pacific incl. Kiribati, excl. Türkiye) + 23 + 33 + 28 WEOG + United States.
    expect(membersOf("AFRICAN")).toHaveLength(54);
    expect(membersOf("ASIA_PACIFIC")).toHaveLength(54);
    expect(membersOf("EASTERN_EUROPEAN")).toHaveLength(23);
    expect(membersOf("LATIN_AMERICAN_AND_CARIBBEAN")).toHaveLength(33);
    expect(membersOf("WESTERN_EUROPEAN_AND_OTHERS").filter((c) => c !== "US")).toHaveLength(28);
    expect(membersOf("WESTERN_EUROPEAN_AND_OTHERS")).toContain("US");
    const grouped = COUNTRIES.filter((c) => c.region !== "NONE");
    expect(grouped).toHaveLength(193 + GROUPED_OBSERVERS.length);
  });

  it.each([
    ["FR", "WESTERN_EUROPEAN_AND_OTHERS"],
    ["BR", "LATIN_AMERICAN_AND_CARIBBEAN"],
    ["NG", "AFRICAN"],
    ["CN", "ASIA_PACIFIC"],
    ["PL", "EASTERN_EUROPEAN"],
    ["TR", "WESTERN_EUROPEAN_AND_OTHERS"],
    ["AU", "WESTERN_EUROPEAN_AND_OTHERS"],
    ["NZ", "WESTERN_EUROPEAN_AND_OTHERS"],
    ["JP", "ASIA_PACIFIC"],
    ["KI", "ASIA_PACIFIC"],
    ["IL", "WESTERN_EUROPEAN_AND_OTHERS"],
    ["US", "WESTERN_EUROPEAN_AND_OTHERS"],
    ["CA", "WESTERN_EUROPEAN_AND_OTHERS"],
    ["CY", "ASIA_PACIFIC"],
    ["SA", "ASIA_PACIFIC"],
    ["EG", "AFRICAN"],
    ["SS", "AFRICAN"],
    ["RU", "EASTERN_EUROPEAN"],
    ["GE", "EASTERN_EUROPEAN"],
    ["AZ", "EASTERN_EUROPEAN"],
    ["MX", "LATIN_AMERICAN_AND_CARIBBEAN"],
    ["TT", "LATIN_AMERICAN_AND_CARIBBEAN"],
    ["PS", "ASIA_PACIFIC"],
    ["VA", "NONE"],
    ["GL", "NONE"],
    ["PR", "NONE"],
    ["HK", "NONE"],
    ["TW", "NONE"],
    ["AQ", "NONE"],
  ] as const)("regionOf(%s) is %s", (code, region) => {
    expect(regionOf(code)).toBe(region);
  });

  it("is case-insensitive", () => {
    expect(regionOf("fr")).toBe("WESTERN_EUROPEAN_AND_OTHERS");
    expect(regionOf(" Ki ")).toBe("ASIA_PACIFIC");
  });

  it("throws a clear error for unknown codes", () => {
    expect(() => regionOf("XX")).toThrow(/Unknown ISO 3166-1 alpha-2 country code: "XX"/);
    expect(() => regionOf("")).toThrow(Error);
    expect(() => regionOf("FRA")).toThrow(/Unknown/);
    expect(() => isDevelopingCountry("XK")).toThrow(/Unknown/);
    expect(() => countryName("QQ", "fr")).toThrow(/Unknown/);
  });
});

describe("lookups", () => {
  it("getCountry is case-insensitive and returns undefined for unknown codes", () => {
    expect(getCountry("fr")).toEqual({ code: "FR", name: "France", region: "WESTERN_EUROPEAN_AND_OTHERS", developing: false });
    expect(getCountry("Br")?.code).toBe("BR");
    expect(getCountry("XX")).toBeUndefined();
    expect(getCountry("")).toBeUndefined();
  });

  it("isCountryCode accepts known codes in any case", () => {
    expect(isCountryCode("DE")).toBe(true);
    expect(isCountryCode("de")).toBe(true);
    expect(isCountryCode("D")).toBe(false);
    expect(isCountryCode("DEU")).toBe(false);
  });
});

describe("M49 development status", () => {
  it.each([
    ["FR", false],
    ["JP", false],
    ["US", false],
    ["CA", false],
    ["AU", false],
    ["NZ", false],
    ["IL", false],
    ["RU", false],
    ["GL", false],
    ["BR", true],
    ["IN", true],
    ["CN", true],
    ["KR", true],
    ["SG", true],
    ["TR", true],
    ["ZA", true],
    ["PR", true],
  ] as const)("isDevelopingCountry(%s) is %s", (code, developing) => {
    expect(isDevelopingCountry(code)).toBe(developing);
  });
});

describe("localised names", () => {
  it("uses Intl.DisplayNames for French and Arabic", () => {
    expect(countryName("DE", "fr")).toBe("Allemagne");
    expect(countryName("us", "fr")).toBe("États-Unis");
    expect(countryName("EG", "ar")).toBe("مصر");
    expect(countryName("FR", "ar")).toBe("فرنسا");
  });

  it("falls back to the English name for an invalid locale tag", () => {
    expect(countryName("DE", "not a locale!")).toBe("Germany");
  });

  it("countryOptions returns every country, localised and collated", () => {
    const options = countryOptions("fr");
    expect(options).toHaveLength(249);
    const collator = new Intl.Collator("fr");
    for (let i = 1; i < options.length; i++) {
      const prev = options[i - 1];
      const cur = options[i];
      if (prev === undefined || cur === undefined) throw new Error("unreachable");
      expect(collator.compare(prev.name, cur.name)).toBeLessThanOrEqual(0);
    }
    expect(options.find((o) => o.code === "DE")?.name).toBe("Allemagne");
    // Accent-insensitive primary ordering: "Égypte" sorts among the E's, before "Espagne".
    const names = options.map((o) => o.name);
    expect(names.indexOf("Égypte")).toBeLessThan(names.indexOf("Espagne"));
  });
});
