import { writesTyped } from "./cells";

/**
 * What this Excel can do beyond what manifest.xml requires (ExcelApi 1.7), asked with
 * Office.context.requirements.isSetSupported as Microsoft's requirement-set pages say to
 * (office-js-docs-reference: docs/requirement-sets/excel/excel-api-requirement-sets.md,
 * "Checking for requirement set support at runtime"). Each missing set degrades with a sentence
 * (`limits`), never an exception.
 */
export interface HostCapabilities {
  /** ExcelApi 1.8: ChartAxis.numberFormat (the charts' value-axis format). */
  axisNumberFormat: boolean;
  /** ExcelApi 1.8: ChartPlotArea (the map's plot area) and ChartDataLabel.formula (its labels). */
  chartLayout: boolean;
  /** ExcelApi 1.9: ChartSeries.bubbleScale (the map's bubble size). */
  bubbleScale: boolean;
  /** ExcelApi 1.9: Worksheet.pageLayout and horizontalPageBreaks (A4, breaks, header and footer). */
  pageLayout: boolean;
  /**
   * ExcelApi 1.16: Range.valuesAsJson, which writes text as a String value (see cells.ts). Excel 2021
   * retail reports 1.16 but fails on it (OfficeDev/office-js issue 4750): cells.ts finds out on the
   * first write and falls back for the session.
   */
  typedValues: boolean;
  /**
   * ExcelApi 1.20: Excel keeps its Undo history across an add-in's changes, except those of the
   * "Unsupported APIs" table, and Excel.run({ mergeUndoGroup }) makes one Undo of a run
   * (office-js-docs-pr docs/excel/excel-add-ins-undo-capabilities.md, a preview article until the
   * ExcelApi 1.20 release made it general). Before it, Microsoft calls the clearing of Undo by an
   * add-in's writes by design (OfficeDev/office-js issues 3788, 6170).
   */
  undoGroup: boolean;
}

/** Whether Excel keeps the person's Undo history through an add-in's (supported) changes. */
export function keepsUndo(c: HostCapabilities): boolean {
  return c.undoGroup;
}

/** The sets the manifest declares: every host that loads the add-in has at least these. */
export const MANIFEST_EXCEL_API = "1.7";

interface Requirements {
  isSetSupported(name: string, minVersion?: string): boolean;
}

function requirements(): Requirements | null {
  const office = (globalThis as { Office?: { context?: { requirements?: Requirements } } }).Office;
  return office?.context?.requirements ?? null;
}

/** Asks Office; outside Office (tests, a plain page) only the manifest's sets are assumed. */
export function detectCapabilities(): HostCapabilities {
  const r = requirements();
  const has = (v: string) => {
    try {
      return r !== null && r.isSetSupported("ExcelApi", v);
    } catch {
      return false; // an Office too old to answer has none of the newer sets
    }
  };
  return {
    axisNumberFormat: has("1.8"),
    chartLayout: has("1.8"),
    bubbleScale: has("1.9"),
    pageLayout: has("1.9"),
    typedValues: has("1.16"),
    undoGroup: has("1.20"),
  };
}

/** What a report with a map (the Priority areas sheet) loses on this Excel, in words. */
export function mapLimits(c: HostCapabilities): string[] {
  const out: string[] = [];
  if (!c.chartLayout)
    out.push(
      "This version of Excel cannot place a chart's plot area or link a point's label to a cell, so the Priority areas map may not draw a kilometre the same length across and up, and its bubbles are not labelled (the table beside it names every area)."
    );
  if (!c.bubbleScale)
    out.push(
      "This version of Excel cannot set a bubble chart's bubble size, so the Priority areas map's bubbles are drawn at Excel's default size and may overlap."
    );
  return out;
}

/** What the person loses on this Excel, in words for the task pane (empty when nothing). */
export function capabilityLimits(
  c: HostCapabilities,
  action: "generate" | "insert" | "import" | "all" = "all"
): string[] {
  const out: string[] = [];
  if (!c.axisNumberFormat && (action === "generate" || action === "all"))
    out.push(
      "This version of Excel cannot set a chart axis's number format, so the charts' value axes use Excel's default format."
    );
  if (!c.pageLayout && (action === "generate" || action === "all"))
    out.push(
      "This version of Excel cannot set page layout from an add-in, so the report sheets have no print area, page breaks, header or footer: before printing, set each report sheet to A4 (Page Layout > Size), fit it to one page wide (Page Layout > Width: 1 page), and check in View > Page Break Preview that no figure is cut."
    );
  if (!writesTyped(c.typedValues))
    out.push(
      "This version of Excel has no documented way to write text so that it is never read as a number, date or formula. The add-in formats text cells as Text first, which Excel honours when you type but does not document for add-ins: check labels such as 2009-10 in the report."
    );
  if (!c.undoGroup && (action === "insert" || action === "all"))
    out.push(
      "This version of Excel cannot group an add-in's changes into one Undo: Undo takes back inserted sample or template sheets one step at a time."
    );
  return out;
}
