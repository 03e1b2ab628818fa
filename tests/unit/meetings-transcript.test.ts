// The captioning parser: labels (with and without ">>", any capitalisation), continuation paragraphs, the disclaimer
// and page furniture skipped, missing and garbled labels kept as an unidentified speaker, label variants proposed.
import { describe, expect, it } from "vitest";
import { displayName, parseTranscript, roleOf, speakerKey } from "@/lib/meetings/transcript";
import { editDistance, isReusableKey, proposeMerges, variantReason } from "@/lib/meetings/roster";
import { buildLongTranscript, readTranscriptFixture } from "../fixtures/transcripts";

const main = parseTranscript(readTranscriptFixture("main-session-access"));
const forum = parseTranscript(readTranscriptFixture("open-forum-stocktaking"));
const labels = (p: typeof main) => p.turns.map((t) => t.label);

describe("labels", () => {
  it("reads every turn of a main session, in order, with its label as written", () => {
    expect(main.turns).toHaveLength(26);
    expect(labels(main).slice(0, 12)).toEqual([
      "CHAIR", "CHAIR", "MS. BOMMELAER", "VINTON CERF", "V CERF", "MS BOMMELAER", "Chengetai Masango", "SPEAKER", "Chengetai Masango", "CHAPELLE", "CHAPPELLE", "MS. OKAFOR",
    ]);
    expect(main.turns.map((t) => t.number)).toEqual(main.turns.map((_, i) => i + 1));
  });

  it("matches labels whatever their capitalisation and titles, on one key", () => {
    expect(forum.turns.filter((t) => t.key === "CHENGETAI MASANGO").map((t) => t.label)).toEqual(["CHENGETAI MASANGO", "Chengetai masango", "CHENGETAI MASANGO", "CHENGETAI MASANGO"]);
    expect(main.turns.filter((t) => t.key === "BOMMELAER").map((t) => t.label)).toEqual(["MS. BOMMELAER", "MS BOMMELAER", "Ms. Bommelaer"]);
    expect(speakerKey("H.E. Ms. Amina Diallo")).toBe("AMINA DIALLO");
    expect(speakerKey("Dr.  José  Ramírez-Núñez")).toBe("JOSE RAMIREZ NUNEZ");
    expect(speakerKey("H. TANAKA")).toBe("H TANAKA");
    expect(displayName("MS. BOMMELAER")).toBe("Bommelaer");
    expect(displayName("V CERF")).toBe("V. Cerf");
  });

  it("knows the roles captioners write instead of names", () => {
    expect(main.turns.filter((t) => t.kind === "role").map((t) => [t.label, t.role])).toEqual([
      ["CHAIR", "CHAIR"], ["CHAIR", "CHAIR"], ["CHAIR", "CHAIR"], ["MODERATOR", "MODERATOR"], ["CHAIR", "CHAIR"], ["REMOTE MODERATOR", "MODERATOR"], ["CHAIR", "CHAIR"], ["CHAIR", "CHAIR"],
    ]);
    expect(roleOf("Co-Chair")).toBe("CHAIR");
    expect(roleOf("Rapporteur")).toBe("RAPPORTEUR");
    expect(roleOf("Vinton Cerf")).toBeNull();
  });

  it("does not take a colon in speech for a label", () => {
    const p = parseTranscript(">> VINTON CERF:  We have three goals: access, trust and skills.\nRecommendation:  fund the initiatives.\nOne more thing: this matters.\n");
    expect(p.turns).toHaveLength(1);
    expect(p.turns[0]?.paragraphs).toEqual(["We have three goals: access, trust and skills. Recommendation: fund the initiatives. One more thing: this matters."]);
  });

  it("splits a line where a second >> turn starts inside it", () => {
    const p = parseTranscript(">> CHAIR:  Thank you.  >> AMINA DIALLO:  Thank you, Chair.  Access matters.\n");
    expect(p.turns.map((t) => [t.label, t.paragraphs.join(" ")])).toEqual([["CHAIR", "Thank you."], ["AMINA DIALLO", "Thank you, Chair. Access matters."]]);
  });

  it("keeps an affiliation written in brackets apart from the name", () => {
    const p = parseTranscript(">> VINTON CERF (Google):  Thank you.\n");
    expect(p.turns[0]).toMatchObject({ label: "VINTON CERF (Google)", key: "VINTON CERF", affiliation: "Google", kind: "person" });
  });
});

describe("continuations", () => {
  it("gives unlabelled paragraphs to the last speaker, split at blank and indented lines", () => {
    const cerf = main.turns.find((t) => t.label === "VINTON CERF");
    expect(cerf?.paragraphs).toEqual([
      "Thank you very much, Constance.",
      expect.stringMatching(/^When we designed the Internet protocols .* if spectrum rules let it\.$/),
      expect.stringMatching(/^I would urge regulators to open unlicensed and shared spectrum/),
    ]);
    const forumCerf = forum.turns.find((t) => t.label === "VINTON CERF");
    expect(forumCerf?.paragraphs).toHaveLength(1);
    expect(forumCerf?.paragraphs[0]).toMatch(/^Thank you, Chengetai\. I would say .* opened shared spectrum\.$/);
  });

  it("folds the captioners' double spaces and line wraps, and keeps every word said", () => {
    for (const turn of main.turns) for (const p of turn.paragraphs) expect(p).not.toMatch(/\s{2,}|\n/);
    expect(main.words).toBeGreaterThan(700);
  });
});

