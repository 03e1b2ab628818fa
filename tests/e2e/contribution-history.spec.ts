// An author's files refused by name (in the browser before uploading, then by the server) while the others stay
// chosen and the language stays as chosen; My contributions lists the files; the secretariat bulk-publishes behind a
// confirmation with Cancel and reads the history as sentences with the edit's changes. Axe on every page visited.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { hash } from "@node-rs/argon2";
import { checkAccessibility, demoAccount, expect, signIn, test } from "./fixtures.ts";
import { E2E_PG_PORT } from "./env.ts";

const SLUG = "igf-preparatory-round";
const DB_URL = `postgresql://agora:agora@127.0.0.1:${E2E_PG_PORT}/agora`;
const tag = randomUUID().slice(0, 6);
const TITLE = `Redes comunitarias y espectro ${tag}`;
const OTHER_TITLE = `Second pending contribution ${tag}`;
// Its own confirmed account: the demo participant's autosaved draft belongs to the other contribution journeys.
const AUTHOR = { email: `files-${tag}@e2e.example`, password: "Files-journey-passphrase-9", name: `Fatima Files ${tag}` };
const PDF = Buffer.from("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89]);

test.describe.configure({ timeout: 240_000 });

let authorId = "";

test.beforeAll(async () => {
  const client = new pg.Client({ connectionString: DB_URL });
  await client.connect();
  try {
    authorId = randomUUID();
    await client.query(
      `INSERT INTO "User" (id, email, "passwordHash", name, "stakeholderGroup", country, "emailVerifiedAt", "updatedAt") VALUES ($1, $2, $3, $4, 'TECHNICAL_COMMUNITY', 'KE', now(), now())`,
      [authorId, AUTHOR.email, await hash(AUTHOR.password, { memoryCost: 19456, timeCost: 2, parallelism: 1 }), AUTHOR.name],
    );
  } finally {
    await client.end();
  }
});

async function chosenFiles(page: import("@playwright/test").Page): Promise<string[]> {
  return page.locator("#attachments").evaluate((input: HTMLInputElement) => [...(input.files ?? [])].map((f) => f.name));
}

test("files refused by name, the rest kept; bulk publish asks first; the history says who did what with the changes", async ({ page, browser, axe }) => {
  await signIn(page, AUTHOR.email, AUTHOR.password);
  await page.goto(`/consultations/${SLUG}/contribute`);
  await expect(page.getByRole("heading", { level: 1, name: "Write a contribution" })).toBeVisible();
  await page.getByLabel("Title").fill(TITLE);
  await page.getByRole("textbox", { name: "Your contribution" }).fill("Las redes comunitarias conectan a quienes no tienen conexión. Pedimos una sesión sobre el espectro.");
  await page.getByRole("checkbox", { name: "Access" }).check();
  await page.getByLabel("Language of your contribution").selectOption("es");

  // Over 10 MB: refused in the browser when chosen, by name, next to the field; the other two stay chosen.
  await page.locator("#attachments").setInputFiles([
    { name: "good.pdf", mimeType: "application/pdf", buffer: PDF },
    { name: "big.pdf", mimeType: "application/pdf", buffer: Buffer.alloc(10 * 1024 * 1024 + 1) },
    { name: "lying.pdf", mimeType: "application/pdf", buffer: PNG },
  ]);
  await expect(page.getByText("big.pdf: Each file can be at most 10 MB.")).toBeVisible();
  await expect(page.locator("#attachments")).toHaveAttribute("aria-invalid", "true");
  expect(await chosenFiles(page)).toEqual(["good.pdf", "lying.pdf"]);
  await axe();

  // The server refuses the image named .pdf: the message names it, good.pdf is still chosen, Spanish still selected.
  await page.getByRole("button", { name: "Send contribution" }).click();
  await expect(page.getByText("lying.pdf: A file's content does not match its type (for example an image named .pdf).")).toBeVisible();
  await expect(page.getByLabel("Language of your contribution")).toHaveValue("es");
  expect(await chosenFiles(page)).toEqual(["good.pdf"]);
  await axe();

  await page.getByRole("button", { name: "Send contribution" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Receipt" })).toBeVisible();
  await expect(page.getByText("good.pdf")).toBeVisible();
  const reference = (await page.getByTestId("receipt-reference").textContent())?.trim() ?? "";
  expect(reference).toMatch(/^IGF-\d{6}$/);

  // The author edits one word.
  await page.getByRole("link", { name: "Edit", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Edit contribution ${reference}` })).toBeVisible();
  await expect(page.getByLabel("Language of your contribution")).toHaveValue("es");
  await page.getByRole("textbox", { name: "Your contribution" }).fill("Las redes comunitarias conectan a quienes no tienen conexión. Pedimos una sesión sobre el espectro asequible.");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Your changes have been saved.")).toBeVisible();

  await page.goto("/my/contributions");
  const row = page.getByRole("row", { name: new RegExp(reference) });
  await expect(row.getByTestId("my-attachments")).toContainText("good.pdf");
  await axe();

  // A second pending contribution of the same author, so that the publication below acts on two items at once.
  const client = new pg.Client({ connectionString: DB_URL });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO "Submission" (id, reference, "consultationId", "authorId", "contributorKey", "contributorName", "stakeholderGroup", country, region, developing, title, body, language, status, "submittedAt", "updatedAt")
       SELECT $1, $2, c.id, $3, $4, $5, 'TECHNICAL_COMMUNITY', 'KE', 'AFRICAN', true, $6, 'Community networks need fair access to spectrum and backhaul.', 'en', 'PENDING', now(), now()
       FROM "Consultation" c WHERE c.slug = $7`,
      [randomUUID(), `E2E-${tag}`, authorId, `user:${authorId}`, AUTHOR.name, OTHER_TITLE, SLUG],
    );
  } finally {
    await client.end();
  }

  const secContext = await browser.newContext();
  const sec = await secContext.newPage();
  const account = demoAccount("SECRETARIAT");
  await signIn(sec, account.email, account.password);
  await sec.goto("/secretariat");
  const rowOf = (text: string) => sec.getByRole("listitem").filter({ hasText: text }).locator("input[data-row]");
  // Each contribution in the queue links to its history.
  await expect(sec.getByRole("link", { name: new RegExp(`^History of ${reference}`) })).toHaveAttribute("href", `/secretariat/consultations/${SLUG}/contributions/${reference}`);
  await rowOf(TITLE).check();
  await rowOf(OTHER_TITLE).check();
  await sec.getByRole("button", { name: /^Publish \(2 items\)/ }).click();
  const dialog = sec.getByRole("dialog", { name: "Publish (2 items)" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("Publish these 2 items?");
  await checkAccessibility(sec);
  // Cancel: nothing is sent, both are still waiting and selected.
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(rowOf(TITLE)).toBeChecked();
  await sec.getByRole("button", { name: /^Publish \(2 items\)/ }).click();
  await dialog.getByRole("button", { name: "Publish (2 items)" }).click();
  await expect(sec.getByRole("status")).toContainText(/\d items? done/);
  await expect(rowOf(TITLE)).toHaveCount(0);

  // The history: sentences, and the edit's changes as a word diff with text markers.
  await sec.goto(`/secretariat/consultations/${SLUG}/contributions/${reference}`);
  const history = sec.getByTestId("contribution-history");
  await expect(history).toContainText(`Sent by the author, ${AUTHOR.name}, on`);
  await expect(history).toContainText("Edited by the author on");
  await expect(history).toContainText(/(Published by|Held for balance when) .+ on/);
  await expect(history).not.toContainText("PUBLISH");
  await history.getByText("Show changes (version 1 → 2)").click();
  const added = history.locator("ins");
  await expect(added).toHaveCount(1);
  await expect(added).toHaveText(/added:\s+asequible/);
  await checkAccessibility(sec);
  await secContext.close();
});
