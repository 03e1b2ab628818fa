// Playwright: end-to-end tests against the production build, served by npm start's script on a throwaway database.
import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { E2E_DATA_DIR, E2E_DEMO_PASSWORD, E2E_PG_PORT, E2E_PORT } from "./tests/e2e/env.ts";

// `npx playwright install` cannot download here; Debian's chromium works (see /work/shared/STACK-NOTES.md).
const chromiumPath =
  process.env.PLAYWRIGHT_CHROMIUM_PATH ?? (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
const baseURL = `http://localhost:${E2E_PORT}`;

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // 2 cores are shared with Next.js and PostgreSQL.
  workers: process.env.CI ? 1 : 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // The JSON report feeds the suite's closing summary line (scripts/test-summary.mjs).
  reporter: [["list"], ["json", { outputFile: ".data/reports/playwright.json" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: chromiumPath,
          args: [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
          ],
        },
      },
    },
  ],
  webServer: {
    command: "npx tsx --import ./scripts/lib/server-only.mjs tests/e2e/server.ts",
    url: baseURL,
    // A cold `next build` on 2 cores takes 3+ minutes.
    timeout: 10 * 60_000,
    reuseExistingServer: !process.env.CI && process.env.E2E_REUSE_SERVER === "1",
    // SIGTERM lets scripts/start.ts stop Next.js and then PostgreSQL; the default SIGKILL would orphan Postgres.
    gracefulShutdown: { signal: "SIGTERM", timeout: 30_000 },
    stdout: "pipe",
    stderr: "pipe",
    env: {
      AGORA_DATA_DIR: E2E_DATA_DIR,
      AGORA_PG_PORT: String(E2E_PG_PORT),
      PORT: String(E2E_PORT),
      SEED_DEMO_PASSWORD: E2E_DEMO_PASSWORD,
      NEXTAUTH_URL: baseURL,
    },
  },
});
