// What the public sees of moderation: hidden contributions listed as a notice without their text (pages, API, CSV),
// campaign and over-balance flags, and held contributions published by the balance job once the phase has closed (never
// by whoever loads the list).
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { GET as listSubmissions } from "@/app/api/v1/consultations/[slug]/submissions/route";
import { GET as exportCsv } from "@/app/api/v1/consultations/[slug]/submissions.csv/route";
import { parse } from "csv-parse/sync";
import {
  contributionCounts, getPublicAttachment, getPublishedContribution, loadPublicContributions, parseListQuery,
} from "@/lib/submissions/public";
import { buildConsultation } from "../fixtures/users";
import { buildPublishedSubmission } from "../fixtures/submissions";
import { buildSubmission, setPolicy } from "../fixtures/moderation";
import { buildAttachmentRow, buildCampaign, hideAsSecretariat } from "../fixtures/public-moderation";
import { runJobs } from "../fixtures/jobs";

const BASE = "http://agora.test";
const HOUR = 3600_000;
const params = (slug: string) => ({ params: Promise.resolve({ slug }) });

function query(values: Record<string, string> = {}) {
  const parsed = parseListQuery(new URLSearchParams(values));
  if (!parsed.ok) throw new Error(parsed.invalid.join(","));
  return parsed;
}

async function load(consultationId: string, values: Record<string, string> = {}) {
  const { query: q, cursor } = query(values);
  return loadPublicContributions(consultationId, q, cursor, { withTotal: true });
}

/** A consultation with one published and one hidden contribution (the hidden one has an attachment and a secret word). */
async function withHidden() {
  const c = await buildConsultation();
  const shown = await buildPublishedSubmission({ consultationId: c.id, group: "GOVERNMENT", body: "Visible text about zanzibarian spectrum policy." });
  const hidden = await buildPublishedSubmission({ consultationId: c.id, group: "CIVIL_SOCIETY", title: "Secret headline", body: "Text naming a private person: quetzalword." });
  await buildAttachmentRow(hidden.id, "private-annex.pdf");
  await hideAsSecretariat("SUBMISSION", hidden.id, "Personal data of a third person");
  return { c, shown, hidden };
}

