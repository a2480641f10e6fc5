import { readFileSync } from "node:fs";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import ExcelJS from "exceljs";
import { readWorkbook } from "../../src/cli/io";
import {
  NO_MARKS,
  PAGE_HEIGHT_PT,
  pledgeDocument,
  type SheetModel,
  type WorkbookSheet,
} from "../../src/core";
import { FIFTEEN, SEED_002_MEMBERS } from "../fixtures/year-cases";
import { CRITERIA_LIST_NAME, CRITERIA_LIST_ROWS } from "../helpers/forms";
import { cleanTmp, readBack, tmpPath, writeGridsXlsx } from "../helpers/xlsx";
import { cli } from "./run-cli";

/**
 * The year's golden cases (inputs made by test/fixtures/year-cases.ts). Every expectation here
 * is worked out by hand from the fixture's rows: the deadline 15/12/2023 is Excel serial 45275
 * (1/1/2024 is 45292, 17 days later).
 */
const fixture = (name: string, file = "input.xlsx"): string => join("test", "fixtures", name, file);

async function sheetsOf(path: string): Promise<WorkbookSheet[]> {
  const r = await readWorkbook(path);
  if (!r.ok) throw new Error(`unreadable ${path}`);
  return r.sheets.map((s) => ({ name: s.name, grid: s.grid, visible: s.state === "visible" }));
}

afterAll(cleanTmp);

