/**
 * The plain values the engine works on. A grid is exactly what Excel's `Range.values` gives:
 * numbers, strings, booleans, `""` for an empty cell, and error values as strings such as `"#N/A"`.
 * Writers may also hand over `null` for an empty cell; the engine treats it like `""`.
 */
export type CellValue = number | string | boolean | null;

/** A rectangular-ish block of cell values, row-major. Rows may be ragged; missing cells are empty. */
export type Grid = ReadonlyArray<ReadonlyArray<CellValue>>;

/** The languages every user-facing message exists in. */
export type Lang = "vi" | "en";

/** A 0-based position inside a grid, plus where that grid sits in its sheet. */
export interface CellRef {
  /** Sheet name, as shown on the tab. */
  readonly sheet: string;
  /** 0-based row inside the sheet (not inside the grid). */
  readonly row: number;
  /** 0-based column inside the sheet. */
  readonly col: number;
}

/** Where a grid was read from: its sheet and the sheet coordinates of its top-left cell. */
export interface GridOrigin {
  readonly sheet: string;
  /** 0-based sheet row of grid row 0. */
  readonly row: number;
  /** 0-based sheet column of grid column 0. */
  readonly col: number;
}

/**
 * Excel's indent level of the cells that have one (Format Cells → Alignment → Indent, the
 * "Increase Indent" button), by grid row then grid column; cells without an indent are absent.
 * It carries a criteria list's tree when the rows are not numbered.
 */
export type CellIndents = ReadonlyMap<number, ReadonlyMap<number, number>>;
