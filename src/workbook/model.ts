import {
  Band,
  MonthKey,
  CoreError,
  Polarity,
  Target,
  change,
  directionOfTravel,
  isSignificant,
  measureStatus,
  mean,
  measureSentence,
  monthKey,
  monthName,
  peerBandCi,
  peerBandSd,
  peerSentence,
  poissonZ,
  positions,
  serialToYmd,
  isoDate,
  keyYear,
  keyMonth,
  daysInMonth,
  windowLength,
  windowPhrase,
  pastPhrase,
  yearLabel,
  formatPercent,
} from "../core";
import {
  ContractInput,
  DA_INCIDENTS_ID,
  MeasureDef,
  MonthlyRow,
  NI32_ID,
  PeerRow,
  REFERRALS_ID,
} from "./contract";
import { spcOf } from "./model-spc";
import { Windows } from "./checks";
import { monthIndex, sameArea, sumWindow } from "./select";
import {
  Concern,
  MeasureFigures,
  MeasureResult,
  PeerResult,
  PriorityGroup,
  ReportModel,
  TrendSeries,
} from "./model-types";
import { ni32Of, referralsOf } from "./model-domestic";
import { areasOf } from "./model-areas";

export function targetText(t: Target, baselineLabel: string): string {
  switch (t.kind) {
    case "below baseline":
      return `Below ${baselineLabel} level`;
    case "at most":
      return `No higher than ${t.value <= 1 ? formatPercent(t.value, 1).replace(/\.0%$/, "%") : t.value}`;
    case "at least":
      return `At least ${t.value <= 1 ? formatPercent(t.value, 1).replace(/\.0%$/, "%") : t.value}`;
    case "increase on baseline":
      return `${formatPercent(t.fraction)} increase on ${baselineLabel}`;
    case "none":
      return "No target";
  }
}

export const safeChange = (a: number | null, b: number | null) =>
  a === null || b === null || b === 0 ? null : change(a, b);

function orderFigures(
  priorities: PriorityGroup[],
  defs: Map<string, MeasureDef>,
  hasPeers: (id: string) => boolean
) {
  const figures = new Map<string, { figure: string; positionFigure: string | null }>();
  priorities.forEach((p, pi) => {
    const major = p.number ?? String(pi + 1);
    let next = 1;
    for (const id of p.measures) {
      const def = defs.get(id);
      if (!def || def.id === NI32_ID || def.id === REFERRALS_ID || def.id === DA_INCIDENTS_ID)
        continue;
      const given = def.figure !== null ? /^(\d+)\.(\d+)$/.exec(def.figure) : null;
      const figure = given ? (def.figure as string) : `${major}.${next}`;
      const minor = given ? Number(given[2]) : next;
      const prefix = given ? given[1] : major;
      const positionFigure = hasPeers(id) ? `${prefix}.${minor + 1}` : null;
      figures.set(id, { figure, positionFigure });
      next = minor + (positionFigure ? 2 : 1);
    }
  });
  return figures;
}

function priorityGroups(defs: readonly MeasureDef[]): PriorityGroup[] {
  const out: PriorityGroup[] = [];
  for (const d of defs) {
    let g = out.find((p) => p.name === d.priority);
    if (!g) {
      const m = /^(\d+)\s*[:.\-–]?\s*(.*)$/.exec(d.priority);
      g = {
        name: d.priority,
        number: m ? (m[1] as string) : null,
        title: m && m[2] ? (m[2] as string) : d.priority,
        measures: [],
      };
      out.push(g);
    }
    g.measures.push(d.id);
  }
  return out;
}

/** Each measure's peer groups, latest period first, in one pass over the Peers rows. */
function peerGroupsByMeasure(
  rows: readonly PeerRow[],
  endSerialMax: number
): Map<string, PeerRow[][]> {
  const byMeasure = new Map<string, Map<number, PeerRow[]>>();
  for (const r of rows) {
    if (r.periodEnd > endSerialMax) continue;
    let byEnd = byMeasure.get(r.measure);
    if (!byEnd) byMeasure.set(r.measure, (byEnd = new Map()));
    const g = byEnd.get(r.periodEnd);
    if (g) g.push(r);
    else byEnd.set(r.periodEnd, [r]);
  }
  const out = new Map<string, PeerRow[][]>();
  for (const [measure, byEnd] of byMeasure) {
    out.set(
      measure,
      [...byEnd.entries()].sort((a, b) => b[0] - a[0]).map(([, g]) => g)
    );
  }
  return out;
}

interface GroupStanding {
  position: number;
  band: Band;
  mean: number;
  sd: number | null;
  members: PeerResult["members"];
}

