/**
 * Every document EMU writes takes the units' names and the Cụm trưởng's signer from the member
 * list (*Thành viên cụm*). The fixture (test/fixtures/member-names, made by year-cases.ts) spells
 * the members otherwise in the score table and the count sheet; its documents.json holds the
 * names worked out by hand from the member list's rows, never from EMU's output.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { readWorkbook } from "../../src/cli/io";
import {
  CONFERENCE_FIELDS_SHEET_NAME,
  DEFAULT_NOTICE_FIELDS,
  NO_MARKS,
  prepareConference,
  callDocument,
  reminderDocument,
  conferenceFieldsGrid,
  conferenceFieldsOf,
  conferenceDocuments,
  noticeFieldsGrid,
  noticeFieldsOf,
  rankWorkbook,
  tallyWorkbook,
  workbookNotice,
  type CellValue,
  type WorkbookSheet,
} from "../../src/core";
import { cleanTmp, tmpPath } from "../helpers/xlsx";
import { cli } from "./run-cli";

afterAll(cleanTmp);

const dir = join("test", "fixtures", "member-names");
const input = join(dir, "input.xlsx");
interface Signer {
  title: string[];
  name: string;
}
const expected = JSON.parse(readFileSync(join(dir, "documents.json"), "utf8")) as {
  notice: { units: string[]; unknownMember: string; signer: Signer };
  minutes: { chair: string; signatures: Signer[]; elected: Record<string, string[]> };
  proposal: { rows: [string, string][]; signer: Signer };
};

async function sheetsOf(path: string): Promise<WorkbookSheet[]> {
  const r = await readWorkbook(path);
  if (!r.ok) throw new Error(`unreadable ${path}`);
  return r.sheets.map((s) => ({ name: s.name, grid: s.grid, visible: s.state === "visible" }));
}

/** The texts of word/document.xml's paragraphs. */
function docxParagraphs(file: string): string[] {
  const xml = strFromU8(
    unzipSync(new Uint8Array(readFileSync(file)))["word/document.xml"] ?? new Uint8Array(),
  );
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) =>
    [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
      .map((t) => t[1] ?? "")
      .join("")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, "&"),
  );
}

/** The column under the header "Đơn vị" of a printed document sheet, down to the first blank. */
function unitColumn(grid: readonly (readonly CellValue[])[]): string[] {
  const r = grid.findIndex((row) => row.some((v) => v === "Đơn vị"));
  const c = (grid[r] ?? []).indexOf("Đơn vị");
  const out: string[] = [];
  for (let k = r + 1; k < grid.length; k++) {
    const v = grid[k]?.[c];
    if (typeof v !== "string" || v.trim() === "") break;
    out.push(v);
  }
  return out;
}

/** A fields sheet with `value` typed on the row labelled `label` (a list field's other lines removed). */
function typed(rows: CellValue[][], label: string, value: string): CellValue[][] {
  const first = rows.findIndex((r) => r[0] === label);
  return rows.flatMap((r, k) => (r[0] !== label ? [r] : k === first ? [[label, value]] : []));
}

