import { SAMPLE_UNITS } from "../../src/cli/make-sample";
import {
  cellAddress,
  issueMessage,
  type CellValue,
  type GridOrigin,
  type Issue,
  type Result,
} from "../../src/core";

/** A grid written the way the sheet looks: `grid(["Đơn vị", "Tự chấm"], ["Sở A", 985])`. */
export function grid(...rows: CellValue[][]): CellValue[][] {
  return rows;
}

/** The origin of a grid read from A1 of a sheet. */
export function at(sheet = "Bảng điểm", row = 0, col = 0): GridOrigin {
  return { sheet, row, col };
}

/** Issues as `code@cell` strings, the shape most assertions want. */
export function issueList(result: { issues: readonly Issue[] }): string[] {
  return result.issues.map((i) => `${i.code}@${i.cell ? cellAddress(i.cell) : "-"}`);
}

/** Asserts exactly these issues (code@cell), in order. */
export function expectIssues(result: { issues: readonly Issue[] }, expected: string[]): void {
  expect(issueList(result)).toEqual(expected);
}

/** The value of a successful result, failing the test with the issues' messages otherwise. */
export function unwrap<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got: ${r.issues.map((i) => issueMessage(i, "en")).join("; ")}`);
  return r.value;
}

/** Seed 000 (Cụm thi đua số 2, 2022) in the order the pledge lists the provinces, as staff keep it. */
export const SEED_000_UNITS = SAMPLE_UNITS;

/** Seed 000's notice table, as published. */
export const SEED_000_NOTICE: [number, string, number, number, string][] = [
  [1, "Sở TT&TT Điện Biên", 985, 985, "Xuất sắc"],
  [2, "Sở TT&TT Cao Bằng", 975, 975, "Xuất sắc"],
  [3, "Sở TT&TT Lạng Sơn", 995, 965, "Xuất sắc"],
  [4, "Sở TT&TT Lào Cai", 965, 965, "Xuất sắc"],
  [5, "Sở TT&TT Lai Châu", 980, 960, "Xuất sắc"],
  [6, "Sở TT&TT Hà Giang", 980, 915, "Xuất sắc"],
  [7, "Sở TT&TT Sơn La", 915, 915, "Xuất sắc"],
];

/** Seed 000 as a sheet: title rows of the letter above the table, Xếp loại still empty. */
export function seed000Grid(): CellValue[][] {
  return [
    ["BỘ THÔNG TIN VÀ TRUYỀN THÔNG", "", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
    ["CỤM THI ĐUA SỐ 2", "", "Độc lập - Tự do - Hạnh phúc"],
    [],
    ["TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM KIỂM TRA CHÉO CÔNG TÁC THI ĐUA, KHEN THƯỞNG NĂM 2022"],
    [],
    ["STT", "Đơn vị", "Điểm tự chấm", "Điểm chấm thẩm định", "Xếp loại"],
    ...SEED_000_UNITS.map(([u, s, v], i) => [i + 1, u, s, v, ""]),
  ];
}
