import { MonthKey, Ymd, isoDate, keyMonth, rate } from "../../core";
import { Area, AreaError, keysOf, nameKey } from "../geography";
import { measureIdOf, monthText } from "./police-format";
import { AreaRows, SliceForces, areaRows, nameList } from "./police-areas";
import { lastDay, range } from "./police-settings";
import { ImportWarning } from "./police-tally";

export type PeerWindow = "quarter" | "rolling 12 months";

export interface ImportedPeer {
  measure: string;
  periodEnd: Ymd;
  partnership: string;
  rate: number;
  count: number;
  population: number;
}

export interface PeerOptions {
  /** The group as named (the partnership is always a member). */
  names: readonly string[];
  /** Area -> population as the user's table gives it; null: the ONS estimates. */
  population: ReadonlyMap<string, number> | null;
  window: PeerWindow;
}

interface Member {
  rows: AreaRows;
  /** Months it has counts for. */
  months: Set<MonthKey>;
}

/** Every key an area answers to in a user's population table. */
function keysOfArea(area: Area, typed: string): string[] {
  const ons = [...area.districts.map((d) => d.ons), area.formerName ?? ""].filter((x) => x !== "");
  const own = area.districts.length === 1 ? ons : [];
  return [...new Set([nameKey(area.name), nameKey(typed), ...own.flatMap(keysOf)])];
}

/**
 * The most similar group's rows (spec/open-data.md): for each crime type and each quarter end
 * whose whole window the files cover, each member's count over the window, from its own force's
 * files, and its rate per 1,000 people (ONS mid-year estimates unless a table is given). A member
 * without every month of a window has no row for it, never a rate from fewer months or from
 * another force's rows; a period whose group would lack the partnership or have fewer than 3
 * members has none.
 */
