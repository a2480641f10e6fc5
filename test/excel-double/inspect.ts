/**
 * Test-side view of the double's workbook (not part of Excel): read cells (with their data
 * validation and locked flag), merges, page layout, sheet protection, take deep snapshots to
 * assert "unchanged", and set the workbook up as a user would (outside any batch, no stats).
 */
import {
  MAX_COLS,
  MAX_ROWS,
  columnIndex,
  fullAddress,
  parseAddress,
  rect,
  rectAddress,
  type Rect,
} from "./address";
import {
  cloneStyle,
  defaultProtectionOptions,
  type BorderStyle,
  type CellStyle,
  type PageLayoutModel,
  type ProtectionOptions,
  type SheetModel,
  type SheetProtection,
  type ValidationModel,
  type Visibility,
  type WorkbookModel,
  type Zoom,
} from "./model";
import { snapshotValidation, validationAt, type ValidationSnapshot } from "./validation";
import {
  apiValue,
  evaluateFormula,
  valueTypeOf,
  type Scalar,
  type StoredValue,
  type ValueType,
} from "./values";

export type SeedValue = string | number | boolean | null;

export interface SeedSheet {
  name: string;
  /** Cell contents from A1, stored as they are (no typed-input parsing): "=x" stays text here. */
  values?: SeedValue[][];
  /** Optional formulas from A1 ("=..." strings; null/"" = none), evaluated like typed formulas. */
  formulas?: (string | null)[][];
  /** Optional number formats from A1 (null = General). */
  numberFormats?: (string | null)[][];
  visibility?: Visibility;
  /** Cells to unlock (`format.protection.locked = false`), e.g. ["D6:D20"]: a form's input cells. */
  unlocked?: string[];
  /**
   * Excel indent levels (`format.indentLevel`, Format Cells → Alignment → Indent, 0–250) by local
   * address, e.g. `{ B5: 1, "B6:B8": 2 }`; later entries win where they overlap.
   */
  indents?: Record<string, number>;
  /** Protect the sheet once seeded: `true` (no password, Excel's default options) or the details. */
  protected?: boolean | SeedProtection;
}

export interface SeedProtection {
  password?: string;
  options?: Partial<ProtectionOptions>;
}

export interface Seed {
  sheets: SeedSheet[];
  activeSheet?: string;
  /** Display locale for `Range.text` and Application separators (default "en-US"). `values` parsing is en-US regardless. */
  language?: string;
}

export interface FormatSnapshot {
  font: {
    name: string;
    size: number;
    bold: boolean;
    italic: boolean;
    underline: string;
    color: string;
    strikethrough: boolean;
  };
  fill: { color: string | null };
  horizontalAlignment: string;
  verticalAlignment: string;
  wrapText: boolean;
  indentLevel: number;
  borders: {
    top: BorderStyle | null;
    bottom: BorderStyle | null;
    left: BorderStyle | null;
    right: BorderStyle | null;
  };
}

export interface CellSnapshot {
  address: string;
  /** What `Range.values` returns ("" for empty, "#NAME?" for an error). */
  value: Scalar;
  /** The formula, or null when the cell holds a constant (text "=x" included). */
  formula: string | null;
  valueType: ValueType;
  numberFormat: string;
  text: string;
  format: FormatSnapshot;
  merged: boolean;
  /** The merged area holding the cell ("A1:C1"), or null. */
  mergeArea: string | null;
  /** `format.protection.locked`: true unless unlocked (Excel's default); it matters once the sheet is protected. */
  locked: boolean;
  formulaHidden: boolean;
  /** The cell's data validation (`rule` with string formulas, as Excel reads it back), or null. */
  validation: ValidationSnapshot | null;
}

export interface PageLayoutSnapshot {
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
  zoom: Zoom;
  /** "A1:K50" or null. */
  printArea: string | null;
  /** "$1:$3" or null. */
  printTitleRows: string | null;
  /** "$A:$B" or null. */
  printTitleColumns: string | null;
}

