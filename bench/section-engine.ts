import { Analysis, Validation, analyse, snapshotOfData, validate } from "../src/workbook";
import { buildModel } from "../src/workbook/model";
import { WELL_UNDER_A_SECOND_MS } from "./budgets";
import { WorkbookShape, rowCount, syntheticWorkbook } from "./data-workbook";
import { scalingFigure, sizeTag } from "./figures";
import { runFigure } from "./run-figure";
import { RssSampler } from "./rss-sampler";
import { BenchContext, Section, SectionResult, TimedFigure, emptyResult } from "./types";

/**
 * The workbook engine on synthetic workbooks of the sample's shape, with memory. buildModel is
 * also timed alone (on the input validate returned), so growth of the model is not hidden behind
 * validation's share of analyse.
 */

const VALIDATE_MONTHS = 100;
const ANALYSE_MONTHS = 27; // April 2008 to June 2010, as the sample

function validCheck(v: Validation): string | null {
  if (v.ok) return null;
  const errors = v.issues.filter((i) => i.severity === "error");
  return `the synthetic workbook is not valid: ${errors.length} errors, first: ${errors[0]?.message ?? "?"}`;
}

async function validateFigure(
  ctx: BenchContext,
  sampler: RssSampler,
  measures: number,
  budgetMs?: number
): Promise<TimedFigure> {
  const shape: WorkbookShape = {
    measures,
    months: VALIDATE_MONTHS,
    peersPerGroup: 15,
    peerMeasures: 3,
  };
  const sheets = syntheticWorkbook(shape);
  const n = rowCount(sheets, "Monthly");
  const snapshot = snapshotOfData(sheets);
  return runFigure(
    ctx,
    {
      key: `validate${sizeTag(n)}`,
      label: "validate",
      n,
      unit: "Monthly rows",
      budgetMs,
      note: `${measures.toLocaleString("en-GB")} measures x ${VALIDATE_MONTHS} months`,
    },
    () => validate(snapshot),
    validCheck,
    { memory: sampler }
  );
}

interface AnalyseFigures {
  analyse: TimedFigure;
  model: TimedFigure;
  peerRows: number;
}

/** analyse (validate + model), and the model alone on the same validated input. */
async function analyseFigures(
  ctx: BenchContext,
  sampler: RssSampler,
  measures: number,
  peersPerGroup: number,
  budgetMs?: number
): Promise<AnalyseFigures> {
  const shape = { measures, months: ANALYSE_MONTHS, peersPerGroup, peerMeasures: measures };
  const sheets = syntheticWorkbook(shape);
  const peerRows = rowCount(sheets, "Peers");
  const n = rowCount(sheets, "Monthly") + peerRows;
  const snapshot = snapshotOfData(sheets);
  const spec = {
    n,
    unit: "Monthly + Peers rows",
    budgetMs,
    note: `${measures} measures, ${peersPerGroup} peers each in 2 periods, ${ANALYSE_MONTHS} months`,
  };
  const size = `${measures}x${peersPerGroup}`;
  const modelled = (a: Analysis) =>
    validCheck(a) ??
    (a.model?.measures.length === measures + 2 ? null : "the model lacks measures");
  const analyseFigure = await runFigure(
    ctx,
    { ...spec, key: `analyse${size}`, label: "analyse" },
    () => analyse(snapshot),
    modelled,
    { memory: sampler }
  );
  const v = validate(snapshot);
  const input = v.input;
  const windows = v.windows;
  if (!input || !windows) throw new Error(`buildModel ${size}: the workbook is not valid.`);
  const modelFigure = await runFigure(
    ctx,
    { ...spec, key: `buildModel${size}`, label: "buildModel" },
    () => buildModel(input, windows),
    (m) => (m.measures.length === measures + 2 ? null : "the model lacks measures"),
    { memory: sampler }
  );
  return { analyse: analyseFigure, model: modelFigure, peerRows };
}

async function run(ctx: BenchContext): Promise<SectionResult> {
  const result = emptyResult();
  const budget = WELL_UNDER_A_SECOND_MS;
  const sampler = new RssSampler();
  try {
    // Small workbooks first: rss is not given back at once after the 1,000,000-row one.
    const base = await analyseFigures(ctx, sampler, 20, 15, budget);
    const byMeasures = await analyseFigures(ctx, sampler, 200, 15);
    const byPeers = await analyseFigures(ctx, sampler, 20, 150);
    const vSmall = await validateFigure(ctx, sampler, 1_000, budget);
    const vLarge = await validateFigure(ctx, sampler, 10_000);
    for (const f of [base, byMeasures, byPeers]) result.figures.push(f.analyse, f.model);
    result.figures.push(vSmall, vLarge);
    const peerRows = { nSmall: base.peerRows, nLarge: byPeers.peerRows, unit: "Peers rows" };
    for (const which of ["analyse", "model"] as const) {
      const label = which === "analyse" ? "analyse" : "buildModel";
      const key = which === "analyse" ? "analyse" : "buildModel";
      result.scaling.push(
        scalingFigure(
          `${key}ByMeasures`,
          `${label}, 20 -> 200 measures`,
          base[which],
          byMeasures[which]
        ),
        scalingFigure(
          `${key}ByPeers`,
          `${label}, 15 -> 150 peers`,
          base[which],
          byPeers[which],
          peerRows
        )
      );
    }
    result.scaling.push(scalingFigure("validate", "validate", vSmall, vLarge));
  } finally {
    await sampler.stop();
  }
  return result;
}

export const engineSection: Section = { key: "engine", title: "Workbook engine", run };
