import { readFile, stat } from "node:fs/promises";
import { extname, join } from "node:path";
import { Command, CommanderError, Option } from "commander";
import {
  PRESETS,
  DEFAULT_PRESET,
  gridSheet,
  hasErrors,
  issueMessage,
  jsonReport,
  jsonUnit,
  marksGrid,
  marksOf,
  noticeSigner,
  noticeGaps,
  noticeGapsText,
  NOTICE_FIELDS_SHEET_NAME,
  workbookNotice,
  noticeFieldsOf,
  isRulesSheet,
  parseRules,
  presetRules,
  rankWorkbook,
  rankingOutputs,
  MARKS_SHEET_NAME,
  consolidationSheets,
  foldKey,
  makeForms,
  planFormsConsolidation,
  whyNothingToWrite,
  scoreTableTemplate,
  sortIssues,
  cellAddress,
  parseRangeA1,
  type Lang,
  type RankedUnit,
  type Rules,
  type WorkbookSheet,
  parseDateCell,
  serialOf,
  trackingAfterConsolidation,
} from "../core";
import { blockedMessage, formatIssues, formatRanking } from "./format";
import { jsonErrorAt } from "./json-error-at";
import { JsonList, jsonPieces } from "./json-out";
import { argvLang, commandOf, localise, parserErrorMessage, withoutLeadingLang } from "./i18n";
import { tallyCommand } from "./tally-command";
import {
  ioErrorMessage,
  notCopiedMessage,
  readWorkbook,
  writeFileBytes,
  writeModelsXlsx,
  writeWorkbookCopy,
} from "./io";
import { version as VERSION } from "../../package.json";
import { registerYearCommands } from "./year-commands";

/** Exit codes: 0 done (warnings allowed), 1 validation errors, 2 usage or I/O problem. */
export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;

/** A problem with how EMU was called or with a file: one clear line, exit 2. */
class UsageError extends Error {}