describe("hidden contributions in public lists and pages", () => {
  it("lists a hidden contribution in every order with the secretariat's reason and never its title, text or attachments", async () => {
    const { c, shown, hidden } = await withHidden();
    for (const sort of ["newest", "oldest", "balanced"]) {
      const page = await load(c.id, { sort });
      expect(page.items.map((i) => i.reference).sort()).toEqual([shown.reference, hidden.reference].sort());
      expect(page.total).toEqual({ count: 2, capped: false });
      const item = page.items.find((i) => i.reference === hidden.reference);
      expect(item).toMatchObject({ hidden: true, hiddenReason: "Personal data of a third person", title: null, body: null, attachments: [], stakeholderGroup: "CIVIL_SOCIETY" });
      expect(JSON.stringify(item)).not.toMatch(/quetzalword|Secret headline|private-annex/);
      expect(page.items.find((i) => i.reference === shown.reference)).toMatchObject({ hidden: false, hiddenReason: null, title: shown.title });
    }
  });

  it("keeps the hidden item's place in keyset pages without gaps or repeats", async () => {
    const c = await buildConsultation();
    const made = [];
    for (let i = 0; i < 6; i++) made.push(await buildPublishedSubmission({ consultationId: c.id, group: i % 2 ? "GOVERNMENT" : "TECHNICAL_COMMUNITY" }));
    const [first, , third] = made;
    if (!first || !third) throw new Error("setup");
    await hideAsSecretariat("SUBMISSION", first.id, "Off topic");
    await hideAsSecretariat("SUBMISSION", third.id, "Off topic");
    for (const sort of ["newest", "oldest", "balanced"]) {
      const seen: string[] = [];
      let cursor: string | null = null;
      for (let n = 0; n < 10; n++) {
        const page = await load(c.id, { sort, limit: "2", ...(cursor ? { cursor } : {}) });
        seen.push(...page.items.map((i) => i.reference));
        cursor = page.nextCursor;
        if (!cursor) break;
      }
      expect(seen).toHaveLength(6);
      expect(new Set(seen)).toEqual(new Set(made.map((m) => m.reference)));
      if (sort === "oldest") expect(seen).toEqual(made.map((m) => m.reference));
    }
  });

  it("never finds a hidden contribution by its text, and highlights only published ones", async () => {
    const { c, shown } = await withHidden();
    const secret = await load(c.id, { q: "quetzalword" });
    expect(secret.items).toEqual([]);
    expect(secret.total).toEqual({ count: 0, capped: false });
    const found = await load(c.id, { q: "zanzibarian" });
    expect(found.items.map((i) => i.reference)).toEqual([shown.reference]);
    expect(found.items[0]?.highlight).toContain("\u0001zanzibarian\u0002");
  });

  it("shows the notice on the contribution's own page, refuses its attachments, and counts only published inputs", async () => {
    const { c, hidden } = await withHidden();
    const page = await getPublishedContribution(c.slug, hidden.reference);
    expect(page).toMatchObject({ hidden: true, hiddenReason: "Personal data of a third person", title: null, body: null, attachments: [] });
    const attachment = await db.attachment.findFirstOrThrow({ where: { submissionId: hidden.id } });
    expect(await getPublicAttachment(c.slug, hidden.reference, attachment.id)).toBeNull();
    // Shares describe what the public can read: the hidden input is listed but not counted.
    const counts = await contributionCounts(c.id);
    expect(counts).toMatchObject({ total: 1, byGroup: { GOVERNMENT: 1, CIVIL_SOCIETY: 0 } });
  });
});

describe("open data: hidden, campaign and over-balance", () => {
  it("API and CSV mark hidden items with their reason and without title, body or attachments", async () => {
    const { c, hidden } = await withHidden();
    const res = await listSubmissions(new Request(`${BASE}/api/v1/consultations/${c.slug}/submissions?sort=oldest`), params(c.slug));
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toMatch(/quetzalword|Secret headline|private-annex/);
    const body = JSON.parse(text) as { items: Record<string, unknown>[] };
    expect(body.items.find((i) => i.reference === hidden.reference)).toMatchObject({
      hidden: true, hiddenReason: "Personal data of a third person", title: null, body: null, attachments: [], overBalance: false, campaign: null,
    });

    const csv = await exportCsv(new Request(`${BASE}/api/v1/consultations/${c.slug}/submissions.csv`), params(c.slug));
    const csvText = await csv.text();
    expect(csvText).not.toMatch(/quetzalword|Secret headline|private-annex/);
    const rows = parse(csvText.replace(/^\uFEFF/, ""), { columns: true }) as Record<string, string>[];
    expect(rows.find((r) => r.reference === hidden.reference)).toMatchObject({
      title: "", body: "", attachments: "", hidden: "true", hidden_reason: "Personal data of a third person", over_balance: "false", campaign_id: "", campaign_size: "",
    });
  });

  it("API and CSV carry the campaign (id and size) and the over-balance flag", async () => {
    const c = await buildConsultation();
    const a = await buildPublishedSubmission({ consultationId: c.id });
    const b = await buildPublishedSubmission({ consultationId: c.id });
    const pending = await buildSubmission({ consultationId: c.id, status: "PENDING" });
    const loner = await buildPublishedSubmission({ consultationId: c.id });
    const campaign = await buildCampaign(c.id, [a.id, b.id, pending.id]);
    await db.submission.update({ where: { id: loner.id }, data: { overBalance: true } });

    const res = await listSubmissions(new Request(`${BASE}/api/v1/consultations/${c.slug}/submissions`), params(c.slug));
    const items = ((await res.json()) as { items: { reference: string; campaign: unknown; overBalance: boolean }[] }).items;
    expect(items).toHaveLength(3);
    expect(items.find((i) => i.reference === a.reference)).toMatchObject({ campaign: { id: campaign.id, size: 3 }, overBalance: false });
    expect(items.find((i) => i.reference === loner.reference)).toMatchObject({ campaign: null, overBalance: true });

    const csv = await exportCsv(new Request(`${BASE}/api/v1/consultations/${c.slug}/submissions.csv`), params(c.slug));
    const rows = parse((await csv.text()).replace(/^\uFEFF/, ""), { columns: true }) as Record<string, string>[];
    expect(rows.find((r) => r.reference === b.reference)).toMatchObject({ campaign_id: campaign.id, campaign_size: "3", over_balance: "false", hidden: "false" });
    expect(rows.find((r) => r.reference === loner.reference)).toMatchObject({ campaign_id: "", over_balance: "true" });

    const page = await getPublishedContribution(c.slug, a.reference);
    expect(page?.campaign).toEqual({ id: campaign.id, size: 3 });
  });
});

