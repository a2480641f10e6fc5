/**
 * Data validation, cell protection flags and sheet protection in the Excel double: what the
 * add-in's self-scoring forms rely on (a protected sheet whose input cells are unlocked and
 * validated).
 */
import { createExcelDouble, type ExcelDouble, type Worksheet } from "./index";
import { rejection, thrown } from "./expect-error";

const FORM = "Phiếu tự chấm";

function form(): ExcelDouble {
  return createExcelDouble({
    sheets: [
      {
        name: FORM,
        values: [
          ["Tiêu chí", "Điểm tối đa", "Tự chấm"],
          ["Tiêu chí 1", 10, 8],
          ["Tiêu chí 2", 20, 25],
          ["Tiêu chí 3", 30, null],
        ],
      },
      { name: "Danh mục", values: [["Xuất sắc"], ["Tốt"], ["Khá"]] },
    ],
  });
}

const BETWEEN_0_100 = { decimal: { formula1: 0, formula2: 100, operator: "Between" } };

describe("Range.dataValidation", () => {
  test("rule, prompt and error alert are stored per cell and read back as office.js gives them", async () => {
    const double = form();
    await double.run(async (context) => {
      const dv = context.workbook.worksheets.getItem(FORM).getRange("C2:C4").dataValidation;
      dv.rule = BETWEEN_0_100;
      dv.prompt = { showPrompt: true, title: "Tự chấm", message: "Nhập điểm từ 0 đến 100." };
      dv.errorAlert = {
        showAlert: true,
        style: "Stop",
        title: "Sai điểm",
        message: "Điểm phải từ 0 đến 100.",
      };
      expect(dv.rule).toEqual(BETWEEN_0_100); // a property you set reads back locally, as given
      dv.load("type, rule, prompt, errorAlert, ignoreBlanks");
      await context.sync();
      expect(dv.type).toBe("Decimal");
      // "When retrieving the value, it will always be returned as a string formula"
      expect(dv.rule).toEqual({ decimal: { formula1: "=0", formula2: "=100", operator: "Between" } });
      expect(dv.prompt).toEqual({ showPrompt: true, title: "Tự chấm", message: "Nhập điểm từ 0 đến 100." });
      expect(dv.errorAlert).toMatchObject({ style: "Stop", title: "Sai điểm" });
      expect(dv.ignoreBlanks).toBe(true);
    });
    const sheet = double.workbook.sheet(FORM);
    expect(sheet.cell("C3").validation).toEqual({
      type: "Decimal",
      rule: { decimal: { formula1: "=0", formula2: "=100", operator: "Between" } },
      prompt: { showPrompt: true, title: "Tự chấm", message: "Nhập điểm từ 0 đến 100." },
      errorAlert: {
        showAlert: true,
        style: "Stop",
        title: "Sai điểm",
        message: "Điểm phải từ 0 đến 100.",
      },
      ignoreBlanks: true,
    });
    expect(sheet.cell("C5").validation).toBeNull();
    expect(sheet.cell("B3").validation).toBeNull();
  });

  test("the new properties throw PropertyNotLoaded until a sync delivers them", async () => {
    const double = form();
    await double.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(FORM);
      const range = sheet.getRange("C2");
      const dv = range.dataValidation;
      const protection = range.format.protection;
      for (const read of [
        () => dv.type,
        () => dv.rule,
        () => dv.valid,
        () => protection.locked,
        () => sheet.protection.protected,
      ]) {
        const err = thrown(read);
        expect(err.code).toBe("PropertyNotLoaded");
      }
      dv.load("type");
      protection.load("locked");
      sheet.protection.load("protected");
      expect(thrown(() => dv.type).code).toBe("PropertyNotLoaded"); // loaded, not yet synced
      await context.sync();
      expect([dv.type, protection.locked, sheet.protection.protected]).toEqual(["None", true, false]);
      expect(thrown(() => dv.prompt).debugInfo).toMatchObject({ errorLocation: "DataValidation.prompt" });
      expect(thrown(() => protection.formulaHidden).code).toBe("PropertyNotLoaded");
      expect(thrown(() => sheet.protection.options).code).toBe("PropertyNotLoaded");
    });
  });

  test("navigation paths load them too: range.load('dataValidation/type, format/protection/locked')", async () => {
    const double = form();
    await double.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(FORM);
      sheet.getRange("C2").dataValidation.rule = BETWEEN_0_100;
      const range = sheet.getRange("C2");
      range.load("dataValidation/type, format/protection/locked");
      sheet.load("protection/protected");
      await context.sync();
      expect(range.dataValidation.type).toBe("Decimal");
      expect(range.format.protection.locked).toBe(true);
      expect(sheet.protection.protected).toBe(false);
    });
  });

  test("a range without validation reads type None, rule {} and the documented defaults", async () => {
    const double = form();
    const dv = await double.run(async (context) => {
      const v = context.workbook.worksheets.getItem(FORM).getRange("A1:C4").dataValidation;
      v.load();
      await context.sync();
      return v.toJSON();
    });
    expect(dv).toEqual({
      type: "None",
      rule: {},
      prompt: { showPrompt: false, title: "", message: "" },
      errorAlert: { showAlert: true, style: "Stop", title: "", message: "" },
      ignoreBlanks: true,
      valid: true,
    });
  });

  test("cells with different rules read Inconsistent, and null for the other properties", async () => {
    const double = form();
    await double.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(FORM);
      sheet.getRange("C2").dataValidation.rule = BETWEEN_0_100;
      sheet.getRange("C3").dataValidation.rule = { wholeNumber: { formula1: 0, operator: "GreaterThan" } };
      sheet.getRange("C2:C3").dataValidation.prompt = { showPrompt: true, message: "Nhập điểm." };
      const both = sheet.getRange("C2:C3").dataValidation;
      const partly = sheet.getRange("C3:C4").dataValidation; // C4 has none
      both.load("type, rule, prompt");
      partly.load("type, rule");
      await context.sync();
      expect(both.type).toBe("Inconsistent");
      expect(both.rule).toBeNull();
      expect(both.prompt).toEqual({ showPrompt: true, title: "", message: "Nhập điểm." }); // shared
      // The docs name this case MixedCriteria; Excel returns Inconsistent (a known issue).
      expect(partly.type).toBe("Inconsistent");
      expect(partly.rule).toBeNull();
    });
  });

  test("wholeNumber, list (text or a Range) and custom rules, as Excel reads them back", async () => {
    const double = form();
    await double.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(FORM);
      const list = context.workbook.worksheets.getItem("Danh mục").getRange("A1:A3");
      sheet.getRange("D2").dataValidation.rule = {
        wholeNumber: { formula1: "5", operator: "LessThanOrEqualTo" },
      };
      sheet.getRange("E2").dataValidation.rule = { list: { inCellDropDown: true, source: "Đạt,Không đạt" } };
      sheet.getRange("F2").dataValidation.rule = { list: { source: list } };
      sheet.getRange("G2").dataValidation.rule = {
        list: { inCellDropDown: false, source: sheet.getRange("A2:A4") },
      };
      sheet.getRange("H2").dataValidation.rule = { custom: { formula: "=H2<=B2" } };
      sheet.getRange("I2").dataValidation.rule = {
        decimal: { formula1: "=B2", operator: "GreaterThanOrEqualTo" },
      };
      await context.sync();
    });
    const s = double.workbook.sheet(FORM);
    expect(s.cell("D2").validation).toMatchObject({
      type: "WholeNumber",
      rule: { wholeNumber: { formula1: "=5", operator: "LessThanOrEqualTo" } },
    });
    expect(s.cell("E2").validation?.rule).toEqual({
      list: { inCellDropDown: true, source: "Đạt,Không đạt" },
    });
    expect(s.cell("F2").validation?.rule).toEqual({
      list: { inCellDropDown: true, source: "='Danh mục'!$A$1:$A$3" },
    });
    expect(s.cell("G2").validation?.rule).toEqual({ list: { inCellDropDown: false, source: "=$A$2:$A$4" } });
    expect(s.cell("H2").validation).toMatchObject({
      type: "Custom",
      rule: { custom: { formula: "=H2<=B2" } },
    });
    expect(s.cell("I2").validation?.rule).toEqual({
      decimal: { formula1: "=B2", operator: "GreaterThanOrEqualTo" },
    });
  });

  test("setting a rule replaces the rule of exactly those cells and keeps their prompt", async () => {
    const double = form();
    await double.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(FORM);
      sheet.getRange("C2:C4").dataValidation.set({
        rule: BETWEEN_0_100,
        prompt: { showPrompt: true, title: "Điểm", message: "0–100" },
      });
      sheet.getRange("C3").dataValidation.rule = {
        wholeNumber: { formula1: 0, formula2: 20, operator: "Between" },
      };
      await context.sync();
    });
    const s = double.workbook.sheet(FORM);
    expect(s.cell("C2").validation?.type).toBe("Decimal");
    expect(s.cell("C3").validation).toMatchObject({ type: "WholeNumber", prompt: { title: "Điểm" } });
    expect(s.cell("C4").validation?.type).toBe("Decimal");
  });

  test("clear() removes validation from the overlapping cells only", async () => {
    const double = form();
    await double.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(FORM);
      sheet.getRange("C:C").dataValidation.rule = BETWEEN_0_100; // whole column
      sheet.getRange("C1").dataValidation.clear();
      const column = sheet.getRange("C:C").dataValidation;
      column.load("type");
      await context.sync();
      expect(column.type).toBe("Inconsistent");
    });
    const s = double.workbook.sheet(FORM);
    expect(s.cell("C1").validation).toBeNull();
    expect(s.cell("C2").validation?.type).toBe("Decimal");
    expect(s.cell("C1048576").validation?.type).toBe("Decimal");
  });

  test.each([
    ["two criteria", { decimal: { formula1: 0, operator: "GreaterThan" }, list: { source: "a,b" } }],
    ["no criterion", {}],
    ["formula1 > formula2 with Between", { decimal: { formula1: 100, formula2: 0, operator: "Between" } }],
    ["an unknown operator", { decimal: { formula1: 0, operator: "Above" } }],
    ["Between without formula2", { wholeNumber: { formula1: 0, operator: "Between" } }],
    ["a bound that is not a number or a formula", { decimal: { formula1: "mười", operator: "LessThan" } }],
    ["an unknown criterion", { decimals: { formula1: 0, operator: "GreaterThan" } }],
    ["an empty list", { list: { source: " " } }],
  ])("an invalid rule (%s) fails the sync with InvalidArgument", async (_label, rule) => {
    const double = form();
    const before = double.workbook.snapshot();
    const err = await rejection(
      double.run(async (context) => {
        context.workbook.worksheets.getItem(FORM).getRange("C2:C4").dataValidation.rule = rule as never;
        await context.sync();
      }),
    );
    expect(err.code).toBe("InvalidArgument");
    expect(err.debugInfo.errorLocation).toBe("DataValidation.rule");
    expect(double.workbook.snapshot()).toEqual(before);
  });

  test("prompt and alert texts beyond Excel's limits, unknown members and bad styles fail with InvalidArgument", async () => {
    const cases: [string, (dv: { prompt: unknown; errorAlert: unknown }) => void][] = [
      ["title of 33 characters", (dv) => (dv.prompt = { title: "x".repeat(33) })],
      ["prompt of 256 characters", (dv) => (dv.prompt = { message: "x".repeat(256) })],
      ["alert of 226 characters", (dv) => (dv.errorAlert = { message: "x".repeat(226) })],
      ["a typo", (dv) => (dv.prompt = { showPromt: true })],
      ["an unknown style", (dv) => (dv.errorAlert = { style: "Error" })],
    ];
    for (const [label, write] of cases) {
      const double = form();
      const err = await rejection(
        double.run(async (context) => {
          write(context.workbook.worksheets.getItem(FORM).getRange("C2").dataValidation as never);
          await context.sync();
        }),
      );
      expect([label, err.code]).toEqual([label, "InvalidArgument"]);
    }
    const ok = form();
    await ok.run(async (context) => {
      const dv = context.workbook.worksheets.getItem(FORM).getRange("C2").dataValidation;
      dv.prompt = { title: "x".repeat(32), message: "ư".repeat(255) };
      dv.errorAlert = { message: "x".repeat(225) };
      await context.sync();
    });
    expect(ok.workbook.sheet(FORM).cell("C2").validation?.type).toBe("None"); // a prompt without a rule
  });

  test("date and time rules are not simulated: the sync fails with NotImplemented", async () => {
    const double = form();
    const err = await rejection(
      double.run(async (context) => {
        context.workbook.worksheets.getItem(FORM).getRange("D2").dataValidation.rule = {
          date: { formula1: "2025-01-01", operator: "GreaterThan" },
        };
        await context.sync();
      }),
    );
    expect(err.code).toBe("NotImplemented");
  });

  describe("valid", () => {
    async function validity(
      double: ExcelDouble,
      address: string,
      rule: unknown,
      ignoreBlanks = true,
    ): Promise<boolean | null> {
      return double.run(async (context) => {
        const dv = context.workbook.worksheets.getItem(FORM).getRange(address).dataValidation;
        dv.clear();
        dv.rule = rule as never;
        dv.ignoreBlanks = ignoreBlanks;
        dv.load("valid");
        await context.sync();
        return dv.valid;
      });
    }

    test("true when every value passes, false when none does, null when both occur", async () => {
      const double = form(); // C2 = 8, C3 = 25, C4 blank
      expect(await validity(double, "C2:C4", BETWEEN_0_100)).toBe(true);
      expect(
        await validity(double, "C2:C4", { decimal: { formula1: 0, formula2: 20, operator: "Between" } }),
      ).toBeNull();
      expect(
        await validity(double, "C2:C3", { decimal: { formula1: 30, operator: "GreaterThanOrEqualTo" } }),
      ).toBe(false);
      expect(
        await validity(double, "C2:C3", { wholeNumber: { formula1: 25, operator: "LessThanOrEqualTo" } }),
      ).toBe(true);
    });

    test("blanks are valid only with ignoreBlanks; text and fractions fail numeric rules", async () => {
      const double = form();
      expect(await validity(double, "C4", BETWEEN_0_100, true)).toBe(true);
      expect(await validity(double, "C4", BETWEEN_0_100, false)).toBe(false);
      expect(await validity(double, "A2", BETWEEN_0_100)).toBe(false); // "Tiêu chí 1"
      await double.run(async (context) => {
        context.workbook.worksheets.getItem(FORM).getRange("C4").values = [[7.5]];
        await context.sync();
      });
      expect(
        await validity(double, "C4", { wholeNumber: { formula1: 0, formula2: 10, operator: "Between" } }),
      ).toBe(false);
      expect(await validity(double, "C4", BETWEEN_0_100)).toBe(true);
    });

    test("cells without a rule count as valid; a whole-column rule looks at stored cells only", async () => {
      const double = form();
      expect(
        await validity(double, "C:C", { decimal: { formula1: 0, operator: "GreaterThanOrEqualTo" } }),
      ).toBeNull(); // C1 is text
      await double.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem(FORM);
        sheet.getRange("C:C").dataValidation.clear();
        sheet.getRange("C3").dataValidation.rule = { decimal: { formula1: 0, operator: "LessThan" } };
        const wider = sheet.getRange("C2:C3").dataValidation; // C2 has no rule: valid
        wider.load("valid");
        await context.sync();
        expect(wider.valid).toBeNull();
      });
    });

    test("a rule the double cannot evaluate fails the load with NotImplemented", async () => {
      const double = form();
      const err = await rejection(validity(double, "C2", { custom: { formula: "=C2<=B2" } }));
      expect(err.code).toBe("NotImplemented");
      const ref = await rejection(
        validity(double, "C2", { decimal: { formula1: "=B2", operator: "LessThan" } }),
      );
      expect(ref.code).toBe("NotImplemented");
    });
  });
});

