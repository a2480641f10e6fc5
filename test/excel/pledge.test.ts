import { readWorkbook } from "../../src/cli/io";
import { runPledgeCommand } from "../../src/commands/pledge-command";
import { subscribe, type SessionEvent } from "../../src/app/session";
import { createExcelDouble, type ExcelDouble, type SeedSheet } from "../excel-double";

let double: ExcelDouble;
let uninstall: () => void;
afterEach(() => uninstall?.());

async function sheetsOf(path: string): Promise<SeedSheet[]> {
  const read = await readWorkbook(path);
  if (!read.ok) throw new Error(`unreadable ${path}`);
  return read.sheets.map((s) => ({ name: s.name, values: s.grid as (string | number | boolean)[][] }));
}

/** Clicks the ribbon's "Giao ước" and returns what the pane is told. */
async function clickPledge(): Promise<SessionEvent> {
  let last: SessionEvent | null = null;
  const off = subscribe((e) => (last = e));
  let shown = 0;
  await runPledgeCommand({ lang: () => "vi", showPane: async () => void shown++ });
  off();
  expect(shown).toBe(1);
  if (!last) throw new Error("nothing published");
  return last;
}

/** Every text the sheet shows, row by row. */
function texts(d: ExcelDouble, sheet: string): string[] {
  const ws = d.workbook.sheet(sheet);
  const out: string[] = [];
  for (let r = 1; r <= 120; r++)
    for (const c of "ABCDEF") {
      const v = ws.cell(`${c}${r}`).value;
      if (typeof v === "string" && v !== "") out.push(v);
    }
  return out;
}

describe("Giao ước through the ribbon (Excel double)", () => {
  it("seed 002: writes the pledge sheet with every member's block, and says so to the pane", async () => {
    double = createExcelDouble({
      sheets: await sheetsOf("test/fixtures/pledge-seed-002/pledge.xlsx"),
      activeSheet: "Thành viên cụm",
    });
    uninstall = double.install();
    const e = await clickPledge();
    expect(e.kind).toBe("pledge");
    expect(e.pledge).toMatchObject({ ok: true, sheet: "Giao ước thi đua" });
    expect(double.workbook.activeSheet).toBe("Giao ước thi đua");
    const t = texts(double, "Giao ước thi đua");
    expect(t).toContain("GIAO ƯỚC THI ĐUA CỤM THI ĐUA SỐ 2");
    for (const [unit, signer] of [
      ["SỞ TTTT TỈNH HÀ GIANG", "Đỗ Thái Hòa"],
      ["SỞ TTTT TỈNH LẠNG SƠN", "Phương Thị Hương Lan"],
      ["SỞ TTTT TỈNH LÀO CAI", "Vũ Hùng Dũng"],
    ]) {
      expect(t).toContain(unit);
      expect(t).toContain(signer);
    }
  });

  it("without a member list: nothing written, the reason published for the pane", async () => {
    double = createExcelDouble({
      sheets: [
        {
          name: "Bảng điểm",
          values: [
            ["STT", "Đơn vị", "Điểm tự chấm"],
            [1, "Sở A", 90],
          ],
        },
      ],
      activeSheet: "Bảng điểm",
    });
    uninstall = double.install();
    const e = await clickPledge();
    expect(e.pledge).toEqual({ ok: false, reason: "no-member-list" });
    expect(double.workbook.activeSheet).toBe("Bảng điểm");
  });
});