describe("the notice names the members as the member list does (emu rank)", () => {
  it("the notice sheet and the Word notice: full names in rank order, the Cụm trưởng signs", async () => {
    const out = tmpPath("names-notice.xlsx");
    const docx = tmpPath("names-notice.docx");
    const r = await cli("rank", input, "--out", out, "--docx", docx);
    expect(r.code).toBe(0);
    // The CLI says whose name it chose, and how to choose another.
    expect(r.stdout).toContain(
      'Người ký thông báo lấy từ trang "Thành viên cụm": Vũ Anh Dũng (Sở Thông tin và Truyền thông tỉnh Điện Biên, Cụm trưởng)',
    );
    const sheets = await sheetsOf(out);
    const notice = sheets.find((s) => s.name === "Thông báo kết quả");
    expect(notice).toBeDefined();
    expect(unitColumn(notice?.grid ?? [])).toEqual(expected.notice.units);
    const printed = (notice?.grid ?? []).flat().filter((v): v is string => typeof v === "string");
    for (const line of [...expected.notice.signer.title, expected.notice.signer.name])
      expect(printed).toContain(line);

    const paragraphs = docxParagraphs(docx);
    for (const u of expected.notice.units) expect(paragraphs).toContain(u);
    // The table's own spellings are gone from the notice (the unknown unit's aside).
    expect(paragraphs).not.toContain("Sở TT&TT Hà Giang");
    expect(paragraphs).not.toContain("SỞ TTTT TỈNH CAO BẰNG");
    const at = paragraphs.indexOf(expected.notice.signer.title[0] ?? "");
    expect(at).toBeGreaterThan(0);
    expect(paragraphs.slice(at, at + 3)).toEqual(expected.notice.signer.title);
    expect(paragraphs.slice(at).filter((p) => p !== "")[3]).toBe(expected.notice.signer.name);
  });

  it("a unit no member matches keeps its name and is the unknown-member warning at its cell", async () => {
    const r = await cli("rank", input, "--json");
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { issues: { code: string; cell: string }[] };
    expect(report.issues.filter((i) => i.code === "unknown-member").map((i) => i.cell)).toEqual([
      expected.notice.unknownMember,
    ]);
  });

  it("a signer typed in the notice's fields wins over the member list", async () => {
    const sheets = (await sheetsOf(input)).map((s) =>
      s.name === "Thông tin thông báo"
        ? {
            ...s,
            grid: typed(
              typed(noticeFieldsGrid(noticeFieldsOf([s])), "Người ký", "Vũ Hùng Dũng"),
              "Chức vụ người ký",
              "GIÁM ĐỐC",
            ),
          }
        : s,
    );
    const outcome = rankWorkbook({ sheets });
    const { doc, signer } = workbookNotice(outcome, noticeFieldsOf(sheets));
    expect(signer.source).toBe("typed");
    expect(doc.sign).toEqual({ authority: ["GIÁM ĐỐC"], signer: "Vũ Hùng Dũng" });
  });

  it("without a member list nothing changes: the table's names, the fields' signer", async () => {
    const sheets = (await sheetsOf(input)).filter((s) => s.name !== "Thành viên cụm");
    const outcome = rankWorkbook({ sheets });
    const { doc, signer } = workbookNotice(outcome, DEFAULT_NOTICE_FIELDS);
    expect(signer.source).toBe("none");
    const table = doc.body.find((b) => b.kind === "table");
    expect(table?.kind === "table" ? table.rows.map((row) => row[1]) : []).toEqual([
      "Sở TT&TT Điện Biên",
      "SỞ TTTT TỈNH CAO BẰNG",
      "Sở TT&TT Lạng Sơn",
      "Sở Thông tin và Truyền thông Lào Cai",
      "Sở TT&TT Lai Châu",
      "Sở TT&TT Hà Giang",
      "Sở TT&TT Sơn La",
      "Sở TT&TT Bắc Kạn",
    ]);
    expect(doc.sign).toEqual({ authority: ["TM. CỤM THI ĐUA", "CỤM TRƯỞNG"], signer: "" });
  });
});

