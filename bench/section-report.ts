import ExcelJS from "exceljs";
import { reportWorkbook } from "../src/cli/report-file";
import { DataSheet, analyse, buildPlan, sampleWorkbook } from "../src/workbook";
import { readWorkbook, renderPlan, writeDataWorkbook } from "../src/xlsx";
import { tenTimesSample } from "../tests/support/big-workbook";
import { timedFigure } from "./figures";
import { measure } from "./measure";
import { BenchContext, Section, SectionResult, TimedFigure, emptyResult } from "./types";

/** DESIGN.md: "the sample report in under 3 s end to end" (command line). */
const SAMPLE_REPORT_BUDGET_MS = 3000;
/** DESIGN.md: the report at or under the time exceljs takes to read and write the same workbook. */
const EXCELJS_RATIO_BUDGET = 1.0;

/** exceljs types its input as its own Buffer; hand it the Node buffer's bytes. */
const forExcelJs = (b: Buffer) => b as unknown as ExcelJS.Buffer;

/**
 * One workbook three ways: the whole report (read, validate, model, plan, write into the input's
 * package), the writer alone (renderPlan on the plan), and the yardstick of DESIGN.md: exceljs
 * reading the same workbook and writing it out again.
 */
async function compare(
  ctx: BenchContext,
  result: SectionResult,
  key: string,
  label: string,
  sheets: DataSheet[],
  budgetMs?: number
): Promise<void> {
  const input = await writeDataWorkbook(sheets);
  const report = async () => {
    const r = await reportWorkbook(input, `${key}.xlsx`);
    if (!r.output) throw new Error(`${label} did not produce a report`);
    return r.output.length;
  };
  const { snapshot } = await readWorkbook(input, `${key}.xlsx`);
  const model = analyse(snapshot).model;
  if (!model) throw new Error(`${label} does not validate`);
  const plan = buildPlan(model, { sheetNames: snapshot.sheetNames, reportSheets: [] });
  const write = () => renderPlan(input, plan, []);
  const excelJs = async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(forExcelJs(input));
    return (await wb.xlsx.writeBuffer()).byteLength;
  };

  ctx.progress(`${label}: the report, .xlsx to .xlsx`);
  const bytes = await report();
  const spec = (k: string, l: string, b?: number) => ({
    key: `${key}${k}`,
    label: l,
    n: 1,
    unit: "workbook",
    ...(b !== undefined ? { budgetMs: b } : {}),
  });
  const full = timedFigure(
    spec("Report", `report ${label}`, budgetMs),
    await measure(report, { runs: 5 })
  );
  ctx.progress(`${label}: the writer alone`);
  const writer = timedFigure(
    spec("Write", `renderPlan ${label} (writer alone)`),
    await measure(write, { runs: 5 })
  );
  ctx.progress(`${label}: exceljs read + write`);
  const yard = timedFigure(
    spec("ExcelJs", `exceljs read + write ${label}`),
    await measure(excelJs, { runs: 5 })
  );
  result.figures.push(full, writer, yard);
  result.counts.push(
    ratio(`${key}VsExcelJs`, `report ${label} / exceljs read + write`, full, yard)
  );
  result.notes.push(
    `${label}: input ${Math.round(input.length / 1024)} KB, report ${Math.round(bytes / 1024)} KB; ` +
      `the writer alone is ${(writer.medianMs / yard.medianMs).toFixed(2)}x exceljs read + write.`
  );
}

function ratio(key: string, label: string, a: TimedFigure, b: TimedFigure) {
  const value = Math.round((a.medianMs / b.medianMs) * 100) / 100;
  return {
    key,
    label,
    value,
    unit: "x",
    budget: EXCELJS_RATIO_BUDGET,
    overBudget: value > EXCELJS_RATIO_BUDGET,
  };
}

/**
 * The main job through the file host: .xlsx bytes in, validated, modelled, planned, written into
 * the input's own package with native charts, .xlsx bytes out (the CLI adds only reading the file
 * and the atomic write), on the sample and on a workbook ten times its size.
 */
async function run(ctx: BenchContext): Promise<SectionResult> {
  const result = emptyResult();
  await compare(ctx, result, "sample", "sample.xlsx", sampleWorkbook(), SAMPLE_REPORT_BUDGET_MS);
  await compare(ctx, result, "tenTimes", "10x sample", tenTimesSample());
  return result;
}

export const reportSection: Section = {
  key: "report",
  title:
    "The report, end to end (file host), against exceljs reading and writing the same workbook",
  run,
};
