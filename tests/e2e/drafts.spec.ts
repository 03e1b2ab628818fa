// Commenting on a draft, paragraph by paragraph: keyboard only, moderation awareness, versions, axe on every page.
import type { Page } from "@playwright/test";
import { checkAccessibility, demoAccount, expect, signIn, test } from "./fixtures.ts";

const DRAFT = "/consultations/igf-preparatory-round/drafts/draft-programme";

/** Presses Tab until the focused element matches, like a keyboard user would. */
async function tabTo(page: Page, matches: (el: { tag: string; text: string; id: string }) => boolean, max = 120): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const el = await page.evaluate(() => {
      const a = document.activeElement;
      return { tag: a?.tagName.toLowerCase() ?? "", text: (a?.textContent ?? "").replace(/\s+/g, " ").trim(), id: a?.id ?? "" };
    });
    if (matches(el)) return;
  }
  throw new Error("never reached the expected element with Tab");
}

test.describe.configure({ mode: "serial" });

test("a comment awaiting moderation is visible to its author only", async ({ page, browser, axe }) => {
  const participant = demoAccount("PARTICIPANT");
  await signIn(page, participant.email, participant.password);
  await page.goto(DRAFT);
  await expect(page.getByRole("heading", { level: 1, name: "Draft programme of the annual meeting" })).toBeVisible();
  await axe();
  const whole = page.locator("section", { has: page.getByRole("heading", { name: "Comments on the whole draft" }) });
  await whole.getByLabel("Your comment").fill("The programme should say how remote participants can take the floor.");
  await whole.getByRole("button", { name: "Publish comment" }).click();
  await expect(whole.getByText("Your comment is awaiting moderation", { exact: false })).toBeVisible();
  await expect(whole.getByText("Awaiting moderation: only you can see this comment for now.")).toBeVisible();
  await axe();

  const visitor = await browser.newPage();
  await visitor.goto(DRAFT);
  await expect(visitor.getByRole("heading", { name: "Comments on the whole draft" })).toBeVisible();
  await expect(visitor.getByText("how remote participants can take the floor")).toHaveCount(0);
  await visitor.close();
});

test("a participant comments on paragraph 6 with the keyboard only and another person sees it", async ({ page, browser, axe }) => {
  // Post-moderation, switched by the secretariat in the consultation admin, so the comment is public at once.
  const secretariat = demoAccount("SECRETARIAT");
  const admin = await browser.newPage();
  await signIn(admin, secretariat.email, secretariat.password);
  await admin.goto("/secretariat/consultations/igf-preparatory-round");
  await admin.getByLabel("Moderation of comments").selectOption("POST");
  await admin.getByRole("button", { name: "Save changes" }).click();
  await admin.waitForURL(/saved=1/);
  await admin.close();

  const participant = demoAccount("PARTICIPANT");
  await signIn(page, participant.email, participant.password);
  await page.goto(DRAFT);
  await page.locator("body").focus();
  // The seed's version 2 is current; its security item (paragraph 6) has no comment yet.
  await tabTo(page, (el) => el.tag === "a" && el.text.startsWith("Paragraph 6:"));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\?p=/);
  await expect(page.getByRole("heading", { name: "Comments on paragraph 6" })).toBeFocused();
  await tabTo(page, (el) => el.tag === "textarea" && el.id.endsWith("-body"));
  await page.keyboard.type("Please add community networks to the security session.");
  await tabTo(page, (el) => el.tag === "summary");
  await page.keyboard.press("Enter"); // open "Propose replacement text"
  await page.keyboard.press("Tab");
  await page.keyboard.press("End");
  await page.keyboard.type(" Community networks will be included.");
  await tabTo(page, (el) => el.tag === "button" && el.text === "Publish comment");
  await page.keyboard.press("Enter");
  await expect(page.getByText("Your comment is published.")).toBeVisible();
  const discussion = page.locator("#discussion");
  await expect(discussion.locator("p", { hasText: "Please add community networks to the security session." })).toBeVisible();
  await expect(discussion.getByRole("figure")).toContainText("Community networks will be included.");
  await axe();

  const visitor = await browser.newPage();
  await visitor.goto(DRAFT);
  const link = visitor.getByRole("link", { name: /^Paragraph 6: 1 comment/ });
  await link.focus();
  await expect(visitor.getByRole("tooltip")).toContainText("Civil society");
  await link.press("Enter");
  await expect(visitor.locator("#discussion p", { hasText: "Please add community networks to the security session." })).toBeVisible();
  await expect(visitor.locator("#discussion")).toContainText("Priya Participant");
  await expect(visitor.getByRole("link", { name: "Sign in to comment" }).first()).toBeVisible();
  await visitor.close();
});

