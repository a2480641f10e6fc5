import type { CellModel, CellStyle, MergeModel, PageSetupModel, SheetModel } from "./sheet-model";

/** The typeface of Vietnamese official documents (Nghị định 30/2020), for every sheet EMU writes. */
export const OFFICIAL_FONT = "Times New Roman";

/** The header cell of EMU's printed tables (results, forms): bold, centred, boxed, light blue. */
export const TABLE_HEADER_STYLE: CellStyle = {
  font: { name: OFFICIAL_FONT, size: 12, bold: true },
  align: "center",
  valign: "middle",
  wrap: true,
  border: true,
  fill: "DDEBF7",
};

/**
 * Excel does not grow a merged cell's row to fit wrapped text, so EMU sizes rows itself from an
 * estimate of the text's printed width. Widths are in ems of Times New Roman (upper case is
 * wider); a column width unit is one "0" of the default font, about 7 px plus 5 px padding.
 */
function textEms(text: string, bold: boolean): number {
  let ems = 0;
  for (const ch of text) {
    if (ch === " ") ems += 0.25;
    else if (ch === "." || ch === "," || ch === ":" || ch === ";" || ch === "i" || ch === "l") ems += 0.28;
    else if (ch !== ch.toLowerCase()) ems += 0.7;
    else ems += 0.45;
  }
  return bold ? ems * 1.05 : ems;
}

/**
 * How many lines a text takes in a wrapped cell of the given width (Excel character units).
 * @example estimateLines("Căn cứ …", 85, 13) //=> 3
 */
export function estimateLines(text: string, widthUnits: number, sizePt: number, bold = false): number {
  const capacityPx = Math.max(20, widthUnits * 7 + 5 - 8);
  let lines = 0;
  for (const para of text.split("\n")) {
    const px = textEms(para, bold) * sizePt * (96 / 72) * 1.04; // 4% for word-wrap slack
    lines += Math.max(1, Math.ceil(px / capacityPx));
  }
  return lines;
}

/** Row height in points for a number of lines at a font size. */
export function heightFor(lines: number, sizePt: number): number {
  return Math.round((lines * sizePt * 1.3 + 3) * 4) / 4;
}

/** Accumulates the cells, merges and row heights of a `SheetModel`. */
export class SheetBuilder {
  readonly cells: CellModel[] = [];
  readonly merges: MergeModel[] = [];
  readonly rowHeights: Record<number, number> = {};

  constructor(
    readonly columnWidths: readonly number[],
    readonly styles: Readonly<Record<string, CellStyle>>,
  ) {}

  /** Total width of columns c1..c2 in character units. */
  width(c1: number, c2: number): number {
    let w = 0;
    for (let c = c1; c <= c2; c++) w += this.columnWidths[c] ?? 8;
    return w;
  }

  set(row: number, col: number, value: CellModel["value"], style?: string): void {
    this.cells.push(style === undefined ? { row, col, value } : { row, col, value, style });
  }

  /**
   * Writes a text across columns c1..c2 of one row (merged when wider than one column) and
   * makes the row tall enough for it.
   */
  text(row: number, c1: number, c2: number, value: string, style: string): void {
    this.set(row, c1, value, style);
    if (c2 > c1) this.merges.push({ r1: row, c1, r2: row, c2 });
    const st = this.styles[style];
    const size = st?.font?.size ?? 13;
    const lines = st?.wrap ? estimateLines(value, this.width(c1, c2), size, st.font?.bold ?? false) : 1;
    this.fit(row, heightFor(lines, size));
  }

  /** Makes a row at least this tall. */
  fit(row: number, points: number): void {
    this.rowHeights[row] = Math.max(this.rowHeights[row] ?? 0, points);
  }

  build(
    name: string,
    page: Omit<PageSetupModel, "printArea">,
    extra: Pick<SheetModel, "defaultFont" | "showGridLines"> & { freezeRows?: number },
    lastRow: number,
  ): SheetModel {
    const lastCol = this.columnWidths.length - 1;
    return {
      name,
      columnWidths: this.columnWidths,
      rowHeights: this.rowHeights,
      cells: this.cells,
      merges: this.merges,
      styles: this.styles,
      page: { ...page, printArea: { r1: 0, c1: 0, r2: lastRow, c2: lastCol } },
      ...extra,
    };
  }
}

/**
 * A plain sheet of values (the rules, the notice fields, EMU's marks): text stays text, the
 * first row is a bold title, columns wide enough to read.
 * @example gridSheet("_EMU", [["EMU", "marks", 1]], { state: "veryHidden" }).state //=> "veryHidden"
 */
export function gridSheet(
  name: string,
  rows: readonly (readonly (string | number | boolean | null)[])[],
  opts: { state?: SheetModel["state"]; widths?: readonly number[]; headerRows?: readonly number[] } = {},
): SheetModel {
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  const widths = opts.widths ?? Array.from({ length: width }, (_, c) => (c === 0 ? 34 : c === 1 ? 70 : 16));
  const styles: Record<string, CellStyle> = {
    title: { font: { name: OFFICIAL_FONT, size: 14, bold: true } },
    head: { font: { name: OFFICIAL_FONT, size: 12, bold: true }, fill: "DDEBF7", border: true },
    text: { font: { name: OFFICIAL_FONT, size: 12 }, wrap: true, valign: "top", numberFormat: "@" },
    num: { font: { name: OFFICIAL_FONT, size: 12 }, valign: "top" },
  };
  const b = new SheetBuilder(widths, styles);
  const heads = new Set(opts.headerRows ?? []);
  rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === null || v === "") return;
      const style = r === 0 ? "title" : heads.has(r) ? "head" : typeof v === "number" ? "num" : "text";
      b.set(r, c, v, style);
    }),
  );
  const model = b.build(
    name,
    {
      paper: "A4",
      orientation: "portrait",
      marginsMm: { top: 20, bottom: 20, left: 20, right: 15 },
      fitToWidth: true,
    },
    { defaultFont: { name: OFFICIAL_FONT, size: 12 }, showGridLines: true },
    Math.max(rows.length - 1, 0),
  );
  return opts.state ? { ...model, state: opts.state } : model;
}
