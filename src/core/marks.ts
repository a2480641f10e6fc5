import { cellAddress, columnIndex, parseA1 } from "./address";
import type { ColumnMapping } from "./detect";
import type { ColumnRole } from "./issues";
import { foldKey } from "./text";
import type { CellValue, Grid } from "./types";

/**
 * What EMU remembers about what it wrote, so that re-running never touches a user's work: the
 * sheets it created (replaced on the next run) and the cells it filled in the user's own table
 * (refilled only while they still hold EMU's value). Kept in a very hidden sheet, which both
 * Excel and .xlsx files carry; a renamed sheet simply stops being EMU's, which is the safe side.
 */
export const MARKS_SHEET_NAME = "_EMU";

export type EmuSheetKind =
  | "results"
  | "notice"
  | "summary"
  // The conference (bình xét): the tally, the two minutes, the proposal, the ballots.
  | "tally"
  | "count-minutes"
  | "minutes"
  | "proposal"
  | "ballot"
  // The year's letters and the pledge.
  | "call"
  | "reminder"
  | "pledge";

const SHEET_KINDS: ReadonlySet<string> = new Set<EmuSheetKind>([
  "results",
  "notice",
  "summary",
  "tally",
  "count-minutes",
  "minutes",
  "proposal",
  "ballot",
  "call",
  "reminder",
  "pledge",
]);

export interface Marks {
  /** Sheet name → what EMU made it for. */
  readonly sheets: ReadonlyMap<string, EmuSheetKind>;
  /** "'Sheet'!D9" → the value EMU wrote there. */
  readonly cells: ReadonlyMap<string, string | number>;
  /** The score sheet EMU last ranked: used when the active sheet is one EMU made. */
  readonly source?: string;
  /** The column mapping a user confirmed in the pane, for one score sheet. */
  readonly mapping?: RememberedMapping;
  /** Sheet name → the fingerprint of what EMU wrote there (sheet-print.ts), to notice hand edits. */
  readonly prints?: ReadonlyMap<string, string>;
}

/** A user's column mapping and the sheet it belongs to. */
export interface RememberedMapping extends ColumnMapping {
  readonly sheet: string;
}

const ROLES: ReadonlySet<string> = new Set<ColumnRole>([
  "stt",
  "unit",
  "self",
  "verified",
  "max",
  "bonus",
  "deduction",
  "classification",
  "rank",
  "note",
  "veto",
]);

/** Reads a mapping row's JSON; anything malformed is dropped (the safe side: detect again). */
function parseMapping(sheet: string, json: unknown): RememberedMapping | undefined {
  if (typeof json !== "string") return undefined;
  let v: unknown;
  try {
    v = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (typeof v !== "object" || v === null) return undefined;
  const o = v as { headerRow?: unknown; columns?: unknown };
  if (typeof o.columns !== "object" || o.columns === null) return undefined;
  const columns: Partial<Record<ColumnRole, string>> = {};
  for (const [role, letters] of Object.entries(o.columns as Record<string, unknown>)) {
    if (!ROLES.has(role) || typeof letters !== "string" || !/^[A-Z]{1,3}$/.test(letters)) continue;
    if (columnIndex(letters) < 0) continue;
    columns[role as ColumnRole] = letters;
  }
  const headerRow =
    typeof o.headerRow === "number" && Number.isInteger(o.headerRow) && o.headerRow >= 1
      ? o.headerRow
      : undefined;
  return headerRow === undefined ? { sheet, columns } : { sheet, headerRow, columns };
}

export const NO_MARKS: Marks = { sheets: new Map(), cells: new Map() };

/** Excel keeps at most 32,767 characters in a cell; chunks of the value lists stay below. */
const CHUNK = 30_000;

function splitAddress(addr: string): { sheet: string; row: number; col: number } | null {
  const m = /^(?:'((?:[^']|'')+)'|([^!]+))!([A-Z]+\d+)$/.exec(addr);
  const cell = m ? parseA1(m[3] ?? "") : null;
  if (!m || !cell) return null;
  return { sheet: (m[1] ?? m[2] ?? "").replace(/''/g, "'"), ...cell };
}

/**
 * Reads the marks sheet; anything it does not understand is ignored. Filled cells are stored as
 * runs down a column ("cells", first cell, count, values as JSON in chunks), so a 100,000-row
 * table costs a few dozen cells of bookkeeping, not 100,000 rows.
 * @example parseMarks([["sheet", "Thông báo", "notice"]]).sheets.get("Thông báo") //=> "notice"
 */
