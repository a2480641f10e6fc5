/**
 * Reads every worksheet of an .xlsx into plain grids, the way Excel's `Range.values` shows
 * them, so the CLI (and the pane, for a file the user picks) feeds the engine exactly what
 * the add-in would read from an open workbook.
 *
 * The values come straight from the SpreadsheetML parts (zip + XML scan) rather than through
 * exceljs: the cached value of each cell is what `Range.values` returns (a date stays its
 * serial number, a formula gives its last result), and skipping exceljs's object per cell is
 * what lets a 100,000-row sheet load in well under a second.
 */
import type { CellFacts, CellValue } from "../core/types";
import type { WorkbookReadError } from "./read-error";
import { probeWorkbookBytes, readRelationships, type OpenedWorkbook } from "./sniff";
import { decodeOoxmlEscapes, decodeXmlText, attrValue, parseAttrs, scanXml } from "./xml";
import { ZipFormatError, findEntry, readEntryText, type ZipCodec } from "./zip";

/** One worksheet as values. */
export interface SheetData {
  /** The tab name. */
  name: string;
  /**
   * Values from A1 (row 0 = sheet row 1, col 0 = column A) to the last row and column that
   * hold a value; rectangular; empty cells are `""`.
   */
  grid: CellValue[][];
  state: "visible" | "hidden" | "veryHidden";
  /**
   * Excel's indent level (Format Cells → Alignment → Indent) of the cells holding a value that
   * have one, by row then column; absent when no cell is indented. A criteria list's tree can
   * live there when its rows are not numbered.
   */
  indents?: Map<number, Map<number, number>>;
  /**
   * What the values alone do not say (formulas never calculated, percent formats, SUBTOTAL
   * cells, hidden rows), by sheet row and column; absent when the sheet has none of them.
   */
  facts?: CellFacts;
}

/** The result of reading a workbook: the sheets, or why the file could not be read. */
export type ReadOutcome = { ok: true; sheets: SheetData[] } | { ok: false; error: WorkbookReadError };

/** Excel's hard limits; anything beyond comes from a damaged file and is ignored. */
const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;
/**
 * A sheet whose value extent exceeds this many cells (a stray value in XFD1048576, say)
 * would need gigabytes as a grid; it is reported instead of exhausting memory.
 */
export const MAX_GRID_CELLS = 30_000_000;

/** A problem confined to one sheet (too large, or its part is missing); named in the message. */
class SheetReadError extends Error {
  constructor(
    readonly sheet: string,
    detail: string,
  ) {
    super(detail);
  }
}

