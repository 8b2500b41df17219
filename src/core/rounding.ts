/**
 * Excel's ROUND: half away from zero. Only round-to-nearest reproduces the published report
 * (105 vs 91 is +15.38% and the report says "15% higher").
 * Scaling first and cleaning the product to 15 significant digits removes binary noise such as
 * 1.005 * 100 = 100.49999999999999, which Excel also treats as 100.5.
 */
export function excelRound(x: number, digits = 0): number {
  if (!Number.isFinite(x)) return x;
  const factor = Math.pow(10, digits);
  const scaled = Number((Math.abs(x) * factor).toPrecision(15));
  const rounded = Math.floor(scaled + 0.5) / factor;
  const signed = x < 0 ? -rounded : rounded;
  return signed === 0 ? 0 : signed; // no "-0%"
}

/** A fraction as a percent string with Excel rounding: 0.1538 -> "15%", 0.3151 at 1 dp -> "31.5%". */
export function formatPercent(fraction: number, digits = 0): string {
  return `${excelRound(fraction * 100, digits).toFixed(digits)}%`;
}

/**
 * One formatter for every count, made at the first (toLocaleString builds one at each call; making
 * it when the module loads would cost every command that prints no count the locale data's load).
 */
let countFormat: Intl.NumberFormat | null = null;

/** Thousands separators, as the report prints counts ("2,879"). */
export function formatCount(n: number): string {
  countFormat ??= new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });
  return countFormat.format(excelRound(n, 0));
}
