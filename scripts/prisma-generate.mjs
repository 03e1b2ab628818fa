// Runs `prisma generate` without letting the Prisma CLI download its native schema engine (npm postinstall and db:generate).
//
// The CLI fetches a schema-engine binary before most commands, and that download cannot be reached on our
// machines. `generate` never runs the binary, so pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing file
// (this Node executable) skips the download. Plain Node ESM on purpose: it runs during `npm ci`, before tsx.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);

let cli;
try {
  cli = path.join(path.dirname(require.resolve("prisma/package.json")), "build", "index.js");
} catch {
  // `npm ci --omit=dev` or a partial install: nothing to generate with, and failing here would abort the install.
  console.warn("[prisma-generate] the prisma package is not installed; skipping client generation.");
  process.exit(0);
}

const env = { ...process.env };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY || !existsSync(env.PRISMA_SCHEMA_ENGINE_BINARY)) {
  env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath;
}
// generate needs no database; prisma.config.ts falls back to a local URL when DATABASE_URL is unset.
env.PRISMA_HIDE_UPDATE_MESSAGE = "1";
env.CHECKPOINT_DISABLE = "1";

const result = spawnSync(process.execPath, [cli, "generate", "--schema", path.join(root, "prisma", "schema.prisma")], {
  cwd: root,
  env,
  stdio: "inherit",
});
if (result.error) {
  console.error(`[prisma-generate] could not run the Prisma CLI: ${result.error.message}`);
  process.exit(1);
}
process.exit(result.status ?? 1);
