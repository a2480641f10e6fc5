/**
 * Independent checks with LibreOffice, when it is installed: the notice prints on one A4
 * page, and a workbook saved by another producer (LibreOffice recalculates and stores its
 * own cached values) reads back as expected. Skipped, with the reason in the test name,
 * on machines without `soffice`.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { basename, delimiter, dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import ExcelJS from "exceljs";
import { readWorkbook } from "../../../src/cli/io";
import { renderSheetModel } from "../../../src/cli/io/write-workbook";
import { cleanTmp, tmpPath } from "../../helpers/xlsx";
import { noticeModel } from "./fixtures";

afterAll(cleanTmp);

/** LibreOffice's command-line entry, when installed (it is an optional, independent check). */
function findSoffice(): string | undefined {
  for (const dir of (process.env["PATH"] ?? "").split(delimiter)) {
    for (const exe of ["soffice", "libreoffice", "soffice.exe"]) {
      const p = join(dir, exe);
      if (dir !== "" && existsSync(p)) return p;
    }
  }
  return undefined;
}

const soffice = findSoffice();

/** Converts `file` with LibreOffice into `outDir`; returns the converted file's path. */
function convert(file: string, format: "pdf" | "xlsx", outDir: string): string {
  if (soffice === undefined) throw new Error("soffice missing");
  mkdirSync(outDir, { recursive: true });
  // A private profile, so a desktop LibreOffice or a parallel run cannot lock ours.
  const profile = pathToFileURL(join(dirname(file), `lo-profile-${format}`)).href;
  const run = spawnSync(
    soffice,
    [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", format, "--outdir", outDir, file],
    { encoding: "utf8", timeout: 120_000 },
  );
  const out = join(outDir, basename(file).replace(/\.xlsx$/, `.${format}`));
  if (run.status !== 0 || !existsSync(out)) throw new Error(`soffice failed: ${run.status} ${run.stderr}`);
  return out;
}

const cases: [string, () => Promise<void>][] = [
  [
    "a notice rendered from its SheetModel prints on exactly one A4 portrait page",
    async () => {
      const wb = new ExcelJS.Workbook();
      renderSheetModel(wb.addWorksheet("Thông báo"), noticeModel());
      const xlsx = tmpPath("thong-bao.xlsx");
      await wb.xlsx.writeFile(xlsx);
      const pdf = readFileSync(convert(xlsx, "pdf", join(dirname(xlsx), "pdf"))).toString("latin1");
      // Page objects are "/Type /Page" (not "/Pages"); LibreOffice writes them uncompressed.
      expect(pdf.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).toHaveLength(1);
      const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf);
      // A4 portrait is 595.3 × 841.9 points.
      expect(Number(box?.[1])).toBeCloseTo(595.3, 0);
      expect(Number(box?.[2])).toBeCloseTo(841.9, 0);
    },
  ],
  [
    "a workbook re-saved by LibreOffice reads back with its recalculated values, dates and merges",
    async () => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("Bảng điểm");
      ws.mergeCells("A1:C1");
      ws.getCell("A1").value = "KẾT QUẢ";
      ws.getRow(2).values = ["Đơn vị", "Tự chấm", "Thẩm định"];
      ws.getRow(3).values = ["Sở TT&TT Lạng Sơn", 995, 965];
      ws.getRow(4).values = ["Sở TT&TT Lào Cai", 980, 965];
      // No cached results: LibreOffice computes and stores them.
      ws.getCell("D3").value = { formula: "B3-C3" };
      ws.getCell("D4").value = { formula: 'IF(C4>=900,"Xuất sắc","Tốt")' };
      ws.getCell("E3").value = { formula: "1/0" };
      ws.getCell("E4").value = new Date(Date.UTC(2023, 11, 15));
      ws.getCell("E4").numFmt = "dd/mm/yyyy";
      ws.getCell("F3").value = "-Sở A";
      const xlsx = tmpPath("goc.xlsx");
      await wb.xlsx.writeFile(xlsx);
      const resaved = convert(xlsx, "xlsx", join(dirname(xlsx), "lo"));
      const r = await readWorkbook(resaved);
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      expect(r.sheets[0]?.grid).toEqual([
        ["KẾT QUẢ", "", "", "", "", ""],
        ["Đơn vị", "Tự chấm", "Thẩm định", "", "", ""],
        ["Sở TT&TT Lạng Sơn", 995, 965, 30, "#DIV/0!", "-Sở A"],
        ["Sở TT&TT Lào Cai", 980, 965, "Xuất sắc", 45275, ""],
      ]);
    },
  ],
];

if (soffice === undefined) {
  console.info("LibreOffice (soffice) is not on PATH: skipping the one-page A4 PDF and re-save checks.");
}

for (const [title, body] of cases) {
  if (soffice === undefined) {
    // Say why in the test name, so the skip is visible in every report.
    test.skip(`${title} — skipped: LibreOffice (soffice) is not installed`, () => undefined);
  } else {
    test(`${title} (LibreOffice)`, body, 180_000);
  }
}
