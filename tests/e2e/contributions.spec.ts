// Contribution journeys: a participant writes (draft autosaved, errors in place), gets a receipt and finds it on
// My contributions; anyone reads, filters and searches published contributions; the secretariat imports a file.
// Axe on every page visited.
import { demoAccount, expect, signIn, test } from "./fixtures.ts";

const SLUG = "igf-preparatory-round";

test("a participant writes a contribution, sees the receipt and finds it on My contributions", async ({ page, axe }) => {
  const participant = demoAccount("PARTICIPANT");
  await signIn(page, participant.email, participant.password);
  await page.goto(`/consultations/${SLUG}`);
  await expect(page.getByRole("region", { name: "Published contributions" })).toBeVisible();
  await page.getByRole("link", { name: "Write a contribution" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Write a contribution" })).toBeVisible();
  await axe();

  // Sent too early: the shared schema answers next to each field, nothing is sent.
  await page.getByLabel("Title").fill("Community networks and spectrum");
  await page.getByRole("button", { name: "Send contribution" }).click();
  await expect(page.getByText("Please correct the fields marked below. Nothing was sent.")).toBeVisible();
  await expect(page.getByText("Write at least 20 characters.")).toBeVisible();
  await expect(page.getByText("Choose at least one theme.")).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Your contribution" })).toHaveAttribute("aria-invalid", "true");
  await axe();

  await page.getByRole("textbox", { name: "Your contribution" }).fill("Community networks connect the unconnected. We ask for a session on **spectrum** for community networks.");
  await expect(page.getByText(/Draft saved at/)).toBeVisible({ timeout: 15_000 });
  await page.getByRole("checkbox", { name: "Access" }).check();
  await page.getByLabel("Publish without my name").check();
  await page.getByRole("button", { name: "Send contribution" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Receipt" })).toBeVisible();
  await expect(page.getByText("Thank you. Your contribution has been received.")).toBeVisible();
  const reference = (await page.getByTestId("receipt-reference").textContent())?.trim() ?? "";
  expect(reference).toMatch(/^IGF-\d{6}$/);
  await expect(page.getByText("Waiting for moderation")).toBeVisible();
  await axe();

  await page.goto("/my/contributions");
  const row = page.getByRole("row", { name: new RegExp(reference) });
  await expect(row).toBeVisible();
  await expect(row.getByText("Waiting for moderation")).toBeVisible();
  await expect(row.getByRole("link", { name: "Community networks and spectrum" })).toBeVisible();
  await axe();
});

test("anyone reads, filters and searches the published contributions and opens one", async ({ page, axe }) => {
  await page.goto(`/consultations/${SLUG}/contributions`);
  await expect(page.getByRole("heading", { level: 1, name: /Contributions:/ })).toBeVisible();
  // The seed publishes 7; journeys before this one may publish their own.
  await expect(page.getByText(/^\d+ contributions$/)).toBeVisible();
  await axe();

  await page.getByLabel("Order").selectOption("balanced");
  await page.getByLabel("Stakeholder group").selectOption({ label: "Civil society" });
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByText("1 contribution", { exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Les coupures d’Internet menacent la liberté d’expression" })).toBeVisible();
  await axe();

  await page.goto(`/consultations/${SLUG}/contributions?q=backbone`);
  await expect(page.getByText("1 contribution", { exact: true })).toBeVisible();
  await expect(page.locator("mark", { hasText: "backbone" }).first()).toBeVisible();
  await axe();

  await page.getByRole("link", { name: "Affordable backbone capacity for East Africa" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Affordable backbone capacity for East Africa" })).toBeVisible();
  const details = page.getByRole("complementary", { name: "Details" });
  await expect(details.getByText("Government")).toBeVisible();
  await expect(details.getByText("African Group")).toBeVisible();
  await expect(details.getByRole("link", { name: "Access" })).toBeVisible();
  await expect(details.getByRole("link", { name: `/consultations/${SLUG}/contributions/IGF-DEMO-0001` })).toBeVisible();
  await axe();
});

test("the secretariat checks an import file row by row, then imports it", async ({ page, axe }) => {
  const secretariat = demoAccount("SECRETARIAT");
  await signIn(page, secretariat.email, secretariat.password);
  await page.goto(`/secretariat/consultations/${SLUG}/import`);
  await expect(page.getByRole("heading", { level: 1, name: /Import contributions/ })).toBeVisible();
  await axe();
  const bad = "title,body,contributor_name,organisation,stakeholder_group,country,themes,language,received_at,external_id\r\nLetter,Text of the letter,Amina,,GOVERNMENT,SN,access,fr,2026-02-01,e2e-1\r\n,No title,Bob,,ALIENS,SN,access,en,2026-02-01,e2e-2\r\n";
  await page.getByLabel("File (CSV or JSON, UTF-8)").setInputFiles({ name: "inputs.csv", mimeType: "text/csv", buffer: Buffer.from(bad) });
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByText(/1 of 2 rows are valid/)).toBeVisible();
  // Every problem of the row, each with its column, the bad value and what is allowed.
  const problems = page.getByRole("cell", { name: /Row 2, column “title”: the title is missing\./ });
  await expect(problems).toBeVisible();
  await expect(problems).toContainText("Row 2, column “stakeholder_group”: “ALIENS” is not a stakeholder group. Allowed: GOVERNMENT");
  await expect(page.getByRole("button", { name: /^Import/ })).toHaveCount(0);
  await axe();

  const good = bad.split("\r\n").slice(0, 2).join("\r\n") + "\r\n";
  await page.getByLabel("File (CSV or JSON, UTF-8)").setInputFiles({ name: "inputs.csv", mimeType: "text/csv", buffer: Buffer.from(good) });
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByText(/1 of 1 rows are valid/)).toBeVisible();
  await page.getByRole("button", { name: "Import 1 contribution" }).click();
  await expect(page.getByText(/Imported 1 contribution/)).toBeVisible();
  await axe();
});
