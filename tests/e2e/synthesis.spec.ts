// The secretariat builds the synthesis draft (a background job, with progress), edits it (rewrites a paragraph,
// merges two points, sets one aside), regenerates after a new contribution (edits kept, the new point marked new),
// downloads the DOCX with the edits, then snapshots and publishes it; anybody can then download it.
import fs from "node:fs";
import { randomUUID } from "node:crypto";
import mammoth from "mammoth";
import pg from "pg";
import { demoAccount, expect, signIn, test } from "./fixtures.ts";
import { E2E_PG_PORT } from "./env.ts";
import type { Page } from "@playwright/test";

const PAGE = "/secretariat/consultations/igf-preparatory-round/synthesis";
const API = "/api/v1/consultations/igf-preparatory-round/synthesis";
const DB_URL = `postgresql://agora:agora@127.0.0.1:${E2E_PG_PORT}/agora`;
const EDITED = `Operators asked for predictable spectrum policies (edited ${randomUUID().slice(0, 6)}).`;
const NEW_TEXT = "Universal acceptance of internationalised e-mail addresses must become a priority for every provider.";

test.describe.configure({ mode: "serial" });

/** Builds (or rebuilds) the live draft from the page and waits for the job to finish. */
async function build(page: Page) {
  const button = page.getByRole("button", { name: /^(Build the draft|Regenerate from the current inputs)$/ });
  await button.click();
  await expect(page.getByText("The build was queued. This page follows its progress.")).toBeVisible();
  // The page refreshes itself while the job runs, then shows the draft.
  await expect(page.getByText(/^Built from the current inputs \(build \d+\)\.$/)).toBeVisible({ timeout: 60_000 });
}

const point = (page: Page, text: string) => page.locator('[id^="point-"]').filter({ has: page.locator("p[data-paper-paragraph]", { hasText: text }) });

