// Acting on behalf of an organisation is a request, not a text field: a participant asks to join, one of the
// organisation's managers approves, the participant contributes on its behalf, the secretariat publishes, and the
// organisation's public page lists the contribution. Meanwhile a second account on the participant's e-mail domain
// contributes too, and the secretariat sees the two grouped in the queue; the merged duplicate's old address answers 308.
// Axe on every page visited.
import { randomUUID } from "node:crypto";
import { hash } from "@node-rs/argon2";
import pg from "pg";
import { checkAccessibility, demoAccount, expect, signIn, test } from "./fixtures.ts";
import { E2E_PG_PORT } from "./env.ts";

const DB_URL = `postgresql://agora:agora@127.0.0.1:${E2E_PG_PORT}/agora`;
const PASSWORD = "amber lanterns over quiet harbours";
const SLUG = "igf-preparatory-round";
const ORG = "Association for Digital Rights";
/** The seed makes this contributor a manager of ORG; the test gives the account a password it knows. */
const MANAGER_EMAIL = "kwame@digital-rights.example";

async function withDb<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: DB_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

test("a participant joins an organisation with a manager's approval and contributes on its behalf", async ({ page, browser, axe }) => {
  test.slow();
  const suffix = randomUUID().slice(0, 6);
  const name = `Joana Silva ${suffix}`;
  // Joana and Tomás share their organisation's e-mail domain (not a webmail one): the queue groups their accounts.
  const domain = `youth-forum-${suffix}.example`;
  const email = `joana-${suffix}@${domain}`;
  const other = { name: `Tomás Reyes ${suffix}`, email: `tomas-${suffix}@${domain}` };
  const title = `Youth delegates at national forums ${suffix}`;
  const otherTitle = `Travel support for remote youth ${suffix}`;
  const mergedSlug = `digital-rights-assoc-${suffix}`;
  const passwordHash = await hash(PASSWORD, { memoryCost: 19456, timeCost: 2, parallelism: 1 });
  await withDb(async (client) => {
    await client.query(
      `INSERT INTO "User" (id, email, "passwordHash", name, "stakeholderGroup", country, "emailVerifiedAt", "updatedAt") VALUES ($1, $2, $3, $4, 'CIVIL_SOCIETY', 'BR', now(), now())`,
      [randomUUID(), email, passwordHash, name],
    );
    await client.query(
      `INSERT INTO "User" (id, email, "passwordHash", name, "stakeholderGroup", country, "emailVerifiedAt", "updatedAt") VALUES ($1, $2, $3, $4, 'CIVIL_SOCIETY', 'CL', now(), now())`,
      [randomUUID(), other.email, passwordHash, other.name],
    );
    // A duplicate the secretariat merged into the organisation: its old address must redirect for good.
    await client.query(
      `INSERT INTO "Organisation" (id, name, "normalizedName", slug, "stakeholderGroup", "mergedIntoId", "mergedAt", "updatedAt")
       SELECT $1, $2, $3, $4, 'CIVIL_SOCIETY', o.id, now(), now() FROM "Organisation" o WHERE o.name = $5`,
      [randomUUID(), `Digital Rights Assoc ${suffix}`, `digital rights assoc ${suffix}`, mergedSlug, ORG],
    );
    const updated = await client.query(`UPDATE "User" SET "passwordHash" = $1 WHERE email = $2`, [passwordHash, MANAGER_EMAIL]);
    expect(updated.rowCount, "the seed's organisation manager").toBe(1);
  });

  // The participant asks to join; until approved the contribute form offers only their own name.
  await signIn(page, email, PASSWORD);
  await page.goto(`/profile/organisations?q=${encodeURIComponent("Digital Rights")}`);
  await expect(page.getByRole("heading", { level: 1, name: "My organisations" })).toBeVisible();
  await axe();
  const join = page.getByRole("form", { name: `Ask to join ${ORG}` });
  await join.getByLabel("Your role there (optional)").fill("Researcher on the access programme");
  await join.getByRole("button", { name: "Ask to join" }).click();
  // The message stays although the form it came from gives way to the request's state.
  await expect(page.getByTestId("org-notice")).toContainText(`Your request to join ${ORG} was sent.`);
  // The form gives way to the request's state, in the list of the participant's requests too.
  const mine = page.getByRole("region", { name: "Your requests and memberships" });
  await expect(mine.getByRole("listitem").filter({ hasText: ORG })).toContainText("Waiting for approval");
  await axe();
  await page.goto(`/consultations/${SLUG}/contribute`);
  await expect(page.getByLabel(`On behalf of ${ORG}`)).toHaveCount(0);

  // A manager of the organisation approves the request.
  const managerContext = await browser.newContext();
  const manager = await managerContext.newPage();
  await signIn(manager, MANAGER_EMAIL, PASSWORD);
  await manager.goto("/profile/organisations");
  await manager.getByRole("link", { name: `Members and requests of ${ORG}` }).click();
  await expect(manager.getByRole("heading", { level: 1 })).toBeVisible();
  await checkAccessibility(manager);
  const approve = manager.getByRole("form", { name: `Approve ${name}` });
  await approve.getByRole("button", { name: "Approve" }).click();
  // The request leaves the pending list and the member appears, approved by this manager.
  await expect(manager.getByRole("form", { name: `Approve ${name}` })).toHaveCount(0);
  await expect(manager.getByTestId("org-notice")).toContainText("Approved.");
  await expect(manager.getByRole("form", { name: `Remove ${name}` })).toBeVisible();
  await expect(manager.getByText("approved by a manager (Kwame Mensah)").last()).toBeVisible();
  await checkAccessibility(manager);
  await managerContext.close();

  // Now the participant writes on the organisation's behalf.
  await page.goto(`/consultations/${SLUG}/contribute`);
  await expect(page.getByRole("heading", { level: 1, name: "Write a contribution" })).toBeVisible();
  await page.getByLabel(`On behalf of ${ORG}`).check();
  await page.getByLabel("Title").fill(title);
  await page.getByRole("textbox", { name: "Your contribution" }).fill("Youth delegates should have a dedicated track at national forums, with travel support for those from remote areas.");
  await page.getByRole("checkbox", { name: "Access" }).check();
  await axe();
  await page.getByRole("button", { name: "Send contribution" }).click();
  await expect(page.getByTestId("receipt-reference")).toBeVisible();
  // The receipt says on whose behalf it was sent.
  await expect(page.getByTestId("receipt-on-behalf")).toHaveText(ORG);
  await axe();

  // Tomás, on the same verified domain, writes as himself.
  const otherContext = await browser.newContext();
  const tomas = await otherContext.newPage();
  await signIn(tomas, other.email, PASSWORD);
  await tomas.goto(`/consultations/${SLUG}/contribute`);
  await tomas.getByLabel("Title").fill(otherTitle);
  await tomas.getByRole("textbox", { name: "Your contribution" }).fill("Young people from remote areas need travel support to take part in national and regional forums.");
  await tomas.getByRole("checkbox", { name: "Access" }).check();
  await tomas.getByRole("button", { name: "Send contribution" }).click();
  await expect(tomas.getByTestId("receipt-reference")).toBeVisible();
  await expect(tomas.getByTestId("receipt-on-behalf")).toHaveText("Yourself (as an individual)");
  await otherContext.close();

  // The secretariat publishes it from the queue.
  const secContext = await browser.newContext();
  const sec = await secContext.newPage();
  const account = demoAccount("SECRETARIAT");
  await signIn(sec, account.email, account.password);
  await sec.goto("/secretariat");
  // The two accounts on one domain are grouped: each row says so and links to the two together.
  const joanaItem = sec.getByRole("listitem").filter({ hasText: title }).filter({ has: sec.locator("input[data-row]") });
  const grouped = joanaItem.getByRole("list", { name: "Accounts that may be one actor" });
  await expect(grouped).toContainText(`2 accounts share the e-mail domain ${domain}`);
  await grouped.getByRole("link", { name: "Show them together" }).first().click();
  await expect(sec.getByTestId("accounts-filter")).toContainText(`Showing only inputs from accounts on the verified e-mail domain ${domain}.`);
  await expect(sec.locator("input[data-row]")).toHaveCount(2);
  await expect(sec.getByRole("listitem").filter({ hasText: otherTitle }).locator("input[data-row]")).toHaveCount(1);
  await checkAccessibility(sec);
  const row = sec.getByRole("listitem").filter({ hasText: title }).locator("input[data-row]");
  await expect(row).toHaveCount(1);
  await row.focus();
  await sec.keyboard.press("p");
  await expect(sec.getByRole("status")).toContainText("→ Published");
  await secContext.close();

  // The organisation's public page lists it.
  await page.goto(`/organisations?q=${encodeURIComponent("Digital Rights")}`);
  await axe();
  await page.getByRole("link", { name: ORG, exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: ORG })).toBeVisible();
  await expect(page.getByRole("link", { name: title })).toBeVisible();
  await axe();

  // The merged duplicate's address redirects permanently to the organisation.
  const slug = new URL(page.url()).pathname;
  const old = await page.request.get(`/organisations/${mergedSlug}`, { maxRedirects: 0 });
  expect(old.status()).toBe(308);
  expect(new URL(old.headers()["location"] ?? "", page.url()).pathname).toBe(slug);
  await page.goto(`/organisations/${mergedSlug}`);
  await expect(page.getByRole("heading", { level: 1, name: ORG })).toBeVisible();
});
