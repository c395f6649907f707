/* global process, console */
// Sums passed/failed tests from the Vitest and Playwright JSON reports into one closing line.
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
const [vitestPath, playwrightPath] = process.argv.slice(2);

if (vitestPath && existsSync(vitestPath)) {
  const report = JSON.parse(readFileSync(vitestPath, 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
}
if (playwrightPath && existsSync(playwrightPath)) {
  const report = JSON.parse(readFileSync(playwrightPath, 'utf8'));
  passed += report.stats?.expected ?? 0;
  failed += (report.stats?.unexpected ?? 0) + (report.stats?.flaky ?? 0);
}
console.log(`${passed} passed, ${failed} failed`);
