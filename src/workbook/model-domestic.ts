import {
  MonthWindow,
  directionOfTravel,
  formatPercent,
  measureStatus,
  ni32Sentence,
  percentagePointChange,
  periodLabel,
  periodWindow,
  share,
  shareSentence,
  windowLength,
  yearLabel,
} from "../core";
import { ContractInput, MaracRow, MeasureDef, PeriodRow, ReferralRow } from "./contract";
import { Windows } from "./checks";
import { isTotalArea, maracRowsFor, sameArea, selectPeriodRows } from "./select";
import { MeasureFigures, Ni32Result, ReferralShare, ReferralsResult } from "./model-types";
import { countMeasure, targetText } from "./model";

/** The Domestic Abuse measures: NI 32 from the MARAC table, IDVAS referrals and their share. */
function sumRows<R extends PeriodRow>(
  rows: readonly R[],
  win: MonthWindow,
  sm: number,
  value: (r: R) => number
): number | null {
  const sel = selectPeriodRows(rows, win, sm);
  return sel.complete ? sel.rows.reduce((s, r) => s + value(r), 0) : null;
}

export function ni32Of(
  input: ContractInput,
  w: Windows,
  def: MeasureDef | undefined
): { result: Ni32Result; measure: MeasureFigures | null } | null {
  const s = input.settings;
  if (!input.marac || input.marac.length === 0) return null;
  const rows = maracRowsFor(input.marac, s.partnership);
  const sm = s.startMonth;
  const at = (win: MonthWindow) => {
    const cases = sumRows(rows, win, sm, (r: MaracRow) => r.cases);
    const repeats = sumRows(rows, win, sm, (r: MaracRow) => r.repeats);
    return cases === null || repeats === null || cases === 0
      ? null
      : { cases, repeats, rate: repeats / cases };
  };
  const now = at(w.current);
  if (!now) return null;
  const prev = at(w.previous);
  const base = at(w.baseline);
  const target = def?.target ?? { kind: "none" as const };
  const tolerance = def?.tolerance ?? s.tolerance;
  const status = measureStatus(target, now.rate, base?.rate ?? null, tolerance);
  const targetValue = target.kind === "at most" || target.kind === "at least" ? target.value : null;
  const label = def?.label ?? "NI 32";
  const history = [...rows]
    .sort(
      (a, b) =>
        periodWindow(a.period, sm).start - periodWindow(b.period, sm).start ||
        periodWindow(b.period, sm).end - periodWindow(a.period, sm).end
    )
    .filter((r, i, all) => all.findIndex((o) => o.label === r.label) === i)
    .map((r) => {
      const win = periodWindow(r.period, sm);
      const cases = sumRows(rows, win, sm, (x: MaracRow) => x.cases) ?? r.cases;
      const repeats = sumRows(rows, win, sm, (x: MaracRow) => x.repeats) ?? r.repeats;
      return {
        label: periodLabel(r.period, sm),
        cases,
        repeats,
        rate: cases === 0 ? 0 : repeats / cases,
      };
    });
  const ownRows = rows.some((r) => sameArea(r.area, s.partnership));
  const distinct = [...new Set(rows.map((r) => r.area.trim()).filter((a) => a !== ""))];
  const area = ownRows
    ? s.partnership
    : rows.some((r) => isTotalArea(r.area))
      ? "Total"
      : distinct.length === 1
        ? (distinct[0] as string)
        : "All areas";
  const sentence =
    targetValue !== null && target.kind === "at most"
      ? ni32Sentence({
          label: "NI 32",
          periodLabel: w.reporting.label,
          rate: now.rate,
          target: targetValue,
          status,
          repeats: now.repeats,
          cases: now.cases,
        })
      : `${label} in ${w.reporting.label} is ${formatPercent(now.rate, 1)} (${now.repeats} of ${now.cases} MARAC cases were repeats).`;
  const result: Ni32Result = {
    period: w.reporting.label,
    cases: now.cases,
    repeats: now.repeats,
    rate: now.rate,
    target: targetValue,
    status,
    sentence,
    history,
    area,
  };
  const measure = def
    ? {
        id: def.id,
        label: def.label,
        priority: def.priority,
        kind: "rate" as const,
        source: "marac" as const,
        polarity: def.polarity,
        targetText: targetText(def.target, yearLabel(s.baselineStartYear, sm)),
        current: now.rate,
        previous: prev?.rate ?? null,
        baseline: base?.rate ?? null,
        changeVsPrevious: prev ? percentagePointChange(now.rate, prev.rate) / 100 : null,
        changeVsBaseline: base ? percentagePointChange(now.rate, base.rate) / 100 : null,
        z: null,
        significant: null,
        status,
        direction: prev ? directionOfTravel(now.rate, prev.rate, tolerance) : null,
        peer: null,
        narrative: sentence,
        trend: null,
      }
    : null;
  return { result, measure };
}

