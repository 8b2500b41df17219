import {
  MonthKey,
  Ymd,
  daysInMonth,
  isoDate,
  keyMonth,
  keyYear,
  monthKey,
  rate,
  yearLabel,
  yearStartOf,
} from "../../core";
import { measureIdOf, monthText, normalName } from "./police-format";
import { ImportWarning, PoliceTally } from "./police-tally";
import { nearestNames } from "./nearest";

export type PeerWindow = "quarter" | "rolling 12 months";

export interface PoliceImportOptions {
  partnership: string;
  /** The most similar group's members (the partnership is always one); null: no Peers rows. */
  peers?: readonly string[] | null;
  /** Area -> population, keyed by any spelling (matched as normalName). */
  population?: ReadonlyMap<string, number> | null;
  peerWindow?: PeerWindow;
}

export interface ImportedMeasure {
  id: string;
  label: string;
  /** The partnership's rows of this type over all months read. */
  rows: number;
}
export interface ImportedMonth {
  measure: string;
  month: MonthKey;
  count: number;
}
export interface ImportedPeer {
  measure: string;
  periodEnd: Ymd;
  partnership: string;
  rate: number;
  count: number;
  population: number;
}

/** The contract's tables from police.uk rows (spec/open-data.md), with every warning. */
export interface PoliceImport {
  partnership: string;
  force: string | null;
  months: MonthKey[];
  rows: number;
  noLocation: number;
  measures: ImportedMeasure[];
  monthly: ImportedMonth[];
  peers: ImportedPeer[];
  /** The last quarter end the partnership's data covers (null: no whole quarter). */
  periodEnd: Ymd | null;
  baselineStartYear: number | null;
  warnings: ImportWarning[];
}

/** The partnership is named in no file: exit 1, with the districts found, closest first. */
export class PartnershipNotFoundError extends Error {
  constructor(
    readonly partnership: string,
    readonly nearest: string[]
  ) {
    super(
      nearest.length === 0
        ? `No row names a district (every row had no location), so "${partnership}" cannot be found.`
        : `"${partnership}" is not a district in these files. Districts found, closest first: ${nearest.slice(0, 12).join("; ")}${nearest.length > 12 ? `; and ${nearest.length - 12} more` : ""}.`
    );
    this.name = "PartnershipNotFoundError";
  }
}

const lastDay = (key: MonthKey): Ymd => {
  const year = keyYear(key);
  const month = keyMonth(key);
  return { year, month, day: daysInMonth(year, month) };
};
const range = (from: MonthKey, to: MonthKey): MonthKey[] =>
  Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
const list = (keys: readonly MonthKey[]) => keys.map(monthText).join(", ");

/** The last quarter end (March, June, September, December) whose three months are all supplied. */
export function lastCoveredQuarterEnd(supplied: ReadonlySet<MonthKey>): MonthKey | null {
  const sorted = [...supplied].sort((a, b) => b - a);
  for (const k of sorted) {
    if (keyMonth(k) % 3 === 0 && supplied.has(k - 1) && supplied.has(k - 2)) return k;
  }
  return null;
}

/** The first financial year (April to March) whose twelve months are all supplied, before `before`. */
function firstWholeYear(supplied: ReadonlySet<MonthKey>, before: number): number | null {
  const years = [...new Set([...supplied].map((k) => yearStartOf(k, 4)))].sort((a, b) => a - b);
  for (const y of years) {
    if (y >= before) break;
    const start = monthKey(y, 4);
    if (range(start, start + 11).every((k) => supplied.has(k))) return y;
  }
  return null;
}

