import { describe, expect, it } from "vitest";
import { findAcronyms, plainBlocks, shortQuote, splitSentences, terms } from "@/lib/synthesis/text";
import { attribution, sectionLetter } from "@/lib/synthesis/phrases";
import { DocumentFrequency, orderForBalance, PointFinder, type Point, type SentenceInput } from "@/lib/synthesis/points";
import { withTextFragment } from "@/lib/synthesis/paths";
import { markdownToText } from "@/lib/markdown/render";

describe("synthesis text", () => {
  it("splits sentences beyond English", () => {
    expect(splitSentences("Les coupures d’Internet menacent. Nous demandons un débat ? Oui.")).toEqual([
      "Les coupures d’Internet menacent.", "Nous demandons un débat ?", "Oui.",
    ]);
    expect(splitSentences("الوصول ضروري. نطلب جلسة خاصة.")).toHaveLength(2);
    expect(splitSentences("你好。再见。")).toEqual(["你好。", "再见。"]);
  });

  it("keeps the visible text of Markdown so quotes match the contribution page", () => {
    const source = "Landing stations have multiplied, yet **affordable backbone capacity** remains out of reach.\n\n- A [link](https://x.example) item";
    const page = markdownToText(source);
    for (const block of plainBlocks(source)) for (const sentence of splitSentences(block)) expect(page).toContain(sentence);
  });

  it("finds acronyms, folds plurals and ignores ordinary words", () => {
    expect(findAcronyms("The IGF, ICANN and two IXPs discussed IPv6, ccTLD and gTLDs with the W3C. Hello World, iPhone.")).toEqual([
      "IGF", "ICANN", "IXP", "IPv6", "ccTLD", "gTLD", "W3C",
    ]);
  });

  it("quotes long sentences by a verbatim prefix", () => {
    const long = Array.from({ length: 60 }, (_, i) => `word${i}`).join(" ") + ".";
    const q = shortQuote(long);
    expect(q.truncated).toBe(true);
    expect(long.startsWith(q.text)).toBe(true);
    expect(shortQuote("Short sentence.")).toEqual({ text: "Short sentence.", truncated: false });
  });

  it("drops function words in several languages", () => {
    expect(terms("The access of the networks")).toEqual(["access", "network"]);
    expect(terms("les réseaux de la communauté")).toEqual(["réseaux", "communauté"]);
  });

  it("builds text-fragment links to the quoted sentence", () => {
    expect(withTextFragment("/c/x", "Local IXPs keep traffic local.")).toBe("/c/x#:~:text=Local%20IXPs%20keep%20traffic%20local.");
  });
});

describe("attribution", () => {
  it("names kinds of contributors, never people, with count words", () => {
    expect(attribution([{ group: "CIVIL_SOCIETY", count: 3 }, { group: "GOVERNMENT", count: 1 }])).toBe(
      "Several civil-society contributions and one government contribution",
    );
    expect(attribution([{ group: "GOVERNMENT", count: 1 }])).toBe("A government contribution");
    expect(attribution([{ group: "ACADEMIC_COMMUNITY", count: 1 }])).toBe("An academic contribution");
    expect(attribution([{ group: "PRIVATE_SECTOR", count: 2 }])).toBe("Two private-sector contributions");
    expect(attribution([
      { group: "PRIVATE_SECTOR", count: 1 }, { group: "GOVERNMENT", count: 1 }, { group: "CIVIL_SOCIETY", count: 2 }, { group: "ACADEMIC_COMMUNITY", count: 1 },
    ])).toBe("Several contributions from four stakeholder groups (two civil-society, one government, one private-sector and one academic)");
  });

  it("letters sections A..Z, AA..", () => {
    expect([0, 1, 25, 26].map(sectionLetter)).toEqual(["A", "B", "Z", "AA"]);
  });
});

function input(sentence: string, unit: string, group: SentenceInput["group"], campaignId: string | null = null): SentenceInput {
  return { sentence, unit, group, campaignId, overBalance: false, source: { id: unit + sentence.length, reference: unit, title: "t" } };
}

describe("points", () => {
  const sentences = [
    input("Affordable broadband access must reach rural communities.", "a", "CIVIL_SOCIETY"),
    input("Affordable broadband access should reach rural communities first.", "b", "CIVIL_SOCIETY"),
    input("Rural communities still lack affordable broadband access.", "c", "GOVERNMENT"),
    input("Cooperation between national CERTs is essential for cybersecurity.", "d", "GOVERNMENT"),
    input("Free public Wi-Fi in every library is a right.", "e", "CIVIL_SOCIETY", "camp"),
    input("Free public Wi-Fi in every library is a right.", "f", "CIVIL_SOCIETY", "camp"),
  ];

  it("groups similar sentences into one point and counts a campaign once", () => {
    const df = new DocumentFrequency();
    for (const s of sentences) df.add(s.sentence);
    const finder = new PointFinder(df);
    for (const s of sentences) finder.add(s);
    const points = finder.points();
    expect(points[0]?.support).toBe(3);
    expect(points[0]?.groups).toEqual([{ group: "CIVIL_SOCIETY", count: 2 }, { group: "GOVERNMENT", count: 1 }]);
    const campaign = points.find((p) => p.campaignIds.length > 0);
    expect(campaign?.support).toBe(1);
    expect(points).toHaveLength(3);
    for (const p of points) expect(sentences.some((s) => s.sentence.includes(p.quote))).toBe(true);
  });

  it("represents every group before any group's second point", () => {
    const point = (order: number, support: number, groups: SentenceInput["group"][]): Point => ({
      quote: `q${order}`, truncated: false, quoteSource: { id: "x", reference: "x", title: "x" }, support, overBalance: 0, campaignIds: [], sources: [], order,
      groups: groups.map((group) => ({ group, count: 1 })),
    });
    const ordered = orderForBalance([point(0, 5, ["CIVIL_SOCIETY"]), point(1, 4, ["CIVIL_SOCIETY"]), point(2, 3, ["CIVIL_SOCIETY"]), point(3, 1, ["GOVERNMENT"]), point(4, 1, ["PRIVATE_SECTOR"])], 10);
    expect(ordered.map((o) => o.point.order)).toEqual([0, 3, 4, 1, 2]);
    expect(orderForBalance([point(0, 5, ["CIVIL_SOCIETY"]), point(1, 1, ["GOVERNMENT"])], 1)).toHaveLength(1);
    // A group already present in a shared point waits: the technical community comes before a second government point.
    const shared = orderForBalance([point(0, 4, ["CIVIL_SOCIETY", "GOVERNMENT"]), point(1, 3, ["GOVERNMENT"]), point(2, 2, ["TECHNICAL_COMMUNITY"])], 10);
    expect(shared.map((o) => [o.point.order, o.owner])).toEqual([[0, "CIVIL_SOCIETY"], [2, "TECHNICAL_COMMUNITY"], [1, "GOVERNMENT"]]);
  });
});
