import { render, type RenderResult } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { Lang } from "../../src/core";
import { App } from "../../src/taskpane/App";
import { excelAdapter, type Adapter } from "../../src/taskpane/adapter";
import { createExcelDouble, type ExcelDouble, type SeedSheet } from "../excel-double";

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
