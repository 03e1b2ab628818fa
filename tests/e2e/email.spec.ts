// E-mail without an SMTP server: an admin reads messages in the outbox, follows their links; a recipient unsubscribes
// from a non-essential message without signing in. Axe on every page.
import { checkAccessibility, demoAccount, expect, signIn, test } from "./fixtures.ts";

test("an admin sends a test message, reads it in the outbox, and its recipient unsubscribes in one click", async ({ page, browser, axe }) => {
  test.slow(); // two browser contexts and five axe scans on a shared 2-core machine
  const admin = demoAccount("ADMIN");
  await signIn(page, admin.email, admin.password);
  await page.goto("/secretariat");
  await page.getByRole("navigation", { name: "Secretariat sections" }).getByRole("link", { name: "Outbox" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Outbox" })).toBeVisible();
  await expect(page.getByText("No SMTP server is configured")).toBeVisible();
  await axe();

  await page.getByRole("button", { name: "Send me a test message" }).click();
  await expect(page.getByText("The test message is queued to your address.")).toBeVisible();
  // The worker renders it within moments; the page shows it once reloaded.
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: "Test message from Agora" })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(page.getByText("In the outbox", { exact: true })).toBeVisible();
  await expect(page.getByText("List-Unsubscribe-Post")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Plain-text part" })).toBeVisible();
  const frame = page.frameLocator('iframe[title="The message as its recipient sees it"]');
  await expect(frame.getByText("Open the outbox")).toBeVisible();
  await axe({ skipFrames: true });

  const unsubscribeHref = await page.getByRole("link", { name: /\/unsubscribe\?token=/ }).getAttribute("href");
  expect(unsubscribeHref).toBeTruthy();

  // The recipient, in a browser with no session at all.
  const stranger = await browser.newContext();
  const mailbox = await stranger.newPage();
  await mailbox.goto(unsubscribeHref ?? "");
  await expect(mailbox.getByRole("heading", { level: 1, name: "Unsubscribe" })).toBeVisible();
  await expect(mailbox.getByText(`Stop sending “test messages” e-mails to ${admin.email}?`)).toBeVisible();
  await checkAccessibility(mailbox);
  await mailbox.getByRole("button", { name: "Unsubscribe from “test messages”" }).click();
  await expect(mailbox.getByText(`Done: ${admin.email} will no longer receive “test messages” e-mails.`)).toBeVisible();
  await stranger.close();

  // The next test message is recorded but not sent.
  await page.goto("/secretariat/outbox");
  await page.getByRole("button", { name: "Send me a test message" }).click();
  await expect(page.getByText("You unsubscribed from test messages, so this one was recorded here but not sent.")).toBeVisible();
  await expect(page.getByText("Not sent (unsubscribed)", { exact: true })).toBeVisible();
  await axe({ skipFrames: true });
});
