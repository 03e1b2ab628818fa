// Prints one closing line for the whole suite ("N passed, N failed") from the Vitest and Playwright JSON reports.
import fs from "node:fs";

function read(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

let passed = 0;
let failed = 0;
let skipped = 0;

const vitest = read(".data/reports/vitest.json");
if (vitest) {
  passed += vitest.numPassedTests ?? 0;
  failed += vitest.numFailedTests ?? 0;
  skipped += (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0);
  console.log(`vitest: ${vitest.numPassedTests ?? 0} passed, ${vitest.numFailedTests ?? 0} failed`);
}
const playwright = read(".data/reports/playwright.json");
if (playwright?.stats) {
  const s = playwright.stats;
  const pwFailed = (s.unexpected ?? 0) + (s.flaky ?? 0);
  passed += s.expected ?? 0;
  failed += pwFailed;
  skipped += s.skipped ?? 0;
  console.log(`playwright: ${s.expected ?? 0} passed, ${pwFailed} failed`);
}
if (!vitest && !playwright) {
  console.error("no test reports found in .data/reports");
  process.exit(1);
}
console.log(`total: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
