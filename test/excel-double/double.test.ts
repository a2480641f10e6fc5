import {
  createExcelDouble,
  DoubleOfficeError,
  FIVE_MB,
  type ExcelDouble,
  type ExcelRequestContext,
} from "./index";
import { rejection, thrown } from "./expect-error";

const SHEET = "Bảng điểm";

function seeded(): ExcelDouble {
  return createExcelDouble({
    sheets: [
      {
        name: SHEET,
        values: [
          ["Đơn vị", "Tự chấm", "Cụm chấm"],
          ["Sở A", 985, 980],
          ["Sở B", 990, 992],
        ],
      },
      { name: "Sheet2" },
    ],
  });
}

describe("installing and the office.js surface", () => {
  test("install() sets globalThis.Excel and OfficeExtension, and undoes it", async () => {
    const double = seeded();
    const g = globalThis as unknown as {
      Excel?: typeof double.Excel;
      OfficeExtension?: typeof double.OfficeExtension;
    };
    const uninstall = double.install();
    try {
      expect(g.Excel).toBe(double.Excel);
      const address = await g.Excel!.run(async (context) => {
        const range = context.workbook.worksheets.getItem(SHEET).getRange("A1:C3");
        range.load("address");
        await context.sync();
        return range.address;
      });
      expect(address).toBe("'Bảng điểm'!A1:C3");
      expect(g.Excel!.ErrorCodes.itemNotFound).toBe("ItemNotFound");
      expect(g.Excel!.SheetVisibility).toMatchObject({ veryHidden: "VeryHidden" });
    } finally {
      uninstall();
    }
    expect(g.Excel).toBeUndefined();
    expect(g.OfficeExtension).toBeUndefined();
  });

  test("new Excel.RequestContext() works outside Excel.run, and Excel.run(context, batch) reuses it", async () => {
    const double = seeded();
    const context = new double.Excel.RequestContext();
    const sheet = context.workbook.worksheets.getItem("Sheet2");
    sheet.getRange("A1").values = [["x"]];
    await context.sync();
    expect(double.workbook.sheet("Sheet2").cell("A1").value).toBe("x");
    await double.Excel.run(context, async (ctx) => {
      expect(ctx).toBe(context);
      sheet.getRange("A2").values = [["y"]];
      await ctx.sync();
    });
    expect(double.workbook.sheet("Sheet2").values()).toEqual([["x"], ["y"]]);
  });

  test("a batch that does not return a promise fails like office.js (RunMustReturnPromise)", async () => {
    const double = seeded();
    const run = double.run as unknown as (batch: (c: ExcelRequestContext) => unknown) => Promise<unknown>;
    const err = await rejection(run(() => undefined));
    expect(err.code).toBe("RunMustReturnPromise");
  });

  test("Excel.run sends what is still queued when the batch ends (its final sync)", async () => {
    const double = seeded();
    await double.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet2").getRange("B2").values = [[7]];
    });
    expect(double.workbook.sheet("Sheet2").cell("B2").value).toBe(7);
    expect(double.stats.syncs).toBe(1);
    expect(double.stats.syncCalls).toBe(1);
  });

  test("objects from a finished Excel.run cannot be used again (InvalidObjectPath) unless tracked", async () => {
    const double = seeded();
    let kept: ReturnType<ExcelRequestContext["workbook"]["worksheets"]["getItem"]> | undefined;
    let tracked: typeof kept;
    await double.run(async (context) => {
      kept = context.workbook.worksheets.getItem("Sheet2");
      tracked = context.workbook.worksheets.getItem(SHEET).track();
      await context.sync();
    });
    expect(thrown(() => kept!.getRange("A1")).code).toBe("InvalidObjectPath");
    tracked!.getRange("D1").values = [["ok"]];
    await tracked!.context.sync();
    expect(double.workbook.sheet(SHEET).cell("D1").value).toBe("ok");
  });
});