const USAGE = {
  unknownPreset: {
    vi: (id: string) => `Không có bộ quy tắc "${id}". Các bộ có sẵn: ${Object.keys(PRESETS).join(", ")}.`,
    en: (id: string) => `No preset "${id}". Available: ${Object.keys(PRESETS).join(", ")}.`,
  },
  rulesUnreadable: {
    vi: (f: string) => `Không đọc được tệp quy tắc "${f}". Hãy kiểm tra đường dẫn.`,
    en: (f: string) => `Cannot read the rules file "${f}". Check the path.`,
  },
  rulesNotJson: {
    vi: (f: string, d: string) =>
      `Tệp quy tắc "${f}" không phải JSON hợp lệ${d}. Tệp quy tắc là văn bản JSON, ví dụ {"maxScore": 1000, "bands": [...]}.`,
    en: (f: string, d: string) =>
      `The rules file "${f}" is not valid JSON${d}. A rules file is JSON text, e.g. {"maxScore": 1000, "bands": [...]}.`,
  },
  rulesEmpty: {
    vi: (f: string) =>
      `Tệp quy tắc "${f}" trống. Tệp quy tắc là văn bản JSON, ví dụ {"maxScore": 1000, "bands": [...]}.`,
    en: (f: string) =>
      `The rules file "${f}" is empty. A rules file is JSON text, e.g. {"maxScore": 1000, "bands": [...]}.`,
  },
  rulesFolder: {
    vi: (f: string) => `"${f}" là một thư mục, không phải tệp quy tắc. Hãy chỉ ra tệp .json.`,
    en: (f: string) => `"${f}" is a folder, not a rules file. Name the .json file.`,
  },
  outIsFolder: {
    vi: (f: string) =>
      `--out "${f}" là một thư mục; hãy chỉ ra tên tệp .xlsx, ví dụ --out "${join(f, "ket-qua.xlsx")}".`,
    en: (f: string) =>
      `--out "${f}" is a folder; name an .xlsx file, e.g. --out "${join(f, "results.xlsx")}".`,
  },
  outNotXlsx: {
    vi: (f: string) =>
      `--out "${f}" phải là tên tệp .xlsx (EMU ghi sổ làm việc Excel), ví dụ --out ket-qua.xlsx.`,
    en: (f: string) =>
      `--out "${f}" must name an .xlsx file (EMU writes an Excel workbook), e.g. --out results.xlsx.`,
  },
  nothingNew: {
    vi: (p: string) => `Không ghi tệp "${p}": các phiếu không có gì mới so với sổ tổng hợp.`,
    en: (p: string) =>
      `"${p}" was not written: the forms hold nothing the cluster workbook does not already have.`,
  },
  nothingUsable: {
    vi: (p: string) => `Không ghi tệp "${p}": không có phiếu nào dùng được (xem các lỗi ở trên).`,
    en: (p: string) => `"${p}" was not written: none of the forms could be used (see the errors above).`,
  },
  keptCells: {
    vi: (p: string, n: number) =>
      `Không ghi tệp "${p}": ${n} ô đã có điểm khác trong sổ tổng hợp được giữ nguyên; thêm --force để ghi đè các ô đó.`,
    en: (p: string, n: number) =>
      `"${p}" was not written: ${n} cells already holding a different score were kept; add --force to overwrite them.`,
  },
  rulesInvalid: {
    vi: (f: string, d: string) => `Tệp quy tắc "${f}" không hợp lệ: ${d}`,
    en: (f: string, d: string) => `The rules file "${f}" is invalid: ${d}`,
  },
  unknownSheet: {
    vi: (s: string, all: string) => `Không có trang "${s}" trong sổ làm việc. Các trang: ${all}.`,
    en: (s: string, all: string) => `No sheet "${s}" in the workbook. Sheets: ${all}.`,
  },
  noCriteriaList: {
    vi: (f: string) => `Không tìm thấy danh mục tiêu chí (cột TT, Nội dung, Điểm tối đa) trong "${f}".`,
    en: (f: string) => `No criteria list (columns No., Criterion, Maximum) found in "${f}".`,
  },
  noUnits: {
    vi: () =>
      'Chưa có đơn vị nào: hãy chỉ ra bằng --unit "Tên đơn vị" (lặp lại cho từng đơn vị), hoặc thêm bảng tổng hợp có cột Đơn vị.',
    en: () =>
      'No units: name them with --unit "Unit name" (repeat for each), or add a summary table with a Unit column.',
  },
  templateWritten: {
    vi: (f: string, sheet: string) =>
      `Đã tạo "${f}" với trang “${sheet}” (các đơn vị là ví dụ: thay bằng đơn vị và điểm của Cụm) và trang quy tắc “Quy tắc xếp loại”.`,
    en: (f: string, sheet: string) =>
      `Wrote "${f}" with the sheet “${sheet}” (its units are examples: replace them with your cluster's) and the rules sheet “Quy tắc xếp loại”.`,
  },
  formsWritten: {
    vi: (n: number, dir: string) => `Đã tạo ${n} phiếu tự chấm trong "${dir}".`,
    en: (n: number, dir: string) => `Wrote ${n} self-scoring forms in "${dir}".`,
  },
  consolidated: {
    vi: (n: number, p: string, a: number, e: number) =>
      `Đã tổng hợp ${n} phiếu vào "${p}" (thêm ${a} trang, điền ${e} ô).`,
    en: (n: number, p: string, a: number, e: number) =>
      `Consolidated ${n} forms into "${p}" (${a} sheets added, ${e} cells filled).`,
  },
  signerFromMembers: {
    vi: (name: string, unit: string) =>
      `Người ký thông báo lấy từ trang "Thành viên cụm": ${name} (${unit}, Cụm trưởng); gõ Người ký ở trang "Thông tin thông báo" để dùng người khác.`,
    en: (name: string, unit: string) =>
      `The notice's signer comes from the "Thành viên cụm" sheet: ${name} (${unit}, cluster head); type a signer in the "Thông tin thông báo" sheet to use someone else.`,
  },
  noticeDraft: {
    vi: (gaps: string, sheet: string) =>
      `${gaps} Thông báo vừa ghi là bản nháp: điền các mục này ở trang "${sheet}" rồi chạy lại.`,
    en: (gaps: string, sheet: string) =>
      `${gaps} The notice just written is a draft: fill these in the "${sheet}" sheet and run again.`,
  },
  docxWritten: {
    vi: (p: string) => `Đã ghi văn bản Word "${p}" (số và ngày để trống cho văn thư).`,
    en: (p: string) => `Wrote the Word document "${p}" (number and day left blank for the registry clerk).`,
  },
  badReceived: {
    vi: (d: string) => `--received "${d}" không phải là ngày: dùng YYYY-MM-DD hoặc dd/mm/yyyy.`,
    en: (d: string) => `--received "${d}" is not a date: use YYYY-MM-DD or dd/mm/yyyy.`,
  },
  written: {
    vi: (p: string, a: string, b: string) =>
      `Đã ghi "${p}" (thêm trang "${a}" và "${b}"; các trang gốc giữ nguyên).`,
    en: (p: string, a: string, b: string) =>
      `Wrote "${p}" (added sheets "${a}" and "${b}"; original sheets unchanged).`,
  },
} as const;

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  /**
   * Writes text as it is, without a newline: large reports go out in pieces (`printJson`). A
   * promise says the reader is behind: the next piece is made once it resolves.
   */
  write?: (s: string) => void | Promise<void>;
}

