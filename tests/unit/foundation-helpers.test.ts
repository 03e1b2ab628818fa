import { describe, expect, it } from "vitest";
import { phaseState, phasesOf, stageOf } from "@/lib/consultations/phases";
import { renderMarkdown, markdownToText } from "@/lib/markdown/render";
import { passwordProblems } from "@/lib/auth/password";
import { parseEnv, EnvError } from "@/lib/env";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { parseDraftMarkdown } from "@/lib/drafts/parse";
import { SignUpSchema } from "@/lib/users/schema";
import { fieldErrorsOf } from "@/lib/result";

const at = (iso: string) => new Date(iso);

describe("consultation phases", () => {
  const open = at("2026-01-01T00:00:00Z");
  const close = at("2026-02-01T00:00:00Z");
  it("is open from the opening instant until just before the closing instant", () => {
    expect(phaseState(open, close, at("2025-12-31T23:59:59Z"))).toBe("upcoming");
    expect(phaseState(open, close, open)).toBe("open");
    expect(phaseState(open, close, at("2026-01-31T23:59:59.999Z"))).toBe("open");
    expect(phaseState(open, close, close)).toBe("closed");
    expect(phaseState(null, close, open)).toBe("unscheduled");
  });
  it("places a consultation on the home page by its phases", () => {
    const dates = { contributionsOpenAt: open, contributionsCloseAt: close, commentsOpenAt: close, commentsCloseAt: at("2026-03-01T00:00:00Z") };
    expect(stageOf(dates, at("2025-06-01T00:00:00Z"))).toBe("upcoming");
    expect(stageOf(dates, at("2026-02-15T00:00:00Z"))).toBe("open");
    expect(stageOf(dates, at("2026-04-01T00:00:00Z"))).toBe("closed");
    expect(phasesOf(dates, at("2026-02-15T00:00:00Z")).map((p) => p.state)).toEqual(["closed", "open"]);
  });
});

describe("markdown rendering", () => {
  it("renders Markdown but never raw HTML or scripts", () => {
    const html = renderMarkdown("**bold** <script>alert(1)</script> <img src=x onerror=alert(1)>\n\n[x](javascript:alert(1))");
    expect(html).toContain("<strong>bold</strong>");
    expect(html).not.toMatch(/<script|<img|href="javascript/i);
    expect(html).toContain("&lt;script&gt;");
  });
  it("marks links nofollow ugc", () => {
    expect(renderMarkdown("[IGF](https://www.intgovforum.org)")).toContain('rel="nofollow ugc noopener"');
  });
  it("extracts plain text", () => {
    expect(markdownToText("# Title\n\nSome *text* & more")).toBe("Title Some text & more");
  });
});

describe("password rules", () => {
  it("accepts a long passphrase and explains what is wrong with weak ones", () => {
    expect(passwordProblems("correct horse battery", "a@b.org")).toEqual([]);
    expect(passwordProblems("short")).toContain("passwordTooShort");
    expect(passwordProblems("password123")).toContain("passwordCommon");
    expect(passwordProblems("aaaaaaaaaaaa")).toContain("passwordRepetitive");
    expect(passwordProblems("my-name-is-jdoe-ok", "jdoe@example.org")).toContain("passwordContainsEmail");
  });
});

describe("sign-up schema", () => {
  const valid = { email: " Ana@Example.ORG ", password: "a long enough passphrase", name: "Ana", organisation: "ISOC", stakeholderGroup: "CIVIL_SOCIETY", country: "br", gender: "" };
  it("normalises email and country", () => {
    const parsed = SignUpSchema.parse(valid);
    expect(parsed.email).toBe("ana@example.org");
    expect(parsed.country).toBe("BR");
    expect(parsed.gender).toBeUndefined();
  });
  it("reports every bad field by name", () => {
    const result = SignUpSchema.safeParse({ ...valid, email: "nope", country: "XX", stakeholderGroup: "ALIENS", organisation: "" });
    expect(result.success).toBe(false);
    if (result.success) return;
    const errors = fieldErrorsOf(result.error);
    expect(errors.email).toContain("emailInvalid");
    expect(errors.country).toContain("countryInvalid");
    expect(errors.stakeholderGroup).toContain("stakeholderGroupRequired");
  });
  it("requires an organisation unless the person takes part as an individual", () => {
    const r1 = SignUpSchema.safeParse({ ...valid, organisation: "" });
    expect(r1.success).toBe(false);
    const r2 = SignUpSchema.safeParse({ ...valid, organisation: "", individual: "on" });
    expect(r2.success).toBe(true);
  });
});

describe("environment", () => {
  it("names each bad variable", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL must be a postgres/);
    try {
      parseEnv({ NODE_ENV: "production", DATABASE_URL: "postgres://x/y" });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(EnvError);
      expect(String(e)).toMatch(/NEXTAUTH_SECRET/);
    }
    expect(parseEnv({ DATABASE_URL: "postgresql://u@h/db", STORAGE_DIR: "" }).STORAGE_DIR).toBe(".data/uploads");
  });
});

describe("callback URLs", () => {
  it("allows only same-site paths", () => {
    expect(safeCallbackUrl("/profile")).toBe("/profile");
    expect(safeCallbackUrl("https://evil.example")).toBe("/");
    expect(safeCallbackUrl("//evil.example")).toBe("/");
    expect(safeCallbackUrl(["/a", "/b"])).toBe("/a");
  });
});

describe("draft numbering", () => {
  it("numbers paragraphs and list items continuously and skips headings", () => {
    const blocks = parseDraftMarkdown("# Title\n\nFirst.\n\n## Part\n\n- one\n- two\n  - nested\n\nLast.");
    expect(blocks.map((b) => [b.kind, b.number, b.text])).toEqual([
      ["HEADING", null, "Title"],
      ["PARAGRAPH", 1, "First."],
      ["HEADING", null, "Part"],
      ["LIST_ITEM", 2, "one"],
      ["LIST_ITEM", 3, "two"],
      ["LIST_ITEM", 4, "nested"],
      ["PARAGRAPH", 5, "Last."],
    ]);
    expect(blocks[3]?.sectionTitle).toBe("Part");
    expect(blocks[5]?.level).toBe(1);
  });
});
