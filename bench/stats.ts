/**
 * The few statistics and number formats the benches share (ours).
 */

/**
 * The `p`-th percentile (0-100) of `sorted` (ascending) by the nearest-rank-below rule; NaN for an
 * empty list.
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