/** One JSON object, pretty-printed as `JSON.stringify(value, null, 2)` and a newline, in pieces when it can. */
async function printJson(io: Io, value: unknown): Promise<void> {
  const write = io.write;
  if (!write) {
    io.out(JSON.stringify(value, null, 2));
    return;
  }
  for (const piece of jsonPieces(value)) await write(piece);
  await write("\n");
}

async function loadRules(opts: { preset?: string; rules?: string }, lang: Lang): Promise<Rules | undefined> {
  if (opts.preset !== undefined) {
    if (!PRESETS[opts.preset]) throw new UsageError(USAGE.unknownPreset[lang](opts.preset));
    return presetRules(opts.preset);
  }
  if (opts.rules === undefined) return undefined;
  let text: string;
  try {
    text = await readFile(opts.rules, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EISDIR")
      throw new UsageError(USAGE.rulesFolder[lang](opts.rules));
    throw new UsageError(USAGE.rulesUnreadable[lang](opts.rules));
  }
  const body = text.replace(/^\uFEFF/, "");
  if (body.trim() === "") throw new UsageError(USAGE.rulesEmpty[lang](opts.rules));
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    // The parser's English is not shown; only where the text stops being JSON.
    throw new UsageError(USAGE.rulesNotJson[lang](opts.rules, jsonErrorPlace(body, lang)));
  }
  await useRulesSchema();
  const parsed = parseRules(json);
  if (!parsed.ok) {
    // The same field-by-field wording the pane's Rules step shows (core/rules-messages.ts).
    const { rulesProblems } = await import("../core/rules-messages");
    const worded = rulesProblems(json, lang).map((p) => p.message);
    const detail = (worded.length > 0 ? worded : parsed.issues.map((i) => issueMessage(i, lang))).join(" ");
    throw new UsageError(USAGE.rulesInvalid[lang](opts.rules, detail));
  }
  return parsed.value;
}

async function loadSheets(path: string, lang: Lang, sheet?: string): Promise<WorkbookSheet[]> {
  const read = await readWorkbook(path);
  if (!read.ok) throw new UsageError(ioErrorMessage(read.error, lang));
  const sheets = read.sheets.map((s) => ({
    name: s.name,
    grid: s.grid,
    visible: s.state === "visible",
    ...(s.indents ? { indents: s.indents } : {}),
    ...(s.facts ? { facts: s.facts } : {}),
  }));
  if (sheet !== undefined && !sheets.some((s) => s.name === sheet)) {
    throw new UsageError(USAGE.unknownSheet[lang](sheet, sheets.map((s) => `"${s.name}"`).join(", ")));
  }
  if (sheets.some((s) => isRulesSheet(s.name, s.grid))) await useRulesSchema();
  return sheets;
}

