/**
 * The workbook the double keeps: sheets with a sparse cell store (a Map of rows, each row a few
 * arrays), an interned style table, merges, page layout, names, settings. Proxies change it only
 * while a sync executes their commands.
 */
import {
  MAX_COLS,
  MAX_ROWS,
  boundingRect,
  contains,
  intersects,
  isEntireColumns,
  isEntireRows,
  rect,
  rectAddress,
  type Rect,
} from "./address";
import { Codes, officeError, protectedSheetError } from "./errors";
import {
  FormulaSyntaxError,
  displayText,
  parseInput,
  separatorsFor,
  type InputOptions,
  type ParsedInput,
  type Separators,
  type StoredValue,
} from "./values";

export type Visibility = "Visible" | "Hidden" | "VeryHidden";

export interface FontStyle {
  name: string;
  size: number;
  bold: boolean;
  italic: boolean;
  underline: string;
  color: string;
  strikethrough: boolean;
}

export interface BorderStyle {
  style: string;
  color: string;
  weight: string;
}

export type Side = "top" | "bottom" | "left" | "right" | "diagonalDown" | "diagonalUp";

export interface CellStyle {
  numberFormat: string;
  font: FontStyle;
  /** null: no fill (Excel reports "#FFFFFF"). */
  fillColor: string | null;
  horizontalAlignment: string;
  verticalAlignment: string;
  wrapText: boolean;
  indentLevel: number;
  borders: Record<Side, BorderStyle | null>;
  /**
   * `format.protection`: part of the cell format in Excel (Format Cells > Protection), so it lives in
   * the interned style and costs nothing for cells left at the default (locked, formula shown).
   */
  locked: boolean;
  formulaHidden: boolean;
}

export const SIDES: Side[] = ["top", "bottom", "left", "right", "diagonalDown", "diagonalUp"];

export interface Defaults {
  fontName: string;
  fontSize: number;
  columnWidth: number;
  rowHeight: number;
}

export function defaultStyle(d: Defaults): CellStyle {
  return {
    numberFormat: "General",
    font: {
      name: d.fontName,
      size: d.fontSize,
      bold: false,
      italic: false,
      underline: "None",
      color: "#000000",
      strikethrough: false,
    },
    fillColor: null,
    horizontalAlignment: "General",
    verticalAlignment: "Bottom",
    wrapText: false,
    indentLevel: 0,
    borders: { top: null, bottom: null, left: null, right: null, diagonalDown: null, diagonalUp: null },
    locked: true,
    formulaHidden: false,
  };
}

/** Interned, immutable styles; id 0 is the workbook default ("Normal"). */
export class StyleTable {
  private readonly list: CellStyle[] = [];
  private readonly ids = new Map<string, number>();

  constructor(base: CellStyle) {
    this.intern(base);
  }

  intern(style: CellStyle): number {
    const key = JSON.stringify(style);
    const found = this.ids.get(key);
    if (found !== undefined) return found;
    const id = this.list.length;
    this.list.push(Object.freeze(style));
    this.ids.set(key, id);
    return id;
  }

  get(id: number): CellStyle {
    const s = this.list[id];
    if (!s) throw new Error(`unknown style ${id}`);
    return s;
  }
}

export function cloneStyle(s: CellStyle): CellStyle {
  return {
    ...s,
    font: { ...s.font },
    borders: {
      top: s.borders.top && { ...s.borders.top },
      bottom: s.borders.bottom && { ...s.borders.bottom },
      left: s.borders.left && { ...s.borders.left },
      right: s.borders.right && { ...s.borders.right },
      diagonalDown: s.borders.diagonalDown && { ...s.borders.diagonalDown },
      diagonalUp: s.borders.diagonalUp && { ...s.borders.diagonalUp },
    },
  };
}

/** One row of the sparse store: values, formulas and style ids by column (holes = empty). */
export interface Row {
  v: (StoredValue | undefined)[];
  f: (string | undefined)[] | null;
  s: (number | undefined)[] | null;
}

export interface Zoom {
  scale?: number;
  horizontalFitToPages?: number;
  verticalFitToPages?: number;
}

export interface PageLayoutModel {
  orientation: string;
  paperSize: string;
  leftMargin: number;
  rightMargin: number;
  topMargin: number;
  bottomMargin: number;
  headerMargin: number;
  footerMargin: number;
  centerHorizontally: boolean;
  centerVertically: boolean;
  printGridlines: boolean;
  printHeadings: boolean;
  blackAndWhite: boolean;
  draftMode: boolean;
  firstPageNumber: number | "";
  printOrder: string;
  printComments: string;
  printErrors: string;
  zoom: Zoom;
  printArea: Rect | null;
  printTitleRows: { r0: number; r1: number } | null;
  printTitleColumns: { c0: number; c1: number } | null;
}

export function defaultPageLayout(paperSize: string): PageLayoutModel {
  return {
    orientation: "Portrait",
    paperSize,
    leftMargin: 50.4,
    rightMargin: 50.4,
    topMargin: 54,
    bottomMargin: 54,
    headerMargin: 21.6,
    footerMargin: 21.6,
    centerHorizontally: false,
    centerVertically: false,
    printGridlines: false,
    printHeadings: false,
    blackAndWhite: false,
    draftMode: false,
    firstPageNumber: "",
    printOrder: "DownThenOver",
    printComments: "NoComments",
    printErrors: "AsDisplayed",
    zoom: { scale: 100 },
    printArea: null,
    printTitleRows: null,
    printTitleColumns: null,
  };
}

