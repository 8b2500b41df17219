import {
  baselineDelta,
  ni32Cases,
  peerBand,
  peerPositionFn,
  spcVariationFn,
} from "../src/functions/functions";
import { WELL_UNDER_A_SECOND_MS } from "./budgets";
/// <reference types="custom-functions-runtime" />
import { installCustomFunctionsStub } from "../tests/support/custom-functions-stub";
import { asColumn, caseList, counts, peerRates } from "./data-inputs";
import { scalingFigure, sizeTag } from "./figures";
import { finiteNumber, fraction, runFigure } from "./run-figure";
import { BenchContext, Section, SectionResult, TimedFigure, emptyResult } from "./types";

/** The Excel custom functions, called as Excel calls them: ranges as arrays of rows. */

async function ni32CasesFigure(ctx: BenchContext, n: number, budgetMs?: number) {
  const cases = caseList(n);
  const victims = asColumn(cases.victims);
  const dates = asColumn(cases.dates);
  return runFigure(
    ctx,
    { key: `ni32Cases${sizeTag(n)}`, label: "NI32_CASES", n, unit: "cases", budgetMs },
    () => ni32Cases(victims, dates, cases.periodStart, cases.periodEnd),
    fraction
  );
}

async function peerFigures(ctx: BenchContext, n: number, budgetMs?: number) {
  const rates = asColumn(peerRates(n));
  const own = [[rates[Math.floor(n / 2)]?.[0] ?? 1]];
  const position = await runFigure(
    ctx,
    { key: `peerPosition${sizeTag(n)}`, label: "PEER_POSITION", n, unit: "peers", budgetMs },
    () => peerPositionFn(own, rates, "lower"),
    (r) => (r >= 1 && r <= n ? null : `expected a position from 1 to ${n}, got ${r}`)
  );
  const band = await runFigure(
    ctx,
    { key: `peerBand${sizeTag(n)}`, label: "PEER_BAND", n, unit: "peers", budgetMs },
    () => peerBand(own, rates, "lower"),
    (r) => (typeof r === "string" && r.length > 0 ? null : `expected a band, got ${String(r)}`)
  );
  return { position, band };
}

async function baselineDeltaFigure(ctx: BenchContext, n: number, budgetMs?: number) {
  const current = asColumn(counts(n, 105));
  const baseline = asColumn(counts(n, 91));
  return runFigure(
    ctx,
    {
      key: `baselineDelta${sizeTag(n)}`,
      label: "BASELINE_DELTA",
      n,
      unit: "cells",
      budgetMs,
      note: "n cells in each of current and baseline, one column each",
    },
    () => baselineDelta(current, baseline),
    finiteNumber
  );
}

async function spcVariationFigure(ctx: BenchContext, n: number, budgetMs?: number) {
  const values = asColumn(counts(n, 12));
  return runFigure(
    ctx,
    { key: `spcVariation${sizeTag(n)}`, label: "SPC_VARIATION", n, unit: "cells", budgetMs },
    () => spcVariationFn(values, "lower"),
    (r) => (typeof r === "string" && /cause/.test(r) ? null : `expected a variation, got ${r}`)
  );
}

async function run(ctx: BenchContext): Promise<SectionResult> {
  // src/functions builds its errors with the CustomFunctions global Excel provides; the tests' stand-in supplies it.
  installCustomFunctionsStub();
  const result = emptyResult();
  const figures: TimedFigure[] = result.figures;
  const budget = WELL_UNDER_A_SECOND_MS;

  const ni32Small = await ni32CasesFigure(ctx, 10_000);
  const ni32Large = await ni32CasesFigure(ctx, 100_000, budget);
  const peersSmall = await peerFigures(ctx, 300, budget);
  const peersLarge = await peerFigures(ctx, 3_000);
  const deltaSmall = await baselineDeltaFigure(ctx, 100_000);
  const deltaLarge = await baselineDeltaFigure(ctx, 1_000_000, budget);
  figures.push(ni32Small, ni32Large, peersSmall.position, peersLarge.position);
  figures.push(peersSmall.band, peersLarge.band, deltaSmall, deltaLarge);
  const spcSmall = await spcVariationFigure(ctx, 100_000, budget);
  const spcLarge = await spcVariationFigure(ctx, 1_000_000);
  figures.push(spcSmall, spcLarge);

  result.scaling.push(
    scalingFigure("ni32Cases", "NI32_CASES", ni32Small, ni32Large),
    scalingFigure("peerPosition", "PEER_POSITION", peersSmall.position, peersLarge.position),
    scalingFigure("peerBand", "PEER_BAND", peersSmall.band, peersLarge.band),
    scalingFigure("baselineDelta", "BASELINE_DELTA", deltaSmall, deltaLarge),
    scalingFigure("spcVariation", "SPC_VARIATION", spcSmall, spcLarge)
  );
  result.notes.push(
    "One call each. A sheet that puts PEER_POSITION beside each of n members makes n calls over n peers."
  );
  return result;
}

export const functionsSection: Section = { key: "functions", title: "Custom functions", run };