describe("Range.format.protection", () => {
  test("cells are locked by default; unlocking is stored sparsely in the cell style; mixed reads null", async () => {
    const double = form();
    await double.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(FORM);
      sheet.getRange("C2:C4").format.protection.locked = false;
      sheet.getRange("B2").format.protection.set({ formulaHidden: true });
      const inputs = sheet.getRange("C2:C4").format.protection;
      const column = sheet.getRange("C1:C4").format.protection;
      const other = sheet.getRange("A1").format.protection;
      inputs.load("locked, formulaHidden");
      column.load("locked");
      other.load();
      await context.sync();
      expect([inputs.locked, inputs.formulaHidden]).toEqual([false, false]);
      expect(column.locked).toBeNull();
      expect(other.toJSON()).toEqual({ locked: true, formulaHidden: false });
    });
    const s = double.workbook.sheet(FORM);
    expect(s.cell("C3")).toMatchObject({ locked: false, formulaHidden: false });
    expect(s.cell("C1")).toMatchObject({ locked: true });
    expect(s.cell("B2")).toMatchObject({ locked: true, formulaHidden: true });
    expect(Object.keys(s.snapshot().styledCells).sort()).toEqual(["B2", "C2", "C3", "C4"]);
  });

  test("whole columns unlock through the column style; clear('Formats') locks again", async () => {
    const double = form();
    await double.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(FORM);
      sheet.getRange("D:D").format.protection.locked = false;
      sheet.getRange("D2").format.protection.locked = true;
      sheet.getRange("C2").format.protection.locked = false;
      sheet.getRange("C2").clear("Formats");
      await context.sync();
    });
    const s = double.workbook.sheet(FORM);
    expect([s.cell("D1").locked, s.cell("D2").locked, s.cell("D500000").locked]).toEqual([
      false,
      true,
      false,
    ]);
    expect(s.cell("C2").locked).toBe(true);
    expect(Object.keys(s.snapshot().columnStyles)).toEqual(["D"]);
  });

  test("a non-boolean fails with InvalidArgument", async () => {
    const double = form();
    const err = await rejection(
      double.run(async (context) => {
        context.workbook.worksheets.getItem(FORM).getRange("C2").format.protection.locked = "no" as never;
        await context.sync();
      }),
    );
    expect(err.code).toBe("InvalidArgument");
  });
});

