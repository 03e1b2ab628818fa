// Shared e2e helpers: `test` with an `axe` accessibility check, `signIn`, and the demo accounts of the e2e database.
import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";
import { E2E_DATA_DIR, E2E_DEMO_PASSWORD } from "./env.ts";

export { expect };

interface Fixtures {
  /** Fails the test on any WCAG 2 A/AA violation on the current page. */
  axe: (options?: AxeOptions) => Promise<void>;
  /** Automatic: fails the test if any page of any of its browser contexts reports a Content-Security-Policy violation. */
  cspViolations: string[];
}

interface AxeOptions {
  exclude?: string[];
  /** Leave frames out: a sandboxed frame without scripts (an e-mail preview) cannot run axe. */
  skipFrames?: boolean;
}

/** The axe check of the `axe` fixture, for any page (e.g. one in a second browser context). */
export async function checkAccessibility(page: Page, options: AxeOptions = {}): Promise<void> {
  // React 19 hoists <title> into <head> as the page streams in; scan once it is there.
  await expect(page).toHaveTitle(/\S/);
  let builder = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]);
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  // Left out of the context, a frame is never entered (axe-core/playwright would wait for ever on a frame that runs no scripts).
  if (options.skipFrames) builder = builder.exclude("iframe").options({ iframes: false });
  const { violations } = await builder.analyze();
  const summary = violations.map(
    (violation) => `${violation.id} (${violation.impact ?? "?"}): ${violation.help}\n    ${violation.nodes.map((node) => node.target.join(" ")).join("\n    ")}`,
  );
  expect(summary, `accessibility violations on ${page.url()}`).toEqual([]);
}

/** What Chromium writes on the console when the page's policy refuses something (a script, a style, a request...). */
const CSP_VIOLATION = /Content[- ]Security[- ]Policy/i;

function watchContext(context: BrowserContext, violations: string[]): void {
  context.on("console", (message) => {
    if (CSP_VIOLATION.test(message.text())) violations.push(`${message.page()?.url() ?? "?"}: ${message.text()}`);
  });
}

export const test = base.extend<Fixtures>({
  // Every journey doubles as a check of the nonce-based policy (proxy.ts): the default context and every context a
  // test opens with browser.newContext() are watched until the test ends.
  cspViolations: [
    async ({ context, browser }, provide) => {
      const violations: string[] = [];
      watchContext(context, violations);
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (...args) => {
        const created = await newContext(...args);
        watchContext(created, violations);
        return created;
      };
      try {
        await provide(violations);
      } finally {
        browser.newContext = newContext;
      }
      expect(violations, "Content-Security-Policy violations reported by the browser").toEqual([]);
    },
    { auto: true },
  ],
  // `provide` is Playwright's `use`, renamed so the React hooks lint rule does not mistake it for React's use().
  axe: async ({ page }, provide) => {
    await provide((options = {}) => checkAccessibility(page, options));
  },
});

/** The e2e seed gives every demo account the same password; the emails come from what the seed reported. */
export function demoAccount(role: string): { email: string; password: string } {
  const file = path.join(E2E_DATA_DIR, "demo-accounts.json");
  const accounts = JSON.parse(fs.readFileSync(file, "utf8")) as { role: string; email: string }[];
  const account = accounts.find((candidate) => candidate.role === role);
  if (!account) throw new Error(`No ${role} demo account in ${file}`);
  return { email: account.email, password: E2E_DEMO_PASSWORD };
}

export async function signIn(page: Page, email: string, password: string = E2E_DEMO_PASSWORD): Promise<void> {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/signin"));
}

/** Opens the signed-in account menu of the header (wide screens), where notifications, profile and sign-out live. */
export async function openAccountMenu(page: Page): Promise<void> {
  const summary = page.locator("header summary", { hasText: "Account:" });
  if ((await summary.locator("xpath=..").getAttribute("open")) === null) await summary.click();
}

export async function signOut(page: Page): Promise<void> {
  await openAccountMenu(page);
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
}
