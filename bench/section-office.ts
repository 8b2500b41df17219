import { existsSync, readFileSync } from "fs";
import path from "path";
import { gzipSync } from "zlib";
import { FakeExcel } from "../tests/fake-excel";
import { ALL_PROFILES, PROFILES, PlatformProfile } from "../tests/fake-excel/profiles";
import { bigMonthlySample, tenTimesSample } from "../tests/support/big-workbook";
import {
  MAX_REQUEST_BYTES,
  READ_CELLS_PER_SYNC,
  checkWorkbook,
  generateReport,
  readWorkbook,
} from "../src/excel";
import { DataSheet, sampleWorkbook } from "../src/workbook";
import { countFigure as count } from "./figures";
import { BenchContext, Section, SectionResult, emptyResult } from "./types";

/** DESIGN.md's Office.js budgets: syncs are counted against the in-memory Excel fake. */
const VALIDATE_SYNCS = 2;
const REPORT_SYNCS = 4;
const TASKPANE_GZIP_BYTES = 350 * 1024;

interface OfficeFigures {
  validateSyncs: number;
  reportSyncs: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
  requestBytes: number[];
}

/** Runs a host call on a fake installed as `profile`, so isSetSupported answers as it would. */
async function onProfile<T>(fake: FakeExcel, body: () => Promise<T>): Promise<T> {
  const restore = fake.install();
  try {
    return await body();
  } finally {
    restore();
  }
}

async function measureWorkbook(
  sheets: () => DataSheet[],
  profile: PlatformProfile
): Promise<OfficeFigures> {
  const checking = new FakeExcel({ currentYear: 2010, profile }).seed(sheets());
  const checked = await onProfile(checking, () => checkWorkbook(checking.context));
  if (!checked.ok) throw new Error("the workbook does not pass the check");
  const writing = new FakeExcel({ currentYear: 2010, profile }).seed(sheets());
  const r = await onProfile(writing, () => generateReport(writing.context));
  if (r.status !== "written") throw new Error("the report was not written");
  return {
    validateSyncs: checking.syncCount,
    reportSyncs: writing.syncCount,
    maxRequestBytes: writing.maxRequestBytes,
    maxResponseBytes: Math.max(checking.maxResponseBytes, writing.maxResponseBytes),
    requestBytes: [...writing.requestBytes],
  };
}

/** The worst of each figure over the four platform profiles. */
function worst(all: readonly OfficeFigures[]): OfficeFigures {
  const max = (f: (x: OfficeFigures) => number) => Math.max(...all.map(f));
  return {
    validateSyncs: max((f) => f.validateSyncs),
    reportSyncs: max((f) => f.reportSyncs),
    maxRequestBytes: max((f) => f.maxRequestBytes),
    maxResponseBytes: max((f) => f.maxResponseBytes),
    requestBytes: all.reduce((a, b) => (b.maxRequestBytes > a.maxRequestBytes ? b : a))
      .requestBytes,
  };
}

const LARGE_ROWS = 150_000;

/** A Monthly table of 150,000 rows read on Excel on the web: more syncs, each response bounded. */
async function measureLargeRead(): Promise<{ syncs: number; maxResponseBytes: number }> {
  const fake = new FakeExcel({ currentYear: 2010, profile: PROFILES.web }).seed(
    bigMonthlySample(LARGE_ROWS)
  );
  const info = await onProfile(fake, () => readWorkbook(fake.context));
  return { syncs: info.readSyncs, maxResponseBytes: fake.maxResponseBytes };
}

function taskpaneGzipBytes(): number | null {
  const file = path.join(__dirname, "..", "..", "dist", "taskpane.js");
  return existsSync(file) ? gzipSync(readFileSync(file), { level: 9 }).length : null;
}

async function run(ctx: BenchContext): Promise<SectionResult> {
  const result = emptyResult();
  ctx.progress("Office.js syncs and payload sizes, sample and 10x, under each platform profile");
  const bySample: Record<string, OfficeFigures> = {};
  const byTen: Record<string, OfficeFigures> = {};
  for (const p of ALL_PROFILES) {
    bySample[p.id] = await measureWorkbook(sampleWorkbook, p);
    byTen[p.id] = await measureWorkbook(tenTimesSample, p);
  }
  const sample = worst(Object.values(bySample));
  const tenTimes = worst(Object.values(byTen));
  const large = await measureLargeRead();
  for (const [tag, f] of [
    ["", sample],
    ["TenTimes", tenTimes],
  ] as const) {
    const label = `${tag === "" ? "sample" : "10x sample"}, worst of 4 platforms`;
    result.counts.push(
      count(`validateSyncs${tag}`, `check (${label})`, f.validateSyncs, "syncs", VALIDATE_SYNCS),
      count(`reportSyncs${tag}`, `generate (${label})`, f.reportSyncs, "syncs", REPORT_SYNCS),
      count(
        `maxRequestBytes${tag}`,
        `largest request (${label})`,
        f.maxRequestBytes,
        "bytes",
        MAX_REQUEST_BYTES
      ),
      count(
        `maxResponseBytes${tag}`,
        `largest response (${label})`,
        f.maxResponseBytes,
        "bytes",
        MAX_REQUEST_BYTES
      )
    );
  }
  result.counts.push(
    count(
      "largeReadSyncs",
      `check's read, ${LARGE_ROWS} Monthly rows (web)`,
      large.syncs,
      "syncs",
      null
    ),
    count(
      "largeReadMaxResponseBytes",
      `largest response, ${LARGE_ROWS} Monthly rows (web)`,
      large.maxResponseBytes,
      "bytes",
      MAX_REQUEST_BYTES
    )
  );
  result.notes.push(
    `Reads take 2 syncs while every table fits its share of ${READ_CELLS_PER_SYNC.toLocaleString("en-GB")} cells; beyond that, one more sync per ${READ_CELLS_PER_SYNC.toLocaleString("en-GB")} cells (${LARGE_ROWS.toLocaleString("en-GB")} Monthly rows: ${large.syncs} syncs).`,
    ...ALL_PROFILES.map(
      (p) =>
        `${p.label}: check ${bySample[p.id]?.validateSyncs}/${byTen[p.id]?.validateSyncs} syncs, generate ${bySample[p.id]?.reportSyncs}/${byTen[p.id]?.reportSyncs} syncs (sample/10x).`
    )
  );
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
    maxResponseBytes: f.maxResponseBytes,
    requestBytes: f.requestBytes,
  });
  const perProfile = Object.fromEntries(
    ALL_PROFILES.map((p) => [
      p.id,
      {
        sample: pick(bySample[p.id] as OfficeFigures),
        tenTimes: pick(byTen[p.id] as OfficeFigures),
      },
    ])
  );
  result.json = {
    ...pick(sample),
    tenTimes: pick(tenTimes),
    profiles: perProfile,
    largeRead: large,
  };
  result.topLevel = { taskpaneGzipBytes: gz };
  return result;
}

export const officeSection: Section = {
  key: "office",
  title: "Office.js host (against the in-memory Excel fake, four platform profiles)",
  run,
};
