/*
 * The CDRP custom functions. Each is a thin wrapper: coerce Excel's arguments (coerce.ts), call the
 * core, map failures to Excel errors (errors.ts). functions.json is generated from these JSDoc
 * comments by custom-functions-metadata-plugin, which also appends the CustomFunctions.associate
 * calls to this file at build time.
 */
import {
  change,
  changeText,
  ni32FromCounts,
  ni32FromHearings,
  peerBandSd,
  peerPosition,
  poissonZ,
  rate,
  share,
  ragAgainstLevel,
  parsePolarity,
  Polarity,
  DEFAULT_TOLERANCE,
  serialToYmd,
  monthKeyOf,
  quarterOf,
  periodLabel,
  yearLabel,
  requireStartMonth,
  CoreError,
  BAND_WORDS,
  MaracHearing,
  spcAnalysis,
  spcAssurance,
  spcLimits,
  spcVariationWords,
  SPC_ASSURANCE_WORDS,
} from "../core";
import {
  ExcelArg,
  cellsOf,
  dateOf,
  idOf,
  isBlank,
  numbersOf,
  optionalNumber,
  optionalCount,
  optionalText,
  seriesOf,
  sumOf,
} from "./coerce";
import { excelCall } from "./errors";

function polarityOf(arg: ExcelArg): Polarity {
  const text = optionalText(arg, "polarity", "lower");
  const p = parsePolarity(text);
  if (p === null)
    throw new CoreError("VALUE", `polarity must be "lower" or "higher" (got "${text}").`);
  return p;
}

function startMonthOf(arg: ExcelArg): number {
  return requireStartMonth(optionalNumber(arg, "startMonth", 4));
}

function peersOf(arg: ExcelArg): number[] {
  const { values } = numbersOf(arg, "peers");
  if (values.length === 0) throw new CoreError("NA", "peers has no rates: every cell is blank.");
  return values;
}

/**
 * Change against the baseline: (current - baseline) / baseline, as a fraction to format as a percent.
 * @customfunction BASELINE_DELTA
 * @param current The current count, or a range of counts to add up (for example the months of the quarter).
 * @param baseline The baseline-year count for the same months, or a range to add up.
 * @returns The change as a fraction: 0.1538 for 105 against 91.
 */
export function baselineDelta(current: unknown[][], baseline: unknown[][]): number {
  return excelCall(() => change(sumOf(current, "current"), sumOf(baseline, "baseline", "zero")));
}

/**
 * NI 32 repeat rate: repeat MARAC cases divided by all MARAC cases, pooled (never an average of rates).
 * @customfunction NI32
 * @param repeats Repeat MARAC cases, or a range of them to add up.
 * @param cases All MARAC cases heard, or a range of them to add up.
 * @returns The repeat rate as a fraction: 0.3151 for 46 of 146.
 */
export function ni32(repeats: unknown[][], cases: unknown[][]): number {
  return excelCall(
    () => ni32FromCounts([sumOf(repeats, "repeats")], [sumOf(cases, "cases", "zero")]).rate
  );
}

/**
 * NI 32 from a MARAC case list: the share of cases heard in the period whose victim had a hearing in the 12 months before.
 * @customfunction NI32_CASES
 * @param victims The victim id of each case (one column).
 * @param hearingDates The hearing date of each case (same length as victims). Include earlier hearings: they count as history.
 * @param periodStart First day of the period.
 * @param periodEnd Last day of the period.
 * @returns The repeat rate as a fraction.
 */
export function ni32Cases(
  victims: unknown[][],
  hearingDates: unknown[][],
  periodStart: unknown,
  periodEnd: unknown
): number {
  return excelCall(() => {
    const ids = cellsOf(victims);
    const dates = cellsOf(hearingDates);
    if (ids.length !== dates.length) {
      throw new CoreError(
        "VALUE",
        `victims has ${ids.length} cells but hearingDates has ${dates.length}: give ranges of the same length.`
      );
    }
    const start = dateOf(periodStart, "periodStart");
    const end = dateOf(periodEnd, "periodEnd");
    const hearings: MaracHearing[] = [];
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i];
      const d = dates[i];
      if (isBlank(id) && isBlank(d)) continue;
      if (isBlank(id))
        throw new CoreError("VALUE", `Case ${i + 1} has a hearing date but no victim id.`);
      if (isBlank(d))
        throw new CoreError("VALUE", `Case ${i + 1} has a victim id but no hearing date.`);
      hearings.push({
        victim: idOf(id, "victims", i),
        date: dateOf(d, `hearingDates (case ${i + 1})`),
      });
    }
    return ni32FromHearings(hearings, start, end).rate;
  });
}