export interface SheetSnapshot {
  name: string;
  visibility: Visibility;
  showGridlines: boolean;
  tabColor: string;
  cells: Record<string, { value: StoredValue; formula?: string; style?: CellStyle }>;
  styledCells: Record<string, CellStyle>;
  columnStyles: Record<string, CellStyle>;
  rowStyles: Record<string, CellStyle>;
  columnWidths: Record<string, number>;
  rowHeights: Record<string, number>;
  merges: string[];
  freeze: { rows: number; columns: number };
  pageLayout: PageLayoutSnapshot;
  selection: string;
  protection: SheetProtection | null;
  /** Data-validation areas ("D6:D20"), sorted by address. */
  validations: { address: string; validation: ValidationModel }[];
}

export interface WorkbookSnapshot {
  activeSheet: string | null;
  sheets: SheetSnapshot[];
  names: Record<string, { formula: string; comment: string; visible: boolean }>;
  settings: Record<string, unknown>;
  properties: Record<string, string>;
  calculationMode: string;
  tables: { name: string; sheet: string; address: string }[];
}

function formatOf(style: CellStyle): FormatSnapshot {
  return {
    font: { ...style.font },
    fill: { color: style.fillColor },
    horizontalAlignment: style.horizontalAlignment,
    verticalAlignment: style.verticalAlignment,
    wrapText: style.wrapText,
    indentLevel: style.indentLevel,
    borders: {
      top: style.borders.top && { ...style.borders.top },
      bottom: style.borders.bottom && { ...style.borders.bottom },
      left: style.borders.left && { ...style.borders.left },
      right: style.borders.right && { ...style.borders.right },
    },
  };
}

function cloneValue(v: StoredValue): StoredValue {
  return typeof v === "object" ? { error: v.error } : v;
}

function pageLayoutSnapshot(p: PageLayoutModel): PageLayoutSnapshot {
  return {
    orientation: p.orientation,
    paperSize: p.paperSize,
    leftMargin: p.leftMargin,
    rightMargin: p.rightMargin,
    topMargin: p.topMargin,
    bottomMargin: p.bottomMargin,
    headerMargin: p.headerMargin,
    footerMargin: p.footerMargin,
    centerHorizontally: p.centerHorizontally,
    centerVertically: p.centerVertically,
    printGridlines: p.printGridlines,
    printHeadings: p.printHeadings,
    zoom: { ...p.zoom },
    printArea: p.printArea ? rectAddress(p.printArea) : null,
    printTitleRows: p.printTitleRows ? `$${p.printTitleRows.r0 + 1}:$${p.printTitleRows.r1 + 1}` : null,
    printTitleColumns: p.printTitleColumns
      ? rectAddress(rect(0, p.printTitleColumns.c0, MAX_ROWS - 1, p.printTitleColumns.c1), true)
      : null,
  };
}

export class DoubleSheet {
  constructor(
    private readonly model: WorkbookModel,
    private readonly sheet: SheetModel,
  ) {}

  get name(): string {
    return this.sheet.name;
  }
  get visibility(): Visibility {
    return this.sheet.visibility;
  }
  get position(): number {
    return this.model.sheets.indexOf(this.sheet);
  }
  get showGridlines(): boolean {
    return this.sheet.showGridlines;
  }
  get tabColor(): string {
    return this.sheet.tabColor;
  }
  /** 0-based rows a printed page starts at (manual breaks), in order. */
  get rowBreaks(): number[] {
    return [...this.sheet.rowBreaks].sort((a, b) => a - b);
  }
  get frozen(): { rows: number; columns: number } {
    return { rows: this.sheet.freezeRows, columns: this.sheet.freezeColumns };
  }
  get protected(): boolean {
    return this.sheet.protection !== null;
  }
  /** The protection options and password, or null when the sheet is not protected. */
  get protection(): SheetProtection | null {
    const p = this.sheet.protection;
    return p ? { options: { ...p.options }, password: p.password } : null;
  }

  private at(address: string): { r: number; c: number } {
    const p = parseAddress(address);
    if (!p) throw new Error(`not a cell address: ${address}`);
    return { r: p.rect.r0, c: p.rect.c0 };
  }

