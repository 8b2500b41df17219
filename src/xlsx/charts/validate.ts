/**
 * Checks a ChartSpec before anything is written and fills in defaults. All problems in one spec are
 * reported together, so a caller fixing a report plan sees every bad field in one run.
 */
import { parseRef } from "./refs";
import type { ChartMap, ChartSeries, ChartSpec } from "./types";

const HEX = /^#?[0-9A-Fa-f]{6}$/;

function normColor(color: string): string {
  return color.replace(/^#/, "").toUpperCase();
}

/**
 * The spec with defaults filled in, as readCharts returns it: legend "bottom"; line series dash
 * "solid" and marker true; colours upper-case without "#"; empty optional lists and texts dropped.
 */
export function normalizeChartSpec(spec: ChartSpec): ChartSpec {
  const out: ChartSpec = {
    sheetName: spec.sheetName,
    from: { col: spec.from.col, row: spec.from.row },
    to: { col: spec.to.col, row: spec.to.row },
    title: spec.title,
    categoriesRef: spec.categoriesRef,
    categories: [...spec.categories],
    series: spec.series.map(normalizeSeries),
    legend: spec.legend ?? "bottom",
  };
  if (spec.valueAxisTitle) out.valueAxisTitle = spec.valueAxisTitle;
  if (spec.valueNumberFormat) out.valueNumberFormat = spec.valueNumberFormat;
  if (spec.valueAxisMin !== undefined) out.valueAxisMin = spec.valueAxisMin;
  if (spec.map)
    out.map = {
      width: spec.map.width,
      height: spec.map.height,
      plot: { ...spec.map.plot },
      x: { ...spec.map.x },
      y: { ...spec.map.y },
      bubbleScale: spec.map.bubbleScale,
    };
  return out;
}

function normalizeSeries(s: ChartSeries): ChartSeries {
  const out: ChartSeries = {
    name: s.name,
    valuesRef: s.valuesRef,
    values: [...s.values],
    type: s.type,
    color: normColor(s.color),
  };
  if (s.nameRef) out.nameRef = s.nameRef;
  if (s.points && s.points.length > 0) {
    out.points = [...s.points]
      .sort((a, b) => a.index - b.index)
      .map((p) => ({ index: p.index, color: normColor(p.color) }));
  }
  if (s.type === "line") {
    out.dash = s.dash ?? "solid";
    out.marker = s.marker ?? true;
    if (s.line === false) out.line = false;
  }
  if (s.type === "bubble") {
    out.xValuesRef = s.xValuesRef ?? "";
    out.xValues = [...(s.xValues ?? [])];
    out.sizesRef = s.sizesRef ?? "";
    out.sizes = [...(s.sizes ?? [])];
  }
  if (s.labels && s.labels.length > 0)
    out.labels = [...s.labels]
      .sort((a, b) => a.index - b.index)
      .map((l) => ({ index: l.index, text: l.text }));
  return out;
}

/**
 * Throws one Error listing every problem of the spec at position `at`, or returns nothing.
 * `sheetNames` are the workbook's sheets, so a ref to a sheet that is not there is caught.
 */
export function validateChartSpec(
  spec: ChartSpec,
  at: number,
  sheetNames: readonly string[]
): void {
  const problems: string[] = [];
  const where = `chart ${at + 1}${spec.title ? ` ("${spec.title}")` : ""}`;
  const has = new Set(sheetNames);
  if (!has.has(spec.sheetName)) {
    problems.push(
      `sheet "${spec.sheetName}" is not in the workbook (sheets: ${sheetNames.map((n) => `"${n}"`).join(", ")})`
    );
  }
  const cellOk = (n: number): boolean => Number.isInteger(n) && n >= 0;
  if (
    !cellOk(spec.from.col) ||
    !cellOk(spec.from.row) ||
    !cellOk(spec.to.col) ||
    !cellOk(spec.to.row)
  ) {
    problems.push("from/to must be zero-based non-negative integer cells");
  } else if (spec.to.col <= spec.from.col || spec.to.row <= spec.from.row) {
    problems.push("the frame is empty: `to` must be right of and below `from`");
  }
  const n = spec.categories.length;
  if (n === 0) problems.push("there are no categories");
  checkRef(problems, "categoriesRef", spec.categoriesRef, n, has);
  if (spec.series.length === 0) problems.push("a chart needs at least one series");
  if (spec.map) validateMap(problems, spec.map);
  const types = new Set(spec.series.map((s) => s.type));
  if (spec.map && [...types].some((t) => t !== "bubble"))
    problems.push('a map\'s series must all be "bubble"');
  if (!spec.map && types.has("bubble")) problems.push('"bubble" series need a map chart (map)');
  if (types.has("bar") && types.has("column"))
    problems.push('"bar" (horizontal) and "column" (vertical) series cannot share a chart');
  spec.series.forEach((s, i) =>
    validateSeries(
      problems,
      s,
      `series ${i + 1} ("${s.name}")`,
      s.type === "bubble" ? s.values.length : n,
      has
    )
  );
  if (spec.valueAxisMin !== undefined && !Number.isFinite(spec.valueAxisMin))
    problems.push(`valueAxisMin ${String(spec.valueAxisMin)} is not a finite number`);
  if (spec.legend !== undefined && !["bottom", "right", "none"].includes(spec.legend)) {
    problems.push(`legend must be "bottom", "right" or "none", not "${String(spec.legend)}"`);
  }
  if (problems.length > 0) throw new Error(`addCharts: ${where}: ${problems.join("; ")}`);
}

function validateSeries(
  problems: string[],
  s: ChartSeries,
  where: string,
  n: number,
  sheets: Set<string>
): void {
  if (!["line", "column", "bar", "bubble"].includes(s.type))
    problems.push(`${where}: type must be "line", "column", "bar" or "bubble"`);
  if (s.type === "bubble") {
    for (const [what, ref, list] of [
      ["xValues", s.xValuesRef, s.xValues],
      ["sizes", s.sizesRef, s.sizes],
    ] as const) {
      if (!list || list.length !== n)
        problems.push(`${where}: has ${list?.length ?? 0} ${what} but ${n} values`);
      (list ?? []).forEach((v, i) => {
        if (v !== null && !Number.isFinite(v))
          problems.push(`${where}: ${what} ${i} is ${String(v)}, not a finite number or null`);
      });
      checkRef(problems, `${where}: ${what}Ref`, ref ?? "", n, sheets);
    }
  }
  const labelled = new Set<number>();
  for (const l of s.labels ?? []) {
    if (!Number.isInteger(l.index) || l.index < 0 || l.index >= n || labelled.has(l.index))
      problems.push(`${where}: label index ${l.index} is outside 0..${n - 1} or given twice`);
    labelled.add(l.index);
    if (typeof l.text !== "string" || l.text === "")
      problems.push(`${where}: label ${l.index} has no text`);
  }
  if (!HEX.test(s.color)) problems.push(`${where}: color "${s.color}" is not RRGGBB hex`);
  if (s.values.length !== n) {
    problems.push(`${where}: has ${s.values.length} values but there are ${n} categories`);
  }
  s.values.forEach((v, i) => {
    if (v !== null && !Number.isFinite(v))
      problems.push(`${where}: value ${i} is ${String(v)}, not a finite number or null`);
  });
  checkRef(problems, `${where}: valuesRef`, s.valuesRef, n, sheets);
  if (s.nameRef !== undefined) checkRef(problems, `${where}: nameRef`, s.nameRef, 1, sheets);
  if (s.points && s.points.length > 0) {
    if (s.type === "line" && s.marker === false)
      problems.push(
        `${where}: per-point colours on a line series colour its markers: it needs markers`
      );
    const seen = new Set<number>();
    for (const p of s.points) {
      if (!Number.isInteger(p.index) || p.index < 0 || p.index >= n) {
        problems.push(`${where}: point index ${p.index} is outside 0..${n - 1}`);
      } else if (seen.has(p.index)) {
        problems.push(`${where}: point index ${p.index} is given twice`);
      }
      seen.add(p.index);
      if (!HEX.test(p.color))
        problems.push(`${where}: point ${p.index} color "${p.color}" is not RRGGBB hex`);
    }
  }
  if (s.line === false && (s.type !== "line" || s.marker === false))
    problems.push(`${where}: a series without a line is a line series with markers`);
  if (s.dash !== undefined && s.dash !== "solid" && s.dash !== "dash") {
    problems.push(`${where}: dash must be "solid" or "dash"`);
  }
}

function validateMap(problems: string[], m: ChartMap): void {
  const finite = (x: number) => typeof x === "number" && Number.isFinite(x);
  if (!(finite(m.width) && m.width > 0 && finite(m.height) && m.height > 0))
    problems.push("map: width and height must be positive numbers of points");
  const p = m.plot;
  const fractions = [p.x, p.y, p.w, p.h];
  if (
    !fractions.every((f) => finite(f) && f >= 0 && f <= 1) ||
    p.x + p.w > 1 ||
    p.y + p.h > 1 ||
    p.w <= 0 ||
    p.h <= 0
  )
    problems.push("map: the plot area must lie inside the chart (fractions from 0 to 1)");
  for (const [axis, b] of [
    ["x", m.x],
    ["y", m.y],
  ] as const)
    if (!(finite(b.min) && finite(b.max) && b.min < b.max))
      problems.push(`map: the ${axis} axis needs finite bounds, min below max`);
  if (!Number.isInteger(m.bubbleScale) || m.bubbleScale < 0 || m.bubbleScale > 300)
    problems.push("map: bubbleScale must be a whole number from 0 to 300");
}

function checkRef(
  problems: string[],
  what: string,
  ref: string,
  cells: number,
  sheets: Set<string>
): void {
  const parsed = parseRef(ref);
  if (!parsed) {
    problems.push(`${what} "${ref}" is not a sheet-qualified ref like 'My sheet'!$B$2:$B$13`);
    return;
  }
  if (!sheets.has(parsed.sheetName))
    problems.push(
      `${what} "${ref}" names sheet "${parsed.sheetName}", which is not in the workbook`
    );
  if (!parsed.oneDimensional) problems.push(`${what} "${ref}" must be a single row or column`);
  else if (cells > 0 && parsed.cells !== cells)
    problems.push(`${what} "${ref}" covers ${parsed.cells} cells, expected ${cells}`);
}