export function buildPeers(
  forces: SliceForces,
  own: AreaRows,
  options: PeerOptions,
  types: readonly number[],
  months: readonly MonthKey[],
  warnings: ImportWarning[]
): { peers: ImportedPeer[]; members: AreaRows[]; populationNote: string | null } {
  const { tally, geo } = forces;
  const len = options.window === "rolling 12 months" ? 12 : 3;
  const table = new Map<string, number>();
  for (const [area, n] of options.population ?? []) table.set(nameKey(area), n);

  const members: Member[] = [{ rows: own, months: new Set(own.byMonth.keys()) }];
  const typedOf = new Map<Area, string>([[own.area, own.area.name]]);
  const seen = new Set([own.area.name]);
  for (const raw of options.names) {
    if (raw.trim() === "") continue;
    let area: Area;
    try {
      area = geo.resolve(raw);
    } catch (e) {
      if (e instanceof AreaError)
        throw new AreaError(e.code, e.typed, `Peer group: ${e.message}`, e.nearest);
      throw e;
    }
    if (seen.has(area.name)) continue;
    seen.add(area.name);
    typedOf.set(area, raw.trim());
    if (area.note) warnings.push({ code: "AREA_NOTE", message: `Peer group: ${area.note}` });
    const rows = areaRows(forces, area);
    if (rows.supplied.size === 0) {
      warnings.push({
        code: "PEER_FORCE_ABSENT",
        message: `Peer group: ${area.name} is policed by ${area.force.name}; no ${area.force.name} files are among the inputs, so ${area.name} has no Peers rows (it is never counted from other forces' rows).`,
      });
      continue;
    }
    members.push({ rows, months: new Set(rows.byMonth.keys()) });
  }

  const first = months[0];
  const last = months[months.length - 1];
  if (first === undefined || last === undefined)
    return { peers: [], members: members.map((m) => m.rows), populationNote: null };
  const ends = range(first + len - 1, last).filter((k) => keyMonth(k) % 3 === 0);
  if (ends.length === 0) {
    warnings.push({
      code: "PEER_WINDOW_SHORT",
      message: `The files cover ${months.length} month${months.length === 1 ? "" : "s"}, too few for a ${options.window} window ending at a quarter end; no Peers rows.`,
    });
    return { peers: [], members: members.map((m) => m.rows), populationNote: null };
  }

  // Populations: the user's table where it names the member, else ONS's estimate at each end.
  const notInTable: string[] = [];
  const noEstimate = new Set<string>();
  const midYears = new Set<number>();
  const populationAt = (m: Member, end: MonthKey): number | null => {
    const area = m.rows.area;
    if (options.population) {
      const key = keysOfArea(area, typedOf.get(area) ?? area.name).find((k) => table.has(k));
      if (key !== undefined) return table.get(key) as number;
      if (!notInTable.includes(area.name)) notInTable.push(area.name);
    }
    const est = geo.population(area, lastDay(end));
    if (est === null) {
      noEstimate.add(area.name);
      return null;
    }
    midYears.add(est.midYear);
    return est.people;
  };

  // Which members have every month of each window; the others get no row, never a partial rate.
  const complete = new Map<MonthKey, { m: Member; population: number }[]>();
  const gaps = new Map<Member, Map<MonthKey, MonthKey[]>>(); // member -> missing month -> ends
  for (const end of ends) {
    const window = range(end - len + 1, end);
    const ok: { m: Member; population: number }[] = [];
    for (const m of members) {
      const missing = window.filter((k) => !m.months.has(k));
      for (const k of missing) {
        let byMonth = gaps.get(m);
        if (!byMonth) gaps.set(m, (byMonth = new Map()));
        byMonth.set(k, [...(byMonth.get(k) ?? []), end]);
      }
      if (missing.length > 0) continue;
      const population = populationAt(m, end);
      if (population !== null) ok.push({ m, population });
    }
    complete.set(end, ok);
  }
  for (const [m, byMonth] of gaps) {
    const name = m.rows.area.name;
    const force = m.rows.area.force.name;
    for (const [k, endsHit] of byMonth) {
      const why = m.rows.supplied.has(k)
        ? `${force}'s files for ${monthText(k)} name none of its LSOAs (a boundary change)`
        : `${force} supplied no data for ${monthText(k)}`;
      warnings.push({
        code: "PEER_MONTH_MISSING",
        message: `Peers: ${why}, so ${name} has no rate for the period${endsHit.length === 1 ? "" : "s"} ending ${endsHit.map((e) => isoDate(lastDay(e))).join(", ")}.`,
      });
    }
  }
  if (notInTable.length > 0) {
    warnings.push({
      code: "POPULATION_FROM_ONS",
      message: `Peers: the population table does not name ${nameList(notInTable)}; ${notInTable.length === 1 ? "its" : "their"} ONS mid-year estimate${notInTable.length === 1 ? " is" : "s are"} used.`,
    });
  }
  for (const name of noEstimate) {
    warnings.push({
      code: "POPULATION_MISSING",
      message: `Peers: ${name} has no ONS mid-year estimate for the periods imported (the estimates cover districts as they are since April 2023, from mid-2011); it has no Peers rows. Give its population with a population table.`,
    });
  }

  // Each period end's group once: the partnership in it, and at least 3 members.
  const usable: MonthKey[] = [];
  for (const end of ends) {
    const group = complete.get(end) ?? [];
    if (!group.some((g) => g.m.rows === own)) continue; // its gap is warned above
    if (group.length < 3) {
      warnings.push({
        code: "PEER_GROUP_TOO_SMALL",
        message: `Peers: for the period ending ${isoDate(lastDay(end))} only ${group.length} member${group.length === 1 ? "" : "s"} have counts and a population; a group needs at least 3, so that period has no Peers rows.`,
      });
      continue;
    }
    usable.push(end);
  }
  const out: ImportedPeer[] = [];
  for (const type of types) {
    const label = tally.types.list[type] as string;
    const id = measureIdOf(label);
    const zeroEnds: string[] = [];
    for (const end of usable) {
      const group = complete.get(end) ?? [];
      const window = range(end - len + 1, end);
      const counts = group.map((g) =>
        window.reduce((s, k) => s + (g.m.rows.byMonth.get(k)?.get(type) ?? 0), 0)
      );
      const zero = group.filter((_, i) => counts[i] === 0).map((g) => g.m.rows.area.name);
      if (zero.length > 0) {
        zeroEnds.push(`${isoDate(lastDay(end))} (${zero.join(", ")})`);
        continue;
      }
      group.forEach((g, i) => {
        const count = counts[i] as number;
        out.push({
          measure: id,
          periodEnd: lastDay(end),
          partnership: g.m.rows.area.name,
          rate: rate(count, g.population),
          count,
          population: g.population,
        });
      });
    }
    if (zeroEnds.length > 0) {
      warnings.push({
        code: "PEER_ZERO_COUNT",
        message: `Peers: no group for ${label} for the period${zeroEnds.length === 1 ? "" : "s"} ending ${zeroEnds.join("; ")}: those members' own forces recorded none there, and the workbook's peer rates must be positive, so the whole group is left out rather than ranked without them.`,
      });
    }
  }
  const years = [...midYears].sort((a, b) => a - b);
  const populationNote =
    out.length === 0
      ? null
      : years.length === 0
        ? "the population table"
        : `ONS mid-year estimates (mid-${years.join(", mid-")})${options.population ? " where the population table does not name the member" : ""}`;
  return { peers: out, members: members.map((m) => m.rows), populationNote };
}
