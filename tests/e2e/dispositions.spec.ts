// The secretariat publishes version 2 of a draft, answers three comments with the keyboard (one of them a campaign
// of two identical comments, in bulk), the public table shows the answers and downloads, and the author of an
// answered comment sees the disposition in the notifications and beside the comment. axe on every page.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { hash } from "@node-rs/argon2";
import { parse } from "csv-parse/sync";
import { demoAccount, expect, signIn, test } from "./fixtures.ts";
import { E2E_PG_PORT } from "./env.ts";

const DB_URL = `postgresql://agora:agora@127.0.0.1:${E2E_PG_PORT}/agora`;
const SLUG = `answers-${randomUUID().slice(0, 6)}`;
const DRAFT = "programme";
const AUTHOR = { email: `author-${randomUUID().slice(0, 8)}@e2e.example`, password: "Answered-comment-passphrase-7" };
const P1 = "The meeting opens with a session on access for the next billion users.";
const P2 = "Every main session brings together speakers from each stakeholder group.";
const P3 = "Workshops are chosen for balance across regions and gender.";
const SOURCE = `## Sessions\n\n${P1}\n\n${P2}\n\n${P3}\n`;
const CAMPAIGN_TEXT = "Speakers from developing countries should be at least half of every panel, as many of us asked before.";
const PUBLIC_BASE = `/consultations/${SLUG}/drafts/${DRAFT}`;
const REFERENCE = `ANS-${randomUUID().slice(0, 8)}`;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  // Its own consultation and draft, so the seed's draft that other journeys change stays as they expect.
  const client = new pg.Client({ connectionString: DB_URL });
  await client.connect();
  try {
    const cid = randomUUID();
    const did = randomUUID();
    const vid = randomUUID();
    await client.query(
      `INSERT INTO "Consultation" (id, slug, title, description, status, "moderationMode", "commentsOpenAt", "commentsCloseAt", "updatedAt")
       VALUES ($1, $2, 'Consultation for answering comments', 'Comments to answer.', 'PUBLISHED', 'POST', now() - interval '3 days', now() + interval '3 days', now())`,
      [cid, SLUG],
    );
    await client.query(`INSERT INTO "BalancePolicy" (id, "consultationId", "updatedAt") VALUES ($1, $2, now())`, [randomUUID(), cid]);
    await client.query(`INSERT INTO "DraftDocument" (id, "consultationId", slug, title, "updatedAt") VALUES ($1, $2, $3, 'Programme for answering', now())`, [did, cid, DRAFT]);
    await client.query(`INSERT INTO "DraftVersion" (id, "draftId", number, source, "publishedAt") VALUES ($1, $2, 1, $3, now() - interval '2 days')`, [vid, did, SOURCE]);
    const blocks = [
      { kind: "HEADING", level: 2, number: null, text: "Sessions" },
      { kind: "PARAGRAPH", level: 0, number: 1, text: P1 },
      { kind: "PARAGRAPH", level: 0, number: 2, text: P2 },
      { kind: "PARAGRAPH", level: 0, number: 3, text: P3 },
    ];
    const paragraphs: { id: string; anchor: string }[] = [];
    for (const [position, b] of blocks.entries()) {
      const id = randomUUID();
      const anchor = randomUUID().slice(0, 8);
      await client.query(
        `INSERT INTO "Paragraph" (id, "versionId", "anchorId", number, position, kind, level, text, "sectionTitle", change) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'Sessions', 'NEW')`,
        [id, vid, anchor, b.number, position, b.kind, b.level, b.text],
      );
      paragraphs.push({ id, anchor });
    }
    const user = async (name: string, group: string, email = `${randomUUID().slice(0, 8)}@e2e.example`, password: string = randomUUID()) => {
      const id = randomUUID();
      await client.query(
        `INSERT INTO "User" (id, email, "passwordHash", name, "stakeholderGroup", country, "updatedAt") VALUES ($1, $2, $3, $4, $5, 'GH', now())`,
        [id, email, await hash(password, { memoryCost: 19456, timeCost: 2, parallelism: 1 }), name, group],
      );
      return id;
    };
    const author = await user("Abena Author", "CIVIL_SOCIETY", AUTHOR.email, AUTHOR.password);
    const campaign = randomUUID();
    await client.query(`INSERT INTO "Campaign" (id, "consultationId", label) VALUES ($1, $2, 'Developing-country speakers')`, [campaign, cid]);
    const comment = async (authorId: string, name: string, group: string, p: { id: string; anchor: string }, body: string, minutesAgo: number, campaignId: string | null = null) =>
      client.query(
        `INSERT INTO "Comment" (id, "consultationId", "draftId", "draftVersionId", "paragraphId", "anchorId", "authorId", "authorName", "stakeholderGroup", country, region, developing, body, status, "campaignId", "createdAt", "publishedAt", "updatedAt")
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'GH', 'AFRICAN', true, $10, 'PUBLISHED', $11, now() - make_interval(mins => $12), now(), now())`,
        [randomUUID(), cid, did, vid, p.id, p.anchor, authorId, name, group, body, campaignId, minutesAgo],
      );
    const [, p1, p2, p3] = paragraphs;
    if (!p1 || !p2 || !p3) throw new Error("fixture paragraphs");
    await comment(author, "Abena Author", "CIVIL_SOCIETY", p1, "Please name community networks in the opening session.", 60);
    await comment(await user("Kofi Campaigner", "CIVIL_SOCIETY"), "Kofi Campaigner", "CIVIL_SOCIETY", p2, CAMPAIGN_TEXT, 50, campaign);
    await comment(await user("Esi Campaigner", "CIVIL_SOCIETY"), "Esi Campaigner", "CIVIL_SOCIETY", p2, CAMPAIGN_TEXT, 40, campaign);
    await comment(await user("Yaw Official", "GOVERNMENT"), "Yaw Official", "GOVERNMENT", p3, "The selection of workshops should favour national initiatives.", 30);
    // A written contribution by the same author, sent after version 1 and before version 2.
    await client.query(
      `INSERT INTO "Submission" (id, reference, "consultationId", "authorId", "contributorKey", "contributorName", "stakeholderGroup", country, region, developing, title, body, language, status, "submittedAt", "publishedAt", "updatedAt")
       VALUES ($1, $2, $3, $4, $5, 'Abena Author', 'CIVIL_SOCIETY', 'GH', 'AFRICAN', true, 'Community networks first', 'Community networks connect the unconnected.', 'en', 'PUBLISHED', now() - interval '1 day', now() - interval '1 day', now())`,
      [randomUUID(), REFERENCE, cid, author, `user:${author}`],
    );
  } finally {
    await client.end();
  }
});

