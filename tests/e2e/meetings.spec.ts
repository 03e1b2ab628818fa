// Meetings on the record: the secretariat creates a session, imports its transcript after checking what was found,
// merges two variants of a speaker, maps a speaker to an organisation, finds the session's points in the synthesis
// and the archive; the public reads the transcript beside the rapporteur's report; remote messages are moderated and
// listed. Axe on every page visited.
// The journeys use the past round (the synthesis journey of tests/e2e/synthesis.spec.ts builds the preparatory one).
import path from "node:path";
import type { Page } from "@playwright/test";
import { demoAccount, expect, signIn, test } from "./fixtures.ts";

const PAST = "igf-2025-annual-meeting";
/** the session the first journey creates (its title carries the time, so reruns on one database do not collide) */
let forumSlug = "";

async function buildSynthesis(page: Page, slug: string) {
  await page.goto(`/secretariat/consultations/${slug}/synthesis`);
  await page.getByRole("button", { name: /^(Build the draft|Regenerate from the current inputs)$/ }).click();
  await expect(page.getByText(/^Built from the current inputs \(build \d+\)\.$/)).toBeVisible({ timeout: 90_000 });
}

test("the secretariat imports a transcript, merges two speaker variants and maps a speaker to an organisation", async ({ page, axe }) => {
  // A long journey (nine pages, a build of the preview): give it room on a loaded machine.
  test.setTimeout(150_000);
  const sec = demoAccount("SECRETARIAT");
  await signIn(page, sec.email, sec.password);
  await page.goto(`/secretariat/consultations/${PAST}`);
  await page.getByRole("link", { name: "Meeting sessions" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Meeting sessions of/ })).toBeVisible();
  await axe();

  const title = `Open forum: taking stock ${Date.now()}`;
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Type").selectOption("OPEN_FORUM");
  await page.getByLabel("Date").fill("2026-11-18");
  await page.getByLabel("Chair").fill("Chengetai Masango");
  await page.getByRole("button", { name: "Create the session" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("The session is created. Import its transcript below.")).toBeVisible();
  forumSlug = new URL(page.url()).pathname.split("/").at(-1) ?? "";
  await axe();

  // Nothing pasted or chosen: said in place, nothing stored.
  await page.getByRole("button", { name: "Check the transcript" }).click();
  await expect(page.getByText("Paste the transcript or choose its file.").first()).toBeVisible();

  await page.getByLabel("Or upload the file").setInputFiles(path.join(process.cwd(), "tests/fixtures/transcripts/open-forum-stocktaking.txt"));
  await page.getByRole("button", { name: "Check the transcript" }).click();
  await expect(page.getByTestId("transcript-summary")).toHaveText(/^11 turns, \d+ speakers, \d+ proposed merges\.$/);
  await expect(page.getByRole("table", { name: "Who speaks" })).toContainText("VINTON CERF");
  await axe();
  await page.getByRole("button", { name: /Import this transcript \(11 turns\)/ }).click();
  await expect(page.getByText(/Imported: 11 turns/)).toBeVisible();

  await page.goto("/secretariat/roster");
  await expect(page.getByRole("heading", { level: 1, name: "Speaker roster" })).toBeVisible();
  await axe();
  const proposal = page.getByTestId("merge-proposal").filter({ hasText: "“VINT CERF”" }).filter({ hasText: "“VINTON CERF”" });
  await proposal.getByRole("button", { name: "Merge, keeping “Vinton Cerf”" }).click();
  await expect(page.getByText("The two speakers are merged")).toBeVisible();
  await expect(page.getByTestId("merge-proposal").filter({ hasText: "“VINT CERF”" }).filter({ hasText: "“VINTON CERF”" })).toHaveCount(0);

  await page.getByLabel("Name, label or organisation").fill("Bertrand de La Chapelle");
  await page.getByRole("button", { name: "Filter" }).click();
  await page.getByRole("link", { name: "Bertrand De La Chapelle" }).first().click();
  await axe();
  await page.getByLabel("Organisation").fill("Internet & Jurisdiction Policy Network");
  await page.getByLabel("Stakeholder group").selectOption({ label: "Civil society" });
  await page.getByLabel("Country").selectOption("FR");
  await page.getByRole("button", { name: "Save the mapping" }).click();
  await expect(page.getByText(/The mapping is saved/)).toBeVisible();

  // The public transcript attributes the turns: the merged name, the organisation and the group.
  await page.goto(`/secretariat/consultations/${PAST}/sessions`);
  await page.getByRole("row", { name: new RegExp(title) }).getByRole("link", { name: "Public page" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.locator("#t4")).toContainText("Bertrand De La Chapelle (Internet & Jurisdiction Policy Network)");
  await expect(page.locator("#t4")).toContainText("Civil society");
  await expect(page.locator("#t9")).toContainText("Vinton Cerf");
  await expect(page.locator("#t2")).toContainText("procedural");
  await axe();
});

test("the secretariat finds the session's points in the synthesis and the archive", async ({ page, axe }) => {
  test.setTimeout(180_000);
  expect(forumSlug, "the import journey runs first").not.toBe("");
  const sec = demoAccount("SECRETARIAT");
  await signIn(page, sec.email, sec.password);
  await buildSynthesis(page, PAST);
  await expect(page.locator("article p", { hasText: /The paper also draws on the transcripts of \d+ meeting sessions?/ }).first()).toBeVisible();
  // What Vinton Cerf said is behind a point, linked to his turn; the chair's courtesy is behind none.
  const spoken = page.locator(`article a[href^="/consultations/${PAST}/sessions/${forumSlug}#t"]`);
  await expect(spoken.first()).toBeAttached();
  await expect(page.locator("article blockquote", { hasText: "End-to-end encryption must stay the default for messaging services." }).first()).toBeAttached();
  await expect(page.locator("article blockquote", { hasText: "Please keep your interventions short" })).toHaveCount(0);
  await expect(page.locator("article p[data-paper-paragraph]", { hasText: /speakers?\b/ }).first()).toBeVisible();
  await axe();

  // The archive finds the turn, and its link opens the transcript at it.
  await page.goto(`/archive?q=${encodeURIComponent("client-side scanning")}`);
  const results = page.getByTestId("archive-results");
  await expect(results).toContainText("Session transcript");
  await results.getByRole("link", { name: /^Open forum: taking stock/ }).first().click();
  await expect(page).toHaveURL(new RegExp(`/sessions/${forumSlug}#t\\d+$`));
});

test("the secretariat follows a point of the synthesis as an issue, links a later session, and the public sees its path", async ({ page, axe }) => {
  test.setTimeout(150_000);
  expect(forumSlug, "the import journey runs first").not.toBe("");
  const sec = demoAccount("SECRETARIAT");
  await signIn(page, sec.email, sec.password);
  // The synthesis journey above built the past round's draft: each point offers to be followed.
  await page.goto(`/secretariat/consultations/${PAST}/synthesis`);
  await page.getByRole("link", { name: /^Follow point \d+ as an issue$/ }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Follow a new issue" })).toBeVisible();
  await axe();

  // Nothing named: said next to the field, nothing stored.
  const title = `Encryption by default ${Date.now()}`;
  const chosen = page.getByRole("radio", { checked: true });
  if ((await chosen.count()) === 0) await page.getByRole("radio", { disabled: false }).first().check();
  await page.getByRole("button", { name: "Follow this issue" }).click();
  await expect(page.getByText("Enter a title (at least 3 characters).")).toBeVisible();
  await page.getByLabel("Title of the issue").fill(title);
  await page.getByLabel("Description", { exact: true }).fill("Whether end-to-end encryption stays the default for messaging services.");
  await page.getByLabel("Raised on").fill("2025-07-01");
  await page.getByRole("button", { name: "Follow this issue" }).click();
  await expect(page.getByText("The issue is created. Link below what took it up later.")).toBeVisible();
  await expect(page.getByTestId("issue-steps").getByRole("listitem")).toHaveCount(1);
  await axe();

  // A later session took it up: choose its round, then the session, a status, a date and a note.
  await page.getByLabel("Round where it was taken up").selectOption(PAST);
  await page.getByRole("button", { name: "Show its points and sessions" }).click();
  const session = page.getByLabel("What took it up");
  await session.selectOption(`session:${forumSlug}`);
  await page.locator("#new-step-status").selectOption("DISCUSSED");
  await page.locator("#new-step-date").fill("2026-11-18");
  await page.locator("#new-step-note").fill("Discussed at the stock-taking open forum.");
  await page.getByRole("button", { name: "Add this step" }).click();
  await expect(page.getByText("The step is added to the path.")).toBeVisible();
  await expect(page.getByTestId("issue-steps").getByRole("listitem")).toHaveCount(2);
  await axe();

  // The public finds it from the archive and reads its path by date, the session linked to its transcript.
  await page.goto("/archive");
  await page.getByRole("link", { name: "Issues followed across meetings" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Issues followed across meetings" })).toBeVisible();
  await axe();
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const path = page.getByTestId("issue-path").getByRole("listitem");
  await expect(path).toHaveCount(2);
  await expect(path.nth(0)).toContainText("Raised");
  await expect(path.nth(0)).toContainText("Synthesis point");
  await expect(path.nth(1)).toContainText("Discussed");
  await expect(path.nth(1)).toContainText("Discussed at the stock-taking open forum.");
  await expect(path.nth(1).getByRole("link", { name: /^Open forum: taking stock/ })).toHaveAttribute("href", `/consultations/${PAST}/sessions/${forumSlug}`);
  await axe();
});

test("anyone reads a past session's transcript beside its rapporteur's report, and its remote messages", async ({ page, axe }) => {
  await page.goto(`/consultations/${PAST}`);
  await expect(page.getByRole("region", { name: "Meeting sessions" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Messages from remote participants" })).toBeVisible();
  await axe();
  await page.getByRole("link", { name: "Main session: Meaningful access and digital inclusion" }).click();
  await expect(page.getByRole("region", { name: "Transcript" })).toContainText("Wanjiru Kamau (Ministry of Communications of Kenya)");
  await expect(page.getByRole("complementary", { name: "Rapporteur's report" })).toContainText("Affordability of devices");
  await axe();
  await page.goto(`/consultations/${PAST}/remote?hashtag=access`);
  await expect(page.getByText(/messages? with #access/)).toBeVisible();
  await axe();
});

test("the secretariat moderates remote messages; they are counted apart on the balance dashboard", async ({ page, axe }) => {
  const sec = demoAccount("SECRETARIAT");
  await signIn(page, sec.email, sec.password);
  await page.goto(`/secretariat/consultations/${PAST}/remote`);
  await expect(page.getByRole("heading", { level: 1, name: "Remote messages" })).toBeVisible();
  await axe();
  const pending = page.getByTestId("remote-item");
  await expect(pending.first()).toBeVisible();
  const count = await pending.count();
  for (let i = 0; i < count; i++) await pending.nth(i).getByRole("checkbox").check();
  await page.getByRole("button", { name: "Publish the selected" }).click();
  await expect(page.getByText(new RegExp(`${count} messages? moderated`))).toBeVisible();
  await page.goto(`/consultations/${PAST}/remote`);
  await expect(page.getByText("When our one submarine cable fails")).toBeVisible();
  await page.goto(`/secretariat/consultations/${PAST}/balance`);
  await expect(page.getByRole("heading", { name: "Session transcripts (counted apart)" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Remote messages (counted apart)" })).toBeVisible();
  await axe();
});

test("anyone searches the archive across the years and follows a theme's trend", async ({ page, axe }) => {
  test.setTimeout(120_000);
  await page.goto("/");
  await page.getByRole("link", { name: "Archive" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Archive" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "2025" })).toBeVisible();
  await axe();

  await page.getByLabel("Words to find").fill("spectrum");
  await page.getByLabel("Year").selectOption("2025");
  await page.getByRole("button", { name: "Search" }).click();
  const results = page.getByTestId("archive-results");
  await expect(results).toContainText("Session transcript");
  await expect(results).toContainText("Written contribution");
  await axe();
  await page.getByRole("link", { name: /^Session transcript \(\d+\)$/ }).click();
  await expect(results.getByText("Written contribution")).toHaveCount(0);
  await results.getByRole("link", { name: "Main session: Meaningful access and digital inclusion" }).first().click();
  await expect(page).toHaveURL(/\/sessions\/main-session-meaningful-access#t\d+$/);

  await page.goto("/archive/themes");
  await expect(page.getByRole("heading", { level: 1, name: "Themes across the years" })).toBeVisible();
  await axe();
  await page.getByRole("link", { name: "Access", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Access across the years" })).toBeVisible();
  const table = page.getByRole("table", { name: "Contributions per year by stakeholder group" });
  await expect(table.getByRole("rowheader", { name: "2025" })).toBeVisible();
  await expect(table.getByRole("columnheader", { name: "Unclassified" })).toBeVisible();
  await axe();
});

test("the secretariat maps a theme of one round to another round's theme", async ({ page, axe }) => {
  const sec = demoAccount("SECRETARIAT");
  await signIn(page, sec.email, sec.password);
  await page.goto("/secretariat/themes");
  await expect(page.getByRole("heading", { level: 1, name: "Themes across rounds" })).toBeVisible();
  await axe();
});
