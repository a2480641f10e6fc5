import {
  gridSheet,
  hasErrors,
  marksGrid,
  marksOf,
  placeSheet,
  tallyJson,
  tallySheet,
  tallyWorkbook,
  MARKS_SHEET_NAME,
  TALLY_SHEET_BASE,
  type EmuSheetKind,
  type Lang,
  type Rules,
  type SheetModel,
  type WorkbookSheet,
} from "../core";
import { formatIssues } from "./format";
import { formatTally } from "./format-tally";
import { ioErrorMessage, writeWorkbookCopy } from "./io";

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

/** What the tally command borrows from main.ts (rules and workbook loading, the usage error). */
export interface TallyDeps {
  loadRules: (opts: { preset?: string; rules?: string }) => Promise<Rules | undefined>;
  loadSheets: (path: string, lang: Lang, sheet?: string) => Promise<WorkbookSheet[]>;
  usage: (message: string) => Error;
}

export interface TallyOpts {
  sheet?: string;
  preset?: string;
  rules?: string;
  json?: boolean;
  out?: string;
  docx?: string;
  force?: boolean;
  lang: Lang;
}

const T = {
  vi: {
    blocked:
      "Có lỗi trong trang kiểm phiếu (hoặc bảng điểm): EMU chưa ghi kết quả. Hãy sửa các ô trên rồi chạy lại.",
    written: (p: string, names: string) => `Đã ghi "${p}" (thêm trang ${names}; các trang gốc giữ nguyên).`,
  },
  en: {
    blocked:
      "The count sheet (or the score table) has errors: nothing was written. Fix the cells above and run again.",
    written: (p: string, names: string) => `Wrote "${p}" (added sheets ${names}; original sheets unchanged).`,
  },
} as const;

/**
 * `emu tally`: counts the conference's vote from the count sheet, checks it against the ranking,
 * prints it (or one JSON object), and on request writes a copy with the result sheets.
 * Exit codes as `emu rank`: 0 done (warnings allowed), 1 errors in the sheets, 2 usage or file.
 */
export async function tallyCommand(path: string, opts: TallyOpts, io: Io, deps: TallyDeps): Promise<number> {
  const rules = await deps.loadRules(opts);
  const sheets = await deps.loadSheets(path, opts.lang, opts.sheet);
  const outcome = tallyWorkbook({
    sheets,
    ...(opts.sheet !== undefined ? { sheet: opts.sheet } : {}),
    ...(rules ? { rules } : {}),
  });
  const failed = !outcome.ok || hasErrors(outcome.issues);

  let written: { path: string; names: string[] } | null = null;
  if (!failed && outcome.tally && opts.out !== undefined) {
    const marks = marksOf(sheets);
    const existing = sheets.map((s) => s.name);
    const kinds = new Map(marks.sheets);
    const replace: string[] = [];
    const models: SheetModel[] = [];
    const place = (base: string, kind: EmuSheetKind): string => {
      const p = placeSheet(base, kind, existing, marks);
      if (p.replace) replace.push(p.name);
      kinds.set(p.name, kind);
      return p.name;
    };
    models.push(
      tallySheet(outcome.tally, { sheetName: place(TALLY_SHEET_BASE[opts.lang], "tally"), lang: opts.lang }),
    );
    const newMarks = { ...marks, sheets: kinds };
    models.push(gridSheet(MARKS_SHEET_NAME, marksGrid(newMarks), { state: "veryHidden" }));
    if (sheets.some((s) => s.name === MARKS_SHEET_NAME)) replace.push(MARKS_SHEET_NAME);
    const res = await writeWorkbookCopy(path, opts.out, models, { replace, force: opts.force === true });
    if (!res.ok) throw deps.usage(ioErrorMessage(res.error, opts.lang));
    written = { path: res.path, names: models.filter((m) => m.state !== "veryHidden").map((m) => m.name) };
  }

  if (opts.json) {
    io.out(JSON.stringify(tallyJson(outcome, opts.lang), null, 2));
  } else {
    const table = formatTally(outcome, opts.lang);
    if (table) io.out(`${table}\n`);
    io.out(formatIssues(outcome.issues, opts.lang));
    if (failed) io.out(`\n${T[opts.lang].blocked}`);
    if (written)
      io.out(`\n${T[opts.lang].written(written.path, written.names.map((n) => `"${n}"`).join(", "))}`);
  }
  return failed ? 1 : 0;
}
