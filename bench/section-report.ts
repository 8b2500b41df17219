import { reportWorkbook } from "../src/cli/report-file";
import { sampleWorkbook } from "../src/workbook";
import { writeDataWorkbook } from "../src/xlsx";
import { timedFigure } from "./figures";
import { measure } from "./measure";
import { BenchContext, Section, SectionResult, emptyResult } from "./types";

/** DESIGN.md: "the sample report in under 3 s end to end" (command line). */
const SAMPLE_REPORT_BUDGET_MS = 3000;

/**
 * The main job through the file host: .xlsx bytes in, validated, modelled, planned, rendered with
 * native charts, .xlsx bytes out (the CLI adds only reading and the atomic write of the file).
 */
async function run(ctx: BenchContext): Promise<SectionResult> {
  const result = emptyResult();
  ctx.progress("the sample report, .xlsx to .xlsx");
  const input = await writeDataWorkbook(sampleWorkbook());
  const once = async () => {
    const r = await reportWorkbook(input, "sample.xlsx");
    if (!r.output) throw new Error("the sample did not produce a report");
    return r.output.length;
  };
  const bytes = await once();
  // Counted from the plan, so the note stays true as the report grows (10 with the XmR charts).
  const charts = (await reportWorkbook(input, "sample.xlsx")).plan?.sheets.reduce(
    (n, sh) => n + sh.charts.length,
    0
  );
  const m = await measure(once, { runs: 5 });
  result.figures.push(
    timedFigure(
      {
        key: "sampleReport",
        label: "report sample.xlsx",
        n: 1,
        unit: "workbook",
        budgetMs: SAMPLE_REPORT_BUDGET_MS,
      },
      m
    )
  );
  result.notes.push(
    `The sample's report is ${Math.round(bytes / 1024)} KB with ${charts ?? "?"} native charts.`
  );
  return result;
}

export const reportSection: Section = {
  key: "report",
  title: "The report, end to end (file host)",
  run,
};
