/** Small numeric helpers for the benchmark. */

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/** Least-squares fit of ms = a · n^b on log–log axes; null with fewer than two points. */
export function powerFit(points: readonly { n: number; ms: number }[]): { a: number; b: number } | null {
  const ps = points.filter((p) => p.n > 0 && p.ms > 0);
  if (ps.length < 2) return null;
  const xs = ps.map((p) => Math.log(p.n));
  const ys = ps.map((p) => Math.log(p.ms));
  const mx = xs.reduce((a, x) => a + x, 0) / xs.length;
  const my = ys.reduce((a, y) => a + y, 0) / ys.length;
  let sxy = 0;
  let sxx = 0;
  xs.forEach((x, i) => {
    sxy += (x - mx) * ((ys[i] as number) - my);
    sxx += (x - mx) ** 2;
  });
  if (sxx === 0) return null;
  const b = sxy / sxx;
  return { a: Math.exp(my - b * mx), b };
}

export const round = (x: number, digits = 1): number => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};
