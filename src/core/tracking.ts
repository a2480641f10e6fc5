import { formatDateVi, isoDate, parseDateCell } from "./dates";
import type { Issue } from "./issues";
import { findMember, memberKey, type Member, type MemberList } from "./members";
import { OFFICIAL_FONT, SheetBuilder, TABLE_HEADER_STYLE } from "./sheet-builder";
import type { CellStyle, SheetModel } from "./sheet-model";
import { cleanText, foldKey } from "./text";
import type { CellRef, CellValue, Grid, GridOrigin } from "./types";

/**
 * *Theo dõi nộp phiếu*: who has sent the year-end report and self-scoring sheet(s), when, and
 * whether on time. One row a member (`STT | Đơn vị | Ngày nhận | Tình trạng | Số ngày trễ`); the date
 * is filled by consolidation when a returned form is read, or typed by hand (an Excel date or
 * dd/mm/yyyy text). A hand-made sheet with just `Đơn vị | Ngày nhận` works too.
 */
export const TRACKING_SHEET_NAME = "Theo dõi nộp phiếu";

export type TrackingStatus = "on-time" | "late" | "missing";

type TrackColumn = "stt" | "unit" | "received" | "status" | "daysLate";

const HEADERS: ReadonlyArray<readonly [TrackColumn, readonly string[], readonly string[]]> = [
  ["daysLate", ["so ngay tre", "so ngay cham", "tre ngay", "days late"], ["ngay tre", "ngay cham"]],
  [
    "received",
    ["ngay nhan", "ngay nop", "ngay gui", "ngay nhan phieu", "ngay nhan bao cao", "received", "received on"],
    ["ngay nhan", "ngay nop"],
  ],
  ["status", ["tinh trang", "trang thai", "status"], ["tinh trang", "trang thai"]],
  ["stt", ["stt", "tt", "so tt", "#", "no"], []],
  ["unit", ["don vi", "ten don vi", "co quan", "thanh vien", "unit", "member"], ["ten don vi"]],
];

function headerOf(v: CellValue | undefined): TrackColumn | null {
  if (typeof v !== "string" || !v.trim()) return null;
  const k = v.trim() === "#" ? "#" : foldKey(v);
  for (const [col, exact, contains] of HEADERS)
    if (exact.includes(k) || contains.some((c) => k.includes(c))) return col;
  return null;
}

/** One row of a tracking sheet as read. */
export interface TrackingRow {
  readonly unit: string;
  readonly unitCell: CellRef;
  readonly receivedCell: CellRef;
  /** The serial of the date, null when blank (or not a date: see the issues). */
  readonly received: number | null;
  /** What the status / days-late cells hold now, and where they are (absent columns: undefined). */
  readonly statusCell?: CellRef;
  readonly status: CellValue;
  readonly daysLateCell?: CellRef;
  readonly daysLate: CellValue;
}

export interface TrackingSheet {
  readonly sheet: string;
  readonly rows: readonly TrackingRow[];
  /** The 0-based sheet row a new member's row would go to (under the last one). */
  readonly nextRow: number;
  /** Sheet columns of the unit and the received date. */
  readonly unitCol: number;
  readonly receivedCol: number;
}

export function isTrackingSheetName(name: string): boolean {
  return foldKey(name) === foldKey(TRACKING_SHEET_NAME);
}

/**
 * Reads a tracking sheet (a unit column and a received-date column; status and days late
 * optional). A date EMU cannot read is an error at its cell, never a guess.
 * @example readTracking(grid, origin).value.rows[0].received //=> 45274
 */
export function readTracking(
  grid: Grid,
  origin: GridOrigin,
): { table: TrackingSheet | null; issues: Issue[] } {
  for (let r = 0; r < Math.min(grid.length, 50); r++) {
    const cols: Partial<Record<TrackColumn, number>> = {};
    (grid[r] ?? []).forEach((v, c) => {
      const h = headerOf(v);
      if (h !== null && cols[h] === undefined) cols[h] = c;
    });
    if (cols.unit === undefined || cols.received === undefined) continue;
    const at = (row: number, col: number): CellRef => ({
      sheet: origin.sheet,
      row: origin.row + row,
      col: origin.col + col,
    });
    const issues: Issue[] = [];
    const rows: TrackingRow[] = [];
    let last = r;
    for (let k = r + 1; k < grid.length; k++) {
      const row = grid[k] ?? [];
      const raw = row[cols.unit];
      const unit = typeof raw === "string" || typeof raw === "number" ? cleanText(String(raw)) : "";
      if (!unit) continue;
      last = k;
      const receivedCell = at(k, cols.received);
      const d = parseDateCell(row[cols.received]);
      if (d.kind === "bad")
        issues.push({ code: "bad-date", severity: "error", cell: receivedCell, text: d.text });
      rows.push({
        unit,
        unitCell: at(k, cols.unit),
        receivedCell,
        received: d.kind === "date" ? d.serial : null,
        ...(cols.status !== undefined ? { statusCell: at(k, cols.status) } : {}),
        status: cols.status !== undefined ? (row[cols.status] ?? "") : "",
        ...(cols.daysLate !== undefined ? { daysLateCell: at(k, cols.daysLate) } : {}),
        daysLate: cols.daysLate !== undefined ? (row[cols.daysLate] ?? "") : "",
      });
    }
    const table: TrackingSheet = {
      sheet: origin.sheet,
      rows,
      nextRow: origin.row + last + 1,
      unitCol: origin.col + cols.unit,
      receivedCol: origin.col + cols.received,
    };
    return { table, issues };
  }
  return { table: null, issues: [] };
}

