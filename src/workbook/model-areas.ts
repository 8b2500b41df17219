import {
  AreaComparatorKind,
  MonthKey,
  MonthWindow,
  SPC_MIN_POINTS,
  TOP_BY_VOLUME,
  TOP_CHART_AREAS,
  areaChange,
  areaComparator,
  areasMapSentence,
  areasSentence,
  areasStatusText,
  keyLabel,
  keyMonth,
  keyYear,
  rankAreas,
  spcAnalysis,
  spcVariationWords,
  windowLength,
  windowMonths,
} from "../core";
import { ContractInput } from "./contract";
import { ALL_CRIME_ID, ASB_ID, AreaMonthRow, areaKey, areaKeys } from "./contract-areas";
import { Windows } from "./checks";
import { AreaMeasure, AreaResult, AreasModel } from "./model-types";

/** The words of each flag (spec/areas.md): flags are said, never shown by colour alone. */
export const AREA_FLAGS = {
  rising: "Rising",
  concerning: "Concerning special cause",
  top: `Top ${TOP_BY_VOLUME} by volume`,
  asbRising: "ASB rising",
  asbConcerning: "ASB concerning special cause",
} as const;

type Series = Map<MonthKey, number>;

const isoMonth = (k: MonthKey) => `${keyYear(k)}-${String(keyMonth(k)).padStart(2, "0")}`;
const span = (w: MonthWindow) =>
  w.start === w.end ? keyLabel(w.start) : `${keyLabel(w.start)} to ${keyLabel(w.end)}`;

/** The sum over a window, or null when any month of it has no row (missing, never 0). */
function windowSum(series: Series | undefined, w: MonthWindow): number | null {
  if (!series) return null;
  let total = 0;
  for (const k of windowMonths(w)) {
    const v = series.get(k);
    if (v === undefined) return null;
    total += v;
  }
  return total;
}

/** The XmR reading of the run of months ending at `end` (lower is better: high is concerning). */
function spcOfSeries(
  series: Series | undefined,
  end: MonthKey,
  baselineMonths: number | null
): AreaMeasure["spc"] {
  const values: number[] = [];
  for (let k = end; series?.has(k); k--) values.push(series.get(k) as number);
  if (values.length < SPC_MIN_POINTS) return null;
  values.reverse();
  const k = baselineMonths !== null && baselineMonths <= values.length ? baselineMonths : undefined;
  const r = spcAnalysis(values, "lower", k);
  return {
    points: values.length,
    mean: r.limits.mean,
    lower: r.limits.lower,
    upper: r.limits.upper,
    variation: r.variation,
    side: r.side,
    words: spcVariationWords(r.variation, r.side),
  };
}

function measureOf(
  series: Series | undefined,
  current: MonthWindow,
  comparator: MonthWindow | null,
  baselineMonths: number | null
): AreaMeasure {
  const c = areaChange(
    windowSum(series, current),
    comparator ? windowSum(series, comparator) : null
  );
  const spc = spcOfSeries(series, current.end, baselineMonths);
  return { ...c, spc, concerning: spc?.variation === "concerning" };
}

/** Each area's series per measure, from the rows validation kept (the first of duplicates). */
function seriesOf(rows: readonly AreaMonthRow[], end: MonthKey): Map<string, Map<string, Series>> {
  const out = new Map<string, Map<string, Series>>();
  const keyOf = areaKeys();
  for (const r of rows) {
    if (r.month > end || (r.measure !== ALL_CRIME_ID && r.measure !== ASB_ID)) continue;
    const code = keyOf(r.area);
    let byMeasure = out.get(code);
    if (!byMeasure) out.set(code, (byMeasure = new Map()));
    let s = byMeasure.get(r.measure);
    if (!s) byMeasure.set(r.measure, (s = new Map()));
    if (!s.has(r.month)) s.set(r.month, r.count);
  }
  return out;
}

/**
 * The Priority areas sheet's figures (spec/areas.md), or null when the workbook has no Areas and
 * AreaMonthly tables or they cannot make the sheet (validation has said why). `figureMajor` is the
 * figure number's first part, after the priority sheets'.
 */
