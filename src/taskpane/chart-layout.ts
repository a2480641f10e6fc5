/**
 * The Kết quả chart's geometry, computed without the DOM so it can be tested: ranked horizontal
 * bars (self over verified) with the unit's name above them, a value axis with round ticks that
 * starts below the lowest score and shows its break, the classification cut-offs as labelled
 * lines, ties ("2=") and proposed awards (★) marked on each row.
 */

export interface ChartRow {
  readonly name: string;
  readonly rank: number;
  readonly tied: boolean;
  readonly award: string | null;
  readonly self: number | null;
  readonly verified: number | null;
}

export interface ChartInput {
  /** In ranking order. */
  readonly rows: readonly ChartRow[];
  readonly maxScore: number;
  /** The classification bands (minimum score and class name), any order. */
  readonly bands: readonly { readonly min: number; readonly label: string }[];
  /** The chart's width in CSS pixels (the pane's content width). */
  readonly width: number;
  /** Formats a number for the user's language (decimal comma in Vietnamese). */
  readonly format: (v: number) => string;
}

export interface ChartLayout {
  readonly width: number;
  readonly height: number;
  /** Where the plot (the bars) starts and ends horizontally. */
  readonly plotLeft: number;
  readonly plotRight: number;
  readonly axis: {
    readonly lo: number;
    readonly hi: number;
    /** True when the axis does not start at 0: a zig-zag marks the break at `plotLeft`. */
    readonly broken: boolean;
    /** The axis line's y. */
    readonly y: number;
    readonly ticks: readonly { readonly value: number; readonly x: number; readonly label: string }[];
  };
  /** The band cut-offs inside the axis, each a vertical line with its label on a label line. */
  readonly cutoffs: readonly {
    readonly value: number;
    readonly x: number;
    readonly label: string;
    /** The label's line (0 = top); labels that would overlap go one line down. */
    readonly line: number;
    /** "start" or "end": labels near the right edge are drawn leftwards. */
    readonly anchor: "start" | "end";
  }[];
  /** Where the cut-off lines start and end vertically. */
  readonly plotTop: number;
  readonly plotBottom: number;
  readonly rows: readonly {
    readonly y: number;
    /** "1", "2=" (tied), … */
    readonly rankLabel: string;
    /** The name, shortened with "…" to fit beside the values (the full name is in the title). */
    readonly name: string;
    readonly fullName: string;
    readonly award: string | null;
    readonly values: string;
    readonly self: { readonly x: number; readonly width: number; readonly y: number } | null;
    readonly verified: { readonly x: number; readonly width: number; readonly y: number } | null;
  }[];
}

export const CHART_FONT = 12;
const LINE = 16;
const BAR = 7;
const BAR_GAP = 2;
const ROW_GAP = 10;
const RANK_W = 26;
const AXIS_H = 22;
const RIGHT_PAD = 6;

/** A rough width of text at the chart's font: enough to keep labels apart and names short. */
export function textWidth(text: string, size = CHART_FONT): number {
  let w = 0;
  for (const ch of text.normalize("NFC")) w += /[\d ,.]/.test(ch) ? 0.55 : /[A-ZĐ]/.test(ch) ? 0.68 : 0.56;
  return w * size;
}

/** The text cut with "…" so it fits `max` pixels. */
export function fitText(text: string, max: number): string {
  if (textWidth(text) <= max) return text;
  const chars = [...text];
  while (chars.length > 1 && textWidth(`${chars.join("").trimEnd()}…`) > max) chars.pop();
  return `${chars.join("").trimEnd()}…`;
}

/**
 * The axis: from a round number below the lowest score (scores of a cluster sit close together,
 * 915–995 of 1000, and bars from 0 would all look the same) to the scale's maximum.
 */
export function chartAxis(values: readonly number[], maxScore: number): { lo: number; hi: number } {
  if (values.length === 0) return { lo: 0, hi: maxScore };
  const min = Math.min(...values);
  const max = Math.max(...values);
  const hiRaw = Math.max(max, Math.min(maxScore, max * 1.05));
  const step = Math.pow(10, Math.floor(Math.log10(Math.max(hiRaw, 1)))) / 20;
  const span = Math.max(hiRaw - min, step * 2);
  const lo = Math.max(0, Math.floor((min - span * 0.3) / step) * step);
  const hi = Math.ceil(hiRaw / step) * step;
  return { lo, hi: hi > lo ? hi : lo + step };
}

