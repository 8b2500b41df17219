/**
 * A report sheet's page setup in Excel: the plan's page (plan-page.ts), as the file host writes it.
 *
 * Every printed row gets an explicit height first (ExcelApi 1.1): Excel fits a row without one to its
 * text as it is written, which would move the breaks the plan computed. The rest is
 * Worksheet.pageLayout and Worksheet.horizontalPageBreaks, ExcelApi 1.9 (office-js-docs-reference
 * excel.pagelayout.yml, excel.headerfooter.yml, excel.pagebreakcollection.yml; office-js-docs-pr
 * docs/excel/excel-add-ins-worksheet-display.md, "Configure page layout and print settings"). The
 * manifest asks for 1.7, so an Excel without 1.9 gets the report without its page setup, and the
 * pane says so in a sentence (capabilities.ts).
 */
import { PlanSheet, a1, columnLetter } from "../workbook";
import { HostCapabilities } from "./capabilities";

/** Runs of consecutive printed rows the plan gives no height: "5:20" and so on. */
export function defaultHeightRuns(sheet: PlanSheet): string[] {
  const explicit = new Set(sheet.rowHeights.map((h) => h.row));
  const runs: string[] = [];
  let start = -1;
  for (let r = 0; r <= sheet.page.lastRow + 1; r++) {
    const free = r <= sheet.page.lastRow && !explicit.has(r);
    if (free && start < 0) start = r;
    if (!free && start >= 0) {
      runs.push(`${start + 1}:${r}`);
      start = -1;
    }
  }
  return runs;
}

/** How many operations queuePageLayout queues for a sheet (the request-size estimate). */
export function pageLayoutOperations(sheet: PlanSheet, caps: HostCapabilities): number {
  const heights = defaultHeightRuns(sheet).length;
  if (!caps.pageLayout) return heights;
  return heights + 16 + sheet.page.rowBreaks.length + (sheet.page.printTitleRows ? 1 : 0);
}

/** Inches to points, to a hundredth (0.3" is 21.6 points, not 21.599999999999998). */
const points = (inches: number) => Math.round(inches * 7200) / 100;

/** Queues the sheet's page setup (no sync): heights always, the rest where Excel has ExcelApi 1.9. */
export function queuePageLayout(
  ws: Excel.Worksheet,
  sheet: PlanSheet,
  caps: HostCapabilities
): void {
  const page = sheet.page;
  for (const rows of defaultHeightRuns(sheet))
    ws.getRange(rows).format.rowHeight = page.defaultRowHeight;
  if (!caps.pageLayout) return;
  const layout = ws.pageLayout;
  layout.paperSize = page.paper;
  layout.orientation = page.orientation === "portrait" ? "Portrait" : "Landscape";
  layout.leftMargin = points(page.margins.left);
  layout.rightMargin = points(page.margins.right);
  layout.topMargin = points(page.margins.top);
  layout.bottomMargin = points(page.margins.bottom);
  layout.headerMargin = points(page.margins.header);
  layout.footerMargin = points(page.margins.footer);
  // One page wide; the pages tall are left out (automatic), so the manual breaks decide them. The
  // zoom is set as one object, as PageLayout.zoom's reference says it must be.
  layout.zoom = { horizontalFitToPages: page.fitToWidth };
  layout.setPrintArea(`A1:${columnLetter(page.lastCol)}${page.lastRow + 1}`);
  if (page.printTitleRows)
    layout.setPrintTitleRows(`$${page.printTitleRows.first + 1}:$${page.printTitleRows.last + 1}`);
  const hf = layout.headersFooters;
  hf.state = "Default";
  const all = hf.defaultForAllPages;
  all.leftHeader = page.header.left;
  all.centerHeader = page.header.center;
  all.rightHeader = page.header.right;
  all.leftFooter = page.footer.left;
  all.centerFooter = page.footer.center;
  all.rightFooter = page.footer.right;
  // "Adds a page break before the top-left cell of the range specified."
  for (const row of page.rowBreaks) ws.horizontalPageBreaks.add(a1(row, 0));
}