export interface TableModel {
  id: string;
  name: string;
  sheet: SheetModel;
  rect: Rect;
  showHeaders: boolean;
  showTotals: boolean;
  style: string;
  showBandedRows: boolean;
  showBandedColumns: boolean;
  showFilterButton: boolean;
}

export interface NamedItemModel {
  name: string;
  /** Always starts with "="; a range reference is absolute and sheet-qualified. */
  formula: string;
  comment: string;
  visible: boolean;
}

/** `Excel.WorksheetProtectionOptions` with every member present (what `protection.options` reads). */
export interface ProtectionOptions {
  allowAutoFilter: boolean;
  allowDeleteColumns: boolean;
  allowDeleteRows: boolean;
  allowEditObjects: boolean;
  allowEditScenarios: boolean;
  allowFormatCells: boolean;
  allowFormatColumns: boolean;
  allowFormatRows: boolean;
  allowInsertColumns: boolean;
  allowInsertHyperlinks: boolean;
  allowInsertRows: boolean;
  allowPivotTables: boolean;
  allowSort: boolean;
  selectionMode: "Normal" | "Unlocked" | "None";
}

/** Excel's Protect Sheet defaults: users may select cells and nothing else. */
export function defaultProtectionOptions(): ProtectionOptions {
  return {
    allowAutoFilter: false,
    allowDeleteColumns: false,
    allowDeleteRows: false,
    allowEditObjects: false,
    allowEditScenarios: false,
    allowFormatCells: false,
    allowFormatColumns: false,
    allowFormatRows: false,
    allowInsertColumns: false,
    allowInsertHyperlinks: false,
    allowInsertRows: false,
    allowPivotTables: false,
    allowSort: false,
    selectionMode: "Normal",
  };
}

export interface SheetProtection {
  options: ProtectionOptions;
  /** null: protected without a password (any password, or none, unprotects). */
  password: string | null;
}

/** `BasicDataValidation` as Excel reads it back: formulas are strings ("=10", "=$A$1"). */
export interface BasicRule {
  formula1: string;
  /** Only for Between / NotBetween. */
  formula2?: string;
  operator: string;
}

/** A data-validation rule holds exactly one criterion, like `Excel.DataValidationRule`. */
export type ValidationRule =
  | { decimal: BasicRule }
  | { wholeNumber: BasicRule }
  | { textLength: BasicRule }
  | { list: { inCellDropDown: boolean; source: string } }
  | { custom: { formula: string } };

export interface ValidationPrompt {
  showPrompt: boolean;
  title: string;
  message: string;
}

export interface ValidationErrorAlert {
  showAlert: boolean;
  style: string;
  title: string;
  message: string;
}

/**
 * The data validation of some cells. `rule` null is Excel's "Any value" (type "None"), which can
 * still carry an input prompt. Treated as immutable: a change replaces the object.
 */
export interface ValidationModel {
  rule: ValidationRule | null;
  prompt: ValidationPrompt;
  errorAlert: ValidationErrorAlert;
  ignoreBlanks: boolean;
}

/** What a cell without data validation reads as (documented defaults: ignoreBlanks and showAlert true). */
export const NO_VALIDATION: ValidationModel = Object.freeze({
  rule: null,
  prompt: Object.freeze({ showPrompt: false, title: "", message: "" }),
  errorAlert: Object.freeze({ showAlert: true, style: "Stop", title: "", message: "" }),
  ignoreBlanks: true,
});

/** Cells sharing one validation; the areas of a sheet never overlap (like Excel's sqref lists). */
export interface ValidationArea {
  rect: Rect;
  validation: ValidationModel;
}

/** What a write on a protected sheet needs (see `WorkbookModel.guardEdit`). */
export type ProtectedEdit = "contents" | "formats" | "columns" | "rows" | "protection" | "validation";

let sheetCounter = 0;

export class SheetModel {
  readonly id: string;
  name: string;
  visibility: Visibility = "Visible";
  showGridlines = true;
  tabColor = "";
  readonly rows = new Map<number, Row>();
  readonly colStyles = new Map<number, number>();
  readonly rowStyles = new Map<number, number>();
  readonly colWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  /** Merged areas; `mergesByRow` indexes them by row (a 100,000-row notice has a merge per row). */
  private mergeList: Rect[] = [];
  private byRow: Map<number, Rect[]> | null = null;
  get merges(): Rect[] {
    return this.mergeList;
  }
  set merges(list: Rect[]) {
    this.mergeList = list;
    this.byRow = null;
  }
  addMerge(area: Rect): void {
    this.mergeList.push(area);
    if (this.byRow) this.indexMerge(this.byRow, area);
  }
  private indexMerge(index: Map<number, Rect[]>, m: Rect): void {
    for (let r = m.r0; r <= m.r1; r++) {
      const at = index.get(r);
      if (at) at.push(m);
      else index.set(r, [m]);
    }
  }
  /** The merged areas touching rows r0..r1, each once. */
  mergesInRows(r0: number, r1: number): Rect[] {
    if (!this.byRow) {
      const index = new Map<number, Rect[]>();
      for (const m of this.mergeList) this.indexMerge(index, m);
      this.byRow = index;
    }
    const out = new Set<Rect>();
    for (let r = r0; r <= r1; r++) for (const m of this.byRow.get(r) ?? []) out.add(m);
    return [...out];
  }
  freezeRows = 0;
  freezeColumns = 0;
  /** 0-based rows with a manual page break above them (`horizontalPageBreaks`). */
  rowBreaks: number[] = [];
  pageLayout: PageLayoutModel;
  selection: Rect = rect(0, 0, 0, 0);
  deleted = false;
  /** null while the sheet is not protected. */
  protection: SheetProtection | null = null;
  validations: ValidationArea[] = [];

