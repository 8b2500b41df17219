import { MonthKey, Ymd } from "../../core";
import { Geography } from "../geography";
import { measureIdOf, monthText } from "./police-format";
import {
  AreaRows,
  SliceForces,
  formerNames,
  monthList,
  nameList,
  partnershipRows,
} from "./police-areas";
import { ImportedArea, ImportedAreaMonth, partnershipAreas } from "./police-area-rows";
import { ImportedPeer, PeerWindow, buildPeers } from "./police-peers";
import { ImportWindow, importSettings } from "./police-settings";
import { ImportWarning, PoliceTally } from "./police-tally";

export type { ImportedPeer, PeerWindow } from "./police-peers";
export type { ImportedArea, ImportedAreaMonth } from "./police-area-rows";
export type { ImportWindow } from "./police-settings";
export { lastCoveredQuarterEnd } from "./police-settings";

export interface PoliceImportOptions {
  /** A district or CSP, in any spelling the geography knows. */
  partnership: string;
  /** The most similar group's members (the partnership is always one); null: no Peers rows. */
  peers?: readonly string[] | null;
  /** Area -> population, overriding the ONS estimates for the areas it names. */
  population?: ReadonlyMap<string, number> | null;
  peerWindow?: PeerWindow;
}

export interface ImportedMeasure {
  id: string;
  label: string;
  /** The partnership's rows of this type over the months it has counts for. */
  rows: number;
}
export interface ImportedMonth {
  measure: string;
  month: MonthKey;
  count: number;
}

/** The contract's tables from police.uk rows (spec/open-data.md), with every warning. */
export interface PoliceImport {
  /** As the workbook names it (ONS: "City of Bristol", "Western Suffolk"). */
  partnership: string;
  kind: "district" | "csp";
  /** Its districts, as the workbook names them. */
  districts: string[];
  /** Its force, as police.uk's files name it. */
  force: string;
  /** Every month among the files, of any force. */
  months: MonthKey[];
  rows: number;
  noLocation: number;
  measures: ImportedMeasure[];
  monthly: ImportedMonth[];
  /** The partnership's LSOAs and their monthly counts (spec/areas.md): Areas and AreaMonthly. */
  areas: ImportedArea[];
  areaMonthly: ImportedAreaMonth[];
  peers: ImportedPeer[];
  /** Where the peers' populations came from, for the summary; null without Peers rows. */
  populationNote: string | null;
  /** The last quarter end the partnership's data covers (null: no whole quarter). */
  periodEnd: Ymd | null;
  window: ImportWindow;
  baselineStartYear: number | null;
  /**
   * Months a workbook on the import's own Settings leaves out of Monthly (they would make a
   * compared window partial). A workbook keeping its own Settings (--into) keeps them.
   */
  leftOut: MonthKey[];
  warnings: ImportWarning[];
  /** Said where the import's Settings are used: a new workbook, or blank Settings filled. */
  settingsWarnings: ImportWarning[];
}

/** Rows naming the partnership's or peers' districts in other forces' files: said once. */
function strayWarning(areas: readonly AreaRows[]): ImportWarning | null {
  const byForce = new Map<string, number>();
  const named: string[] = [];
  for (const a of areas) {
    if (a.stray.size === 0) continue;
    named.push(a.area.name);
    for (const [f, n] of a.stray) byForce.set(f, (byForce.get(f) ?? 0) + n);
  }
  if (byForce.size === 0) return null;
  const total = [...byForce.values()].reduce((x, y) => x + y, 0);
  const parts = [...byForce]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([f, n]) => `${f}: ${n.toLocaleString("en-GB")}`);
  return {
    code: "OTHER_FORCE_ROWS",
    message: `${total.toLocaleString("en-GB")} row${total === 1 ? "" : "s"} naming LSOAs of ${nameList(named)} in other forces' files (${parts.join("; ")}) ${total === 1 ? "is" : "are"} not counted: an area is counted from its own force's files only, so its numbers do not depend on which neighbours were downloaded.`,
  };
}

function noLocationWarning(forces: SliceForces, force: string): ImportWarning | null {
  let total = 0;
  const own = new Map<MonthKey, number>();
  const others = new Set<string>();
  for (const s of forces.tally.slices.values()) {
    if (s.noLocation === 0) continue;
    total += s.noLocation;
    const name = forces.nameOf(s);
    if (name === force) own.set(s.month, (own.get(s.month) ?? 0) + s.noLocation);
    else others.add(name);
  }
  if (total === 0) return null;
  const ownTotal = [...own.values()].reduce((a, b) => a + b, 0);
  const months = [...own]
    .sort((a, b) => a[0] - b[0])
    .map(([m, n]) => `${monthText(m)}: ${n.toLocaleString("en-GB")}`)
    .join(", ");
  return {
    code: "NO_LOCATION",
    message: `${total.toLocaleString("en-GB")} rows have no location and are in no district's counts: ${ownTotal.toLocaleString("en-GB")} of ${force}'s${months ? ` (${months})` : ""}${others.size > 0 ? ` and ${(total - ownTotal).toLocaleString("en-GB")} of ${others.size} other force${others.size === 1 ? "" : "s"}` : ""}.`,
  };
}