/**
 * Loads zod's rules schema, which words why rules are invalid (`useFullRulesSchema`), when rules
 * come from the user: a `--rules` file or a workbook's rules sheet. Valid rules are checked
 * without it, so a ranking under a preset never loads zod (its schemas took 0.14 s to build
 * at every start, `--help` included).
 */
async function useRulesSchema(): Promise<void> {
  (await import("../core/rules-schema")).useFullRulesSchema();
}

/** " (dòng 3, cột 5)": where the text stops being JSON; "" when no place can be given. */
function jsonErrorPlace(text: string, lang: Lang): string {
  const at = jsonErrorAt(text);
  if (at === null) return "";
  return lang === "vi" ? ` (dòng ${at.line}, cột ${at.column})` : ` (line ${at.line}, column ${at.column})`;
}

/** `--out` must name an .xlsx file: not a folder, not another kind of file. */
async function checkOutPath(out: string, lang: Lang): Promise<void> {
  const isDir =
    /[\\/]$/.test(out) ||
    (await stat(out).then(
      (s) => s.isDirectory(),
      () => false,
    ));
  if (isDir) throw new UsageError(USAGE.outIsFolder[lang](out.replace(/[\\/]+$/, "") || out));
  if (extname(out).toLowerCase() !== ".xlsx") throw new UsageError(USAGE.outNotXlsx[lang](out));
}

interface CommonOpts {
  sheet?: string;
  json?: boolean;
  lang: Lang;
}

