// Vitest: unit tests (no database) and integration tests (one fresh Postgres database per test file).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  resolve: {
    // Mirrors tsconfig "paths": { "@/*": ["./*"] }.
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      // Tests are server code: lib/ modules marked `import "server-only"` load as they do on the server.
      { find: /^server-only$/, replacement: `${root}/node_modules/server-only/empty.js` },
    ],
  },
  test: {
    environment: "node",
    // The JSON report feeds the suite's closing summary line (scripts/test-summary.mjs).
    reporters: ["default", ["json", { outputFile: ".data/reports/vitest.json" }]],
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts"],
    globalSetup: ["tests/setup/global-setup.ts"],
    setupFiles: ["tests/setup/per-file-db.ts"],
    // Forks, not threads: Prisma's wasm engines and pg pools are simplest to reason about one process per file.
    pool: "forks",
    testTimeout: 30_000,
    // Creating a database from the template and the first Prisma query can take a few seconds on 2 cores.
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
  },
});
