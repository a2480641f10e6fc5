import { cellAddress } from "./address";
import type { Issue } from "./issues";
import type { ScoreTable } from "./score-table";
import { gridSheet } from "./sheet-builder";
import type { SheetModel } from "./sheet-model";
import { cleanText, foldKey, sameUnitName, unitToneKey } from "./text";
import type { CellRef, CellValue, Grid, GridOrigin } from "./types";

/**
 * The cluster's member list (*Thành viên cụm*): one source of names, signers and titles for every
 * document EMU writes. Found by its headers, like a score table, so a list typed by hand works.
 */
export const MEMBERS_SHEET_NAME = "Thành viên cụm";

/** A member's role in the cluster this year. */
export type MemberRole = "head" | "deputy" | "";

export interface Member {
  /** Full name as the list writes it (NFC, trimmed). */
  readonly name: string;
  /** Short name ("Sở TT&TT Hà Giang"); "" when the list has none. */
  readonly short: string;
  /** The signer's title, one line each: ["GIÁM ĐỐC"] or ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]. */
  readonly signerTitle: readonly string[];
  readonly signer: string;
  readonly email: string;
  readonly address: string;
  readonly role: MemberRole;
  /** The cell of the name, for messages. */
  readonly cell: CellRef;
}

export interface MemberList {
  readonly sheet: string;
  readonly members: readonly Member[];
}

type MemberColumn = "stt" | "unit" | "short" | "signerTitle" | "signer" | "email" | "address" | "role";

/** Folded header texts of each column (exact, then "contains"), checked in this order. */
const HEADERS: ReadonlyArray<readonly [MemberColumn, readonly string[], readonly string[]]> = [
  ["signerTitle", ["chuc vu", "chuc danh"], ["chuc vu nguoi ky", "chuc danh nguoi ky", "chuc vu"]],
  ["signer", ["nguoi ky", "ho ten nguoi ky", "ho va ten nguoi ky", "thu truong", "signer"], ["nguoi ky"]],
  ["short", ["ten viet tat", "viet tat", "ten goi tat", "ten ngan", "short name"], ["viet tat", "goi tat"]],
  ["email", ["email", "e mail", "thu dien tu", "dia chi email", "dia chi thu dien tu"], ["email", "e mail"]],
  ["address", ["dia chi", "address"], ["dia chi"]],
  ["role", ["vai tro", "vai tro trong cum", "nhiem vu", "role"], ["vai tro"]],
  ["stt", ["stt", "tt", "so tt", "so thu tu", "no", "#"], []],
  [
    "unit",
    ["don vi", "ten don vi", "co quan", "ten co quan", "thanh vien", "don vi thanh vien", "unit", "member"],
    ["ten don vi", "don vi thanh vien"],
  ],
];

function headerOf(v: CellValue | undefined): MemberColumn | null {
  if (typeof v !== "string" || !v.trim()) return null;
  const k = v.trim() === "#" ? "#" : foldKey(v);
  for (const [col, exact, contains] of HEADERS) {
    if (exact.includes(k) || contains.some((c) => k.includes(c))) return col;
  }
  return null;
}

function text(v: CellValue | undefined): string {
  if (v === undefined || v === null || typeof v === "boolean") return "";
  return cleanText(String(v));
}

/**
 * "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC" or two lines in the cell → ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"].
 * @example splitTitle("KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC") //=> ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]
 */
export function splitTitle(s: string): string[] {
  return s
    .normalize("NFC")
    .split(/\s*(?:\r?\n|\/)\s*/)
    .map((x) => x.trim().replace(/\s+/g, " "))
    .filter((x) => x !== "");
}

function roleOf(s: string): MemberRole {
  const k = foldKey(s);
  if (k.includes("cum truong") || k.includes("khoi truong") || k === "truong") return "head";
  if (k.includes("cum pho") || k.includes("khoi pho") || k === "pho") return "deputy";
  return "";
}

/** How far down a member list's header may sit. */
const SCAN_ROWS = 50;

