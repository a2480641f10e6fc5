import { render, type RenderResult } from "@testing-library/react";
import { axe } from "jest-axe";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { Lang } from "../../src/core";
import { App } from "../../src/taskpane/App";
import { excelAdapter, type Adapter } from "../../src/taskpane/adapter";
import { createExcelDouble, type ExcelDouble, type SeedSheet } from "../excel-double";
import { CRITERIA_LIST_NAME, CRITERIA_LIST_ROWS } from "../helpers/forms";

/** Seed 000's summary table, under a title block, as a small sheet. */
export const SEED_000_SHEET: SeedSheet = {
  name: "Tổng hợp điểm",
  values: [
    ["CỤM THI ĐUA SỐ 2"],
    [],
    ["STT", "Đơn vị", "Điểm tự chấm", "Điểm chấm thẩm định", "Xếp loại"],
    [1, "Sở TT&TT Sơn La", 915, 915, ""],
    [2, "Sở TT&TT Lai Châu", 980, 960, ""],
    [3, "Sở TT&TT Điện Biên", 985, 985, ""],
    [4, "Sở TT&TT Lào Cai", 965, 965, ""],
    [5, "Sở TT&TT Hà Giang", 980, 915, ""],
    [6, "Sở TT&TT Cao Bằng", 975, 975, ""],
    [7, "Sở TT&TT Lạng Sơn", 995, 965, ""],
  ],
};

export const MESSY_SHEET: SeedSheet = {
  name: "Bảng điểm",
  values: [
    ["Đơn vị", "Tự chấm", "Thẩm định"],
    ["Sở A", 985, 985],
    ["Sở B", "chín trăm", 900],
    ["Sở C", 1100, 950],
  ],
};

/** The form tests' criteria list (group I: 10 + 20 points, a bonus section II), as a sheet. */
export const CRITERIA_LIST_SHEET: SeedSheet = { name: CRITERIA_LIST_NAME, values: CRITERIA_LIST_ROWS };

/** A summary of two units with no score yet: the units forms are made for. */
export const UNITS_SHEET: SeedSheet = {
  name: "Tổng hợp điểm",
  values: [
    ["STT", "Đơn vị", "Điểm tự chấm"],
    [1, "Sở A", null],
    [2, "Sở B", null],
  ],
};

export interface Harness {
  double: ExcelDouble;
  adapter: Adapter;
  view: RenderResult;
}

let uninstall: (() => void) | null = null;
afterEach(() => {
  uninstall?.();
  uninstall = null;
});

/** A double seeded with `sheets`, the real adapter over it (with any overrides), the pane rendered. */
export function renderPane(
  sheets: SeedSheet[] = [SEED_000_SHEET],
  opts: { lang?: Lang; override?: Partial<Adapter> } = {},
): Harness {
  const double = createExcelDouble({ sheets });
  uninstall = double.install();
  const adapter: Adapter = { ...excelAdapter(), ...opts.override };
  const view = render(
    <FluentProvider theme={webLightTheme}>
      <App adapter={adapter} lang={opts.lang ?? "vi"} />
    </FluentProvider>,
  );
  return { double, adapter, view };
}

/** jest-axe over a rendered view: no violations, listed by rule and element when there are. */
export async function noAxeViolations(container: HTMLElement): Promise<void> {
  const results = await axe(container, {
    // The pane is one region of Office's page: it has no page-level landmarks of its own to check.
    rules: { region: { enabled: false } },
  });
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`)).toEqual([]);
}
