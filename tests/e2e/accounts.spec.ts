// Accounts in the browser: a newcomer signs up, confirms the address through the link an admin reads in the outbox,
// and contributes; forgets the password, resets it, and the old session is gone. A cookie replayed after sign-out is
// refused. Every page sends a nonce-based CSP; the `cspViolations` fixture fails any journey whose pages report a
// violation, and a script injected into a page is refused. Axe on every new page.
import type { BrowserContext, Page } from "@playwright/test";
import { checkAccessibility, demoAccount, expect, signIn, test } from "./fixtures.ts";

const SLUG = "igf-preparatory-round";

/** The newest outbox message of this subject to this address: its links, as the admin sees them. */
async function linkFromOutbox(admin: Page, address: string, subject: string, pattern: RegExp): Promise<string> {
  let href: string | null = null;
  await expect(async () => {
    await admin.goto(`/secretariat/outbox?to=${encodeURIComponent(address)}`);
    await admin.getByRole("link", { name: subject }).first().click({ timeout: 15_000 });
    // Not there until the worker has rendered the message: then go round again.
    href = await admin.getByRole("link", { name: pattern }).first().getAttribute("href", { timeout: 5_000 });
  }).toPass({ timeout: 90_000 });
  return href ?? "";
}

test("a newcomer signs up, confirms the address from the outbox, contributes; resets a forgotten password and the old session ends", async ({ page, browser, axe }) => {
  test.slow(); // three browser contexts, the worker rendering mail, a dozen axe scans on a shared machine
  const email = `newcomer-${Date.now()}@example.org`;
  const response = await page.goto("/signup");
  const policy = response?.headers()["content-security-policy"] ?? "";
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(response?.headers()["permissions-policy"]).toContain("camera=()");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("qwertyuiop123");
  await page.getByLabel("Display name").fill("Amara Okafor");
  await page.getByLabel("Organisation", { exact: true }).fill("Lagos Digital Rights Initiative");
  await page.getByLabel("Stakeholder group").selectOption({ label: "Civil society" });
  await page.getByLabel("Country").selectOption("NG");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("This password is too easy to guess.")).toBeVisible();
  await axe();
  await page.getByLabel("Password").fill("amber kites over the lagoon");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
  await axe();
  await page.getByRole("status").getByRole("link", { name: "Sign in" }).click();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("amber kites over the lagoon");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/profile\?welcome=1/);
  await expect(page.getByRole("heading", { name: "Confirm your e-mail address" })).toBeVisible();
  await axe();

  // Not yet confirmed: the contribute page says why sending waits.
  await page.goto(`/consultations/${SLUG}/contribute`);
  await expect(page.getByText(`We sent a link to ${email}.`)).toBeVisible();
  await axe();

  // The admin reads the message in the outbox (no SMTP server here) and passes the link on.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  const adminAccount = demoAccount("ADMIN");
  await signIn(admin, adminAccount.email, adminAccount.password);
  const verifyLink = await linkFromOutbox(admin, email, "Confirm your e-mail address for Agora", /\/verify-email\?token=/);
  await page.goto(verifyLink);
  await expect(page.getByText(`Confirm that ${email} is your address?`)).toBeVisible();
  await axe();
  await page.getByRole("button", { name: "Confirm my address" }).click();
  await expect(page.getByText(`Thank you: ${email} is confirmed.`)).toBeVisible();

  await page.goto(`/consultations/${SLUG}/contribute`);
  await expect(page.getByText(`We sent a link to ${email}.`)).toHaveCount(0);
  await page.getByLabel("Title").fill("Rights-respecting content moderation");
  await page.getByRole("textbox", { name: "Your contribution" }).fill("Content moderation rules should be transparent and open to appeal, in every language users write in.");
  await page.getByRole("checkbox", { name: "Openness" }).check();
  await page.getByRole("button", { name: "Send contribution" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Receipt" })).toBeVisible();

  // Forgotten password, from another browser; the first one stays signed in until the reset.
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await other.goto("/signin");
  await other.getByRole("link", { name: "Forgot your password?" }).click();
  await checkAccessibility(other);
  await other.getByLabel("Email").fill(email);
  await other.getByRole("button", { name: "Send me a link" }).click();
  await expect(other.getByText(`If an account uses ${email}, a link to reset its password is on its way.`)).toBeVisible();
  await checkAccessibility(other);
  const resetLink = await linkFromOutbox(admin, email, "Reset your password for Agora", /\/reset-password\?token=/);
  await other.goto(resetLink);
  await checkAccessibility(other);
  await other.getByLabel("New password", { exact: true }).fill("harbour lights in the rain");
  await other.getByLabel("New password, again").fill("harbour lights in the rain");
  await other.getByRole("button", { name: "Save the new password" }).click();
  await expect(other.getByText("Your password was changed and every session was signed out.")).toBeVisible();
  await checkAccessibility(other);
  await signIn(other, email, "harbour lights in the rain");
  await other.goto("/profile");
  await expect(other.getByRole("heading", { level: 1, name: "Profile" })).toBeVisible();

  // The old session is gone.
  await page.goto("/profile");
  await expect(page).toHaveURL(/\/signin/);
  await Promise.all([adminContext.close(), otherContext.close()]);
});

