import type { Band } from "./rules";

/**
 * Rounds to 6 decimals so that computed totals like 89.99999999999999 compare as the 90 a person
 * typed, while 89.99 stays below 90. Scores are entered with at most a few decimals.
 */
export function canonicalScore(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/**
 * Classifies a score into the first band (highest minimum first) whose minimum it reaches.
 * Bands read "từ A đến dưới B", so a score equal to a minimum belongs to that band.
 * Returns null when the score is below every band.
 * @example classifyScore(915, presetRules("cum-1000").bands) //=> "Xuất sắc"
 * @example classifyScore(89.99, presetRules("nd335-100").bands) //=> "Hoàn thành tốt nhiệm vụ"
 */
export function classifyScore(score: number, bands: readonly Band[]): string | null {
  const s = canonicalScore(score);
  let best: Band | undefined;
  for (const b of bands) {
    if (s >= canonicalScore(b.min) && (best === undefined || b.min > best.min)) best = b;
  }
  return best?.label ?? null;
}

/**
 * The position of a class in the bands, 0 = best; -1 when the label is not a band.
 * @example bandRank("Tốt", presetRules("cum-1000").bands) //=> 1
 */
export function bandRank(label: string, bands: readonly Band[]): number {
  const sorted = [...bands].sort((a, b) => b.min - a.min);
  return sorted.findIndex((b) => b.label === label);
}