export function parseMarks(grid: Grid): Marks {
  const sheets = new Map<string, EmuSheetKind>();
  const cells = new Map<string, string | number>();
  let source: string | undefined;
  let mapping: RememberedMapping | undefined;
  const prints = new Map<string, string>();
  for (const row of grid) {
    const [kind, key, value] = row;
    if (kind === "print" && typeof key === "string" && key && typeof value === "string")
      prints.set(key, value);
    if (kind === "source" && typeof key === "string" && key) source = key;
    if (kind === "mapping" && typeof key === "string" && key) mapping = parseMapping(key, value) ?? mapping;
    if (kind === "sheet" && typeof key === "string" && typeof value === "string" && SHEET_KINDS.has(value))
      sheets.set(key, value as EmuSheetKind);
    if (kind === "cells" && typeof key === "string" && typeof value === "number") {
      const start = splitAddress(key);
      let values: unknown;
      try {
        values = JSON.parse(
          row
            .slice(3)
            .map((v) => (typeof v === "string" ? v : ""))
            .join(""),
        );
      } catch {
        continue;
      }
      if (!start || !Array.isArray(values) || values.length !== value) continue;
      values.forEach((v, k) => {
        if (typeof v === "string" || typeof v === "number")
          cells.set(cellAddress({ sheet: start.sheet, row: start.row + k, col: start.col }), v);
      });
    }
  }
  return {
    sheets,
    cells,
    ...(source === undefined ? {} : { source }),
    ...(mapping === undefined ? {} : { mapping }),
    ...(prints.size > 0 ? { prints } : {}),
  };
}

/**
 * The mapping remembered for a sheet, without its sheet name (what the use cases take).
 * @example rememberedMapping({ ...NO_MARKS, mapping: { sheet: "A", columns: { unit: "B" } } }, "A") //=> { columns: { unit: "B" } }
 */
export function rememberedMapping(marks: Marks, sheet: string | null | undefined): ColumnMapping | undefined {
  const m = marks.mapping;
  if (!m || sheet === null || sheet === undefined || m.sheet !== sheet) return undefined;
  return m.headerRow === undefined ? { columns: m.columns } : { headerRow: m.headerRow, columns: m.columns };
}

/** The marks sheet's rows. */
export function marksGrid(marks: Marks): CellValue[][] {
  const rows: CellValue[][] = [["EMU", "marks", 2]];
  if (marks.source !== undefined) rows.push(["source", marks.source]);
  if (marks.mapping !== undefined) {
    const { sheet, headerRow, columns } = marks.mapping;
    rows.push([
      "mapping",
      sheet,
      JSON.stringify(headerRow === undefined ? { columns } : { headerRow, columns }),
    ]);
  }
  for (const [name, kind] of marks.sheets) rows.push(["sheet", name, kind]);
  for (const [name, print] of marks.prints ?? [])
    if (marks.sheets.has(name)) rows.push(["print", name, print]);
  const parsed = [...marks.cells]
    .map(([addr, value]) => ({ at: splitAddress(addr), value }))
    .filter(
      (x): x is { at: NonNullable<ReturnType<typeof splitAddress>>; value: string | number } => x.at !== null,
    )
    .sort((a, b) =>
      a.at.sheet < b.at.sheet ? -1 : a.at.sheet > b.at.sheet ? 1 : a.at.col - b.at.col || a.at.row - b.at.row,
    );
  for (let k = 0; k < parsed.length;) {
    const first = parsed[k] as (typeof parsed)[number];
    let end = k + 1;
    while (end < parsed.length) {
      const p = parsed[end] as (typeof parsed)[number];
      const q = parsed[end - 1] as (typeof parsed)[number];
      if (p.at.sheet !== first.at.sheet || p.at.col !== first.at.col || p.at.row !== q.at.row + 1) break;
      end++;
    }
    const json = JSON.stringify(parsed.slice(k, end).map((x) => x.value));
    const chunks: string[] = [];
    for (let i = 0; i < json.length; i += CHUNK) chunks.push(json.slice(i, i + CHUNK));
    rows.push([
      "cells",
      cellAddress({ sheet: first.at.sheet, row: first.at.row, col: first.at.col }),
      end - k,
      ...chunks,
    ]);
    k = end;
  }
  return rows;
}

/**
 * Decides where a sheet of some kind goes: over the sheet EMU made for that kind last time, or,
 * when the name is taken by a user's sheet, the first free "Name (2)", "Name (3)" …
 * @example placeSheet("Thông báo", "notice", ["Thông báo"], NO_MARKS) //=> { name: "Thông báo (2)", replace: false }
 */
export function placeSheet(
  base: string,
  kind: EmuSheetKind,
  existing: readonly string[],
  marks: Marks,
): { name: string; replace: boolean } {
  const taken = new Set(existing.map((n) => foldKey(n)));
  for (const [name, k] of marks.sheets) {
    if (k === kind && existing.includes(name) && (name === base || name.startsWith(`${base} (`)))
      return { name, replace: true };
  }
  if (!taken.has(foldKey(base))) return { name: base, replace: false };
  for (let i = 2; ; i++) {
    const name = `${base} (${i})`;
    if (!taken.has(foldKey(name))) return { name, replace: false };
  }
}

/**
 * The marks EMU left in the workbook (which sheets and cells it wrote), from its sheets as read.
 * @example marksOf([]) //=> NO_MARKS
 */
export function marksOf(sheets: readonly { readonly name: string; readonly grid: Grid }[]): Marks {
  const m = sheets.find((s) => s.name === MARKS_SHEET_NAME);
  return m ? parseMarks(m.grid) : NO_MARKS;
}