  constructor(name: string, paperSize: string) {
    sheetCounter++;
    const hex = sheetCounter.toString(16).toUpperCase().padStart(8, "0");
    this.id = `{${hex}-0000-4000-8000-00000000${hex.slice(-4)}}`;
    this.name = name;
    this.pageLayout = defaultPageLayout(paperSize);
  }

  row(r: number): Row | undefined {
    return this.rows.get(r);
  }

  ensureRow(r: number): Row {
    let row = this.rows.get(r);
    if (!row) {
      row = { v: [], f: null, s: null };
      this.rows.set(r, row);
    }
    return row;
  }

  value(r: number, c: number): StoredValue | undefined {
    return this.rows.get(r)?.v[c];
  }

  formula(r: number, c: number): string | undefined {
    return this.rows.get(r)?.f?.[c];
  }

  styleId(r: number, c: number): number {
    return this.rows.get(r)?.s?.[c] ?? this.rowStyles.get(r) ?? this.colStyles.get(c) ?? 0;
  }

  setContent(r: number, c: number, value: StoredValue | undefined, formula: string | undefined): void {
    const existing = this.rows.get(r);
    if (!existing && value === undefined && formula === undefined) return;
    const row = existing ?? this.ensureRow(r);
    if (value === undefined) {
      if (c < row.v.length) delete row.v[c];
    } else row.v[c] = value;
    if (formula !== undefined) {
      if (!row.f) row.f = [];
      row.f[c] = formula;
    } else if (row.f && c < row.f.length) delete row.f[c];
  }

  setStyleId(r: number, c: number, id: number): void {
    const existing = this.rows.get(r);
    const inherited = this.rowStyles.get(r) ?? this.colStyles.get(c) ?? 0;
    if (!existing && id === inherited) return;
    const row = existing ?? this.ensureRow(r);
    if (!row.s) row.s = [];
    row.s[c] = id;
  }

  columnWidth(c: number, d: Defaults): number {
    return this.colWidths.get(c) ?? d.columnWidth;
  }

  rowHeight(r: number, d: Defaults): number {
    return this.rowHeights.get(r) ?? d.rowHeight;
  }

  mergeAt(r: number, c: number): Rect | undefined {
    return this.mergesInRows(r, r).find((m) => c >= m.c0 && c <= m.c1);
  }

  /** The used range: cells with a value or formula, plus (unless valuesOnly) cells with a non-default format. */
  usedRect(valuesOnly: boolean): Rect | null {
    let r0 = Infinity;
    let c0 = Infinity;
    let r1 = -1;
    let c1 = -1;
    for (const [r, row] of this.rows) {
      let first = -1;
      let last = -1;
      const consider = (arr: readonly unknown[] | null, isStyle: boolean): void => {
        if (!arr) return;
        for (let c = 0; c < arr.length; c++) {
          const v = arr[c];
          if (v === undefined) continue;
          if (isStyle && v === 0) continue;
          if (first < 0 || c < first) first = c;
          break;
        }
        for (let c = arr.length - 1; c >= 0; c--) {
          const v = arr[c];
          if (v === undefined) continue;
          if (isStyle && v === 0) continue;
          if (c > last) last = c;
          break;
        }
      };
      consider(row.v, false);
      consider(row.f, false);
      if (!valuesOnly) consider(row.s, true);
      if (first < 0) continue;
      if (r < r0) r0 = r;
      if (r > r1) r1 = r;
      if (first < c0) c0 = first;
      if (last > c1) c1 = last;
    }
    if (r1 < 0) return null;
    let used = rect(r0, c0, r1, c1);
    if (!valuesOnly) for (const m of this.merges) if (intersects(m, used)) used = boundingRect(used, m);
    return used;
  }
}

export interface ModelOptions {
  language: string;
  defaults: Defaults;
  /** Decision (README): what a string that Excel cannot parse as a formula becomes. */
  invalidFormulaInput: "error" | "text";
  evaluate?: ((formula: string) => StoredValue | undefined) | undefined;
}

export class WorkbookModel {
  sheets: SheetModel[] = [];
  activeSheet: SheetModel | null = null;
  readonly names = new Map<string, NamedItemModel>();
  readonly settings = new Map<string, unknown>();
  readonly tables: TableModel[] = [];
  properties: Record<string, string> = {
    title: "",
    subject: "",
    author: "",
    keywords: "",
    comments: "",
    category: "",
    manager: "",
    company: "",
  };
  calculationMode = "Automatic";
  /** `Application.calculate(type)` calls not yet served by the custom-functions host. */
  calculateRequests: string[] = [];
  readonly styles: StyleTable;
  readonly sep: Separators;
  private tableCounter = 0;

  constructor(readonly options: ModelOptions) {
    this.styles = new StyleTable(defaultStyle(options.defaults));
    this.sep = separatorsFor(options.language);
  }

  get defaults(): Defaults {
    return this.options.defaults;
  }

  paperSize(): string {
    return /^en-us$/i.test(this.options.language) ? "Letter" : "A4";
  }

  sheetByName(name: string): SheetModel | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  visibleSheets(): SheetModel[] {
    return this.sheets.filter((s) => s.visibility === "Visible");
  }

  addSheet(name: string | undefined, location = "Worksheets.add"): SheetModel {
    let finalName = name;
    if (finalName === undefined || finalName === null) {
      let n = this.sheets.length + 1;
      while (this.sheetByName(`Sheet${n}`)) n++;
      finalName = `Sheet${n}`;
    }
    validateSheetName(finalName, location);
    if (this.sheetByName(finalName)) throw officeError(Codes.itemAlreadyExists, location);
    const sheet = new SheetModel(finalName, this.paperSize());
    this.sheets.push(sheet);
    if (!this.activeSheet) this.activeSheet = sheet;
    return sheet;
  }

