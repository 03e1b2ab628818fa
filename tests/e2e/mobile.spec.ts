// A participant on a 390-pixel phone screen: the header folds into one Menu, the call to action is above the fold,
// they write a contribution and comment on the draft. Axe on every page visited.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { hash } from "@node-rs/argon2";
import { expect, test } from "./fixtures.ts";
import { E2E_PG_PORT } from "./env.ts";

const SLUG = "igf-preparatory-round";

// Journeys of many pages, each scanned with axe: more than the default minute on a loaded machine.
test.describe.configure({ timeout: 180_000 });

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

// Its own confirmed account: the demo participant's autosaved draft belongs to the desktop contribution journey.
const PHONE_USER = { email: `phone-${randomUUID().slice(0, 8)}@e2e.example`, password: "Phone-journey-passphrase-9" };

test.beforeAll(async () => {
  const client = new pg.Client({ connectionString: `postgresql://agora:agora@127.0.0.1:${E2E_PG_PORT}/agora` });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO "User" (id, email, "passwordHash", name, "stakeholderGroup", country, "emailVerifiedAt", "updatedAt") VALUES ($1, $2, $3, 'Pat Phone', 'TECHNICAL_COMMUNITY', 'KE', now(), now())`,
      [randomUUID(), PHONE_USER.email, await hash(PHONE_USER.password, { memoryCost: 19456, timeCost: 2, parallelism: 1 })],
    );
  } finally {
    await client.end();
  }
});

test("on a phone: sign in from the menu, write a contribution and comment on the draft", async ({ page, axe }) => {
  const participant = PHONE_USER;
  await page.goto(`/consultations/${SLUG}`);
  // The header fits: one Menu button, no horizontal scrolling.
  const menu = page.locator("header summary", { hasText: "Menu" });
  await expect(menu).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  const write = page.getByRole("link", { name: "Write a contribution" });
  await expect(write).toBeInViewport();
  await axe();

  await write.click();
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  await expect(page.getByTestId("sign-in-why")).toBeVisible();
  await axe();
  await page.getByLabel("Email").fill(participant.email);
  await page.getByLabel("Password").fill(participant.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Write a contribution" })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await axe();

  await page.getByLabel("Title").fill("Mobile-first access in rural areas");
  await page.getByRole("textbox", { name: "Your contribution" }).fill("Most people in rural areas reach the Internet only from a phone. Services and consultations must work on small screens.");
  await page.getByRole("checkbox", { name: "Access" }).check();
  await page.getByRole("button", { name: "Send contribution" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Receipt" })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await axe();

  // The menu opens and leads to the draft's consultation; then a comment on the whole draft.
  await menu.click();
  await expect(page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "My contributions" })).toBeVisible();
  await axe();
  await page.goto(`/consultations/${SLUG}/drafts/draft-programme`);
  const whole = page.locator("section", { has: page.getByRole("heading", { name: "Comments on the whole draft" }) });
  await whole.getByLabel("Your comment").fill("On a phone, the programme should be readable without zooming.");
  await whole.getByRole("button", { name: "Publish comment" }).click();
  // Pre- or post-moderated (the drafts journey switches the round to post-moderation): either way the comment is taken.
  await expect(whole.getByRole("status")).toContainText(/Your comment is (awaiting moderation|published)/);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await axe();
});
