// Values the e2e server and the e2e tests must agree on.
import path from "node:path";
import { fileURLToPath } from "node:url";

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_PG_PORT = Number(process.env.E2E_PG_PORT ?? 54340);
/** Throwaway: wiped before every run by tests/e2e/server.ts. */
export const E2E_DATA_DIR = path.join(projectRoot, ".data", process.env.E2E_DATA_NAME ?? "e2e");
/** Every demo account gets this password (SEED_DEMO_PASSWORD) so tests can sign in. */
export const E2E_DEMO_PASSWORD = "E2e-demo-Password-42";
