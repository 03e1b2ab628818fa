import { describe, expect, it } from "vitest";
import { findAcronyms, findDefinitions, plainBlocks, shortenAtClause, splitSentences, stemmedTerms } from "@/lib/synthesis/text";
import { isCourtesy, leansOnPrevious } from "@/lib/synthesis/lexicon";
import { quoteLine, quoteOf, statementsOf, type Statement } from "@/lib/synthesis/statements";
import { DocumentFrequency, PointClusterer } from "@/lib/synthesis/clusters";
import { attribution, paperPhrases, quantifier, sectionLetter } from "@/lib/synthesis/phrases";
import { withTextFragment } from "@/lib/synthesis/paths";
import { markdownToText } from "@/lib/markdown/render";
import { startsWithAnaphor } from "../fixtures/synthesis-quality";

const en = paperPhrases("en");
const fr = paperPhrases("fr");
const ar = paperPhrases("ar");

describe("synthesis text", () => {
  it("splits sentences beyond English, and not after abbreviations", () => {
    expect(splitSentences("Les coupures d’Internet menacent. Nous demandons un débat ? Oui.")).toEqual(["Les coupures d’Internet menacent.", "Nous demandons un débat ?", "Oui."]);
    expect(splitSentences("الوصول ضروري. نطلب جلسة خاصة.")).toHaveLength(2);
    expect(splitSentences("你好。再见。")).toEqual(["你好。", "再见。"]);
    expect(splitSentences("Dr. Smith agreed with Art. 5 of the Convention. Next.")).toEqual(["Dr. Smith agreed with Art. 5 of the Convention.", "Next."]);
  });

  it("keeps the visible text of Markdown so quotes match the contribution page", () => {
    const source = "Landing stations have multiplied, yet **affordable backbone capacity** remains out of reach.\n\n- A [link](https://x.example) item";
    const page = markdownToText(source);
    for (const block of plainBlocks(source)) for (const sentence of splitSentences(block)) expect(page).toContain(sentence);
  });

  it("finds acronyms in text and organisation names, and expansions the text gives itself", () => {
    expect(findAcronyms("The IGF, ICANN and two IXPs discussed IPv6, ccTLD and gTLDs with the W3C. Hello World, iPhone.")).toEqual(["IGF", "ICANN", "IXP", "IPv6", "ccTLD", "gTLD", "W3C"]);
    expect(findAcronyms("ICC/BASIS")).toEqual(["ICC", "BASIS"]);
    expect(findAcronyms("Council of Europe (CoE)")).toContain("CoE");
    expect(findDefinitions("The Council of Europe (CoE) and the Mutually Agreed Norms for Routing Security (MANRS) agree; the Federal Office (OFCOM) too.")).toEqual([
      { acronym: "CoE", expansion: "Council of Europe" },
      { acronym: "MANRS", expansion: "Mutually Agreed Norms for Routing Security" },
    ]);
  });

  it("stems so that inflected forms meet", () => {
    expect(stemmedTerms("regulators regulation regulatory", "en").every((t, _, all) => t === all[0])).toBe(true);
    expect(stemmedTerms("networks network", "en")).toEqual(["network", "network"]);
    expect(stemmedTerms("les réseaux communautaires", "fr")).toEqual(stemmedTerms("réseau communautaire", "fr"));
  });

  it("builds text-fragment links to the quoted sentence", () => {
    expect(withTextFragment("/c/x", "Local IXPs keep traffic local.")).toBe("/c/x#:~:text=Local%20IXPs%20keep%20traffic%20local.");
  });
});

