import {
  makeForms,
  planFormsConsolidation,
  unitSheetName,
  type SheetModel,
  type WorkbookSheet,
} from "../../src/core";
import { CRITERIA_LIST_NAME, CRITERIA_LIST_ROWS, filledForm } from "../helpers/forms";

const LIST: WorkbookSheet = { name: CRITERIA_LIST_NAME, grid: CRITERIA_LIST_ROWS };
const LONG = "Sở Thông tin và Truyền thông tỉnh Thừa Thiên Huế"; // 48 characters
const FORBIDDEN = /[[\]:*?/\\]/;

describe("unitSheetName: a recognisable sheet name within Excel's 31 characters", () => {
  it("keeps a name that fits, only cleaned of the characters Excel forbids", () => {
    expect(unitSheetName("Sở TT&TT Lào Cai")).toBe("Sở TT&TT Lào Cai");
    expect(unitSheetName("Phòng A/B: [nhóm] *1*?")).toBe("Phòng A B nhóm 1");
    expect(unitSheetName("'Sở A'")).toBe("Sở A");
  });

  it("uses the member list's short name when there is one", () => {
    expect(unitSheetName(LONG, [], "Sở TT&TT Huế")).toBe("Sở TT&TT Huế");
  });

  it("abbreviates the usual long phrases instead of cutting a word in half", () => {
    // Cut at 31 characters this was "Sở Thông tin và Truyền thông tỉ".
    expect(unitSheetName(LONG)).toBe("Sở TT&TT Thừa Thiên Huế");
    expect(unitSheetName("Ủy ban nhân dân thành phố Hồ Chí Minh")).toBe("UBND TP Hồ Chí Minh");
    expect(unitSheetName("Sở Văn hóa, Thể thao và Du lịch tỉnh Bà Rịa - Vũng Tàu")).toBe(
      "Sở VH,TT&DL Bà Rịa - Vũng Tàu",
    );
  });

  it("ends at a word with an ellipsis when nothing shorter reads right", () => {
    const name = unitSheetName("Trung tâm Phát triển hạ tầng công nghệ thông tin Hà Giang");
    expect(name).toBe("Trung tâm Phát triển hạ tầng…");
    expect(name.length).toBeLessThanOrEqual(31);
  });

  it("is unique among the sheets (Excel compares names without case), within 31 characters", () => {
    expect(unitSheetName("Sở A", ["sở a"])).toBe("Sở A (2)");
    const taken = [unitSheetName(LONG)];
    const second = unitSheetName("Sở Thông tin và Truyền thông Thừa Thiên Huế", taken);
    expect(second).toBe("Sở TT&TT Thừa Thiên Huế (2)");
    const long = "Trung tâm Phát triển hạ tầng công nghệ thông tin Hà Giang";
    const a = unitSheetName(long);
    const b = unitSheetName(`${long} cũ`, [a]);
    expect(b).not.toBe(a);
    expect(b.length).toBeLessThanOrEqual(31);
    expect(b).toMatch(/ \(2\)$/);
  });

  it("never gives a name Excel refuses, whatever the unit is called", () => {
    for (const n of ["", "   ", "[]", "x".repeat(80), "a".repeat(40) + " b", "Sở " + "Huế ".repeat(20)]) {
      const s = unitSheetName(n, ["Đơn vị"]);
      expect(s.length).toBeGreaterThan(0);
      expect(s.length).toBeLessThanOrEqual(31);
      expect(s).not.toMatch(FORBIDDEN);
      expect(s).not.toMatch(/^'|'$/);
    }
  });
});

describe("forms made and consolidated under a long unit name", () => {
  const MEMBERS: WorkbookSheet = {
    name: "Thành viên cụm",
    grid: [
      ["STT", "Đơn vị", "Tên viết tắt"],
      [1, LONG, "Sở TT&TT Huế"],
      [2, "Sở Thông tin và Truyền thông tỉnh Quảng Trị", ""],
    ],
  };

  it("names the form's sheet by the member's short name, else an abbreviation, and keeps the full name inside", () => {
    const out = makeForms({
      sheets: [LIST, MEMBERS],
      units: [LONG, "Sở Thông tin và Truyền thông tỉnh Quảng Trị"],
      lang: "vi",
      intoWorkbook: true,
    });
    if (!out.ok) throw new Error(out.reason);
    expect(out.forms.map((f) => f.model.name)).toEqual(["Sở TT&TT Huế", "Sở TT&TT Quảng Trị"]);
    const title = out.forms[0]?.model.cells.find((c) => c.row === 1 && c.col === 0)?.value;
    expect(title).toBe(`Đơn vị: ${LONG}`);
  });

  it("the CLI's one-file-per-unit forms get the same sheet name", () => {
    const out = makeForms({ sheets: [LIST, MEMBERS], units: [LONG], lang: "vi" });
    if (!out.ok) throw new Error(out.reason);
    expect(out.forms[0]?.model.name).toBe("Sở TT&TT Huế");
  });

  it("a returned form of a unit the workbook has no sheet for is added under the same short name", () => {
    const made = makeForms({ sheets: [LIST], units: [LONG], lang: "vi" });
    if (!made.ok) throw new Error(made.reason);
    const form = filledForm(made.forms[0]?.model as SheetModel, { 6: 7 });
    const plan = planFormsConsolidation([LIST, MEMBERS], [{ source: "hue.xlsx", sheets: [form] }]);
    expect(plan.add.map((a) => a.name)).toEqual(["Sở TT&TT Huế"]);
    expect(plan.add[0]?.grid[1]?.[0]).toBe(`Đơn vị: ${LONG}`);
    const noList = planFormsConsolidation([LIST], [{ source: "hue.xlsx", sheets: [form] }]);
    expect(noList.add.map((a) => a.name)).toEqual(["Sở TT&TT Thừa Thiên Huế"]);
  });
});
