import {
  conferenceOutputs,
  conferenceFieldsOf,
  conferenceDocuments,
  toOfficialDocument,
  type ConferenceDocument,
  prepareConference,
  gridSheet,
  hasErrors,
  marksGrid,
  tallyJson,
  tallyWorkbook,
  MARKS_SHEET_NAME,
  type Lang,
  type Rules,
  type SheetModel,
  type WorkbookSheet,
} from "../core";
import { formatIssues } from "./format";
import { formatTally } from "./format-tally";
import { ioErrorMessage, writeFileBytes, writeWorkbookCopy } from "./io";
import { join } from "node:path";

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
    wordFiles: (files: string) => `Đã ghi các tệp Word: ${files}.`,
    prepared:
      "Chưa có trang kiểm phiếu: EMU chuẩn bị bình xét từ kết quả xếp hạng (phiếu bình xét cho từng hình thức khen thưởng, trang Kiểm phiếu để nhập số phiếu). Nhập số phiếu rồi chạy lại emu tally.",
  },
  en: {
    blocked:
      "The count sheet (or the score table) has errors: nothing was written. Fix the cells above and run again.",
    written: (p: string, names: string) => `Wrote "${p}" (added sheets ${names}; original sheets unchanged).`,
    wordFiles: (files: string) => `Wrote the Word files: ${files}.`,
    prepared:
      "No count sheet yet: EMU prepared the vote from the ranking (a ballot per award, a Kiểm phiếu sheet to type the counts into). Type the counts and run emu tally again.",
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
  let wordFiles: string[] = [];
  // No count sheet yet: with --out, prepare the vote (ballots and a prefilled Kiểm phiếu).
  const preparing =
    outcome.count === null &&
    outcome.rank !== null &&
    outcome.issues.length > 0 &&
    outcome.issues.every((i) => i.code === "no-count-table") &&
    opts.sheet === undefined &&
    opts.out !== undefined;
  const outputs = preparing
    ? prepareConference(outcome.rank as NonNullable<typeof outcome.rank>, sheets)
    : !failed && outcome.tally && opts.out !== undefined
      ? conferenceOutputs(outcome, sheets, opts.lang)
      : null;
  if (outputs && opts.out !== undefined) {
    const models: SheetModel[] = [
      ...outputs.sheets,
      gridSheet(MARKS_SHEET_NAME, marksGrid(outputs.marks), { state: "veryHidden" }),
    ];
    const replace = [
      ...outputs.replace,
      ...(sheets.some((s) => s.name === MARKS_SHEET_NAME) ? [MARKS_SHEET_NAME] : []),
    ];
    const res = await writeWorkbookCopy(path, opts.out, models, { replace, force: opts.force === true });
    if (!res.ok) throw deps.usage(ioErrorMessage(res.error, opts.lang));
    written = { path: res.path, names: [...outputs.names] };
  }
  // --docx: the three documents as Word files (the shared model's Word writer).
  if (!failed && outcome.tally && opts.docx !== undefined) {
    const { renderDocx } = await import("../docx/render-docx");
    const named = conferenceDocuments(outcome.tally, conferenceFieldsOf(sheets), sheets);
    const docs: [string, ConferenceDocument][] = [
      ["bien-ban-kiem-phieu.docx", named.countMinutes],
      ["bien-ban-hop-binh-xet.docx", named.minutes],
      ["to-trinh-khen-thuong.docx", named.proposal],
    ];
    const files: string[] = [];
    for (const [file, doc] of docs) {
      const res = await writeFileBytes(join(opts.docx, file), await renderDocx(toOfficialDocument(doc)), {
        force: opts.force === true,
        input: path,
      });
      if (!res.ok) throw deps.usage(ioErrorMessage(res.error, opts.lang));
      files.push(res.path);
    }
    // Word files are files, not sheets of the workbook: said on a line of their own.
    wordFiles = files;
  }
  const shown = preparing ? { ...outcome, issues: [] } : outcome;

  if (opts.json) {
    io.out(JSON.stringify(tallyJson(shown, opts.lang), null, 2));
  } else {
    const table = formatTally(outcome, opts.lang);
    if (table) io.out(`${table}\n`);
    if (preparing) io.out(T[opts.lang].prepared);
    else io.out(formatIssues(outcome.issues, opts.lang));
    if (failed && !preparing) io.out(`\n${T[opts.lang].blocked}`);
    if (written)
      io.out(`\n${T[opts.lang].written(written.path, written.names.map((n) => `"${n}"`).join(", "))}`);
    if (wordFiles.length > 0)
      io.out(`\n${T[opts.lang].wordFiles(wordFiles.map((f) => `"${f}"`).join(", "))}`);
  }
  return failed && !preparing ? 1 : 0;
}
