import { describe, expect, it } from "vitest";
import { checkAttachment, cleanFilename, isUtf8Text } from "@/lib/submissions/attachments";
import { decodeCursor, encodeCursor, interleave, type Row } from "@/lib/submissions/cursor";
import { csvLines } from "@/lib/submissions/csv";
import { guessLanguage } from "@/lib/submissions/language";
import { formatReference } from "@/lib/submissions/reference";
import { contributionSchema, draftSchema } from "@/lib/submissions/schema";
import { fieldErrorsOf } from "@/lib/result";
import { identityOf, nextGroupChangeAt } from "@/lib/identity/rules";
import { normaliseKey } from "@/lib/import/parse";
import type { StakeholderGroup } from "@/lib/db/generated/enums";

const valid = {
  title: "A title", body: "A body that is long enough to pass.", themes: ["access"], language: "en", onBehalfOf: "SELF", visibility: "PUBLIC_NAMED",
  idempotencyKey: "abcdefgh-1234", keepAttachments: [], attachments: [],
};

describe("contribution schema", () => {
  const schema = contributionSchema(["access", "security"]);
  it("accepts a valid contribution and trims and deduplicates", () => {
    const parsed = schema.parse({ ...valid, title: "  A title ", themes: ["access", "access"] });
    expect(parsed.title).toBe("A title");
    expect(parsed.themes).toEqual(["access"]);
  });
  it("accepts a single theme sent as a string (one checkbox)", () => {
    expect(schema.parse({ ...valid, themes: "security" }).themes).toEqual(["security"]);
  });
  it("reports each bad field with an i18n key", () => {
    const result = schema.safeParse({ ...valid, title: "", body: "short", themes: ["x"], language: "klingon", visibility: "SECRET", attachments: [{ name: "a.exe", size: 3 }] });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(fieldErrorsOf(result.error)).toMatchObject({
      title: ["titleRequired"], body: ["bodyTooShort"], themes: ["themeUnknown"], language: ["languageInvalid"], visibility: ["visibilityInvalid"], attachments: ["attachmentType"],
    });
  });
  it("refuses oversized, broken and too many", () => {
    const errors = (v: Record<string, unknown>) => {
      const r = schema.safeParse({ ...valid, ...v });
      return r.success ? {} : fieldErrorsOf(r.error);
    };
    expect(errors({ body: "x".repeat(100_001) }).body).toEqual(["bodyTooLong"]);
    expect(errors({ body: `lone surrogate \uD800 in a long enough text` }).body).toEqual(["invalidText"]);
    expect(errors({ title: "nul\u0000byte" }).title).toEqual(["invalidText"]);
    expect(errors({ attachments: Array.from({ length: 6 }, (_, i) => ({ name: `${i}.pdf`, size: 10 })) }).attachments).toEqual(["tooManyAttachments"]);
    expect(errors({ keepAttachments: ["a", "b", "c"], attachments: Array.from({ length: 3 }, (_, i) => ({ name: `${i}.pdf`, size: 10 })) }).attachments).toEqual(["tooManyAttachments"]);
    expect(errors({ attachments: [{ name: "big.pdf", size: 10 * 1024 * 1024 + 1 }] }).attachments).toEqual(["attachmentTooLarge"]);
    expect(errors({ idempotencyKey: "" }).idempotencyKey).toEqual(["invalidRequest"]);
  });
  it("lets a draft be incomplete but not oversized", () => {
    const draft = draftSchema(["access"]);
    expect(draft.safeParse({ title: "", body: "", themes: [], language: "fr", onBehalfOf: "SELF", visibility: "PUBLIC_NAMED" }).success).toBe(true);
    expect(draft.safeParse({ title: "x".repeat(201), body: "", themes: [], language: "fr", onBehalfOf: "SELF", visibility: "PUBLIC_NAMED" }).success).toBe(false);
  });
});