async function rankCommand(
  path: string,
  opts: CommonOpts & {
    preset?: string;
    rules?: string;
    out?: string;
    docx?: string;
    force?: boolean;
    layout?: "single" | "multi";
    range?: string;
  },
  io: Io,
  rankingRequired: boolean,
): Promise<number> {
  if (rankingRequired && opts.out !== undefined) await checkOutPath(opts.out, opts.lang);
  if (opts.range !== undefined && !parseRangeA1(opts.range))
    throw new UsageError(
      issueMessage({ code: "range-invalid", severity: "error", range: opts.range }, opts.lang),
    );
  const rules = await loadRules(opts, opts.lang);
  const sheets = await loadSheets(path, opts.lang, opts.sheet);
  const outcome = rankWorkbook({
    sheets,
    ...(opts.sheet ? { sheet: opts.sheet } : {}),
    ...(rules ? { rules } : {}),
    ...(opts.layout ? { criteriaLayout: opts.layout } : {}),
    ...(opts.range !== undefined ? { range: opts.range } : {}),
  });
  const failed = !outcome.ok || hasErrors(outcome.issues);

  let written: string | null = null;
  let outputs: ReturnType<typeof rankingOutputs> | null = null;
  if (!failed && rankingRequired && opts.out !== undefined) {
    const marks = marksOf(sheets);
    outputs = rankingOutputs(
      outcome,
      sheets.map((s) => s.name),
      marks,
      {
        outputs: ["results", "notice"],
        lang: opts.lang,
        fields: noticeFieldsOf(sheets),
      },
    );
    const marksSheet = gridSheet(MARKS_SHEET_NAME, marksGrid(outputs.marks), { state: "veryHidden" });
    const replace = [
      ...outputs.replace,
      ...(sheets.some((s) => s.name === MARKS_SHEET_NAME) ? [MARKS_SHEET_NAME] : []),
    ];
    const models = [...outputs.sheets, marksSheet];
    const res = await writeWorkbookCopy(path, opts.out, models, {
      replace,
      force: opts.force === true,
    });
    if (!res.ok) throw new UsageError(ioErrorMessage(res.error, opts.lang));
    written = res.path;
    if (res.notCopied) io.err(notCopiedMessage(res.notCopied, res.path, opts.lang));
  }

  let docxWritten: string | null = null;
  if (!failed && rankingRequired && opts.docx !== undefined) {
    // The Word writer is loaded only when asked for.
    const { renderDocx } = await import("../docx/render-docx");
    const { doc } = workbookNotice(outcome, noticeFieldsOf(sheets));
    const res = await writeFileBytes(opts.docx, await renderDocx(doc), {
      force: opts.force === true,
      input: path,
    });
    if (!res.ok) throw new UsageError(ioErrorMessage(res.error, opts.lang));
    docxWritten = res.path;
  }

  if (opts.json) {
    // The units' records are made a batch at a time as they are written (JsonList), so they do
    // not all live at once: the same text as jsonReport's.
    const { ranking } = outcome;
    const report = jsonReport({ ...outcome, ranking: [] }, opts.lang);
    await printJson(io, {
      ...report,
      units: new JsonList(ranking.length, (i) => jsonUnit(ranking[i] as RankedUnit)),
    });
  } else {
    if (outcome.ok && rankingRequired) io.out(`${formatRanking(outcome, opts.lang)}\n`);
    io.out(formatIssues(outcome.issues, opts.lang));
    if (failed && rankingRequired) io.out(`\n${blockedMessage(opts.lang)}`);
    if (written && outputs)
      io.out(
        `\n${USAGE.written[opts.lang](written, outputs.names.results ?? "", outputs.names.notice ?? "")}`,
      );
    if (docxWritten) io.out(`\n${USAGE.docxWritten[opts.lang](docxWritten)}`);
    const fields = noticeFieldsOf(sheets);
    const signer = noticeSigner(outcome, fields);
    if ((written || docxWritten) && signer.source === "members")
      io.out(USAGE.signerFromMembers[opts.lang](signer.signerName, signer.member?.name ?? ""));
    // The pane's rule: a notice lacking fields is a draft, and said so (the pane asks first).
    const gaps = noticeGaps({ ...fields, signerTitle: signer.signerTitle, signerName: signer.signerName });
    if ((outputs?.names.notice || docxWritten) && gaps.length > 0)
      io.out(USAGE.noticeDraft[opts.lang](noticeGapsText(gaps, opts.lang), NOTICE_FIELDS_SHEET_NAME));
  }
  return failed ? EXIT.invalid : EXIT.ok;
}

async function formCommand(
  path: string,
  opts: { sheet?: string; unit?: string[]; outDir: string; force?: boolean; lang: Lang },
  io: Io,
): Promise<number> {
  const sheets = await loadSheets(path, opts.lang, opts.sheet);
  const made = makeForms({
    sheets,
    lang: opts.lang,
    ...(opts.sheet !== undefined ? { sheet: opts.sheet } : {}),
    ...(opts.unit && opts.unit.length > 0 ? { units: opts.unit } : {}),
  });
  if (!made.ok)
    throw new UsageError(
      made.reason === "no-criteria-list" ? USAGE.noCriteriaList[opts.lang](path) : USAGE.noUnits[opts.lang](),
    );
  for (const { unit, model } of made.forms) {
    const slug = foldKey(unit)
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "");
    const file = join(opts.outDir, `phieu-tu-cham-${slug}.xlsx`);
    const res = await writeModelsXlsx(file, [model], { force: opts.force === true });
    if (!res.ok) throw new UsageError(ioErrorMessage(res.error, opts.lang));
  }
  io.out(USAGE.formsWritten[opts.lang](made.forms.length, opts.outDir));
  return EXIT.ok;
}

