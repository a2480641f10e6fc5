import { a1 } from "./address";
import type { RankedUnit } from "./rank";
import type { Basis } from "./score-table";
import { OFFICIAL_FONT, SheetBuilder, TABLE_HEADER_STYLE } from "./sheet-builder";
import type { CellStyle, SheetModel } from "./sheet-model";
import type { Lang } from "./types";

const HEADERS: Readonly<Record<Lang, readonly string[]>> = {
  vi: [
    "STT",
    "Đơn vị",
    "Điểm tự chấm",
    "Điểm chấm thẩm định",
    "Chênh lệch",
    "Hạng",
    "Đồng hạng",
    "Xếp loại",
    "Đề nghị khen thưởng",
    "Cần bình xét",
    "Ô nguồn",
  ],
  en: [
    "No.",
    "Unit",
    "Self score",
    "Verified score",
    "Gap",
    "Rank",
    "Tied",
    "Classification",
    "Proposed award",
    "Needs deliberation",
    "Source cell",
  ],
};

const TITLES: Readonly<Record<Lang, { title: string; basis: Record<Basis, string>; rules: string }>> = {
  vi: {
    title: "KẾT QUẢ XẾP HẠNG THI ĐUA",
    basis: {
      verified: "Xếp hạng theo điểm chấm thẩm định",
      self: "Xếp hạng TẠM TÍNH theo điểm tự chấm (chưa có điểm thẩm định)",
    },
    rules: "Quy tắc",
  },
  en: {
    title: "EMULATION RANKING",
    basis: {
      verified: "Ranked on verified scores",
      self: "PROVISIONAL ranking on self scores (no verified scores yet)",
    },
    rules: "Rules",
  },
};

const WIDTHS = [6, 34, 13, 15, 11, 7, 10, 16, 20, 12, 14];

const FONT = OFFICIAL_FONT;
const STYLES: Readonly<Record<string, CellStyle>> = {
  title: { font: { name: FONT, size: 14, bold: true }, align: "left" },
  sub: { font: { name: FONT, size: 12, italic: true }, align: "left" },
  th: TABLE_HEADER_STYLE,
  num: { font: { name: FONT, size: 12 }, align: "center", border: true },
  text: { font: { name: FONT, size: 12 }, align: "left", border: true, numberFormat: "@" },
  center: { font: { name: FONT, size: 12 }, align: "center", border: true, numberFormat: "@" },
};

/** The values of one results row, in the column order of the results sheet. */
export function resultsRow(r: RankedUnit, lang: Lang): (string | number | boolean | null)[] {
  const yes = lang === "vi" ? "Có" : "Yes";
  return [
    r.stt,
    r.unit.name,
    r.unit.self,
    r.unit.verified,
    r.gap,
    r.rank,
    r.tied ? (lang === "vi" ? "đồng hạng" : "tied") : "",
    r.classification,
    r.award ?? "",
    r.needsDeliberation ? yes : "",
    r.unit.cells.unit ? a1(r.unit.cells.unit.row, r.unit.cells.unit.col) : "",
  ];
}

/**
 * The results sheet ("Kết quả xếp hạng"): one row per unit in ranking order with STT, unit,
 * self and verified scores, gap, rank, tie marker, classification, proposed award, whether the
 * council must deliberate, and the unit's source cell.
 * @example buildResults(ranking, "verified", "cum-1000", { sheetName: "Kết quả xếp hạng", lang: "vi" }).freezeRows //=> 4
 */
export function buildResults(
  ranking: readonly RankedUnit[],
  basis: Basis,
  rulesName: string,
  opts: { sheetName: string; lang: Lang },
): SheetModel {
  const t = TITLES[opts.lang];
  const b = new SheetBuilder(WIDTHS, STYLES);
  b.set(0, 0, t.title, "title");
  b.set(1, 0, t.basis[basis], "sub");
  b.set(2, 0, `${t.rules}: ${rulesName}`, "sub");
  const headerRow = 3;
  HEADERS[opts.lang].forEach((h, c) => b.set(headerRow, c, h, "th"));
  b.fit(headerRow, 32);
  const styleOf = [
    "num",
    "text",
    "num",
    "num",
    "num",
    "num",
    "center",
    "center",
    "center",
    "center",
    "center",
  ];
  ranking.forEach((r, k) => {
    resultsRow(r, opts.lang).forEach((v, c) => b.set(headerRow + 1 + k, c, v, styleOf[c]));
  });
  return b.build(
    opts.sheetName,
    {
      paper: "A4",
      orientation: "landscape",
      marginsMm: { top: 20, bottom: 20, left: 20, right: 15 },
      fitToWidth: true,
      printTitleRows: { from: headerRow, to: headerRow },
    },
    { defaultFont: { name: FONT, size: 12 }, showGridLines: true, freezeRows: headerRow + 1 },
    headerRow + ranking.length,
  );
}
