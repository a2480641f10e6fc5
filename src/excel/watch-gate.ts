import { MARKS_SHEET_NAME, NOTICE_SHEET_BASE, RESULTS_SHEET_BASE } from "../core";

/**
 * When the pane's workbook watcher may call for a re-read (src/excel/pane.ts watchWorkbook): only
 * for a change on a sheet EMU reads — not on the sheets EMU writes (results, notice, its
 * bookkeeping), whose every write would otherwise trigger a needless full re-read — and never
 * while the pane is hidden: a change made meanwhile is read once, when the pane shows again.
 */
const WRITTEN = [RESULTS_SHEET_BASE.vi, RESULTS_SHEET_BASE.en, NOTICE_SHEET_BASE];

/**
 * Whether EMU reads a sheet of this name (its own output sheets, "… (2)" included, are not read).
 * @example readsSheet("Bảng điểm") //=> true
 * @example readsSheet("Thông báo kết quả (2)") //=> false
 */
export function readsSheet(name: string): boolean {
  if (name === MARKS_SHEET_NAME) return false;
  const base = name.replace(/ \(\d+\)$/, "");
  return !WRITTEN.includes(base);
}

export interface ChangeGate {
  /** A worksheet changed; `sheet` is its name, or null when it could not be resolved. */
  change(sheet: string | null): void;
  /** The pane was shown (true) or hidden (false). */
  visibility(visible: boolean): void;
}

/** @example const gate = changeGate(reload); gate.visibility(false); gate.change("Bảng điểm"); gate.visibility(true) // reload once */
export function changeGate(onChange: () => void, reads: (sheet: string) => boolean = readsSheet): ChangeGate {
  let visible = true;
  let missed = false;
  return {
    change(sheet) {
      if (sheet !== null && !reads(sheet)) return;
      if (!visible) {
        missed = true;
        return;
      }
      onChange();
    },
    visibility(v) {
      visible = v;
      if (v && missed) {
        missed = false;
        onChange();
      }
    },
  };
}
