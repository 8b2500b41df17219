import {
  DataSheet,
  PlanSheet,
  ReportPlan,
  analyse,
  buildPlan,
  sampleWorkbook,
  snapshotOfData,
} from "../../src/workbook";
import { longLabelSample, timesSample } from "./big-workbook";
import { gridAreas, sampleWithAreas } from "./areas";

/** The reports the page tests print: the sample, ten times it, hundreds of measures, very long labels. */
export const REPORT_SHAPES: { name: string; data: () => DataSheet[] }[] = [
  { name: "the sample", data: sampleWorkbook },
  { name: "ten times the sample (30 measures)", data: () => timesSample(10) },
  { name: "hundreds of measures (300)", data: () => timesSample(100) },
  { name: "very long labels", data: longLabelSample },
  { name: "the sample with 400 priority areas", data: () => sampleWithAreas(gridAreas(400)) },
];

export function planOf(data: DataSheet[]): ReportPlan {
  const snapshot = snapshotOfData(data);
  const { model } = analyse(snapshot);
  if (!model) throw new Error("the workbook does not validate");
  return buildPlan(model, { sheetNames: snapshot.sheetNames, reportSheets: [] });
}

/** The page (0 = first) each row prints on, from the sheet's manual breaks. */
export function pageOfRow(breaks: readonly number[]): (row: number) => number {
  return (row) => {
    let page = 0;
    for (const b of breaks) if (b <= row) page++;
    return page;
  };
}

/** Rows of each figure: its caption (the row of "Figure ..."), the chart's frame, its sentence. */
export interface FigureRows {
  caption: string;
  captionRow: number;
  chartRows: [number, number];
  sentenceRow: number;
}

/**
 * Each chart with its caption (the nearest "Figure" text above it in column A) and its sentence
 * (the first text in column A below the chart's frame), found from the cells alone.
 */
export function figuresOf(sheet: {
  cells: Pick<PlanSheet["cells"][number], "row" | "col" | "value">[];
  charts: { title: string; from: { row: number }; to: { row: number } }[];
}): FigureRows[] {
  const textA = sheet.cells
    .filter((c) => c.col === 0 && typeof c.value === "string" && c.value !== "")
    .sort((a, b) => a.row - b.row);
  return sheet.charts.map((chart) => {
    const first = chart.from.row;
    const last = chart.to.row - 1;
    const caption = [...textA]
      .reverse()
      .find(
        (c) =>
          c.row < first && /^Figure |^The chart below|^Police incident data/.test(String(c.value))
      );
    const sentence = textA.find((c) => c.row > last);
    if (!caption || !sentence) throw new Error(`chart "${chart.title}" has no caption or sentence`);
    return {
      caption: String(caption.value),
      captionRow: caption.row,
      chartRows: [first, last],
      sentenceRow: sentence.row,
    };
  });
}
