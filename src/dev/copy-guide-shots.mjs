// Copies the screenshots the browser tests took (test-results/screenshots/, written by
// `npm run test:e2e`) that the user guide shows into assets/guide/. The guide's pictures are
// never drawn by hand: rerun the tests, then this script, to refresh them.
import { copyFileSync, existsSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const FROM = join(ROOT, "test-results", "screenshots");
const TO = join(ROOT, "assets", "guide");
export const GUIDE_SHOTS = [
  "1-table",
  "2-rules",
  "3-check",
  "4-results",
  "5-notice-generated",
  "6-forms",
  "6-forms-consolidate",
  "6-year-tracking-320",
  "6-year-pledge",
];

mkdirSync(TO, { recursive: true });
const missing = [];
for (const name of GUIDE_SHOTS) {
  const src = join(FROM, `${name}.png`);
  if (existsSync(src)) copyFileSync(src, join(TO, `${name}.png`));
  else missing.push(name);
}
if (missing.length > 0) {
  console.error(`Thiếu ảnh (hãy chạy npm run test:e2e trước) / missing screenshots: ${missing.join(", ")}`);
  process.exitCode = 1;
}