describe("Worksheet.protection", () => {
  /** The usual form: inputs C2:C4 unlocked, then the sheet protected. */
  async function protectedForm(options?: object, password?: string): Promise<ExcelDouble> {
    const double = form();
    await double.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(FORM);
      sheet.getRange("C2:C4").format.protection.locked = false;
      sheet.protection.protect(options as never, password);
      await context.sync();
    });
    return double;
  }

  async function write(double: ExcelDouble, edit: (sheet: Worksheet) => void): Promise<void> {
    await double.run(async (context) => {
      edit(context.workbook.worksheets.getItem(FORM));
      await context.sync();
    });
  }

  test("protect(): protected and the options read back; Excel's defaults fill what is not given", async () => {
    const double = await protectedForm({ allowFormatColumns: true, selectionMode: "Unlocked" });
    await double.run(async (context) => {
      const p = context.workbook.worksheets.getItem(FORM).protection;
      p.load("protected, options");
      await context.sync();
      expect(p.protected).toBe(true);
      expect(p.options).toMatchObject({
        allowFormatColumns: true,
        allowFormatCells: false,
        allowInsertRows: false,
        selectionMode: "Unlocked",
      });
    });
    expect(double.workbook.sheet(FORM).protected).toBe(true);
    expect(double.workbook.sheet(FORM).protection).toMatchObject({ password: null });
    expect(double.workbook.sheet("Danh mục").protected).toBe(false);
  });

  test("values go into unlocked cells; a write touching a locked cell fails with AccessDenied", async () => {
    const double = await protectedForm();
    await write(double, (sheet) => {
      sheet.getRange("C2:C4").values = [[9], [18], [27]];
    });
    expect(
      double.workbook
        .sheet(FORM)
        .values()
        .map((r) => r[2]),
    ).toEqual(["Tự chấm", 9, 18, 27]);

    const err = await rejection(
      write(double, (sheet) => {
        sheet.getRange("C2").values = [[10]];
        sheet.getRange("B4:C4").values = [[1, 2]]; // B4 is locked: nothing of this write lands
        sheet.getRange("C3").values = [[11]];
      }),
    );
    expect(err.code).toBe("AccessDenied");
    expect(err.message).toMatch(/protected sheet/);
    expect(err.debugInfo.errorLocation).toBe("Range.values");
    const s = double.workbook.sheet(FORM);
    expect([s.cell("C2").value, s.cell("B4").value, s.cell("C4").value, s.cell("C3").value]).toEqual([
      10, 30, 27, 18,
    ]);
    for (const edit of [
      (sheet: Worksheet) => (sheet.getRange("A2").formulas = [["=1+1"]]),
      (sheet: Worksheet) => sheet.getRange("A2").clear("Contents"),
      (sheet: Worksheet) => (sheet.getRange("E:E").values = "x" as never),
    ]) {
      expect((await rejection(write(double, edit))).code).toBe("AccessDenied");
    }
  });

  test("formats need the allowFormatCells option, even on unlocked cells (Excel's rule is sheet-wide)", async () => {
    const strict = await protectedForm();
    for (const edit of [
      (sheet: Worksheet) => (sheet.getRange("C2").format.font.bold = true),
      (sheet: Worksheet) => (sheet.getRange("C2").numberFormat = [["0.0"]]),
      (sheet: Worksheet) => (sheet.getRange("C2").format.fill.color = "#FFF2CC"),
      (sheet: Worksheet) => (sheet.getRange("C2").format.borders.getItem("EdgeTop").style = "Continuous"),
      (sheet: Worksheet) => sheet.getRange("C2:C3").merge(),
      (sheet: Worksheet) => (sheet.getRange("C2").format.columnWidth = 80),
      (sheet: Worksheet) => (sheet.getRange("C2").format.rowHeight = 30),
    ]) {
      expect((await rejection(write(strict, edit))).code).toBe("AccessDenied");
    }
    const lenient = await protectedForm({ allowFormatCells: true, allowFormatColumns: true });
    await write(lenient, (sheet) => {
      sheet.getRange("A1:C1").format.font.bold = true; // locked cells too, once formatting is allowed
      sheet.getRange("C2").numberFormat = [["0.0"]];
      sheet.getRange("C:C").format.columnWidth = 80;
    });
    const s = lenient.workbook.sheet(FORM);
    expect([s.cell("A1").format.font.bold, s.cell("C2").numberFormat, s.columnWidth("C")]).toEqual([
      true,
      "0.0",
      80,
    ]);
    expect(
      (await rejection(write(lenient, (sheet) => (sheet.getRange("C2").format.rowHeight = 30)))).code,
    ).toBe("AccessDenied");
  });

  test("locked, formulaHidden and data validation cannot change while the sheet is protected", async () => {
    const double = await protectedForm({ allowFormatCells: true });
    for (const edit of [
      (sheet: Worksheet) => (sheet.getRange("B2").format.protection.locked = false),
      (sheet: Worksheet) => (sheet.getRange("C2").format.protection.formulaHidden = true),
      (sheet: Worksheet) => (sheet.getRange("C2").dataValidation.rule = BETWEEN_0_100 as never),
      (sheet: Worksheet) => sheet.getRange("C2").dataValidation.clear(),
    ]) {
      const err = await rejection(write(double, edit));
      expect(err.code).toBe("AccessDenied");
    }
    expect(double.workbook.sheet(FORM).cell("B2").locked).toBe(true);
  });

  test("protect() on a protected sheet fails (AccessDenied); unprotect() checks the password", async () => {
    const double = await protectedForm(undefined, "mật-khẩu");
    expect(double.workbook.sheet(FORM).protection?.password).toBe("mật-khẩu");
    const again = await rejection(write(double, (sheet) => sheet.protection.protect()));
    expect(again.code).toBe("AccessDenied");
    expect(again.debugInfo.errorLocation).toBe("WorksheetProtection.protect");

    const wrong = await rejection(write(double, (sheet) => sheet.protection.unprotect("sai")));
    expect(wrong.code).toBe("InvalidArgument");
    expect((await rejection(write(double, (sheet) => sheet.protection.unprotect()))).code).toBe(
      "InvalidArgument",
    );
    expect(double.workbook.sheet(FORM).protected).toBe(true);

    await write(double, (sheet) => sheet.protection.unprotect("mật-khẩu"));
    expect(double.workbook.sheet(FORM).protected).toBe(false);
    await write(double, (sheet) => {
      sheet.protection.unprotect(); // not protected: nothing happens
      sheet.getRange("B2").values = [[15]];
    });
    expect(double.workbook.sheet(FORM).cell("B2").value).toBe(15);
  });

  test("a sheet protected without a password unprotects with any password or none", async () => {
    const double = await protectedForm(undefined, "");
    expect(double.workbook.sheet(FORM).protection?.password).toBeNull();
    await write(double, (sheet) => sheet.protection.unprotect("bất kỳ"));
    expect(double.workbook.sheet(FORM).protected).toBe(false);
  });

  test("unknown or mistyped protection options fail with InvalidArgument", async () => {
    for (const options of [{ allowFormatCell: true }, { allowSort: "yes" }, { selectionMode: "All" }]) {
      const double = form();
      const err = await rejection(write(double, (sheet) => sheet.protection.protect(options as never)));
      expect(err.code).toBe("InvalidArgument");
      expect(double.workbook.sheet(FORM).protected).toBe(false);
    }
  });

  test("a protected sheet can still be renamed, moved and deleted", async () => {
    const double = await protectedForm();
    await write(double, (sheet) => {
      sheet.name = "Phiếu đã khoá";
      sheet.position = 1;
    });
    expect(double.workbook.sheetNames()).toEqual(["Danh mục", "Phiếu đã khoá"]);
    await double.run(async (context) => {
      context.workbook.worksheets.getItem("Phiếu đã khoá").delete();
      await context.sync();
    });
    expect(double.workbook.sheetNames()).toEqual(["Danh mục"]);
  });

  test("a seed can protect a sheet and unlock its input cells", async () => {
    const double = createExcelDouble({
      sheets: [
        { name: FORM, values: [["Tự chấm"]], unlocked: ["A2:A10"], protected: true },
        { name: "Khoá", protected: { password: "1234", options: { allowFormatCells: true } } },
      ],
    });
    expect(double.workbook.sheet(FORM).cell("A5").locked).toBe(false);
    expect(double.workbook.sheet("Khoá").protection).toMatchObject({
      password: "1234",
      options: { allowFormatCells: true, allowSort: false },
    });
    await write(double, (sheet) => (sheet.getRange("A2").values = [[5]]));
    expect((await rejection(write(double, (sheet) => (sheet.getRange("A1").values = [["x"]])))).code).toBe(
      "AccessDenied",
    );
  });
});

