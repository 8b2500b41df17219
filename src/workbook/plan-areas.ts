import { mapFrame } from "../core";
import { AreaMeasure, AreaResult, AreasModel, ReportModel } from "./model-types";
import { SheetBuilder, columnRange } from "./plan-sheet";
import { PlanChart, PlanMap, PlanSheet, PlanStyle } from "./plan-types";
import { reportHeads } from "./plan-page";
import { FORMATS, HEADER } from "./plan-summary";
import { SPC_COLORS } from "./plan-spc";

/** Bars and bubbles: the current window dark, the comparator light, rising areas orange. */
export const AREA_COLORS = {
  current: "1F4E79",
  comparator: "A5A5A5",
  area: "5B9BD5",
  rising: SPC_COLORS.concerning,
} as const;

const COLUMNS = [
  "Rank",
  "Area code",
  "Area name",
  "Crime",
  "Comparator",
  "Change",
  "z",
  "Variation (SPC)",
  "ASB",
  "ASB comparator",
  "ASB change",
  "ASB z",
  "ASB variation (SPC)",
  "Flags",
];
const WIDTHS = [6, 11, 28, 9, 11, 9, 8, 26, 9, 11, 9, 8, 26, 40];
const LAST_COL = COLUMNS.length - 1;
/** Chart data from column Q, beside the table and the charts. */
const DATA_COL = LAST_COL + 3;
const CHART_COLS = 8;
/** Points per row where the sheet leaves Excel's default height (15 points). */
const ROW_POINTS = 15;
/** The map's size in points and its plot area (inside the axes) as fractions of it. */
const MAP = { width: 560, height: 470, plot: { x: 0.1, y: 0.09, w: 0.85, h: 0.74 } } as const;
const NA: PlanStyle = { italic: true, color: "7F7F7F", align: "right" };
const FLAG_STYLE: PlanStyle = { bold: true, color: "C55A11", wrap: true };
const TITLE: PlanStyle = { bold: true, size: 16, color: "1F4E79", wrap: true };
const NOTE: PlanStyle = { italic: true, color: "595959" };

/** A bar's label: the area's name, and "rising" in words where it is (not only its colour). */
const barLabel = (a: AreaResult) => (a.allCrime.rising ? `${a.name} (rising)` : a.name);

function barsFigure(
  b: SheetBuilder,
  areas: AreasModel,
  top: number
): { next: number; dataNext: number } {
  const n = areas.chartAreas;
  b.caption(top, `Figure ${areas.figures.bar}: The ${n} areas with the most crime`, CHART_COLS);
  if (n === 0) {
    b.paragraph(top + 1, "No area has a count for the current window.", CHART_COLS, 0, NOTE);
    b.keep(top, top + 1, "text");
    return { next: top + 3, dataNext: top + 1 };
  }
  // Most crime last: Excel draws a bar chart's first category at the bottom.
  const shown = areas.areas.slice(0, n).reverse();
  const dataTop = top + 1;
  b.row(dataTop, DATA_COL, ["Area (most crime last)", "Crime", "Comparator"], HEADER);
  shown.forEach((a, i) => {
    const r = dataTop + 1 + i;
    b.set(r, DATA_COL, barLabel(a));
    b.set(r, DATA_COL + 1, a.allCrime.current, FORMATS.count);
    b.set(r, DATA_COL + 2, a.allCrime.comparator, FORMATS.count);
  });
  const first = dataTop + 1;
  const last = dataTop + n;
  const rows = Math.max(16, Math.ceil(n * 1.2) + 6);
  const rising = shown.flatMap((a, index) =>
    a.allCrime.rising ? [{ index, color: AREA_COLORS.rising }] : []
  );
  const series: PlanChart["series"] = [
    {
      name: `Crime, ${areas.window.phrase}`,
      values: columnRange(DATA_COL + 1, first, last),
      type: "bar",
      color: AREA_COLORS.current,
      points: rising,
    },
  ];
  if (areas.comparator)
    series.push({
      name: `Comparator, ${areas.comparator.phrase.replace(/^the /, "")}`,
      values: columnRange(DATA_COL + 2, first, last),
      type: "bar",
      color: AREA_COLORS.comparator,
    });
  b.chart({
    kind: "areas",
    title: "Recorded crime by area (all crime but anti-social behaviour)",
    from: { row: top + 1, col: 0 },
    to: { row: top + 1 + rows, col: CHART_COLS },
    categories: columnRange(DATA_COL, first, last),
    series,
    valueAxisTitle: "Recorded crimes",
    valueNumberFormat: "0",
    legend: "bottom",
  });
  const sentence = top + 2 + rows;
  b.paragraph(sentence, areas.sentences.bar, CHART_COLS, 48).keep(top, sentence, "figure");
  return { next: sentence + 2, dataNext: last + 3 };
}

