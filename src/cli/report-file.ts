import { Analysis, ReportPlan, analyse, buildPlan } from "../workbook";
import { readWorkbook } from "../xlsx/read";
import { renderPlan } from "../xlsx/write-plan";

export interface FileReport {
  analysis: Analysis;
  plan: ReportPlan | null;
  output: Buffer | null;
}

/**
 * The main job on a file: read, validate, model, plan, render. With validation errors there is no
 * output at all. Throws WorkbookReadError when the bytes are not a workbook.
 */
export async function reportWorkbook(input: Buffer, fileName: string): Promise<FileReport> {
  const { snapshot } = await readWorkbook(input, fileName);
  const analysis = analyse(snapshot);
  if (!analysis.model) return { analysis, plan: null, output: null };
  const plan = buildPlan(analysis.model, {
    sheetNames: snapshot.sheetNames,
    reportSheets: snapshot.reportSheets,
  });
  const output = await renderPlan(input, plan, snapshot.reportSheets);
  return { analysis, plan, output };
}
