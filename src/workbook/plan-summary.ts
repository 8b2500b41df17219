import { BAND_WORDS, RAG_WORDS, Rag, isImprovement, ordinal } from "../core";
import { MeasureResult, ReportModel } from "./model-types";
import { SheetBuilder } from "./plan-sheet";
import { reportHeads } from "./plan-page";
import { PlanSheet, PlanStyle } from "./plan-types";

/** The report's key colours; the words always go in the cell too. */
export const RAG_STYLE: Record<Rag, PlanStyle> = {
  green: { fill: "C6EFCE", color: "006100", bold: true },
  amber: { fill: "FFEB9C", color: "9C5700", bold: true },
  red: { fill: "FFC7CE", color: "9C0006", bold: true },
  "n/a": { fill: "E7E6E6", color: "3A3838", bold: true },
};

export const HEADER: PlanStyle = {
  bold: true,
  fill: "1F4E79",
  color: "FFFFFF",
  wrap: true,
  valign: "middle",
  border: "box",
};
const NA: PlanStyle = { italic: true, color: "7F7F7F", align: "center" };
const NA_TEXT = "n/a";

export const FORMATS = {
  count: "#,##0",
  rate: "0.0%",
  change: "+0%;-0%;0%",
  points: '+0.0" pts";-0.0" pts";0.0" pts"',
  z: "+0.00;-0.00;0.00",
  share: "0%",
  perThousand: "0.00",
} as const;

function valueFormat(m: MeasureResult): string {
  return m.kind === "rate" ? FORMATS.rate : FORMATS.count;
}

function directionWords(m: MeasureResult): string | null {
  if (m.direction === null) return null;
  const arrow = m.direction === "up" ? "↑ Up" : m.direction === "down" ? "↓ Down" : "→ Level";
  const better = isImprovement(m.direction, m.polarity);
  return better === null ? arrow : `${arrow} (${better ? "better" : "worse"})`;
}

const COLUMNS = [
  "Priority",
  "Measure",
  "Target",
  "Current",
  "Same period last year",
  "Baseline",
  "Change vs baseline",
  "Significance (z)",
  "Significant change?",
  "Status",
  "Direction of travel",
  "MSG position",
  "MSG band",
  "Variation (SPC)",
];
const WIDTHS = [30, 34, 24, 11, 13, 12, 12, 13, 13, 30, 17, 13, 20, 30];

/** The latest month's variation in words; special cause in bold and its chart colour as well. */
function variationCell(m: MeasureResult): { text: string; style: PlanStyle } {
  if (m.spc) {
    const color =
      m.spc.variation === "improving"
        ? "0070C0"
        : m.spc.variation === "concerning"
          ? "C55A11"
          : undefined;
    return { text: m.spc.words, style: color ? { bold: true, color } : {} };
  }
  const text =
    m.source === "monthly"
      ? `n/a: ${m.spcMonths} month${m.spcMonths === 1 ? "" : "s"}, 12 needed`
      : "n/a: not monthly data";
  return { text, style: NA };
}

/**
 * Every cell of a measure's row alike: vertically centred and wrapped, so a text never runs into
 * the cell beside it (a wrapped cell keeps its text inside its own borders) and the row is as tall
 * as its longest text needs.
 */
const ROW: PlanStyle = { valign: "middle", wrap: true };
const MIN_ROW_HEIGHT = 30;

