import { rejection, thrown } from "./expect-error";
import { createExcelDouble, type ExcelDouble } from "./index";

/**
 * `Range.getCellProperties` (ExcelApi 1.9) in the double: per-cell formats in one method call,
 * a ClientResult readable only after the sync, the response counted like `values`, options
 * checked by the host at sync, and a host without ExcelApi 1.9 refusing the call as office.js does.
 */

const SHEET = "Sở A";

function seeded(options: { excelApi?: string } = {}): ExcelDouble {
  return createExcelDouble(
    {
      sheets: [
        {
          name: SHEET,
          values: [
            ["Đơn vị: Sở A", "", ""],
            ["Nội dung tiêu chí", "Điểm tối đa", "Điểm tự chấm"],
            ["Công tác chỉ đạo", 30, ""],
            ["Ban hành kế hoạch", 10, 10],
            ["Tổ chức phong trào", 20, 18],
            ["Phát động", 12, 12],
          ],
          indents: { A4: 1, "A5:A6": 1, A6: 2 },
        },
        { name: "Sheet2" },
      ],
    },
    options,
  );
}

describe("Range.getCellProperties", () => {
  test("format.indentLevel, cell by cell, in one round trip; value only after the sync", async () => {
    const double = seeded();
    await double.run(async (context) => {
      const range = context.workbook.worksheets.getItem(SHEET).getRange("A3:A7");
      const props = range.getCellProperties({ format: { indentLevel: true } });
      // office.js ClientResult.value before the sync: ValueNotLoaded, errorLocation "clientResult.value".
      const e = thrown(() => props.value);
      expect(e.code).toBe("ValueNotLoaded");
      expect(e.httpStatusCode).toBe(400);
      expect(e.debugInfo.errorLocation).toBe("clientResult.value");
      expect(e.message).toBe(
        'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
      );
      await context.sync();
      expect(props.value).toEqual([
        [{ format: { indentLevel: 0 } }],
        [{ format: { indentLevel: 1 } }],
        [{ format: { indentLevel: 1 } }],
        [{ format: { indentLevel: 2 } }],
        [{ format: { indentLevel: 0 } }],
      ]);
      // The range-wide property cannot tell the cells apart: mixed levels read null.
      range.format.load("indentLevel");
      await context.sync();
      expect(range.format.indentLevel).toBeNull();
    });
    expect(double.stats.syncs).toBe(2);
    expect(double.stats.requests[0]?.ops).toEqual({
      "Workbook.worksheets": 1,
      "WorksheetCollection.getItem": 1,
      "Worksheet.getRange": 1,
      "Range.getCellProperties": 1,
    });
  });

  test("address and the format keys the double stores, as written through the API", async () => {
    const double = seeded();
    await double.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(SHEET);
      const b2 = ws.getRange("B2");
      b2.format.font.bold = true;
      b2.format.font.italic = true;
      b2.format.font.name = "Times New Roman";
      b2.format.font.size = 13;
      b2.format.font.color = "red";
      b2.format.fill.color = "#FFFF00";
      b2.format.horizontalAlignment = "Center";
      b2.format.wrapText = true;
      b2.format.protection.locked = false;
      const props = ws.getRange("B2:C2").getCellProperties({
        address: true,
        format: {
          font: { bold: true, italic: true, name: true, size: true, color: true },
          fill: { color: true, pattern: true },
          horizontalAlignment: true,
          wrapText: true,
          protection: true,
          indentLevel: false,
        },
      });
      await context.sync();
      expect(props.value).toEqual([
        [
          {
            address: "'Sở A'!B2",
            format: {
              font: { bold: true, italic: true, name: "Times New Roman", size: 13, color: "#FF0000" },
              fill: { color: "#FFFF00", pattern: "Solid" },
              horizontalAlignment: "Center",
              wrapText: true,
              protection: { locked: false, formulaHidden: false },
            },
          },
          {
            address: "'Sở A'!C2",
            format: {
              font: { bold: false, italic: false, name: "Calibri", size: 11, color: "#000000" },
              fill: { color: "#FFFFFF", pattern: "None" },
              horizontalAlignment: "General",
              wrapText: false,
              protection: { locked: true, formulaHidden: false },
            },
          },
        ],
      ]);
    });
  });

  test("only what was asked for is returned; an empty ask returns empty objects", async () => {
    const double = seeded();
    await double.run(async (context) => {
      const range = context.workbook.worksheets.getItem(SHEET).getRange("A1:B1");
      const a = range.getCellProperties({ addressLocal: true, hidden: true, style: true });
      const b = range.getCellProperties({});
      await context.sync();
      expect(a.value).toEqual([
        [
          { addressLocal: "'Sở A'!A1", hidden: false, style: "Normal" },
          { addressLocal: "'Sở A'!B1", hidden: false, style: "Normal" },
        ],
      ]);
      expect(b.value).toEqual([[{}, {}]]);
    });
  });

  test("the response counts toward the 5 MB limit like values; over it nothing is delivered", async () => {
    const double = seeded();
    await double.run(async (context) => {
      const props = context.workbook.worksheets
        .getItem(SHEET)
        .getRange("A3:A7")
        .getCellProperties({ format: { indentLevel: true } });
      await context.sync();
      expect(double.stats.requests[0]?.responseBytes).toBe(
        Buffer.byteLength(JSON.stringify(props.value), "utf8"),
      );
    });
    double.resetStats();
    double.faults.setResponseLimit(100);
    let props: { value: unknown } | undefined;
    const e = await rejection(
      double.run(async (context) => {
        props = context.workbook.worksheets
          .getItem(SHEET)
          .getRange("A1:C200")
          .getCellProperties({ address: true, format: { indentLevel: true } });
        await context.sync();
      }),
    );
    expect(e.code).toBe("ResponsePayloadSizeLimitExceeded");
    expect(thrown(() => props?.value).code).toBe("ValueNotLoaded");
    expect(double.stats.maxResponseBytes).toBeGreaterThan(100);
  });

  test("over the read-cell limit: RangeExceedsLimit", async () => {
    const double = seeded();
    double.faults.setReadCellLimit(10);
    const e = await rejection(
      double.run(async (context) => {
        context.workbook.worksheets
          .getItem(SHEET)
          .getRange("A1:C4")
          .getCellProperties({ format: { indentLevel: true } });
        await context.sync();
      }),
    );
    expect(e.code).toBe("RangeExceedsLimit");
  });

  test("the host checks the options at sync: unknown names and non-booleans are InvalidArgument", async () => {
    const asks: unknown[] = [
      { format: { indentLevels: true } },
      { adress: true },
      { format: { indentLevel: "yes" } },
      { format: true },
      { format: { font: { bold: 1 } } },
      null,
      undefined,
    ];
    for (const ask of asks) {
      const double = seeded();
      const e = await rejection(
        double.run(async (context) => {
          const range = context.workbook.worksheets.getItem(SHEET).getRange("A1");
          range.getCellProperties(ask as never); // queued without complaint
          await context.sync();
        }),
      );
      expect([JSON.stringify(ask), e.code, e.debugInfo.errorLocation]).toEqual([
        JSON.stringify(ask),
        "InvalidArgument",
        "Range.getCellProperties",
      ]);
    }
  });

  test("documented options the double does not simulate fail with NotImplemented", async () => {
    for (const ask of [
      { hyperlink: true },
      { format: { borders: { style: true } } },
      { format: { font: { superscript: true } } },
    ]) {
      const double = seeded();
      const e = await rejection(
        double.run(async (context) => {
          context.workbook.worksheets
            .getItem(SHEET)
            .getRange("A1")
            .getCellProperties(ask as never);
          await context.sync();
        }),
      );
      expect(e.code).toBe("NotImplemented");
    }
  });

  test("the options are taken when called (office.js serializes the argument then)", async () => {
    const double = seeded();
    await double.run(async (context) => {
      const ask: { format: { indentLevel?: boolean; wrapText?: boolean } } = {
        format: { indentLevel: true },
      };
      const props = context.workbook.worksheets.getItem(SHEET).getRange("A4").getCellProperties(ask);
      ask.format = { wrapText: true };
      await context.sync();
      expect(props.value).toEqual([[{ format: { indentLevel: 1 } }]]);
    });
  });

  test("a missing sheet fails the sync with ItemNotFound, like any method on it", async () => {
    const double = seeded();
    const e = await rejection(
      double.run(async (context) => {
        context.workbook.worksheets
          .getItem("Không có")
          .getRange("A1")
          .getCellProperties({ format: { indentLevel: true } });
        await context.sync();
      }),
    );
    expect(e.code).toBe("ItemNotFound");
  });

  test("a host without ExcelApi 1.9 throws ApiNotFound when called, as office.js does; nothing is sent", async () => {
    const double = seeded({ excelApi: "1.8" });
    expect(double.requirements.isSetSupported("ExcelApi", "1.9")).toBe(false);
    expect(double.requirements.isSetSupported("ExcelApi", "1.8")).toBe(true);
    await double.run(async (context) => {
      const range = context.workbook.worksheets.getItem(SHEET).getRange("A1");
      const e = thrown(() => range.getCellProperties({ format: { indentLevel: true } }));
      expect(e.code).toBe("ApiNotFound");
      expect(e.httpStatusCode).toBe(404);
      expect(e.debugInfo.errorLocation).toBe("Range.getCellProperties");
      expect(e.message).toBe(
        "The method or property Range.getCellProperties is part of the ExcelApi 1.9 requirement set, which is not available in your version of Excel.",
      );
      expect(context.debugInfo.pendingStatements.some((s) => s.includes("getCellProperties"))).toBe(false);
      await context.sync();
    });
    // The getItem/getRange instantiations were still sent, with the run's closing sync.
    expect(double.stats.requests.map((r) => r.ops)).toEqual([
      { "Workbook.worksheets": 1, "WorksheetCollection.getItem": 1, "Worksheet.getRange": 1 },
    ]);
    const current = createExcelDouble();
    expect(current.requirements.isSetSupported("ExcelApi", "1.9")).toBe(true);
    expect(current.requirements.isSetSupported("ExcelApi", "1.10")).toBe(true);
    expect(
      createExcelDouble(undefined, { excelApi: "1.10" }).requirements.isSetSupported("ExcelApi", "1.9"),
    ).toBe(true);
  });
});

describe("seeding and inspecting indent levels", () => {
  test("a seed sheet's indents (later entries win) show in inspection and in Range.format", async () => {
    const double = seeded();
    const s = double.workbook.sheet(SHEET);
    expect(["A3", "A4", "A5", "A6", "A7"].map((a) => s.cell(a).format.indentLevel)).toEqual([0, 1, 1, 2, 0]);
    double.workbook.setIndent(SHEET, "A3", 3);
    expect(s.cell("A3").format.indentLevel).toBe(3);
    await double.run(async (context) => {
      const f = context.workbook.worksheets.getItem(SHEET).getRange("A5").format;
      f.load("indentLevel");
      await context.sync();
      expect(f.indentLevel).toBe(1);
    });
  });

  test("a bad seed is refused when seeding", () => {
    expect(() => createExcelDouble({ sheets: [{ name: "x", indents: { A1: 1.5 } }] })).toThrow(/0 to 250/);
    expect(() => createExcelDouble({ sheets: [{ name: "x", indents: { A1: 251 } }] })).toThrow(/0 to 250/);
    expect(() => createExcelDouble({ sheets: [{ name: "x", indents: { "y!A1": 1 } }] })).toThrow(
      /local address/,
    );
  });
});
