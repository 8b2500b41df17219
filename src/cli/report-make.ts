/** Making a report (the first half of ./report-run): read, check, render; nothing written. */
import path from "path";
import { summaryJson } from "../workbook";
import { readInput } from "./files";
import { formatIssues, formatSummary } from "./format";
import { reportWorkbook } from "./report-file";
import { EXIT, Line, MadeReport } from "./report-run";

/** --json; keepPlan: the plan goes with the report (for --pdf, which prints from it). */
export interface MakeOptions {
  json: boolean;
  keepPlan: boolean;
}

/**
 * Reads, checks and renders one workbook. Throws WorkbookReadError when the file is not a
 * workbook. Writes nothing.
 */
export async function makeReport(
  file: string,
  out: string,
  opts: MakeOptions,
  progress: (text: string) => void
): Promise<MadeReport> {
  const { json } = opts;
  const before: Line[] = [];
  const after: Line[] = [];
  progress(`Reading and checking ${file}…`);
  const r = await reportWorkbook(await readInput(file), path.basename(file), out);
  if (!r.output || !r.plan || !r.analysis.model) {
    if (!json) before.push({ to: "err", text: formatIssues(r.analysis.issues, file) });
    before.push({ to: "err", text: `No report written: ${file} has errors to fix first.` });
    return {
      code: EXIT.invalid,
      json: { file, issues: r.analysis.issues },
      before,
      after,
      output: null,
      plan: null,
    };
  }
  const sheets = r.plan.sheets.map((s) => s.name);
  for (const s of r.plan.sheets)
    for (const t of s.truncated ?? [])
      after.push({
        to: "err",
        text: `warning: ${s.name}!${t.cell}: its text was cut to 32,767 characters, Excel's limit for a cell (it had ${t.length.toLocaleString("en-GB")}).`,
      });
  const warnings = r.analysis.issues.filter((i) => i.severity === "warning");
  if (!json) {
    after.push({ to: "out", text: formatSummary(r.analysis.model, sheets) });
    if (warnings.length > 0) after.push({ to: "out", text: `\n${formatIssues(warnings, file)}` });
    after.push({ to: "out", text: `\nWrote ${out}` });
  }
  return {
    code: EXIT.ok,
    json: summaryJson(r.analysis.model, sheets),
    before,
    after,
    output: r.output,
    plan: opts.keepPlan ? r.plan : null,
  };
}