  renameSheet(sheet: SheetModel, name: string): void {
    if (sheet.name === name) return;
    validateSheetName(name, "Worksheet.name");
    const other = this.sheetByName(name);
    if (other && other !== sheet) throw officeError(Codes.itemAlreadyExists, "Worksheet.name");
    sheet.name = name;
  }

  deleteSheet(sheet: SheetModel): void {
    const visibleOthers = this.sheets.filter((s) => s !== sheet && s.visibility === "Visible");
    if (visibleOthers.length === 0) {
      throw officeError(
        Codes.invalidOperation,
        "Worksheet.delete",
        "A workbook must contain at least one visible worksheet.",
      );
    }
    const idx = this.sheets.indexOf(sheet);
    this.sheets.splice(idx, 1);
    sheet.deleted = true;
    for (let i = this.tables.length - 1; i >= 0; i--)
      if (this.tables[i]?.sheet === sheet) this.tables.splice(i, 1);
    if (this.activeSheet === sheet) this.activeSheet = this.nextVisible(idx);
  }

  private nextVisible(fromIndex: number): SheetModel | null {
    for (let i = fromIndex; i < this.sheets.length; i++)
      if (this.sheets[i]?.visibility === "Visible") return this.sheets[i] ?? null;
    for (let i = fromIndex - 1; i >= 0; i--)
      if (this.sheets[i]?.visibility === "Visible") return this.sheets[i] ?? null;
    return null;
  }

  setVisibility(sheet: SheetModel, visibility: string): void {
    if (visibility !== "Visible" && visibility !== "Hidden" && visibility !== "VeryHidden") {
      throw officeError(Codes.invalidArgument, "Worksheet.visibility");
    }
    if (visibility !== "Visible" && sheet.visibility === "Visible") {
      if (this.visibleSheets().length <= 1) {
        throw officeError(
          Codes.invalidOperation,
          "Worksheet.visibility",
          "A workbook must contain at least one visible worksheet.",
        );
      }
    }
    sheet.visibility = visibility;
    if (visibility !== "Visible" && this.activeSheet === sheet)
      this.activeSheet = this.nextVisible(this.sheets.indexOf(sheet));
  }

  setPosition(sheet: SheetModel, position: number): void {
    if (!Number.isInteger(position) || position < 0 || position >= this.sheets.length) {
      throw officeError(Codes.invalidArgument, "Worksheet.position");
    }
    const idx = this.sheets.indexOf(sheet);
    this.sheets.splice(idx, 1);
    this.sheets.splice(position, 0, sheet);
  }

  activate(sheet: SheetModel): void {
    if (sheet.visibility !== "Visible") {
      throw officeError(
        Codes.invalidOperation,
        "Worksheet.activate",
        "The worksheet is hidden and cannot be activated.",
      );
    }
    this.activeSheet = sheet;
  }

  inputOptions(): InputOptions {
    return {
      isDefinedName: (n) =>
        this.names.has(n.toLowerCase()) || this.tables.some((t) => t.name.toLowerCase() === n.toLowerCase()),
      evaluate: this.options.evaluate,
    };
  }

  nextTableName(): string {
    let name: string;
    do {
      this.tableCounter++;
      name = `Table${this.tableCounter}`;
    } while (
      this.tables.some((t) => t.name.toLowerCase() === name.toLowerCase()) ||
      this.names.has(name.toLowerCase())
    );
    return name;
  }

  // -------------------------------------------------------------------------------------------
  // Sheet protection

  /**
   * Throws AccessDenied when sheet protection forbids an edit of `target`, as Excel refuses it:
   * contents only in locked cells; cell formats, column widths and row heights unless the
   * protection options allow them (for unlocked cells too — Excel's "Format cells" option is
   * sheet-wide); the locked/hidden flags and data validation never.
   */
  guardEdit(sheet: SheetModel, target: Rect, edit: ProtectedEdit, location: string): void {
    const p = sheet.protection;
    if (!p) return;
    let allowed: boolean;
    switch (edit) {
      case "contents":
        allowed = ![...this.styleIdsIn(sheet, target)].some((id) => this.styles.get(id).locked);
        break;
      case "formats":
        allowed = p.options.allowFormatCells;
        break;
      case "columns":
        allowed = p.options.allowFormatColumns;
        break;
      case "rows":
        allowed = p.options.allowFormatRows;
        break;
      default:
        allowed = false;
    }
    if (!allowed) throw protectedSheetError(location);
  }

  // -------------------------------------------------------------------------------------------
  // Cell writes