/** A round tick step (1, 2, 2.5 or 5 × 10ⁿ) giving at most `most` intervals over `span`. */
export function tickStep(span: number, most: number): number {
  const raw = span / Math.max(1, most);
  const p = Math.pow(10, Math.floor(Math.log10(raw)));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= raw) return m * p;
  return 10 * p;
}

export function chartLayout(input: ChartInput): ChartLayout {
  const { rows, maxScore, bands, width, format } = input;
  const values = rows.flatMap((r) => [r.self, r.verified]).filter((v): v is number => v !== null);
  const { lo, hi } = chartAxis(values, maxScore);
  const plotLeft = RANK_W;
  const plotRight = width - RIGHT_PAD;
  const plotW = Math.max(1, plotRight - plotLeft);
  const x = (v: number) => plotLeft + ((Math.min(Math.max(v, lo), hi) - lo) / (hi - lo)) * plotW;

  // Cut-off labels ("900 Xuất sắc") on lines above the plot; one that would overlap the previous
  // label on a line goes to the next line.
  const inside = bands
    .filter((b) => b.min > lo && b.min <= hi)
    .sort((a, b) => a.min - b.min)
    .map((b) => {
      const label = `${format(b.min)} ${b.label}`;
      const w = textWidth(label);
      const cx = x(b.min);
      const anchor: "start" | "end" = cx + 3 + w > width ? "end" : "start";
      const left = anchor === "start" ? cx + 3 : cx - 3 - w;
      return { value: b.min, x: cx, label, anchor, left, right: left + w };
    });
  const lineEnds: number[] = [];
  const cutoffs = inside.map((c) => {
    let line = lineEnds.findIndex((end) => c.left > end + 6);
    if (line < 0) line = lineEnds.length;
    lineEnds[line] = c.right;
    return { value: c.value, x: c.x, label: c.label, line, anchor: c.anchor };
  });
  const plotTop = lineEnds.length * LINE + (lineEnds.length > 0 ? 4 : 0);

  const rowH = LINE + BAR * 2 + BAR_GAP + ROW_GAP;
  const laid = rows.map((r, k) => {
    const y = plotTop + k * rowH;
    const values = [r.self, r.verified].map((v) => (v === null ? "—" : format(v))).join(" / ");
    const room = width - plotLeft - textWidth(values) - 8 - (r.award ? textWidth("★ ") : 0);
    const bar = (v: number | null, dy: number) =>
      v === null ? null : { x: plotLeft, width: Math.max(1, x(v) - plotLeft), y: y + LINE + dy };
    return {
      y,
      rankLabel: r.tied ? `${r.rank}=` : String(r.rank),
      name: fitText(r.name, Math.max(24, room)),
      fullName: r.name,
      award: r.award,
      values,
      self: bar(r.self, 0),
      verified: bar(r.verified, BAR + BAR_GAP),
    };
  });
  const plotBottom = plotTop + rows.length * rowH;

  // Round ticks; the start value is always labelled (it says where the cut axis begins), and a
  // round tick too close to it is dropped.
  const step = tickStep(hi - lo, Math.max(2, Math.floor(plotW / 52)));
  const ticks: { value: number; x: number; label: string }[] = [{ value: lo, x: x(lo), label: format(lo) }];
  for (let v = Math.ceil(lo / step) * step; v <= hi + 1e-9; v += step) {
    const value = Math.round(v * 1e6) / 1e6;
    if (value === lo) continue;
    const prev = ticks[ticks.length - 1];
    const label = format(value);
    if (prev && x(value) - prev.x < (textWidth(prev.label) + textWidth(label)) / 2 + 6) continue;
    ticks.push({ value, x: x(value), label });
  }
  return {
    width,
    height: plotBottom + AXIS_H,
    plotLeft,
    plotRight,
    plotTop,
    plotBottom,
    axis: { lo, hi, broken: lo > 0, y: plotBottom, ticks },
    cutoffs,
    rows: laid,
  };
}