describe("load, sync and reading properties", () => {
  test("reading a property that was never loaded throws PropertyNotLoaded with Excel's message", async () => {
    const double = seeded();
    await double.run(async (context) => {
      const range = context.workbook.worksheets.getItem(SHEET).getRange("A1:C3");
      await context.sync();
      const err = thrown(() => range.values);
      expect(err.code).toBe("PropertyNotLoaded");
      expect(err.name).toBe("RichApi.Error");
      expect(err).toBeInstanceOf(double.OfficeExtension.Error);
      expect(err.message).toBe(
        `The property 'values' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
      expect(err.debugInfo).toMatchObject({ code: "PropertyNotLoaded", errorLocation: "Range.values" });
    });
  });

  test("reading after load but before sync throws too", async () => {
    const double = seeded();
    await double.run(async (context) => {
      const range = context.workbook.worksheets.getItem(SHEET).getRange("A1:C3");
      range.load("values");
      expect(thrown(() => range.values).code).toBe("PropertyNotLoaded");
      await context.sync();
      expect(range.values[1]).toEqual(["Sở A", 985, 980]);
    });
  });

  test.each([
    ["comma string", "values,address"],
    ["array", ["values", "address"]],
    ["select option", { select: "values, address" }],
    ["strict object", { values: true, address: true }],
  ])("load forms: %s", async (_label, option) => {
    const double = seeded();
    await double.run(async (context) => {
      const range = context.workbook.worksheets.getItem(SHEET).getRange("B2:C2");
      range.load(option as never);
      await context.sync();
      expect(range.values).toEqual([[985, 980]]);
      expect(range.address).toBe("'Bảng điểm'!B2:C2");
      expect(thrown(() => range.text).code).toBe("PropertyNotLoaded");
    });
  });

  test("load() without arguments loads every scalar; navigation paths load children", async () => {
    const double = seeded();
    await double.run(async (context) => {
      const range = context.workbook.worksheets.getItem(SHEET).getRange("A1");
      range.load();
      range.load("format/font/name, format/fill/color");
      await context.sync();
      expect(range.rowCount).toBe(1);
      expect(range.valueTypes).toEqual([["String"]]);
      expect(range.format.font.name).toBe("Calibri");
      expect(range.format.fill.color).toBe("#FFFFFF");
      expect(thrown(() => range.format.font.bold).code).toBe("PropertyNotLoaded");
    });
  });

  test("collections: load('items/name') and load('name') fill items", async () => {
    const double = seeded();
    await double.run(async (context) => {
      const sheets = context.workbook.worksheets;
      expect(thrown(() => sheets.items).code).toBe("PropertyNotLoaded");
      sheets.load("items/name");
      await context.sync();
      expect(sheets.items.map((s) => s.name)).toEqual([SHEET, "Sheet2"]);
      expect(thrown(() => sheets.items[0]!.visibility).code).toBe("PropertyNotLoaded");
      const again = context.workbook.worksheets;
      again.load("name, visibility");
      await context.sync();
      expect(again.items.map((s) => s.visibility)).toEqual(["Visible", "Visible"]);
    });
  });

  test("an unknown property in load fails the sync with InvalidArgument", async () => {
    const double = seeded();
    const err = await rejection(
      double.run(async (context) => {
        context.workbook.worksheets.getItem(SHEET).getRange("A1").load("valuez");
        await context.sync();
      }),
    );
    expect(err.code).toBe("InvalidArgument");
  });

  test("loaded values are a snapshot: later writes do not change what was read", async () => {
    const double = seeded();
    await double.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(SHEET);
      const reader = sheet.getRange("B2");
      reader.load("values");
      sheet.getRange("B2").values = [[1]]; // queued after the load: the load sees 985
      await context.sync();
      const read = reader.values;
      expect(read).toEqual([[985]]);
      sheet.getRange("B2").values = [[2]];
      await context.sync();
      expect(read).toEqual([[985]]);
      expect(reader.values).toEqual([[985]]);
      reader.load("values");
      await context.sync();
      expect(reader.values).toEqual([[2]]);
    });
  });

  test("like office.js, a property you set reads back locally without a load", async () => {
    const double = seeded();
    await double.run(async (context) => {
      const range = context.workbook.worksheets.getItem(SHEET).getRange("D1");
      range.values = [["local"]];
      expect(range.values).toEqual([["local"]]);
      expect(double.workbook.sheet(SHEET).cell("D1").value).toBe("");
      await context.sync();
    });
  });

  test("getCount() is a ClientResult readable only after sync", async () => {
    const double = seeded();
    await double.run(async (context) => {
      const count = context.workbook.worksheets.getCount();
      expect(thrown(() => count.value).code).toBe("ValueNotLoaded");
      await context.sync();
      expect(count.value).toBe(2);
    });
  });
});

describe("writes happen only at sync, in queue order", () => {
  test("nothing reaches the workbook before sync", async () => {
    const double = seeded();
    const before = double.workbook.snapshot();
    await double.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet2");
      sheet.getRange("A1:B1").values = [["a", "b"]];
      sheet.getRange("A1").format.font.bold = true;
      context.workbook.worksheets.add("Mới");
      expect(double.workbook.snapshot()).toEqual(before);
      await context.sync();
      expect(double.workbook.sheet("Sheet2").values()).toEqual([["a", "b"]]);
      expect(double.workbook.sheet("Sheet2").cell("A1").format.font.bold).toBe(true);
      expect(double.workbook.sheetNames()).toEqual([SHEET, "Sheet2", "Mới"]);
    });
  });

  test("queue order: the later write wins; numberFormat before values keeps text", async () => {
    const double = seeded();
    await double.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet2");
      sheet.getRange("A1").values = [["first"]];
      sheet.getRange("A1").values = [["second"]];
      sheet.getRange("B1").values = [["=1+1"]];
      sheet.getRange("B1").numberFormat = [["@"]]; // too late: B1 is already a formula
      sheet.getRange("C1").numberFormat = [["@"]];
      sheet.getRange("C1").values = [["=1+1"]];
      await context.sync();
    });
    const s = double.workbook.sheet("Sheet2");
    expect(s.cell("A1").value).toBe("second");
    expect(s.cell("B1")).toMatchObject({ formula: "=1+1", value: 2 });
    expect(s.cell("C1")).toMatchObject({ formula: null, value: "=1+1", valueType: "String" });
  });

  test("getItem of a missing sheet does not throw at call time; it fails the sync with ItemNotFound", async () => {
    const double = seeded();
    let err: DoubleOfficeError | undefined;
    await double.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet2");
      sheet.getRange("A1").values = [["before"]];
      const missing = context.workbook.worksheets.getItem("Không có"); // no throw here
      missing.getRange("A1").values = [["never"]];
      sheet.getRange("A2").values = [["after"]];
      try {
        await context.sync();
      } catch (e) {
        err = e as DoubleOfficeError;
      }
    });
    expect(err?.code).toBe("ItemNotFound");
    expect(err?.debugInfo.errorLocation).toBe("WorksheetCollection.getItem");
    // Excel runs a batch up to the failing operation: what came before stays applied.
    expect(double.workbook.sheet("Sheet2").values()).toEqual([["before"]]);
    expect(double.stats.requests[0]).toMatchObject({ ok: false, errorCode: "ItemNotFound" });
  });

  test("batch failure mode 'atomic' applies nothing of the failing batch", async () => {
    const double = seeded();
    double.faults.setBatchFailureMode("atomic");
    const before = double.workbook.snapshot();
    const err = await rejection(
      double.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet2").getRange("A1").values = [["before"]];
        context.workbook.worksheets.add("Tạm");
        context.workbook.worksheets.getItem("Không có");
        await context.sync();
      }),
    );
    expect(err.code).toBe("ItemNotFound");
    expect(double.workbook.snapshot()).toEqual(before);
  });

  test("getItemOrNullObject: isNullObject after sync, and a null object's properties read as undefined", async () => {
    const double = seeded();
    await double.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Không có");
      const present = context.workbook.worksheets.getItemOrNullObject("sheet2"); // names are case-insensitive
      expect(thrown(() => missing.isNullObject).code).toBe("PropertyNotLoaded");
      missing.load("name");
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
      expect(missing.name).toBeUndefined();
    });
  });

  test("writes and methods on a null object do nothing (getItemOrNullObject(x).delete() then add(x))", async () => {
    const double = seeded();
    await double.run(async (context) => {
      context.workbook.worksheets.getItemOrNullObject("Sample").delete();
      context.workbook.worksheets.add("Sample");
      context.workbook.worksheets.getItemOrNullObject("Không có").getRange("A1").values = [["lost"]];
      await context.sync();
      context.workbook.worksheets.getItemOrNullObject("Sample").delete();
      context.workbook.worksheets.add("Sample");
      await context.sync();
    });
    expect(double.workbook.sheetNames()).toEqual([SHEET, "Sheet2", "Sample"]);
    expect(double.stats.failedSyncs).toBe(0);
  });

  test("a scalar is broadcast over a multi-cell range; a wrongly sized array fails with InvalidArgument", async () => {
    const double = seeded();
    await double.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet2");
      sheet.getRange("A1:B2").values = "x" as never;
      sheet.getRange("A1:B2").numberFormat = "0.00" as never;
      await context.sync();
    });
    expect(double.workbook.sheet("Sheet2").values()).toEqual([
      ["x", "x"],
      ["x", "x"],
    ]);
    expect(double.workbook.sheet("Sheet2").cell("B2").numberFormat).toBe("0.00");
    const err = await rejection(
      double.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet2").getRange("A1:B2").values = [["only one row", "x"]];
        await context.sync();
      }),
    );
    expect(err.code).toBe("InvalidArgument");
    expect(err.message).toMatch(/doesn't match the size/);
  });

  test("null inside a values array leaves that cell unchanged", async () => {
    const double = seeded();
    await double.run(async (context) => {
      context.workbook.worksheets.getItem(SHEET).getRange("B2:C2").values = [[null, 1]] as never;
      await context.sync();
    });
    expect(double.workbook.sheet(SHEET).values()[1]).toEqual(["Sở A", 985, 1]);
  });
});

describe("what Excel makes of strings written through values", () => {
  async function write(
    double: ExcelDouble,
    cells: Record<string, string>,
    textFormatFirst = false,
  ): Promise<void> {
    await double.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet2");
      for (const [address, text] of Object.entries(cells)) {
        const range = sheet.getRange(address);
        if (textFormatFirst) range.numberFormat = [["@"]];
        range.values = [[text]];
      }
      await context.sync();
    });
  }

  test('"=HYPERLINK(\\"x\\")" becomes a formula (formula injection)', async () => {
    const double = seeded();
    await write(double, { A1: '=HYPERLINK("x")' });
    expect(double.workbook.sheet("Sheet2").cell("A1")).toMatchObject({
      formula: '=HYPERLINK("x")',
      value: "x",
    });
    const formulas = await double.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Sheet2").getRange("A1");
      r.load("formulas, values");
      await context.sync();
      return [r.formulas, r.values];
    });
    expect(formulas).toEqual([[['=HYPERLINK("x")']], [["x"]]]);
  });

  test('"+1" becomes the formula "=+1" with value 1; "-1" stays the number -1', async () => {
    const double = seeded();
    await write(double, { A1: "+1", A2: "-1" });
    const s = double.workbook.sheet("Sheet2");
    expect(s.cell("A1")).toMatchObject({ formula: "=+1", value: 1, valueType: "Double" });
    expect(s.cell("A2")).toMatchObject({ formula: null, value: -1 });
  });

  test('"-Sở A" becomes the formula "=-Sở A" showing #NAME?', async () => {
    const double = seeded();
    await write(double, { A1: "-Sở A", A2: "- Nội dung" });
    const s = double.workbook.sheet("Sheet2");
    expect(s.cell("A1")).toMatchObject({
      formula: "=-Sở A",
      value: "#NAME?",
      valueType: "Error",
      text: "#NAME?",
    });
    expect(s.cell("A2")).toMatchObject({ formula: "=- Nội dung", value: "#NAME?" });
  });

  test('"@SUM(A1)" becomes "=SUM(A1)"; an unevaluated formula caches 0', async () => {
    const double = seeded();
    await write(double, { B1: "@SUM(A1)", B2: "@Sở" });
    const s = double.workbook.sheet("Sheet2");
    expect(s.cell("B1")).toMatchObject({ formula: "=SUM(A1)", value: 0 });
    expect(s.cell("B2")).toMatchObject({ formula: null, value: "@Sở" });
  });

  test('with numberFormat "@" set first (same batch), every such string stays text verbatim', async () => {
    const double = seeded();
    const inputs = {
      A1: '=HYPERLINK("x")',
      A2: "+1",
      A3: "-Sở A",
      A4: "@SUM(A1)",
      A5: "007",
      A6: "03/04/2025",
    };
    await write(double, inputs, true);
    const s = double.workbook.sheet("Sheet2");
    for (const [address, text] of Object.entries(inputs)) {
      expect(s.cell(address)).toMatchObject({
        formula: null,
        value: text,
        valueType: "String",
        numberFormat: "@",
      });
    }
  });

  test("a leading apostrophe keeps text and is not stored", async () => {
    const double = seeded();
    await write(double, { A1: "'=1+2", A2: "'007" });
    expect(double.workbook.sheet("Sheet2").values()).toEqual([["=1+2"], ["007"]]);
  });

  test("numeric, boolean and en-US date strings are converted like typed input", async () => {
    const double = seeded();
    await write(double, {
      A1: "007",
      A2: "1,234",
      A3: "10%",
      A4: "TRUE",
      A5: "03/04/2025",
      A6: "19/08/2025",
      A7: "2025-08-19",
    });
    const s = double.workbook.sheet("Sheet2");
    expect(s.cell("A1").value).toBe(7);
    expect(s.cell("A2")).toMatchObject({ value: 1234, numberFormat: "#,##0", text: "1,234" });
    expect(s.cell("A3")).toMatchObject({ value: 0.1, numberFormat: "0%", text: "10%" });
    expect(s.cell("A4").value).toBe(true);
    expect(s.cell("A5")).toMatchObject({ value: 45720, numberFormat: "m/d/yyyy", text: "3/4/2025" }); // March 4th, not 3 April
    expect(s.cell("A6")).toMatchObject({ value: "19/08/2025", valueType: "String" }); // dd/mm is not a date to the API
    expect(s.cell("A7").valueType).toBe("Double");
  });

  test('"9-10" and "3/5" become dates of the current year, as typed into Excel', async () => {
    const double = seeded();
    await write(double, { A1: "9-10", A2: "3/5", A3: "13/5" });
    const s = double.workbook.sheet("Sheet2");
    expect(s.cell("A1")).toMatchObject({ valueType: "Double", numberFormat: "d-mmm", text: "10-Sep" });
    expect(s.cell("A2").text).toBe("5-Mar");
    expect(s.cell("A3").value).toBe("13/5");
  });

  test('"+84 912 345 678" (reference operators between constants) is not a formula Excel accepts', async () => {
    const double = seeded();
    const err = await rejection(write(double, { A1: "+84 912 345 678" }));
    expect(err.code).toBe("InvalidArgument");
    expect(double.workbook.sheet("Sheet2").cell("A1").value).toBe("");
  });

  test("a formulaEvaluator can stand in for Excel's calculation", async () => {
    const double = createExcelDouble(
      { sheets: [{ name: "Sheet2" }] },
      { formulaEvaluator: (f) => (f === "=SUM(B1:B3)" ? 42 : undefined) },
    );
    await write(double, { A1: "=SUM(B1:B3)", A2: "=RANK.EQ(B1,B1:B3)" });
    expect(double.workbook.sheet("Sheet2").values()).toEqual([[42], [0]]);
  });

  test("a string Excel cannot read as a formula fails the sync (or stays text when configured)", async () => {
    const strict = seeded();
    const err = await rejection(write(strict, { A1: "=SUM(" }));
    expect(err.code).toBe("InvalidArgument");
    const lenient = createExcelDouble({ sheets: [{ name: "Sheet2" }] }, { invalidFormulaInput: "text" });
    await write(lenient, { A1: "=SUM(" });
    expect(lenient.workbook.sheet("Sheet2").cell("A1")).toMatchObject({ value: "=SUM(", formula: null });
  });
});

describe("stats: syncs and request sizes", () => {
  test("counts round trips; an empty sync costs nothing", async () => {
    const double = seeded();
    await double.run(async (context) => {
      await context.sync(); // nothing queued: no round trip
      const r = context.workbook.worksheets.getItem(SHEET).getRange("A1:C3");
      r.load("values");
      await context.sync();
      r.values = [
        [1, 2, 3],
        [4, 5, 6],
        [7, 8, 9],
      ];
      await context.sync();
    });
    expect(double.stats.syncs).toBe(2);
    expect(double.stats.syncCalls).toBe(4); // incl. the empty one and Excel.run's final sync
    expect(double.stats.runs).toBe(1);
    expect(double.stats.requests).toHaveLength(2);
    const write = double.stats.requests[1]!;
    expect(write.ops["Range.values"]).toBe(1);
    expect(write.bytes).toBeGreaterThan(
      JSON.stringify([
        [1, 2, 3],
        [4, 5, 6],
        [7, 8, 9],
      ]).length,
    );
    expect(double.stats.requests[0]!.responseBytes).toBeGreaterThan(0);
    expect(double.stats.maxRequestBytes).toBe(Math.max(...double.stats.requests.map((r) => r.bytes)));
    expect(double.stats.totalBytes).toBe(double.stats.requests.reduce((n, r) => n + r.bytes, 0));
  });

  test("bytes are UTF-8: Vietnamese text costs more than its length", async () => {
    const double = seeded();
    const text = "Thi đua khen thưởng".repeat(100);
    await double.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet2").getRange("A1").values = [[text]];
      await context.sync();
    });
    const bytes = double.stats.requests[0]!.bytes;
    expect(bytes).toBeGreaterThan(new TextEncoder().encode(text).length);
    expect(new TextEncoder().encode(text).length).toBeGreaterThan(text.length);
  });

  test("records whether calculation was suspended in a request", async () => {
    const double = seeded();
    await double.run(async (context) => {
      context.workbook.application.suspendApiCalculationUntilNextSync();
      context.workbook.worksheets.getItem("Sheet2").getRange("A1").values = [[1]];
      await context.sync();
      context.workbook.worksheets.getItem("Sheet2").getRange("A2").values = [[2]];
      await context.sync();
    });
    expect(double.stats.requests.map((r) => r.calculationSuspended)).toEqual([true, false]);
  });
});

describe("payload limits", () => {
  function bigRows(rows: number, cols: number, width = 20): string[][] {
    const out: string[][] = [];
    for (let r = 0; r < rows; r++) {
      const row: string[] = [];
      for (let c = 0; c < cols; c++) row.push(`Đơn vị ${r}-${c}`.padEnd(width, "x"));
      out.push(row);
    }
    return out;
  }

  test("a request over 5 MB fails with RequestPayloadSizeLimitExceeded and changes nothing", async () => {
    const double = seeded();
    const before = double.workbook.snapshot();
    const values = bigRows(25_000, 11); // ~6.3 MB of JSON
    const err = await rejection(
      double.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Sheet2");
        sheet.getRange("A1").values = [["small first"]];
        sheet.getRange(`A2:K${values.length + 1}`).values = values;
        await context.sync();
      }),
    );
    expect(err.code).toBe("RequestPayloadSizeLimitExceeded");
    expect(err.name).toBe("RichApi.Error");
    expect(err.debugInfo).toMatchObject({ code: "RequestPayloadSizeLimitExceeded", message: err.message });
    expect(double.workbook.snapshot()).toEqual(before);
    expect(double.stats.requests[0]!.bytes).toBeGreaterThan(FIVE_MB);
    expect(double.stats.failedSyncs).toBe(1);
  });

  test("a 100,000-row write chunked by size stays under the cap in every sync", async () => {
    const double = createExcelDouble({ sheets: [{ name: SHEET }] });
    const rows = 100_000;
    const cols = 11;
    const values: (string | number)[][] = [];
    for (let r = 0; r < rows; r++) {
      values.push([`Sở ${r}`, r, r * 2, "Xuất sắc", 1.5, "Tỉnh A", r % 7, "ghi chú", 0, "x", r]);
    }
    const budget = 4 * 1024 * 1024;
    await double.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(SHEET);
      let start = 0;
      while (start < rows) {
        let bytes = 0;
        let end = start;
        while (end < rows) {
          const rowBytes = new TextEncoder().encode(JSON.stringify(values[end])).length + 1;
          if (bytes + rowBytes > budget && end > start) break;
          bytes += rowBytes;
          end++;
        }
        sheet.getRangeByIndexes(start, 0, end - start, cols).values = values.slice(start, end);
        await context.sync();
        start = end;
      }
    });
    expect(double.stats.syncs).toBeGreaterThan(1);
    expect(double.stats.failedSyncs).toBe(0);
    expect(double.stats.maxRequestBytes).toBeLessThanOrEqual(FIVE_MB);
    const sheet = double.workbook.sheet(SHEET);
    expect(sheet.usedRange()).toBe("A1:K100000");
    expect(sheet.cell("A100000").value).toBe("Sở 99999");
    expect(sheet.cell("K50001").value).toBe(50000);
  }, 60_000);

  test("the cap is configurable", async () => {
    const double = seeded();
    double.faults.setPayloadLimit(200);
    const err = await rejection(
      double.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet2").getRange("A1").values = [["x".repeat(300)]];
        await context.sync();
      }),
    );
    expect(err.code).toBe("RequestPayloadSizeLimitExceeded");
  });

  test("a response over the cap fails with ResponsePayloadSizeLimitExceeded and delivers nothing", async () => {
    const double = seeded();
    double.faults.setResponseLimit(50);
    await double.run(async (context) => {
      const r = context.workbook.worksheets.getItem(SHEET).getRange("A1:C3");
      r.load("values");
      const err = await rejection(context.sync());
      expect(err.code).toBe("ResponsePayloadSizeLimitExceeded");
      expect(thrown(() => r.values).code).toBe("PropertyNotLoaded");
    });
  });

  test("a read of more than 5,000,000 cells fails with RangeExceedsLimit (or returns null when configured)", async () => {
    const double = seeded();
    const err = await rejection(
      double.run(async (context) => {
        context.workbook.worksheets.getItem(SHEET).getRange("A:E").load("values"); // 5,242,880 cells
        await context.sync();
      }),
    );
    expect(err.code).toBe("RangeExceedsLimit");
    double.faults.setReadCellLimit(5_000_000, "null");
    const values = await double.run(async (context) => {
      const r = context.workbook.worksheets.getItem(SHEET).getRange("A:E");
      r.load("values, rowCount");
      await context.sync();
      return [r.values, r.rowCount];
    });
    expect(values).toEqual([null, 1_048_576]);
  });
});

describe("faults", () => {
  test("cellEditMode(n): the next n syncs fail with InvalidOperationInCellEditMode and apply nothing; retry succeeds", async () => {
    const double = seeded();
    double.faults.cellEditMode(2);
    let attempts = 0;
    for (;;) {
      attempts++;
      try {
        await double.run(async (context) => {
          context.workbook.worksheets.getItem("Sheet2").getRange("A1").values = [["saved"]];
          await context.sync();
        });
        break;
      } catch (e) {
        const err = e as DoubleOfficeError;
        expect(err.code).toBe("InvalidOperationInCellEditMode");
        expect(err.message).toMatch(/cell-editing mode/);
        expect(double.workbook.sheet("Sheet2").cell("A1").value).toBe("");
        if (attempts > 5) throw e;
      }
    }
    expect(attempts).toBe(3);
    expect(double.workbook.sheet("Sheet2").cell("A1").value).toBe("saved");
  });

  test("delayForCellEdit waits cell-edit mode out instead of failing", async () => {
    const double = seeded();
    double.faults.cellEditMode(1);
    await double.run({ delayForCellEdit: true }, async (context) => {
      context.workbook.worksheets.getItem("Sheet2").getRange("A1").values = [["ok"]];
      await context.sync();
    });
    expect(double.stats.delayedForCellEdit).toBe(1);
    expect(double.workbook.sheet("Sheet2").cell("A1").value).toBe("ok");
  });

  test("failSyncAt(2) fails the middle of three syncs; the others apply", async () => {
    const double = seeded();
    double.faults.failSyncAt(2, { code: "GeneralException", message: "boom" });
    const outcome: string[] = [];
    await double.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet2");
      for (const [i, address] of ["A1", "A2", "A3"].entries()) {
        sheet.getRange(address).values = [[`sync ${i + 1}`]];
        try {
          await context.sync();
          outcome.push("ok");
        } catch (e) {
          outcome.push((e as DoubleOfficeError).code);
        }
      }
    });
    expect(outcome).toEqual(["ok", "GeneralException", "ok"]);
    expect(double.workbook.sheet("Sheet2").values()).toEqual([["sync 1"], [""], ["sync 3"]]);
    expect(double.stats.requests.map((r) => r.ok)).toEqual([true, false, true]);
  });

  test("failNextSync with a custom error; errors are OfficeExtension.Error-like", async () => {
    const double = seeded();
    double.faults.failNextSync({ code: "AccessDenied" });
    const err = await rejection(
      double.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet2").getRange("A1").values = [[1]];
        await context.sync();
      }),
    );
    expect(err).toMatchObject({
      name: "RichApi.Error",
      code: "AccessDenied",
      debugInfo: { code: "AccessDenied" },
    });
    expect(err).toBeInstanceOf(Error);
    expect(double.workbook.sheet("Sheet2").cell("A1").value).toBe("");
  });

  test("failOnCommand fails mid-batch: earlier commands applied, later ones not", async () => {
    const double = seeded();
    double.faults.failOnCommand("RangeFont.bold", { code: "GeneralException" });
    await rejection(
      double.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Sheet2");
        sheet.getRange("A1").values = [["kept"]];
        sheet.getRange("A1").format.font.bold = true;
        sheet.getRange("A2").values = [["dropped"]];
        await context.sync();
      }),
    );
    expect(double.workbook.sheet("Sheet2").values()).toEqual([["kept"]]);
    expect(double.workbook.sheet("Sheet2").cell("A1").format.font.bold).toBe(false);
  });
});

describe("worksheets", () => {
  test("add, rename, position, visibility incl. VeryHidden, activate, delete", async () => {
    const double = seeded();
    await double.run(async (context) => {
      const ws = context.workbook.worksheets;
      const added = ws.add("Kết quả");
      added.position = 0;
      ws.getItem("Sheet2").visibility = "VeryHidden";
      added.activate();
      added.load("name, position, id");
      await context.sync();
      expect(added.position).toBe(0);
      expect(added.id).toMatch(/^\{/);
    });
    expect(double.workbook.sheetNames()).toEqual(["Kết quả", SHEET, "Sheet2"]);
    expect(double.workbook.sheet("Sheet2").visibility).toBe("VeryHidden");
    expect(double.workbook.activeSheet).toBe("Kết quả");

    const dup = await rejection(
      double.run(async (context) => {
        context.workbook.worksheets.add("kết quả");
        await context.sync();
      }),
    );
    expect(dup.code).toBe("ItemAlreadyExists");
    const bad = await rejection(
      double.run(async (context) => {
        context.workbook.worksheets.add("a/b");
        await context.sync();
      }),
    );
    expect(bad.code).toBe("InvalidArgument");

    await double.run(async (context) => {
      context.workbook.worksheets.getItem("Kết quả").delete();
      await context.sync();
    });
    expect(double.workbook.sheetNames()).toEqual([SHEET, "Sheet2"]);
    expect(double.workbook.activeSheet).toBe(SHEET);

    const last = await rejection(
      double.run(async (context) => {
        context.workbook.worksheets.getItem(SHEET).visibility = "Hidden";
        await context.sync();
      }),
    );
    expect(last.code).toBe("InvalidOperation");
  });

  test("getUsedRange: bounding box of used cells; A1 on a blank sheet; OrNullObject is null there", async () => {
    const double = seeded();
    await double.run(async (context) => {
      const blank = context.workbook.worksheets.getItem("Sheet2");
      const a1 = blank.getUsedRange();
      const none = blank.getUsedRangeOrNullObject();
      blank.getRange("C5").format.fill.color = "yellow";
      const formatted = blank.getUsedRange(); // formats count
      const valuesOnly = blank.getUsedRangeOrNullObject(true);
      const used = context.workbook.worksheets.getItem(SHEET).getUsedRange(true);
      for (const r of [a1, formatted, used]) r.load("address");
      await context.sync();
      expect(a1.address).toBe("Sheet2!A1");
      expect(none.isNullObject).toBe(true);
      expect(formatted.address).toBe("Sheet2!C5");
      expect(valuesOnly.isNullObject).toBe(true);
      expect(used.address).toBe("'Bảng điểm'!A1:C3");
    });
  });

  test("freeze panes, gridlines, tab color", async () => {
    const double = seeded();
    await double.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(SHEET);
      sheet.freezePanes.freezeRows(2);
      sheet.showGridlines = false;
      sheet.tabColor = "#00b050";
      const where = sheet.freezePanes.getLocationOrNullObject();
      where.load("address");
      await context.sync();
      expect(where.address).toBe("'Bảng điểm'!1:2");
    });
    const s = double.workbook.sheet(SHEET);
    expect(s.frozen).toEqual({ rows: 2, columns: 0 });
    expect(s.showGridlines).toBe(false);
    expect(s.tabColor).toBe("#00B050");
  });

  test("page layout: A4 landscape, margins in points, fit to one page wide, print area and title rows", async () => {
    const double = seeded();
    await double.run(async (context) => {
      const layout = context.workbook.worksheets.getItem(SHEET).pageLayout;
      layout.orientation = "Landscape";
      layout.paperSize = "A4";
      layout.leftMargin = 36;
      layout.rightMargin = 36;
      layout.topMargin = 54;
      layout.bottomMargin = 54;
      layout.centerHorizontally = true;
      layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      layout.setPrintArea("A1:C3");
      layout.setPrintTitleRows("$1:$1");
      layout.load("zoom, orientation");
      await context.sync();
      expect(layout.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
      layout.zoom.scale = 50; // a copy: changes nothing
      const area = layout.getPrintAreaOrNullObject();
      area.load("address");
      await context.sync();
      expect(area.address).toBe("'Bảng điểm'!A1:C3");
    });
    expect(double.workbook.sheet(SHEET).pageLayout()).toMatchObject({
      orientation: "Landscape",
      paperSize: "A4",
      leftMargin: 36,
      rightMargin: 36,
      centerHorizontally: true,
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printArea: "A1:C3",
      printTitleRows: "$1:$1",
    });
    const bad = await rejection(
      double.run(async (context) => {
        context.workbook.worksheets.getItem(SHEET).pageLayout.zoom = { scale: 5 };
        await context.sync();
      }),
    );
    expect(bad.code).toBe("InvalidArgument");
  });
});

describe("ranges", () => {
  test("address, indexes, counts; quoting like Excel", async () => {
    const double = createExcelDouble({
      sheets: [
        { name: "Sheet1" },
        { name: "Bảng" },
        { name: "2022" },
        { name: "Bảng điểm" },
        { name: "O'Neil" },
      ],
    });
    const addresses = await double.run(async (context) => {
      const ws = context.workbook.worksheets;
      const ranges = [
        ws.getItem("Sheet1").getRange("b2:c4"),
        ws.getItem("Bảng").getRange("A1"),
        ws.getItem("2022").getRange("A:B"),
        ws.getItem("Bảng điểm").getRange("3:4"),
        ws.getItem("O'Neil").getCell(0, 0),
      ];
      ranges.forEach((r) => r.load("address, rowIndex, columnIndex, rowCount, columnCount"));
      await context.sync();
      expect([
        ranges[0]!.rowIndex,
        ranges[0]!.columnIndex,
        ranges[0]!.rowCount,
        ranges[0]!.columnCount,
      ]).toEqual([1, 1, 3, 2]);
      return ranges.map((r) => r.address);
    });
    expect(addresses).toEqual(["Sheet1!B2:C4", "Bảng!A1", "'2022'!A:B", "'Bảng điểm'!3:4", "'O''Neil'!A1"]);
  });

  test("getCell, getResizedRange, getOffsetRange, getRangeByIndexes, getEntireColumn", async () => {
    const double = seeded();
    await double.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(SHEET);
      const base = sheet.getRange("B2");
      const list = [
        base.getCell(1, 1),
        base.getResizedRange(2, 1),
        base.getOffsetRange(1, 0),
        sheet.getRangeByIndexes(0, 0, 2, 3),
        base.getEntireColumn(),
      ];
      list.forEach((r) => r.load("address"));
      await context.sync();
      expect(list.map((r) => r.address)).toEqual([
        "'Bảng điểm'!C3",
        "'Bảng điểm'!B2:C4",
        "'Bảng điểm'!B3",
        "'Bảng điểm'!A1:C2",
        "'Bảng điểm'!B:B",
      ]);
    });
    const err = await rejection(
      double.run(async (context) => {
        context.workbook.worksheets.getItem(SHEET).getRange("A1").getOffsetRange(-1, 0);
        await context.sync();
      }),
    );
    expect(err.code).toBe("InvalidArgument");
  });

  test("text uses the number format and the display language", async () => {
    const double = createExcelDouble({
      language: "vi-VN",
      sheets: [{ name: SHEET, values: [[1234.5, 0.25, 45720]] }],
    });
    await double.run(async (context) => {
      const r = context.workbook.worksheets.getItem(SHEET).getRange("A1:C1");
      r.numberFormat = [["#,##0.00", "0%", "dd/mm/yyyy"]];
      r.load("text, values");
      await context.sync();
      expect(r.text).toEqual([["1.234,50", "25%", "04/03/2025"]]);
      expect(r.values).toEqual([[1234.5, 0.25, 45720]]);
    });
  });

  test("format: font, fill, alignment, wrap, widths and heights in points; mixed cells read null", async () => {
    const double = seeded();
    await double.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(SHEET);
      const header = sheet.getRange("A1:C1");
      header.format.font.bold = true;
      header.format.font.name = "Times New Roman";
      header.format.font.size = 13;
      header.format.font.color = "#1f4e79";
      header.format.fill.color = "#D9E1F2";
      header.format.horizontalAlignment = "Center";
      header.format.verticalAlignment = "Center";
      header.format.wrapText = true;
      header.format.columnWidth = 120;
      header.format.rowHeight = 30;
      const all = sheet.getRange("A1:C3");
      all.load("format/font/bold, format/columnWidth, format/rowHeight");
      header.load("format/font/bold, format/fill/color");
      await context.sync();
      expect(header.format.font.bold).toBe(true);
      expect(header.format.fill.color).toBe("#D9E1F2");
      expect(all.format.font.bold).toBeNull();
      expect(all.format.columnWidth).toBe(120);
      expect(all.format.rowHeight).toBeNull();
      header.format.fill.clear();
      await context.sync();
    });
    const a1 = double.workbook.sheet(SHEET).cell("A1");
    expect(a1.format).toMatchObject({
      font: { bold: true, name: "Times New Roman", size: 13, color: "#1F4E79" },
      fill: { color: null },
      horizontalAlignment: "Center",
      verticalAlignment: "Center",
      wrapText: true,
    });
    expect(double.workbook.sheet(SHEET).columnWidth("B")).toBe(120);
    expect(double.workbook.sheet(SHEET).rowHeight(1)).toBe(30);
    expect(double.workbook.sheet(SHEET).rowHeight(2)).toBe(15);
  });

  test("borders: edges and inside lines", async () => {
    const double = seeded();
    await double.run(async (context) => {
      const table = context.workbook.worksheets.getItem(SHEET).getRange("A1:C3");
      for (const edge of [
        "EdgeTop",
        "EdgeBottom",
        "EdgeLeft",
        "EdgeRight",
        "InsideHorizontal",
        "InsideVertical",
      ]) {
        const b = table.format.borders.getItem(edge);
        b.style = "Continuous";
        b.weight = "Thin";
        b.color = "#000000";
      }
      table.format.borders.getItem("EdgeBottom").weight = "Medium";
      const inside = table.format.borders.getItem("InsideHorizontal");
      const bottom = table.format.borders.getItem("EdgeBottom");
      inside.load("style, weight");
      bottom.load("weight");
      await context.sync();
      expect(inside.style).toBe("Continuous");
      expect(bottom.weight).toBe("Medium");
    });
    const s = double.workbook.sheet(SHEET);
    expect(s.cell("B2").format.borders).toEqual({
      top: { style: "Continuous", color: "#000000", weight: "Thin" },
      bottom: { style: "Continuous", color: "#000000", weight: "Thin" },
      left: { style: "Continuous", color: "#000000", weight: "Thin" },
      right: { style: "Continuous", color: "#000000", weight: "Thin" },
    });
    expect(s.cell("C3").format.borders.bottom).toEqual({
      style: "Continuous",
      color: "#000000",
      weight: "Medium",
    });
  });

  test("merge keeps the upper-left value; merge(across) merges each row; unmerge and clear", async () => {
    const double = seeded();
    await double.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(SHEET);
      sheet.getRange("A2:C2").merge();
      sheet.getRange("A5:C6").merge(true);
      await context.sync();
    });
    const s = double.workbook.sheet(SHEET);
    expect(s.merges()).toEqual(["A2:C2", "A5:C5", "A6:C6"]);
    expect(s.cell("B2")).toMatchObject({ value: "", merged: true, mergeArea: "A2:C2" });
    expect(s.cell("A2").value).toBe("Sở A");
    await double.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(SHEET);
      sheet.getRange("A5:C5").unmerge();
      sheet.getRange("A3:C3").clear("Contents");
      sheet.getRange("A2:C2").clear();
      await context.sync();
    });
    expect(s.merges()).toEqual(["A6:C6"]);
    expect(s.values()).toEqual([["Đơn vị", "Tự chấm", "Cụm chấm"]]);
  });

  test("autofitColumns widens a column to its longest text; autofitRows grows wrapped rows", async () => {
    const double = seeded();
    await double.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(SHEET);
      sheet.getRange("A4").values = [["Sở Giáo dục và Đào tạo tỉnh Thừa Thiên Huế"]];
      sheet.getRange("A1:C4").format.autofitColumns();
      sheet.getRange("B6").values = [["một hai ba bốn năm sáu bảy tám chín mười mười một mười hai"]];
      sheet.getRange("B6").format.wrapText = true;
      sheet.getRange("B6").format.autofitRows();
      await context.sync();
    });
    const s = double.workbook.sheet(SHEET);
    expect(s.columnWidth("A")).toBeGreaterThan(150);
    expect(s.rowHeight(6)).toBeGreaterThan(15);
  });

  test("select() moves the selection; getSelectedRange reads it", async () => {
    const double = seeded();
    double.workbook.select("Sheet2!B2:C3");
    const first = await double.run(async (context) => {
      const r = context.workbook.getSelectedRange();
      r.load("address");
      await context.sync();
      context.workbook.worksheets.getItem(SHEET).getRange("A2:C3").select();
      await context.sync();
      return r.address;
    });
    expect(first).toBe("Sheet2!B2:C3");
    expect(double.workbook.selection).toBe("'Bảng điểm'!A2:C3");
    expect(double.workbook.activeSheet).toBe(SHEET);
  });

  test("Range.set applies numberFormat before values, like office.js", async () => {
    const double = seeded();
    await double.run(async (context) => {
      context.workbook.worksheets
        .getItem("Sheet2")
        .getRange("A1")
        .set({ values: [["=1+1"]], numberFormat: [["@"]], format: { font: { italic: true } } });
      await context.sync();
    });
    expect(double.workbook.sheet("Sheet2").cell("A1")).toMatchObject({
      value: "=1+1",
      formula: null,
      format: { font: { italic: true } },
    });
  });
});

describe("workbook parts", () => {
  test("names: add with a range or a formula, getItemOrNullObject, duplicates", async () => {
    const double = seeded();
    await double.run(async (context) => {
      const names = context.workbook.names;
      names.add("DiemTuCham", context.workbook.worksheets.getItem(SHEET).getRange("B2:B3"), "Điểm tự chấm");
      names.add("NguongXuatSac", "=950");
      const item = names.getItemOrNullObject("diemtucham");
      const none = names.getItemOrNullObject("KhongCo");
      item.load("formula, type, value, comment");
      await context.sync();
      expect(item.formula).toBe("='Bảng điểm'!$B$2:$B$3");
      expect(item.type).toBe("Range");
      expect(item.comment).toBe("Điểm tự chấm");
      expect(none.isNullObject).toBe(true);
      const range = item.getRange();
      range.load("values");
      await context.sync();
      expect(range.values).toEqual([[985], [990]]);
    });
    expect(double.workbook.names()).toMatchObject({ NguongXuatSac: { formula: "=950" } });
    const err = await rejection(
      double.run(async (context) => {
        context.workbook.names.add("A1", "=1");
        await context.sync();
      }),
    );
    expect(err.code).toBe("InvalidArgument");
  });

  test("settings: add, read back through JSON, getItemOrNullObject", async () => {
    const double = seeded();
    await double.run(async (context) => {
      context.workbook.settings.add("emu.rules", { version: 2, units: ["Sở A"] });
      const s = context.workbook.settings.getItemOrNullObject("emu.rules");
      const none = context.workbook.settings.getItemOrNullObject("khác");
      s.load("value");
      await context.sync();
      expect(s.value).toEqual({ version: 2, units: ["Sở A"] });
      expect(none.isNullObject).toBe(true);
    });
    expect(double.workbook.settings()).toEqual({ "emu.rules": { version: 2, units: ["Sở A"] } });
  });

  test("application calculation mode and document properties", async () => {
    const double = seeded();
    await double.run(async (context) => {
      context.workbook.application.calculationMode = "Manual";
      context.workbook.properties.title = "Kết quả thi đua";
      await context.sync();
    });
    expect(double.workbook.calculationMode).toBe("Manual");
    expect(double.workbook.properties().title).toBe("Kết quả thi đua");
  });

  test("tables.add over written values renames blank and repeated headers", async () => {
    const double = seeded();
    await double.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet2");
      sheet.getRange("A1:C2").values = [
        ["Tên", "", "Tên"],
        [1, 2, 3],
      ];
      const table = sheet.tables.add("A1:C2", true);
      table.load("name");
      await context.sync();
      expect(table.name).toBe("Table1");
    });
    expect(double.workbook.sheet("Sheet2").values()[0]).toEqual(["Tên", "Column2", "Tên2"]);
    expect(double.workbook.tables()).toEqual([{ name: "Table1", sheet: "Sheet2", address: "A1:C2" }]);
  });
});

describe("snapshots and reset", () => {
  test("snapshot() is a deep copy; reset() restores a seed and clears stats and faults", async () => {
    const double = seeded();
    const snap = double.workbook.snapshot();
    snap.sheets[0]!.cells["A1"]!.value = "changed";
    expect(double.workbook.sheet(SHEET).cell("A1").value).toBe("Đơn vị");
    double.faults.failNextSync();
    await double.run(async (context) => {
      context.workbook.worksheets.getItem(SHEET).getRange("A1").load("values");
      await context.sync().catch(() => undefined);
    });
    expect(double.stats.syncs).toBe(1);
    double.reset({ sheets: [{ name: "Only" }] });
    expect(double.stats.syncs).toBe(0);
    expect(double.workbook.sheetNames()).toEqual(["Only"]);
    await double.run(async (context) => {
      context.workbook.worksheets.getItem("Only").getRange("A1").values = [[1]];
      await context.sync();
    });
    expect(double.stats.failedSyncs).toBe(0);
  });
});