function standing(group: PeerRow[], input: ContractInput, polarity: Polarity): GroupStanding {
  const s = input.settings;
  const rates = group.map((r) => r.rate);
  const pos = positions(rates, polarity);
  const ownIndex = group.findIndex((r) => sameArea(r.partnership, s.partnership));
  const own = group[ownIndex];
  if (!own) throw new CoreError("NA", "The partnership is not in its most similar group.");
  const m = mean(rates);
  let band: Band;
  let sd: number | null = null;
  if (s.bandMethod === "ci" && own.count !== null && own.population !== null) {
    band = peerBandCi(own.count, own.population, m, polarity);
  } else {
    const r = peerBandSd(own.rate, rates, polarity);
    band = r.band;
    sd = r.sd;
  }
  const members = group
    .map((r, i) => ({
      name: r.partnership,
      rate: r.rate,
      position: pos[i] as number,
      isPartnership: i === ownIndex,
    }))
    .sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));
  return { position: pos[ownIndex] as number, band, mean: m, sd, members };
}

function peerResult(
  def: MeasureDef,
  input: ContractInput,
  w: Windows,
  groups: readonly PeerRow[][]
): PeerResult | null {
  const s = input.settings;
  const current = groups[0];
  if (!current) return null;
  const now = standing(current, input, def.polarity);
  const prev = groups[1] ? standing(groups[1], input, def.polarity) : null;
  const first = current[0] as PeerRow;
  return {
    periodEnd: isoDate(serialToYmd(first.periodEnd)),
    method: s.bandMethod,
    position: now.position,
    of: current.length,
    band: now.band,
    mean: now.mean,
    sd: now.sd,
    previousPosition: prev?.position ?? null,
    previousBand: prev?.band ?? null,
    members: now.members,
    sentence: peerSentence({
      partnership: s.partnership,
      position: now.position,
      of: current.length,
      previousPosition: prev?.position ?? null,
      band: now.band,
      previousBand: prev?.band ?? null,
      pastPhrase: pastPhrase(w.current),
    }),
  };
}