/** The map's frame: a kilometre the same length across and up its plot area. */
export function mapOf(areas: readonly AreaResult[]): PlanMap | null {
  const points = areas.flatMap((a) =>
    a.longitude !== null && a.latitude !== null ? [{ x: a.longitude, y: a.latitude }] : []
  );
  const frame = mapFrame(points, {
    width: MAP.width * MAP.plot.w,
    height: MAP.height * MAP.plot.h,
  });
  if (!frame) return null;
  return {
    width: MAP.width,
    height: MAP.height,
    plot: { ...MAP.plot },
    x: { min: frame.xMin, max: frame.xMax, title: "Longitude" },
    y: { min: frame.yMin, max: frame.yMax, title: "Latitude" },
    bubbleScale: 30,
  };
}

function mapFigure(
  b: SheetBuilder,
  areas: AreasModel,
  top: number,
  dataTop: number
): { next: number; dataNext: number } {
  b.caption(top, `Figure ${areas.figures.map}: Map of the areas`, CHART_COLS);
  const placed = areas.areas.filter((a) => a.longitude !== null && a.latitude !== null);
  const map = mapOf(placed);
  if (!map || placed.length === 0) {
    b.paragraph(top + 1, "No area has a map point, so there is no map.", CHART_COLS, 0, NOTE);
    b.keep(top, top + 1, "text");
    return { next: top + 3, dataNext: dataTop };
  }
  // The areas not rising first, then the rising ones: one series each, in adjacent blocks.
  const others = placed.filter((a) => !a.allCrime.rising);
  const rising = placed.filter((a) => a.allCrime.rising);
  const c = DATA_COL;
  b.row(dataTop, c, ["Area (map)", "Longitude", "Latitude", "Crime", "Label"], HEADER);
  [...others, ...rising].forEach((a, i) => {
    const r = dataTop + 1 + i;
    b.set(r, c, a.name);
    b.set(r, c + 1, a.longitude, "0.0000");
    b.set(r, c + 2, a.latitude, "0.0000");
    // A bubble's size is its crime; an area with none yet still shows, as the smallest bubble.
    b.set(r, c + 3, a.allCrime.current ?? 0, FORMATS.count);
    // Labels name the rising areas and the ten with the most crime; the table lists the rest.
    b.set(r, c + 4, a.allCrime.rising || a.top ? a.name : null);
  });
  const block = (from: number, count: number, name: string, color: string) => {
    const f = dataTop + 1 + from;
    const l = f + count - 1;
    return {
      name,
      values: columnRange(c + 2, f, l),
      xValues: columnRange(c + 1, f, l),
      sizes: columnRange(c + 3, f, l),
      labels: columnRange(c + 4, f, l),
      type: "bubble" as const,
      color,
    };
  };
  const series: PlanChart["series"] = [];
  if (others.length > 0) series.push(block(0, others.length, "Areas not rising", AREA_COLORS.area));
  if (rising.length > 0)
    series.push(block(others.length, rising.length, "Rising areas", AREA_COLORS.rising));
  const rows = Math.ceil(map.height / ROW_POINTS);
  b.chart({
    kind: "map",
    title: `Crime by area, ${areas.window.phrase} (bubble size: crime)`,
    from: { row: top + 1, col: 0 },
    to: { row: top + 1 + rows, col: CHART_COLS },
    categories: columnRange(c, dataTop + 1, dataTop + placed.length),
    series,
    legend: "bottom",
    map,
  });
  const sentence = top + 2 + rows;
  b.paragraph(sentence, areas.sentences.map, CHART_COLS, 48).keep(top, sentence, "figure");
  return { next: sentence + 2, dataNext: dataTop + placed.length + 3 };
}

