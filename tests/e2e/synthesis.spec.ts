// The secretariat reads the synthesis draft, saves and publishes a snapshot, downloads it; then anybody can download it.
import fs from "node:fs";
import { demoAccount, expect, signIn, test } from "./fixtures.ts";

const PAGE = "/secretariat/consultations/igf-preparatory-round/synthesis";
const API = "/api/v1/consultations/igf-preparatory-round/synthesis";

test("the secretariat builds, snapshots, publishes and downloads the synthesis", async ({ page, axe, browser }) => {
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
  await expect(page.getByRole("heading", { level: 1, name: "Synthesis paper" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "A. Critical Internet resources" })).toBeVisible();
  await expect(page.getByText(/This paper summarizes the \d+ submissions that were received from \d+ different contributors/)).toBeVisible();

  // Click-through: each paragraph lists the inputs behind it, linking to the quoted sentence.
  const sources = page.getByText(/^The input(s)? behind paragraph/).first();
  await sources.click();
  const link = page.locator("details[open] a").first();
  await expect(link).toHaveAttribute("href", /\/consultations\/igf-preparatory-round\/contributions\/IGF-DEMO-\d+#:~:text=/);
  await axe();

  await page.getByRole("button", { name: "Save as snapshot" }).click();
  await expect(page.getByText(/Snapshot \d+ was saved\./)).toBeVisible();
  await expect(page.getByRole("heading", { name: /^Snapshot \d+$/ })).toBeVisible();
  await axe();

  const [docx] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Word (.docx)" }).click()]);
  expect(docx.suggestedFilename()).toMatch(/^igf-preparatory-round-synthesis-\d+\.docx$/);
  const docxBytes = fs.readFileSync(await docx.path());
  expect(docxBytes.subarray(0, 2).toString()).toBe("PK");
  const [md] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Markdown (.md)" }).click()]);
  expect(fs.readFileSync(await md.path(), "utf8")).toContain("# Synthesis of the contributions");

  await page.getByRole("button", { name: /^Publish snapshot \d+$/ }).click();
  await expect(page.getByText(/Snapshot \d+ is published/)).toBeVisible();
  await axe();

  const published = await participant.request.get(`${API}?format=html`);
  expect(published.status()).toBe(200);
  expect(await published.text()).toContain("Annex I: List of contributions");
  expect((await participant.request.get(`${API}?format=pdf`)).status()).toBe(400);
  // Readers find the published paper on the consultation page.
  await participant.goto("/consultations/igf-preparatory-round");
  const section = participant.getByRole("region", { name: "Synthesis paper" });
  await expect(section.getByRole("link", { name: "Word document (.docx)" })).toHaveAttribute("href", `${API}?format=docx`);
  await participantContext.close();
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
  await form.getByRole("textbox", { name: "Acronym", exact: true }).fill("CERT");
  await form.getByRole("textbox", { name: "Expansion", exact: true }).fill("Computer emergency response team");
  await form.getByRole("button", { name: "Add a term" }).click();
  await expect(form.getByText("The term was added.")).toBeVisible();
  await expect(page.getByRole("form", { name: "Edit CERT" })).toBeVisible();
  await axe();
});