describe("attachments are checked by content", () => {
  const pdf = new TextEncoder().encode("%PDF-1.4\n%%EOF\n");
  it("accepts a real PDF and UTF-8 text, with a sha256", async () => {
    const result = await checkAttachment("paper.PDF", pdf);
    expect(result).toMatchObject({ ok: true, value: { mimeType: "application/pdf", filename: "paper.PDF" } });
    expect(await checkAttachment("notes.md", new TextEncoder().encode("# Hello — مرحبا"))).toMatchObject({ ok: true, value: { mimeType: "text/markdown; charset=utf-8" } });
  });
  it("refuses a file that lies about its type, invalid UTF-8 and unknown types", async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    expect(await checkAttachment("paper.pdf", png)).toEqual({ ok: false, error: "attachmentMismatch" });
    expect(await checkAttachment("paper.docx", pdf)).toEqual({ ok: false, error: "attachmentMismatch" });
    expect(await checkAttachment("notes.txt", pdf)).toEqual({ ok: false, error: "attachmentMismatch" });
    expect(await checkAttachment("notes.txt", new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x21]))).toEqual({ ok: false, error: "attachmentNotUtf8" });
    expect(await checkAttachment("run.exe", pdf)).toEqual({ ok: false, error: "attachmentType" });
  });
  it("cleans file names of paths and control characters", () => {
    expect(cleanFilename("C:\\Users\\me\\..\\evil\"name\u0007.pdf")).toBe("evilname.pdf");
    expect(cleanFilename("../../etc/passwd")).toBe("passwd");
    expect(isUtf8Text(new TextEncoder().encode("ok"))).toBe(true);
  });
});

describe("balanced order", () => {
  const rows = (group: StakeholderGroup, n: number): Row[] => Array.from({ length: n }, (_, i) => ({ group, id: `${group}-${i}`, at: `2026-01-0${9 - i}T00:00:00.000Z` }));
  it("takes one of each group in turn, skipping groups that ran out, and resumes from the cursor", () => {
    const lists = new Map<StakeholderGroup, Row[]>([["GOVERNMENT", rows("GOVERNMENT", 1)], ["CIVIL_SOCIETY", rows("CIVIL_SOCIETY", 6)], ["ACADEMIC_COMMUNITY", rows("ACADEMIC_COMMUNITY", 2)]]);
    const first = interleave(lists, 5, 0, {});
    expect(first.page.map((r) => r.id)).toEqual(["GOVERNMENT-0", "CIVIL_SOCIETY-0", "ACADEMIC_COMMUNITY-0", "CIVIL_SOCIETY-1", "ACADEMIC_COMMUNITY-1"]);
    expect(first.next).toMatchObject({ sort: "balanced", next: 5, after: { CIVIL_SOCIETY: { id: "CIVIL_SOCIETY-1" }, ACADEMIC_COMMUNITY: { id: "ACADEMIC_COMMUNITY-1" } } });
    const done = interleave(new Map([["CIVIL_SOCIETY", rows("CIVIL_SOCIETY", 2)]]), 5, 5, {});
    expect(done.page).toHaveLength(2);
    expect(done.next).toBeNull();
  });
  it("round-trips cursors and refuses forged or foreign ones", () => {
    const cursor = { sort: "newest" as const, after: { at: "2026-01-01T00:00:00.000Z", id: "abc" } };
    expect(decodeCursor(encodeCursor(cursor), "newest")).toEqual(cursor);
    expect(decodeCursor(encodeCursor(cursor), "oldest")).toBeNull();
    expect(decodeCursor("%%%", "newest")).toBeNull();
    expect(decodeCursor(encodeCursor({ sort: "newest", after: { at: "yesterday", id: "x" } }), "newest")).toBeNull();
    expect(decodeCursor(Buffer.from(JSON.stringify({ sort: "balanced", next: 9, after: {} })).toString("base64url"), "balanced")).toBeNull();
  });
});