interface Rect {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

/** Decodes "AB12" (optionally with `$`) into 0-based row/col; col −1 when it is not a reference. */
function decodeRef(ref: string): { row: number; col: number } {
  let col = 0;
  let row = 0;
  let i = 0;
  const n = ref.length;
  if (ref.charCodeAt(i) === 36) i++;
  for (; i < n; i++) {
    const ch = ref.charCodeAt(i) | 0x20; // lower-case letters
    if (ch < 97 || ch > 122) break;
    col = col * 26 + (ch - 96);
  }
  if (ref.charCodeAt(i) === 36) i++;
  for (; i < n; i++) {
    const ch = ref.charCodeAt(i);
    if (ch < 48 || ch > 57) break;
    row = row * 10 + (ch - 48);
  }
  return { row: row - 1, col: col - 1 };
}

function parseRange(ref: string): Rect | null {
  const [a, b] = ref.split(":");
  if (a === undefined || b === undefined) return null;
  const p = decodeRef(a);
  const q = decodeRef(b);
  if (p.row < 0 || p.col < 0 || q.row < 0 || q.col < 0) return null;
  return {
    r1: Math.min(p.row, q.row),
    c1: Math.min(p.col, q.col),
    r2: Math.max(p.row, q.row),
    c2: Math.max(p.col, q.col),
  };
}

/** Days from an ISO date (`t="d"` cells, rare) to an Excel serial in the workbook's date system. */
function isoToSerial(iso: string, date1904: boolean): CellValue {
  const s = iso.trim();
  const withDate = /^\d{4}-\d{2}-\d{2}/.test(s) ? s : `1899-12-31T${s}`;
  const ms = Date.parse(
    /[zZ]|[+-]\d{2}:?\d{2}$/.test(withDate) || !withDate.includes("T") ? withDate : `${withDate}Z`,
  );
  if (Number.isNaN(ms)) return s;
  const days = ms / 86_400_000;
  if (date1904) return days + 24_107;
  const serial = days + 25_569;
  // Excel's 1900 system counts the non-existent 29 Feb 1900, so earlier dates are one less.
  return serial < 61 ? serial - 1 : serial;
}

function textOf(xml: string, start: number, end: number, cdata: boolean): string {
  const raw = xml.slice(start, end);
  if (cdata) return raw;
  return raw.indexOf("&") >= 0 || raw.indexOf("\r") >= 0 ? decodeXmlText(raw) : raw;
}

/**
 * A string of its own, not a view into the XML it was cut from. V8 makes a slice of 13
 * characters or more a view that keeps the whole text alive (all of sharedStrings.xml, for
 * one name) and that its JSON writer handles more slowly: a 100,000-unit report took 160 ms to
 * stringify with such names, 105 ms with copies. Joining two pieces makes a flat copy (shorter
 * slices are copies already); the reader alone measured no slower for it.
 */
function ownString(s: string): string {
  return s.length < 13 ? s : [s.slice(0, 1), s.slice(1)].join("");
}

/** The shared string table: each `<si>` as plain text (rich-text runs joined, phonetic runs left out). */
function parseSharedStrings(xml: string): string[] {
  const out: string[] = [];
  let inSi = false;
  let inT = false;
  let phonetic = 0;
  let parts: string[] = [];
  scanXml(xml, {
    open(name, _attrs, selfClosing) {
      if (name === "si") {
        if (selfClosing) out.push("");
        else {
          inSi = true;
          parts = [];
        }
      } else if (name === "rPh" && !selfClosing) {
        phonetic++;
      } else if (name === "t" && inSi && phonetic === 0 && !selfClosing) {
        inT = true;
      }
    },
    close(name) {
      if (name === "t") inT = false;
      else if (name === "rPh") phonetic--;
      else if (name === "si") {
        out.push(ownString(decodeOoxmlEscapes(parts.join(""))));
        inSi = false;
      }
    },
    text(start, end, cdata) {
      if (inT) parts.push(textOf(xml, start, end, cdata));
    },
  });
  return out;
}

/**
 * Turns one worksheet part into a rectangular grid. One forward pass stores each cell into
 * its row (rows are created on first use and padded as cells arrive), then merges blank their
 * non-top-left cells and the rows are padded to the final width: linear in the sheet size.
 */
function parseSheet(
  name: string,
  xml: string,
  sst: readonly string[],
  date1904: boolean,
  styles: CellStyles,
): { grid: CellValue[][]; indents: Map<number, Map<number, number>> | null; facts: CellFacts | null } {
  const xfIndent = styles.indent;
  const uncalculated = new Map<number, Set<number>>();
  const percent = new Map<number, Set<number>>();
  const subtotal = new Map<number, Set<number>>();
  const hiddenRows = new Set<number>();
  const add = (set: Map<number, Set<number>>, r: number, c: number): void => {
    let cols = set.get(r);
    if (!cols) set.set(r, (cols = new Set()));
    cols.add(c);
  };
  let hasFormula = false;
  let formula = "";
  let cellPercent = false;
  const rows: CellValue[][] = [];
  let indents: Map<number, Map<number, number>> | null = null;
  let cellIndent = 0;
  const merges: Rect[] = [];
  let inSheetData = false;
  let rowIdx = -1;
  let colCursor = -1;
  let inCell = false;
  let cellRow = 0;
  let cellCol = 0;
  let cellType = "n";
  let v: string | null = null;
  let inline: string | null = null;
  let inIs = false;
  let phonetic = 0;
  let capture = 0; // 0 none, 1 <v>, 2 <t> inside <is>, 3 <f>
  let stored = 0;

  const finishCell = (): void => {
    inCell = false;
    if (hasFormula && cellRow >= 0 && cellCol >= 0) {
      // A formula without a stored result was never calculated: it is not a blank.
      if (v === null) add(uncalculated, cellRow, cellCol);
      if (/^\s*(_xlfn\.)?(SUBTOTAL|AGGREGATE)\s*\(/i.test(formula)) add(subtotal, cellRow, cellCol);
    }
    if (cellPercent && cellType === "n" && v !== null && cellRow >= 0 && cellCol >= 0)
      add(percent, cellRow, cellCol);
    let value: CellValue = "";
    switch (cellType) {
      case "s":
        if (v !== null) value = sst[Number(v)] ?? "";
        break;
      case "inlineStr":
        value = decodeOoxmlEscapes(inline ?? v ?? "");
        break;
      case "str":
        value = v === null ? "" : decodeOoxmlEscapes(v);
        break;
      case "b":
        if (v !== null) value = v.trim() === "1" || v.trim().toLowerCase() === "true";
        break;
      case "e":
        value = v === null ? "" : v.trim();
        break;
      case "d":
        value = v === null || v.trim() === "" ? "" : isoToSerial(v, date1904);
        break;
      default: {
        if (v === null) break;
        const s = v.trim();
        if (s === "") break;
        const num = Number(s);
        value = Number.isFinite(num) ? num : s;
      }
    }
    if (value === "" || cellRow < 0 || cellCol < 0 || cellRow >= MAX_ROWS || cellCol >= MAX_COLS) return;
    let row = rows[cellRow];
    if (row === undefined) {
      row = [];
      rows[cellRow] = row;
    }
    if (cellCol >= row.length) {
      // Padding is what can blow up (a stray value far right on every row), so it is counted.
      stored += cellCol + 1 - row.length;
      if (stored > MAX_GRID_CELLS) throw new SheetReadError(name, `more than ${MAX_GRID_CELLS} cells`);
      while (row.length < cellCol) row.push("");
    }
    row[cellCol] = value;
    if (cellIndent > 0) {
      indents ??= new Map();
      let byCol = indents.get(cellRow);
      if (!byCol) indents.set(cellRow, (byCol = new Map()));
      byCol.set(cellCol, cellIndent);
    }
  };

  scanXml(xml, {
    open(tag, attrs, selfClosing) {
      switch (tag) {
        case "sheetData":
          inSheetData = !selfClosing;
          break;
        case "row": {
          if (!inSheetData) break;
          const r = attrValue(attrs, "r");
          rowIdx = r !== undefined ? Number(r) - 1 : rowIdx + 1;
          colCursor = -1;
          const hidden = attrValue(attrs, "hidden");
          if (hidden === "1" || hidden === "true") hiddenRows.add(rowIdx);
          break;
        }
        case "c": {
          if (!inSheetData) break;
          const ref = attrValue(attrs, "r");
          if (ref !== undefined) {
            const p = decodeRef(ref);
            // A reference without a row part ("B") still fixes the column.
            cellRow = p.row >= 0 ? p.row : rowIdx;
            cellCol = p.col;
          } else {
            cellRow = rowIdx;
            cellCol = colCursor + 1;
          }
          colCursor = cellCol;
          cellType = attrValue(attrs, "t") ?? "n";
          const xf = Number(attrValue(attrs, "s") ?? 0);
          cellIndent = xfIndent[xf] ?? 0;
          cellPercent = styles.percent[xf] === true;
          hasFormula = false;
          formula = "";
          v = null;
          inline = null;
          inCell = !selfClosing;
          break;
        }
        case "f":
          if (inCell) {
            hasFormula = true;
            if (!selfClosing) capture = 3;
          }
          break;
        case "v":
          if (inCell && !selfClosing) {
            capture = 1;
            v = "";
          }
          break;
        case "is":
          if (inCell && !selfClosing) {
            inIs = true;
            inline = "";
          }
          break;
        case "rPh":
          if (!selfClosing) phonetic++;
          break;
        case "t":
          if (inIs && phonetic === 0 && !selfClosing) capture = 2;
          break;
        case "mergeCell": {
          const ref = attrValue(attrs, "ref");
          const rect = ref === undefined ? null : parseRange(ref);
          if (rect) merges.push(rect);
          break;
        }
        default:
          break;
      }
    },
    close(tag) {
      switch (tag) {
        case "v":
          if (capture === 1) capture = 0;
          break;
        case "f":
          if (capture === 3) capture = 0;
          break;
        case "t":
          if (capture === 2) capture = 0;
          break;
        case "rPh":
          phonetic--;
          break;
        case "is":
          inIs = false;
          break;
        case "c":
          if (inCell) finishCell();
          break;
        case "sheetData":
          inSheetData = false;
          break;
        default:
          break;
      }
    },
    text(start, end, cdata) {
      if (capture === 1) v = (v ?? "") + textOf(xml, start, end, cdata);
      else if (capture === 2) inline = (inline ?? "") + textOf(xml, start, end, cdata);
      else if (capture === 3 && formula.length < 64) formula += textOf(xml, start, end, cdata);
    },
  });

  // Merged areas show only their top-left value, as in Excel.
  for (const m of merges) {
    for (let r = m.r1; r <= m.r2 && r < rows.length; r++) {
      const row = rows[r];
      if (row === undefined) continue;
      for (let c = m.c1; c <= m.c2 && c < row.length; c++) {
        if (r !== m.r1 || c !== m.c1) row[c] = "";
      }
    }
  }

  // The extent is the last row and column holding a value (formatting alone does not count).
  let height = 0;
  let width = 0;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (row === undefined) continue;
    let last = row.length - 1;
    while (last >= 0 && row[last] === "") last--;
    if (last >= 0) {
      height = r + 1;
      if (last + 1 > width) width = last + 1;
    }
  }
  if (height * width > MAX_GRID_CELLS) {
    throw new SheetReadError(name, `values span ${height} rows × ${width} columns`);
  }
  const grid: CellValue[][] = new Array<CellValue[]>(height);
  for (let r = 0; r < height; r++) {
    const row = rows[r];
    if (row === undefined) {
      grid[r] = new Array<CellValue>(width).fill("");
      continue;
    }
    if (row.length > width) row.length = width;
    while (row.length < width) row.push("");
    grid[r] = row;
  }
  const facts: CellFacts = {
    ...(uncalculated.size > 0 ? { uncalculated } : {}),
    ...(percent.size > 0 ? { percent } : {}),
    ...(subtotal.size > 0 ? { subtotal } : {}),
    ...(hiddenRows.size > 0 ? { hiddenRows } : {}),
  };
  return { grid, indents, facts: Object.keys(facts).length > 0 ? facts : null };
}

/** What EMU reads of each cell format (`cellXfs`, by the index cells name in their `s` attribute). */
interface CellStyles {
  /** Excel's indent level, 0 where the format has none. */
  readonly indent: readonly number[];
  /** True where the number format shows a percent (built-in 9 and 10, or a code with `%`). */
  readonly percent: readonly boolean[];
}

/** Styles only shape a criteria tree and percent scores: a damaged styles part must not cost the values. */
function stylesOrNone(read: () => CellStyles): CellStyles {
  try {
    return read();
  } catch {
    return { indent: [], percent: [] };
  }
}

/** True when a number format code shows a percent: a `%` outside quotes, escapes and brackets. */
export function isPercentFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, "");
  return bare.includes("%");
}