/**
 * Status against a target: "Green" when met, "Amber" when missed by no more than tolerance x target, "Red" otherwise.
 * @customfunction RAG
 * @param value The measure's value (or a range to add up).
 * @param target The target level (or a range to add up), for example the baseline count or 0.28.
 * @param [polarity] "lower" (default) when lower is better, "higher" when higher is better.
 * @param [tolerance] How far short still counts as Amber, as a fraction of the target (default 0.05).
 * @returns "Green", "Amber" or "Red".
 */
export function rag(
  value: unknown[][],
  target: unknown[][],
  polarity?: unknown,
  tolerance?: unknown
): string {
  return excelCall(() => {
    const r = ragAgainstLevel(
      sumOf(value, "value"),
      sumOf(target, "target"),
      polarityOf(polarity),
      optionalNumber(tolerance, "tolerance", DEFAULT_TOLERANCE)
    );
    return r === "green" ? "Green" : r === "amber" ? "Amber" : "Red";
  });
}

/**
 * Position in the most similar group: 1 + the number of peers strictly better (ties share a position).
 * @customfunction PEER_POSITION
 * @param value The partnership's rate.
 * @param peers The rates of the group's members (the partnership's own rate may be included).
 * @param [polarity] "lower" (default) when a lower rate is better, or "higher".
 * @returns The position, 1 being the best.
 */
export function peerPositionFn(value: unknown[][], peers: unknown[][], polarity?: unknown): number {
  return excelCall(() => peerPosition(sumOf(value, "value"), peersOf(peers), polarityOf(polarity)));
}

/**
 * Band in the most similar group: outside the mean +/- one sample standard deviation of the members' rates.
 * @customfunction PEER_BAND
 * @param value The partnership's rate.
 * @param peers The rates of all group members, the partnership included (at least 3).
 * @param [polarity] "lower" (default) when a lower rate is better, or "higher".
 * @returns "Better than average", "Average" or "Worse than average".
 */
export function peerBand(value: unknown[][], peers: unknown[][], polarity?: unknown): string {
  return excelCall(
    () => BAND_WORDS[peerBandSd(sumOf(value, "value"), peersOf(peers), polarityOf(polarity)).band]
  );
}

/**
 * Rate per head of population: count / population x per.
 * @customfunction CRIME_RATE
 * @param count The number of crimes (or a range to add up).
 * @param population The population (or a range to add up).
 * @param [per] The rate base (default 1,000: crimes per 1,000 people).
 * @returns The rate.
 */
export function crimeRate(count: unknown[][], population: unknown[][], per?: unknown): number {
  return excelCall(() =>
    rate(
      sumOf(count, "count"),
      sumOf(population, "population", "zero"),
      optionalNumber(per, "per", 1000)
    )
  );
}

/**
 * Share of a total: part / total, for example one district's share of all IDVAS referrals.
 * @customfunction SHARE
 * @param part The part (or a range to add up).
 * @param total The total of all areas (or a range to add up).
 * @returns The share as a fraction: 0.1231 for 33 of 268.
 */
export function shareFn(part: unknown[][], total: unknown[][]): number {
  return excelCall(() => share(sumOf(part, "part"), sumOf(total, "total", "zero")));
}

/**
 * Significance of a change between two counts (Wheeler's test): z = 2(sqrt(current) - sqrt(comparator)); |z| >= 1.96 is significant.
 * @customfunction POISSON_Z
 * @param current The current count (or a range to add up).
 * @param comparator The comparator count (or a range to add up).
 * @returns z: 1.415 for 105 against 91.
 */
export function poissonZFn(current: unknown[][], comparator: unknown[][]): number {
  return excelCall(() => poissonZ(sumOf(current, "current"), sumOf(comparator, "comparator")));
}

/**
 * The year a date falls in: "2010-11" for a financial year starting in April, "2010" for a calendar year.
 * @customfunction FIN_YEAR
 * @param date A date.
 * @param [startMonth] The month the year starts: 4 (April, default) or 1 (January).
 * @returns The year label.
 */
export function finYear(date: unknown, startMonth?: unknown): string {
  return excelCall(() => {
    const sm = startMonthOf(startMonth);
    const key = monthKeyOf(serialToYmd(dateOf(date, "date")));
    return yearLabel(quarterOf(key, sm).startYear, sm);
  });
}

