import { subscribe, type SessionEvent } from "../../src/app/session";
import { createExcelDouble } from "../excel-double";

/**
 * The ribbon's handlers exist as soon as the commands bundle has run, before Office.onReady
 * resolves: Excel delivers the click that loaded the runtime right away, and a handler registered
 * later misses it (office-js #5176: "the first click does nothing").
 */
const associated = new Map<string, (event: { completed: () => void }) => Promise<void>>();
const paneShown = jest.fn(async () => undefined);

beforeAll(async () => {
  const office = {
    // An onReady that never resolves: nothing may wait for it.
    onReady: () => new Promise(() => undefined),
    actions: {
      associate: (name: string, fn: (event: { completed: () => void }) => Promise<void>) =>
        associated.set(name, fn),
    },
    context: { displayLanguage: "vi-VN" },
    addin: { showAsTaskpane: paneShown },
  };
  (globalThis as Record<string, unknown>).Office = office;
  await import("../../src/commands/index");
});
beforeEach(() => paneShown.mockClear());
afterAll(() => {
  delete (globalThis as Record<string, unknown>).Office;
});

it("associates every ribbon action at import, without waiting for Office.onReady", () => {
  expect([...associated.keys()].sort()).toEqual([
    "computeRanking",
    "conferenceVote",
    "generateNotice",
    "makeForms",
    "makePledge",
    "validateSheet",
  ]);
});

it("completes the event even when the command fails (no Excel here)", async () => {
  const completed = jest.fn();
  await associated.get("validateSheet")!({ completed });
  expect(completed).toHaveBeenCalledTimes(1);
});

/*
 * The entry holds the associations only; each command's code is a chunk fetched on the first click
 * (the first load stays small). Clicked through the association, the command does all it did when
 * its code was loaded up front.
 */
it("runs Validate through the association: the first problem selected, the pane opened", async () => {
  const double = createExcelDouble({
    sheets: [
      {
        name: "Bảng điểm",
        values: [
          ["Đơn vị", "Tự chấm", "Thẩm định"],
          ["Sở A", 985, 985],
          ["Sở B", 900, "chín trăm"],
        ],
      },
    ],
  });
  const uninstall = double.install();
  const events: SessionEvent[] = [];
  const stop = subscribe((e) => events.push(e));
  try {
    const completed = jest.fn();
    await associated.get("validateSheet")!({ completed });
    expect(completed).toHaveBeenCalledTimes(1);
    expect(double.workbook.selection).toBe("'Bảng điểm'!C3");
    expect(paneShown).toHaveBeenCalled();
    const last = events.at(-1);
    expect(last?.kind).toBe("validate");
    expect(last?.outcome?.issues.some((i) => i.severity === "error")).toBe(true);
  } finally {
    stop();
    uninstall();
  }
});

it("runs Compute ranking through the association: the results sheet written", async () => {
  const double = createExcelDouble({
    sheets: [
      {
        name: "Bảng điểm",
        values: [
          ["Đơn vị", "Tự chấm", "Thẩm định"],
          ["Sở A", 985, 985],
          ["Sở B", 900, 910],
        ],
      },
    ],
  });
  const uninstall = double.install();
  try {
    const completed = jest.fn();
    await associated.get("computeRanking")!({ completed });
    expect(completed).toHaveBeenCalledTimes(1);
    const cells = double.workbook.sheet("Kết quả xếp hạng").values().flat();
    // Sở A (985) ranks before Sở B (910).
    expect(cells.indexOf("Sở A")).toBeGreaterThan(-1);
    expect(cells.indexOf("Sở A")).toBeLessThan(cells.indexOf("Sở B"));
  } finally {
    uninstall();
  }
});

it("says so in the pane when a command's code cannot be fetched, and completes the event", async () => {
  const local = new Map<string, (event: { completed: () => void }) => Promise<void>>();
  const office = {
    actions: {
      associate: (name: string, fn: (event: { completed: () => void }) => Promise<void>) =>
        local.set(name, fn),
    },
    context: { displayLanguage: "vi-VN" },
    addin: { showAsTaskpane: paneShown },
  };
  const saved = (globalThis as Record<string, unknown>).Office;
  (globalThis as Record<string, unknown>).Office = office;
  const events: SessionEvent[] = [];
  try {
    await jest.isolateModulesAsync(async () => {
      // The network dropped between the first load and the click: the chunk's import rejects.
      jest.doMock("../../src/commands/handlers", () => {
        throw new Error("Loading chunk ribbon-commands failed.");
      });
      jest.doMock("../../src/commands/conference-command", () => {
        throw new Error("Loading chunk conference-command failed.");
      });
      const session = await import("../../src/app/session");
      session.subscribe((e) => events.push(e));
      await import("../../src/commands/index");
    });
    for (const [name, kind] of [
      ["generateNotice", "notice"],
      ["conferenceVote", "conference"],
    ] as const) {
      const completed = jest.fn();
      await local.get(name)!({ completed });
      expect(completed).toHaveBeenCalledTimes(1);
      const last = events.at(-1);
      expect(last?.kind).toBe(kind);
      expect(last?.error).toMatch(/Loading chunk/);
    }
    expect(paneShown).toHaveBeenCalledTimes(2);
  } finally {
    jest.dontMock("../../src/commands/handlers");
    jest.dontMock("../../src/commands/conference-command");
    (globalThis as Record<string, unknown>).Office = saved;
  }
});
