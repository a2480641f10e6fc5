/**
 * The project's own reader alone, as a whole process: `node dist/bench/read-only.js <file.xlsx>`
 * reads the workbook exactly as `emu rank` does (src/cli/io's readWorkbook: the file, the zip,
 * every sheet's values) and prints how many rows it read. The benchmark bundles it with the
 * same esbuild settings as the CLI, so the two processes differ only by what `emu` does beyond
 * reading: the floor `emu rank` is compared with.
 */
import { readWorkbook } from "../../src/cli/io/read-workbook";

void readWorkbook(process.argv[2] ?? "").then((read) => {
  if (!read.ok) {
    process.stderr.write(`read failed: ${read.error.code}\n`);
    process.exitCode = 2;
    return;
  }
  const rows = read.sheets.reduce((n, s) => n + s.grid.length, 0);
  process.stdout.write(`${rows}\n`);
});
