// What anyone sees of moderation on the public pages: a hidden contribution keeps its place as the secretariat's
// notice (never its text), campaign and over-balance flags, and a held contribution published once the phase closed.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { test, expect } from "./fixtures";
import { E2E_PG_PORT } from "./env.ts";

const DB_URL = `postgresql://agora:agora@127.0.0.1:${E2E_PG_PORT}/agora`;
const SLUG = `closed-round-${randomUUID().slice(0, 6)}`;
const SECRET = "Text naming a private person quetzalword";
const REASON = "Personal data of a third person";
const ref = (n: number) => `PM-${SLUG}-${n}`;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  // Its own closed consultation, so the seed's counts that other specs check stay as they are.
  const client = new pg.Client({ connectionString: DB_URL });
  await client.connect();
  try {
    const cid = randomUUID();
    await client.query(
      `INSERT INTO "Consultation" (id, slug, title, description, status, "contributionsOpenAt", "contributionsCloseAt", "updatedAt")
       VALUES ($1, $2, 'Closed round for moderation checks', 'A closed round.', 'PUBLISHED', now() - interval '2 days', now() - interval '1 hour', now())`,
      [cid, SLUG],
    );
    await client.query(`INSERT INTO "BalancePolicy" (id, "consultationId", "updatedAt") VALUES ($1, $2, now())`, [randomUUID(), cid]);
    const campaign = randomUUID();
    await client.query(`INSERT INTO "Campaign" (id, "consultationId", label) VALUES ($1, $2, 'Same text')`, [campaign, cid]);
    const insert = (n: number, status: string, title: string, body: string, extra: { campaign?: string; note?: string }) =>
      client.query(
        `INSERT INTO "Submission" (id, reference, "consultationId", "contributorKey", "contributorName", "stakeholderGroup", country, region, developing, title, body, language, status, "campaignId", "moderationNote", "submittedAt", "publishedAt", "updatedAt")
         VALUES ($1, $2, $3, $4, 'Test Contributor', 'CIVIL_SOCIETY', 'BR', 'LATIN_AMERICAN_AND_CARIBBEAN', true, $5, $6, 'en', $7, $8, $9, now() - interval '1 day', $10, now())`,
        [randomUUID(), ref(n), cid, `name:${randomUUID()}`, title, body, status, extra.campaign ?? null, extra.note ?? null, status === "HELD_FOR_BALANCE" ? null : new Date(Date.now() - 20 * 3600_000 + n * 60_000)],
      );
    await insert(1, "PUBLISHED", "Open spectrum for community networks", "Community networks need open spectrum.", { campaign });
    await insert(2, "HIDDEN", "Secret headline", SECRET, { campaign, note: REASON });
    await insert(3, "HELD_FOR_BALANCE", "Held until the round closed", "Accepted while the cap was reached.", {});
    // What the minute's cron tick does: settle every consultation whose phase closed with inputs held.
    await client.query(`SELECT graphile_worker.add_job('balance.settleClosed', '{}'::json)`);
  } finally {
    await client.end();
  }
});

test("the public list and page show a hidden contribution as the notice, campaign and over-balance flags", async ({ page, axe }) => {
  // The round closed with an input still held: the balance job publishes it (over balance) within moments of the
  // close (here, of the cron tick this enqueues); no page view does it.
  await expect(async () => {
    await page.goto(`/consultations/${SLUG}/contributions?sort=oldest`);
    await expect(page.getByText("3 contributions")).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  const items = page.locator("main ol > li");
  await expect(items).toHaveCount(3);
  await expect(items.nth(1)).toContainText(`Hidden by the secretariat: ${REASON}`);
  await expect(items.nth(1).getByRole("link", { name: `Contribution ${ref(2)} (hidden)` })).toBeVisible();
  await expect(items.nth(0)).toContainText("Part of a campaign of 2 near-identical inputs");
  // The held contribution is listed, flagged over balance, because the round has closed.
  await expect(items.nth(2)).toContainText("Held until the round closed");
  await expect(items.nth(2).getByTestId("over-balance")).toBeVisible();
  await expect(page.getByText(/quetzalword|Secret headline/)).toHaveCount(0);
  await axe();

  await items.nth(1).getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1, name: `Contribution ${ref(2)} (hidden)` })).toBeVisible();
  await expect(page.getByText(`Hidden by the secretariat: ${REASON}`)).toBeVisible();
  await expect(page.getByText(/quetzalword|Secret headline/)).toHaveCount(0);
  await axe();

  const csv = await page.request.get(`/api/v1/consultations/${SLUG}/submissions.csv`);
  expect(await csv.text()).not.toContain("quetzalword");
});
