import { SpcModel } from "./model-types";
import { SheetBuilder, columnRange } from "./plan-sheet";
import { PlanChart } from "./plan-types";
import { HEADER } from "./plan-summary";

/**
 * Making Data Count's colours (NHSRplotthedots' defaults): grey for common cause, blue for improving
 * and orange for concerning special cause, a black mean and grey limits. The sentence under each chart
 * names the same months in words (spc-text.ts says "blue" and "orange"), so colour is never the only signal.
 */
export const SPC_COLORS = {
  value: "7F7F7F",
  improving: "00B0F0",
  concerning: "E46C0A",
  mean: "000000",
  limit: "A6A6A6",
} as const;

const ONE_DP = "0.0";
export const SPC_HEADERS = [
  "Month",
  "Value",
  "Mean",
  "Lower process limit",
  "Upper process limit",
  "Improving (special cause)",
  "Concerning (special cause)",
];
/** The special-cause series: legend entries that say what the colours mean. */
const SPECIAL = [
  { reading: "improving", name: "Special cause: improving", k: 5 },
  { reading: "concerning", name: "Special cause: concerning", k: 6 },
] as const;

/**
 * Writes the chart's data block (month, value, mean, limits, and the value again in the column of
 * its special-cause reading) at `dataTop`, `dataCol` and returns the XmR chart reading it, framed at
 * `from`..`to`. Special-cause months are series of their own, markers without a line and blank at
 * every other month, as Making Data Count's charts draw them: every renderer shows a series'
 * colour, where LibreOffice draws per-point colours (c:dPt) in the line's grey.
 */
export function spcChart(
  b: SheetBuilder,
  spc: SpcModel,
  opts: {
    title: string;
    valueName: string;
    dataTop: number;
    dataCol: number;
    from: { row: number; col: number };
    to: { row: number; col: number };
    valueAxisTitle: string;
  }
): PlanChart {
  const { dataTop: top, dataCol: c } = opts;
  b.row(top, c, SPC_HEADERS, HEADER);
  spc.months.forEach((month, i) => {
    const r = top + 1 + i;
    b.set(r, c, month);
    b.set(r, c + 1, spc.values[i] ?? null, "#,##0");
    b.set(r, c + 2, spc.mean, ONE_DP);
    b.set(r, c + 3, spc.lower, ONE_DP);
    b.set(r, c + 4, spc.upper, ONE_DP);
    const p = spc.points[i];
    const v = spc.values[i];
    for (const sp of SPECIAL)
      if (p?.reading === sp.reading && v !== undefined) b.set(r, c + sp.k, v, "#,##0");
  });
  const first = top + 1;
  const last = top + spc.months.length;
  const range = (k: number) => columnRange(c + k, first, last);
  const limit = (name: string, k: number) => ({
    name,
    values: range(k),
    type: "line" as const,
    color: SPC_COLORS.limit,
    dash: "dash" as const,
    marker: false,
  });
  const chart: PlanChart = {
    kind: "spc",
    title: opts.title,
    from: opts.from,
    to: opts.to,
    categories: range(0),
    series: [
      {
        name: opts.valueName,
        values: range(1),
        type: "line",
        color: SPC_COLORS.value,
        marker: true,
      },
      { name: "Mean", values: range(2), type: "line", color: SPC_COLORS.mean, marker: false },
      limit("Lower process limit", 3),
      limit("Upper process limit", 4),
      // Only the readings that occur: the legend names the colours the chart shows.
      ...SPECIAL.filter((sp) => spc.points.some((p) => p?.reading === sp.reading)).map((sp) => ({
        name: sp.name,
        values: range(sp.k),
        type: "line" as const,
        color: SPC_COLORS[sp.reading],
        marker: true,
        line: false,
      })),
    ],
    valueAxisTitle: opts.valueAxisTitle,
    valueNumberFormat: "0",
    legend: "bottom",
  };
  // The lower limit is not floored at 0 (metrics.md); the chart clips it at its axis instead.
  if (spc.lower < 0 && spc.values.every((v) => v >= 0)) chart.valueAxisMin = 0;
  return chart;
}
