// The open-data API answers as docs/api.md says: published items only, no private fields, 400s for bad parameters.
import { describe, expect, it } from "vitest";
import { GET as listConsultations } from "@/app/api/v1/consultations/route";
import { GET as getConsultation } from "@/app/api/v1/consultations/[slug]/route";
import { GET as listSubmissions } from "@/app/api/v1/consultations/[slug]/submissions/route";
import { GET as exportCsv } from "@/app/api/v1/consultations/[slug]/submissions.csv/route";
import { buildConsultation, buildUser } from "../fixtures/users";
import { buildPublishedSubmission } from "../fixtures/submissions";

const BASE = "http://agora.test";
const params = (slug: string) => ({ params: Promise.resolve({ slug }) });

describe("GET /api/v1/consultations", () => {
  it("lists published consultations only, with links and counts", async () => {
    const c = await buildConsultation({ slug: "api-open" });
    await buildConsultation({ slug: "api-draft", status: "DRAFT" });
    await buildPublishedSubmission({ consultationId: c.id });
    const res = await listConsultations(new Request(`${BASE}/api/v1/consultations`));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: { slug: string; publishedContributions: number; submissionsUrl: string; stage: string }[] };
    const slugs = body.items.map((i) => i.slug);
    expect(slugs).toContain("api-open");
    expect(slugs).not.toContain("api-draft");
    expect(body.items.find((i) => i.slug === "api-open")).toMatchObject({ publishedContributions: 1, stage: "open", submissionsUrl: `${BASE}/api/v1/consultations/api-open/submissions` });
  });
});

describe("GET /api/v1/consultations/{slug}", () => {
  it("returns themes and counts by group and region, and 404 JSON for unknown or unpublished", async () => {
    const c = await buildConsultation({ slug: "api-one" });
    await buildPublishedSubmission({ consultationId: c.id, group: "GOVERNMENT", country: "KE" });
    const res = await getConsultation(new Request(`${BASE}/api/v1/consultations/api-one`), params("api-one"));
    const body = (await res.json()) as { themes: { slug: string }[]; publishedContributions: { total: number; byGroup: Record<string, number>; byRegion: Record<string, number> } };
    expect(body.themes.map((t) => t.slug)).toEqual(["access", "security"]);
    expect(body.publishedContributions).toMatchObject({ total: 1, byGroup: { GOVERNMENT: 1 }, byRegion: { AFRICAN: 1 } });
    await buildConsultation({ slug: "api-hidden", status: "DRAFT" });
    const missing = await getConsultation(new Request(`${BASE}/api/v1/consultations/api-hidden`), params("api-hidden"));
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: "not_found" });
  });
});

describe("GET /api/v1/consultations/{slug}/submissions", () => {
  it("pages published contributions with a cursor and never shows private fields", async () => {
    const c = await buildConsultation({ slug: "api-subs" });
    const author = await buildUser({ email: "private.author@test.example", name: "Private Author" });
    await buildPublishedSubmission({ consultationId: c.id, authorId: author.id, contributorName: "Private Author", organisationName: "Hidden Org", anonymous: true });
    await buildPublishedSubmission({ consultationId: c.id, authorId: author.id, contributorName: "Named Person", organisationName: "Known Org" });
    await buildPublishedSubmission({ consultationId: c.id, title: "Pending one", status: "PENDING" });
    const first = await listSubmissions(new Request(`${BASE}/api/v1/consultations/api-subs/submissions?limit=1`), params("api-subs"));
    expect(first.status).toBe(200);
    const page1 = (await first.json()) as { items: Record<string, unknown>[]; nextCursor: string | null; next: string | null };
    expect(page1.items).toHaveLength(1);
    expect(page1.next).toContain("cursor=");
    const second = await listSubmissions(new Request(page1.next ?? ""), params("api-subs"));
    const page2 = (await second.json()) as { items: Record<string, unknown>[]; nextCursor: string | null };
    expect(page2.nextCursor).toBeNull();
    const items = [...page1.items, ...page2.items];
    expect(items.map((i) => i.title)).not.toContain("Pending one");
    const text = JSON.stringify(items);
    expect(text).not.toContain("private.author@test.example");
    expect(text).not.toContain(author.id);
    expect(text).not.toContain("Private Author");
    expect(text).not.toContain("Hidden Org");
    expect(text).toContain("Known Org");
    expect(items.find((i) => i.anonymous === true)).toMatchObject({ contributorName: null, organisationName: null });
    expect(Object.keys(items[0] ?? {})).not.toEqual(expect.arrayContaining(["email", "authorId", "contributorKey", "gender"]));
  });

  it("answers 400 JSON naming the bad parameters", async () => {
    await buildConsultation({ slug: "api-bad" });
    const res = await listSubmissions(new Request(`${BASE}/api/v1/consultations/api-bad/submissions?sort=random&limit=0&cursor=xyz`), params("api-bad"));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: "invalid_parameters", details: { parameters: ["sort", "limit"] } });
    const cursor = await listSubmissions(new Request(`${BASE}/api/v1/consultations/api-bad/submissions?cursor=xyz`), params("api-bad"));
    expect(cursor.status).toBe(400);
    expect(await cursor.json()).toMatchObject({ details: { parameters: ["cursor"] } });
    const none = await listSubmissions(new Request(`${BASE}/api/v1/consultations/nope/submissions`), params("nope"));
    expect(none.status).toBe(404);
  });
});

describe("GET /api/v1/consultations/{slug}/submissions.csv", () => {
  it("streams RFC 4180 CSV in UTF-8 with a BOM, with the same filters", async () => {
    const c = await buildConsultation({ slug: "api-csv" });
    await buildPublishedSubmission({ consultationId: c.id, title: "Quotes \"and\", commas", body: "Line one\nline two — مرحبا", group: "GOVERNMENT" });
    await buildPublishedSubmission({ consultationId: c.id, title: "Other group", group: "CIVIL_SOCIETY" });
    await buildPublishedSubmission({ consultationId: c.id, title: "Not yet", status: "PENDING", group: "GOVERNMENT" });
    const res = await exportCsv(new Request(`${BASE}/api/v1/consultations/api-csv/submissions.csv?group=GOVERNMENT`), params("api-csv"));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const lines = text.split("\r\n");
    expect(lines[0]).toMatch(/^reference,url,title,body,/);
    expect(text).toContain('"Quotes ""and"", commas"');
    expect(text).toContain('"Line one\nline two — مرحبا"');
    expect(text).not.toContain("Other group");
    expect(text).not.toContain("Not yet");
    expect(text.endsWith("\r\n")).toBe(true);
    const bad = await exportCsv(new Request(`${BASE}/api/v1/consultations/api-csv/submissions.csv?region=MARS`), params("api-csv"));
    expect(bad.status).toBe(400);
  });
});