/**
 * Finds a member list in a grid: a header row with a unit column and at least one of the member
 * columns (short name, signer, signer's title); on a sheet named *Thành viên cụm* the unit column
 * alone is enough.
 * @example findMemberHeader([["STT","Đơn vị","Tên viết tắt"]], true) //=> { row: 0, cols: { stt: 0, unit: 1, short: 2 } }
 */
export function findMemberHeader(
  grid: Grid,
  named: boolean,
): { row: number; cols: Partial<Record<MemberColumn, number>> } | null {
  for (let r = 0; r < Math.min(grid.length, SCAN_ROWS); r++) {
    const cols: Partial<Record<MemberColumn, number>> = {};
    (grid[r] ?? []).forEach((v, c) => {
      const h = headerOf(v);
      if (h !== null && cols[h] === undefined) cols[h] = c;
    });
    if (cols.unit === undefined) continue;
    const memberish = cols.short !== undefined || cols.signer !== undefined || cols.signerTitle !== undefined;
    if (memberish || named) return { row: r, cols };
  }
  return null;
}

/** True when a sheet's name is the member list's ("Thành viên cụm", any case or accents). */
export function isMembersSheetName(name: string): boolean {
  return foldKey(name) === foldKey(MEMBERS_SHEET_NAME);
}

/**
 * Reads a member list; a repeated member (same normalised name) is a warning at its cell and
 * the first row wins.
 * @example readMembers(grid, origin).members[0].signer //=> "Đỗ Thái Hòa"
 */
export function readMembers(grid: Grid, origin: GridOrigin): { list: MemberList | null; issues: Issue[] } {
  const head = findMemberHeader(grid, isMembersSheetName(origin.sheet));
  if (!head) return { list: null, issues: [] };
  const { cols } = head;
  const at = (r: number, c: number): CellRef => ({
    sheet: origin.sheet,
    row: origin.row + r,
    col: origin.col + c,
  });
  const get = (row: readonly CellValue[], c: MemberColumn): string => {
    const i = cols[c];
    return i === undefined ? "" : text(row[i]);
  };
  const members: Member[] = [];
  const issues: Issue[] = [];
  const seen: { name: string; cell: CellRef }[] = [];
  for (let r = head.row + 1; r < grid.length; r++) {
    const row = grid[r] ?? [];
    const name = get(row, "unit");
    if (!name) continue;
    const cell = at(r, cols.unit as number);
    const short = get(row, "short");
    const names = short ? [name, short] : [name];
    const first = seen.find((x) => names.some((n) => sameUnitName(n, x.name)))?.cell;
    if (first) {
      issues.push({
        code: "duplicate-unit",
        severity: "warning",
        cell,
        unit: name,
        firstAddress: cellAddress(first),
      });
      continue;
    }
    for (const n of names) seen.push({ name: n, cell });
    const titleCol = cols.signerTitle;
    const rawTitle = titleCol === undefined ? "" : String(row[titleCol] ?? "");
    members.push({
      name,
      short,
      signerTitle: splitTitle(rawTitle),
      signer: get(row, "signer"),
      email: get(row, "email"),
      address: get(row, "address"),
      role: roleOf(get(row, "role")),
      cell,
    });
  }
  return { list: { sheet: origin.sheet, members }, issues };
}

/** A sheet as the use cases read it (see `WorkbookSheet`). */
interface SheetLike {
  readonly name: string;
  readonly grid: Grid;
  readonly origin?: GridOrigin;
  readonly visible?: boolean;
}

/**
 * The workbook's member list: the sheet named *Thành viên cụm* first, else the first visible sheet
 * whose headers are a member list's.
 * @example membersOf([{ name: "Thành viên cụm", grid }]).list.members.length //=> 7
 */
export function membersOf(sheets: readonly SheetLike[]): { list: MemberList | null; issues: Issue[] } {
  const ordered = [
    ...sheets.filter((s) => isMembersSheetName(s.name)),
    ...sheets.filter((s) => !isMembersSheetName(s.name) && s.visible !== false),
  ];
  for (const s of ordered) {
    const read = readMembers(s.grid, s.origin ?? { sheet: s.name, row: 0, col: 0 });
    if (read.list) return read;
  }
  return { list: null, issues: [] };
}

