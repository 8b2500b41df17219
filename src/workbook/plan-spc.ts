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
export const SPC_HEADERS = ["Month", "Value", "Mean", "Lower process limit", "Upper process limit"];

/**
 * Writes the chart's data block (month, value, mean, limits) at `dataTop`, `dataCol` and returns the
 * XmR chart reading it, framed at `from`..`to`.
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
  });
  const first = top + 1;
  const last = top + spc.months.length;
  const range = (k: number) => columnRange(c + k, first, last);
  const points = spc.points.flatMap((p, index) =>
    p ? [{ index, color: SPC_COLORS[p.reading] }] : []
  );
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
        points,
      },
      { name: "Mean", values: range(2), type: "line", color: SPC_COLORS.mean, marker: false },
      limit("Lower process limit", 3),
      limit("Upper process limit", 4),
    ],
    valueAxisTitle: opts.valueAxisTitle,
    valueNumberFormat: "0",
    legend: "bottom",
  };
  // The lower limit is not floored at 0 (metrics.md); the chart clips it at its axis instead.
  if (spc.lower < 0 && spc.values.every((v) => v >= 0)) chart.valueAxisMin = 0;
  return chart;
}
