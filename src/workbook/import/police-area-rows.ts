import { MonthKey } from "../../core";
import { AreaRows, SliceForces, nameList } from "./police-areas";
import { measureIdOf } from "./police-format";
import { ImportWarning, TYPE_SPAN } from "./police-tally";

import { ALL_CRIME_ID, ASB_ID } from "../contract-areas";

export interface ImportedArea {
  /** The LSOA code (E01018154). */
  code: string;
  /** Its LSOA name in the latest month met (South Cambridgeshire 012B). */
  name: string;
  /** The mean point of its own force's rows over the imported data; null when none has one. */
  longitude: number | null;
  latitude: number | null;
}

export interface ImportedAreaMonth {
  area: string;
  measure: string;
  month: MonthKey;
  count: number;
}

export interface PartnershipAreas {
  areas: ImportedArea[];
  /** Per area, measure (each crime type, then ALL_CRIME) and month Monthly has: 0 where none. */
  monthly: ImportedAreaMonth[];
  warnings: ImportWarning[];
}

/**
 * The partnership's LSOAs and their monthly counts (spec/areas.md), from the same tally and the
 * same rows as Monthly: its own force's files, the months Monthly counts (`months`), the rows its
 * districts' names give. So, for each type and month, the areas' counts add up to Monthly's.
 * `types` are the tally's type ids in Measures order.
 */
export function partnershipAreas(
  forces: SliceForces,
  own: AreaRows,
  types: readonly number[],
  months: readonly MonthKey[]
): PartnershipAreas {
  const { tally } = forces;
  const lsoas = tally.lsoas;
  const wanted = new Set(months);
  const ownForces = new Set<number>();
  // code id -> month -> type id -> rows
  const counts = new Map<number, Map<MonthKey, Map<number, number>>>();
  for (const slice of tally.slices.values()) {
    if (forces.of(slice) !== own.area.force) continue;
    ownForces.add(slice.force);
    if (!wanted.has(slice.month)) continue;
    for (let i = 0; i < slice.areaKeys.length; i++) {
      const k = slice.areaKeys[i] as number;
      const place = Math.floor(k / TYPE_SPAN);
      if (!own.names.has(lsoas.placeDistrict[place] as number)) continue;
      const code = lsoas.placeCode[place] as number;
      let byMonth = counts.get(code);
      if (!byMonth) counts.set(code, (byMonth = new Map()));
      let byType = byMonth.get(slice.month);
      if (!byType) byMonth.set(slice.month, (byType = new Map()));
      const t = k % TYPE_SPAN;
      byType.set(t, (byType.get(t) ?? 0) + (slice.areaCounts[i] as number));
    }
  }
  const warnings: ImportWarning[] = [];
  const blank = lsoas.codes.list.findIndex((c) => c.trim() === "");
  const noCode = blank >= 0 ? counts.get(blank) : undefined;
  if (noCode) {
    let n = 0;
    for (const byType of noCode.values()) for (const v of byType.values()) n += v;
    warnings.push({
      code: "AREA_CODE_MISSING",
      message: `${n.toLocaleString("en-GB")} of ${own.area.name}'s rows name a district but no LSOA code: they are in Monthly but in no area of AreaMonthly, so the areas add up to less than Monthly.`,
    });
    counts.delete(blank);
  }
  const forceIds = [...ownForces];
  const codes = [...counts.keys()].sort((a, b) =>
    (lsoas.codes.list[a] as string) < (lsoas.codes.list[b] as string) ? -1 : 1
  );
  const labels = types.map((t) => tally.types.list[t] as string);
  const ids = labels.map(measureIdOf);
  const areas: ImportedArea[] = [];
  const monthly: ImportedAreaMonth[] = [];
  const noPoint: string[] = [];
  for (const c of codes) {
    const code = lsoas.codes.list[c] as string;
    const point = lsoas.meanPoint(c, forceIds);
    if (!point) noPoint.push(code);
    areas.push({
      code,
      name: lsoas.names[c] as string,
      longitude: point?.longitude ?? null,
      latitude: point?.latitude ?? null,
    });
    const byMonth = counts.get(c) as Map<MonthKey, Map<number, number>>;
    types.forEach((t, i) => {
      for (const month of months)
        monthly.push({
          area: code,
          measure: ids[i] as string,
          month,
          count: byMonth.get(month)?.get(t) ?? 0,
        });
    });
    for (const month of months) {
      let all = 0;
      types.forEach((t, i) => {
        if (ids[i] !== ASB_ID) all += byMonth.get(month)?.get(t) ?? 0;
      });
      monthly.push({ area: code, measure: ALL_CRIME_ID, month, count: all });
    }
  }
  if (noPoint.length > 0)
    warnings.push({
      code: "AREA_NO_POINT",
      message: `${nameList(noPoint)} ${noPoint.length === 1 ? "has" : "have"} no row with a map point, so ${noPoint.length === 1 ? "its" : "their"} Longitude and Latitude are blank and the map leaves ${noPoint.length === 1 ? "it" : "them"} out.`,
    });
  return { areas, monthly, warnings };
}
