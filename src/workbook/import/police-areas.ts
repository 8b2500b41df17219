import { MonthKey } from "../../core";
import { Area, AreaError, Force, Geography, nameKey } from "../geography";
import { monthText } from "./police-format";
import { PoliceTally, Slice } from "./police-tally";

/** What the files say of one partnership or peer, counted from its own force's files only. */
export interface AreaRows {
  area: Area;
  /** The district names (as police.uk writes them) whose rows are the area's. */
  names: Set<number>;
  /** Months its force supplied: a file of its force for that month is among the inputs. */
  supplied: Set<MonthKey>;
  /** Month -> crime type id -> rows, for supplied months holding at least one of its rows. */
  byMonth: Map<MonthKey, Map<number, number>>;
  /** Supplied months with no row of the area at all: it did not exist in that month's geography. */
  empty: MonthKey[];
  /** Rows naming the area in other forces' files (British Transport Police...), by force. */
  stray: Map<string, number>;
}

/** Each slice's force, as the geography knows it (by Reported by, else the file's slug). */
export class SliceForces {
  private readonly cache = new Map<Slice, Force | null>();
  constructor(
    readonly tally: PoliceTally,
    readonly geo: Geography
  ) {}
  of(slice: Slice): Force | null {
    let f = this.cache.get(slice);
    if (f === undefined) {
      f = this.geo.forceOf(this.tally.forces.list[slice.force] as string, slice.file);
      this.cache.set(slice, f);
    }
    return f;
  }
  /** A slice's force by the name its files give. */
  nameOf(slice: Slice): string {
    return this.of(slice)?.name ?? (this.tally.forces.list[slice.force] as string);
  }
}

/** The tally's district names that are an area's: its ONS districts, or its former name. */
function namesOf(tally: PoliceTally, geo: Geography, area: Area): Set<number> {
  const out = new Set<number>();
  const former = area.formerName === null ? null : nameKey(area.formerName);
  const districts = new Set(area.districts);
  tally.names.list.forEach((name, id) => {
    if (former !== null) {
      if (nameKey(name) === former) out.add(id);
      return;
    }
    const d = geo.districtOfRows(name);
    if (d !== null && districts.has(d)) out.add(id);
  });
  return out;
}

export function areaRows(forces: SliceForces, area: Area): AreaRows {
  const { tally, geo } = forces;
  const names = namesOf(tally, geo, area);
  const supplied = new Set<MonthKey>();
  const byMonth = new Map<MonthKey, Map<number, number>>();
  const stray = new Map<string, number>();
  for (const slice of tally.slices.values()) {
    const own = forces.of(slice) === area.force;
    const { byType, total } = PoliceTally.rowsOf(slice, names);
    if (own) {
      supplied.add(slice.month);
      if (total > 0) byMonth.set(slice.month, byType);
    } else if (total > 0) {
      const f = forces.nameOf(slice);
      stray.set(f, (stray.get(f) ?? 0) + total);
    }
  }
  const empty = [...supplied].filter((m) => !byMonth.has(m)).sort((a, b) => a - b);
  return { area, names, supplied, byMonth, empty, stray };
}

/**
 * The district names of the area's force's files in those months that are not in the ONS lookup,
 * most rows first: the districts of an earlier geography (Suffolk Coastal, Waveney before East
 * Suffolk), which police.uk kept naming its LSOAs by.
 */
export function formerNames(
  forces: SliceForces,
  force: Force,
  months: readonly MonthKey[]
): string[] {
  const { tally, geo } = forces;
  const wanted = new Set(months);
  const rows = new Map<number, number>();
  let all = 0;
  for (const slice of tally.slices.values()) {
    if (!wanted.has(slice.month) || forces.of(slice) !== force) continue;
    for (const [name, n] of PoliceTally.namesOf(slice)) {
      all += n;
      if (geo.districtOfRows(tally.names.list[name] as string) === null)
        rows.set(name, (rows.get(name) ?? 0) + n);
    }
  }
  // A few rows of a neighbour's old district (a cross-border record) are not a predecessor.
  return [...rows]
    .filter(([, n]) => n >= all / 100)
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .map(([name]) => tally.names.list[name] as string);
}

export const monthList = (keys: readonly MonthKey[]): string => keys.map(monthText).join(", ");

export const nameList = (names: readonly string[], max = 8): string =>
  names.length > max
    ? `${names.slice(0, max).join(", ")} and ${names.length - max} more`
    : names.length <= 1
      ? (names[0] ?? "")
      : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1] as string}`;

/**
 * The partnership's rows, or a sentence saying why there are none: its force supplied no file
 * (Oldham: Greater Manchester Police has published nothing since 2019), or its force's files name
 * none of its LSOAs (Cumberland, in files that still name Allerdale, Carlisle and Copeland).
 */
export function partnershipRows(forces: SliceForces, area: Area, typed: string): AreaRows {
  const rows = areaRows(forces, area);
  const force = area.force;
  if (rows.supplied.size === 0) {
    const present = [
      ...new Set([...forces.tally.slices.values()].map((s) => forces.nameOf(s))),
    ].sort();
    throw new AreaError(
      "FORCE_ABSENT",
      typed,
      `${area.name} is policed by ${force.name}; no ${force.name} files are among the inputs${present.length > 0 ? ` (they hold ${nameList(present, 6)})` : ""}. Download ${force.name}'s street-level crime from data.police.uk, or name another partnership.`
    );
  }
  if (rows.byMonth.size === 0) {
    const months = [...rows.supplied].sort((a, b) => a - b);
    const former = formerNames(forces, force, months);
    // A district formed from others whose CSPs kept their names (Cumberland: Allerdale, Carlisle, Copeland).
    const formerKeys = new Set(former.map(nameKey));
    const csps = area.districts
      .flatMap((d) => d.csps)
      .filter((c) => c.districts.length === 1 && formerKeys.has(nameKey(c.ons)))
      .map((c) => c.name);
    const span = `${monthText(months[0] as number)}${months.length > 1 ? ` to ${monthText(months[months.length - 1] as number)}` : ""}`;
    throw new AreaError(
      "AREA_NO_ROWS",
      typed,
      `${force.name}'s files (${span}) name no LSOA of ${area.name}${former.length > 0 ? `; they name ${nameList(former)}, which ${former.length === 1 ? "is" : "are"} not in the ONS lookup of December 2023: police.uk names each LSOA by the district it was named under, so ${area.name} (formed since) cannot be counted from these files${csps.length > 0 ? `. Its Community Safety Partnerships can be, by those names: ${nameList(csps)}` : ""}` : ""}.`
    );
  }
  return rows;
}

/**
 * The districts and CSPs these files can count, for the pane's list: each district whose own
 * force's files name it, and each CSP of several districts that all can be.
 */
export function countableAreas(forces: SliceForces): string[] {
  const { tally, geo } = forces;
  const withRows = new Set<string>();
  for (const slice of tally.slices.values()) {
    const force = forces.of(slice);
    if (force === null) continue;
    for (const name of PoliceTally.namesOf(slice).keys()) {
      const d = geo.districtOfRows(tally.names.list[name] as string);
      if (d !== null && d.force === force) withRows.add(d.code);
    }
  }
  const out = geo.districts.filter((d) => withRows.has(d.code)).map((d) => d.name);
  for (const c of geo.csps) {
    if (c.districts.length < 2 || !c.districts.every((d) => d.csps.length === 1)) continue;
    if (c.districts.every((d) => withRows.has(d.code))) out.push(c.name);
  }
  return [...new Set(out)].sort((a, b) => a.localeCompare(b, "en"));
}
