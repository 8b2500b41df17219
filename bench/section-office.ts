import { existsSync, readFileSync } from "fs";
import path from "path";
import { gzipSync } from "zlib";
import { FakeExcel } from "../tests/fake-excel";
import { tenTimesSample } from "../tests/support/big-workbook";
import { MAX_REQUEST_BYTES, checkWorkbook, generateReport } from "../src/excel";
import { DataSheet, sampleWorkbook } from "../src/workbook";
import { BenchContext, CountFigure, Section, SectionResult, emptyResult } from "./types";

/** DESIGN.md's Office.js budgets: syncs are counted against the in-memory Excel fake. */
const VALIDATE_SYNCS = 2;
const REPORT_SYNCS = 4;
const TASKPANE_GZIP_BYTES = 350 * 1024;

function count(
  key: string,
  label: string,
  value: number,
  unit: string,
  budget: number | null
): CountFigure {
  return { key, label, value, unit, budget, overBudget: budget !== null && value > budget };
}

interface OfficeFigures {
  validateSyncs: number;
  reportSyncs: number;
  maxRequestBytes: number;
  requestBytes: number[];
}

async function measureWorkbook(sheets: () => DataSheet[]): Promise<OfficeFigures> {
  const checking = new FakeExcel({ currentYear: 2010 }).seed(sheets());
  const checked = await checkWorkbook(checking.context);
  if (!checked.ok) throw new Error("the workbook does not pass the check");
  const writing = new FakeExcel({ currentYear: 2010 }).seed(sheets());
  const r = await generateReport(writing.context);
  if (r.status !== "written") throw new Error("the report was not written");
  return {
    validateSyncs: checking.syncCount,
    reportSyncs: writing.syncCount,
    maxRequestBytes: writing.maxRequestBytes,
    requestBytes: [...writing.requestBytes],
  };
}

function taskpaneGzipBytes(): number | null {
  const file = path.join(__dirname, "..", "..", "dist", "taskpane.js");
  return existsSync(file) ? gzipSync(readFileSync(file), { level: 9 }).length : null;
}

async function run(ctx: BenchContext): Promise<SectionResult> {
  const result = emptyResult();
  ctx.progress("Office.js syncs and request sizes, sample and 10x, against the Excel fake");
  const sample = await measureWorkbook(sampleWorkbook);
  const tenTimes = await measureWorkbook(tenTimesSample);
  for (const [tag, f] of [
    ["", sample],
    ["TenTimes", tenTimes],
  ] as const) {
    const label = tag === "" ? "sample" : "10x sample";
    result.counts.push(
      count(`validateSyncs${tag}`, `check (${label})`, f.validateSyncs, "syncs", VALIDATE_SYNCS),
      count(`reportSyncs${tag}`, `generate (${label})`, f.reportSyncs, "syncs", REPORT_SYNCS),
      count(
        `maxRequestBytes${tag}`,
        `largest request (${label})`,
        f.maxRequestBytes,
        "bytes",
        MAX_REQUEST_BYTES
      )
    );
  }
  const gz = taskpaneGzipBytes();
  if (gz !== null)
    result.counts.push(
      count("taskpaneGzipBytes", "task pane JavaScript, gzipped", gz, "bytes", TASKPANE_GZIP_BYTES)
    );
  else
    result.notes.push(
      "dist/taskpane.js is missing: run `npm run build` to measure the task pane bundle."
    );
  result.notes.push(
    `Bytes per request, sample: ${sample.requestBytes.join(", ")}; 10x: ${tenTimes.requestBytes.join(", ")}.`
  );
  const pick = (f: OfficeFigures) => ({
    validateSyncs: f.validateSyncs,
    reportSyncs: f.reportSyncs,
    maxRequestBytes: f.maxRequestBytes,
    requestBytes: f.requestBytes,
  });
  result.json = { ...pick(sample), tenTimes: pick(tenTimes) };
  result.topLevel = { taskpaneGzipBytes: gz };
  return result;
}

export const officeSection: Section = {
  key: "office",
  title: "Office.js host (against the in-memory Excel fake)",
  run,
};
