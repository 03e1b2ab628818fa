import { describe, expect, it } from "vitest";
import { parseDraftMarkdown } from "@/lib/drafts/parse";
import { matchVersions, maximumAssignment, longestIncreasingSubsequence, type PreviousParagraph } from "@/lib/drafts/match";
import { documentWeights, profileOf, similarity } from "@/lib/drafts/similarity";
import { compareVersions, wordDiff } from "@/lib/drafts/compare";

function previousOf(md: string): PreviousParagraph[] {
  return parseDraftMarkdown(md).map((b, i) => ({ anchorId: `a${i}`, kind: b.kind, text: b.text, number: b.number, position: b.position }));
}

function run(before: string, after: string) {
  let n = 0;
  return matchVersions(previousOf(before), parseDraftMarkdown(after), () => `new${n++}`);
}

const SESSIONS = [
  "A main session on access and the next billion users, including affordability and infrastructure.",
  "A main session on critical Internet resources, covering IPv6 deployment and the management of names and numbers.",
  "A main session on openness, freedom of expression and the free flow of information.",
  "A main session on security and trust, including spam and cybercrime.",
];

describe("similarity", () => {
  it("scores a one-word edit high and, weighted by the document, an unrelated sentence with the same opening low", () => {
    const edited = "A main session on access and the next billion users, including affordability and local infrastructure.";
    const other = "A main session on human rights online and digital inclusion.";
    const profiles = [...SESSIONS, edited, other].map(profileOf);
    const weights = documentWeights(profiles);
    const [access, , , security] = profiles;
    if (!access || !security) throw new Error("setup");
    expect(similarity(access, profileOf(edited), weights)).toBeGreaterThan(0.85);
    expect(similarity(access, security, weights)).toBeLessThan(0.4);
    expect(similarity(access, profileOf(other), weights)).toBeLessThan(0.4);
    // Unweighted, the shared opening words push unrelated items towards the threshold: why the weights exist.
    expect(similarity(access, security)).toBeGreaterThan(similarity(access, security, weights) + 0.1);
  });

  it("ignores Markdown emphasis, case and link targets", () => {
    expect(similarity(profileOf("Read **the** [report](http://a.example)."), profileOf("read the [report](http://b.example)"))).toBe(1);
  });
});

