// Smoke test of the e2e setup itself: the production server answers and a demo account can sign in.
import { demoAccount, expect, signIn, test } from "./fixtures.ts";

test("the home page renders", async ({ page }) => {
  const response = await page.goto("/");
  expect(response?.status()).toBeLessThan(400);
});

test("a demo participant can sign in", async ({ page }) => {
  const { email, password } = demoAccount("PARTICIPANT");
  await signIn(page, email, password);
  await expect(page).not.toHaveURL(/\/signin/);
});
