import { MonthKey, monthKeyOf } from "../core";
import { IssueList } from "./issues";
import { describeCell } from "./snapshot";
import { CellReader, RowView, TableView, Where, blank } from "./tables";

/** The measure of AreaMonthly that counts every crime type but anti-social behaviour. */
export const ALL_CRIME_ID = "ALL_CRIME";
/** police.uk's "Anti-social behaviour", as a measure id. */
export const ASB_ID = "ANTI_SOCIAL_BEHAVIOUR";

/** One row of the optional Areas table (spec/areas.md): an LSOA and its mean map point. */
export interface AreaRow {
  code: string;
  name: string;
  longitude: number | null;
  latitude: number | null;
  at: Where; // the Area code cell
}

/**
 * One row of the optional AreaMonthly table: an area's count of one measure in one month. The
 * table can hold hundreds of thousands of rows, so a cell's address is made only when an issue
 * names it (`view.at(column)`).
 */
export interface AreaMonthRow {
  area: string;
  measure: string;
  month: MonthKey;
  count: number;
  view: RowView;
}

/** Area codes compare as the ONS writes them, whatever the case typed. */
export const areaKey = (code: string) => code.trim().toUpperCase();

/** areaKey, made once per distinct text (a table repeats each code for every measure and month). */
export function areaKeys(): (code: string) => string {
  const cache = new Map<string, string>();
  return (code) => {
    let k = cache.get(code);
    if (k === undefined) cache.set(code, (k = areaKey(code)));
    return k;
  };
}

function coordinate(
  row: TableView["rows"][number],
  column: "Longitude" | "Latitude",
  code: string,
  issues: IssueList
): number | null {
  const v = row.get(column);
  if (blank(v)) return null;
  const limit = column === "Longitude" ? 180 : 90;
  if (typeof v === "number" && Number.isFinite(v) && Math.abs(v) <= limit) return v;
  const at = row.at(column);
  issues.error(
    "COORDINATE_INVALID",
    at.sheet,
    at.cell,
    `Areas: the ${column} of ${code} is ${describeCell(v)}; it must be degrees from -${limit} to ${limit} (blank when the area has no map point).`
  );
  return null;
}

export function readAreas(table: TableView | null, issues: IssueList): AreaRow[] | null {
  if (!table) return null;
  const reader = new CellReader(issues);
  const out: AreaRow[] = [];
  for (const row of table.rows) {
    const code = reader.text(row, "Area code", true, "An Areas row");
    const name = reader.text(row, "Area name", true, `Area ${code ?? ""}`.trim());
    if (code === null) continue;
    const longitude = coordinate(row, "Longitude", code, issues);
    const latitude = coordinate(row, "Latitude", code, issues);
    out.push({
      code,
      name: name ?? code,
      // A point needs both: one without the other is no place on the map.
      longitude: latitude === null ? null : longitude,
      latitude: longitude === null ? null : latitude,
      at: row.at("Area code"),
    });
  }
  return out;
}

export function readAreaMonthly(table: TableView | null, issues: IssueList): AreaMonthRow[] | null {
  if (!table) return null;
  const reader = new CellReader(issues);
  const out: AreaMonthRow[] = [];
  for (const row of table.rows) {
    const area = reader.text(row, "Area code", true, "An AreaMonthly row");
    const measure = reader.text(row, "Measure", true, `AreaMonthly ${area ?? "row"}`);
    const month = reader.date(row, "Month", `AreaMonthly ${area ?? "row"}`);
    const what = `AreaMonthly ${area ?? ""} ${measure ?? ""}`.replace(/\s+/g, " ").trim();
    const count = reader.count(
      row,
      "Count",
      `${what}${month ? ` ${month.ymd.year}-${String(month.ymd.month).padStart(2, "0")}` : ""}`
    );
    if (area === null || measure === null || month === null || count === null) continue;
    out.push({
      area,
      measure: measure.toUpperCase(),
      month: monthKeyOf(month.ymd),
      count,
      view: row,
    });
  }
  return out;
}