describe("matchVersions", () => {
  const base = `# Title\n\nIntro paragraph about the meeting and its purpose.\n\n## Sessions\n\n${SESSIONS.map((s) => `- ${s}`).join("\n")}\n\nClosing remarks on remote participation and captioning.`;

  it("keeps every anchor when nothing changed", () => {
    const { blocks, removed } = run(base, base);
    expect(removed).toEqual([]);
    expect(blocks.map((b) => b.change)).toEqual(blocks.map(() => "UNCHANGED"));
    expect(blocks.map((b) => b.anchorId)).toEqual(blocks.map((_, i) => `a${i}`));
  });

  it("marks an edited paragraph EDITED and keeps its anchor", () => {
    const after = base.replace("including spam and cybercrime", "including spam, phishing and cybercrime");
    const { blocks } = run(base, after);
    const edited = blocks.find((b) => b.text.includes("phishing"));
    expect(edited).toMatchObject({ anchorId: "a6", change: "EDITED", previousNumber: 5 });
    expect(blocks.filter((b) => b.change !== "UNCHANGED")).toHaveLength(1);
  });

  it("gives an inserted paragraph a new anchor and renumbers the rest without losing anchors", () => {
    const after = base.replace("## Sessions\n\n", "## Sessions\n\nSessions are chosen by the advisory group after the consultation.\n\n");
    const { blocks, removed } = run(base, after);
    expect(removed).toEqual([]);
    const inserted = blocks.find((b) => b.text.startsWith("Sessions are chosen"));
    expect(inserted).toMatchObject({ change: "NEW", anchorId: "new0", number: 2, previousNumber: null });
    const security = blocks.find((b) => b.text === SESSIONS[3]);
    expect(security).toMatchObject({ anchorId: "a6", change: "UNCHANGED", number: 6, previousNumber: 5 });
  });

  it("reports a deleted paragraph as removed and does not hand its anchor to a different one", () => {
    const after = base.replace(`- ${SESSIONS[3]}`, "- A main session on human rights online and digital inclusion.");
    const { blocks, removed } = run(base, after);
    expect(removed.map((r) => r.anchorId)).toEqual(["a6"]);
    expect(blocks.find((b) => b.text.includes("human rights"))).toMatchObject({ change: "NEW" });
  });

  it("detects moved and moved-and-edited paragraphs", () => {
    const reordered = [SESSIONS[3], SESSIONS[0], SESSIONS[1], (SESSIONS[2] ?? "").replace("openness", "openness and")];
    const after = `# Title\n\nIntro paragraph about the meeting and its purpose.\n\n## Sessions\n\n${reordered.map((s) => `- ${s}`).join("\n")}\n\nClosing remarks on remote participation and captioning.`;
    const { blocks } = run(base, after);
    expect(blocks.find((b) => b.text === SESSIONS[3])).toMatchObject({ anchorId: "a6", change: "MOVED", previousNumber: 5, number: 2 });
    expect(blocks.find((b) => b.text === SESSIONS[0])).toMatchObject({ anchorId: "a3", change: "UNCHANGED" });
    const moveLater = `# Title\n\nIntro paragraph about the meeting and its purpose.\n\n## Sessions\n\n${[SESSIONS[1], SESSIONS[2], SESSIONS[3]].map((s) => `- ${s}`).join("\n")}\n\nClosing remarks on remote participation and captioning.\n\n${(SESSIONS[0] ?? "").replace("next billion", "next two billion")}`;
    const second = run(base, moveLater);
    expect(second.blocks.find((b) => b.text.includes("two billion"))).toMatchObject({ anchorId: "a3", change: "MOVED_EDITED", number: 6 });
    expect(second.removed).toEqual([]);
  });

  it("pairs repeated identical paragraphs in order", () => {
    const { blocks } = run("Same.\n\nOther text here.\n\nSame.", "Same.\n\nOther text here.\n\nSame.\n\nSame.");
    expect(blocks.map((b) => [b.anchorId, b.change])).toEqual([["a0", "UNCHANGED"], ["a1", "UNCHANGED"], ["a2", "UNCHANGED"], ["new0", "NEW"]]);
  });

  it("never matches a heading with a paragraph", () => {
    const { blocks, removed } = run("# Access for all\n\nText one that is long enough.", "Access for all\n\nText one that is long enough.");
    expect(blocks[0]).toMatchObject({ kind: "PARAGRAPH", change: "NEW" });
    expect(removed.map((r) => r.kind)).toEqual(["HEADING"]);
  });

  it("prefers the optimal assignment over a greedy first choice", () => {
    // Row 0 would greedily take column 0 (0.9), leaving row 1 with nothing; optimal is 0->1, 1->0.
    expect(maximumAssignment([[0.9, 0.8], [0.85, 0]])).toEqual([1, 0]);
    expect(maximumAssignment([[0.6], [0.9], [0.7]])).toEqual([-1, 0, -1]);
  });

  it("finds a longest increasing subsequence", () => {
    const values = [3, 0, 1, 5, 2, 4];
    expect(longestIncreasingSubsequence(values).map((k) => values[k])).toEqual([0, 1, 2, 4]);
    expect(longestIncreasingSubsequence([])).toEqual([]);
  });
});

describe("compareVersions and wordDiff", () => {
  it("aligns by anchor and shows removed paragraphs where they were", () => {
    const from = [
      { anchorId: "x", kind: "PARAGRAPH" as const, number: 1, text: "Alpha text.", level: 0 },
      { anchorId: "y", kind: "PARAGRAPH" as const, number: 2, text: "Beta text.", level: 0 },
      { anchorId: "z", kind: "PARAGRAPH" as const, number: 3, text: "Gamma text.", level: 0 },
    ];
    const to = [
      { anchorId: "x", kind: "PARAGRAPH" as const, number: 1, text: "Alpha text, edited.", level: 0 },
      { anchorId: "n", kind: "PARAGRAPH" as const, number: 2, text: "New.", level: 0 },
      { anchorId: "z", kind: "PARAGRAPH" as const, number: 3, text: "Gamma text.", level: 0 },
    ];
    const rows = compareVersions(from, to);
    expect(rows.map((r) => [r.anchorId, r.status, r.fromNumber, r.toNumber])).toEqual([
      ["x", "edited", 1, 1], ["y", "removed", 2, null], ["n", "new", null, 2], ["z", "unchanged", 3, 3],
    ]);
    expect(rows[0]?.segments.filter((s) => s.type !== "same").map((s) => [s.type, s.text.trim()])).toEqual([["added", ", edited"]]);
  });

  it("marks a paragraph that changed place as moved", () => {
    const p = (anchorId: string, text: string) => ({ anchorId, kind: "PARAGRAPH" as const, number: 1, text, level: 0 });
    const rows = compareVersions([p("a", "A"), p("b", "B"), p("c", "C")], [p("c", "C"), p("a", "A"), p("b", "B")]);
    expect(rows.map((r) => r.status)).toEqual(["moved", "unchanged", "unchanged"]);
  });

  it("diffs words", () => {
    expect(wordDiff("the quick fox", "the slow fox")).toEqual([
      { type: "same", text: "the " }, { type: "removed", text: "quick" }, { type: "added", text: "slow" }, { type: "same", text: " fox" },
    ]);
  });
});