/**
 * The indent level of each cell format (`cellXfs`, by the index cells name in their `s`
 * attribute), from the styles part: 0 where the format has none.
 */
function parseCellStyles(xml: string): CellStyles {
  const out: number[] = [];
  const fmtOf: number[] = [];
  const percentFmt = new Set<number>([9, 10]);
  let inXfs = false;
  let current = -1;
  scanXml(xml, {
    open(tag, attrs, selfClosing) {
      if (tag === "numFmt") {
        const id = Number(attrValue(attrs, "numFmtId"));
        const code = attrValue(attrs, "formatCode") ?? "";
        if (Number.isInteger(id) && isPercentFormat(code)) percentFmt.add(id);
      } else if (tag === "cellXfs") inXfs = !selfClosing;
      else if (inXfs && tag === "xf") {
        out[(current = out.length)] = 0;
        fmtOf[current] = Number(attrValue(attrs, "numFmtId") ?? 0);
      } else if (inXfs && tag === "alignment" && current >= 0) {
        const n = Number(attrValue(attrs, "indent") ?? 0);
        out[current] = Number.isInteger(n) && n > 0 ? Math.min(n, 250) : 0;
      }
    },
    close(tag) {
      if (tag === "cellXfs") inXfs = false;
    },
    text() {},
  });
  return { indent: out, percent: fmtOf.map((id) => percentFmt.has(id)) };
}

