// The contract between scripts/bench.ts and the benchmark modules next to this file.

export interface BenchContext {
  /** the sizes asked for with --sizes (e.g. numbers of submissions) */
  sizes: number[];
  /** a new, migrated, empty database; drop it when done */
  freshDatabase(): Promise<{ url: string; drop(): Promise<void> }>;
}

export interface Benchmark {
  name: string;
  description: string;
  /** sizes without --sizes (else 1,000 / 10,000 / 100,000) */
  defaultSizes?: number[];
  /** sizes with --quick (else its default sizes) */
  quickSizes?: number[];
  /** run only when named with --only (a part of another benchmark, for iterating on it) */
  onlyWhenAsked?: boolean;
  /** returns a table: one row per size */
  run(context: BenchContext): Promise<{ header: string[]; rows: string[][] }>;
}

/** Samples the process's memory while `fn` runs; returns its duration and the peaks (bytes). */
export async function measure<T>(fn: () => Promise<T>): Promise<{ result: T; ms: number; peakRss: number; peakHeap: number }> {
  let peakRss = process.memoryUsage.rss();
  let peakHeap = process.memoryUsage().heapUsed;
  const timer = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }, 25);
  const start = performance.now();
  try {
    const result = await fn();
    return { result, ms: performance.now() - start, peakRss: Math.max(peakRss, process.memoryUsage.rss()), peakHeap: Math.max(peakHeap, process.memoryUsage().heapUsed) };
  } finally {
    clearInterval(timer);
  }
}

export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
export const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