describe("disclaimer and furniture", () => {
  it("skips the captioning disclaimer, page numbers, running headers and stage directions", () => {
    expect(main.skipped.disclaimer).toBeGreaterThan(0);
    expect(forum.skipped.disclaimer).toBeGreaterThan(0);
    const all = [...main.turns, ...forum.turns].flatMap((t) => t.paragraphs).join("\n");
    for (const furniture of ["real-time captioning", "CART", "Page 2 of 6", "IGF 2025 - Day 2 - Main Hall", "- 2 -", "(Applause)", "(Laughter)", "RAW COPY", "captionfirst", "OPEN FORUM #12"]) {
      expect(all).not.toContain(furniture);
    }
    expect(main.skipped.stageDirections).toBe(2);
    expect(main.title).toBe("IGF 2025 - Day 2 - Main Hall - Main Session: Meaningful Access and Digital Inclusion");
    expect(forum.title).toContain("OPEN FORUM #12: TAKING STOCK OF LAST YEAR'S MESSAGES");
  });

  it("drops a disclaimer repeated at a page break inside a turn", () => {
    const text = ">> AMINA DIALLO:  Access matters.\n\nThis text is based on live transcription. Communication Access Realtime Translation (CART) may not be a totally verbatim record.\n\nAnd devices matter too.\n";
    expect(parseTranscript(text).turns[0]?.paragraphs).toEqual(["Access matters.", "And devices matter too."]);
  });
});

describe("unidentified speakers", () => {
  it("keeps turns with a missing or garbled label, as an unidentified speaker, with a warning", () => {
    const unidentified = main.turns.filter((t) => t.kind === "unidentified");
    expect(unidentified.map((t) => t.label)).toEqual(["SPEAKER", "", "MR. [INAUDIBLE]", "AUDIENCE MEMBER"]);
    expect(unidentified.find((t) => t.label === "")?.paragraphs).toEqual(["Can the remote participants hear the room?"]);
    expect(unidentified.find((t) => t.label === "MR. [INAUDIBLE]")?.paragraphs[0]).toMatch(/^Yes, thank you\. The connection in Nairobi is good\./);
    expect(main.warnings.map((w) => w.code).sort()).toEqual(["garbledLabel", "missingLabel"]);
    expect(forum.turns.find((t) => t.label === "" )?.paragraphs[0]).toMatch(/^Excuse me, is the microphone on\?/);
  });

  it("keeps speech that comes before any label as an unidentified turn", () => {
    const p = parseTranscript("and so we were saying that the cost of devices is the first barrier for most women we work with.\n\n>> CHAIR:  Thank you.\n");
    expect(p.turns.map((t) => [t.kind, t.label])).toEqual([["unidentified", ""], ["role", "CHAIR"]]);
    expect(p.warnings.map((w) => w.code)).toEqual(["textBeforeFirstLabel"]);
  });
});

describe("aliases", () => {
  it("proposes the label variants of one person for merging", () => {
    const keys = (p: typeof main) => [...new Set(p.turns.flatMap((t) => (t.kind === "person" && t.key ? [t.key] : [])))];
    const pairs = (p: typeof main) => proposeMerges(keys(p).map((k) => ({ id: k, keys: [k] }))).map((m) => `${m.keys[0]} ~ ${m.keys[1]}: ${m.reason}`);
    expect(pairs(main)).toEqual(["CHAPELLE ~ CHAPPELLE: spelling", "H TANAKA ~ HIROSHI TANAKA: initials", "V CERF ~ VINTON CERF: initials"]);
    expect(pairs(forum)).toEqual([
      "BERTRAND DE LA CHAPELLE ~ BERTRAND DE LA CHAPPELLE: spelling", "V CERF ~ VINT CERF: initials", "V CERF ~ VINTON CERF: initials", "VINT CERF ~ VINTON CERF: initials",
    ]);
  });

  it("recognises initials, short forms, misspellings, surnames alone and swapped names, and nothing else", () => {
    expect(variantReason("CERF", "VINTON CERF")).toBe("surname");
    expect(variantReason("CHAPPELLE", "BERTRAND DE LA CHAPELLE")).toBe("surname");
    expect(variantReason("TANAKA HIROSHI", "HIROSHI TANAKA")).toBe("order");
    // A short form is only proposed: the secretariat dismisses it when Amina and Aminata are two people.
    expect(variantReason("AMINA DIALLO", "AMINATA DIALLO")).toBe("initials");
    expect(variantReason("AMINA DIALLO", "AMINA DIOP")).toBeNull();
    expect(variantReason("AMINA DIALLO", "OMAR DIALLO")).toBeNull();
    expect(variantReason("LI", "LU")).toBeNull();
    expect(variantReason("JOHN SMITH", "JOHN SMYTH")).toBe("spelling");
    expect(editDistance("CHAPELLE", "CHAPPELLE")).toBe(1);
    expect(editDistance("ab", "ba")).toBe(1);
  });

  it("reuses full names across sessions, never a surname alone", () => {
    expect(isReusableKey("VINTON CERF")).toBe(true);
    expect(isReusableKey("BOMMELAER")).toBe(false);
  });
});

describe("a full-day transcript", () => {
  it("reads 130 turns and about 23,000 words", () => {
    const { text } = buildLongTranscript();
    const p = parseTranscript(text);
    expect(p.turns).toHaveLength(130);
    expect(p.words).toBeGreaterThan(22_000);
    expect(p.words).toBeLessThan(24_500);
    expect(p.warnings).toEqual([]);
    expect(p.turns.flatMap((t) => t.paragraphs).join(" ")).not.toMatch(/Page \d+ of 40|Day 3 - Main Hall|real-time captioning/);
  });
});