/**
 * The quarter a date falls in: "Q1 2010-11" for 30 June 2010 with years starting in April.
 * @customfunction FIN_QUARTER
 * @param date A date.
 * @param [startMonth] The month the year starts: 4 (April, default) or 1 (January).
 * @returns The quarter label.
 */
export function finQuarter(date: unknown, startMonth?: unknown): string {
  return excelCall(() => {
    const sm = startMonthOf(startMonth);
    const q = quarterOf(monthKeyOf(serialToYmd(dateOf(date, "date"))), sm);
    return periodLabel({ kind: "quarter", ...q }, sm);
  });
}

/**
 * The change in words, as the report writes it: "15% higher than for 2008-09 (91)".
 * @customfunction CHANGE_TEXT
 * @param current The current count (or a range to add up).
 * @param comparator The comparator count (or a range to add up).
 * @param [label] What the comparator is, for example "2008-09" or "the same period last year".
 * @returns The phrase.
 */
export function changeTextFn(
  current: unknown[][],
  comparator: unknown[][],
  label?: unknown
): string {
  return excelCall(() =>
    changeText(
      sumOf(current, "current"),
      sumOf(comparator, "comparator", "zero"),
      optionalText(label, "label", "")
    )
  );
}

/**
 * Control chart limits of a monthly series (XmR, as NHS Making Data Count): the mean, then the lower and upper process limits (mean -/+ 2.66 x the average moving range). Spills into three cells in a row.
 * @customfunction SPC_LIMITS
 * @param values The monthly values in time order: one row or one column, at least 12 months. Blank cells before the first month or after the last are skipped.
 * @param [baselinePoints] Set the limits from the first this many months only (at least 12), for example the months before the process changed. Default: all months.
 * @returns Mean, lower limit, upper limit.
 */
export function spcLimitsFn(values: unknown[][], baselinePoints?: unknown): number[][] {
  return excelCall(() => {
    const series = seriesOf(values, "values");
    const l = spcLimits(series, optionalCount(baselinePoints, "baselinePoints"));
    return [[l.mean, l.lower, l.upper]];
  });
}

/**
 * Is the latest month noise or a real change? "Common cause", or "Special cause: improving low" (concerning high, improving high, concerning low) by the Making Data Count rules: outside the limits, a run of 7 rising or falling, 2 of 3 near a limit, 7 on one side of the mean.
 * @customfunction SPC_VARIATION
 * @param values The monthly values in time order: one row or one column, at least 12 months. Blank cells before the first month or after the last are skipped.
 * @param [polarity] "lower" (default) when lower is better, "higher" when higher is better: it decides which side is improving.
 * @param [baselinePoints] Set the limits from the first this many months only (at least 12). Default: all months.
 * @returns The variation of the latest month in words.
 */
export function spcVariationFn(
  values: unknown[][],
  polarity?: unknown,
  baselinePoints?: unknown
): string {
  return excelCall(() => {
    const series = seriesOf(values, "values");
    const p = polarityOf(polarity);
    const r = spcAnalysis(series, p, optionalCount(baselinePoints, "baselinePoints"));
    return spcVariationWords(r.variation, r.side);
  });
}

/**
 * Will the process meet its target? "Consistently meets target" when both control limits are on the target's good side, "Consistently misses target" when both are on its bad side, otherwise "Hit and miss".
 * @customfunction SPC_ASSURANCE
 * @param values The monthly values in time order: one row or one column, at least 12 months. Blank cells before the first month or after the last are skipped.
 * @param target The target level, for example 30 crimes a month or 0.28.
 * @param [polarity] "lower" (default) when lower is better (the target is a ceiling), "higher" when higher is better (a floor).
 * @param [baselinePoints] Set the limits from the first this many months only (at least 12). Default: all months.
 * @returns The assurance in words.
 */
export function spcAssuranceFn(
  values: unknown[][],
  target: unknown[][],
  polarity?: unknown,
  baselinePoints?: unknown
): string {
  return excelCall(() => {
    const series = seriesOf(values, "values");
    const t = sumOf(target, "target");
    const p = polarityOf(polarity);
    const limits = spcLimits(series, optionalCount(baselinePoints, "baselinePoints"));
    return SPC_ASSURANCE_WORDS[spcAssurance(limits, t, p)];
  });
}