describe("small helpers", () => {
  it("formats references", () => expect(formatReference("IGF", 42)).toBe("IGF-000042"));
  it("guesses the language of a text for the form's default", () => {
    expect(guessLanguage("نحتاج إلى الوصول الميسور إلى الإنترنت", "en")).toBe("ar");
    expect(guessLanguage("Les coupures d'Internet pendant les élections privent les citoyens", "en")).toBe("fr");
    expect(guessLanguage("The access to the network is a priority for the region", "fr")).toBe("en");
    expect(guessLanguage("ok", "fr")).toBe("fr");
  });
  it("snapshots the contributor and picks the cap key", () => {
    const user = { id: "u1", name: "Ana", stakeholderGroup: "CIVIL_SOCIETY" as const, groupVerifiedAt: null, country: "BR", gender: null };
    const org = { id: "o1", name: "Org", stakeholderGroup: "PRIVATE_SECTOR" as const, verified: false, approvedVia: "MANAGER" as const };
    expect(identityOf(user, "ORGANISATION", org)).toMatchObject({ contributorKey: "org:o1", organisationName: "Org", region: "LATIN_AMERICAN_AND_CARIBBEAN", developing: true });
    expect(identityOf(user, "SELF", org)).toMatchObject({ contributorKey: "user:u1", organisationName: null, onBehalfOf: "SELF" });
    expect(identityOf(user, "ORGANISATION", null)).toMatchObject({ contributorKey: "user:u1", onBehalfOf: "SELF" });
  });
  it("takes the group from a verified organisation, else from the declaration, and says what verified it", () => {
    const user = { id: "u1", name: "Ana", stakeholderGroup: "CIVIL_SOCIETY" as const, groupVerifiedAt: null, country: "KE", gender: null };
    const org = { id: "o1", name: "Org", stakeholderGroup: "PRIVATE_SECTOR" as const, verified: true, approvedVia: "MANAGER" as const };
    // an unverified organisation: the member's own group, self-declared
    expect(identityOf(user, "ORGANISATION", { ...org, verified: false })).toMatchObject({ stakeholderGroup: "CIVIL_SOCIETY", groupVerified: false, groupVerifiedBy: "NONE" });
    expect(identityOf(user, "ORGANISATION", org)).toMatchObject({ stakeholderGroup: "PRIVATE_SECTOR", groupVerified: true, groupVerifiedBy: "ORGANISATION" });
    expect(identityOf(user, "ORGANISATION", { ...org, approvedVia: "DOMAIN" })).toMatchObject({ groupVerified: true, groupVerifiedBy: "DOMAIN" });
    const verifiedUser = { ...user, groupVerifiedAt: new Date() };
    expect(identityOf(verifiedUser, "SELF", org)).toMatchObject({ stakeholderGroup: "CIVIL_SOCIETY", groupVerified: true, groupVerifiedBy: "SECRETARIAT" });
    expect(identityOf(verifiedUser, "ORGANISATION", { ...org, verified: false })).toMatchObject({ stakeholderGroup: "CIVIL_SOCIETY", groupVerifiedBy: "SECRETARIAT" });
  });
  it("allows one change of declared group per 30 days", () => {
    const now = new Date("2026-12-02T00:00:00Z");
    expect(nextGroupChangeAt(null, now)).toBeNull();
    expect(nextGroupChangeAt(new Date("2026-11-01T00:00:00Z"), now)).toBeNull();
    expect(nextGroupChangeAt(new Date("2026-11-20T00:00:00Z"), now)).toEqual(new Date("2026-12-20T00:00:00Z"));
  });
  it("writes RFC 4180 CSV", () => {
    expect(csvLines([["a,b", 'say "hi"', "line\nbreak", "plain"]])).toBe('"a,b","say ""hi""","line\nbreak",plain\r\n');
  });
  it("normalises import column names", () => {
    expect(["contributorName", "Contributor name", "contributor_name", "stakeholder-group"].map(normaliseKey)).toEqual(["contributor_name", "contributor_name", "contributor_name", "stakeholder_group"]);
  });
});