  cell(address: string): CellSnapshot {
    const { r, c } = this.at(address);
    const sheet = this.sheet;
    const style = this.model.styles.get(sheet.styleId(r, c));
    const merge = sheet.mergeAt(r, c);
    const value = sheet.value(r, c);
    const validation = validationAt(sheet, r, c);
    return {
      address: rectAddress(rect(r, c, r, c)),
      value: apiValue(value),
      formula: sheet.formula(r, c) ?? null,
      valueType: valueTypeOf(value),
      numberFormat: style.numberFormat,
      text: this.model.text(sheet, r, c),
      format: formatOf(style),
      merged: merge !== undefined,
      mergeArea: merge ? rectAddress(merge) : null,
      locked: style.locked,
      formulaHidden: style.formulaHidden,
      validation: validation ? snapshotValidation(validation) : null,
    };
  }

  /** Address of the used range ("A1:K12"), or null on a blank sheet. */
  usedRange(valuesOnly = false): string | null {
    const u = this.sheet.usedRect(valuesOnly);
    return u ? rectAddress(u) : null;
  }

  private gridFromA1<T>(cell: (r: number, c: number) => T): T[][] {
    const u = this.sheet.usedRect(true);
    if (!u) return [];
    const out: T[][] = [];
    for (let r = 0; r <= u.r1; r++) {
      const row: T[] = [];
      for (let c = 0; c <= u.c1; c++) row.push(cell(r, c));
      out.push(row);
    }
    return out;
  }

  /** `values` of A1 through the end of the used range (values only). */
  values(): Scalar[][] {
    return this.gridFromA1((r, c) => apiValue(this.sheet.value(r, c)));
  }

  /** `formulas` of A1 through the end of the used range (a constant where there is no formula). */
  formulas(): Scalar[][] {
    return this.gridFromA1((r, c) => this.sheet.formula(r, c) ?? apiValue(this.sheet.value(r, c)));
  }

  text(): string[][] {
    return this.gridFromA1((r, c) => this.model.text(this.sheet, r, c));
  }

  merges(): string[] {
    return this.sheet.merges.map((m) => rectAddress(m)).sort();
  }

  pageLayout(): PageLayoutSnapshot {
    return pageLayoutSnapshot(this.sheet.pageLayout);
  }

  /** Width in points of a column ("C" or 0-based index). */
  columnWidth(column: string | number): number {
    const c = typeof column === "number" ? column : columnIndex(column);
    return this.sheet.columnWidth(c, this.model.defaults);
  }

  /** Height in points of a row (1-based, as Excel numbers rows). */
  rowHeight(row: number): number {
    return this.sheet.rowHeight(row - 1, this.model.defaults);
  }

  snapshot(): SheetSnapshot {
    return sheetSnapshot(this.model, this.sheet);
  }
}

