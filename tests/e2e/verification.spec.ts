// A participant asks the secretariat to verify their stakeholder group; the secretariat approves the claim in
// /secretariat/verification; the profile then says the group is verified. Axe on every page visited.
import { randomUUID } from "node:crypto";
import { hash } from "@node-rs/argon2";
import pg from "pg";
import { checkAccessibility, demoAccount, expect, signIn, test } from "./fixtures.ts";
import { E2E_PG_PORT } from "./env.ts";

const DB_URL = `postgresql://agora:agora@127.0.0.1:${E2E_PG_PORT}/agora`;
const PASSWORD = "amber lanterns over quiet harbours";

async function newParticipant(name: string): Promise<string> {
  const email = `${name.toLowerCase().replace(/\W+/g, "-")}-${randomUUID().slice(0, 8)}@example.org`;
  const client = new pg.Client({ connectionString: DB_URL });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO "User" (id, email, "passwordHash", name, "stakeholderGroup", country, "emailVerifiedAt", "updatedAt") VALUES ($1, $2, $3, $4, 'ACADEMIC_COMMUNITY', 'GH', now(), now())`,
      [randomUUID(), email, await hash(PASSWORD, { memoryCost: 19456, timeCost: 2, parallelism: 1 }), name],
    );
  } finally {
    await client.end();
  }
  return email;
}

test("a participant files a group claim and the secretariat approves it", async ({ page, browser, axe }) => {
  test.slow();
  const name = `Ama Mensah ${randomUUID().slice(0, 4)}`;
  const email = await newParticipant(name);
  await signIn(page, email, PASSWORD);
  await page.goto("/profile");
  await expect(page.getByTestId("group-standing")).toHaveText("Academic community, self-declared (not verified).");
  // Too little evidence: the message is next to the field, nothing is sent.
  await page.getByLabel("Evidence", { exact: true }).fill("I teach.");
  await page.getByRole("button", { name: "Send the claim" }).click();
  await expect(page.getByText("Give at least 20 characters of evidence.")).toBeVisible();
  await axe();
  await page.getByLabel("Evidence", { exact: true }).fill("Lecturer in computer science at the University of Ghana; the department page lists me.");
  await page.getByLabel("Link (optional)").fill("https://ug.example/cs/people");
  await page.getByRole("button", { name: "Send the claim" }).click();
  await expect(page.getByText(/Your claim for Academic community \(sent on .*\) is waiting for the secretariat\./)).toBeVisible();
  await axe();

  const secContext = await browser.newContext();
  const sec = await secContext.newPage();
  const account = demoAccount("SECRETARIAT");
  await signIn(sec, account.email, account.password);
  await sec.goto("/secretariat/verification");
  const claim = sec.getByRole("article", { name: `${name} asks to be verified as Academic community` });
  await expect(claim.getByText("Lecturer in computer science at the University of Ghana; the department page lists me.")).toBeVisible();
  await checkAccessibility(sec);
  await claim.getByRole("button", { name: "Approve" }).click();
  await expect(sec.getByText(`The claim of ${name} is approved.`)).toBeVisible();
  await checkAccessibility(sec);
  await secContext.close();

  await page.goto("/profile");
  await expect(page.getByTestId("group-standing")).toContainText("Academic community, verified by the secretariat on");
  await axe();
});