describe("a hand-made member list and tracking sheet (members-hand-made)", () => {
  const input = fixture("members-hand-made");

  it("emu track --json: on time, late with days late, missing, in the member list's order", async () => {
    const r = await cli("track", input, "--json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      deadline: "2023-12-15",
      members: [
        // "SỞ TTTT TỈNH HÀ GIANG" typed "14/12/2023": a day early.
        {
          unit: "Sở Thông tin và Truyền thông tỉnh Hà Giang",
          received: true,
          receivedOn: "2023-12-14",
          status: "on-time",
          daysLate: 0,
        },
        // An Excel date on the deadline itself is on time.
        {
          unit: "Sở Thông tin và Truyền thông tỉnh Cao Bằng",
          received: true,
          receivedOn: "2023-12-15",
          status: "on-time",
          daysLate: 0,
        },
        // 18/12 is three days after 15/12.
        {
          unit: "Sở Thông tin và Truyền thông tỉnh Lai Châu",
          received: true,
          receivedOn: "2023-12-18",
          status: "late",
          daysLate: 3,
        },
        // Serial 45277 = 17/12/2023.
        {
          unit: "Sở Thông tin và Truyền thông tỉnh Điện Biên",
          received: true,
          receivedOn: "2023-12-17",
          status: "late",
          daysLate: 2,
        },
        // A row with a blank date, and a member with no row at all.
        {
          unit: "Sở Thông tin và Truyền thông tỉnh Lạng Sơn",
          received: false,
          receivedOn: null,
          status: "missing",
          daysLate: null,
        },
        {
          unit: "Sở Thông tin và Truyền thông tỉnh Sơn La",
          received: false,
          receivedOn: null,
          status: "missing",
          daysLate: null,
        },
        // The typo "TỈNH TỈNH" is still Lào Cai.
        {
          unit: "Sở Thông tin và Truyền thông tỉnh Lào Cai",
          received: true,
          receivedOn: "2023-12-15",
          status: "on-time",
          daysLate: 0,
        },
      ],
    });
    // Sở Nội vụ is no member: said at its cell, on stderr, not counted.
    expect(r.stderr).toContain("'Theo dõi'!A8");
    expect(r.stderr).toContain('"Sở Nội vụ tỉnh Lào Cai" trên trang theo dõi không có trong danh sách');
  });

  it("--deadline overrides the call's field", async () => {
    const r = await cli("track", input, "--json", "--deadline", "2023-12-17");
    const m = JSON.parse(r.stdout).members;
    expect(m[2]).toMatchObject({ status: "late", daysLate: 1 });
    expect(m[3]).toMatchObject({ status: "on-time", daysLate: 0 });
    const bad = await cli("track", input, "--deadline", "31/02/2023");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("Hạn nộp không phải là ngày");
  });

  it("prints a readable table in Vietnamese", async () => {
    const r = await cli("track", input);
    expect(r.stdout).toContain("Hạn nộp: 15/12/2023");
    expect(r.stdout).toMatch(/Sở Thông tin và Truyền thông tỉnh Lai Châu\s+18\/12\/2023\s+Trễ hạn\s+3/);
    expect(r.stdout).toContain("Đúng hạn 3, trễ hạn 2, chưa nhận 2.");
  });

  it("warns at the cell of a score-table name that matches no member; short and full names match", async () => {
    const r = await cli("rank", input, "--json");
    expect(r.code).toBe(0);
    const issues = JSON.parse(r.stdout).issues;
    expect(issues.map((i: { code: string; cell: string }) => `${i.code}@${i.cell}`)).toEqual([
      "unknown-member@'Bảng điểm'!B9",
    ]);
    expect(issues[0].message).toBe(
      '"Sở TT&TT Bắc Kạn" không khớp đơn vị nào trong danh sách "Danh sách đơn vị". Hãy sửa tên, hoặc thêm đơn vị (hay tên viết tắt) vào danh sách.',
    );
  });

  it("emu remind writes the reminder to the two members not received, naming the deadline", async () => {
    const out = tmpPath("don-doc.xlsx");
    const r = await cli("remind", input, "--out", out);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Công văn đôn đốc gửi 2 đơn vị chưa nộp.");
    const wb = await readBack(out);
    const ws = wb.getWorksheet("Công văn đôn đốc");
    const texts: string[] = [];
    ws?.eachRow((row) => row.eachCell((c) => texts.push(String(c.value ?? ""))));
    expect(texts).toContain("- Sở Thông tin và Truyền thông tỉnh Lạng Sơn;");
    expect(texts).toContain("- Sở Thông tin và Truyền thông tỉnh Sơn La.");
    expect(texts.some((t) => t.includes("Hà Giang"))).toBe(false);
    expect(texts).toContain("      Thời hạn gửi: chậm nhất trước ngày 15 tháng 12 năm 2023.");
    // The reminder has its own number, blank for the clerk; the call (số 85) is named in the text.
    expect(texts).toContain("Số:       /CTĐS2");
    expect(texts.some((t) => t.includes("Thực hiện Công văn số 85/CTĐS2"))).toBe(true);
  });

  it("emu call writes the call to every member, the deadline in bold", async () => {
    const out = tmpPath("cong-van.xlsx");
    const r = await cli("call", input, "--out", out);
    expect(r.code).toBe(0);
    const ws = (await readBack(out)).getWorksheet("Công văn đề nghị");
    const cells: ExcelJS.Cell[] = [];
    ws?.eachRow((row) => row.eachCell((c) => (c.type === ExcelJS.ValueType.Merge ? null : cells.push(c))));
    const recipients = cells.filter((c) => String(c.value).startsWith("- Sở Thông tin"));
    expect(recipients).toHaveLength(7);
    const deadline = cells.find((c) => String(c.value).includes("ngày 15 tháng 12 năm 2023"));
    expect(deadline?.font?.bold).toBe(true);
    expect(cells.some((c) => c.value === "Số: 85/CTĐS2")).toBe(true);
  });
});

/** Rows of the model that hold a given text. */
function rowsOf(model: SheetModel, text: string): number[] {
  return model.cells.filter((c) => c.value === text).map((c) => c.row);
}