/** The Summary sheet: title, one row per measure, the key, and the areas for concern. */
export function summarySheet(model: ReportModel, name: string): PlanSheet {
  const last = COLUMNS.length - 1;
  const b = new SheetBuilder(name, "summary", { orientation: "landscape", lastCol: last }).widths(
    WIDTHS
  );
  b.text(
    0,
    0,
    last,
    `${model.partnership} Performance Summary, ${model.period.label}`,
    {
      bold: true,
      size: 16,
      color: "1F4E79",
      wrap: true,
    },
    0
  );
  b.text(
    1,
    0,
    last,
    `Recorded figures for ${model.window.phrase}, compared with the same period of ${model.yearLabels.previous} and of the baseline year ${model.yearLabels.baseline}.`,
    { italic: true, wrap: true },
    0
  );
  const headerRow = 3;
  COLUMNS.forEach((h, c) => {
    const text = c === 5 ? `Baseline (${model.yearLabels.baseline})` : h;
    b.set(headerRow, c, text, undefined, HEADER).fit(headerRow, c, c, text, HEADER, 32);
  });

  model.measures.forEach((m, i) => {
    const r = headerRow + 1 + i;
    const fmt = valueFormat(m);
    const text = (col: number, v: string, style?: PlanStyle) => {
      const st = { ...ROW, ...style };
      b.set(r, col, v, undefined, st).fit(r, col, col, v, st, MIN_ROW_HEIGHT);
    };
    const na = (col: number) => text(col, NA_TEXT, NA);
    const num = (col: number, v: number | null, f: string) =>
      v === null ? na(col) : b.set(r, col, v, f, ROW);
    b.height(r, MIN_ROW_HEIGHT); // two lines: priorities and labels wrap
    text(0, m.priority);
    text(1, m.label, { bold: true });
    text(2, m.targetText);
    num(3, m.current, fmt);
    num(4, m.previous, fmt);
    num(5, m.baseline, fmt);
    if (m.changeVsBaseline === null) na(6);
    else if (m.kind === "rate") b.set(r, 6, m.changeVsBaseline * 100, FORMATS.points, ROW);
    else b.set(r, 6, m.changeVsBaseline, FORMATS.change, ROW);
    num(7, m.z, FORMATS.z);
    if (m.significant === null) na(8);
    else text(8, m.significant ? "Yes" : "No", { align: "center" });
    text(9, RAG_WORDS[m.status], RAG_STYLE[m.status]);
    const dir = directionWords(m);
    if (dir === null) na(10);
    else text(10, dir);
    if (m.peer) {
      text(11, `${ordinal(m.peer.position)} of ${m.peer.of}`, { align: "center" });
      text(12, BAND_WORDS[m.peer.band]);
    } else {
      na(11);
      na(12);
    }
    const variation = variationCell(m);
    text(13, variation.text, variation.style);
  });
  const tableLast = headerRow + model.measures.length;
  // The title stays with the table's heading and its first row; the heading repeats on every page.
  b.keep(0, Math.min(headerRow + 1, tableLast), "table");
  b.repeatRows(headerRow, headerRow, tableLast);

  let r = tableLast + 2;
  const keyTop = r;
  b.set(r, 0, "Key", undefined, { bold: true });
  const keys: [Rag, string][] = [
    ["green", "the target is met"],
    ["amber", `missed by no more than the tolerance`],
    ["red", "missed by more than the tolerance"],
    ["n/a", "no data or no target"],
  ];
  for (const [rag, meaning] of keys) {
    r++;
    b.set(r, 0, RAG_WORDS[rag], undefined, RAG_STYLE[rag]);
    b.set(r, 1, meaning, undefined, { italic: true });
  }
  b.keep(keyTop, r, "table");

  r += 2;
  const concernsTop = r;
  b.set(r, 0, "Areas for concern", undefined, { bold: true, size: 13, color: "1F4E79" });
  b.height(r, 18);
  if (model.concerns.length === 0) {
    b.text(
      r + 1,
      0,
      last,
      "No measure is in a worse position or of concern this quarter.",
      {
        italic: true,
      },
      0
    );
    r++;
  }
  for (const c of model.concerns) {
    r++;
    const style = { ...RAG_STYLE[c.status], wrap: true, valign: "top" as const };
    b.set(r, 0, c.label, undefined, style).fit(r, 0, 0, c.label, style, 36);
    b.text(r, 1, last, c.sentence, { wrap: true, valign: "top" }, 36);
  }
  // The heading never ends a page on its own: it goes with the first concern.
  b.keep(concernsTop, concernsTop + 1, "text");
  r += 2;
  b.paragraph(
    r,
    "Significance: Wheeler's test for Poisson counts; a change with |z| of 1.96 or more is significant. MSG band: the group mean of member rates plus or minus one standard deviation. Rates of repeat cases are compared in percentage points. Variation (SPC): the latest month on an XmR control chart of the monthly counts (Making Data Count rules); special cause means a real change, improving or concerning, rather than noise.",
    last,
    30,
    { italic: true, color: "595959" }
  );
  return b.finish(reportHeads(model));
}
