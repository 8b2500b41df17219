import { countNoun, longDate, parseIsoDate } from "../core";
import { MeasureResult, PriorityGroup, ReportModel } from "./model-types";
import { SheetBuilder, columnRange } from "./plan-sheet";
import { PlanSheet } from "./plan-types";
import { reportHeads } from "./plan-page";
import { FORMATS, HEADER } from "./plan-summary";
import { spcChart } from "./plan-spc";
import { noSpcText } from "./model-spc";

/** Line colours by year: the current year stands out, the baseline is dashed. */
const TREND_COLORS = { current: "1F4E79", previous: "A5A5A5", baseline: "ED7D31" } as const;
const BAR = "9DC3E6";
const BAR_OWN = "C55A11";
const MEAN_LINE = "404040";

const CHART_COLS = 8; // the chart frame spans columns A..H
const CHART_ROWS = 16;
/** A position chart grows with its group but stays short enough for its figure to fit a page. */
const MAX_CHART_ROWS = 40;
const DATA_COL = 10; // chart data sits from column K, beside its chart
/** XmR data from column P: a series can be longer than its chart is tall, so it has its own columns. */
const SPC_COL = DATA_COL + 5;

function trendSection(b: SheetBuilder, m: MeasureResult, top: number): number {
  const t = m.trend;
  if (!t) return top;
  b.caption(top, `Figure ${m.figure}: ${m.label}`, CHART_COLS);
  // Data block: Month | one column per year.
  const dataTop = top + 1;
  b.set(dataTop, DATA_COL, "Month", undefined, HEADER);
  t.series.forEach((s, i) => b.set(dataTop, DATA_COL + 1 + i, s.label, undefined, HEADER));
  t.months.forEach((month, k) => {
    b.set(dataTop + 1 + k, DATA_COL, month);
    t.series.forEach((s, i) =>
      b.set(dataTop + 1 + k, DATA_COL + 1 + i, s.values[k] ?? null, FORMATS.count)
    );
  });
  b.chart({
    kind: "trend",
    title: `Recorded ${countNoun(m.label)} by month`,
    from: { row: top + 1, col: 0 },
    to: { row: top + 1 + CHART_ROWS, col: CHART_COLS },
    categories: columnRange(DATA_COL, dataTop + 1, dataTop + 12),
    series: t.series.map((s, i) => ({
      name: s.label,
      values: columnRange(DATA_COL + 1 + i, dataTop + 1, dataTop + 12),
      type: "line" as const,
      color: TREND_COLORS[s.role],
      dash: s.role === "baseline" ? ("dash" as const) : ("solid" as const),
      marker: s.role === "current",
    })),
    valueAxisTitle: "Recorded offences",
    valueNumberFormat: "0",
    legend: "bottom",
  });
  const sentenceRow = top + 2 + CHART_ROWS;
  b.paragraph(sentenceRow, m.narrative, CHART_COLS, 48).keep(top, sentenceRow, "figure");
  return sentenceRow + 2;
}

/** The XmR figure after the trend figure; a measure with too few months says so instead. */
function spcSection(b: SheetBuilder, m: MeasureResult, top: number, data: { row: number }): number {
  const spc = m.spc;
  if (!spc) {
    b.paragraph(top, noSpcText(m.label, m.spcMonths), CHART_COLS, 0, {
      italic: true,
      color: "595959",
    });
    return top + 2;
  }
  b.caption(top, `Figure ${m.spcFigure}: ${m.label} – variation over time (XmR chart)`, CHART_COLS);
  const dataTop = Math.max(top + 1, data.row);
  b.set(dataTop - 1, SPC_COL, `Figure ${m.spcFigure}`, undefined, {
    italic: true,
    color: "595959",
  });
  b.chart(
    spcChart(b, spc, {
      title: `Recorded ${countNoun(m.label)} per month, mean and process limits`,
      valueName: m.label,
      dataTop,
      dataCol: SPC_COL,
      from: { row: top + 1, col: 0 },
      to: { row: top + 1 + CHART_ROWS, col: CHART_COLS },
      valueAxisTitle: "Recorded offences",
    })
  );
  data.row = dataTop + spc.months.length + 3;
  const sentenceRow = top + 2 + CHART_ROWS;
  b.paragraph(sentenceRow, spc.sentence, CHART_COLS, 78).keep(top, sentenceRow, "figure");
  return sentenceRow + 2;
}

