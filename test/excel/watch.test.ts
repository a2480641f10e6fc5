/**
 * The pane's workbook watcher: a change on a sheet EMU reads calls for a re-read, a change on
 * EMU's own output sheets does not, and nothing is re-read while the pane is hidden (one re-read
 * when it shows again). Excel's worksheets.onChanged and Office.addin.onVisibilityModeChanged are
 * played by small fakes: the Excel double has no events.
 */
import { watchWorkbook } from "../../src/excel/pane";
import { changeGate, readsSheet } from "../../src/excel/watch-gate";

describe("which sheets EMU reads", () => {
  it("reads the user's sheets and its rules, not what it writes", () => {
    expect(readsSheet("Bảng điểm")).toBe(true);
    expect(readsSheet("Quy tắc xếp loại")).toBe(true);
    expect(readsSheet("Kết quả xếp hạng")).toBe(false);
    expect(readsSheet("Thông báo kết quả (2)")).toBe(false);
    expect(readsSheet("_EMU")).toBe(false);
  });
});

describe("the change gate", () => {
  it("holds changes while hidden and reports them once when shown", () => {
    const reload = jest.fn();
    const gate = changeGate(reload);
    gate.change("Bảng điểm");
    expect(reload).toHaveBeenCalledTimes(1);
    gate.visibility(false);
    gate.change("Bảng điểm");
    gate.change("Quy tắc xếp loại");
    expect(reload).toHaveBeenCalledTimes(1);
    gate.visibility(true);
    expect(reload).toHaveBeenCalledTimes(2);
    gate.change("Kết quả xếp hạng");
    expect(reload).toHaveBeenCalledTimes(2);
  });
});

describe("watchWorkbook over Excel's events", () => {
  const names: Record<string, string> = { "{1}": "Bảng điểm", "{2}": "Kết quả xếp hạng" };
  let fire: (args: { worksheetId: string }) => Promise<void>;
  let visibility: (args: { visibilityMode: string }) => void;
  beforeEach(() => {
    const context = {
      workbook: {
        worksheets: {
          onChanged: {
            add: (h: typeof fire) => {
              fire = h;
              return { context: null, remove: () => undefined };
            },
          },
          getItem: (id: string) => ({ name: names[id], load: () => undefined }),
        },
      },
      sync: async () => undefined,
    };
    const g = globalThis as Record<string, unknown>;
    g.Excel = {
      run: async (...a: unknown[]) => (a[a.length - 1] as (c: unknown) => Promise<unknown>)(context),
    };
    g.Office = {
      addin: {
        onVisibilityModeChanged: async (h: typeof visibility) => {
          visibility = h;
          return () => undefined;
        },
      },
    };
  });
  afterEach(() => {
    delete (globalThis as Record<string, unknown>).Excel;
    delete (globalThis as Record<string, unknown>).Office;
  });

  it("re-reads for the score sheet, not for EMU's results, and not while hidden", async () => {
    const reload = jest.fn();
    expect(await watchWorkbook(reload)).not.toBeNull();
    await fire({ worksheetId: "{2}" });
    expect(reload).not.toHaveBeenCalled();
    await fire({ worksheetId: "{1}" });
    expect(reload).toHaveBeenCalledTimes(1);
    visibility({ visibilityMode: "Hidden" });
    await fire({ worksheetId: "{1}" });
    await fire({ worksheetId: "{1}" });
    expect(reload).toHaveBeenCalledTimes(1);
    visibility({ visibilityMode: "Taskpane" });
    expect(reload).toHaveBeenCalledTimes(2);
  });
});