/** `emu template`: the pane's "Tạo bảng điểm mẫu" as a new file (the same core template). */
async function templateCommand(
  out: string,
  opts: { preset?: string; force?: boolean; lang: Lang },
  io: Io,
): Promise<number> {
  await checkOutPath(out, opts.lang);
  const rules =
    (await loadRules({ ...(opts.preset !== undefined ? { preset: opts.preset } : {}) }, opts.lang)) ??
    presetRules(DEFAULT_PRESET);
  const t = scoreTableTemplate({ lang: opts.lang, taken: [], rules, rulesSheet: true });
  const models = [gridSheet(t.name, t.grid, { widths: t.widths, headerRows: [t.headerRow] })];
  if (t.rules) models.push(gridSheet(t.rules.name, t.rules.grid, { widths: [34, 60, 12, 20, 22] }));
  const res = await writeModelsXlsx(out, models, { force: opts.force === true });
  if (!res.ok) throw new UsageError(ioErrorMessage(res.error, opts.lang));
  io.out(USAGE.templateWritten[opts.lang](out, t.name));
  return EXIT.ok;
}

async function consolidateCommand(
  forms: string[],
  opts: { into: string; out: string; force?: boolean; json?: boolean; received?: string; lang: Lang },
  io: Io,
): Promise<number> {
  await checkOutPath(opts.out, opts.lang);
  const cluster = await loadSheets(opts.into, opts.lang);
  const returned = [];
  for (const f of forms) returned.push({ source: f, sheets: await loadSheets(f, opts.lang) });
  const plan = planFormsConsolidation(cluster, returned, { force: opts.force === true });
  const issues = sortIssues(plan.issues);
  const failed = hasErrors(issues);
  let written = false;
  // The forms read today (or on --received) are marked received on the tracking sheet.
  const received = receivedSerial(opts.received, opts.lang);
  const track = trackingAfterConsolidation(cluster, plan.units, received);
  if (plan.add.length > 0 || plan.edits.length > 0) {
    const res = await writeWorkbookCopy(
      opts.into,
      opts.out,
      [...consolidationSheets(plan), ...(track.add ? [track.add] : [])],
      {
        force: opts.force === true,
        edits: [...plan.edits, ...track.edits],
      },
    );
    if (!res.ok) throw new UsageError(ioErrorMessage(res.error, opts.lang));
    written = true;
    if (res.notCopied) io.err(notCopiedMessage(res.notCopied, res.path, opts.lang));
  }
  if (opts.json) {
    io.out(
      JSON.stringify(
        {
          units: plan.units,
          added: plan.add.map((a) => a.name),
          filled: plan.edits.map((e) => cellAddress({ sheet: e.sheet, row: e.row, col: e.col })),
          issues: issues.map((i) => ({
            code: i.code,
            severity: i.severity,
            cell: i.cell ? cellAddress(i.cell) : null,
            message: issueMessage(i, opts.lang),
          })),
        },
        null,
        2,
      ),
    );
  } else {
    if (written)
      io.out(USAGE.consolidated[opts.lang](plan.units.length, opts.out, plan.add.length, plan.edits.length));
    io.out(formatIssues(issues, opts.lang));
    if (!written) io.out(`\n${nothingWritten(plan, returned.length, opts.out, opts.lang)}`);
  }
  return failed ? EXIT.invalid : EXIT.ok;
}

/** The day forms were received: --received, else today on this computer's calendar. */
function receivedSerial(given: string | undefined, lang: Lang): number {
  if (given !== undefined) {
    const d = parseDateCell(given);
    if (d.kind !== "date") throw new UsageError(USAGE.badReceived[lang](given));
    return d.serial;
  }
  const now = new Date();
  return serialOf(now.getFullYear(), now.getMonth() + 1, now.getDate()) ?? 0;
}

/** Why `emu consolidate` wrote nothing (the core's reason, as the pane says it). */
function nothingWritten(
  plan: ReturnType<typeof planFormsConsolidation>,
  forms: number,
  out: string,
  lang: Lang,
): string {
  const kept = plan.issues.filter((i) => i.code === "kept-user-value").length;
  const why = whyNothingToWrite({ units: plan.units.length, writes: 0, kept, forms });
  if (why === "kept-cells") return USAGE.keptCells[lang](out, kept);
  if (why === "nothing-new") return USAGE.nothingNew[lang](out);
  return USAGE.nothingUsable[lang](out);
}

