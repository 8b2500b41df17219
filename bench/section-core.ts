import { ni32FromHearings, positions, spcAnalysis } from "../src/core";
import { WELL_UNDER_A_SECOND_MS } from "./budgets";
import { caseList, counts, hearingsOf, peerRates } from "./data-inputs";
import { scalingFigure, sizeTag } from "./figures";
import { runFigure } from "./run-figure";
import { BenchContext, Section, SectionResult, emptyResult } from "./types";

/** The core called directly, without the custom functions' argument coercion. */

async function ni32Figure(ctx: BenchContext, n: number, budgetMs?: number) {
  const cases = caseList(n);
  const hearings = hearingsOf(cases);
  return runFigure(
    ctx,
    { key: `ni32Hearings${sizeTag(n)}`, label: "ni32FromHearings", n, unit: "hearings", budgetMs },
    () => ni32FromHearings(hearings, cases.periodStart, cases.periodEnd),
    (r) => (r.cases > 0 && r.rate >= 0 && r.rate <= 1 ? null : `unexpected ${JSON.stringify(r)}`)
  );
}

async function positionsFigure(ctx: BenchContext, n: number, budgetMs?: number) {
  const rates = peerRates(n);
  return runFigure(
    ctx,
    { key: `positions${sizeTag(n)}`, label: "positions", n, unit: "partnerships", budgetMs },
    () => positions(rates, "lower"),
    (r) => (r.length === n ? null : `expected ${n} positions, got ${r.length}`)
  );
}

/** SPC: limits, the four rules over every point and the latest point's verdict. */
async function spcFigure(ctx: BenchContext, n: number, budgetMs?: number) {
  const values = counts(n);
  return runFigure(
    ctx,
    { key: `spc${sizeTag(n)}`, label: "spcAnalysis", n, unit: "points", budgetMs },
    () => spcAnalysis(values, "lower"),
    (r) => (r.signals.length === n ? null : `expected ${n} signals, got ${r.signals.length}`)
  );
}

async function run(ctx: BenchContext): Promise<SectionResult> {
  const result = emptyResult();
  const budget = WELL_UNDER_A_SECOND_MS;
  const ni32Tenth = await ni32Figure(ctx, 10_000);
  const ni32Small = await ni32Figure(ctx, 100_000, budget);
  const ni32Large = await ni32Figure(ctx, 1_000_000);
  const posSmall = await positionsFigure(ctx, 300, budget);
  const posLarge = await positionsFigure(ctx, 3_000);
  const spcSmall = await spcFigure(ctx, 100_000, budget);
  const spcLarge = await spcFigure(ctx, 1_000_000);
  result.figures.push(ni32Tenth, ni32Small, ni32Large, posSmall, posLarge, spcSmall, spcLarge);
  result.scaling.push(
    scalingFigure("ni32Hearings10kTo100k", "ni32FromHearings", ni32Tenth, ni32Small),
    scalingFigure("ni32Hearings100kTo1m", "ni32FromHearings", ni32Small, ni32Large),
    scalingFigure("positions", "positions", posSmall, posLarge),
    scalingFigure("spc100kTo1m", "spcAnalysis", spcSmall, spcLarge)
  );
  result.notes.push(
    "Case lists have 0.6 n distinct victims: 600,000 in the 1,000,000-hearing list, grouped in one Map."
  );
  return result;
}

export const coreSection: Section = { key: "core", title: "Core", run };
