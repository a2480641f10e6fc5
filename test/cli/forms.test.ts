import { join, dirname } from "node:path";
import { readdirSync } from "node:fs";
import ExcelJS from "exceljs";
import { readWorkbook } from "../../src/cli/io";
import { readBack, tmpPath, writeGridsXlsx } from "../helpers/xlsx";
import { cli } from "./run-cli";

/** Seed 002's ten pledge contents, as a criteria list of 10 points each, plus a bonus section. */
const PLEDGE = [
  "Chủ đề thi đua của Cụm năm 2023",
  "Trách nhiệm của người đứng đầu trong chỉ đạo phong trào thi đua",
  "Phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến; chuyển đổi số",
  "Thông tin, tuyên truyền; thanh tra, kiểm tra thông tin sai sự thật",
  "Tháo gỡ khó khăn cho doanh nghiệp thông tin và truyền thông",
  "Cải cách hành chính, ứng dụng công nghệ thông tin",
  "Hoàn thành các chỉ tiêu phát triển kinh tế - xã hội của ngành",
  "Các phong trào thi đua thường xuyên, theo đợt, chuyên đề",
  "Đoàn kết nội bộ, xây dựng tổ chức Đảng, đoàn thể",
  "Thực hiện kế hoạch thi đua, chế độ báo cáo của Cụm",
];

async function criteriaList(): Promise<string> {
  const path = tmpPath("danh-muc.xlsx");
  await writeGridsXlsx(path, [
    {
      name: "Danh mục tiêu chí",
      rows: [
        ["DANH MỤC TIÊU CHÍ GIAO ƯỚC THI ĐUA NĂM 2023"],
        ["TT", "Nội dung tiêu chí", "Điểm tối đa"],
        ["I", "Thực hiện giao ước thi đua", 100],
        ...PLEDGE.map((p, k) => [String(k + 1), p, 10]),
        ["II", "Điểm thưởng", 5],
        ["1", "Được tặng Cờ thi đua, Bằng khen", 5],
      ],
    },
  ]);
  return path;
}

async function fill(form: string, scores: number[], bonus: number, out: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(form);
  const ws = wb.worksheets[0];
  if (!ws) throw new Error("no sheet");
  scores.forEach((s, k) => (ws.getCell(`D${7 + k}`).value = s));
  ws.getCell(`D${18}`).value = bonus;
  await wb.xlsx.writeFile(out);
}

