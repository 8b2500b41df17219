import { BAND_WORDS, RAG_WORDS, Rag, isImprovement, ordinal } from "../core";
import { MeasureResult, ReportModel } from "./model-types";
import { SheetBuilder } from "./plan-sheet";
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
const NA: PlanStyle = { italic: true, color: "7F7F7F", align: "right" };
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
    return { text: m.spc.words, style: color ? { wrap: true, bold: true, color } : { wrap: true } };
  }
  const text =
    m.source === "monthly"
      ? `n/a: ${m.spcMonths} month${m.spcMonths === 1 ? "" : "s"}, 12 needed`
      : "n/a: not monthly data";
  return { text, style: NA };
}

/** The Summary sheet: title, one row per measure, the key, and the areas for concern. */
export function summarySheet(model: ReportModel, name: string): PlanSheet {
  const b = new SheetBuilder(name, "summary", {
    orientation: "landscape",
    lastCol: COLUMNS.length - 1,
  }).widths(WIDTHS);
  const last = COLUMNS.length - 1;
  b.set(0, 0, `${model.partnership} Performance Summary, ${model.period.label}`, undefined, {
    bold: true,
    size: 16,
    color: "1F4E79",
  }).merge(0, 0, last);
  b.set(
    1,
    0,
    `Recorded figures for ${model.window.phrase}, compared with the same period of ${model.yearLabels.previous} and of the baseline year ${model.yearLabels.baseline}.`,
    undefined,
    { italic: true }
  ).merge(1, 0, last);
  const headerRow = 3;
  COLUMNS.forEach((h, c) =>
    b.set(headerRow, c, c === 5 ? `Baseline (${model.yearLabels.baseline})` : h, undefined, HEADER)
  );
  b.height(headerRow, 32);

  model.measures.forEach((m, i) => {
    const r = headerRow + 1 + i;
    const fmt = valueFormat(m);
    const num = (col: number, v: number | null, f: string) =>
      v === null ? b.set(r, col, NA_TEXT, undefined, NA) : b.set(r, col, v, f);
    b.height(r, 30); // two lines: priorities and labels wrap
    b.set(r, 0, m.priority, undefined, { wrap: true, valign: "top" });
    b.set(r, 1, m.label, undefined, { bold: true, wrap: true });
    b.set(r, 2, m.targetText, undefined, { wrap: true });
    num(3, m.current, fmt);
    num(4, m.previous, fmt);
    num(5, m.baseline, fmt);
    if (m.changeVsBaseline === null) b.set(r, 6, NA_TEXT, undefined, NA);
    else if (m.kind === "rate") b.set(r, 6, m.changeVsBaseline * 100, FORMATS.points);
    else b.set(r, 6, m.changeVsBaseline, FORMATS.change);
    num(7, m.z, FORMATS.z);
    b.set(
      r,
      8,
      m.significant === null ? NA_TEXT : m.significant ? "Yes" : "No",
      undefined,
      m.significant === null ? NA : { align: "center" }
    );
    b.set(r, 9, RAG_WORDS[m.status], undefined, { ...RAG_STYLE[m.status], wrap: true });
    const dir = directionWords(m);
    b.set(r, 10, dir ?? NA_TEXT, undefined, dir === null ? NA : undefined);
    b.set(
      r,
      11,
      m.peer ? `${ordinal(m.peer.position)} of ${m.peer.of}` : NA_TEXT,
      undefined,
      m.peer ? { align: "center" } : NA
    );
    b.set(r, 12, m.peer ? BAND_WORDS[m.peer.band] : NA_TEXT, undefined, m.peer ? undefined : NA);
    const variation = variationCell(m);
    b.set(r, 13, variation.text, undefined, variation.style);
  });

  let r = headerRow + model.measures.length + 2;
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

  r += 2;
  b.set(r, 0, "Areas for concern", undefined, { bold: true, size: 13, color: "1F4E79" });
  if (model.concerns.length === 0) {
    b.set(r + 1, 0, "No measure is in a worse position or of concern this quarter.", undefined, {
      italic: true,
    }).merge(r + 1, 0, last);
    r++;
  }
  for (const c of model.concerns) {
    r++;
    b.set(r, 0, c.label, undefined, { ...RAG_STYLE[c.status], wrap: true });
    b.set(r, 1, c.sentence, undefined, { wrap: true, valign: "top" }).merge(r, 1, last);
    b.height(r, 36);
  }
  r += 2;
  b.set(
    r,
    0,
    "Significance: Wheeler's test for Poisson counts; a change with |z| of 1.96 or more is significant. MSG band: the group mean of member rates plus or minus one standard deviation. Rates of repeat cases are compared in percentage points. Variation (SPC): the latest month on an XmR control chart of the monthly counts (Making Data Count rules); special cause means a real change, improving or concerning, rather than noise.",
    undefined,
    { italic: true, wrap: true, color: "595959" }
  ).merge(r, 0, last);
  b.height(r, 30);
  return b.sheet;
}
