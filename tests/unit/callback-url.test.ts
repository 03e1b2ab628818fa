// callbackUrl and every redirect: same-site paths only, parsed with the URL parser; control characters refused.
import { describe, expect, it } from "vitest";
import { safeCallbackUrl, safeRedirect } from "@/lib/auth/callback-url";

describe("safeCallbackUrl", () => {
  it("keeps same-site paths with their query and fragment", () => {
    expect(safeCallbackUrl("/consultations/igf?x=1#p3")).toBe("/consultations/igf?x=1#p3");
    expect(safeCallbackUrl(["/profile", "/evil"])).toBe("/profile");
  });

  it.each([
    "/%09/evil.example", "/%0a/evil.example", "/\t/evil.example", "//evil.example", "/\\evil.example", "/%5Cevil.example",
    "https://evil.example/", "javascript:alert(1)", "evil.example", "/%2F/evil.example", "", "/%E0%A4%A", "/\u0000x",
  ])("refuses %j", (value) => {
    expect(safeCallbackUrl(value, "/home")).toBe("/home");
  });

  it("refuses what is not a string", () => {
    expect(safeCallbackUrl(undefined)).toBe("/");
    expect(safeCallbackUrl(42)).toBe("/");
  });
});

describe("safeRedirect (next-auth's redirect callback)", () => {
  const base = "http://localhost:3000";
  it("keeps this site's URLs and paths, sends anything else home", () => {
    expect(safeRedirect("/profile", base)).toBe(`${base}/profile`);
    expect(safeRedirect(`${base}/my/contributions?x=1`, base)).toBe(`${base}/my/contributions?x=1`);
    expect(safeRedirect("https://evil.example/phish", base)).toBe(base);
    expect(safeRedirect("/%09/evil.example", base)).toBe(`${base}/`);
  });
});
