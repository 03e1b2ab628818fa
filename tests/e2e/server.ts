// Playwright's webServer: wipes the e2e data folder (database included), then runs npm start's script on it.
import fs from "node:fs";
import path from "node:path";
import { stopLeftoverServer } from "../../scripts/lib/postgres.ts";
import { E2E_DATA_DIR, projectRoot } from "./env.ts";

const dataDir = path.resolve(process.env.AGORA_DATA_DIR ?? E2E_DATA_DIR);
// This deletes a folder: refuse anything but a subfolder of .data/, whatever the environment says.
if (!dataDir.startsWith(path.join(projectRoot, ".data") + path.sep)) {
  throw new Error(`Refusing to wipe ${dataDir}: the e2e data folder must be inside .data/.`);
}
// A killed earlier run may have left its Postgres running on this folder; deleting under it would corrupt nothing
// but would keep the port busy.
if (await stopLeftoverServer(path.join(dataDir, "postgres"))) console.log("[e2e] stopped a leftover PostgreSQL");
fs.rmSync(dataDir, { recursive: true, force: true });
process.env.AGORA_DATA_DIR = dataDir;
delete process.env.DATABASE_URL; // always the throwaway embedded database, never a developer's server

await import("../../scripts/start.ts");
