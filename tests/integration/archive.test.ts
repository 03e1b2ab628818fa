// The archive: rounds by year with what they hold; one search across contributions, transcript turns, remote
// messages, reports and published syntheses, filterable by year, theme, group and source; theme trends per year,
// with themes carried by slug or mapped by the secretariat.
import { describe, expect, it, beforeAll } from "vitest";
import { db } from "@/lib/db/client";
import { listArchive, parseArchiveQuery, searchArchive } from "@/lib/archive/service";
import { getThemeTrend, listThemesForMapping, listTrends, setThemeMapping } from "@/lib/archive/trends";
import { runRemoteImport, moderateRemoteMessages } from "@/lib/meetings/remote";
import { saveRapporteurReport } from "@/lib/meetings/sessions";
import { mapSpeaker } from "@/lib/meetings/speakers";
import { buildConsultation, buildUser } from "../fixtures/users";
import { buildPublishedSubmission } from "../fixtures/submissions";
import { buildSession, importFixtureTranscript } from "../fixtures/meetings";
import { readTranscriptFixture } from "../fixtures/transcripts";

const HOUR = 3600_000;
let y2025: Awaited<ReturnType<typeof buildConsultation>>;
let y2026: Awaited<ReturnType<typeof buildConsultation>>;
let sec: Awaited<ReturnType<typeof buildUser>>;

const query = (params: Record<string, string>) => {
  const parsed = parseArchiveQuery(params);
  if (!parsed.ok) throw new Error(parsed.invalid.join());
  return searchArchive(parsed.query);
};

beforeAll(async () => {
  sec = await buildUser({ role: "SECRETARIAT" });
  const opens = (iso: string) => ({ contributionsOpenAt: new Date(iso), contributionsCloseAt: new Date(new Date(iso).getTime() + 60 * 24 * HOUR), commentsOpenAt: null, commentsCloseAt: null });
  y2025 = await buildConsultation({ ...opens("2025-03-01T00:00:00Z"), themes: ["access", "security"] });
  y2026 = await buildConsultation({ ...opens("2026-03-01T00:00:00Z"), themes: ["meaningful-access", "security"] });
  const theme = (c: typeof y2025, slug: string) => c.themes.find((t) => t.slug === slug)?.id ?? "";
  await buildPublishedSubmission({ consultationId: y2025.id, group: "GOVERNMENT", country: "KE", title: "Spectrum for community networks", body: "Shared spectrum lets community networks reach villages.", themeIds: [theme(y2025, "access")] });
  await buildPublishedSubmission({ consultationId: y2025.id, group: "CIVIL_SOCIETY", country: "BR", title: "Encryption", body: "End-to-end encryption must stay the default.", themeIds: [theme(y2025, "security")] });
  await buildPublishedSubmission({ consultationId: y2026.id, group: "PRIVATE_SECTOR", country: "SG", title: "Spectrum auctions", body: "Spectrum auctions should reserve blocks for community networks.", themeIds: [theme(y2026, "meaningful-access")] });
  await buildPublishedSubmission({ consultationId: y2026.id, group: "UNCLASSIFIED", country: "ZZ", title: "A letter on spectrum", body: "A rural library asks for spectrum for community networks.", themeIds: [theme(y2026, "meaningful-access")] });
  await buildPublishedSubmission({ consultationId: y2026.id, group: "TECHNICAL_COMMUNITY", country: "DE", title: "Pending one", body: "Unpublished text about spectrum and community networks.", status: "PENDING", themeIds: [theme(y2026, "meaningful-access")] });

  const session = await buildSession(y2025.id, { title: "Main session on access", chair: "Chengetai Masango", date: new Date("2025-06-24T00:00:00Z") });
  await importFixtureTranscript(sec, session, readTranscriptFixture("main-session-access"));
  await saveRapporteurReport(sec, session.id, { title: "Rapporteur's report", body: "Participants asked regulators to open shared spectrum for community networks." });
  const cerf = await db.speakerAlias.findFirstOrThrow({ where: { key: "VINTON CERF", scope: "" }, include: { speaker: true } });
  await mapSpeaker(sec, cerf.speakerId, { name: "Vinton Cerf", organisation: "Google", stakeholderGroup: "PRIVATE_SECTOR", country: "US", version: cerf.speaker.version });

  const csv = "id,author,message,created_at\nr-1,@lagos_hub,Community networks need spectrum too,2025-06-24 09:00\nr-2,@lagos_hub,Spectrum spam spectrum,2025-06-24 09:05\n";
  await runRemoteImport(sec, y2025.slug, "export.csv", new TextEncoder().encode(csv));
  const first = await db.remoteMessage.findFirstOrThrow({ where: { consultationId: y2025.id, externalId: "r-1" } });
  await moderateRemoteMessages(sec, { verb: "publish", targets: [{ id: first.id, version: first.version }] });
});

describe("archive by year", () => {
  it("lists every public round under its year with its sessions, transcripts and counts", async () => {
    const years = await listArchive();
    const round2025 = years.find((y) => y.year === 2025)?.rounds.find((r) => r.slug === y2025.slug);
    expect(round2025).toMatchObject({ contributions: 2, remoteMessages: 1, synthesis: null });
    expect(round2025?.sessions).toEqual([expect.objectContaining({ title: "Main session on access", turns: 26, report: true })]);
    expect(years.find((y) => y.year === 2026)?.rounds.find((r) => r.slug === y2026.slug)).toMatchObject({ contributions: 2 });
    expect(years.map((y) => y.year)).toEqual([...years.map((y) => y.year)].sort((a, b) => b - a));
  });
});