/** Builds the command-line program; `run` is its only caller outside tests. */
export function program(io: Io, setCode: (code: number) => void, uiLang: Lang = "vi"): Command {
  const lang = new Option("--lang <lang>", "ngôn ngữ thông báo / message language")
    .choices(["vi", "en"])
    .default("vi");
  const prog = localise(new Command("emu"), uiLang, VERSION)
    .description(
      "EMU – thi đua khen thưởng: xếp hạng, xếp loại và thông báo từ bảng điểm Excel / EMU – emulation and awards: rank, classify and issue the notice from an Excel score sheet",
    )
    .showHelpAfterError(false)
    .addHelpText(
      "after",
      uiLang === "vi"
        ? `\nBộ quy tắc có sẵn (--preset): ${Object.keys(PRESETS).join(", ")}; mặc định ${DEFAULT_PRESET}.`
        : `\nPresets (--preset): ${Object.keys(PRESETS).join(", ")}; default ${DEFAULT_PRESET}.`,
    )
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });

  /** The options rank and validate share: which sheet, which rules, which layout, output form. */
  const scoring = (cmd: Command): Command =>
    cmd
      .argument("<workbook>", "tệp .xlsx / the .xlsx workbook")
      .option("--sheet <name>", "trang chứa bảng điểm / the score sheet")
      .addOption(
        new Option(
          "--preset <id>",
          `bộ quy tắc có sẵn: ${Object.keys(PRESETS).join(", ")} / preset: ${Object.keys(PRESETS).join(", ")}`,
        ).conflicts("rules"),
      )
      .option("--rules <file>", "tệp quy tắc JSON / rules file")
      .addOption(
        new Option(
          "--layout <layout>",
          "bảng chấm chi tiết: một đơn vị/trang hoặc nhiều đơn vị cạnh nhau / detailed sheets' layout",
        ).choices(["single", "multi"]),
      )
      .option("--json", "in một đối tượng JSON / print one JSON object")
      .option("--range <A1:F20>", "vùng bảng điểm, gồm dòng tiêu đề / the table's range, header included")
      .addOption(lang);

  scoring(
    prog
      .command("rank")
      .description("xếp hạng, xếp loại, đề nghị khen thưởng / rank, classify and propose awards"),
  )
    .option("--out <file>", "ghi bản sao kèm kết quả và thông báo / write a copy with results and notice")
    .option("--docx <file>", "ghi thông báo thành văn bản Word / write the notice as a Word document")
    .option("--force", "cho phép ghi đè tệp --out đã có / overwrite an existing --out file")
    .action(async (path: string, opts) => setCode(await rankCommand(path, opts, io, true)));

  scoring(prog.command("validate").description("kiểm tra bảng điểm / validate the score table")).action(
    async (path: string, opts) => setCode(await rankCommand(path, opts, io, false)),
  );

  prog
    .command("form")
    .description("tạo phiếu tự chấm cho từng đơn vị / make a self-scoring form per unit")
    .argument("<workbook>", "tệp .xlsx có danh mục tiêu chí / the .xlsx with the criteria list")
    .option("--sheet <name>", "trang danh mục tiêu chí / the criteria sheet")
    .option("--unit <name...>", "đơn vị (lặp lại được) / unit (repeatable)")
    .requiredOption("--out-dir <dir>", "thư mục ghi phiếu / where to write the forms")
    .option("--force", "cho phép ghi đè / overwrite existing files")
    .addOption(new Option("--lang <lang>", "ngôn ngữ / language").choices(["vi", "en"]).default("vi"))
    .action(async (path: string, opts) => setCode(await formCommand(path, opts, io)));

  prog
    .command("consolidate")
    .description("tổng hợp phiếu tự chấm đã điền / consolidate returned forms")
    .argument("<forms...>", "các phiếu .xlsx đã điền / the filled forms")
    .requiredOption("--into <workbook>", "sổ tổng hợp của Cụm / the cluster's workbook")
    .requiredOption("--out <file>", "ghi bản sao kèm các phiếu / write a copy with the forms")
    .option(
      "--force",
      "ghi đè ô đã có điểm khác và tệp --out đã có / overwrite differing cells and an existing --out",
    )
    .option("--json", "in một đối tượng JSON / print one JSON object")
    .option(
      "--received <date>",
      "ngày nhận phiếu YYYY-MM-DD ghi vào trang Theo dõi nộp phiếu (mặc định hôm nay) / the day the forms came",
    )
    .addOption(new Option("--lang <lang>", "ngôn ngữ / language").choices(["vi", "en"]).default("vi"))
    .action(async (forms: string[], opts) => setCode(await consolidateCommand(forms, opts, io)));
  registerYearCommands(prog, io, setCode, {
    loadSheets: (path, l) => loadSheets(path, l),
    usageError: (m) => new UsageError(m),
  });

  prog
    .command("tally")
    .description("kiểm phiếu bình xét khen thưởng / count the conference's vote")
    .argument("<workbook>", "tệp .xlsx có trang Kiểm phiếu / the .xlsx with the count sheet")
    .option("--sheet <name>", "trang kiểm phiếu / the count sheet")
    .addOption(new Option("--preset <id>", "bộ quy tắc có sẵn / preset").conflicts("rules"))
    .option("--rules <file>", "tệp quy tắc JSON / rules file")
    .option("--json", "in một đối tượng JSON / print one JSON object")
    .option("--out <file>", "ghi bản sao kèm kết quả và biên bản / write a copy with the results and minutes")
    .option(
      "--docx <folder>",
      "ghi biên bản, tờ trình dạng Word / write the minutes and proposal as Word files",
    )
    .option("--force", "cho phép ghi đè tệp đã có / overwrite existing files")
    .addOption(lang)
    .action(async (path: string, opts) =>
      setCode(
        await tallyCommand(path, opts, io, {
          loadRules: (o) => loadRules(o, opts.lang),
          loadSheets: (p, l, s) => loadSheets(p, l, s),
          usage: (m) => new UsageError(m),
        }),
      ),
    );

  prog
    .command("template")
    .description(
      "tạo sổ có bảng điểm mẫu và trang quy tắc / write a workbook with a sample score table and the rules sheet",
    )
    .argument("<out>", "tệp .xlsx sẽ tạo / the .xlsx to write")
    .addOption(new Option("--preset <id>", "bộ quy tắc có sẵn (thang điểm của ví dụ) / preset"))
    .option("--force", "cho phép ghi đè / overwrite an existing file")
    .addOption(new Option("--lang <lang>", "ngôn ngữ / language").choices(["vi", "en"]).default("vi"))
    .action(async (out: string, opts) => setCode(await templateCommand(out, opts, io)));
  return prog;
}

/** Runs the CLI; returns the exit code. Never lets a stack trace reach the user. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  let code: number = EXIT.ok;
  const lang = argvLang(argv);
  let prog: Command | undefined;
  try {
    prog = program(io, (c) => (code = c), lang);
    await prog.parseAsync(withoutLeadingLang(argv), { from: "user" });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.exitCode === 0)
        return EXIT.ok;
      // No command at all: commander has shown the help (on stderr); nothing to add.
      const names = prog?.commands.map((c) => c.name()) ?? [];
      const command = commandOf(argv, names);
      // The unknown-command line lists every command the program has (derived, never retyped).
      if (e.code !== "commander.help")
        io.err(parserErrorMessage(e, lang, command, names.length > 0 ? names : undefined));
      return EXIT.usage;
    }
    if (e instanceof UsageError) {
      io.err(e.message);
      return EXIT.usage;
    }
    io.err(
      lang === "vi"
        ? `EMU gặp lỗi không lường trước: ${(e as Error).message}. Hãy gửi tệp và lệnh này cho nhóm phát triển.`
        : `EMU hit an unexpected error: ${(e as Error).message}. Please send the file and this command to the developers.`,
    );
    return EXIT.usage;
  }
}