describe("held contributions after the phase has closed", () => {
  it("a list load changes nothing; the scheduled balance job publishes them, flagged over balance, once", async () => {
    const c = await buildConsultation({ contributionsOpenAt: new Date(Date.now() - 48 * HOUR), contributionsCloseAt: new Date(Date.now() - HOUR) });
    const held = await buildSubmission({ consultationId: c.id, status: "HELD_FOR_BALANCE", group: "PRIVATE_SECTOR" });
    // A read takes no lock and writes nothing: the held item is not listed yet and is still held.
    expect((await load(c.id)).items).toEqual([]);
    const res = await listSubmissions(new Request(`${BASE}/api/v1/consultations/${c.slug}/submissions`), params(c.slug));
    expect(((await res.json()) as { items: unknown[] }).items).toEqual([]);
    expect(await db.submission.findUniqueOrThrow({ where: { id: held.id } })).toMatchObject({ status: "HELD_FOR_BALANCE" });

    // The cron tick (every minute) finds the closed phase with held inputs.
    await db.$executeRaw`SELECT graphile_worker.add_job('balance.settleClosed', '{}'::json)`;
    await runJobs();
    const page = await load(c.id);
    expect(page.items.map((i) => i.reference)).toEqual([held.reference]);
    expect(page.items[0]).toMatchObject({ overBalance: true, hidden: false });
    expect(await db.submission.findUniqueOrThrow({ where: { id: held.id } })).toMatchObject({ status: "PUBLISHED", overBalance: true });
    expect(await db.moderationEvent.count({ where: { submissionId: held.id, action: "PUBLISH_OVER_BALANCE" } })).toBe(1);
    // Running again changes nothing.
    await db.$executeRaw`SELECT graphile_worker.add_job('balance.settleClosed', '{}'::json)`;
    await runJobs();
    expect(await db.moderationEvent.count({ where: { submissionId: held.id } })).toBe(1);
  });

  it("while the phase is open a held item stays held if its group has no room", async () => {
    const open = await buildConsultation();
    await setPolicy(open.id, { maxGroupShare: 0.4, minSample: 2 });
    for (let i = 0; i < 3; i++) await buildPublishedSubmission({ consultationId: open.id, group: "CIVIL_SOCIETY" });
    const waiting = await buildSubmission({ consultationId: open.id, status: "HELD_FOR_BALANCE", group: "CIVIL_SOCIETY" });
    await db.$executeRaw`SELECT graphile_worker.add_job('balance.settle', ${JSON.stringify({ consultationId: open.id })}::json)`;
    await runJobs();
    const page = await load(open.id);
    expect(page.items.map((i) => i.reference)).not.toContain(waiting.reference);
    expect(await db.submission.findUniqueOrThrow({ where: { id: waiting.id } })).toMatchObject({ status: "HELD_FOR_BALANCE" });
  });
});