export function buildPoliceImport(tally: PoliceTally, options: PoliceImportOptions): PoliceImport {
  const partnership = tally.findDistrict(options.partnership);
  if (partnership === null) {
    throw new PartnershipNotFoundError(
      options.partnership,
      nearestNames(options.partnership, tally.districtNames())
    );
  }
  const warnings: ImportWarning[] = [...tally.warnings];
  const months = tally.sortedMonths();
  const force = tally.forceOf(partnership);
  const supplied = tally.suppliedMonths(partnership);
  const unsupplied = months.filter((k) => !supplied.has(k));
  if (unsupplied.length > 0) {
    warnings.push({
      code: "FORCE_MONTH_MISSING",
      message: `${force ?? "The partnership's force"} supplied no data for ${list(unsupplied)}: ${partnership} has no Monthly rows for ${unsupplied.length === 1 ? "that month" : "those months"} (missing, not 0).`,
    });
  }
  const types = tally.sortedTypes();
  const measures: ImportedMeasure[] = [];
  const monthly: ImportedMonth[] = [];
  for (const type of types) {
    const id = measureIdOf(type);
    let rows = 0;
    for (const month of months) {
      if (!supplied.has(month)) continue;
      const count = tally.count(partnership, type, month);
      rows += count;
      monthly.push({ measure: id, month, count });
    }
    measures.push({ id, label: type, rows });
  }
  for (const [f, byMonth] of [...tally.noLocation].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const parts = [...byMonth]
      .sort((a, b) => a[0] - b[0])
      .map(([m, n]) => `${monthText(m)}: ${n}`)
      .join(", ");
    warnings.push({
      code: "NO_LOCATION",
      message: `${f}: rows with no location (no district, so in no partnership's counts): ${parts}.`,
    });
  }

  const quarterEnd = lastCoveredQuarterEnd(supplied);
  let periodEnd: Ymd | null = null;
  let baselineStartYear: number | null = null;
  if (quarterEnd === null) {
    warnings.push({
      code: "NO_WHOLE_QUARTER",
      message: `${partnership}'s data covers no whole quarter (three months ending March, June, September or December), so there is no period end to report on.`,
    });
  } else {
    periodEnd = lastDay(quarterEnd);
    const reportingYear = yearStartOf(quarterEnd, 4);
    baselineStartYear = firstWholeYear(supplied, reportingYear);
    if (baselineStartYear === null) {
      baselineStartYear = reportingYear - 1;
      warnings.push({
        code: "BASELINE_SHORT",
        message: `The data covers no whole financial year before ${yearLabel(reportingYear, 4)}, so the baseline year is set to ${yearLabel(baselineStartYear, 4)} and has too few months; download at least the whole year before the reporting year.`,
      });
    }
  }

  const peers = options.peers
    ? buildPeers(tally, partnership, options, types, months, warnings)
    : [];
  return {
    partnership,
    force,
    months,
    rows: tally.rows,
    noLocation: tally.noLocationTotal(),
    measures,
    monthly,
    peers,
    periodEnd,
    baselineStartYear,
    warnings,
  };
}

interface Member {
  name: string;
  supplied: Set<MonthKey>;
  population: number;
}

