/**
 * The few statistics and number formats the benches share (ours).
 */

/**
 * The `p`-th percentile (0-100) of `sorted` (ascending): the value at index ⌊p/100 · n⌋ (capped at
 * the last), i.e. the first value with more than p % of the list below or at it in rank; NaN for an
 * empty list. Ours (one rule for every bench, so their figures compare).
 */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

/** The median of the finite values of `xs` (the mean of the two middle ones for an even count); NaN when none is finite. */
export function median(xs: number[]): number {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/** `n` in en-US digits with exactly `digits` decimals, or `n/a` when it is not finite. */
export function fmt(n: number, digits = 0): string {
  return Number.isFinite(n) ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : 'n/a';
}