test("the secretariat edits the draft, regenerates after a new contribution and downloads the DOCX with the edits", async ({ page, axe }) => {
  // Two builds on the job queue and a dozen page round trips: on a loaded 2-core machine this takes a while.
  test.setTimeout(180_000);
  const { email, password } = demoAccount("SECRETARIAT");
  await signIn(page, email, password);
  await page.goto(PAGE);
  await expect(page.getByRole("heading", { level: 1, name: "Synthesis paper" })).toBeVisible();
  await build(page);
  await expect(page.getByRole("heading", { name: /^[A-Z]\. Critical Internet resources$/ })).toBeVisible();
  await expect(page.getByText(/This paper summarizes the \d+ contributions received from \d+ different contributors/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Coverage check" })).toBeVisible();
  await axe();

  // Rewrite a paragraph, with the keyboard.
  const spectrum = point(page, "Predictable spectrum policies");
  await spectrum.getByText(/^Edit paragraph/).click();
  const text = spectrum.getByLabel("Text of the paragraph");
  await text.fill(EDITED);
  await text.press("Tab");
  await expect(spectrum.getByRole("button", { name: "Save the text" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("article p[data-paper-paragraph]", { hasText: EDITED })).toBeVisible();
  await axe();

  // Merge the IPv6 point into the IXP point.
  const ipv6 = point(page, "IPv6 deployment is uneven across regions");
  await ipv6.getByText(/^Edit paragraph/).click();
  await ipv6.getByLabel("Point to merge this one into").selectOption({ label: (await ipv6.getByLabel("Point to merge this one into").locator("option", { hasText: "Every new Internet exchange point" }).textContent()) ?? "" });
  await ipv6.getByRole("button", { name: "Merge" }).click();
  await expect(point(page, "IPv6 deployment is uneven across regions")).toHaveCount(0);
  const ixp = point(page, "Every new Internet exchange point");
  await ixp.getByText(/^The inputs behind paragraph/).click();
  await expect(ixp.getByRole("link", { name: /IGF-DEMO-0004/ })).toBeVisible();

  // Set a point aside with a reason (a reason is required).
  const landing = point(page, "Landing stations have multiplied");
  await landing.getByText(/^Edit paragraph/).click();
  await landing.getByRole("button", { name: "Set aside" }).click();
  await expect(landing.getByText("Give a reason (at least 3 characters).")).toBeVisible();
  await expect(landing.getByLabel("Reason for setting this point aside")).toHaveAttribute("aria-invalid", "true");
  await landing.getByLabel("Reason for setting this point aside").fill("Covered by the main session proposal");
  await landing.getByRole("button", { name: "Set aside" }).click();
  const aside = page.getByRole("region", { name: "Points set aside" });
  await expect(aside.getByText("Covered by the main session proposal")).toBeVisible();
  await axe();

  // A new contribution is published; regenerating keeps the edits and marks the new point.
  const client = new pg.Client({ connectionString: DB_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ cid: string; tid: string }>(
      `SELECT c.id AS cid, t.id AS tid FROM "Consultation" c JOIN "Theme" t ON t."consultationId" = c.id AND t.slug = 'diversity' WHERE c.slug = 'igf-preparatory-round'`,
    );
    const row = rows[0];
    if (!row) throw new Error("seed data missing");
    const id = randomUUID();
    await client.query(
      `INSERT INTO "Submission" (id, reference, "consultationId", "contributorKey", "contributorName", "stakeholderGroup", country, region, developing, title, body, language, status, "submittedAt", "publishedAt", "updatedAt")
       VALUES ($1, $2, $3, 'name:e2e-synthesis', 'E2E Contributor', 'TECHNICAL_COMMUNITY', 'IN', 'ASIA_PACIFIC', true, 'Universal acceptance', $4, 'en', 'PUBLISHED', now(), now(), now())`,
      [id, `E2E-SYN-${id.slice(0, 8)}`, row.cid, NEW_TEXT],
    );
    await client.query(`INSERT INTO "SubmissionTheme" ("submissionId", "themeId") VALUES ($1, $2)`, [id, row.tid]);
  } finally {
    await client.end();
  }
  await page.reload();
  await expect(page.getByText("The inputs changed since this draft was built. Regenerate it: your edits are kept.")).toBeVisible();
  await build(page);
  await expect(point(page, "Universal acceptance of internationalised e-mail").getByText("New since the last build")).toBeVisible();
  await expect(page.locator("article p[data-paper-paragraph]", { hasText: EDITED })).toBeVisible();
  await expect(point(page, "IPv6 deployment is uneven across regions")).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Points set aside" }).getByText("Covered by the main session proposal")).toBeVisible();
  await axe();

  const [docx] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Word (.docx)" }).click()]);
  expect(docx.suggestedFilename()).toBe("igf-preparatory-round-synthesis-draft.docx");
  const { value } = await mammoth.extractRawText({ buffer: fs.readFileSync(await docx.path()) });
  expect(value).toContain(EDITED);
  expect(value).toContain(NEW_TEXT);
  expect(value).not.toContain("Landing stations have multiplied");
  expect(value).toContain("Annex I: List of contributions");
});

test("the secretariat snapshots and publishes the synthesis; then anybody can download it", async ({ page, axe, browser }) => {
  // Before anything is published, a participant cannot download it.
  const participantContext = await browser.newContext();
  const participant = await participantContext.newPage();
  const { email: pEmail, password: pPassword } = demoAccount("PARTICIPANT");
  await signIn(participant, pEmail, pPassword);
  const refused = await participant.request.get(`${API}?format=md`);
  expect(refused.status()).toBe(403);
  expect(await refused.json()).toMatchObject({ error: "not_published" });
  await participant.goto(PAGE);
  await expect(participant.getByRole("heading", { name: "Secretariat only" })).toBeVisible();

  const { email, password } = demoAccount("SECRETARIAT");
  await signIn(page, email, password);
  await page.goto(PAGE);
  await expect(page.getByText(/^Built from the current inputs|^The inputs changed since/)).toBeVisible();

  // Click-through: each paragraph lists the inputs behind it, linking to the quoted statement.
  await page.getByText(/^The input(s)? behind paragraph/).first().click();
  await expect(page.locator("details[open] a").first()).toHaveAttribute("href", /\/consultations\/igf-preparatory-round\/contributions\/[\w-]+#:~:text=/);

  await page.getByRole("button", { name: "Save as snapshot" }).click();
  await expect(page.getByText(/Snapshot \d+ was saved\./)).toBeVisible();
  await expect(page.getByRole("heading", { name: /^Snapshot \d+$/ })).toBeVisible();
  await axe();

  const [md] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Markdown (.md)" }).click()]);
  const markdown = fs.readFileSync(await md.path(), "utf8");
  expect(markdown).toContain("# Synthesis of the contributions");
  expect(markdown).toContain(EDITED);

  await page.getByRole("button", { name: /^Publish snapshot \d+$/ }).click();
  // Confirmed in a dialog with Cancel (publishing tells the followers): Cancel first changes nothing.
  await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByText(/Snapshot \d+ is published/)).toHaveCount(0);
  await page.getByRole("button", { name: /^Publish snapshot \d+$/ }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByText(/Snapshot \d+ is published/)).toBeVisible();
  await axe();

  const published = await participant.request.get(`${API}?format=html`);
  expect(published.status()).toBe(200);
  const html = await published.text();
  expect(html).toContain("Annex I: List of contributions");
  expect(html).toContain(EDITED);
  expect((await participant.request.get(`${API}?format=pdf`)).status()).toBe(400);
  await participant.goto("/consultations/igf-preparatory-round");
  const section = participant.getByRole("region", { name: "Synthesis paper" });
  await expect(section.getByRole("link", { name: "Word document (.docx)" })).toHaveAttribute("href", `${API}?format=docx`);
  await participantContext.close();
});

test("the secretariat sets how the paper is written", async ({ page, axe }) => {
  const { email, password } = demoAccount("SECRETARIAT");
  await signIn(page, email, password);
  await page.goto(PAGE);
  await page.getByRole("link", { name: "How the paper is written" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Synthesis settings" })).toBeVisible();
  await axe();
  await page.getByLabel("Paragraphs per section").fill("0");
  await page.getByRole("button", { name: "Save the settings" }).click();
  await expect(page.getByText("Enter a whole number from 1 to 500.")).toBeVisible();
  await page.getByLabel("Paragraphs per section").fill("12");
  await page.getByRole("button", { name: "Save the settings" }).click();
  await expect(page.getByText("The settings were saved. Regenerate the draft to apply them.")).toBeVisible();
  await axe();
});

test("the secretariat fills the glossary from the acronyms found in the inputs", async ({ page, axe }) => {
  const { email, password } = demoAccount("SECRETARIAT");
  await signIn(page, email, password);
  await page.goto("/secretariat/glossary?consultation=igf-preparatory-round");
  await expect(page.getByRole("heading", { level: 1, name: "Glossary of acronyms" })).toBeVisible();
  await axe();
  const form = page.locator("#add-term");
  await form.getByRole("button", { name: "Add a term" }).click();
  await expect(form.getByText("Enter the acronym as written (2 to 20 letters or digits).")).toBeVisible();
  await expect(form.getByRole("textbox", { name: "Acronym", exact: true })).toHaveAttribute("aria-invalid", "true");
  await form.getByRole("textbox", { name: "Acronym", exact: true }).fill("GFCE");
  await form.getByRole("textbox", { name: "Expansion", exact: true }).fill("Global Forum on Cyber Expertise");
  await form.getByRole("button", { name: "Add a term" }).click();
  await expect(form.getByText("The term was added.")).toBeVisible();
  await expect(page.getByRole("form", { name: "Edit GFCE" })).toBeVisible();
  await axe();
});