test("the whole-draft discussion opens on demand and a reader sees its comments", async ({ page, browser, axe }) => {
  const participant = demoAccount("PARTICIPANT");
  await signIn(page, participant.email, participant.password);
  await page.goto(DRAFT);
  const mine = page.locator("section", { has: page.getByRole("heading", { name: "Comments on the whole draft" }) });
  await mine.getByLabel("Your comment").fill("The closing session should leave time for questions from the floor.");
  await mine.getByRole("button", { name: "Publish comment" }).click();
  await expect(mine.getByRole("status")).toContainText(/Your comment is (awaiting moderation|published)/);
  // Collapsed, the author still sees their own comment.
  await expect(mine.locator("p", { hasText: "time for questions from the floor" })).toBeVisible();
  await axe();

  const context = await browser.newContext();
  const visitor = await context.newPage();
  await visitor.goto(DRAFT);
  const whole = visitor.locator("section", { has: visitor.getByRole("heading", { name: "Comments on the whole draft" }) });
  // Collapsed for a visitor: the link says how many comments there are, none is sent.
  await expect(whole.getByRole("article")).toHaveCount(0);
  const open = whole.getByRole("link", { name: /^Show the \d+ comments? on the whole draft$/ });
  await expect(open).toHaveAttribute("aria-expanded", "false");
  await open.click();
  await expect(visitor).toHaveURL(/whole=1/);
  await expect(whole.getByRole("list", { name: "Comments on the whole draft" }).getByRole("article").first()).toBeVisible();
  await expect(whole.getByRole("link", { name: "Hide the comments on the whole draft" })).toHaveAttribute("aria-expanded", "true");
  await checkAccessibility(visitor);
  await context.close();
});

test("the secretariat publishes a new version; comments follow their paragraph and versions can be compared", async ({ page, axe }) => {
  const secretariat = demoAccount("SECRETARIAT");
  await signIn(page, secretariat.email, secretariat.password);
  await page.goto("/secretariat/consultations/igf-preparatory-round/drafts");
  await axe();
  await page.getByRole("link", { name: "Draft programme of the annual meeting" }).click();
  await axe();
  const source = page.getByLabel("Markdown text");
  const text = await source.inputValue();
  await source.fill(
    text
      .replace("- A main session on security and trust, including spam and cybercrime.\n", "")
      .replace("- A main session on access", "- A main session on security and trust, including spam and cybercrime.\n- A main session on access")
      .replace("including affordability, open-access backbones and infrastructure", "including affordability, open-access backbones, community networks and infrastructure"),
  );
  await page.getByRole("button", { name: "Publish version" }).click();
  // The seed already published version 2.
  await expect(page.getByText(/Version 3 was published: 1 edited, 1 moved/)).toBeVisible();

  await page.goto(DRAFT);
  await expect(page.getByText(/Version 3, published/)).toBeVisible();
  // The security item is now paragraph 3; the comment made on version 2 stays on it, marked with its version.
  await page.getByRole("link", { name: /^Paragraph 3: 1 comment/ }).click();
  await expect(page.locator("#discussion")).toContainText("on version 2, paragraph 6");
  await axe();
  await page.goto(`${DRAFT}/compare?from=2&to=3`);
  await expect(page.getByRole("heading", { name: "Changes from version 2 to version 3" })).toBeVisible();
  await expect(page.locator("ins").filter({ hasText: "community networks" }).first()).toBeVisible();
  await axe();
  await page.goto(`${DRAFT}/versions/1`);
  await expect(page.getByText("You are reading version 1.")).toBeVisible();
  await axe();
});
