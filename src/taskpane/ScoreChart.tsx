import { mergeClasses } from "@fluentui/react-components";
import { formatNumber, uiText, type Lang } from "../core";
import { useScoreChartStyles } from "./ScoreChart.styles";

export interface ChartUnit {
  readonly name: string;
  readonly self: number | null;
  readonly verified: number | null;
}

/**
 * The axis: from a round number below the lowest score (scores of a cluster sit close together,
 * 915–995 of 1000, and bars from 0 would all look the same) to the scale's maximum. The start
 * is printed under the chart, so the cut axis is never hidden.
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

const W = 300;
const LABEL_H = 14;
const BAR_H = 8;
const GAP = 10;
const VALUE_W = 34;

/**
 * Self vs verified scores per unit, as a small SVG bar chart: no library (the pane's budget, and
 * nothing to load for 5–15 bars), readable in light and dark themes, with a text alternative.
 */
export function ScoreChart({
  units,
  maxScore,
  lang,
}: {
  units: readonly ChartUnit[];
  maxScore: number;
  lang: Lang;
}) {
  const s = useScoreChartStyles();
  const values = units.flatMap((u) => [u.self, u.verified]).filter((v): v is number => v !== null);
  const { lo, hi } = chartAxis(values, maxScore);
  const rowH = LABEL_H + BAR_H * 2 + 2 + GAP;
  const height = units.length * rowH + 4;
  const plotW = W - VALUE_W;
  const x = (v: number) => Math.max(1, ((Math.min(v, hi) - lo) / (hi - lo)) * plotW);
  const n = (v: number | null) => (v === null ? "—" : formatNumber(v, lang));
  return (
    <figure className={s.figure}>
      <div className={s.legend} aria-hidden="true">
        <span>
          <span className={mergeClasses(s.swatch, s.swatchSelf)} />
          {uiText(lang, "colSelf")}
        </span>
        <span>
          <span className={mergeClasses(s.swatch, s.swatchVerified)} />
          {uiText(lang, "colVerified")}
        </span>
      </div>
      <svg
        className={s.svg}
        viewBox={`0 0 ${W} ${height}`}
        role="img"
        aria-labelledby="chart-title chart-desc"
        data-testid="score-chart"
      >
        <title id="chart-title">{uiText(lang, "chartTitle")}</title>
        <desc id="chart-desc">
          {uiText(lang, "chartDescription")}{" "}
          {units
            .map((u) => uiText(lang, "chartBar", { unit: u.name, self: n(u.self), verified: n(u.verified) }))
            .join("; ")}
        </desc>
        {units.map((u, k) => {
          const y = k * rowH;
          return (
            <g key={k}>
              <text className={s.label} x={0} y={y + LABEL_H - 3}>
                {u.name}
              </text>
              {u.self !== null && (
                <>
                  <rect className={s.self} x={0} y={y + LABEL_H} width={x(u.self)} height={BAR_H} rx={1} />
                  <text className={s.value} x={x(u.self) + 3} y={y + LABEL_H + BAR_H - 1}>
                    {n(u.self)}
                  </text>
                </>
              )}
              {u.verified !== null && (
                <>
                  <rect
                    className={s.verified}
                    x={0}
                    y={y + LABEL_H + BAR_H + 2}
                    width={x(u.verified)}
                    height={BAR_H}
                    rx={1}
                  />
                  <text className={s.value} x={x(u.verified) + 3} y={y + LABEL_H + BAR_H * 2 + 1}>
                    {n(u.verified)}
                  </text>
                </>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption className={s.caption}>
        {uiText(lang, "chartAxisFrom", { from: formatNumber(lo, lang) })}
      </figcaption>
    </figure>
  );
}