test("signing up with an address that already has an account answers as for a new one; its owner gets an e-mail instead", async ({ page, browser }) => {
  const owner = demoAccount("PARTICIPANT");
  await page.goto("/signup");
  await page.getByLabel("Email").fill(owner.email);
  await page.getByLabel("Password").fill("amber kites over the lagoon");
  await page.getByLabel("Display name").fill("Someone Else");
  await page.getByLabel("I take part as an individual, not for an organisation").check();
  await page.getByLabel("Stakeholder group").selectOption({ label: "Academic community" });
  await page.getByLabel("Country").selectOption("FR");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("status").getByText(`We sent a message to ${owner.email}.`)).toBeVisible();

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  const adminAccount = demoAccount("ADMIN");
  await signIn(admin, adminAccount.email, adminAccount.password);
  const resetPage = await linkFromOutbox(admin, owner.email, "Someone tried to create an account on Agora with your address", /\/forgot-password/);
  expect(resetPage).toMatch(/\/forgot-password$/);
  await adminContext.close();
  // The account is untouched: its own password still signs in.
  await signIn(page, owner.email, owner.password);
  await page.goto("/profile");
  await expect(page.getByRole("heading", { level: 1, name: "Your profile" })).toBeVisible();
});

test("a session cookie replayed after sign-out is refused", async ({ page, browser }) => {
  const participant = demoAccount("PARTICIPANT");
  await signIn(page, participant.email, participant.password);
  const captured = await page.context().cookies();
  expect(captured.some((cookie) => cookie.name.includes("next-auth.session-token"))).toBe(true);
  await page.goto("/profile");
  await page.evaluate(async () => {
    const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    await fetch("/api/auth/signout", { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ csrfToken, json: "true" }) });
  });
  const replay: BrowserContext = await browser.newContext();
  await replay.addCookies(captured);
  const replayed = await replay.newPage();
  await replayed.goto("/profile");
  await expect(replayed).toHaveURL(/\/signin/);
  await replay.close();
});

test("the page policy refuses an inline handler injected into a page, and the browser reports it", async ({ page, cspViolations }) => {
  const response = await page.goto("/signin");
  expect(response?.headers()["permissions-policy"]).toBe("camera=(), microphone=(), geolocation=(), payment=(), usb=(), fullscreen=(self)");
  expect(response?.headers()["strict-transport-security"]).toBeUndefined(); // plain http here: HSTS only over https
  // What an XSS would try: markup with an inline handler, as a sanitiser slip would let through.
  await page.evaluate(() => {
    document.body.insertAdjacentHTML("beforeend", '<img alt="" src="data:," onerror="document.title = \'pwned\'">');
  });
  await expect.poll(() => cspViolations.length).toBe(1);
  expect(cspViolations[0]).toMatch(/inline event handler violates the following Content Security Policy directive 'script-src/);
  await expect(page).not.toHaveTitle("pwned");
  cspViolations.length = 0; // seen and expected: the automatic check after the test looks for unexpected ones
});
