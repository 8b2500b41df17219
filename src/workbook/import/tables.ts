import { MonthKey, keyMonth, keyYear, ymdToSerial, yearLabel } from "../../core";
import { Cell } from "../snapshot";
import { CONTRACT_COLUMNS, DataColumn, DataSheet, templateWorkbook } from "../workbook-data";
import { POLICE_PRIORITY } from "./police-format";
import { PoliceImport } from "./police-import";

/** The tables an import fills; MARAC and Referrals are never touched. */
export const IMPORT_TABLES = [
  "Settings",
  "Measures",
  "Monthly",
  "Peers",
  "Areas",
  "AreaMonthly",
] as const;
export type ImportTable = (typeof IMPORT_TABLES)[number];

/** A row to write, by lower-case header (extra columns of the user's table are left blank). */
export type ImportRow = Record<string, Cell>;

export const monthSerial = (k: MonthKey): number =>
  ymdToSerial({ year: keyYear(k), month: keyMonth(k), day: 1 });

/**
 * The rows an import writes. `ownSettings`: the workbook keeps Settings of its own, so the months
 * the import's Settings would leave out (PoliceImport.leftOut) are written too.
 */
export function importedRows(
  imp: PoliceImport,
  ownSettings = false
): Record<ImportTable, ImportRow[]> {
  const leftOut = new Set(ownSettings ? [] : imp.leftOut);
  return {
    Settings: [
      { setting: "Partnership", value: imp.partnership },
      { setting: "Period end", value: imp.periodEnd ? ymdToSerial(imp.periodEnd) : null },
      {
        setting: "Baseline year",
        value: imp.baselineStartYear === null ? null : yearLabel(imp.baselineStartYear, 4),
      },
      { setting: "Year start month", value: 4 },
      { setting: "Window", value: imp.window },
      { setting: "Peer band method", value: "sd" },
      { setting: "Default tolerance", value: 0.05 },
    ],
    Measures: imp.measures.map((m) => ({
      measure: m.id,
      label: m.label,
      priority: POLICE_PRIORITY,
      polarity: "lower is better",
      target: "none",
      "target value": null,
      tolerance: null,
      figure: null,
    })),
    Monthly: imp.monthly
      .filter((r) => !leftOut.has(r.month))
      .map((r) => ({
        measure: r.measure,
        month: monthSerial(r.month),
        count: r.count,
      })),
    Areas: imp.areas.map((a) => ({
      "area code": a.code,
      "area name": a.name,
      longitude: a.longitude,
      latitude: a.latitude,
    })),
    AreaMonthly: imp.areaMonthly
      .filter((r) => !leftOut.has(r.month))
      .map((r) => ({
        "area code": r.area,
        measure: r.measure,
        month: monthSerial(r.month),
        count: r.count,
      })),
    Peers: imp.peers.map((p) => ({
      measure: p.measure,
      "period end": ymdToSerial(p.periodEnd),
      partnership: p.partnership,
      rate: p.rate,
      count: p.count,
      population: p.population,
    })),
  };
}

const cols = (name: string) => CONTRACT_COLUMNS[name] as DataColumn[];
const asRow = (columns: DataColumn[], r: ImportRow): Cell[] =>
  columns.map((c) => r[c.header.toLowerCase()] ?? null);

/**
 * A new workbook from an import: the template's tables, with Settings, Measures, Monthly and Peers
 * filled (MARAC and Referrals stay empty for the analyst's own figures), then Areas and AreaMonthly.
 */
export function importWorkbook(imp: PoliceImport): DataSheet[] {
  const rows = importedRows(imp);
  const areaSheets: DataSheet[] =
    rows.Areas.length === 0
      ? []
      : (["Areas", "AreaMonthly"] as const).map((name) => ({
          name,
          table: name,
          columns: cols(name),
          rows: rows[name].map((r) => asRow(cols(name), r)),
        }));
  const template = templateWorkbook().map((s): DataSheet => {
    if (!(IMPORT_TABLES as readonly string[]).includes(s.name)) return s;
    const table = s.name as ImportTable;
    if (table === "Settings") {
      return {
        ...s,
        rows: rows.Settings.map((r) => asRow(cols("Settings"), r)),
        cellFormats: [
          { row: 1, col: 1, numFmt: "yyyy-mm-dd" },
          { row: 2, col: 1, numFmt: "@" },
        ],
      };
    }
    return { ...s, rows: rows[table].map((r) => asRow(cols(table), r)) };
  });
  return [...template, ...areaSheets];
}
