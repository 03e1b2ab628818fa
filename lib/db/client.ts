// The one Prisma client of the app, connected through @prisma/adapter-pg (no native engine needed).
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";
import { env } from "../env";

export function createPrismaClient(connectionString: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString }) });
}

const globalForDb = globalThis as unknown as { agoraDb?: { url: string; client: PrismaClient } };

function client(): PrismaClient {
  // Read DATABASE_URL on first use (not at import) so tests can point each file at its own database.
  const url = process.env.DATABASE_URL ?? env().DATABASE_URL;
  if (!globalForDb.agoraDb || globalForDb.agoraDb.url !== url) {
    globalForDb.agoraDb = { url, client: createPrismaClient(url) };
  }
  return globalForDb.agoraDb.client;
}

/** Lazily connected client; methods are bound so `db.$transaction(...)` works through the proxy. */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const real = client();
    const value: unknown = Reflect.get(real, prop);
    return typeof value === "function" ? value.bind(real) : value;
  },
});

export async function disconnectDb(): Promise<void> {
  if (globalForDb.agoraDb) {
    await globalForDb.agoraDb.client.$disconnect();
    globalForDb.agoraDb = undefined;
  }
}

export type { PrismaClient };
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;
