import { resolve } from "node:path";
import { Command, Option } from "commander";
import {
  MARKS_SHEET_NAME,
  createMemberList,
  callDocument,
  formatDateVi,
  gridSheet,
  isoDate,
  marksGrid,
  marksOf,
  pledgeDocument,
  reminderDocument,
  sortIssues,
  statusText,
  trackWorkbook,
  type Issue,
  type Lang,
  type PlacedDocument,
  type SheetModel,
  type WorkbookSheet,
  yearToOfficialDocument,
} from "../core";
import { formatIssues, textTable } from "./format";
import { ioErrorMessage, writeFileBytes, writeWorkbookCopy } from "./io";

/**
 * The commands of the rest of the cluster's year: `emu members`, `emu call`, `emu track`,
 * `emu remind`, `emu pledge`. Thin shells over the year use cases in `core/year-use-cases.ts`.
 */

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

/** What main.ts lends: reading a workbook as sheets, and the error that means "exit 2 with this line". */
export interface YearDeps {
  readonly loadSheets: (path: string, lang: Lang) => Promise<WorkbookSheet[]>;
  readonly usageError: (message: string) => Error;
}

const MSG = {
  noMembers: {
    vi: "Chưa có đơn vị nào: hãy tạo trang Thành viên cụm (emu members) hoặc thêm bảng điểm có cột Đơn vị.",
    en: "No members: create the member list (emu members) or add a score table with a Unit column.",
  },
  noMemberList: {
    vi: 'Chưa có trang "Thành viên cụm" (STT | Đơn vị | Tên viết tắt | Chức vụ người ký | Người ký): giao ước cần tên, chức vụ và người ký của từng đơn vị. Tạo bằng: emu members <tệp> --out <tệp mới>.',
    en: 'No member list ("Thành viên cụm": STT | Đơn vị | Tên viết tắt | Chức vụ người ký | Người ký): the pledge needs each member\'s name, signer and title. Create it with: emu members <file> --out <new file>.',
  },
  noDeadline: {
    vi: 'Chưa có hạn nộp: ghi "Hạn nộp" (dd/mm/yyyy) trong trang "Thông tin công văn" hoặc dùng --deadline YYYY-MM-DD.',
    en: 'No deadline: fill "Hạn nộp" (dd/mm/yyyy) on the sheet "Thông tin công văn" or pass --deadline YYYY-MM-DD.',
  },
  badDeadline: {
    vi: "Hạn nộp không phải là ngày: dùng YYYY-MM-DD (vd. 2023-12-15) hoặc dd/mm/yyyy (vd. 15/12/2023).",
    en: "The deadline is not a date: use YYYY-MM-DD (e.g. 2023-12-15) or dd/mm/yyyy (e.g. 15/12/2023).",
  },
  noneMissing: {
    vi: "Mọi đơn vị đã gửi: không cần công văn đôn đốc.",
    en: "Every member has sent its documents: no reminder is needed.",
  },
  listExists: {
    vi: (s: string) => `Sổ làm việc đã có danh sách thành viên ở trang "${s}"; EMU không tạo lại.`,
    en: (s: string) => `The workbook already has a member list on sheet "${s}"; EMU does not make another.`,
  },
  membersMade: {
    vi: (p: string, s: string, n: number) =>
      `Đã ghi "${p}" (thêm trang "${s}" với ${n} đơn vị; hãy điền tên viết tắt, chức vụ và người ký).`,
    en: (p: string, s: string, n: number) =>
      `Wrote "${p}" (added sheet "${s}" with ${n} members; fill in short names, titles and signers).`,
  },
  docWritten: {
    vi: (p: string, s: string) => `Đã ghi "${p}" (thêm trang "${s}"; các trang gốc giữ nguyên).`,
    en: (p: string, s: string) => `Wrote "${p}" (added sheet "${s}"; original sheets unchanged).`,
  },
  fieldsAdded: {
    vi: (s: string) => `Đã thêm trang "${s}" để sửa nội dung văn bản; chạy lại lệnh sau khi sửa.`,
    en: (s: string) => `Added sheet "${s}" to edit the document's text; run again after editing.`,
  },
  needOut: {
    vi: "Hãy chỉ ra --out <tệp.xlsx> (hoặc --docx <tệp.docx>) để ghi văn bản.",
    en: "Give --out <file.xlsx> (or --docx <file.docx>) to write the document.",
  },
  docxWritten: {
    vi: (p: string) => `Đã ghi văn bản Word "${p}" (số và ngày để trống cho văn thư).`,
    en: (p: string) => `Wrote the Word document "${p}" (number and day left blank for the registry clerk).`,
  },
  sameOutputs: {
    vi: "--out và --docx phải là hai tệp khác nhau.",
    en: "--out and --docx must be two different files.",
  },
  reminded: {
    vi: (n: number) => `Công văn đôn đốc gửi ${n} đơn vị chưa nộp.`,
    en: (n: number) => `The reminder goes to the ${n} member(s) not yet received.`,
  },
} as const;

const STATUS_EN = { "on-time": "on time", late: "late", missing: "not received" } as const;