function duplicateWarning(tally: PoliceTally): ImportWarning | null {
  const d = tally.duplicates;
  if (d.length === 0) return null;
  const shown = d.slice(0, 4).map((x) => `${x.file} (the same rows as ${x.sameAs})`);
  return {
    code: "DUPLICATE_FILES",
    message: `${d.length} file${d.length === 1 ? " holds" : "s hold"} force-months already read, counted once: ${shown.join("; ")}${d.length > 4 ? `; and ${d.length - 4} more` : ""}.`,
  };
}

/**
 * The partnership's monthly counts and its peers' rates from the tally, counted from each area's
 * own force's files (the ONS lookup says which), with every warning. Throws AreaError (exit 1)
 * when the partnership or a peer names nothing, or the partnership cannot be counted from these
 * files, with a sentence saying why.
 */
export function buildPoliceImport(
  tally: PoliceTally,
  geo: Geography,
  options: PoliceImportOptions
): PoliceImport {
  const area = geo.resolve(options.partnership);
  const forces = new SliceForces(tally, geo);
  const own = partnershipRows(forces, area, options.partnership);
  const force = area.force.name;
  const warnings: ImportWarning[] = [...tally.warnings];
  if (area.note) warnings.push({ code: "AREA_NOTE", message: area.note });
  const dup = duplicateWarning(tally);
  if (dup) warnings.push(dup);
  const months = tally.sortedMonths();

  const unsupplied = months.filter((k) => !own.supplied.has(k));
  if (unsupplied.length > 0) {
    warnings.push({
      code: "FORCE_MONTH_MISSING",
      message: `${force} supplied no data for ${monthList(unsupplied)}: ${area.name} has no Monthly rows for ${unsupplied.length === 1 ? "that month" : "those months"} (missing, not 0).`,
    });
  }
  if (own.empty.length > 0) {
    const former = formerNames(forces, area.force, own.empty);
    warnings.push({
      code: "BOUNDARY_MONTHS",
      message: `${force}'s files for ${monthList(own.empty)} name no LSOA of ${area.name}: it did not exist in that geography, so ${own.empty.length === 1 ? "that month has" : "those months have"} no Monthly rows (never 0).${former.length > 0 ? ` Those files name ${nameList(former)}, not in the ONS lookup of December 2023: the districts of the time.` : ""}`,
    });
  }

  const counted = new Set(own.byMonth.keys());
  const settings = importSettings(counted, area.name);
  const types = tally.sortedTypes();
  const measures: ImportedMeasure[] = [];
  const monthly: ImportedMonth[] = [];
  const written = [...counted].sort((a, b) => a - b);
  for (const type of types) {
    const label = tally.types.list[type] as string;
    const id = measureIdOf(label);
    let rows = 0;
    for (const month of written) {
      const count = own.byMonth.get(month)?.get(type) ?? 0;
      rows += count;
      monthly.push({ measure: id, month, count });
    }
    measures.push({ id, label, rows });
  }
  const areas = partnershipAreas(forces, own, types, written);
  warnings.push(...areas.warnings);

  const peerResult = options.peers
    ? buildPeers(
        forces,
        own,
        {
          names: options.peers,
          population: options.population ?? null,
          window: options.peerWindow ?? "quarter",
        },
        types,
        months,
        warnings
      )
    : null;
  const stray = strayWarning(peerResult?.members ?? [own]);
  if (stray) warnings.push(stray);
  const noLoc = noLocationWarning(forces, force);
  if (noLoc) warnings.push(noLoc);
  return {
    partnership: area.name,
    kind: area.kind,
    districts: area.districts.map((d) => d.name),
    force,
    months,
    rows: tally.rows,
    noLocation: tally.noLocationTotal(),
    measures,
    monthly,
    areas: areas.areas,
    areaMonthly: areas.monthly,
    peers: peerResult?.peers ?? [],
    populationNote: peerResult?.populationNote ?? null,
    periodEnd: settings.periodEnd,
    window: settings.window,
    baselineStartYear: settings.baselineStartYear,
    leftOut: settings.leftOut,
    warnings,
    settingsWarnings: settings.warnings,
  };
}