describe("the conference's minutes and proposal name the members as the list does (emu tally)", () => {
  it("the minutes' chair and units, the proposal's units and signer, in the sheets and in Word", async () => {
    const out = tmpPath("names-tally.xlsx");
    const folder = tmpPath("names-tally-docx");
    const r = await cli("tally", input, "--out", out, "--docx", folder);
    expect(r.code).toBe(0);

    const minutes = docxParagraphs(join(folder, "bien-ban-hop-binh-xet.docx"));
    expect(minutes.find((p) => p.startsWith("3. Chủ trì:"))?.startsWith(expected.minutes.chair)).toBe(true);
    for (const [award, units] of Object.entries(expected.minutes.elected))
      expect(minutes).toContain(
        `Các đơn vị đạt số phiếu và được đề nghị tặng ${award}: ${units.join(", ")}.`,
      );
    expect(minutes).toContain("CHỦ TRÌ");
    expect(minutes).toContain("Vũ Anh Dũng");

    const proposal = docxParagraphs(join(folder, "to-trinh-khen-thuong.docx"));
    for (const [, unit] of expected.proposal.rows) expect(proposal).toContain(unit);
    const at = proposal.indexOf(expected.proposal.signer.title[0] ?? "");
    expect(proposal.slice(at, at + 3)).toEqual(expected.proposal.signer.title);
    expect(proposal.slice(at).filter((p) => p !== "")[3]).toBe(expected.proposal.signer.name);

    // The sheets print the same documents (one use case for the CLI, the ribbon and the pane).
    const sheets = await sheetsOf(out);
    const proposalSheet = sheets.find((s) => s.name === "Tờ trình khen thưởng");
    const cells = (proposalSheet?.grid ?? []).flat();
    for (const [, unit] of expected.proposal.rows) expect(cells).toContain(unit);
    expect(cells).toContain(expected.proposal.signer.name);
  });

  it("a chair and signer typed in the conference's fields win over the member list", async () => {
    const sheets = (await sheetsOf(input)).map((s) =>
      s.name === CONFERENCE_FIELDS_SHEET_NAME
        ? {
            ...s,
            grid: typed(
              typed(conferenceFieldsGrid(conferenceFieldsOf([s])), "Chủ trì", "Ông Lê Văn Chủ"),
              "Người ký",
              "Bà Trần Thị Ký",
            ),
          }
        : s,
    );
    const outcome = tallyWorkbook({ sheets });
    expect(outcome.tally).not.toBeNull();
    if (!outcome.tally) return;
    const docs = conferenceDocuments(outcome.tally, conferenceFieldsOf(sheets), sheets);
    expect([docs.chair, docs.signer]).toEqual(["typed", "typed"]);
    expect(docs.minutes.signatures[1]).toEqual({ title: ["CHỦ TRÌ"], name: "Ông Lê Văn Chủ" });
    expect(docs.proposal.signatures[0]).toEqual({
      title: ["TM. CỤM THI ĐUA", "CỤM TRƯỞNG"],
      name: "Bà Trần Thị Ký",
    });
  });
});

describe("the ballots name the candidates as the member list does", () => {
  it("each award's ballot: the members' full names; the count sheet keeps the table's names to type against", async () => {
    const sheets = (await sheetsOf(input)).filter((s) => s.name !== "Kiểm phiếu");
    const rank = rankWorkbook({ sheets });
    const out = prepareConference(rank, sheets);
    const ballot = out.sheets.find((m) => m.name === "Phiếu bình xét - Cờ thi đua");
    const texts = (ballot?.cells ?? []).map((c) => c.value);
    // Cờ thi đua is proposed to the two first: Điện Biên and Cao Bằng (see documents.json).
    for (const unit of expected.minutes.elected["Cờ thi đua"] ?? []) expect(texts).toContain(unit);
    expect(texts).not.toContain("SỞ TTTT TỈNH CAO BẰNG");
    const count = out.sheets.find((m) => m.name === "Kiểm phiếu");
    expect((count?.cells ?? []).map((c) => c.value)).toContain("SỞ TTTT TỈNH CAO BẰNG");
  });
});

describe("the call and the reminder are signed by the Cụm trưởng of the list (members-hand-made)", () => {
  // The fixture's list names Sở TT&TT Điện Biên Cụm trưởng (GIÁM ĐỐC, Vũ Anh Dũng); its call
  // fields (Thông tin công văn) keep the template's signer lines and no name.
  it("the call's signer block", async () => {
    const sheets = await sheetsOf(join("test", "fixtures", "members-hand-made", "input.xlsx"));
    const call = callDocument(sheets, NO_MARKS);
    expect(call.ok).toBe(true);
    if (!call.ok) return;
    expect(call.placed.document.signer).toEqual({
      title: ["TM. CỤM THI ĐUA SỐ 2", "CỤM TRƯỞNG", "GIÁM ĐỐC"],
      name: "Vũ Anh Dũng",
    });
    const reminder = reminderDocument(sheets, NO_MARKS);
    expect(reminder.ok && reminder.placed.document.signer?.name).toBe("Vũ Anh Dũng");
  });
});