export function areasOf(input: ContractInput, w: Windows, figureMajor: string): AreasModel | null {
  const { areas, areaMonthly } = input;
  if (!areas || !areaMonthly) return null;
  const current = w.current;
  const series = seriesOf(areaMonthly, current.end);
  const months = new Set<MonthKey>();
  let hasAsb = false;
  for (const byMeasure of series.values()) {
    for (const k of byMeasure.get(ALL_CRIME_ID)?.keys() ?? []) months.add(k);
    if (byMeasure.has(ASB_ID)) hasAsb = true;
  }
  if (months.size === 0 || !windowMonths(current).every((k) => months.has(k))) return null;
  const comp = areaComparator(current, (m) => months.has(m));
  const k = input.settings.spcBaselineMonths;
  const figures: Omit<AreaResult, "rank" | "top" | "flags">[] = areas.map((a) => {
    const bySeries = series.get(areaKey(a.code));
    return {
      code: a.code,
      name: a.name,
      longitude: a.longitude,
      latitude: a.latitude,
      allCrime: measureOf(bySeries?.get(ALL_CRIME_ID), current, comp?.window ?? null, k),
      asb: hasAsb ? measureOf(bySeries?.get(ASB_ID), current, comp?.window ?? null, k) : null,
    };
  });
  const ranked = rankAreas(figures.map((f) => ({ ...f, current: f.allCrime.current })));
  const results: AreaResult[] = ranked.map((f, i) => {
    const top = i < TOP_BY_VOLUME && f.allCrime.current !== null;
    const flags: string[] = [];
    if (f.allCrime.rising) flags.push(AREA_FLAGS.rising);
    if (f.allCrime.concerning) flags.push(AREA_FLAGS.concerning);
    if (top) flags.push(AREA_FLAGS.top);
    if (f.asb?.rising) flags.push(AREA_FLAGS.asbRising);
    if (f.asb?.concerning) flags.push(AREA_FLAGS.asbConcerning);
    return {
      code: f.code,
      name: f.name,
      longitude: f.longitude,
      latitude: f.latitude,
      rank: i + 1,
      allCrime: f.allCrime,
      asb: f.asb,
      top,
      flags,
    };
  });
  const phrase = span(current);
  const comparator = comp
    ? {
        kind: comp.kind,
        start: isoMonth(comp.window.start),
        end: isoMonth(comp.window.end),
        phrase:
          comp.kind === "year earlier"
            ? `the same months a year earlier (${span(comp.window)})`
            : `the ${windowLength(current) === 1 ? "month" : `${windowLength(current)} months`} just before (${span(comp.window)})`,
      }
    : null;
  const counted = results.filter((r) => r.allCrime.current !== null);
  const text = {
    areas: counted.length,
    rising: results.filter((r) => r.allCrime.rising).map((r) => r.name),
    top: counted.slice(0, 3).map((r) => ({ name: r.name, count: r.allCrime.current as number })),
    windowPhrase: phrase,
    comparatorPhrase: comparator?.phrase ?? null,
  };
  const unplaced = results.filter((r) => r.longitude === null).map((r) => r.name);
  return {
    window: { start: isoMonth(current.start), end: isoMonth(current.end), phrase },
    comparator,
    areas: results,
    hasAsb,
    chartAreas: Math.min(TOP_CHART_AREAS, counted.length),
    figures: { bar: `${figureMajor}.1`, map: `${figureMajor}.2` },
    sentences: {
      intro: introSentence(phrase, comparator?.kind ?? null, comparator?.phrase ?? null),
      bar: areasSentence(text),
      map: areasMapSentence({ ...text, unplaced }),
    },
    status: {
      rising: text.rising,
      top: text.top,
      text: areasStatusText(text.rising.length, text.top),
    },
  };
}

function introSentence(
  window: string,
  kind: AreaComparatorKind | null,
  comparator: string | null
): string {
  const against =
    kind === null
      ? "There is no comparator: the data has every month neither of the same months a year earlier nor of the months just before, so no area is tested for a rise."
      : `Compared with ${comparator}${kind === "window before" ? ", as the data does not have every month of the same months a year earlier" : ""}.`;
  return `Crime by area (LSOA) in ${window}: all crime but anti-social behaviour, and anti-social behaviour. ${against} Rising: z of 1.96 or more and more crime than the comparator (Wheeler's test). Concerning special cause: the latest month on an XmR chart of the area's monthly counts (12 or more months). Sorted by crime, then area code.`;
}