  /**
   * Writes `values` or `formulas` (2-D array of the range's size, or a scalar that is broadcast),
   * the way Excel reads typed input. Validates everything first, so a rejected write changes nothing.
   */
  writeInputs(sheet: SheetModel, target: Rect, input: unknown, location: string): void {
    const rows = target.r1 - target.r0 + 1;
    const cols = target.c1 - target.c0 + 1;
    const at = (i: number, j: number): unknown => {
      if (!Array.isArray(input)) return input;
      return (input[i] as unknown[])[j];
    };
    if (Array.isArray(input)) {
      if (
        input.length !== rows ||
        input.some((row) => !Array.isArray(row) || (row as unknown[]).length !== cols)
      ) {
        throw officeError(
          Codes.invalidArgument,
          location,
          "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
        );
      }
    } else if (input !== null && input !== undefined && !isScalar(input)) {
      throw officeError(Codes.invalidArgument, location);
    }
    const opts = this.inputOptions();
    const parsed: (ParsedInput | null)[] = new Array<ParsedInput | null>(
      Array.isArray(input) ? rows * cols : 0,
    );
    const parseOne = (raw: unknown, r: number, c: number): ParsedInput | null => {
      if (raw === null || raw === undefined) return null;
      if (!isScalar(raw)) throw officeError(Codes.invalidArgument, location);
      if (typeof raw === "number" && !Number.isFinite(raw))
        throw officeError(Codes.invalidArgument, location);
      if (typeof raw === "string" && raw.length > 32767) {
        throw officeError(
          Codes.invalidArgument,
          location,
          "Text values in cells are limited to 32,767 characters.",
        );
      }
      const fmt = this.styles.get(sheet.styleId(r, c)).numberFormat;
      try {
        const p = parseInput(raw, fmt, opts);
        if (p.formula !== undefined && p.formula.length > 8192)
          throw officeError(Codes.formulaLengthExceedsLimit, location);
        return p;
      } catch (e) {
        if (e instanceof FormulaSyntaxError) {
          if (this.options.invalidFormulaInput === "text") return { value: String(raw) };
          throw officeError(
            Codes.invalidArgument,
            location,
            `The formula ${JSON.stringify(raw)} contains an error.`,
          );
        }
        throw e;
      }
    };
    if (Array.isArray(input)) {
      for (let i = 0; i < rows; i++)
        for (let j = 0; j < cols; j++)
          parsed[i * cols + j] = parseOne(at(i, j), target.r0 + i, target.c0 + j);
    } else if (input === null || input === undefined) {
      return;
    }
    const formatCache = new Map<string, number>();
    const apply = (p: ParsedInput | null, r: number, c: number): void => {
      if (!p) return;
      sheet.setContent(r, c, p.value, p.formula);
      if (p.autoFormat) {
        const id = sheet.styleId(r, c);
        const style = this.styles.get(id);
        if (style.numberFormat === "General") {
          const key = `${id}|${p.autoFormat}`;
          let nid = formatCache.get(key);
          if (nid === undefined) {
            nid = this.styles.intern({ ...cloneStyle(style), numberFormat: p.autoFormat });
            formatCache.set(key, nid);
          }
          sheet.setStyleId(r, c, nid);
        }
      }
    };
    if (Array.isArray(input)) {
      for (let i = 0; i < rows; i++)
        for (let j = 0; j < cols; j++) apply(parsed[i * cols + j] ?? null, target.r0 + i, target.c0 + j);
      return;
    }
    // scalar broadcast: parse per cell (the number format may differ), skip empty-on-empty quickly
    const cache = new Map<number, ParsedInput | null>();
    for (let r = target.r0; r <= target.r1; r++) {
      if (input === "" && !sheet.rows.has(r)) continue;
      for (let c = target.c0; c <= target.c1; c++) {
        const sid = sheet.styleId(r, c);
        let p = cache.get(sid);
        if (p === undefined) {
          p = parseOne(input, r, c);
          cache.set(sid, p);
        }
        apply(p, r, c);
      }
    }
  }

  /** Sets number formats: 2-D of the range's size or one value for all; null leaves a cell alone. */
  writeNumberFormats(sheet: SheetModel, target: Rect, input: unknown, location: string): void {
    const rows = target.r1 - target.r0 + 1;
    const cols = target.c1 - target.c0 + 1;
    if (Array.isArray(input)) {
      if (
        input.length !== rows ||
        input.some((row) => !Array.isArray(row) || (row as unknown[]).length !== cols)
      ) {
        throw officeError(
          Codes.invalidArgument,
          location,
          "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
        );
      }
      for (const row of input as unknown[][]) {
        for (const v of row)
          if (v !== null && v !== undefined && typeof v !== "string")
            throw officeError(Codes.invalidArgument, location);
      }
      const cache = new Map<string, number>();
      for (let i = 0; i < rows; i++) {
        for (let j = 0; j < cols; j++) {
          const fmt = (input as unknown[][])[i]?.[j];
          if (typeof fmt !== "string") continue;
          const r = target.r0 + i;
          const c = target.c0 + j;
          const id = sheet.styleId(r, c);
          const key = `${id}|${fmt}`;
          let nid = cache.get(key);
          if (nid === undefined) {
            nid = this.styles.intern({ ...cloneStyle(this.styles.get(id)), numberFormat: fmt });
            cache.set(key, nid);
          }
          sheet.setStyleId(r, c, nid);
        }
      }
      return;
    }
    if (input === null || input === undefined) return;
    if (typeof input !== "string") throw officeError(Codes.invalidArgument, location);
    this.applyStyle(sheet, target, (s) => ({ ...s, numberFormat: input }));
  }