function buildPeers(
  tally: PoliceTally,
  partnership: string,
  options: PoliceImportOptions,
  types: readonly string[],
  months: readonly MonthKey[],
  warnings: ImportWarning[]
): ImportedPeer[] {
  const len = options.peerWindow === "rolling 12 months" ? 12 : 3;
  const population = new Map<string, number>();
  for (const [area, n] of options.population ?? []) population.set(normalName(area), n);
  const named = [partnership, ...(options.peers ?? [])];
  const seen = new Set<string>();
  const members: Member[] = [];
  for (const raw of named) {
    const key = normalName(raw);
    if (key === "" || seen.has(key)) continue;
    seen.add(key);
    const name = tally.findDistrict(raw);
    if (name === null) {
      warnings.push({
        code: "PEER_NOT_FOUND",
        message: `Peer group: "${raw.trim()}" is named in no file; it has no Peers rows. Check the spelling against the districts of the download, or add its force's files.`,
      });
      continue;
    }
    const pop = population.get(key);
    if (pop === undefined) {
      warnings.push({
        code: "POPULATION_MISSING",
        message: `Peer group: ${name} has no population${options.population ? " in the population table" : " (no population table was given)"}; it has no Peers rows.`,
      });
      continue;
    }
    members.push({ name, supplied: tally.suppliedMonths(name), population: pop });
  }
  const first = months[0];
  const last = months[months.length - 1];
  if (first === undefined || last === undefined) return [];
  // Quarter ends whose whole window lies inside the months downloaded.
  const ends = range(first + len - 1, last).filter((k) => keyMonth(k) % 3 === 0);
  if (ends.length === 0) {
    warnings.push({
      code: "PEER_WINDOW_SHORT",
      message: `The files cover ${months.length} month${months.length === 1 ? "" : "s"}, too few for a ${options.peerWindow ?? "quarter"} window ending at a quarter end; no Peers rows.`,
    });
    return [];
  }
  // Which members have every month of each window; the others get no row, never a partial rate.
  const complete = new Map<MonthKey, Member[]>();
  const gaps = new Map<string, Map<MonthKey, MonthKey[]>>(); // member -> missing month -> period ends
  for (const end of ends) {
    const window = range(end - len + 1, end);
    const ok: Member[] = [];
    for (const m of members) {
      const missing = window.filter((k) => !m.supplied.has(k));
      if (missing.length === 0) ok.push(m);
      for (const k of missing) {
        let byMonth = gaps.get(m.name);
        if (!byMonth) gaps.set(m.name, (byMonth = new Map()));
        byMonth.set(k, [...(byMonth.get(k) ?? []), end]);
      }
    }
    complete.set(end, ok);
  }
  for (const [name, byMonth] of gaps) {
    for (const [k, endsHit] of byMonth) {
      warnings.push({
        code: "PEER_MONTH_MISSING",
        message: `Peers: ${name}'s force supplied no data for ${monthText(k)}, so ${name} has no rate for the period${endsHit.length === 1 ? "" : "s"} ending ${endsHit.map((e) => isoDate(lastDay(e))).join(", ")}.`,
      });
    }
  }
  // Each period end's group once: the partnership in it, and at least 3 members.
  const own = normalName(partnership);
  const usable: MonthKey[] = [];
  for (const end of ends) {
    const group = complete.get(end) ?? [];
    if (!group.some((m) => normalName(m.name) === own)) continue; // its gap is warned above
    if (group.length < 3) {
      warnings.push({
        code: "PEER_GROUP_TOO_SMALL",
        message: `Peers: for the period ending ${isoDate(lastDay(end))} only ${group.length} member${group.length === 1 ? "" : "s"} have data and a population; a group needs at least 3, so that period has no Peers rows.`,
      });
      continue;
    }
    usable.push(end);
  }
  const out: ImportedPeer[] = [];
  for (const type of types) {
    const id = measureIdOf(type);
    const zeroEnds: string[] = [];
    for (const end of usable) {
      const group = complete.get(end) ?? [];
      const window = range(end - len + 1, end);
      const counts = group.map((m) => window.reduce((s, k) => s + tally.count(m.name, type, k), 0));
      const zero = group.filter((_, i) => counts[i] === 0).map((m) => m.name);
      if (zero.length > 0) {
        zeroEnds.push(`${isoDate(lastDay(end))} (${zero.join(", ")})`);
        continue;
      }
      group.forEach((m, i) => {
        const count = counts[i] as number;
        out.push({
          measure: id,
          periodEnd: lastDay(end),
          partnership: m.name,
          rate: rate(count, m.population),
          count,
          population: m.population,
        });
      });
    }
    if (zeroEnds.length > 0) {
      warnings.push({
        code: "PEER_ZERO_COUNT",
        message: `Peers: no group for ${type} for the period${zeroEnds.length === 1 ? "" : "s"} ending ${zeroEnds.join("; ")}: those members recorded none, and the workbook's peer rates must be positive, so the whole group is left out rather than ranked without them.`,
      });
    }
  }
  return out;
}
