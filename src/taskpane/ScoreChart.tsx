import { mergeClasses } from "@fluentui/react-components";
import { useLayoutEffect, useRef, useState } from "react";
import { formatNumber, uiText, type Lang } from "../core";
import { CHART_FONT, chartLayout, textWidth, type ChartRow } from "./chart-layout";
import { useScoreChartStyles } from "./ScoreChart.styles";

export { chartAxis } from "./chart-layout";

/** The chart's width: the figure's own, followed as the pane is resized. */
function useWidth(fallback: number) {
  const ref = useRef<HTMLElement>(null);
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const w = Math.floor(el.getBoundingClientRect().width);
      if (w > 0) setWidth(w);
    };
    measure();
    const o = new ResizeObserver(measure);
    o.observe(el);
    return () => o.disconnect();
  }, []);
  return { ref, width };
}

/**
 * The ranking as horizontal bars (the pane is narrow and names are long, so each name gets its own
 * line above its bars), best first: self over verified, a value axis with round ticks whose
 * break is drawn when it does not start at 0, the classification cut-offs as labelled lines,
 * "2=" for a shared rank and ★ for a proposed award. Hand-made SVG (no chart library: the pane's
 * size budget), drawn at the pane's real width so the 12 px labels stay 12 px, in theme colours.
 */
export function ScoreChart({
  rows,
  maxScore,
  bands,
  lang,
}: {
  rows: readonly ChartRow[];
  maxScore: number;
  bands: readonly { readonly min: number; readonly label: string }[];
  lang: Lang;
}) {
  const s = useScoreChartStyles();
  const { ref, width } = useWidth(300);
  const n = (v: number | null) => (v === null ? "—" : formatNumber(v, lang));
  const L = chartLayout({ rows, maxScore, bands, width, format: (v) => formatNumber(v, lang) });
  const t = (k: Parameters<typeof uiText>[1], v?: Record<string, string>) => uiText(lang, k, v);
  const { axis } = L;
  const zig = `M ${L.plotLeft - 4} ${axis.y} l 2 -4 l 4 8 l 2 -4`;
  return (
    <figure className={s.figure} ref={ref}>
      <figcaption className={s.title} id="chart-title">
        {t("chartTitle")}
      </figcaption>
      <div className={s.legend} aria-hidden="true">
        <span>
          <span className={mergeClasses(s.swatch, s.swatchSelf)} />
          {t("colSelf")}
        </span>
        <span>
          <span className={mergeClasses(s.swatch, s.swatchVerified)} />
          {t("colVerified")}
        </span>
        {rows.some((r) => r.award) && <span>{t("chartAwardKey")}</span>}
        {rows.some((r) => r.tied) && <span>{t("chartTieKey")}</span>}
        {L.cutoffs.length > 0 && (
          <span>
            <span className={s.cutKey} />
            {t("chartCutKey")}
          </span>
        )}
      </div>
      <svg
        className={s.svg}
        width={L.width}
        height={L.height}
        viewBox={`0 0 ${L.width} ${L.height}`}
        role="img"
        aria-labelledby="chart-title chart-desc"
        data-testid="score-chart"
      >
        <desc id="chart-desc">
          {t("chartDescription")} {axis.broken ? `${t("chartAxisFrom", { from: n(axis.lo) })}. ` : ""}
          {bands.length > 0 &&
            `${t("chartCutoffs", {
              cutoffs: [...bands]
                .sort((a, b) => b.min - a.min)
                .map((b) => `${n(b.min)} ${b.label}`)
                .join(", "),
            })}. `}
          {rows
            .map((r) =>
              [
                t("chartRow", {
                  rank: r.tied ? t("chartRankTied", { rank: String(r.rank) }) : String(r.rank),
                  unit: r.name,
                  self: n(r.self),
                  verified: n(r.verified),
                }),
                r.award ? t("chartAwardOf", { award: r.award }) : "",
              ]
                .filter(Boolean)
                .join(", "),
            )
            .join("; ")}
        </desc>
        {L.cutoffs.map((c) => (
          <g key={c.value} data-testid="chart-cutoff">
            <line
              className={s.cut}
              x1={c.x}
              x2={c.x}
              y1={c.line * 16 + 14}
              y2={axis.y}
              strokeDasharray="3 3"
            />
            <text
              className={s.cutLabel}
              x={c.anchor === "start" ? c.x + 3 : c.x - 3}
              y={c.line * 16 + 12}
              textAnchor={c.anchor}
            >
              {c.label}
            </text>
          </g>
        ))}
        {L.rows.map((r, k) => (
          <g key={k} data-testid="chart-row">
            <title>{r.fullName}</title>
            <text className={mergeClasses(s.rank, r.rankLabel.endsWith("=") && s.tied)} x={0} y={r.y + 12}>
              {r.rankLabel}
            </text>
            <text className={s.label} x={L.plotLeft} y={r.y + 12}>
              {r.award && <tspan className={s.award}>★ </tspan>}
              {r.name}
            </text>
            <text className={s.value} x={L.width} y={r.y + 12} textAnchor="end">
              {r.values}
            </text>
            {r.self && (
              <rect className={s.self} x={r.self.x} y={r.self.y} width={r.self.width} height={7} rx={1} />
            )}
            {r.verified && (
              <rect
                className={s.verified}
                x={r.verified.x}
                y={r.verified.y}
                width={r.verified.width}
                height={7}
                rx={1}
              />
            )}
          </g>
        ))}
        <g data-testid="chart-axis">
          <line
            className={s.axis}
            x1={axis.broken ? L.plotLeft + 4 : L.plotLeft}
            x2={L.plotRight}
            y1={axis.y}
            y2={axis.y}
          />
          {axis.broken && <path className={s.zig} d={zig} data-testid="axis-break" />}
          {axis.ticks.map((tk) => {
            const w = textWidth(tk.label, CHART_FONT);
            const anchor = tk.x + w / 2 > L.width ? "end" : "middle";
            return (
              <g key={tk.value}>
                <line className={s.axis} x1={tk.x} x2={tk.x} y1={axis.y} y2={axis.y + 4} />
                <text
                  className={s.tick}
                  x={anchor === "end" ? L.width : tk.x}
                  y={axis.y + 17}
                  textAnchor={anchor}
                >
                  {tk.label}
                </text>
              </g>
            );
          })}
        </g>
      </svg>
    </figure>
  );
}