describe("quotes carry their context", () => {
  it("recognises sentences that lean on the one before, but not expletive ones", () => {
    for (const s of ["This could be done by the relevant stakeholders.", "However, such funds are often left unspent.", "These laws must respect human rights.", "It also lowers transit costs.", "Such predictability matters.", "In addition, we call for more."]) {
      expect(leansOnPrevious(s, "en")).toBe(true);
    }
    expect(leansOnPrevious("It is essential to fund community networks.", "en")).toBe(false);
    expect(leansOnPrevious("Cependant, ces fonds restent inutilisés.", "fr")).toBe(true);
    expect(leansOnPrevious("Il faut financer les réseaux.", "fr")).toBe(false);
    expect(leansOnPrevious("Community networks need spectrum.", "en")).toBe(false);
  });

  it("keeps an anaphoric sentence with the sentence it refers to, and quotes both", () => {
    const [first, ...rest] = statementsOf("The RIRs offer capacity building for network operators. This should feature in the programme of the next meeting.", "en");
    expect(rest).toEqual([]);
    expect(first?.sentences).toHaveLength(2);
    // Even when the anaphoric sentence is the most central one, the quote starts with the sentence it leans on.
    const quote = quoteOf(first as Statement, (s) => (s.text.startsWith("This") ? 1 : 0));
    expect(quoteLine(quote)).toBe("The RIRs offer capacity building for network operators. This should feature in the programme of the next meeting.");
    expect(startsWithAnaphor(quoteLine(quote))).toBe(false);
    expect(quote.unresolved).toBe(false);
  });

  it("keeps a colon lead-in with the Markdown list that follows, item by item", () => {
    const body = "We propose three actions:\n\n- deploy RPKI at every IXP;\n- join MANRS;\n- host local root instances.\n\nA separate point about IPv6 deployment in the region.";
    const statements = statementsOf(body, "en");
    expect(statements).toHaveLength(2);
    const quote = quoteOf(statements[0] as Statement, () => 1);
    expect(quote.parts).toEqual(["We propose three actions:"]);
    expect(quote.items).toEqual(["deploy RPKI at every IXP;", "join MANRS;", "host local root instances."]);
    // A lead-in is never quoted without its list.
    const dangling = statementsOf("Several measures are needed, such as those: ", "en");
    expect(dangling.length).toBeLessThanOrEqual(1);
  });

  it("shortens a long sentence at a clause boundary: after a leading subordinate clause, before a trailing one, never mid-clause", () => {
    const long = "While several governments have invested heavily in national backbones over the past decade and private operators have built new landing stations along the coast, affordable broadband access still fails to reach most rural communities, which remain dependent on expensive satellite links that few households can afford.";
    const short = shortenAtClause(long, 15);
    expect(short.cutStart).toBe(true);
    expect(short.text.startsWith("affordable broadband access still fails")).toBe(true);
    expect(long).toContain(short.text);
    expect(short.text.endsWith("rural communities")).toBe(true);
    expect(short.cutEnd).toBe(true);
    // No clause boundary: kept whole rather than cut mid-clause.
    const unbroken = Array.from({ length: 50 }, (_, i) => `word${i}`).join(" ");
    expect(shortenAtClause(unbroken, 20)).toEqual({ text: unbroken, cutStart: false, cutEnd: false });
    expect(shortenAtClause("Short sentence.")).toEqual({ text: "Short sentence.", cutStart: false, cutEnd: false });
  });

  it("drops courtesy sentences, and splits a contribution making three points into three statements", () => {
    expect(isCourtesy("We thank the Secretariat for the opportunity to contribute.")).toBe(true);
    expect(isCourtesy("We welcome the focus on access and call for more funding.")).toBe(false);
    const body = "We thank the Secretariat for the opportunity to contribute.\n\nAffordable broadband must reach rural communities.\n\nUniversal service funds should finance rural towers. However, such funds are often left unspent.\n\nEvery new IXP keeps local traffic local.";
    const statements = statementsOf(body, "en");
    expect(statements.map((s) => s.sentences.length)).toEqual([1, 2, 1]);
    const page = markdownToText(body);
    for (const s of statements) expect(page).toContain(quoteLine(quoteOf(s, () => 1)));
  });
});

function cluster(texts: { text: string; unit: string; language?: string }[]) {
  const statements = texts.map((t) => ({ ...t, s: statementsOf(t.text, t.language ?? "en") }));
  const df = new DocumentFrequency();
  for (const x of statements) for (const s of x.s) df.add(s);
  const c = new PointClusterer(df);
  const ids = statements.map((x) => x.s.map((s) => c.add(s, { inputId: x.unit, themes: [], unit: x.unit })));
  const points = c.finish();
  const root = (id: number) => points.find((p) => p.id === id || p.merged.includes(id))?.id;
  return { ids: ids.map((list) => list.map(root)), points };
}