describe("stats, payload and batch failure for the new commands", () => {
  test("each new write is one command in the request, counted by name and in UTF-8 bytes", async () => {
    const double = form();
    const message = "Điểm tự chấm phải là số từ 0 đến điểm tối đa của tiêu chí.";
    await double.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(FORM);
      const inputs = sheet.getRange("C2:C4");
      inputs.format.protection.locked = false;
      inputs.dataValidation.rule = BETWEEN_0_100;
      inputs.dataValidation.errorAlert = { message };
      sheet.protection.protect();
      await context.sync();
    });
    expect(double.stats.syncs).toBe(1);
    const request = double.stats.requests[0]!;
    expect(request.ops).toMatchObject({
      "FormatProtection.locked": 1,
      "DataValidation.rule": 1,
      "DataValidation.errorAlert": 1,
      "WorksheetProtection.protect": 1,
    });
    expect(request.bytes).toBeGreaterThan(new TextEncoder().encode(message).length);
  });

  test("a Range inside a rule is sent as a reference, not as its loaded values", async () => {
    const double = form();
    await double.run(async (context) => {
      const source = context.workbook.worksheets.getItem("Danh mục").getRange("A1:Z400");
      source.load("values"); // ~30 KB of JSON once loaded
      await context.sync();
      context.workbook.worksheets.getItem(FORM).getRange("D2").dataValidation.rule = {
        list: { inCellDropDown: true, source },
      };
      await context.sync();
    });
    expect(double.stats.requests[0]!.responseBytes).toBeGreaterThan(30_000);
    expect(double.stats.requests[1]!.bytes).toBeLessThan(1000);
    expect(double.workbook.sheet(FORM).cell("D2").validation?.rule).toEqual({
      list: { inCellDropDown: true, source: "='Danh mục'!$A$1:$Z$400" },
    });
  });

  test("the request payload cap applies to them (RequestPayloadSizeLimitExceeded, nothing applied)", async () => {
    const double = form();
    double.faults.setPayloadLimit(300);
    const err = await rejection(
      double.run(async (context) => {
        const dv = context.workbook.worksheets.getItem(FORM).getRange("C2:C4").dataValidation;
        dv.prompt = { showPrompt: true, message: "Nhập điểm tự chấm của đơn vị.".repeat(5) };
        await context.sync();
      }),
    );
    expect(err.code).toBe("RequestPayloadSizeLimitExceeded");
    expect(double.workbook.sheet(FORM).cell("C2").validation).toBeNull();
  });

  test("batch failure mode 'atomic' rolls validation, unlocking and protection back", async () => {
    const double = form();
    double.faults.setBatchFailureMode("atomic");
    const before = double.workbook.snapshot();
    const err = await rejection(
      double.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem(FORM);
        sheet.getRange("C2:C4").dataValidation.rule = BETWEEN_0_100;
        sheet.getRange("C2:C4").format.protection.locked = false;
        sheet.protection.protect();
        sheet.getRange("A1").values = [["locked now"]];
        await context.sync();
      }),
    );
    expect(err.code).toBe("AccessDenied");
    expect(double.workbook.snapshot()).toEqual(before);
    expect(double.workbook.sheet(FORM).protected).toBe(false);
  });

  test("snapshots show validation areas and protection, so 'unchanged' checks notice them", async () => {
    const double = form();
    const before = double.workbook.snapshot();
    await double.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(FORM);
      sheet.getRange("C2:C4").dataValidation.ignoreBlanks = false;
      sheet.protection.protect({ allowSort: true });
      await context.sync();
    });
    const after = double.workbook.snapshot().sheets[0]!;
    expect(after).not.toEqual(before.sheets[0]);
    expect(after.validations).toEqual([
      {
        address: "C2:C4",
        validation: {
          rule: null,
          prompt: { showPrompt: false, title: "", message: "" },
          errorAlert: { showAlert: true, style: "Stop", title: "", message: "" },
          ignoreBlanks: false,
        },
      },
    ]);
    expect(after.protection?.options.allowSort).toBe(true);
  });
});
