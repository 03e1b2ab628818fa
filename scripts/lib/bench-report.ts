// The figures of `npm run bench` as the issue asks for them: each row's value next to its limit and the ratio, and
// .data/reports/bench.json as { "<row>": { value, limit, ratio, goal, met } }.
import fs from "node:fs";
import path from "node:path";

export interface GoalRow {
  /** the measured figure, in `unit` */
  value: number;
  /** the most `value` may be (or, for "at least" goals, the least), in `unit` */
  limit: number;
  /** value ÷ the figure the goal compares against (the 1k figure, the raw rate, the text size, or the limit itself) */
  ratio: number;
  /** the goal in words, e.g. "p95(100,000) <= 2 x p95(1,000)" */
  goal: string;
  met: boolean;
  unit: string;
}

/** A goal "value <= factor × baseline" (factor 1 with an absolute limit as baseline). */
export function atMost(value: number, baseline: number, factor: number, goal: string, unit: string): GoalRow {
  const limit = baseline * factor;
  return { value, limit, ratio: baseline > 0 ? value / baseline : Number.POSITIVE_INFINITY, goal, met: value <= limit, unit };
}

/** A goal "value >= factor × baseline". */
export function atLeast(value: number, baseline: number, factor: number, goal: string, unit: string): GoalRow {
  const limit = baseline * factor;
  return { value, limit, ratio: baseline > 0 ? value / baseline : 0, goal, met: value >= limit, unit };
}

/** Merges `rows` into the JSON report at `file` (rows of other benchmarks in it are kept); returns what it wrote. */
export function writeBenchReport(file: string, rows: Record<string, GoalRow>): Record<string, Omit<GoalRow, "unit">> {
  let previous: Record<string, Omit<GoalRow, "unit">> = {};
  try {
    const parsed: unknown = JSON.parse(fs.readFileSync(file, "utf8"));
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) previous = parsed as typeof previous;
  } catch {
    // no report yet, or an unreadable one: start afresh
  }
  const rounded = (n: number) => (Number.isFinite(n) ? Math.round(n * 1000) / 1000 : null);
  const next = { ...previous };
  for (const [name, row] of Object.entries(rows)) {
    next[name] = { value: rounded(row.value) ?? 0, limit: rounded(row.limit) ?? 0, ratio: rounded(row.ratio) ?? 0, goal: row.goal, met: row.met };
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(next, null, 2) + "\n");
  return next;
}

/** The table `npm run bench` prints for goal rows: figure, limit, ratio, goal, met. */
export function goalTable(rows: Record<string, GoalRow>): { header: string[]; rows: string[][] } {
  const figure = (n: number, unit: string) => `${n >= 100 ? Math.round(n).toLocaleString("en") : n.toFixed(n >= 10 ? 1 : 2)} ${unit}`;
  return {
    header: ["row", "value", "limit", "ratio", "goal", "met"],
    rows: Object.entries(rows).map(([name, r]) => [name, figure(r.value, r.unit), figure(r.limit, r.unit), r.ratio.toFixed(2), r.goal, r.met ? "yes" : "NO"]),
  };
}

/** The 95th percentile (nearest rank) of some durations. */
export function p95(samples: number[]): number {
  if (samples.length === 0) return 0;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)] ?? 0;
}