test("the secretariat publishes version 2 and answers three comments, one of them in bulk", async ({ page, axe }) => {
  const secretariat = demoAccount("SECRETARIAT");
  await signIn(page, secretariat.email, secretariat.password);
  await page.goto(`/secretariat/consultations/${SLUG}/drafts/${DRAFT}`);
  await expect(page.getByText("Once a new version is published, the comments on the previous one can be answered here.")).toBeVisible();
  const source = page.getByLabel("Markdown text");
  await source.fill((await source.inputValue()).replace("for the next billion users.", "for the next billion users, including community networks."));
  await page.getByRole("button", { name: "Publish version" }).click();
  await expect(page.getByText(/Version 2 was published: 1 edited/)).toBeVisible();
  await page.getByRole("link", { name: "Answer the comments on version 1 (with version 2)" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Responses to comments on Programme for answering" })).toBeVisible();
  await expect(page.getByText("→ paragraph 1 of version 2 (Edited)")).toBeVisible();
  await axe();

  const row = (text: string) => page.getByRole("listitem").filter({ hasText: text }).locator("input[data-row]");
  // 1. Accept the author's comment: the paragraph comes pre-filled from the matching.
  await row("Please name community networks").focus();
  await page.keyboard.press("a");
  await expect(page.getByRole("group", { name: "Answer 1 comment" })).toBeVisible();
  await expect(page.getByLabel("Reason template")).toBeFocused();
  await expect(page.getByLabel("Paragraph of version 2 that reflects it")).toHaveValue(/.+/);
  await expect(page.getByLabel("Paragraph of version 2 that reflects it").locator("option:checked")).toHaveText(/^¶ 1 — /);
  await axe();
  await page.getByRole("button", { name: "Record “Accepted” for 1 comment" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status")).toContainText("1 comment answered");

  // 2. The campaign of two identical comments is one row: one answer goes to both.
  await expect(page.getByText("2 near-identical comments: the answer goes to each of them.")).toBeVisible();
  await row("Kofi Campaigner").focus();
  await page.keyboard.press("n");
  await expect(page.getByRole("group", { name: "Answer 2 comments" })).toBeVisible();
  await page.getByLabel("Reason template").selectOption({ label: "Covered elsewhere" });
  await expect(page.getByLabel("Reason (required)")).toHaveValue(/covered by another session/);
  await page.getByLabel("Paragraph of version 2 that reflects it").selectOption({ label: "None" });
  await page.getByRole("button", { name: "Record “Not accepted” for 2 comments" }).click();
  await expect(page.getByRole("status")).toContainText("2 comments answered");

  // 3. Out of scope needs a reason: without one the field says so, nothing is stored.
  await row("Yaw Official").focus();
  await page.keyboard.press("o");
  await page.getByLabel("Reason (required)").fill("");
  await page.getByRole("button", { name: "Record “Out of scope” for 1 comment" }).click();
  await expect(page.getByText("Give the reason: only a plain acceptance can go without one.")).toBeVisible();
  await page.getByLabel("Reason (required)").fill("Workshop selection is set by the call for proposals.");
  await page.getByRole("button", { name: "Record “Out of scope” for 1 comment" }).click();
  await expect(page.getByRole("status")).toContainText("1 comment answered");

  await page.getByLabel("Only comments with no answer yet").check();
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByText("No comment matches these filters.")).toBeVisible();
  await axe();
});

test("the public table shows the answers, counts them by group and downloads as CSV and DOCX", async ({ page, axe }) => {
  await page.goto(PUBLIC_BASE);
  await expect(page.getByText("The secretariat has answered 4 of 4 comments on version 1.")).toBeVisible();
  await page.getByRole("link", { name: "Read the responses to comments on version 1" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Responses to comments on version 1 of Programme for answering" })).toBeVisible();
  await expect(page.getByText("Accepted: 0 of 1 government comment, 1 of 3 civil-society comments.")).toBeVisible();
  await expect(page.getByText("Not accepted: 0 of 1 government comment, 2 of 3 civil-society comments.")).toBeVisible();
  const table = page.getByRole("table", { name: "Disposition of the comments on version 1" });
  const rowOf = (text: string) => table.getByRole("row").filter({ hasText: text });
  await expect(rowOf("Please name community networks")).toContainText("Accepted");
  await expect(rowOf("Yaw Official")).toContainText("Workshop selection is set by the call for proposals.");
  await expect(table.getByRole("row").filter({ hasText: "Not accepted" })).toHaveCount(2);
  await axe();

  await page.getByLabel("Disposition", { exact: true }).selectOption({ label: "Out of scope" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByText("1 comment.")).toBeVisible();
  await axe();

  const csv = await page.request.get(`/api/v1/consultations/${SLUG}/drafts/${DRAFT}/dispositions?version=1&format=csv`);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const records = parse((await csv.body()).toString("utf8").replace(/^\uFEFF/, ""), { columns: true }) as Record<string, string>[];
  expect(records.map((r) => r.disposition).sort()).toEqual(["ACCEPTED", "NOT_ACCEPTED", "NOT_ACCEPTED", "OUT_OF_SCOPE"]);
  const docx = await page.request.get(`/api/v1/consultations/${SLUG}/drafts/${DRAFT}/dispositions?version=1&format=docx`);
  expect(docx.status()).toBe(200);
  expect([...(await docx.body()).subarray(0, 2)]).toEqual([0x50, 0x4b]);
  const missing = await page.request.get(`/api/v1/consultations/${SLUG}/drafts/${DRAFT}/dispositions?version=2`);
  expect(missing.status()).toBe(404);
  expect(await missing.json()).toMatchObject({ error: "no_responses" });
});

test("the secretariat links the contribution to the changed paragraph; its page and the closing page show what became of the inputs", async ({ page, axe }) => {
  const secretariat = demoAccount("SECRETARIAT");
  await signIn(page, secretariat.email, secretariat.password);
  await page.goto(`/secretariat/consultations/${SLUG}/contributions/${REFERENCE}`);
  const select = page.getByLabel("Draft paragraph", { exact: true });
  await select.selectOption((await select.locator("option", { hasText: "¶ 1 (Edited) — The meeting opens" }).getAttribute("value")) ?? "");
  await page.getByRole("button", { name: "Link paragraph" }).click();
  await expect(page.getByText("The paragraph is linked to this contribution.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Programme for answering, version 2, paragraph 1" })).toBeVisible();
  await axe();

  await page.goto(`/consultations/${SLUG}/contributions/${REFERENCE}`);
  const became = page.getByRole("region", { name: "What became of this contribution" });
  await expect(became.getByRole("link", { name: "Programme for answering, version 2, paragraph 1" })).toBeVisible();
  await expect(became).toContainText("including community networks");
  await axe();

  await page.goto(`/consultations/${SLUG}`);
  await page.getByRole("link", { name: "See the outcome of the round" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Outcome of the round: Consultation for answering comments" })).toBeVisible();
  await expect(page.getByText("1 published contribution and 4 published comments.")).toBeVisible();
  await expect(page.getByText("4 of 4 comments on draft versions followed by a new version have been answered.")).toBeVisible();
  const accepted = page.getByRole("table", { name: "Comments accepted in full or in part, by stakeholder group" });
  await expect(accepted.getByRole("row", { name: /Civil society/ })).toContainText("33.3%");
  await expect(page.getByRole("table", { name: "Contributions reflected in a draft paragraph, by stakeholder group" }).getByRole("row", { name: /Civil society/ })).toContainText("100%");
  await axe();
});

test("the secretariat publishes the synthesis; the contribution's page shows the paragraph that cites it and the closing page counts it by group", async ({ page, axe }) => {
  // A build on the job queue and a few page round trips: on a loaded 2-core machine this takes a while.
  test.setTimeout(180_000);
  const secretariat = demoAccount("SECRETARIAT");
  await signIn(page, secretariat.email, secretariat.password);
  await page.goto(`/consultations/${SLUG}/contributions/${REFERENCE}`);
  const inPaper = page.getByRole("region", { name: "In the synthesis paper" });
  await expect(inPaper).toContainText("The secretariat has not published a synthesis paper of this round yet.");

  await page.goto(`/secretariat/consultations/${SLUG}/synthesis`);
  await page.getByRole("button", { name: /^(Build the draft|Regenerate from the current inputs)$/ }).click();
  await expect(page.getByText(/^Built from the current inputs \(build \d+\)\.$/)).toBeVisible({ timeout: 60_000 });
  await page.getByRole("button", { name: "Save as snapshot" }).click();
  await expect(page.getByText(/Snapshot \d+ was saved\./)).toBeVisible();
  await page.getByRole("button", { name: /^Publish snapshot \d+$/ }).click();
  // Confirmed in a dialog with Cancel (publishing tells the followers).
  await page.getByRole("dialog").getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByText(/Snapshot \d+ is published/)).toBeVisible();

  await page.goto(`/consultations/${SLUG}/contributions/${REFERENCE}`);
  await expect(inPaper).toContainText("The published synthesis paper cites this contribution in:");
  const cited = inPaper.getByTestId("synthesis-paragraph").first();
  await expect(cited).toContainText(/Paragraph \d+/);
  await expect(cited).toContainText("Community networks connect the unconnected");
  // The secretariat also sees where the live draft stands.
  await expect(inPaper.getByTestId("synthesis-live")).toContainText(/Paragraph \d+/);
  await axe();

  await page.goto(`/consultations/${SLUG}/outcome`);
  await expect(page.getByText("Version 1 of the published synthesis paper cites 1 of the 1 contributions it lists; the secretariat set aside 0.")).toBeVisible();
  await expect(page.getByRole("table", { name: "Contributions cited in the synthesis paper, by stakeholder group" }).getByRole("row", { name: /Civil society/ })).toContainText("100%");
  await axe();
});

test("the author sees the disposition in the notifications and beside the comment", async ({ page, axe }) => {
  await signIn(page, AUTHOR.email, AUTHOR.password);
  await page.goto("/notifications");
  await expect(page.getByText("The secretariat answered your comment “Please name community networks in the opening session.”: accepted.")).toBeVisible();
  await axe();
  await page.getByRole("listitem").filter({ hasText: "The secretariat answered your comment" }).getByRole("link", { name: "See details" }).click();
  const comment = page.locator("article", { hasText: "Please name community networks in the opening session." });
  const response = comment.getByRole("region", { name: "Response of the secretariat" });
  await expect(response).toContainText("Accepted");
  await expect(response.getByRole("link", { name: "Reflected in paragraph 1 of version 2" })).toBeVisible();
  await axe();
  await page.goto("/my/comments");
  await expect(page.getByRole("heading", { level: 1, name: "My comments" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Response of the secretariat" })).toContainText("Accepted");
  await axe();
  await page.goto("/notifications");
  await expect(page.getByText("Your contribution “" + REFERENCE + " — Community networks first” is reflected in the draft: the secretariat linked it to paragraph 1 of version 2 of “Programme for answering”.")).toBeVisible();
  await page.getByRole("listitem").filter({ hasText: "is reflected in the draft" }).getByRole("link", { name: "See details" }).click();
  await expect(page.getByRole("region", { name: "What became of this contribution" })).toBeVisible();
  // The author's own page of the contribution: the synthesis paragraph that cites it, without the live draft.
  await page.goto("/my/contributions");
  await page.getByRole("link", { name: /Community networks first/ }).first().click();
  const inPaper = page.getByRole("region", { name: "In the synthesis paper" });
  await expect(inPaper.getByTestId("synthesis-paragraph").first()).toContainText("Community networks connect the unconnected");
  await expect(inPaper.getByTestId("synthesis-live")).toHaveCount(0);
  await axe();
});

test("a newcomer finds the demo draft's answered comments at once", async ({ page, axe }) => {
  await page.goto("/consultations/igf-preparatory-round/drafts/draft-programme/dispositions?version=1");
  await expect(page.getByRole("heading", { level: 1, name: /Responses to comments on version 1/ })).toBeVisible();
  await expect(page.getByText(/^Accepted: 1 of 1 government comment/)).toBeVisible();
  await expect(page.getByRole("table", { name: "Disposition of the comments on version 1" }).getByRole("row")).toHaveCount(11);
  await axe();
});