function serialOf(d: { year: number; month: number; day: number }): number {
  // Days are compared as serials; one conversion keeps the peers' Period end and the setting comparable.
  return Math.round((Date.UTC(d.year, d.month - 1, d.day) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

function trendOf(
  months: Map<MonthKey, MonthlyRow> | undefined,
  input: ContractInput,
  w: Windows
): MeasureResult["trend"] {
  const sm = input.settings.startMonth;
  const years: [TrendSeries["role"], number][] = [
    ["current", w.reporting.quarter.startYear],
    ["previous", w.reporting.quarter.startYear - 1],
    ["baseline", input.settings.baselineStartYear],
  ];
  const seen = new Set<number>();
  const series: TrendSeries[] = [];
  for (const [role, year] of years) {
    if (seen.has(year)) continue; // baseline year = previous year: one line
    seen.add(year);
    const start = monthKey(year, sm);
    const values = Array.from({ length: 12 }, (_, i) => months?.get(start + i)?.count ?? null);
    series.push({ label: yearLabel(year, sm), role, values });
  }
  const labels = Array.from({ length: 12 }, (_, i) =>
    monthName(((sm - 1 + i) % 12) + 1).slice(0, 3)
  );
  return { months: labels, series };
}

export interface Counts {
  current: number | null;
  previous: number | null;
  baseline: number | null;
}

/**
 * A counted measure's figures, however its counts were gathered (Monthly or Referrals): changes,
 * significance, status, direction and sentence, computed in one place.
 */
export function countMeasure(
  def: MeasureDef,
  input: ContractInput,
  w: Windows,
  source: MeasureResult["source"],
  { current, previous, baseline }: Counts
): Omit<MeasureFigures, "peer" | "trend"> {
  const s = input.settings;
  const baseLabel = yearLabel(s.baselineStartYear, s.startMonth);
  const phrase = windowPhrase(w.reporting, s.window, s.startMonth);
  const z = current !== null && baseline !== null ? poissonZ(current, baseline) : null;
  return {
    id: def.id,
    label: def.label,
    priority: def.priority,
    kind: "count",
    source,
    polarity: def.polarity,
    targetText: targetText(def.target, baseLabel),
    current,
    previous,
    baseline,
    changeVsPrevious: safeChange(current, previous),
    changeVsBaseline: safeChange(current, baseline),
    z,
    significant: z === null ? null : isSignificant(z),
    status: measureStatus(def.target, current, baseline, def.tolerance),
    direction:
      current !== null && previous !== null
        ? directionOfTravel(current, previous, def.tolerance)
        : null,
    narrative:
      current === null
        ? `There is no data for ${def.label} in ${phrase}.`
        : measureSentence({
            windowPhrase: phrase,
            label: def.label,
            polarity: def.polarity,
            current,
            previous,
            baseline,
            baselineLabel: baseLabel,
          }),
  };
}

function monthlyMeasure(
  def: MeasureDef,
  input: ContractInput,
  w: Windows,
  months: Map<MonthKey, MonthlyRow> | undefined,
  groups: readonly PeerRow[][]
): MeasureFigures {
  const counts = {
    current: sumWindow(months, w.current).total,
    previous: sumWindow(months, w.previous).total,
    baseline: sumWindow(months, w.baseline).total,
  };
  return {
    ...countMeasure(def, input, w, "monthly", counts),
    peer: peerResult(def, input, w, groups),
    trend: trendOf(months, input, w),
  };
}

/** The Priority areas sheet's figures follow every priority sheet's: "2" after priority 1. */
function areasFigureMajor(priorities: readonly PriorityGroup[]): string {
  const majors = priorities.map((p, i) => Number(p.number ?? i + 1)).filter(Number.isFinite);
  return String(Math.max(0, ...majors) + 1);
}

/** The report model of a workbook that passed validation. */
export function buildModel(input: ContractInput, w: Windows): ReportModel {
  const s = input.settings;
  const sm = s.startMonth;
  const baseLabel = yearLabel(s.baselineStartYear, sm);
  const defs = new Map(input.measures.map((m) => [m.id, m]));
  const priorities = priorityGroups(input.measures);
  const monthsByMeasure = monthIndex(input.monthly);
  const groupsByMeasure = peerGroupsByMeasure(input.peers, serialOf(s.periodEnd));
  const hasPeers = (id: string) => (groupsByMeasure.get(id)?.length ?? 0) > 0;
  const figures = orderFigures(priorities, defs, hasPeers);
  const ni32 = ni32Of(input, w, defs.get(NI32_ID));
  const referrals = referralsOf(input, w, defs.get(REFERRALS_ID));
  const measures: MeasureResult[] = [];
  for (const def of input.measures) {
    const base =
      def.id === NI32_ID
        ? (ni32?.measure ?? null)
        : def.id === REFERRALS_ID
          ? (referrals?.measure ?? null)
          : monthlyMeasure(
              def,
              input,
              w,
              monthsByMeasure.get(def.id),
              groupsByMeasure.get(def.id) ?? []
            );
    if (!base) continue;
    const f = figures.get(def.id);
    const spc =
      base.source === "monthly"
        ? spcOf(
            def.label,
            def.polarity,
            monthsByMeasure.get(def.id),
            w.current.end,
            s.spcBaselineMonths
          )
        : { spc: null, months: 0 };
    measures.push({
      ...base,
      figure: f?.figure ?? null,
      positionFigure: f?.positionFigure ?? null,
      spc: spc.spc,
      spcMonths: spc.months,
      spcFigure: spc.spc && f ? `${f.figure}a` : null,
      placement: def.id === DA_INCIDENTS_ID ? "domestic" : "priority",
    });
  }
  const rank = { red: 0, amber: 1 } as const;
  const concerns: Concern[] = measures
    .filter((m) => m.status === "red" || m.status === "amber")
    .sort((a, b) => rank[a.status as "red" | "amber"] - rank[b.status as "red" | "amber"])
    .map((m) => ({ id: m.id, label: m.label, status: m.status, sentence: m.narrative }));
  const endKey = w.current.end;
  return {
    partnership: s.partnership,
    marking: s.marking,
    period: {
      label: w.reporting.label,
      start: isoDate({ year: keyYear(w.current.start), month: keyMonth(w.current.start), day: 1 }),
      end: isoDate({
        year: keyYear(endKey),
        month: keyMonth(endKey),
        day: daysInMonth(keyYear(endKey), keyMonth(endKey)),
      }),
    },
    window: {
      kind: s.window,
      phrase: windowPhrase(w.reporting, s.window, sm),
      months: windowLength(w.current),
    },
    yearLabels: {
      current: yearLabel(w.reporting.quarter.startYear, sm),
      previous: yearLabel(w.reporting.quarter.startYear - 1, sm),
      baseline: baseLabel,
    },
    measures,
    priorities,
    ni32: ni32?.result ?? null,
    referrals: referrals?.result ?? null,
    concerns,
    areas: areasOf(input, w, areasFigureMajor(priorities)),
  };
}