describe("grouping statements into points", () => {
  it("groups paraphrases of one point and keeps near misses apart", () => {
    const { ids } = cluster([
      { text: "Cooperation between national CERTs is essential for cybersecurity.", unit: "a" },
      { text: "Cooperation among national CERTs across borders is essential for responding to incidents.", unit: "b" },
      { text: "Industry-led security standards protect users better than detailed regulation.", unit: "c" },
      { text: "Security standards for critical infrastructure should be mandated by regulation rather than left to industry.", unit: "d" },
      { text: "Intermediaries should not be held liable for content posted by their users.", unit: "e" },
      { text: "Platforms should be held liable for the illegal content posted by their users.", unit: "f" },
    ]);
    const [a, b, c, d, e, f] = ids.map((x) => x[0]);
    expect(a).toBe(b);
    expect(c).not.toBe(d);
    expect(e).not.toBe(f);
  });

  it("groups a point made in French or Spanish with the same point made in English, and keeps a near miss apart", () => {
    expect(new Set(stemmedTerms("Les coupures d’Internet pendant les élections privent les citoyens d’informations essentielles.", "fr")))
      .toEqual(new Set(stemmedTerms("Internet shutdowns during elections deprive citizens of essential information.", "en")));
    const { ids } = cluster([
      { text: "Community networks need access to spectrum and regulatory support.", unit: "a" },
      { text: "Community networks deserve regulatory support and access to spectrum.", unit: "b" },
      { text: "Les réseaux communautaires ont besoin d’accès au spectre et d’un soutien réglementaire.", unit: "c", language: "fr" },
      { text: "Las redes comunitarias necesitan acceso al espectro y apoyo regulatorio.", unit: "d", language: "es" },
      { text: "Local content in local languages drives Internet adoption.", unit: "e" },
      { text: "Les contenus locaux en langues africaines doivent être soutenus par des financements publics.", unit: "f", language: "fr" },
    ]);
    const [a, b, c, d, e, f] = ids.map((x) => x[0]);
    expect([b, c, d]).toEqual([a, a, a]);
    expect(f).not.toBe(e);
  });

  it("quotes the most central statement, not the first one found", () => {
    const { points } = cluster([
      { text: "Rural communities need broadband, and our ministry also wants better mobile coverage along highways and new fibre for hospitals.", unit: "a" },
      { text: "Affordable broadband access must reach rural communities.", unit: "b" },
      { text: "Affordable broadband access should reach rural communities first.", unit: "c" },
      { text: "Rural communities still lack affordable broadband access.", unit: "d" },
    ]);
    const main = points.find((p) => p.quotes.length >= 3);
    expect(main?.quotes[0]?.inputId).not.toBe("a");
  });
});

describe("attribution and quantifiers", () => {
  it("says one, two, a few, several, many relative to the number of contributors, as configured", () => {
    expect([1, 2, 3, 5, 40].map((n) => quantifier(n, 100))).toEqual(["one", "two", "few", "several", "many"]);
    expect(quantifier(3, 13)).toBe("several");
    expect(quantifier(6, 13)).toBe("many");
    expect(quantifier(4, 100, { severalFrom: 4, severalShare: 0.5, manyShare: 0.9, manyFrom: 50 })).toBe("several");
  });

  it("attributes by kind in the IGF's manner, in the paper's language", () => {
    expect(attribution(en, [{ group: "CIVIL_SOCIETY", count: 1 }], 20)).toBe("A contribution from civil society");
    expect(attribution(en, [{ group: "GOVERNMENT", count: 2 }], 20)).toBe("Two contributions from governments");
    expect(attribution(en, [{ group: "PRIVATE_SECTOR", count: 4 }, { group: "GOVERNMENT", count: 1 }], 20)).toBe("Several contributions, mainly from the private sector, and one from a government,");
    expect(attribution(en, [{ group: "CIVIL_SOCIETY", count: 1 }, { group: "GOVERNMENT", count: 1 }, { group: "TECHNICAL_COMMUNITY", count: 1 }], 100)).toBe(
      "A few contributions from a government, civil society, and the technical community",
    );
    expect(attribution(en, [{ group: "CIVIL_SOCIETY", count: 2 }, { group: "INTERGOVERNMENTAL_ORGANISATION", count: 1 }], 20, undefined, [{ group: "INTERGOVERNMENTAL_ORGANISATION", name: "Council of Europe (CoE)" }])).toBe(
      "Several contributions, mainly from civil society, and one from Council of Europe (CoE),",
    );
    expect(attribution(en, [{ group: "INTERGOVERNMENTAL_ORGANISATION", count: 1 }], 20, undefined, [{ group: "INTERGOVERNMENTAL_ORGANISATION", name: "Council of Europe (CoE)" }])).toBe("Council of Europe (CoE)");
    expect(attribution(fr, [{ group: "GOVERNMENT", count: 2 }], 20)).toBe("Deux contributions de gouvernements");
    expect(attribution(fr, [{ group: "GOVERNMENT", count: 1 }], 20)).toBe("Une contribution d’un gouvernement");
    expect(attribution(fr, [{ group: "PRIVATE_SECTOR", count: 4 }, { group: "GOVERNMENT", count: 1 }], 20)).toBe("Plusieurs contributions, surtout du secteur privé, et une d’un gouvernement,");
    expect(attribution(ar, [{ group: "CIVIL_SOCIETY", count: 1 }], 20)).toBe("مساهمة واحدة من المجتمع المدني");
  });

  it("letters sections A..Z, AA..", () => {
    expect([0, 1, 25, 26].map(sectionLetter)).toEqual(["A", "B", "Z", "AA"]);
  });
});
