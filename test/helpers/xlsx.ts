/**
 * Helpers for tests that need real .xlsx files on disk: a raw grid writer, unique temporary
 * paths, and reading a file back with exceljs to inspect what was written.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";

export { writeGridsXlsx } from "../../src/cli/io/write-workbook";
export type { GridSheet } from "../../src/cli/io/write-workbook";

/**
 * A unique path for a file called `name`, in a fresh folder under the OS temp directory
 * (a fresh folder, so the file name itself stays readable in messages and never collides).
 */
export function tmpPath(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), "emu-test-"));
  created.push(dir);
  return join(dir, name);
}

const created: string[] = [];

/** Removes every folder `tmpPath` made in this test file; call it from `afterAll`. */
export function cleanTmp(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Loads a written .xlsx with exceljs, to check styles, merges and page setup. */
export async function readBack(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}