interface SheetEntry {
  name: string;
  state: SheetData["state"];
  relId: string;
}

function parseWorkbookXml(xml: string): { sheets: SheetEntry[]; date1904: boolean } {
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  scanXml(xml, {
    open(name, attrs) {
      if (name === "workbookPr") {
        const d = (attrValue(attrs, "date1904") ?? "").toLowerCase();
        date1904 = d === "1" || d === "true";
      } else if (name === "sheet") {
        const a = parseAttrs(attrs);
        const st = a["state"];
        sheets.push({
          name: a["name"] ?? "",
          state: st === "hidden" || st === "veryHidden" ? st : "visible",
          relId: a["id"] ?? "",
        });
      }
    },
    close() {},
    text() {},
  });
  return { sheets, date1904 };
}

/** Parses an opened workbook; throws ZipFormatError or SheetReadError on damage. */
function readSheets(wb: OpenedWorkbook): SheetData[] {
  const { zip, workbookPart } = wb;
  const wbEntry = findEntry(zip, workbookPart);
  if (!wbEntry) throw new ZipFormatError("corrupt", `${workbookPart} is missing`);
  const { sheets, date1904 } = parseWorkbookXml(readEntryText(zip, wbEntry));
  const rels = readRelationships(zip, workbookPart);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const sstRel = rels.find((r) => r.type.endsWith("/sharedStrings"));
  const sstEntry = sstRel?.part === undefined ? undefined : findEntry(zip, sstRel.part);
  const sst = sstEntry ? parseSharedStrings(readEntryText(zip, sstEntry)) : [];
  const stylesRel = rels.find((r) => r.type.endsWith("/styles"));
  const stylesEntry = stylesRel?.part === undefined ? undefined : findEntry(zip, stylesRel.part);
  const styles = stylesEntry
    ? stylesOrNone(() => parseCellStyles(readEntryText(zip, stylesEntry)))
    : { indent: [], percent: [] };

  const out: SheetData[] = [];
  for (const s of sheets) {
    const rel = byId.get(s.relId);
    // Chart sheets, dialog sheets and macro sheets hold no cell values to read.
    if (!rel || !rel.type.endsWith("/worksheet")) continue;
    const entry = rel.part === undefined ? undefined : findEntry(zip, rel.part);
    if (!entry) throw new SheetReadError(s.name, `worksheet part ${rel.part ?? "?"} is missing`);
    const { grid, indents, facts } = parseSheet(s.name, readEntryText(zip, entry), sst, date1904, styles);
    out.push({
      name: s.name,
      state: s.state,
      grid,
      ...(indents ? { indents } : {}),
      ...(facts ? { facts } : {}),
    });
  }
  return out;
}