  /** Applies a style change to every cell of a rectangle (column/row defaults for whole columns/rows). */
  applyStyle(sheet: SheetModel, target: Rect, mutate: (s: CellStyle) => CellStyle): void {
    const cache = new Map<number, number>();
    const map = (id: number): number => {
      let n = cache.get(id);
      if (n === undefined) {
        n = this.styles.intern(mutate(cloneStyle(this.styles.get(id))));
        cache.set(id, n);
      }
      return n;
    };
    const fullCols = isEntireColumns(target);
    const fullRows = isEntireRows(target);
    if (fullCols) {
      for (const [r, row] of sheet.rows) {
        const rowStyle = sheet.rowStyles.get(r);
        for (let c = target.c0; c <= target.c1; c++) {
          const explicit = row.s?.[c];
          if (explicit !== undefined) {
            (row.s as number[])[c] = map(explicit);
          } else if (rowStyle !== undefined) {
            if (!row.s) row.s = [];
            row.s[c] = map(rowStyle);
          }
        }
      }
      for (const [r, rs] of sheet.rowStyles) {
        if (sheet.rows.has(r)) continue;
        if (fullRows) continue;
        const row = sheet.ensureRow(r);
        row.s = [];
        for (let c = target.c0; c <= target.c1; c++) row.s[c] = map(rs);
      }
      for (let c = target.c0; c <= target.c1; c++) sheet.colStyles.set(c, map(sheet.colStyles.get(c) ?? 0));
      if (fullRows) for (const [r, rs] of sheet.rowStyles) sheet.rowStyles.set(r, map(rs));
      return;
    }
    if (fullRows) {
      for (let r = target.r0; r <= target.r1; r++) {
        const row = sheet.rows.get(r);
        if (row?.s)
          for (let c = 0; c < row.s.length; c++)
            if (row.s[c] !== undefined) row.s[c] = map(row.s[c] as number);
        const rs = sheet.rowStyles.get(r);
        if (rs === undefined) {
          for (const [c, cs] of sheet.colStyles)
            if (row?.s?.[c] === undefined) sheet.setStyleId(r, c, map(cs));
        }
        sheet.rowStyles.set(r, map(rs ?? 0));
      }
      return;
    }
    for (let r = target.r0; r <= target.r1; r++) {
      for (let c = target.c0; c <= target.c1; c++) sheet.setStyleId(r, c, map(sheet.styleId(r, c)));
    }
  }

  /** Style ids present in a rectangle (cheap for whole columns/rows). */
  styleIdsIn(sheet: SheetModel, target: Rect): Set<number> {
    const ids = new Set<number>();
    if (isEntireColumns(target) || isEntireRows(target)) {
      if (isEntireColumns(target))
        for (let c = target.c0; c <= target.c1; c++) ids.add(sheet.colStyles.get(c) ?? 0);
      if (isEntireRows(target))
        for (let r = target.r0; r <= target.r1; r++) ids.add(sheet.rowStyles.get(r) ?? 0);
      for (const [r, row] of sheet.rows) {
        if (r < target.r0 || r > target.r1 || !row.s) continue;
        for (let c = target.c0; c <= Math.min(target.c1, row.s.length - 1); c++) {
          const id = row.s[c];
          if (id !== undefined) ids.add(id);
        }
      }
      for (const [r, rs] of sheet.rowStyles) if (r >= target.r0 && r <= target.r1) ids.add(rs);
      return ids;
    }
    for (let r = target.r0; r <= target.r1; r++)
      for (let c = target.c0; c <= target.c1; c++) ids.add(sheet.styleId(r, c));
    return ids;
  }

  /** The common value of a style property across a range, or null when the cells differ (like Excel). */
  uniform<T>(sheet: SheetModel, target: Rect, get: (s: CellStyle) => T): T | null {
    let first = true;
    let value: T | null = null;
    let key = "";
    for (const id of this.styleIdsIn(sheet, target)) {
      const v = get(this.styles.get(id));
      const k = JSON.stringify(v);
      if (first) {
        value = v;
        key = k;
        first = false;
      } else if (k !== key) return null;
    }
    return value;
  }

  /** Border of one side of a cell, looking at the neighbour's opposite side like Excel's display. */
  borderAt(sheet: SheetModel, r: number, c: number, side: Side): BorderStyle | null {
    const own = this.styles.get(sheet.styleId(r, c)).borders[side];
    if (own) return own;
    if (side === "top" && r > 0) return this.styles.get(sheet.styleId(r - 1, c)).borders.bottom;
    if (side === "bottom" && r < MAX_ROWS - 1) return this.styles.get(sheet.styleId(r + 1, c)).borders.top;
    if (side === "left" && c > 0) return this.styles.get(sheet.styleId(r, c - 1)).borders.right;
    if (side === "right" && c < MAX_COLS - 1) return this.styles.get(sheet.styleId(r, c + 1)).borders.left;
    return null;
  }

  // -------------------------------------------------------------------------------------------
  // Merges and clearing

  merge(sheet: SheetModel, target: Rect, across: boolean): void {
    const areas: Rect[] = [];
    if (across) for (let r = target.r0; r <= target.r1; r++) areas.push(rect(r, target.c0, r, target.c1));
    else areas.push(target);
    for (const area of areas) {
      if (area.r0 === area.r1 && area.c0 === area.c1) continue;
      for (const m of sheet.mergesInRows(area.r0, area.r1)) {
        if (intersects(m, area) && !contains(area, m)) {
          throw officeError(
            Codes.invalidOperation,
            "Range.merge",
            "Cannot merge a range that partly overlaps a merged area.",
          );
        }
      }
      for (const t of this.tables) {
        if (t.sheet === sheet && intersects(t.rect, area))
          throw officeError(Codes.invalidOperation, "Range.merge");
      }
    }
    for (const area of areas) {
      if (area.r0 === area.r1 && area.c0 === area.c1) continue;
      const inside = new Set(sheet.mergesInRows(area.r0, area.r1).filter((m) => contains(area, m)));
      if (inside.size > 0) sheet.merges = sheet.merges.filter((m) => !inside.has(m));
      // Excel keeps only the upper-left value of a merged area.
      for (let r = area.r0; r <= area.r1; r++) {
        const row = sheet.rows.get(r);
        if (!row) continue;
        for (let c = area.c0; c <= area.c1; c++) {
          if (r === area.r0 && c === area.c0) continue;
          if (row.v[c] !== undefined || row.f?.[c] !== undefined)
            sheet.setContent(r, c, undefined, undefined);
        }
      }
      sheet.addMerge(area);
    }
  }

