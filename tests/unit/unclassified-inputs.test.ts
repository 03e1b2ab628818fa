// Unclassified inputs and inputs of unknown country are counted apart: never in a group's share, never held,
// never silently dropped from the balanced list.
import { describe, expect, it } from "vitest";
import { fitsGroupCap, groupsRepresented, releasableInArrivalOrder, totalOf } from "@/lib/balance/rules";
import { countryName, isCountryCode, isKnownCountry, placeOf, regionOf, UNKNOWN_COUNTRY } from "@/lib/geo/countries";
import { INPUT_GROUPS, STAKEHOLDER_GROUPS, isClassified } from "@/lib/stakeholders/groups";
import { decodeCursor, encodeCursor, interleave, type Row } from "@/lib/submissions/cursor";
import type { StakeholderGroup } from "@/lib/db/generated/enums";

const cap = { maxGroupShare: 0.4, minSample: 10 };

describe("unclassified stakeholder group", () => {
  it("is an input group but never a group a person declares", () => {
    expect(INPUT_GROUPS).toEqual([...STAKEHOLDER_GROUPS, "UNCLASSIFIED"]);
    expect(STAKEHOLDER_GROUPS).not.toContain("UNCLASSIFIED");
    expect(isClassified("UNCLASSIFIED")).toBe(false);
    expect(isClassified("GOVERNMENT")).toBe(true);
  });

  it("is left out of the total the shares are taken of, and of the groups represented", () => {
    expect(totalOf({ GOVERNMENT: 3, CIVIL_SOCIETY: 2, UNCLASSIFIED: 40 })).toBe(5);
    expect(groupsRepresented({ GOVERNMENT: 3, UNCLASSIFIED: 40 })).toBe(1);
  });

  it("always fits the cap, and does not make room for an over-represented group", () => {
    expect(fitsGroupCap({ GOVERNMENT: 100 }, "UNCLASSIFIED", cap)).toBe(true);
    // 4 government of 9 classified: a fifth would be 5/10 > 0.4, however many unclassified inputs there are.
    expect(fitsGroupCap({ GOVERNMENT: 4, CIVIL_SOCIETY: 5, UNCLASSIFIED: 1000 }, "GOVERNMENT", cap)).toBe(false);
  });

  it("is released from the held queue at once", () => {
    const held = [{ id: "g", group: "GOVERNMENT" as const }, { id: "u", group: "UNCLASSIFIED" as const }];
    expect(releasableInArrivalOrder(held, { GOVERNMENT: 4, CIVIL_SOCIETY: 5 }, cap)).toEqual(["u"]);
  });

  it("has its own queue in the balanced order, so no unclassified contribution is left out", () => {
    const row = (group: StakeholderGroup, i: number): Row => ({ id: `${group}-${i}`, at: `2026-01-0${i}T00:00:00.000Z`, group });
    const lists = new Map<StakeholderGroup, Row[]>([
      ["GOVERNMENT", [row("GOVERNMENT", 2), row("GOVERNMENT", 1)]],
      ["UNCLASSIFIED", [row("UNCLASSIFIED", 2), row("UNCLASSIFIED", 1)]],
    ]);
    const first = interleave(lists, 3, 0, {});
    expect(first.page.map((r) => r.id)).toEqual(["GOVERNMENT-2", "UNCLASSIFIED-2", "GOVERNMENT-1"]);
    expect(first.next).not.toBeNull();
    const cursor = first.next ? decodeCursor(encodeCursor(first.next), "balanced") : null;
    expect(cursor).toMatchObject({ sort: "balanced", after: { UNCLASSIFIED: { id: "UNCLASSIFIED-2" } } });
  });
});

describe("unknown country", () => {
  it("is ZZ, region UNKNOWN, neither developing nor a country anyone can choose", () => {
    expect(UNKNOWN_COUNTRY).toBe("ZZ");
    expect(isCountryCode("ZZ")).toBe(false);
    expect(isKnownCountry("ZZ")).toBe(false);
    expect(isKnownCountry("KE")).toBe(true);
    expect(placeOf("ZZ")).toEqual({ country: "ZZ", region: "UNKNOWN", developing: false });
    expect(regionOf("ZZ")).toBe("UNKNOWN");
    expect(placeOf("KE")).toEqual({ country: "KE", region: "AFRICAN", developing: true });
  });

  it("has a name in every language instead of throwing", () => {
    expect(countryName("ZZ", "en")).toBe("Country not known");
    expect(countryName("ZZ", "fr")).toBe("Pays inconnu");
    expect(countryName("ZZ", "ar-EG")).toBe("البلد غير معروف");
    expect(countryName("ZZ", "xx")).toBe("Country not known");
    expect(() => countryName("QQ", "en")).toThrow();
  });
});
