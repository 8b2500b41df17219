import path from "path";
import { Analysis, ReportPlan, analyse, buildPlan } from "../workbook";
import { WorkbookReadError, readWorkbook } from "../xlsx/read";
import { renderPlan } from "../xlsx/write-plan";

const KIND_WORDS = {
  xlsx: "an Excel workbook",
  xlsm: "a macro-enabled workbook",
  xltx: "an Excel template",
  xltm: "a macro-enabled template",
} as const;

export interface FileReport {
  analysis: Analysis;
  plan: ReportPlan | null;
  output: Buffer | null;
}

/**
 * The main job on a file: read, validate, model, plan, render. With validation errors there is no
 * output at all. Throws WorkbookReadError when the bytes are not a workbook.
 */
export async function reportWorkbook(
  input: Buffer,
  fileName: string,
  outName?: string
): Promise<FileReport> {
  const { snapshot, strict, brokenSheets, kind } = await readWorkbook(input, fileName);
  const analysis = analyse(snapshot);
  if (!analysis.model) return { analysis, plan: null, output: null };
  if (strict)
    throw new WorkbookReadError(
      `${fileName} is saved as a Strict Open XML Spreadsheet, which cdrp checks but does not write a report into (its parts use other names than an Excel Workbook's). Open it in Excel, save it as "Excel Workbook (*.xlsx)" and run the report again.`
    );
  // The report is a copy of the input's package, so of its kind: Excel refuses to open a
  // macro-enabled workbook, or a template, under another extension.
  const ext = outName === undefined ? kind : path.extname(outName).slice(1).toLowerCase();
  if (ext !== kind && (kind !== "xlsx" || ext in KIND_WORDS))
    throw new WorkbookReadError(
      `${fileName} is ${KIND_WORDS[kind]} (.${kind}), and its report is a copy of it: Excel opens that only under a name ending .${kind}, not ${path.basename(outName as string)}. Give the report a name ending .${kind}.`
    );
  // Excel repairs a workbook listing sheets it cannot find, and numbers the sheets again without
  // them: the report's sheet-scoped names would then point past the end, or at other sheets.
  if (brokenSheets.length > 0)
    throw new WorkbookReadError(
      `${fileName} lists ${brokenSheets.length === 1 ? "a sheet" : "sheets"} with nothing behind ${brokenSheets.length === 1 ? "it" : "them"} (${brokenSheets.map((n) => `"${n}"`).join(", ")}): the file holds no sheet for ${brokenSheets.length === 1 ? "it" : "them"}, which Excel repairs when it opens the file, numbering the other sheets again. cdrp does not write a report into it. Open it in Excel, let Excel repair it, save it and run the report again.`
    );
  const plan = buildPlan(analysis.model, {
    sheetNames: snapshot.sheetNames,
    reportSheets: snapshot.reportSheets,
  });
  const output = await renderPlan(input, plan, snapshot.reportSheets);
  return { analysis, plan, output };
}