  unmerge(sheet: SheetModel, target: Rect): void {
    sheet.merges = sheet.merges.filter((m) => !intersects(m, target));
  }

  clear(sheet: SheetModel, target: Rect, applyTo: string): void {
    const contents = applyTo === "All" || applyTo === "Contents";
    const formats = applyTo === "All" || applyTo === "Formats";
    if (!["All", "Contents", "Formats", "Hyperlinks", "RemoveHyperlinks"].includes(applyTo)) {
      throw officeError(Codes.invalidArgument, "Range.clear");
    }
    if (contents) {
      for (const [r, row] of sheet.rows) {
        if (r < target.r0 || r > target.r1) continue;
        const end = Math.min(target.c1, Math.max(row.v.length, row.f?.length ?? 0) - 1);
        for (let c = target.c0; c <= end; c++) {
          if (row.v[c] !== undefined || row.f?.[c] !== undefined)
            sheet.setContent(r, c, undefined, undefined);
        }
      }
    }
    if (formats) {
      if (isEntireColumns(target)) for (let c = target.c0; c <= target.c1; c++) sheet.colStyles.delete(c);
      if (isEntireRows(target)) for (let r = target.r0; r <= target.r1; r++) sheet.rowStyles.delete(r);
      for (const [r, row] of sheet.rows) {
        if (r < target.r0 || r > target.r1) continue;
        if (row.s)
          for (let c = target.c0; c <= Math.min(target.c1, row.s.length - 1); c++)
            if (row.s[c] !== undefined) row.s[c] = 0;
      }
      if (!isEntireColumns(target) && !isEntireRows(target)) {
        for (const [c] of sheet.colStyles)
          if (c >= target.c0 && c <= target.c1)
            for (let r = target.r0; r <= target.r1; r++) sheet.setStyleId(r, c, 0);
        for (const [r] of sheet.rowStyles)
          if (r >= target.r0 && r <= target.r1)
            for (let c = target.c0; c <= target.c1; c++) sheet.setStyleId(r, c, 0);
      }
      sheet.merges = sheet.merges.filter((m) => !intersects(m, target));
    }
    for (const [r, row] of sheet.rows) {
      if (
        row.v.every((v) => v === undefined) &&
        (!row.f || row.f.every((v) => v === undefined)) &&
        (!row.s || row.s.every((v) => v === undefined))
      ) {
        sheet.rows.delete(r);
      }
    }
  }

  // -------------------------------------------------------------------------------------------
  // Reads

  text(sheet: SheetModel, r: number, c: number): string {
    return displayText(sheet.value(r, c), this.styles.get(sheet.styleId(r, c)).numberFormat, this.sep);
  }

  /** Approximate text width in points (no font metrics here: ~0.55 em per character). */
  textWidth(text: string, font: FontStyle): number {
    let longest = 0;
    for (const line of text.split("\n")) longest = Math.max(longest, [...line].length);
    return longest * font.size * (font.bold ? 0.6 : 0.55) + 5.25;
  }

  autofitColumns(sheet: SheetModel, target: Rect): void {
    for (let c = target.c0; c <= target.c1; c++) {
      let width = 0;
      for (const [r, row] of sheet.rows) {
        if (r < target.r0 || r > target.r1) continue;
        if (row.v[c] === undefined) continue;
        const merged = sheet.mergeAt(r, c);
        if (merged && (merged.c0 !== merged.c1 || merged.r0 !== merged.r1)) continue;
        const style = this.styles.get(sheet.styleId(r, c));
        if (style.wrapText) continue;
        width = Math.max(width, this.textWidth(this.text(sheet, r, c), style.font));
      }
      if (width > 0) sheet.colWidths.set(c, Math.min(Math.round(width * 4) / 4, 1789.5));
    }
  }

  autofitRows(sheet: SheetModel, target: Rect): void {
    const d = this.defaults;
    const rows =
      isEntireRows(target) || isEntireColumns(target)
        ? [...sheet.rows.keys()].filter((r) => r >= target.r0 && r <= target.r1)
        : null;
    const visit = (r: number): void => {
      const row = sheet.rows.get(r);
      let height = 0;
      if (row) {
        for (let c = target.c0; c <= Math.min(target.c1, row.v.length - 1); c++) {
          const v = row.v[c];
          if (v === undefined) continue;
          const merged = sheet.mergeAt(r, c);
          if (merged && (merged.c0 !== merged.c1 || merged.r0 !== merged.r1)) continue;
          const style = this.styles.get(sheet.styleId(r, c));
          const text = this.text(sheet, r, c);
          let lines = text.split("\n").length;
          if (style.wrapText) {
            const width = sheet.columnWidth(c, d);
            lines = text
              .split("\n")
              .reduce(
                (n, line) =>
                  n + Math.max(1, Math.ceil(this.textWidth(line, style.font) / Math.max(width, 1))),
                0,
              );
          }
          height = Math.max(height, lines * style.font.size * 1.364);
        }
      }
      if (height === 0) sheet.rowHeights.delete(r);
      else sheet.rowHeights.set(r, Math.min(409.5, Math.round(Math.max(height, d.rowHeight) * 4) / 4));
    };
    if (rows) rows.forEach(visit);
    else for (let r = target.r0; r <= target.r1; r++) visit(r);
  }

  /** Sheet-qualified absolute reference of a named range, or null when the name is not a plain range. */
  nameAddress(n: NamedItemModel): string {
    return n.formula.replace(/^=/, "");
  }