describe("emu form and emu consolidate", () => {
  it("makes a protected, validated form per unit that consolidates back and ranks", async () => {
    const list = await criteriaList();
    const dir = join(dirname(list), "phieu");
    const made = await cli(
      "form",
      list,
      "--unit",
      "Sở TT&TT Lào Cai",
      "--unit",
      "Sở TT&TT Sơn La",
      "--out-dir",
      dir,
    );
    expect(made.code).toBe(0);
    expect(made.stdout).toBe(`Đã tạo 2 phiếu tự chấm trong "${dir}".`);
    expect(readdirSync(dir).sort()).toEqual([
      "phieu-tu-cham-so-tt-tt-lao-cai.xlsx",
      "phieu-tu-cham-so-tt-tt-son-la.xlsx",
    ]);

    const form = await readBack(join(dir, "phieu-tu-cham-so-tt-tt-lao-cai.xlsx"));
    const ws = form.worksheets[0];
    expect(ws?.name).toBe("Sở TT&TT Lào Cai");
    expect(ws?.getCell("A2").value).toBe("Đơn vị: Sở TT&TT Lào Cai");
    expect(ws?.getCell("D7").dataValidation).toMatchObject({
      type: "decimal",
      operator: "between",
      formulae: [0, 10],
    });
    expect(ws?.getCell("D7").protection).toMatchObject({ locked: false });
    expect(ws?.getCell("D6").value).toMatchObject({ formula: "SUM(D7,D8,D9,D10,D11,D12,D13,D14,D15,D16)" });
    expect(ws?.getCell("D19").value).toMatchObject({ formula: "SUM(D6)+MIN(SUM(D17),5)" });
    expect((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).toBe(true);
    expect(ws?.pageSetup.paperSize).toBe(9);

    const a = tmpPath("lao-cai-da-dien.xlsx");
    const b = tmpPath("son-la-da-dien.xlsx");
    await fill(
      join(dir, "phieu-tu-cham-so-tt-tt-lao-cai.xlsx"),
      [10, 9, 10, 9.5, 10, 10, 9, 10, 10, 10],
      5,
      a,
    );
    await fill(join(dir, "phieu-tu-cham-so-tt-tt-son-la.xlsx"), [9, 9, 9, 9, 9, 9, 9, 9, 9, 9], 0, b);

    const cluster = tmpPath("cum.xlsx");
    const c = await cli("consolidate", a, b, "--into", list, "--out", cluster);
    expect(c.code).toBe(0);
    expect(c.stdout).toContain(`Đã tổng hợp 2 phiếu vào "${cluster}" (thêm 2 trang, điền 0 ô).`);
    const read = await readWorkbook(cluster);
    if (!read.ok) throw new Error("unreadable");
    expect(read.sheets.map((s) => s.name)).toEqual([
      "Danh mục tiêu chí",
      "Sở TT&TT Lào Cai",
      "Sở TT&TT Sơn La",
    ]);

    const rankRun = await cli("rank", cluster, "--json", "--preset", "nd335-100");
    const ranked = JSON.parse(rankRun.stdout);
    expect(ranked.sheet).toBe("Tổng hợp từ bảng chấm");
    expect(ranked.basis).toBe("self");
    expect(
      ranked.units.map((u: { unit: string; self: number; classification: string }) => [
        u.unit,
        u.self,
        u.classification,
      ]),
    ).toEqual([
      ["Sở TT&TT Lào Cai", 102.5, "Hoàn thành xuất sắc nhiệm vụ"],
      ["Sở TT&TT Sơn La", 90, "Hoàn thành xuất sắc nhiệm vụ"],
    ]);
  });

  it("never overwrites a different score without --force, and refuses a form with other criteria", async () => {
    const list = await criteriaList();
    const dir = join(dirname(list), "phieu");
    await cli("form", list, "--unit", "Sở TT&TT Lào Cai", "--out-dir", dir);
    const formPath = join(dir, "phieu-tu-cham-so-tt-tt-lao-cai.xlsx");
    const first = tmpPath("lan-1.xlsx");
    await fill(formPath, [10, 10, 10, 10, 10, 10, 10, 10, 10, 10], 0, first);
    const cluster = tmpPath("cum.xlsx");
    await cli("consolidate", first, "--into", list, "--out", cluster);

    const second = tmpPath("lan-2.xlsx");
    await fill(formPath, [8, 10, 10, 10, 10, 10, 10, 10, 10, 10], 0, second);
    const again = tmpPath("cum-2.xlsx");
    const kept = JSON.parse(
      (await cli("consolidate", second, "--into", cluster, "--out", again, "--json")).stdout,
    );
    expect(kept.issues.map((i: { code: string; cell: string }) => `${i.code}@${i.cell}`)).toEqual([
      "kept-user-value@'Sở TT&TT Lào Cai'!D7",
    ]);
    const forced = tmpPath("cum-3.xlsx");
    const f = JSON.parse(
      (await cli("consolidate", second, "--into", cluster, "--out", forced, "--json", "--force")).stdout,
    );
    expect(f.filled).toContain("'Sở TT&TT Lào Cai'!D7");

    const other = tmpPath("khac.xlsx");
    await writeGridsXlsx(other, [
      {
        name: "Phiếu",
        rows: [
          ["Đơn vị: Sở TT&TT Hà Giang"],
          [],
          [],
          ["TT", "Nội dung tiêu chí", "Điểm tối đa", "Điểm tự chấm"],
          ["I", "Khác", 50, ""],
          ["1", "Một", 50, 40],
        ],
      },
    ]);
    const r = await cli("consolidate", other, "--into", cluster, "--out", tmpPath("x.xlsx"), "--json");
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).issues[0].code).toBe("criteria-differ");
  });

  it("explains a workbook without a criteria list, and a form request without units", async () => {
    const path = tmpPath("khong.xlsx");
    await writeGridsXlsx(path, [{ name: "S", rows: [["Ghi chú"]] }]);
    const r = await cli("form", path, "--out-dir", tmpPath("d"));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Không tìm thấy danh mục tiêu chí");
    const noUnits = await cli("form", await criteriaList(), "--out-dir", tmpPath("d"));
    expect(noUnits.code).toBe(2);
    expect(noUnits.stderr).toContain("--unit");
  });
});