export function referralsOf(
  input: ContractInput,
  w: Windows,
  def: MeasureDef | undefined
): {
  result: ReferralsResult;
  measure: MeasureFigures | null;
} | null {
  const s = input.settings;
  const all = input.referrals;
  if (!all || all.length === 0) return null;
  const sm = s.startMonth;
  const own = all.filter((r) => sameArea(r.area, s.partnership));
  const stated = all.filter((r) => isTotalArea(r.area));
  const areas = all.filter((r) => !isTotalArea(r.area));
  const totalFor = (win: MonthWindow) =>
    sumRows(stated, win, sm, (r: ReferralRow) => r.referrals) ??
    sumRows(areas, win, sm, (r: ReferralRow) => r.referrals);
  const shareAt = (win: MonthWindow, label: string, wholeYear: boolean): ReferralShare | null => {
    const part = sumRows(own, win, sm, (r: ReferralRow) => r.referrals);
    const total = totalFor(win);
    if (part === null || total === null || total === 0) return null;
    const sh = share(part, total);
    return {
      period: label,
      partnership: part,
      total,
      share: sh,
      sentence: shareSentence(s.partnership, label, sh, wholeYear),
    };
  };
  const now = shareAt(w.current, w.reporting.label, windowLength(w.current) === 12);
  if (!now) return null;
  const prevYear = { kind: "year" as const, startYear: w.reporting.quarter.startYear - 1 };
  const previousYear = shareAt(periodWindow(prevYear, sm), periodLabel(prevYear, sm), true);
  // The table: one column per period (time order, a year after its quarters), one row per area.
  const periods = [
    ...new Map(all.map((r) => [periodLabel(r.period, sm), r.period])).entries(),
  ].sort(([, a], [, b]) => {
    const wa = periodWindow(a, sm);
    const wb = periodWindow(b, sm);
    return wa.end - wb.end || wb.start - wa.start;
  });
  const names = [...new Map(all.map((r) => [r.area.trim().toLowerCase(), r.area.trim()])).values()];
  const ordered = [
    ...names.filter((n) => !isTotalArea(n)).sort((a, b) => a.localeCompare(b)),
    ...names.filter((n) => isTotalArea(n)),
  ];
  const table = {
    periods: periods.map(([l]) => l),
    areas: ordered.map((name) => ({
      name,
      values: periods.map(
        ([l]) =>
          all.find((r) => sameArea(r.area, name) && periodLabel(r.period, sm) === l)?.referrals ??
          null
      ),
      isPartnership: sameArea(name, s.partnership),
      isTotal: isTotalArea(name),
    })),
    totalIsStated: stated.length > 0,
    shares: [] as (number | null)[],
  };
  if (!table.totalIsStated) {
    table.areas.push({
      name: "Total",
      values: periods.map(([, ref]) =>
        sumRows(areas, periodWindow(ref, sm), sm, (r: ReferralRow) => r.referrals)
      ),
      isPartnership: false,
      isTotal: true,
    });
  }
  const ownArea = table.areas.find((a) => a.isPartnership);
  const totals = table.areas.find((a) => a.isTotal);
  const shares = table.periods.map((_, i) => {
    const part = ownArea?.values[i] ?? null;
    const total = totals?.values[i] ?? null;
    return part === null || total === null || total === 0 ? null : share(part, total);
  });
  const result: ReferralsResult = { ...now, previousYear, table: { ...table, shares } };
  let measure: MeasureFigures | null = null;
  if (def) {
    const current = now.partnership;
    const previous = sumRows(own, w.previous, sm, (r: ReferralRow) => r.referrals);
    const baseline = sumRows(own, w.baseline, sm, (r: ReferralRow) => r.referrals);
    measure = {
      ...countMeasure(def, input, w, "referrals", { current, previous, baseline }),
      peer: null,
      trend: null,
    };
  }
  return { result, measure };
}