function sheetSnapshot(model: WorkbookModel, s: SheetModel): SheetSnapshot {
  const cells: SheetSnapshot["cells"] = {};
  const styledCells: Record<string, CellStyle> = {};
  const rows = [...s.rows.keys()].sort((a, b) => a - b);
  for (const r of rows) {
    const row = s.rows.get(r);
    if (!row) continue;
    const width = Math.max(row.v.length, row.f?.length ?? 0, row.s?.length ?? 0);
    for (let c = 0; c < width; c++) {
      const v = row.v[c];
      const f = row.f?.[c];
      const sid = row.s?.[c];
      const key = rectAddress(rect(r, c, r, c));
      if (v !== undefined || f !== undefined) {
        const entry: { value: StoredValue; formula?: string; style?: CellStyle } = {
          value: v === undefined ? "" : cloneValue(v),
        };
        if (f !== undefined) entry.formula = f;
        cells[key] = entry;
      }
      if (sid !== undefined && sid !== 0) styledCells[key] = cloneStyle(model.styles.get(sid));
    }
  }
  const byKey = <K extends number>(
    m: Map<K, number>,
    name: (k: K) => string,
    map: (id: number) => CellStyle,
  ): Record<string, CellStyle> => {
    const out: Record<string, CellStyle> = {};
    for (const [k, id] of [...m].sort((a, b) => a[0] - b[0])) out[name(k)] = map(id);
    return out;
  };
  const style = (id: number): CellStyle => cloneStyle(model.styles.get(id));
  const widths: Record<string, number> = {};
  for (const [c, w] of [...s.colWidths].sort((a, b) => a[0] - b[0]))
    widths[rectAddress(rect(0, c, MAX_ROWS - 1, c)).split(":")[0] ?? ""] = w;
  const heights: Record<string, number> = {};
  for (const [r, h] of [...s.rowHeights].sort((a, b) => a[0] - b[0])) heights[String(r + 1)] = h;
  return {
    name: s.name,
    visibility: s.visibility,
    showGridlines: s.showGridlines,
    tabColor: s.tabColor,
    cells,
    styledCells,
    columnStyles: byKey(
      s.colStyles,
      (c) => rectAddress(rect(0, c, MAX_ROWS - 1, c)).split(":")[0] ?? "",
      style,
    ),
    rowStyles: byKey(s.rowStyles, (r) => String(r + 1), style),
    columnWidths: widths,
    rowHeights: heights,
    merges: s.merges.map((m) => rectAddress(m)).sort(),
    freeze: { rows: s.freezeRows, columns: s.freezeColumns },
    pageLayout: pageLayoutSnapshot(s.pageLayout),
    selection: rectAddress(s.selection),
    protection: s.protection
      ? { options: { ...s.protection.options }, password: s.protection.password }
      : null,
    validations: s.validations
      .map((a) => ({
        address: rectAddress(a.rect),
        validation: JSON.parse(JSON.stringify(a.validation)) as ValidationModel,
      }))
      .sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0)),
  };
}

export class DoubleWorkbook {
  constructor(private readonly getModel: () => WorkbookModel) {}

  private get model(): WorkbookModel {
    return this.getModel();
  }

  /** Sheet names in tab order (hidden ones included). */
  sheetNames(): string[] {
    return this.model.sheets.map((s) => s.name);
  }

  hasSheet(name: string): boolean {
    return this.model.sheetByName(name) !== undefined;
  }

  sheet(name: string): DoubleSheet {
    const s = this.model.sheetByName(name);
    if (!s)
      throw new Error(`no sheet named ${JSON.stringify(name)} (have ${JSON.stringify(this.sheetNames())})`);
    return new DoubleSheet(this.model, s);
  }

  get activeSheet(): string | null {
    return this.model.activeSheet?.name ?? null;
  }

  /** The selection as `Range.address` gives it ("'Bảng điểm'!B2:C3"), or null without sheets. */
  get selection(): string | null {
    const s = this.model.activeSheet;
    return s ? fullAddress(s.name, s.selection) : null;
  }

  names(): Record<string, { formula: string; comment: string; visible: boolean }> {
    const out: Record<string, { formula: string; comment: string; visible: boolean }> = {};
    for (const n of this.model.names.values())
      out[n.name] = { formula: n.formula, comment: n.comment, visible: n.visible };
    return out;
  }

  settings(): Record<string, unknown> {
    return Object.fromEntries(
      [...this.model.settings].map(([k, v]) => [k, JSON.parse(JSON.stringify(v)) as unknown]),
    );
  }

  properties(): Record<string, string> {
    return { ...this.model.properties };
  }

  get calculationMode(): string {
    return this.model.calculationMode;
  }

  tables(): { name: string; sheet: string; address: string }[] {
    return this.model.tables.map((t) => ({
      name: t.name,
      sheet: t.sheet.name,
      address: rectAddress(t.rect),
    }));
  }

  /** A deep, plain copy of the whole workbook: compare two with toEqual to prove "unchanged". */
  snapshot(): WorkbookSnapshot {
    const m = this.model;
    return {
      activeSheet: m.activeSheet?.name ?? null,
      sheets: m.sheets.map((s) => sheetSnapshot(m, s)),
      names: this.names(),
      settings: this.settings(),
      properties: this.properties(),
      calculationMode: m.calculationMode,
      tables: this.tables(),
    };
  }