describe("archive search", () => {
  it("finds a word across contributions, transcripts, remote messages and reports, published ones only", async () => {
    const results = await query({ q: "spectrum" });
    const mine = results.hits.filter((h) => [y2025.slug, y2026.slug].includes(h.consultation.slug));
    expect(new Set(mine.map((h) => h.source))).toEqual(new Set(["contribution", "transcript", "remote", "report"]));
    expect(mine.some((h) => h.title === "Pending one")).toBe(false);
    expect(mine.some((h) => h.excerpt.includes("Spectrum spam"))).toBe(false);
    const turn = mine.find((h) => h.source === "transcript" && h.by === "Vinton Cerf");
    expect(turn).toMatchObject({ year: 2025, group: "PRIVATE_SECTOR" });
    expect(turn?.href).toMatch(new RegExp(`^/consultations/${y2025.slug}/sessions/main-session-on-access#t\\d+$`));
    expect(turn?.excerpt).toContain("\u0001spectrum\u0002");
  });

  it("filters by year, group, source and theme", async () => {
    const y = await query({ q: "spectrum", year: "2026" });
    expect(y.hits.filter((h) => h.consultation.slug === y2025.slug)).toEqual([]);
    expect(y.hits.filter((h) => h.consultation.slug === y2026.slug).map((h) => h.title).sort()).toEqual(["A letter on spectrum", "Spectrum auctions"]);
    const g = await query({ q: "spectrum", group: "PRIVATE_SECTOR" });
    expect(new Set(g.hits.filter((h) => [y2025.slug, y2026.slug].includes(h.consultation.slug)).map((h) => h.source))).toEqual(new Set(["contribution", "transcript"]));
    expect(g.hits.every((h) => h.group === "PRIVATE_SECTOR")).toBe(true);
    const unclassified = await query({ q: "spectrum", group: "UNCLASSIFIED", source: "contribution" });
    expect(unclassified.hits.map((h) => h.title)).toContain("A letter on spectrum");
    const s = await query({ q: "spectrum", source: "remote" });
    expect(s.hits.every((h) => h.source === "remote")).toBe(true);
    expect(s.bySource.contribution).toBeGreaterThan(0);
    const theme = await query({ q: "spectrum", theme: "access" });
    expect(theme.hits.every((h) => h.source === "contribution")).toBe(true);
    expect(theme.hits.map((h) => h.title)).toContain("Spectrum for community networks");
    expect(theme.hits.map((h) => h.title)).not.toContain("Spectrum auctions");
  });

  it("says which filters it did not understand, and searches nothing without words", async () => {
    expect(parseArchiveQuery({ q: "x", year: "last year", source: "tweets" })).toEqual({ ok: false, invalid: ["year", "source"] });
    expect((await searchArchive({ page: 1 })).total).toBe(0);
  });
});

describe("theme trends", () => {
  it("counts a theme's inputs per year by group and region, and follows the secretariat's mapping", async () => {
    const before = await getThemeTrend("access");
    expect(before?.rounds.map((r) => r.slug)).toContain(y2025.slug);
    expect(before?.rounds.map((r) => r.slug)).not.toContain(y2026.slug);
    const themes = await listThemesForMapping(sec);
    const renamed = themes?.find((t) => t.consultationSlug === y2026.slug && t.slug === "meaningful-access");
    if (!renamed) throw new Error("theme");
    expect(await setThemeMapping(await buildUser(), renamed.id, { trendSlug: "access" })).toMatchObject({ ok: false, status: 403 });
    expect(await setThemeMapping(sec, renamed.id, { trendSlug: "Not a slug!" })).toMatchObject({ ok: false, fieldErrors: { trendSlug: ["slugInvalid"] } });
    expect(await setThemeMapping(sec, renamed.id, { trendSlug: "access" })).toMatchObject({ ok: true, data: { trendSlug: "access" } });

    const trend = await getThemeTrend("access");
    const mine = (year: number) => trend?.years.find((y) => y.year === year);
    expect(trend?.rounds.map((r) => r.slug)).toEqual(expect.arrayContaining([y2025.slug, y2026.slug]));
    expect(mine(2025)?.byGroup).toMatchObject({ GOVERNMENT: 1 });
    expect(mine(2026)?.byGroup).toMatchObject({ PRIVATE_SECTOR: 1, UNCLASSIFIED: 1 });
    expect(mine(2026)?.byGroup.TECHNICAL_COMMUNITY).toBeUndefined();
    expect(mine(2026)?.byRegion).toMatchObject({ ASIA_PACIFIC: 1, UNKNOWN: 1 });
    // The archive search follows the mapping too.
    expect((await query({ q: "spectrum", theme: "access" })).hits.map((h) => h.title)).toContain("Spectrum auctions");
    expect(await getThemeTrend("meaningful-access")).toBeNull();
    const access = (await listTrends()).find((tr) => tr.slug === "access");
    expect(access?.rounds).toBeGreaterThanOrEqual(2);
    expect(access?.contributions).toBeGreaterThanOrEqual(3);
    expect((await listTrends()).some((tr) => tr.slug === "meaningful-access")).toBe(false);
    // Unmapped again: it counts under its own slug.
    expect(await setThemeMapping(sec, renamed.id, { trendSlug: "" })).toMatchObject({ ok: true, data: { trendSlug: "meaningful-access" } });
    expect((await getThemeTrend("meaningful-access"))?.rounds.map((r) => r.slug)).toEqual([y2026.slug]);
    expect(await db.auditEvent.count({ where: { action: "archive.theme.map", entityId: renamed.id } })).toBe(2);
  });
});
