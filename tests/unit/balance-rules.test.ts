import { describe, expect, it } from "vitest";
import { fitsGroupCap, releasableInArrivalOrder, sharesOf, groupsRepresented } from "@/lib/balance/rules";
import { BalancePolicySchema } from "@/lib/balance/schema";

const cap = { maxGroupShare: 0.4, minSample: 10 };

describe("fitsGroupCap", () => {
  it("lets anything through below the minimum sample", () => {
    expect(fitsGroupCap({ GOVERNMENT: 8 }, "GOVERNMENT", cap)).toBe(true); // 9 published after: below 10
  });
  it("refuses the item that would take the group above the share once the sample is reached", () => {
    expect(fitsGroupCap({ GOVERNMENT: 9 }, "GOVERNMENT", cap)).toBe(false); // 10/10
    expect(fitsGroupCap({ GOVERNMENT: 3, CIVIL_SOCIETY: 6 }, "GOVERNMENT", cap)).toBe(true); // 4/10 = 0.4 exactly
    expect(fitsGroupCap({ GOVERNMENT: 4, CIVIL_SOCIETY: 6 }, "GOVERNMENT", cap)).toBe(false); // 5/11
  });
});

describe("releasableInArrivalOrder", () => {
  it("releases in arrival order as room appears, never past the cap, and keeps each group's order", () => {
    const held = [
      { id: "g1", group: "GOVERNMENT" as const },
      { id: "c1", group: "CIVIL_SOCIETY" as const },
      { id: "g2", group: "GOVERNMENT" as const },
    ];
    // 4 gov + 6 others published: gov at 0.4. c1 fits (civil society at 1/11), then g1 fits (5/12 = 0.417? no).
    expect(releasableInArrivalOrder(held, { GOVERNMENT: 4, PRIVATE_SECTOR: 6 }, cap)).toEqual(["c1"]);
    // With more room: g1 before g2.
    expect(releasableInArrivalOrder(held, { GOVERNMENT: 4, PRIVATE_SECTOR: 12 }, cap)).toEqual(["g1", "c1", "g2"]);
  });
});

describe("shares", () => {
  it("computes shares in the given order and counts represented groups", () => {
    expect(sharesOf({ b: 1, a: 3 }, ["a", "b", "c"])).toEqual([
      { key: "a", count: 3, share: 0.75 }, { key: "b", count: 1, share: 0.25 }, { key: "c", count: 0, share: 0 },
    ]);
    expect(groupsRepresented({ GOVERNMENT: 2, CIVIL_SOCIETY: 0 })).toBe(1);
  });
});

describe("policy form", () => {
  const valid = { maxPerContributor: "3", maxGroupShare: "40", minSample: "10", minGroups: "3", commentMaxPerContributor: "50", commentMaxGroupShare: "40", commentMinSample: "10", commentRateLimit: "20", commentRateWindowMinutes: "10", duplicateThreshold: "80" };
  it("reads percentages as shares", () => {
    const parsed = BalancePolicySchema.parse(valid);
    expect(parsed.maxGroupShare).toBe(0.4);
    expect(parsed.duplicateThreshold).toBe(0.8);
  });
  it("refuses nonsense with field keys", () => {
    const r = BalancePolicySchema.safeParse({ ...valid, maxGroupShare: "140", minGroups: "7", maxPerContributor: "1.5", duplicateThreshold: "10" });
    expect(r.success).toBe(false);
    const paths = r.error?.issues.map((i) => `${String(i.path[0])}:${i.message}`);
    expect(paths).toEqual(expect.arrayContaining(["maxGroupShare:percentInvalid", "minGroups:outOfRange", "maxPerContributor:wholeNumber", "duplicateThreshold:thresholdTooLow"]));
  });
});