  // --- acting as the user (outside any batch; not counted in stats)

  /** Selects a range as the user would: "B2:C3" on the active sheet or "'Bảng điểm'!B2". */
  select(address: string): void {
    const p = parseAddress(address);
    if (!p) throw new Error(`not an address: ${address}`);
    const sheet = p.sheet !== null ? this.model.sheetByName(p.sheet) : this.model.activeSheet;
    if (!sheet) throw new Error(`no sheet for ${address}`);
    this.model.activeSheet = sheet;
    sheet.selection = p.rect;
  }

  activate(sheetName: string): void {
    const s = this.model.sheetByName(sheetName);
    if (!s) throw new Error(`no sheet named ${sheetName}`);
    this.model.activeSheet = s;
  }

  /** Stores values from a top-left cell as they are (seed semantics: no typed-input parsing). */
  setValues(sheetName: string, topLeft: string, values: SeedValue[][]): void {
    const s = this.model.sheetByName(sheetName);
    const p = parseAddress(topLeft);
    if (!s || !p) throw new Error(`bad target ${sheetName}!${topLeft}`);
    storeLiteral(s, p.rect, values);
  }

  addSheet(sheet: SeedSheet): void {
    addSeedSheet(this.model, sheet);
  }

  /** Sets Excel's indent level of cells as the user would (Increase Indent): `setIndent("Sở A", "A4:A5", 1)`. */
  setIndent(sheetName: string, address: string, level: number): void {
    const s = this.model.sheetByName(sheetName);
    if (!s) throw new Error(`no sheet named ${sheetName}`);
    applyIndent(this.model, s, address, level);
  }
}

function applyIndent(model: WorkbookModel, sheet: SheetModel, address: string, level: number): void {
  const p = parseAddress(address);
  if (!p || p.sheet !== null) throw new Error(`${sheet.name}: not a local address: ${address}`);
  if (!Number.isInteger(level) || level < 0 || level > 250)
    throw new Error(`${sheet.name}!${address}: an indent level is an integer from 0 to 250, not ${level}`);
  model.applyStyle(sheet, p.rect, (s) => ({ ...s, indentLevel: level }));
}

function storeLiteral(sheet: SheetModel, at: Rect, values: SeedValue[][]): void {
  values.forEach((row, i) =>
    row.forEach((v, j) => {
      if (v === null || v === "") sheet.setContent(at.r0 + i, at.c0 + j, undefined, undefined);
      else sheet.setContent(at.r0 + i, at.c0 + j, v, undefined);
    }),
  );
}

export function addSeedSheet(model: WorkbookModel, seed: SeedSheet): SheetModel {
  const sheet = model.addSheet(seed.name, "seed");
  if (seed.values) storeLiteral(sheet, rect(0, 0, 0, 0), seed.values);
  if (seed.numberFormats) {
    seed.numberFormats.forEach((row, i) =>
      row.forEach((fmt, j) => {
        if (fmt) model.applyStyle(sheet, rect(i, j, i, j), (s) => ({ ...s, numberFormat: fmt }));
      }),
    );
  }
  if (seed.formulas) {
    const opts = model.inputOptions();
    seed.formulas.forEach((row, i) =>
      row.forEach((f, j) => {
        if (f) sheet.setContent(i, j, evaluateFormula(f, opts), f);
      }),
    );
  }
  if (seed.visibility) sheet.visibility = seed.visibility;
  for (const address of seed.unlocked ?? []) {
    const p = parseAddress(address);
    if (!p || p.sheet !== null) throw new Error(`seed ${seed.name}: not a local address: ${address}`);
    model.applyStyle(sheet, p.rect, (s) => ({ ...s, locked: false }));
  }
  for (const [address, level] of Object.entries(seed.indents ?? {}))
    applyIndent(model, sheet, address, level);
  if (seed.protected) {
    const given = seed.protected === true ? {} : seed.protected;
    sheet.protection = {
      options: { ...defaultProtectionOptions(), ...given.options },
      password: given.password || null,
    };
  }
  return sheet;
}

export { MAX_COLS };
