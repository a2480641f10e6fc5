/**
 * The browser preview: the built task pane beside a simulated workbook (the in-memory Excel
 * double, seeded from an .xlsx), for demos, training and the browser tests. Not Excel.
 *
 *   ?file=<url of an .xlsx>   another workbook (default: the bundled seed 000 sample)
 *   ?lang=en                  Office's display language English (default Vietnamese)
 *   ?theme=dark               Office's dark theme
 *   ?width=320                the pane's width in px (320–450)
 */
import { useSyncExternalStore } from "react";
import { createRoot } from "react-dom/client";
import { createExcelDouble } from "../../test/excel-double";
import { installFakeOffice } from "./office-fake";
import { seedFromXlsx } from "./xlsx-seed";
import { WorkbookView } from "./WorkbookView";

const params = new URLSearchParams(location.search);
const lang = params.get("lang") === "en" ? "en" : "vi";
const dark = params.get("theme") === "dark";
const DEFAULT_FILE = "samples/cum-thi-dua-so-2-nam-2022.xlsx";
const paneWidth = Math.min(Math.max(Number(params.get("width")) || 350, 280), 600);

const TEXT = {
  vi: {
    banner: "Bản xem thử — không phải Excel",
    other: "Preview — not Excel",
    open: "Mở tệp .xlsx khác",
    ribbon: "Thanh công cụ EMU (giả lập)",
    validate: "Kiểm tra",
    compute: "Xếp hạng",
    notice: "Tạo thông báo",
    forms: "Tạo phiếu chấm",
    sheets: "Các trang tính",
    edit: "Sửa ô",
    loading: "Đang mở sổ làm việc…",
    failed: "Không mở được sổ làm việc",
    hint: "Bấm một ô để chọn, bấm đúp để sửa.",
    workbook: "Sổ làm việc giả lập",
    pane: "Bảng điều khiển EMU",
  },
  en: {
    banner: "Preview — not Excel",
    other: "Bản xem thử — không phải Excel",
    open: "Open another .xlsx",
    ribbon: "EMU ribbon (simulated)",
    validate: "Validate",
    compute: "Compute ranking",
    notice: "Generate notice",
    forms: "Make forms",
    sheets: "Sheets",
    edit: "Edit cell",
    loading: "Opening the workbook…",
    failed: "Could not open the workbook",
    hint: "Click a cell to select it, double-click to edit.",
    workbook: "Simulated workbook",
    pane: "EMU task pane",
  },
}[lang];

document.documentElement.lang = lang;
if (dark) document.documentElement.classList.add("dark");

const office = installFakeOffice({ lang, dark });
const double = createExcelDouble();
double.install(globalThis);

// Every Excel.run (the pane's, the ribbon's) ends with a redraw of the grid.
let version = 0;
const chromeListeners = new Set<() => void>();
const bump = () => {
  version++;
  for (const l of chromeListeners) l();
};
const run = double.Excel.run;
double.Excel.run = (async (...args: unknown[]) => {
  try {
    return await (run as (...a: unknown[]) => Promise<unknown>)(...args);
  } finally {
    bump();
  }
}) as typeof run;

// Edits made "as the user" (typing in the grid, opening another file) reach the pane as Excel's
// worksheet-changed events would.
const paneListeners = new Set<() => void>();
const userEdited = () => {
  bump();
  for (const l of paneListeners) l();
};

let loadError: string | null = null;
async function load(source: string | File): Promise<void> {
  try {
    const data =
      typeof source === "string"
        ? await fetch(source).then((r) => {
            if (!r.ok) throw new Error(`${r.status} ${r.statusText}: ${source}`);
            return r.arrayBuffer();
          })
        : await source.arrayBuffer();
    const { seed, layout } = await seedFromXlsx(data);
    double.reset(seed);
    // Widths and merges go in through the API, as a user's workbook would have them.
    await run(async (context) => {
      for (const l of layout) {
        const ws = context.workbook.worksheets.getItem(l.sheet);
        for (const w of l.widths) ws.getRangeByIndexes(0, w.col, 1, 1).format.columnWidth = w.points;
        for (const m of l.merges) ws.getRange(m).merge(false);
      }
      await context.sync();
    });
    double.resetStats();
    loadError = null;
  } catch (e) {
    loadError = `${TEXT.failed}: ${e instanceof Error ? e.message : String(e)}`;
  }
  userEdited();
}

function Chrome() {
  const v = useSyncExternalStore(
    (l) => {
      chromeListeners.add(l);
      return () => chromeListeners.delete(l);
    },
    () => version,
  );
  const press = (name: string) => void office.press(name);
  return (
    <>
      <header className="bar">
        <strong className="banner" data-testid="preview-banner">
          {TEXT.banner} <span className="other">/ {TEXT.other}</span>
        </strong>
        <label className="file">
          {TEXT.open}
          <input
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            data-testid="file-picker"
            onChange={(e) => {
              const f = e.currentTarget.files?.[0];
              if (f) void load(f);
            }}
          />
        </label>
        <div className="ribbon" role="toolbar" aria-label={TEXT.ribbon}>
          <span className="ribbon-label">{TEXT.ribbon}:</span>
          <button onClick={() => press("validateSheet")}>{TEXT.validate}</button>
          <button onClick={() => press("computeRanking")}>{TEXT.compute}</button>
          <button onClick={() => press("generateNotice")}>{TEXT.notice}</button>
          <button onClick={() => press("makeForms")}>{TEXT.forms}</button>
        </div>
      </header>
      {loadError && (
        <p className="error" role="alert">
          {loadError}
        </p>
      )}
      <p className="hint">{TEXT.hint}</p>
      <WorkbookView workbook={double.workbook} version={v} onUserEdit={userEdited} labels={TEXT} />
    </>
  );
}

async function main(): Promise<void> {
  const chrome = document.getElementById("workbook");
  const pane = document.getElementById("root");
  if (!chrome || !pane) return;
  document.documentElement.style.setProperty("--pane-width", `${paneWidth}px`);
  chrome.setAttribute("aria-label", TEXT.workbook);
  pane.parentElement?.setAttribute("aria-label", TEXT.pane);
  createRoot(chrome).render(<Chrome />);
  await load(params.get("file") ?? DEFAULT_FILE);
  // The ribbon's handlers, registered through Office.actions.associate as in Excel.
  await import("../commands/index");
  // The benchmark times the pane's first render from here (test/bench/pane.ts).
  performance.mark("emu:pane-import");
  // As in the add-in (src/taskpane/index.tsx): the rules schema comes later, when needed.
  const [{ mountPane }, { excelAdapter }] = await Promise.all([
    import(/* webpackChunkName: "pane" */ "../taskpane/mount"),
    import(/* webpackChunkName: "pane" */ "../taskpane/adapter"),
  ]);
  mountPane(pane, {
    ...excelAdapter(),
    onWorkbookChanged(listener) {
      paneListeners.add(listener);
      return () => paneListeners.delete(listener);
    },
  });
  document.body.dataset.ready = "true";
}

void main();
