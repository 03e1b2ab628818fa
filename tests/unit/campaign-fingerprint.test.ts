// Campaign fingerprints: normalisation, MinHash agreement for near-identical texts, band keys scoped per consultation.
import { describe, expect, it } from "vitest";
import { BAND_COUNT, bandKeys, candidateProbability, estimatedSimilarity, fingerprintOf, minHashSignature, shingleHashes, SIGNATURE_SIZE, tokensOf } from "@/lib/moderation/fingerprint";

const LETTER =
  "We the undersigned call on the forum to reject any proposal that would weaken end-to-end encryption, because secure communications protect journalists, activists and ordinary users alike.";

describe("campaign fingerprints", () => {
  it("normalises case, punctuation, Markdown and links away, and splits unspaced scripts per character", () => {
    expect(tokensOf("**Hello**, WORLD! See https://example.org/x?utm=1 now.")).toEqual(["hello", "world", "see", "now"]);
    expect(tokensOf("互联网治理 IPv6 论坛")).toEqual(["互", "联", "网", "治", "理", "ipv6", "论", "坛"]);
    expect(tokensOf("Ｆｕｌｌｗｉｄｔｈ")).toEqual(["fullwidth"]);
  });

  it("gives identical signatures to texts that differ only in formatting", () => {
    const a = fingerprintOf(LETTER, "c1:SUBMISSION");
    const b = fingerprintOf(`# ${LETTER.toUpperCase()}\n\n`, "c1:SUBMISSION");
    expect(a.signature).toHaveLength(SIGNATURE_SIZE);
    expect(b.signature).toEqual(a.signature);
    expect(b.bands).toEqual(a.bands);
    expect(a.bands).toHaveLength(BAND_COUNT);
  });

  it("agrees mostly for near-identical texts and hardly for unrelated ones", () => {
    const a = fingerprintOf(LETTER, "s").signature;
    const near = fingerprintOf(`${LETTER} Signed, a member of the coalition.`, "s").signature;
    const other = fingerprintOf("Rural connectivity needs community networks and spectrum for small operators in mountain regions, with fair backhaul prices.", "s").signature;
    expect(estimatedSimilarity(a, near)).toBeGreaterThan(0.6);
    expect(estimatedSimilarity(a, other)).toBeLessThan(0.2);
    // Near-identical texts share a band (so the lookup finds them); unrelated ones do not.
    const shares = (x: number[], y: number[]) => bandKeys(x, "s").some((k) => bandKeys(y, "s").includes(k));
    expect(shares(a, near)).toBe(true);
    expect(shares(a, other)).toBe(false);
  });

  it("scopes band keys: the same text in another consultation or kind has other keys", () => {
    const sig = fingerprintOf(LETTER, "x").signature;
    const keysA = bandKeys(sig, "c1:SUBMISSION");
    expect(bandKeys(sig, "c2:SUBMISSION").some((k) => keysA.includes(k))).toBe(false);
    expect(bandKeys(sig, "c1:COMMENT").some((k) => keysA.includes(k))).toBe(false);
  });

  it("leaves texts too short to compare without a signature", () => {
    expect(minHashSignature(shingleHashes("I agree."))).toEqual([]);
    expect(fingerprintOf("+1", "s")).toEqual({ signature: [], bands: [] });
    expect(estimatedSimilarity([], [])).toBe(0);
  });

  it("finds pairs above half overlap almost always (the banding's sensitivity)", () => {
    expect(candidateProbability(0.8)).toBeGreaterThan(0.999);
    expect(candidateProbability(0.5)).toBeGreaterThan(0.9);
    expect(candidateProbability(0.02)).toBeLessThan(0.001);
  });
});