  describe(sheet: SheetModel, r: Rect): string {
    return `${sheet.name}!${rectAddress(r)}`;
  }
}

function isScalar(v: unknown): v is string | number | boolean {
  return typeof v === "string" || typeof v === "number" || typeof v === "boolean";
}

export function validateSheetName(name: unknown, location: string): asserts name is string {
  if (
    typeof name !== "string" ||
    name.length === 0 ||
    name.length > 31 ||
    /[:\\/?*[\]]/.test(name) ||
    name.startsWith("'") ||
    name.endsWith("'")
  ) {
    throw officeError(Codes.invalidArgument, location, "The sheet name is invalid.");
  }
  if (name.toLowerCase() === "history")
    throw officeError(Codes.invalidArgument, location, "The sheet name is reserved.");
}

export function normalizeColor(value: unknown, location: string): string {
  if (typeof value !== "string") throw officeError(Codes.invalidArgument, location);
  const v = value.trim();
  if (/^#[0-9a-f]{6}$/i.test(v)) return v.toUpperCase();
  if (/^#[0-9a-f]{3}$/i.test(v)) return `#${[...v.slice(1)].map((ch) => ch + ch).join("")}`.toUpperCase();
  const named = NAMED_COLORS[v.toLowerCase()];
  if (named) return named;
  throw officeError(Codes.invalidArgument, location);
}

/** The HTML named colors Excel accepts ("orange" → "#FFA500"). */
const NAMED_COLORS: Record<string, string> = Object.fromEntries(
  `aliceblue:F0F8FF antiquewhite:FAEBD7 aqua:00FFFF aquamarine:7FFFD4 azure:F0FFFF beige:F5F5DC
bisque:FFE4C4 black:000000 blanchedalmond:FFEBCD blue:0000FF blueviolet:8A2BE2 brown:A52A2A
burlywood:DEB887 cadetblue:5F9EA0 chartreuse:7FFF00 chocolate:D2691E coral:FF7F50
cornflowerblue:6495ED cornsilk:FFF8DC crimson:DC143C cyan:00FFFF darkblue:00008B darkcyan:008B8B
darkgoldenrod:B8860B darkgray:A9A9A9 darkgreen:006400 darkgrey:A9A9A9 darkkhaki:BDB76B
darkmagenta:8B008B darkolivegreen:556B2F darkorange:FF8C00 darkorchid:9932CC darkred:8B0000
darksalmon:E9967A darkseagreen:8FBC8F darkslateblue:483D8B darkslategray:2F4F4F darkslategrey:2F4F4F
darkturquoise:00CED1 darkviolet:9400D3 deeppink:FF1493 deepskyblue:00BFFF dimgray:696969
dimgrey:696969 dodgerblue:1E90FF firebrick:B22222 floralwhite:FFFAF0 forestgreen:228B22
fuchsia:FF00FF gainsboro:DCDCDC ghostwhite:F8F8FF gold:FFD700 goldenrod:DAA520 gray:808080
green:008000 greenyellow:ADFF2F grey:808080 honeydew:F0FFF0 hotpink:FF69B4 indianred:CD5C5C
indigo:4B0082 ivory:FFFFF0 khaki:F0E68C lavender:E6E6FA lavenderblush:FFF0F5 lawngreen:7CFC00
lemonchiffon:FFFACD lightblue:ADD8E6 lightcoral:F08080 lightcyan:E0FFFF lightgoldenrodyellow:FAFAD2
lightgray:D3D3D3 lightgreen:90EE90 lightgrey:D3D3D3 lightpink:FFB6C1 lightsalmon:FFA07A
lightseagreen:20B2AA lightskyblue:87CEFA lightslategray:778899 lightslategrey:778899
lightsteelblue:B0C4DE lightyellow:FFFFE0 lime:00FF00 limegreen:32CD32 linen:FAF0E6 magenta:FF00FF
maroon:800000 mediumaquamarine:66CDAA mediumblue:0000CD mediumorchid:BA55D3 mediumpurple:9370DB
mediumseagreen:3CB371 mediumslateblue:7B68EE mediumspringgreen:00FA9A mediumturquoise:48D1CC
mediumvioletred:C71585 midnightblue:191970 mintcream:F5FFFA mistyrose:FFE4E1 moccasin:FFE4B5
navajowhite:FFDEAD navy:000080 oldlace:FDF5E6 olive:808000 olivedrab:6B8E23 orange:FFA500
orangered:FF4500 orchid:DA70D6 palegoldenrod:EEE8AA palegreen:98FB98 paleturquoise:AFEEEE
palevioletred:DB7093 papayawhip:FFEFD5 peachpuff:FFDAB9 peru:CD853F pink:FFC0CB plum:DDA0DD
powderblue:B0E0E6 purple:800080 rebeccapurple:663399 red:FF0000 rosybrown:BC8F8F royalblue:4169E1
saddlebrown:8B4513 salmon:FA8072 sandybrown:F4A460 seagreen:2E8B57 seashell:FFF5EE sienna:A0522D
silver:C0C0C0 skyblue:87CEEB slateblue:6A5ACD slategray:708090 slategrey:708090 snow:FFFAFA
springgreen:00FF7F steelblue:4682B4 tan:D2B48C teal:008080 thistle:D8BFD8 tomato:FF6347
turquoise:40E0D0 violet:EE82EE wheat:F5DEB3 white:FFFFFF whitesmoke:F5F5F5 yellow:FFFF00
yellowgreen:9ACD32`
    .split(/\s+/)
    .map((pair) => {
      const [name = "", hex = ""] = pair.split(":");
      return [name, `#${hex}`];
    }),
);
