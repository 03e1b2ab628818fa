// Every connection of the app carries a statement timeout: a slow query is cancelled in Postgres, not left running
// after the request that started it has gone.
import { describe, expect, it } from "vitest";
import { createPrismaClient, db, DEFAULT_STATEMENT_TIMEOUT_MS } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";

describe("statement timeouts", () => {
  it("the app's client and its transactions run with the request timeout", async () => {
    const rows = await db.$queryRaw<{ statement_timeout: string }[]>`SHOW statement_timeout`;
    expect(rows[0]?.statement_timeout).toBe(`${DEFAULT_STATEMENT_TIMEOUT_MS / 1000}s`);
    const inTx = await withTransaction((tx) => tx.$queryRaw<{ statement_timeout: string }[]>`SHOW statement_timeout`);
    expect(inTx[0]?.statement_timeout).toBe(`${DEFAULT_STATEMENT_TIMEOUT_MS / 1000}s`);
  });

  it("cancels a statement that runs past it, and Postgres stops running it", async () => {
    const url = process.env.DATABASE_URL ?? "";
    const client = createPrismaClient(url, { statementTimeoutMs: 200 });
    try {
      await expect(client.$queryRaw`SELECT pg_sleep(5), 'agora-timeout-probe' AS tag`).rejects.toThrow(/statement timeout|canceling statement/i);
      const running = await db.$queryRaw<{ n: bigint }[]>`
        SELECT count(*) AS n FROM pg_stat_activity WHERE state = 'active' AND query LIKE '%agora-timeout-probe%' AND query NOT LIKE '%pg_stat_activity%'`;
      expect(Number(running[0]?.n)).toBe(0);
      // The connection is still usable afterwards.
      expect(await client.$queryRaw<{ one: number }[]>`SELECT 1 AS one`).toEqual([{ one: 1 }]);
    } finally {
      await client.$disconnect();
    }
  });
});