/** Writes a copy of the workbook with the document sheet (and its fields sheet) and EMU's marks. */
async function writeDocument(
  path: string,
  out: string,
  sheets: readonly WorkbookSheet[],
  placed: PlacedDocument,
  force: boolean,
  deps: YearDeps,
  lang: Lang,
): Promise<string> {
  const marks = marksOf(sheets);
  const kinds = new Map(marks.sheets);
  kinds.set(placed.model.name, placed.kind);
  const newMarks = { ...marks, sheets: kinds };
  const models: SheetModel[] = [
    ...(placed.fieldsSheet ? [placed.fieldsSheet] : []),
    placed.model,
    gridSheet(MARKS_SHEET_NAME, marksGrid(newMarks), { state: "veryHidden" }),
  ];
  const replace = [
    ...(placed.replace ? [placed.replace] : []),
    ...(sheets.some((s) => s.name === MARKS_SHEET_NAME) ? [MARKS_SHEET_NAME] : []),
  ];
  const res = await writeWorkbookCopy(path, out, models, { replace, force });
  if (!res.ok) throw deps.usageError(ioErrorMessage(res.error, lang));
  return res.path;
}

type DocOpts = { out?: string; docx?: string; force?: boolean; lang: Lang; deadline?: string };

async function documentCommand(
  kind: "call" | "reminder" | "pledge",
  path: string,
  opts: DocOpts,
  io: Io,
  deps: YearDeps,
): Promise<number> {
  const lang = opts.lang;
  const sheets = await deps.loadSheets(path, lang);
  const marks = marksOf(sheets);
  let placed: PlacedDocument;
  let issues: readonly Issue[] = [];
  if (kind === "call") {
    const r = callDocument(sheets, marks);
    if (!r.ok)
      throw deps.usageError(r.reason === "bad-deadline" ? MSG.badDeadline[lang] : MSG.noMembers[lang]);
    placed = r.placed;
  } else if (kind === "reminder") {
    const r = reminderDocument(sheets, marks, opts.deadline);
    if (!r.ok) {
      if (r.reason === "none-missing") {
        io.out(MSG.noneMissing[lang]);
        return 0;
      }
      throw deps.usageError(
        r.reason === "no-deadline"
          ? MSG.noDeadline[lang]
          : r.reason === "bad-deadline"
            ? MSG.badDeadline[lang]
            : MSG.noMembers[lang],
      );
    }
    placed = r.placed;
    issues = r.issues;
    io.out(MSG.reminded[lang](r.missing.length));
  } else {
    const r = pledgeDocument(sheets, marks);
    if (!r.ok) throw deps.usageError(MSG.noMemberList[lang]);
    placed = r.placed;
    issues = r.issues;
  }
  if (opts.out === undefined && opts.docx === undefined) throw deps.usageError(MSG.needOut[lang]);
  if (opts.out !== undefined && opts.docx !== undefined && resolve(opts.out) === resolve(opts.docx))
    throw deps.usageError(MSG.sameOutputs[lang]);
  if (opts.out !== undefined) {
    const written = await writeDocument(path, opts.out, sheets, placed, opts.force === true, deps, lang);
    io.out(MSG.docWritten[lang](written, placed.model.name));
    if (placed.fieldsSheet) io.out(MSG.fieldsAdded[lang](placed.fieldsSheet.name));
  }
  if (opts.docx !== undefined) {
    // The Word writer is loaded only when asked for; the same document, mapped onto the shared model.
    const { renderDocx } = await import("../docx/render-docx");
    const bytes = await renderDocx(yearToOfficialDocument(placed.document));
    const res = await writeFileBytes(opts.docx, bytes, { force: opts.force === true, input: path });
    if (!res.ok) throw deps.usageError(ioErrorMessage(res.error, lang));
    io.out(MSG.docxWritten[lang](res.path));
  }
  if (issues.length > 0) io.out(formatIssues(sortIssues(issues), lang));
  return issues.some((i) => i.severity === "error") ? 1 : 0;
}

async function membersCommand(
  path: string,
  opts: { out: string; unit?: string[]; force?: boolean; lang: Lang },
  io: Io,
  deps: YearDeps,
): Promise<number> {
  const sheets = await deps.loadSheets(path, opts.lang);
  const made = createMemberList(sheets, opts.unit && opts.unit.length > 0 ? opts.unit : undefined);
  if (!made.ok) {
    throw deps.usageError(
      made.reason === "exists" ? MSG.listExists[opts.lang](made.sheet ?? "") : MSG.noMembers[opts.lang],
    );
  }
  const res = await writeWorkbookCopy(path, opts.out, [made.model], { force: opts.force === true });
  if (!res.ok) throw deps.usageError(ioErrorMessage(res.error, opts.lang));
  const n = made.model.cells.filter((c) => c.col === 0 && typeof c.value === "number").length;
  io.out(MSG.membersMade[opts.lang](res.path, made.model.name, n));
  return 0;
}

