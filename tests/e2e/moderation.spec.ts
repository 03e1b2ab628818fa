// The secretariat moderates with the keyboard (publish one, reject one with a reason); the author sees the outcome.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { test, expect, signIn, demoAccount } from "./fixtures";
import { E2E_PG_PORT } from "./env.ts";

const DB_URL = `postgresql://agora:agora@127.0.0.1:${E2E_PG_PORT}/agora`;
const TITLE = `Community networks need spectrum ${randomUUID().slice(0, 6)}`;
const REASON = "Please keep to the themes of this round.";

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  // The participant's own pending contribution, written straight to the e2e database (the submission form is another concern's).
  const client = new pg.Client({ connectionString: DB_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ uid: string; cid: string }>(
      `SELECT u.id AS uid, c.id AS cid FROM "User" u, "Consultation" c WHERE u.email = 'participant@agora.example' AND c.slug = 'igf-preparatory-round'`,
    );
    const row = rows[0];
    if (!row) throw new Error("seed data missing");
    await client.query(
      `INSERT INTO "Submission" (id, reference, "consultationId", "authorId", "contributorKey", "contributorName", "stakeholderGroup", country, region, developing, title, body, language, status, "submittedAt", "updatedAt")
       VALUES ($1, $2, $3, $4, $5, 'Priya Participant', 'CIVIL_SOCIETY', 'BR', 'LATIN_AMERICAN_AND_CARIBBEAN', true, $6, 'Community networks connect the unconnected where operators do not invest.', 'en', 'PENDING', now(), now())`,
      [randomUUID(), `E2E-${randomUUID().slice(0, 8)}`, row.cid, row.uid, `user:${row.uid}`, TITLE],
    );
  } finally {
    await client.end();
  }
});

test("the secretariat publishes and rejects from the queue with the keyboard", async ({ page, axe }) => {
  const sec = demoAccount("SECRETARIAT");
  await signIn(page, sec.email, sec.password);
  await page.goto("/secretariat");
  await expect(page.getByRole("heading", { level: 1, name: "Moderation queue" })).toBeVisible();
  await axe();

  // Other journeys may have left items in the queue too: act on our two by what they show, never by position.
  const rowOf = (text: string) => page.getByRole("listitem").filter({ hasText: text }).locator("input[data-row]");
  await expect(rowOf("IGF-DEMO-0007")).toHaveCount(1);
  await expect(rowOf(TITLE)).toHaveCount(1);
  await rowOf("IGF-DEMO-0007").focus();
  await page.keyboard.press("p");
  await expect(page.getByRole("status")).toContainText("1 item done");
  // The result names what changed; the queue no longer lists it.
  await expect(page.getByRole("status")).toContainText(/IGF-DEMO-0007 — .*: Waiting for moderation → Published/);
  await expect(rowOf("IGF-DEMO-0007")).toHaveCount(0);

  await rowOf(TITLE).focus();
  await page.keyboard.press("x");
  await expect(rowOf(TITLE)).toBeChecked();
  await page.keyboard.press("r");
  // The seed has reject templates, so the template picker comes first; the reason can still be written freely.
  await expect(page.getByLabel("Reason template")).toBeFocused();
  await page.keyboard.press("Tab");
  const reason = page.getByLabel("Reason", { exact: true });
  await expect(reason).toBeFocused();
  await page.keyboard.type(REASON);
  await axe();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status")).toContainText("1 item done");
  await expect(rowOf(TITLE)).toHaveCount(0);

  await page.getByRole("link", { name: "Rejected" }).click();
  await expect(page.getByText(TITLE)).toBeVisible();
  await expect(page.getByText(REASON)).toBeVisible();
  await axe();
});

test("the balance dashboard shows the shares against the policy", async ({ page, axe }) => {
  const sec = demoAccount("SECRETARIAT");
  await signIn(page, sec.email, sec.password);
  await page.goto("/secretariat/consultations/igf-preparatory-round/balance");
  await expect(page.getByRole("heading", { level: 1, name: "Balance" })).toBeVisible();
  await expect(page.getByRole("table", { name: "By stakeholder group (cap marked)" }).first()).toBeVisible();
  // Verified and self-declared side by side, one row per group, each a labelled table.
  const verification = page.getByRole("table", { name: "Verified and self-declared" }).first();
  await expect(verification.getByRole("columnheader")).toHaveText(["Stakeholder group", "Verified", "Self-declared"]);
  await expect(verification.getByRole("rowheader", { name: "Civil society" })).toBeVisible();
  await expect(verification.getByRole("row", { name: /^Civil society \d+ \d+$/ })).toBeVisible();
  await axe();
  const res = await page.request.get("/api/v1/consultations/igf-preparatory-round/balance");
  expect(res.status()).toBe(200);
  const json = (await res.json()) as { submissions: { published: number } };
  // The seed publishes 7; the journey above published one more (other journeys may publish their own).
  expect(json.submissions.published).toBeGreaterThanOrEqual(8);
});

test("the author sees the status and the reason", async ({ page, axe }) => {
  const author = demoAccount("PARTICIPANT");
  await signIn(page, author.email, author.password);
  await page.goto("/notifications");
  await expect(page.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
  // The notification names the contribution by reference and title.
  await expect(page.getByText(new RegExp(`Your contribution “E2E-\\w+ — ${TITLE}” has been rejected\\.`))).toBeVisible();
  await expect(page.getByText(REASON)).toBeVisible();
  // Other journeys may have told the same participant of their own contributions (receipts): at least this one is unread.
  await expect(page.getByText(/^\d+ unread notifications?\.$/)).toBeVisible();
  await axe();
  await page.getByRole("button", { name: "Mark all as read" }).click();
  await expect(page.getByText("No unread notifications.")).toBeVisible();
});
