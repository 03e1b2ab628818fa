// PrismaClient for CLI scripts and the seed contract they share with prisma/seed.ts.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../lib/db/generated/client.ts";
import { projectRoot } from "./paths.ts";

export function createScriptPrismaClient(url: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
}

/** What prisma/seed.ts returns; password is null when the account already existed. */
export interface SeedAccount {
  role: string;
  email: string;
  password: string | null;
}

export interface SeedResult {
  accounts: SeedAccount[];
}

type SeedFunction = (db: PrismaClient) => Promise<SeedResult>;

/** Imported lazily so migrate/diff keep working while the seed (owned by the app) does not exist or does not compile. */
export async function loadSeed(): Promise<SeedFunction> {
  const file = path.join(projectRoot, "prisma", "seed.ts");
  if (!fs.existsSync(file)) throw new Error(`${file} does not exist yet, so there is no demo data to seed.`);
  const mod = (await import(pathToFileURL(file).href)) as { seed?: unknown };
  if (typeof mod.seed !== "function") {
    throw new Error("prisma/seed.ts must export `async function seed(db: PrismaClient): Promise<SeedResult>`.");
  }
  return mod.seed as SeedFunction;
}

/**
 * Demo credentials stay on this machine only: owner-readable, so other local users cannot read them. A re-run
 * seed reports null for accounts that already existed; the password recorded earlier is kept for those.
 */
export function writeDemoAccounts(file: string, result: SeedResult): SeedAccount[] {
  const previous = new Map(readDemoAccounts(file).map((account) => [account.email, account.password]));
  const accounts = result.accounts.map((account) => ({
    ...account,
    password: account.password ?? previous.get(account.email) ?? null,
  }));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(accounts, null, 2) + "\n", { mode: 0o600 });
  fs.chmodSync(file, 0o600);
  return accounts;
}

export function readDemoAccounts(file: string): SeedAccount[] {
  try {
    const parsed: unknown = JSON.parse(fs.readFileSync(file, "utf8"));
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (entry): entry is SeedAccount =>
        typeof entry === "object" && entry !== null && typeof (entry as SeedAccount).email === "string",
    );
  } catch {
    return [];
  }
}

export function formatAccounts(accounts: SeedAccount[]): string {
  if (accounts.length === 0) return "  (no demo accounts recorded)";
  const width = Math.max(...accounts.map((account) => account.role.length));
  return accounts
    .map(
      (account) =>
        `  ${account.role.padEnd(width)}  ${account.email}  ${account.password ?? "(password unchanged since it was first created)"}`,
    )
    .join("\n");
}