/** One member's line of the report (`emu track --json`). */
export interface TrackedMember {
  readonly unit: string;
  readonly received: boolean;
  /** yyyy-mm-dd, or null. */
  readonly receivedOn: string | null;
  readonly status: TrackingStatus;
  /** 0 on time, days after the deadline when late, null when missing. */
  readonly daysLate: number | null;
}

/**
 * On time / late / missing against the deadline (both serials; a date on the deadline is on time).
 * @example statusOf(45276, 45275) //=> { status: "late", daysLate: 1 }
 */
export function statusOf(
  received: number | null,
  deadline: number,
): { status: TrackingStatus; daysLate: number | null } {
  if (received === null) return { status: "missing", daysLate: null };
  return received <= deadline
    ? { status: "on-time", daysLate: 0 }
    : { status: "late", daysLate: received - deadline };
}

/** Who is tracked: the member list when there is one, else the tracking sheet's own rows. */
export interface TrackingInput {
  readonly members: readonly Member[] | null;
  readonly membersSheet: string | null;
  readonly tracking: TrackingSheet | null;
  /** Units to track when there is neither a member list nor a tracking sheet (the score table's). */
  readonly fallbackUnits: readonly string[];
}

/**
 * The tracking report: one line a member, in the member list's order; a tracking row naming
 * no member is a warning at its cell (it is not counted).
 * @example trackMembers(input, 45275).members[1].status //=> "late"
 */
