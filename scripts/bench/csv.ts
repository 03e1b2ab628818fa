// `npm run bench -- --only csv [--sizes …]`: the scale benchmark's CSV export rows alone (the export through the route
// handler against COPY … TO STDOUT, and its RSS growth), on the same seeded data without the pending inputs the
// moderation queue needs, so iterating on the export does not wait for the other rows. Not run without --only.
import path from "node:path";
import pg from "pg";
import { BENCH_CONSULTATION_ID, seedScaleData } from "../lib/bench-data.ts";
import { goalTable, writeBenchReport } from "../lib/bench-report.ts";
import { dataRoot } from "../lib/paths.ts";
import { csvExportFigures, csvGoalRows, type CsvFigures } from "./scale.ts";
import { measure, seconds, type Benchmark } from "./types.ts";

export const benchmark: Benchmark = {
  name: "csv",
  onlyWhenAsked: true,
  defaultSizes: [1000, 100_000],
  description: "the scale benchmark's CSV export rows alone",
  async run({ sizes, freshDatabase }) {
    const all: (CsvFigures & { size: number })[] = [];
    for (const size of [...sizes].sort((a, b) => a - b)) {
      const database = await freshDatabase();
      const client = new pg.Client({ connectionString: database.url });
      client.on("error", () => undefined);
      try {
        await client.connect();
        const seeded = await measure(() => seedScaleData(client, { size, pending: 0, participants: 1 }));
        console.error(`[bench] csv ${size.toLocaleString("en")}: seeded in ${seconds(seeded.ms)}`);
        process.env.DATABASE_URL = database.url;
        all.push({ size, ...(await csvExportFigures(client, size)) });
        const rows = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "Submission" WHERE "consultationId" = $1`, [BENCH_CONSULTATION_ID]);
        console.error(`[bench] csv ${size.toLocaleString("en")}: ${rows.rows[0]?.n ?? "?"} rows`);
      } finally {
        await client.end();
        const { disconnectDb } = await import("../../lib/db/client.ts");
        await disconnectDb();
        await database.drop();
      }
    }
    console.log(all.map((f) => `${f.size.toLocaleString("en")}: export ${(f.csvBytesPerSecond / 1e6).toFixed(1)} MB/s, COPY ${(f.copyBytesPerSecond / 1e6).toFixed(1)} MB/s, ${(f.csvBytes / 1e6).toFixed(1)} MB, RSS +${(f.csvRssGrowth / 1e6).toFixed(0)} MB`).join("\n"));
    const goals = csvGoalRows(all);
    writeBenchReport(path.join(dataRoot(), "reports", "bench.json"), goals);
    return goalTable(goals);
  },
};