/** Checks that no page break falls inside a member's block and every page fits A4 (728 pt). */
function expectBlocksWhole(model: SheetModel, blocks: readonly { unit: string; signer: string }[]): void {
  const breaks = model.rowBreaks ?? [];
  for (const b of blocks) {
    const top = rowsOf(model, b.unit.toLocaleUpperCase("vi"))[0] as number;
    const bottom = rowsOf(model, b.signer)[0] as number;
    expect(bottom).toBeGreaterThan(top);
    expect(breaks.filter((r) => r > top && r <= bottom)).toEqual([]);
  }
  const starts = [0, ...breaks, model.page.printArea.r2 + 1];
  for (let p = 0; p + 1 < starts.length; p++) {
    let h = 0;
    for (let r = starts[p] as number; r < (starts[p + 1] as number); r++) h += model.rowHeights[r] ?? 20;
    expect(h).toBeLessThanOrEqual(728);
  }
  expect(PAGE_HEIGHT_PT).toBeLessThanOrEqual(728);
}

describe("the pledge", () => {
  it("seed 002: seven members, two a row, every name, title and signer in the grid", async () => {
    const r = pledgeDocument(await sheetsOf(fixture("pledge-seed-002", "pledge.xlsx")), NO_MARKS);
    if (!r.ok) throw new Error(r.reason);
    const doc = r.placed.document;
    expect(doc.title).toBe("GIAO ƯỚC THI ĐUA CỤM THI ĐUA SỐ 2");
    expect(doc.gridHeading).toEqual([
      "ĐẠI DIỆN 07 SỞ THÔNG TIN VÀ TRUYỀN THÔNG",
      "CỤM THI ĐUA SỐ 2 KÝ KẾT GIAO ƯỚC THI ĐUA",
    ]);
    expect(doc.grid.map((row) => row.length)).toEqual([2, 2, 2, 1]);
    expect(doc.grid.flat()).toEqual([
      { unit: "SỞ TTTT TỈNH HÀ GIANG", title: ["GIÁM ĐỐC"], signer: "Đỗ Thái Hòa" },
      { unit: "SỞ TTTT TỈNH CAO BẰNG", title: ["GIÁM ĐỐC"], signer: "Hoàng Ngọc Sơn" },
      { unit: "SỞ TTTT TỈNH LAI CHÂU", title: ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"], signer: "Phạm Quang Cường" },
      { unit: "SỞ TTTT TỈNH ĐIỆN BIÊN", title: ["GIÁM ĐỐC"], signer: "Vũ Anh Dũng" },
      {
        unit: "SỞ TTTT TỈNH LẠNG SƠN",
        title: ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"],
        signer: "Phương Thị Hương Lan",
      },
      { unit: "SỞ TTTT TỈNH SƠN LA", title: ["GIÁM ĐỐC"], signer: "Nguyễn Đắc Tĩnh" },
      { unit: "SỞ TTTT TỈNH LÀO CAI", title: ["GIÁM ĐỐC"], signer: "Vũ Hùng Dũng" },
    ]);
    // Ten numbered contents, as in the seed.
    const numbered = doc.paragraphs.map((p) => p.runs[0]?.text ?? "").filter((t) => /^\d+\. /.test(t));
    expect(numbered.map((t) => t.split(".")[0])).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"]);
    expect(doc.distribution[doc.distribution.length - 1]).toBe("- Lưu: VT, VP.");
    expectBlocksWhole(r.placed.model, doc.grid.flat());
    expect(SEED_002_MEMBERS).toHaveLength(7);
  });

  it("fifteen members, three a row: the grid runs over pages and no block is split", async () => {
    const r = pledgeDocument(await sheetsOf(fixture("pledge-15")), NO_MARKS);
    if (!r.ok) throw new Error(r.reason);
    const doc = r.placed.document;
    expect(doc.gridHeading[0]).toBe("ĐẠI DIỆN 15 ĐƠN VỊ THÀNH VIÊN CỤM THI ĐUA SỐ 1");
    expect(doc.grid.map((row) => row.length)).toEqual([3, 3, 3, 3, 3]);
    // Every second member of three signs for the head (KT. CHỦ TỊCH / PHÓ CHỦ TỊCH).
    expect(doc.grid.flat().map((b) => b.title.length)).toEqual([1, 2, 1, 1, 2, 1, 1, 2, 1, 1, 2, 1, 1, 2, 1]);
    expect(doc.grid.flat().map((b) => b.signer)).toEqual(FIFTEEN.map((m) => m[3]));
    expect(doc.grid.flat()[14]?.unit).toBe("ỦY BAN NHÂN DÂN HUYỆN SA ĐÉC");
    const model = r.placed.model;
    expect((model.rowBreaks ?? []).length).toBeGreaterThanOrEqual(2);
    expectBlocksWhole(model, doc.grid.flat());
  });

  it("emu pledge writes the sheet with its page breaks, and says what to do without a member list", async () => {
    const out = tmpPath("giao-uoc.xlsx");
    const r = await cli("pledge", fixture("pledge-15"), "--out", out);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('thêm trang "Giao ước thi đua"');
    // The manual breaks are in the sheet's XML (<rowBreaks><brk id="…" man="1"/>).
    const zip = unzipSync(new Uint8Array(readFileSync(out)));
    const names = Object.keys(zip).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
    const xml = names.map((n) => strFromU8(zip[n] as Uint8Array)).find((x) => x.includes("<rowBreaks"));
    expect((xml?.match(/<brk [^>]*man="1"/g) ?? []).length).toBeGreaterThanOrEqual(2);

    const none = tmpPath("khong.xlsx");
    await writeGridsXlsx(none, [
      {
        name: "Bảng điểm",
        rows: [
          ["STT", "Đơn vị", "Điểm tự chấm"],
          [1, "Sở A", 90],
        ],
      },
    ]);
    const refused = await cli("pledge", none, "--out", tmpPath("x.xlsx"));
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('Chưa có trang "Thành viên cụm"');
  });
});

describe("emu members", () => {
  it("creates the list from the score table's units, once", async () => {
    const src = tmpPath("bang.xlsx");
    await writeGridsXlsx(src, [
      {
        name: "Bảng điểm",
        rows: [
          ["STT", "Đơn vị", "Điểm tự chấm"],
          [1, "Sở TT&TT Hà Giang", 980],
          [2, "SỞ TTTT TỈNH HÀ GIANG", 970],
          [3, "Sở TT&TT Sơn La", 915],
        ],
      },
    ]);
    const out = tmpPath("co-ds.xlsx");
    const r = await cli("members", src, "--out", out);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('thêm trang "Thành viên cụm" với 2 đơn vị');
    const sheets = await sheetsOf(out);
    const list = sheets.find((s) => s.name === "Thành viên cụm");
    expect(list?.grid[2]).toEqual([
      "STT",
      "Đơn vị",
      "Tên viết tắt",
      "Chức vụ người ký",
      "Người ký",
      "E-mail",
      "Địa chỉ",
      "Vai trò",
    ]);
    expect(list?.grid.slice(3).map((row) => row[1])).toEqual(["Sở TT&TT Hà Giang", "Sở TT&TT Sơn La"]);
    const again = await cli("members", out, "--out", tmpPath("lai.xlsx"));
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('đã có danh sách thành viên ở trang "Thành viên cụm"');
  });
});

describe("consolidation keeps the tracking sheet current", () => {
  /** Fills a blank form's self-score column (D) with each leaf's maximum. */
  async function fillForm(form: string, out: string): Promise<void> {
    const wb = await readBack(form);
    const ws = wb.worksheets[0];
    if (!ws) throw new Error("no sheet");
    ws.eachRow((row, r) => {
      const content = String(row.getCell(2).value ?? "");
      if (content === "Chủ đề thi đua của Cụm") ws.getCell(r, 4).value = 9;
      if (content === "Cải cách hành chính") ws.getCell(r, 4).value = 18;
    });
    await wb.xlsx.writeFile(out);
  }

  it("a returned form marks its member received on the day, on time or late, never overwriting a date", async () => {
    const cluster = tmpPath("cum.xlsx");
    await writeGridsXlsx(cluster, [
      { name: CRITERIA_LIST_NAME, rows: CRITERIA_LIST_ROWS },
      {
        name: "Thành viên cụm",
        rows: [
          ["STT", "Đơn vị", "Tên viết tắt", "Chức vụ người ký", "Người ký"],
          [1, "Sở Thông tin và Truyền thông tỉnh Lào Cai", "Sở TT&TT Lào Cai", "GIÁM ĐỐC", "Vũ Hùng Dũng"],
          [2, "Sở Thông tin và Truyền thông tỉnh Sơn La", "Sở TT&TT Sơn La", "GIÁM ĐỐC", "Nguyễn Đắc Tĩnh"],
          [3, "Sở Thông tin và Truyền thông tỉnh Hà Giang", "Sở TT&TT Hà Giang", "GIÁM ĐỐC", "Đỗ Thái Hòa"],
        ],
      },
      {
        name: "Thông tin công văn",
        rows: [
          ["Mục", "Nội dung"],
          ["Hạn nộp", "15/12/2023"],
        ],
      },
    ]);
    const dir = join(tmpPath("x"), "..", "phieu");
    await cli(
      "form",
      cluster,
      "--sheet",
      CRITERIA_LIST_NAME,
      "--unit",
      "Sở TT&TT Lào Cai",
      "--unit",
      "Sở TT&TT Sơn La",
      "--out-dir",
      dir,
    );
    const laoCai = tmpPath("lao-cai.xlsx");
    const sonLa = tmpPath("son-la.xlsx");
    await fillForm(join(dir, "phieu-tu-cham-so-tt-tt-lao-cai.xlsx"), laoCai);
    await fillForm(join(dir, "phieu-tu-cham-so-tt-tt-son-la.xlsx"), sonLa);

    // Lào Cai's form arrives on 16/12: a tracking sheet is made, Lào Cai one day late.
    const first = tmpPath("lan-1.xlsx");
    const c1 = await cli(
      "consolidate",
      laoCai,
      "--into",
      cluster,
      "--out",
      first,
      "--received",
      "2023-12-16",
    );
    expect(c1.code).toBe(0);
    const t1 = JSON.parse((await cli("track", first, "--json")).stdout);
    expect(
      t1.members.map((m: { status: string; daysLate: number | null }) => [m.status, m.daysLate]),
    ).toEqual([
      ["late", 1],
      ["missing", null],
      ["missing", null],
    ]);
    const made = (await sheetsOf(first)).find((s) => s.name === "Theo dõi nộp phiếu");
    expect(made?.grid[3]?.slice(0, 5)).toEqual(["STT", "Đơn vị", "Ngày nhận", "Tình trạng", "Số ngày trễ"]);
    expect(made?.grid[4]?.slice(0, 5)).toEqual([
      1,
      "Sở Thông tin và Truyền thông tỉnh Lào Cai",
      45276,
      "Trễ hạn",
      1,
    ]);
    expect(made?.grid[5]?.slice(0, 4)).toEqual([
      2,
      "Sở Thông tin và Truyền thông tỉnh Sơn La",
      "",
      "Chưa nhận",
    ]);

    // Sơn La's arrives on 14/12 (on time) and Lào Cai's again on 20/12: its first date stays.
    const second = tmpPath("lan-2.xlsx");
    const c2 = await cli(
      "consolidate",
      sonLa,
      laoCai,
      "--into",
      first,
      "--out",
      second,
      "--received",
      "14/12/2023",
    );
    expect(c2.code).toBe(0);
    const after = (await sheetsOf(second)).find((s) => s.name === "Theo dõi nộp phiếu");
    expect(after?.grid[4]?.slice(2, 5)).toEqual([45276, "Trễ hạn", 1]);
    expect(after?.grid[5]?.slice(2, 4)).toEqual(["14/12/2023", "Đúng hạn"]);
    const t2 = JSON.parse((await cli("track", second, "--json")).stdout);
    expect(t2.members[1]).toEqual({
      unit: "Sở Thông tin và Truyền thông tỉnh Sơn La",
      received: true,
      receivedOn: "2023-12-14",
      status: "on-time",
      daysLate: 0,
    });
    expect(t2.members[2].status).toBe("missing");
  });
});
