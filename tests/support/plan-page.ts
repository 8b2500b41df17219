import { PlanPage, PlanSheet, layoutPage, runningHeads } from "../../src/workbook";

/** The page a plan sheet gets when built: its own zoom, last row and breaks, plain running heads. */
export function pageFor(
  sheet: Omit<PlanSheet, "page">,
  orientation: PlanPage["orientation"],
  lastCol: number
): PlanPage {
  return layoutPage(sheet, orientation, lastCol, {
    blocks: [],
    repeat: null,
    heads: runningHeads({ partnership: "Test", period: "Q1 2010-11", marking: null }),
  });
}