function measureCells(b: SheetBuilder, r: number, col: number, m: AreaMeasure | null): void {
  const num = (k: number, v: number | null, fmt: string) =>
    v === null ? b.set(r, col + k, "n/a", undefined, NA) : b.set(r, col + k, v, fmt);
  num(0, m?.current ?? null, FORMATS.count);
  num(1, m?.comparator ?? null, FORMATS.count);
  num(2, m?.change ?? null, FORMATS.change);
  num(3, m?.z ?? null, FORMATS.z);
  if (!m?.spc) b.set(r, col + 4, "n/a: under 12 months", undefined, NA);
  else {
    const style: PlanStyle = m.concerning
      ? { bold: true, color: "C55A11", wrap: true }
      : { wrap: true };
    b.set(r, col + 4, m.spc.words, undefined, style).fit(r, col + 4, col + 4, m.spc.words, style);
  }
}

/** The table of every area, most crime first: figures, variation and flags in words. */
function areaTable(b: SheetBuilder, areas: AreasModel, top: number): void {
  b.caption(top, `Every area, most crime first (${areas.areas.length})`, LAST_COL);
  const h = top + 1;
  COLUMNS.forEach((name, col) =>
    b.set(h, col, name, undefined, HEADER).fit(h, col, col, name, HEADER, 30)
  );
  areas.areas.forEach((a, i) => {
    const r = h + 1 + i;
    b.set(r, 0, a.rank, "0");
    b.set(r, 1, a.code);
    b.set(r, 2, a.name);
    measureCells(b, r, 3, a.allCrime);
    measureCells(b, r, 8, a.asb);
    const flags = a.flags.join("; ");
    if (flags !== "")
      b.set(r, LAST_COL, flags, undefined, FLAG_STYLE).fit(
        r,
        LAST_COL,
        LAST_COL,
        flags,
        FLAG_STYLE
      );
  });
  const tableLast = h + areas.areas.length;
  // The caption stays with the heading and the first row; the heading repeats on every page.
  b.keep(top, Math.min(h + 1, tableLast), "table");
  b.repeatRows(h, h, tableLast);
  const keyRow = tableLast + 2;
  b.paragraph(
    keyRow,
    "Crime: every crime type but anti-social behaviour. ASB: anti-social behaviour. Change: against the comparator. z: Wheeler's test for Poisson counts, 2(√current − √comparator). Flags: Rising (z of 1.96 or more and more than the comparator), Concerning special cause (the latest month on the area's XmR chart), Top 10 by volume; the ASB flags are the same for anti-social behaviour.",
    LAST_COL,
    30,
    { italic: true, color: "595959" }
  );
}

/** The Priority areas sheet (spec/areas.md): the two figures with their sentences, then the table. */
export function areasSheet(model: ReportModel, areas: AreasModel, name: string): PlanSheet {
  const b = new SheetBuilder(name, "areas", { orientation: "landscape", lastCol: LAST_COL });
  b.widths([...WIDTHS, 4, 4, 30, 11, 11, 11, 30]);
  b.text(0, 0, LAST_COL, "Priority areas: where crime is rising", TITLE, 0);
  b.text(1, 0, LAST_COL, `${model.partnership}, ${model.period.label}.`, { italic: true }, 0);
  b.paragraph(2, areas.sentences.intro, LAST_COL, 30);
  b.keep(0, 2, "text");
  b.set(1, DATA_COL, "Chart data (the charts read these cells)", undefined, NOTE);
  const bars = barsFigure(b, areas, 4);
  const map = mapFigure(b, areas, bars.next, bars.dataNext);
  areaTable(b, areas, map.next);
  return b.finish(reportHeads(model));
}