/**
 * How to inflate and checksum the zip's entries. Left out, fflate and a table CRC-32 are used,
 * which run anywhere; Node callers pass `zlib.inflateRawSync` and `zlib.crc32`, which do those
 * two steps several times faster (about a quarter off reading a 100,000-row sheet).
 */
export type ReadBytesOptions = Partial<ZipCodec>;

/**
 * Reads every worksheet of an .xlsx, given as its bytes, as values; `name` is how messages
 * call the file (the path the user typed, or the name of the file picked). Never throws for a
 * bad file: a CSV or legacy .xls, a truncated download, a password-protected workbook or a
 * damaged one, or one without any worksheet, each come back as `{ ok: false, error }` with
 * its own code. Chart sheets are skipped.
 * @example readWorkbookBytes(new Uint8Array(await file.arrayBuffer()), file.name)
 */
export function readWorkbookBytes(bytes: Uint8Array, name: string, opts: ReadBytesOptions = {}): ReadOutcome {
  const probe = probeWorkbookBytes(bytes, name, opts);
  if (!probe.ok) return probe;
  try {
    const sheets = readSheets(probe.workbook);
    // A workbook with no worksheet (only chart sheets, or none at all) has nothing to rank.
    if (sheets.length === 0)
      return { ok: false, error: { code: "no-sheets", path: name, detail: "no worksheet" } };
    return { ok: true, sheets };
  } catch (err) {
    if (err instanceof ZipFormatError) {
      return {
        ok: false,
        error: {
          code: err.problem === "truncated" ? "truncated" : "unreadable",
          path: name,
          detail: err.message,
        },
      };
    }
    if (err instanceof SheetReadError) {
      return { ok: false, error: { code: "unreadable", path: name, detail: err.message, sheet: err.sheet } };
    }
    return {
      ok: false,
      error: { code: "unreadable", path: name, detail: err instanceof Error ? err.message : String(err) },
    };
  }
}