function positionSection(b: SheetBuilder, m: MeasureResult, top: number): number {
  const p = m.peer;
  if (!p) return top;
  const end = parseIsoDate(p.periodEnd);
  b.caption(
    top,
    `Figure ${m.positionFigure}: ${m.label} – Position against most similar group`,
    CHART_COLS
  );
  const dataTop = top + 1;
  b.row(dataTop, DATA_COL, ["Partnership", "Rate per 1,000", "MSG mean"], HEADER);
  p.members.forEach((member, k) => {
    const r = dataTop + 1 + k;
    b.set(r, DATA_COL, member.name, undefined, member.isPartnership ? { bold: true } : undefined);
    b.set(r, DATA_COL + 1, member.rate, FORMATS.perThousand);
    b.set(r, DATA_COL + 2, p.mean, FORMATS.perThousand);
  });
  const lastData = dataTop + p.members.length;
  const ownIndex = p.members.findIndex((x) => x.isPartnership);
  const rows = Math.min(MAX_CHART_ROWS, Math.max(CHART_ROWS, p.members.length + 2));
  b.chart({
    kind: "position",
    title: `Rate per 1,000 people${end ? `, period ending ${longDate(end)}` : ""}`,
    from: { row: top + 1, col: 0 },
    to: { row: top + 1 + rows, col: CHART_COLS },
    categories: columnRange(DATA_COL, dataTop + 1, lastData),
    series: [
      {
        name: "Rate per 1,000",
        values: columnRange(DATA_COL + 1, dataTop + 1, lastData),
        type: "column",
        color: BAR,
        points: ownIndex >= 0 ? [{ index: ownIndex, color: BAR_OWN }] : [],
      },
      {
        name: "MSG mean",
        values: columnRange(DATA_COL + 2, dataTop + 1, lastData),
        type: "line",
        color: MEAN_LINE,
        dash: "dash",
        marker: false,
      },
    ],
    valueAxisTitle: "Crimes per 1,000 people",
    valueNumberFormat: "0.00",
    legend: "bottom",
  });
  const sentenceRow = top + 2 + rows;
  b.paragraph(sentenceRow, p.sentence, CHART_COLS, 36).keep(top, sentenceRow, "figure");
  return sentenceRow + 2;
}

/** One sheet per priority: each measure's trend figure and position figure with their sentences. */
export function prioritySheet(
  model: ReportModel,
  group: PriorityGroup,
  name: string
): PlanSheet | null {
  const measures = group.measures
    .map((id) => model.measures.find((m) => m.id === id))
    .filter(
      (m): m is MeasureResult => m !== undefined && m.trend !== null && m.placement === "priority"
    );
  if (measures.length === 0) return null;
  const b = new SheetBuilder(name, "priority", {
    orientation: "portrait",
    lastCol: CHART_COLS,
  }).widths([12, 12, 12, 12, 12, 12, 12, 12, 12, 4, 24, 14, 14, 14, 4, 12, 10, 10, 19, 19, 24, 24]);
  const title = group.number ? `Priority ${group.number}: ${group.title}` : group.title;
  b.text(0, 0, CHART_COLS, title, { bold: true, size: 16, color: "1F4E79", wrap: true }, 0);
  b.text(
    1,
    0,
    CHART_COLS,
    `${model.partnership}, ${model.period.label}: ${model.window.phrase}.`,
    { italic: true, wrap: true },
    0
  );
  b.set(1, DATA_COL, "Chart data (the charts read these cells)", undefined, {
    italic: true,
    color: "595959",
  });
  let top = 3;
  const spcData = { row: 3 };
  for (const m of measures) {
    top = trendSection(b, m, top);
    top = spcSection(b, m, top, spcData);
    top = positionSection(b, m, top);
  }
  return b.finish(reportHeads(model));
}