/**
 * A member known only by its name (no list, or a name the list lacks): no short name, no signer.
 * @example bareMember("Sở A").signer //=> ""
 */
export function bareMember(name: string, more: Partial<Member> = {}): Member {
  return {
    name,
    short: "",
    signerTitle: [],
    signer: "",
    email: "",
    address: "",
    role: "",
    cell: { sheet: "", row: 0, col: 0 },
    ...more,
  };
}

/**
 * The member a name (full or short, any spelling `sameUnitName` takes for the same unit: case,
 * abbreviations, "tỉnh", but never a different tone mark) stands for, or null.
 * @example findMember(list, "SỞ TTTT TỈNH HÀ GIANG")?.short //=> "Sở TT&TT Hà Giang"
 */
export function findMember(members: readonly Member[], name: string): Member | null {
  if (!name.trim()) return null;
  return (
    members.find((m) => sameUnitName(name, m.name) || (m.short !== "" && sameUnitName(name, m.short))) ?? null
  );
}

/**
 * The key under which a name is counted once: the member's own name when the list has it,
 * else the name's tone-keeping key (Tân Thành and Tân Thạnh stay two units).
 * @example memberKey(null, "Sở TT&TT Mỹ Thọ") === memberKey(null, "Sở TT&TT Mỹ Tho") //=> false
 */
export function memberKey(members: readonly Member[] | null, name: string): string {
  const m = members ? findMember(members, name) : null;
  return m ? `\u0000${m.name}` : unitToneKey(name);
}

/**
 * A warning at the cell of every score-table name that matches no member of the list.
 * @example unknownMemberIssues(table, list)[0].code //=> "unknown-member"
 */
export function unknownMemberIssues(table: ScoreTable, list: MemberList): Issue[] {
  const out: Issue[] = [];
  for (const u of table.units) {
    if (findMember(list.members, u.name)) continue;
    const cell = u.cells.unit ?? { sheet: table.sheet, row: u.row, col: 0 };
    out.push({ code: "unknown-member", severity: "warning", cell, unit: u.name, sheet: list.sheet });
  }
  return out;
}

/** The member list's header, as EMU writes it. */
export const MEMBERS_HEADER = [
  "STT",
  "Đơn vị",
  "Tên viết tắt",
  "Chức vụ người ký",
  "Người ký",
  "E-mail",
  "Địa chỉ",
  "Vai trò",
] as const;

/**
 * The member list sheet, made from the score table's units (the full name is the table's; the
 * rest is left for the user to fill): one row a member, the title cell taking two lines as
 * "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC".
 * @example membersSheet(["Sở TT&TT Hà Giang"]).name //=> "Thành viên cụm"
 */
export function membersSheet(
  rows: readonly (string | Partial<Omit<Member, "cell">>)[],
  name: string = MEMBERS_SHEET_NAME,
): SheetModel {
  const grid: (string | number)[][] = [
    ["THÀNH VIÊN CỤM THI ĐUA"],
    [
      "",
      'Mỗi dòng một đơn vị. EMU lấy tên, người ký và chức vụ ở đây cho mọi văn bản; tên viết tắt và tên đầy đủ được coi là một đơn vị. Chức vụ hai dòng ghi "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC". Vai trò: Cụm trưởng / Cụm phó.',
    ],
    [...MEMBERS_HEADER],
  ];
  rows.forEach((r, i) => {
    const m = typeof r === "string" ? { name: r } : r;
    const role = m.role === "head" ? "Cụm trưởng" : m.role === "deputy" ? "Cụm phó" : "";
    grid.push([
      i + 1,
      m.name ?? "",
      m.short ?? "",
      (m.signerTitle ?? []).join(" / "),
      m.signer ?? "",
      m.email ?? "",
      m.address ?? "",
      role,
    ]);
  });
  return gridSheet(name, grid, { headerRows: [2], widths: [6, 44, 26, 26, 24, 24, 30, 14] });
}
