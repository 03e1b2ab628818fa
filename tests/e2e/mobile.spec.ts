// A participant on a 390-pixel phone screen: the header folds into one Menu, the call to action is above the fold,
// they write a contribution and comment on the draft. Axe on every page visited.
import { demoAccount, expect, test } from "./fixtures.ts";

const SLUG = "igf-preparatory-round";

// Journeys of many pages, each scanned with axe: more than the default minute on a loaded machine.
test.describe.configure({ timeout: 180_000 });

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

test("on a phone: sign in from the menu, write a contribution and comment on the draft", async ({ page, axe }) => {
  const participant = demoAccount("PARTICIPANT");
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
  await expect(whole.getByText("Your comment is awaiting moderation", { exact: false })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await axe();
});