async function trackCommand(
  path: string,
  opts: { deadline?: string; json?: boolean; lang: Lang },
  io: Io,
  deps: YearDeps,
): Promise<number> {
  const lang = opts.lang;
  const sheets = await deps.loadSheets(path, lang);
  const t = trackWorkbook(sheets, opts.deadline);
  if (!t.ok) {
    if (t.reason === "no-members") throw deps.usageError(MSG.noMembers[lang]);
    throw deps.usageError(t.reason === "no-deadline" ? MSG.noDeadline[lang] : MSG.badDeadline[lang]);
  }
  const failed = t.issues.some((i) => i.severity === "error");
  if (opts.json) {
    io.out(
      JSON.stringify(
        {
          deadline: isoDate(t.deadline),
          members: t.members.map((m) => ({
            unit: m.unit,
            received: m.received,
            receivedOn: m.receivedOn,
            status: m.status,
            daysLate: m.daysLate,
          })),
        },
        null,
        2,
      ),
    );
    // The JSON is exactly { deadline, members }; problems go to stderr, each at its cell.
    if (t.issues.length > 0) io.err(formatIssues(sortIssues(t.issues), lang));
  } else {
    const header =
      lang === "vi"
        ? ["STT", "Đơn vị", "Ngày nhận", "Tình trạng", "Số ngày trễ"]
        : ["No.", "Unit", "Received", "Status", "Days late"];
    const rows = t.members.map((m, i) => [
      String(i + 1),
      m.unit,
      m.receivedOn ? formatDateVi(dateSerial(m.receivedOn)) : "",
      lang === "vi" ? statusText(m.status) : STATUS_EN[m.status],
      m.daysLate ? String(m.daysLate) : "",
    ]);
    const deadline = formatDateVi(t.deadline);
    io.out(lang === "vi" ? `Hạn nộp: ${deadline}` : `Deadline: ${deadline}`);
    io.out(textTable(header, rows, [true, false, false, false, true]));
    const counts = {
      ok: t.members.filter((m) => m.status === "on-time").length,
      late: t.members.filter((m) => m.status === "late").length,
      missing: t.members.filter((m) => m.status === "missing").length,
    };
    io.out(
      lang === "vi"
        ? `Đúng hạn ${counts.ok}, trễ hạn ${counts.late}, chưa nhận ${counts.missing}.`
        : `On time ${counts.ok}, late ${counts.late}, not received ${counts.missing}.`,
    );
    if (t.issues.length > 0) io.out(formatIssues(sortIssues(t.issues), lang));
  }
  return failed ? 1 : 0;
}

/** yyyy-mm-dd back to a serial (only for display of what trackWorkbook gave). */
function dateSerial(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  return Math.round((Date.UTC(y ?? 1900, (m ?? 1) - 1, d ?? 1) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/** Registers the year's commands on the program (one additive call in main.ts). */
export function registerYearCommands(
  prog: Command,
  io: Io,
  setCode: (code: number) => void,
  deps: YearDeps,
): void {
  const lang = (): Option =>
    new Option("--lang <lang>", "ngôn ngữ / language").choices(["vi", "en"]).default("vi");

  prog
    .command("members")
    .description("tạo trang Thành viên cụm từ các đơn vị của bảng điểm / create the member list")
    .argument("<workbook>", "tệp .xlsx")
    .requiredOption("--out <file>", "ghi bản sao kèm trang Thành viên cụm / write a copy with the list")
    .option(
      "--unit <name...>",
      "đơn vị (lặp lại được) thay cho bảng điểm / units instead of the score table's",
    )
    .option("--force", "cho phép ghi đè tệp --out đã có / overwrite an existing --out file")
    .addOption(lang())
    .action(async (path: string, opts) => setCode(await membersCommand(path, opts, io, deps)));

  const doc = (name: string, kind: "call" | "reminder" | "pledge", description: string): Command =>
    prog
      .command(name)
      .description(description)
      .argument("<workbook>", "tệp .xlsx")
      .option("--out <file>", "ghi bản sao kèm trang văn bản / write a copy with the document sheet")
      .option("--docx <file>", "ghi văn bản Word (.docx) / write the document as a Word file")
      .option("--force", "cho phép ghi đè tệp đã có / overwrite existing files")
      .addOption(lang())
      .action(async (path: string, opts) => setCode(await documentCommand(kind, path, opts, io, deps)));

  doc("call", "call", "công văn đề nghị gửi báo cáo và bảng tự chấm / the call for self-scoring sheets");
  doc(
    "remind",
    "reminder",
    "công văn đôn đốc đơn vị chưa nộp / the reminder to those not yet received",
  ).option("--deadline <date>", "hạn nộp YYYY-MM-DD (thay cho trang Thông tin công văn) / the deadline");
  doc("pledge", "pledge", "giao ước thi đua với ô ký của từng đơn vị / the emulation pledge");

  prog
    .command("track")
    .description("theo dõi đơn vị đã nộp, trễ hạn, chưa nộp / who has returned the forms")
    .argument("<workbook>", "tệp .xlsx")
    .option("--deadline <date>", "hạn nộp YYYY-MM-DD (thay cho trang Thông tin công văn) / the deadline")
    .option("--json", "in một đối tượng JSON / print one JSON object")
    .addOption(lang())
    .action(async (path: string, opts) => setCode(await trackCommand(path, opts, io, deps)));
}
