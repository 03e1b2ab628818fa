// Every CSV the app writes neutralises spreadsheet formulas: the open-data CSV, the audit log, and any export added
// later (found by scanning the sources for csv-stringify, so a new export without CSV_OPTIONS fails here).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { csvLines } from "@/lib/submissions/csv";

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sources(full);
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

describe("CSV exports", () => {
  it("prefix a cell that would start a formula with an apostrophe", () => {
    const cells = ["=HYPERLINK(\"https://evil.example\",\"click\")", "+1", "-2+3", "@SUM(A1)", "\tTab", "\rCR", "plain", "a=b"];
    expect(csvLines([cells])).toBe(`"'=HYPERLINK(""https://evil.example"",""click"")",'+1,'-2+3,'@SUM(A1),'\tTab,"'\rCR",plain,a=b\r\n`);
  });

  it("all use the shared options", () => {
    const root = path.resolve(".");
    const writers = [...sources(path.join(root, "lib")), ...sources(path.join(root, "app")), ...sources(path.join(root, "scripts"))]
      .filter((file) => /from "csv-stringify(\/sync)?"/.test(fs.readFileSync(file, "utf8")))
      .filter((file) => !file.endsWith(path.join("lib", "csv", "options.ts")));
    expect(writers.length).toBeGreaterThanOrEqual(2);
    for (const file of writers) expect(fs.readFileSync(file, "utf8"), path.relative(root, file)).toContain("CSV_OPTIONS");
  });
});
