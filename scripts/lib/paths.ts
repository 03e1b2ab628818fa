// Where the local runtime data lives (.data by default), shared by the database, start and test scripts.
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root, derived from this file so scripts work from any working directory. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/** AGORA_DATA_DIR lets e2e runs and parallel checkouts keep their databases apart. */
export function dataRoot(): string {
  const fromEnv = process.env.AGORA_DATA_DIR;
  return fromEnv ? path.resolve(projectRoot, fromEnv) : path.join(projectRoot, ".data");
}

export function isDebug(): boolean {
  const value = process.env.AGORA_DEBUG;
  return value !== undefined && value !== "" && value !== "0" && value !== "false";
}

export function debugLog(message: string): void {
  if (isDebug()) console.error(`[agora] ${message}`);
}

/** Hides the password of a connection string before it is printed. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "<unparseable DATABASE_URL>";
  }
}
