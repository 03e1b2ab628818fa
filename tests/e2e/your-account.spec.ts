// A participant follows a consultation, chooses which notifications come by e-mail, downloads their data, and
// (another one) deletes their account. Axe on every page visited.
import fs from "node:fs";
import { randomUUID } from "node:crypto";
import { hash } from "@node-rs/argon2";
import JSZip from "jszip";
import pg from "pg";
import { expect, signIn, test } from "./fixtures.ts";
import { E2E_PG_PORT } from "./env.ts";

const DB_URL = `postgresql://agora:agora@127.0.0.1:${E2E_PG_PORT}/agora`;
const SLUG = "igf-preparatory-round";
const PASSWORD = "amber lanterns over quiet harbours";

/** A participant of their own (the demo accounts are shared with other journeys), straight in the e2e database. */
async function newParticipant(name: string): Promise<string> {
  const email = `${name.toLowerCase().replace(/\W+/g, "-")}-${randomUUID().slice(0, 8)}@example.org`;
  const client = new pg.Client({ connectionString: DB_URL });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO "User" (id, email, "passwordHash", name, "stakeholderGroup", country, "updatedAt") VALUES ($1, $2, $3, $4, 'ACADEMIC_COMMUNITY', 'IN', now())`,
      [randomUUID(), email, await hash(PASSWORD, { memoryCost: 19456, timeCost: 2, parallelism: 1 }), name],
    );
  } finally {
    await client.end();
  }
  return email;
}

test("a participant follows a consultation, changes e-mail preferences and downloads their data", async ({ page, axe }) => {
  // Five pages, each scanned by axe, plus a download: more than the default minute on a loaded 2-core machine.
  test.slow();
  const email = await newParticipant("Anika Rao");
  await signIn(page, email, PASSWORD);

  await page.goto(`/consultations/${SLUG}`);
  await expect(page.getByText("Followers are told when contributions open, 48 hours before they close, and when the synthesis is published.")).toBeVisible();
  await axe();
  await page.getByRole("button", { name: "Follow this consultation" }).click();
  await expect(page.getByText("You now follow this consultation.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Stop following" })).toBeVisible();
  await axe();

  await page.goto("/profile");
  const following = page.getByRole("region", { name: "Consultations you follow" });
  await expect(following.getByRole("link", { name: /IGF/ })).toBeVisible();
  const settings = page.getByRole("region", { name: "Notifications by e-mail" });
  await expect(settings.getByLabel("someone replies to your comment")).toBeChecked();
  await expect(settings.getByLabel("One e-mail per notification, as it happens")).toBeChecked();
  await axe();
  await settings.getByLabel("someone replies to your comment").uncheck();
  await settings.getByLabel("its contributions close in 48 hours").uncheck();
  await settings.getByLabel("One e-mail a day gathering the day’s notifications (sent around 07:00 UTC)").check();
  await settings.getByRole("button", { name: "Save e-mail preferences" }).click();
  await expect(settings.getByText("Your e-mail preferences have been saved.")).toBeVisible();
  await axe();
  await page.reload();
  await expect(settings.getByLabel("someone replies to your comment")).not.toBeChecked();
  await expect(settings.getByLabel("its contributions close in 48 hours")).not.toBeChecked();
  await expect(settings.getByLabel("it is published")).toBeChecked();
  await expect(settings.getByLabel("One e-mail a day gathering the day’s notifications (sent around 07:00 UTC)")).toBeChecked();

  await page.getByRole("link", { name: "Download your data or delete your account" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your data" })).toBeVisible();
  await axe();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download my data (zip)" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^agora-data-\d{4}-\d{2}-\d{2}\.zip$/);
  const zip = await JSZip.loadAsync(fs.readFileSync(await download.path()));
  const json = await zip.file("agora-data.json")?.async("string");
  const data = JSON.parse(json ?? "{}") as { account: { email: string }; follows: { consultation: { slug: string } }[]; notificationPreferences: { delivery: string } };
  expect(data.account.email).toBe(email);
  expect(data.follows.map((f) => f.consultation.slug)).toEqual([SLUG]);
  expect(data.notificationPreferences.delivery).toBe("DAILY");

  // Unfollowing from the profile works too.
  await page.goto("/profile");
  await following.getByRole("button", { name: /^Stop following/ }).click();
  await expect(page.getByText("You no longer follow this consultation.")).toBeVisible();
  await expect(following.getByText("You follow no consultation yet.", { exact: false })).toBeVisible();
  await axe();
});

test("a participant deletes their account with their password", async ({ page, axe }) => {
  const email = await newParticipant("Tomas Berg");
  await signIn(page, email, PASSWORD);
  await page.goto("/profile/data");
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page.getByText("Tick this box to confirm.")).toBeVisible();
  await axe();
  await page.getByLabel("Your password").fill("not my password at all");
  await page.getByLabel("I understand that deleting my account cannot be undone").check();
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page.getByText("This password is not correct. Nothing was deleted.")).toBeVisible();
  await expect(page.getByLabel("Your password")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Make them anonymous: remove my name and organisation from them").check();
  await page.getByLabel("Your password").fill(PASSWORD);
  await page.getByLabel("I understand that deleting my account cannot be undone").check();
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Account deleted" })).toBeVisible();
  await expect(page.getByText("Your published contributions and comments stay on the record, anonymous.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await axe();

  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("The email or password is not correct.")).toBeVisible();
});