export function trackMembers(
  input: TrackingInput,
  deadline: number,
): { members: TrackedMember[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const rows = input.tracking?.rows ?? [];
  const names: string[] =
    input.members !== null
      ? input.members.map((m) => m.name)
      : rows.length > 0
        ? rows.map((r) => r.unit)
        : [...input.fallbackUnits];
  const receivedBy = new Map<string, number | null>();
  for (const row of rows) {
    const member = input.members ? findMember(input.members, row.unit) : null;
    if (input.members && !member) {
      issues.push({
        code: "not-a-member",
        severity: "warning",
        cell: row.unitCell,
        unit: row.unit,
        sheet: input.membersSheet ?? "",
      });
      continue;
    }
    const key = memberKey(input.members, member ? member.name : row.unit);
    if (!receivedBy.has(key) || receivedBy.get(key) === null) receivedBy.set(key, row.received);
  }
  const members = names.map((unit) => {
    const received = receivedBy.get(memberKey(input.members, unit)) ?? null;
    const s = statusOf(received, deadline);
    return {
      unit,
      received: received !== null,
      receivedOn: received === null ? null : isoDate(received),
      status: s.status,
      daysLate: s.daysLate,
    };
  });
  return { members, issues };
}

/** The status as the sheet says it. */
export function statusText(status: TrackingStatus | "received"): string {
  return status === "on-time"
    ? "Đúng hạn"
    : status === "late"
      ? "Trễ hạn"
      : status === "missing"
        ? "Chưa nhận"
        : "Đã nhận";
}

/** Status texts EMU writes (and may rewrite): anything else in a status cell is the user's. */
const EMU_STATUS = new Set(["", "dung han", "tre han", "chua nhan", "da nhan", "chua nop"]);

const STYLES: Readonly<Record<string, CellStyle>> = {
  title: { font: { name: OFFICIAL_FONT, size: 14, bold: true }, align: "center", valign: "middle" },
  note: { font: { name: OFFICIAL_FONT, size: 12, italic: true }, align: "center", valign: "middle" },
  th: TABLE_HEADER_STYLE,
  stt: { font: { name: OFFICIAL_FONT, size: 12 }, align: "center", valign: "middle", border: true },
  unit: {
    font: { name: OFFICIAL_FONT, size: 12 },
    align: "left",
    valign: "middle",
    wrap: true,
    border: true,
    numberFormat: "@",
  },
  date: {
    font: { name: OFFICIAL_FONT, size: 12 },
    align: "center",
    valign: "middle",
    border: true,
    numberFormat: "dd/mm/yyyy",
    locked: false,
  },
  cell: { font: { name: OFFICIAL_FONT, size: 12 }, align: "center", valign: "middle", border: true },
};

/** The header EMU writes. */
export const TRACKING_HEADER = [
  "STT",
  "Đơn vị",
  "Ngày nhận",
  "Tình trạng",
  "Số ngày trễ",
  "Ghi chú",
] as const;

/**
 * A new tracking sheet: one row a member, received dates (Excel dates shown dd/mm/yyyy) where
 * known, the status against the deadline (or "Đã nhận"/"Chưa nhận" without one) and days late.
 * @example trackingSheet([{ unit: "Sở A", received: 45274 }], 45275).name //=> "Theo dõi nộp phiếu"
 */
export function trackingSheet(
  rows: readonly { unit: string; received: number | null }[],
  deadline: number | null,
  name: string = TRACKING_SHEET_NAME,
): SheetModel {
  const b = new SheetBuilder([6, 44, 14, 14, 12, 24], STYLES);
  b.text(0, 0, 5, "THEO DÕI NỘP BÁO CÁO VÀ BẢNG TỰ CHẤM ĐIỂM", "title");
  b.text(
    1,
    0,
    5,
    deadline === null
      ? "Hạn nộp: (chưa ghi trong trang Thông tin công văn)"
      : `Hạn nộp: ${formatDateVi(deadline)}`,
    "note",
  );
  TRACKING_HEADER.forEach((h, c) => b.text(3, c, c, h, "th"));
  rows.forEach((row, i) => {
    const r = 4 + i;
    const s = deadline === null ? null : statusOf(row.received, deadline);
    b.set(r, 0, i + 1, "stt");
    b.text(r, 1, 1, row.unit, "unit");
    b.set(r, 2, row.received, "date");
    b.set(r, 3, statusText(s ? s.status : row.received === null ? "missing" : "received"), "cell");
    b.set(r, 4, s && s.daysLate !== null && s.daysLate > 0 ? s.daysLate : null, "cell");
    b.set(r, 5, null, "cell");
  });
  return b.build(
    name,
    {
      paper: "A4",
      orientation: "portrait",
      marginsMm: { top: 20, bottom: 20, left: 20, right: 15 },
      fitToWidth: true,
      printTitleRows: { from: 3, to: 3 },
    },
    { defaultFont: { name: OFFICIAL_FONT, size: 12 }, showGridLines: true, freezeRows: 4 },
    3 + rows.length,
  );
}

/** A cell to set in a sheet the user already has. */
export interface TrackingEdit {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  readonly value: string | number;
}

/**
 * What consolidation does to an existing tracking sheet when forms arrive on `received`: the
 * received date goes into each received member's blank date cell (as dd/mm/yyyy text, which
 * reads the same in any sheet), and its status / days-late cells are brought up to date when
 * they are blank or hold a status EMU writes. A date already there is the first receipt and is
 * kept; nothing a user typed is overwritten. A unit without a row gets one under the last
 * (its name and date), and is listed in `appended`.
 * @example trackingEdits(table, ["Sở A"], 45274, 45275).edits[0].value //=> "14/12/2023"
 */
export function trackingEdits(
  table: TrackingSheet,
  units: readonly string[],
  received: number,
  deadline: number | null,
  list: MemberList | null,
): { edits: TrackingEdit[]; appended: string[] } {
  const edits: TrackingEdit[] = [];
  const appended: string[] = [];
  let next = table.nextRow;
  const keyOf = (name: string): string => memberKey(list ? list.members : null, name);
  for (const unit of units) {
    const k = keyOf(unit);
    const row = table.rows.find((r) => keyOf(r.unit) === k);
    if (!row) {
      const m = list ? findMember(list.members, unit) : null;
      edits.push({ sheet: table.sheet, row: next, col: table.unitCol, value: m ? m.name : unit });
      edits.push({ sheet: table.sheet, row: next++, col: table.receivedCol, value: formatDateVi(received) });
      appended.push(unit);
      continue;
    }
    if (row.received !== null) continue;
    const raw = row.receivedCell;
    edits.push({ sheet: raw.sheet, row: raw.row, col: raw.col, value: formatDateVi(received) });
    const s = deadline === null ? null : statusOf(received, deadline);
    if (row.statusCell && EMU_STATUS.has(foldKey(String(row.status ?? ""))))
      edits.push({ ...row.statusCell, value: statusText(s ? s.status : "received") });
    if (row.daysLateCell && (row.daysLate === "" || row.daysLate === null) && s && s.daysLate)
      edits.push({ ...row.daysLateCell, value: s.daysLate });
  }
  return { edits, appended };
}
