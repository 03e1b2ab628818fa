import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import {
  MAX_ACTION_BODY_BYTES, actionBodyLimit, checkActionHead, checkActionJson, checkFormFields, checkUrl, jsonDepth, type RequestHead,
} from "@/lib/http/request-guard";

function head(overrides: Partial<{ method: string; pathname: string; headers: Record<string, string> }> = {}): RequestHead {
  const headers: Record<string, string> = {
    host: "agora.example", origin: "https://agora.example", "content-length": "120", "content-type": "text/plain;charset=UTF-8", "next-action": "abc",
    ...overrides.headers,
  };
  return { method: overrides.method ?? "POST", pathname: overrides.pathname ?? "/consultations/igf/contribute", header: (name) => headers[name] || null };
}

describe("paths and queries", () => {
  it("refuses percent-encodings that are not UTF-8, and control characters", () => {
    expect(checkUrl("/consultations/igf-2027", "?q=r%C3%A9seau&sort=newest")).toBeNull();
    expect(checkUrl("/consultations/%ff", "")).toEqual({ status: 400, reason: "malformedPath" });
    expect(checkUrl("/api/v1/consultations/%00", "")).toEqual({ status: 400, reason: "malformedPath" });
    expect(checkUrl("/consultations/a/contributions/%c0%af", "")).toEqual({ status: 400, reason: "malformedPath" });
    expect(checkUrl("/consultations/a%", "")).toEqual({ status: 400, reason: "malformedPath" });
    expect(checkUrl("/consultations", "?q=%00")).toEqual({ status: 400, reason: "malformedQuery" });
    expect(checkUrl("/consultations", "?q=%ff")).toEqual({ status: 400, reason: "malformedQuery" });
    // A pasted search may hold a tab or a line break.
    expect(checkUrl("/consultations", "?q=a%09b%0Ac")).toBeNull();
  });
});

describe("server-action requests", () => {
  it("accept what React sends from this site", () => {
    expect(checkActionHead(head())).toBeNull();
    expect(checkActionHead(head({ headers: { "content-type": "multipart/form-data; boundary=x" } }))).toBeNull();
    // A form sent without JavaScript has no Next-Action header; without an Origin (old browsers) it goes on.
    expect(checkActionHead(head({ headers: { "next-action": "", origin: "", "content-type": "multipart/form-data; boundary=x" } }))).toBeNull();
  });

  it("refuse another site's Origin, a missing or excessive length and other content types", () => {
    expect(checkActionHead(head({ headers: { origin: "https://evil.example" } }))).toEqual({ status: 403, reason: "crossOrigin" });
    expect(checkActionHead(head({ headers: { origin: "null" } }))).toEqual({ status: 403, reason: "crossOrigin" });
    expect(checkActionHead(head({ headers: { "content-length": "" } }))?.status).toBe(411);
    expect(checkActionHead(head({ pathname: "/consultations/igf/drafts/programme", headers: { "content-length": String(2 * 1024 * 1024) } }))).toEqual({ status: 413, reason: "tooLarge" });
    expect(checkActionHead(head({ headers: { "content-length": String(59 * 1024 * 1024) } }))).toBeNull();
    expect(checkActionHead(head({ headers: { "content-type": "application/json" } }))).toEqual({ status: 415, reason: "unsupportedType" });
  });

  it("size the body limit per page: 60 MB only where attachments are uploaded", () => {
    expect(actionBodyLimit("/consultations/igf/contribute")).toBe(60 * 1024 * 1024);
    expect(actionBodyLimit("/secretariat/consultations/igf/import")).toBe(12 * 1024 * 1024);
    expect(actionBodyLimit("/secretariat/consultations/igf/drafts/programme")).toBe(12 * 1024 * 1024);
    expect(actionBodyLimit("/consultations/igf/drafts/programme")).toBe(1024 * 1024);
    expect(actionBodyLimit("/secretariat")).toBe(1024 * 1024);
  });

  it("keep Next.js's own limits in step with the largest action body", async () => {
    const nextConfig: unknown = (await import(pathToFileURL(path.resolve("next.config.js")).href)).default;
    const experimental = (nextConfig as { experimental?: { serverActions?: { bodySizeLimit?: string }; proxyClientMaxBodySize?: string } }).experimental;
    const mb = (value: string | undefined) => Number(/^(\d+)mb$/.exec(value ?? "")?.[1] ?? 0) * 1024 * 1024;
    expect(mb(experimental?.serverActions?.bodySizeLimit)).toBe(MAX_ACTION_BODY_BYTES);
    expect(mb(experimental?.proxyClientMaxBodySize)).toBeGreaterThan(MAX_ACTION_BODY_BYTES);
  });

  it("refuse bodies that are not a JSON argument list, too deep, or carry NUL", () => {
    expect(checkActionJson('[{"status":"idle"},"$K1"]')).toBeNull();
    expect(checkActionJson("[1, 2")).toEqual({ status: 400, reason: "malformedBody" });
    expect(checkActionJson('{"a":1}')?.reason).toBe("malformedBody");
    expect(checkActionJson(`${"[".repeat(5000)}${"]".repeat(5000)}`)?.reason).toBe("malformedBody");
    expect(checkActionJson('["a\\u0000b"]')?.reason).toBe("malformedBody");
    expect(jsonDepth('["[[[", {"a": [1]}]')).toBe(3);
    expect(checkFormFields([["body", "fine"], ["0", '["$K1"]']])).toBeNull();
    expect(checkFormFields([["body", "nul\u0000"]])?.reason).toBe("malformedBody");
    expect(checkFormFields([["0", "[[[[oops"]])?.reason).toBe("malformedBody");
  });
});
