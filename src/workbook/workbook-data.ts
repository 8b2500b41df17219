import { Cell } from "./snapshot";

/**
 * A workbook to write, host-neutral: the template and the sample are described once, here, and
 * written as Excel tables by the .xlsx host (cdrp template / sample) and the Office.js host
 * (Create template / Insert sample).
 */
export interface DataColumn {
  header: string;
  width: number;
  kind: "text" | "number" | "date" | "month";
  numFmt?: string;
}

export interface DataSheet {
  name: string;
  /** The Excel table (ListObject) name; null for a sheet of plain notes. */
  table: string | null;
  columns: DataColumn[];
  rows: Cell[][];
  /** Formats of single cells where a column mixes kinds (the Settings table's Period end). */
  cellFormats?: { row: number; col: number; numFmt: string }[];
}

export const DATE_FORMAT = "yyyy-mm-dd";
export const MONTH_FORMAT = "mmm yyyy";
/** Degrees to six places: about 10 cm, finer than police.uk's anonymised points. */
export const COORDINATE_FORMAT = "0.000000";

/** Text columns carry Excel's Text format: typed labels such as 2009-10 then stay text, not dates. */
const text = (header: string, width: number): DataColumn => ({
  header,
  width,
  kind: "text",
  numFmt: "@",
});
const num = (header: string, width: number, numFmt = "0"): DataColumn => ({
  header,
  width,
  kind: "number",
  numFmt,
});

export const CONTRACT_COLUMNS: Record<string, DataColumn[]> = {
  Settings: [text("Setting", 22), { header: "Value", width: 28, kind: "text" }],
  Measures: [
    text("Measure", 22),
    text("Label", 30),
    text("Priority", 38),
    text("Polarity", 18),
    text("Target", 22),
    num("Target value", 13, "General"),
    num("Tolerance", 11, "General"),
    text("Figure", 8),
  ],
  Monthly: [
    text("Measure", 22),
    { header: "Month", width: 12, kind: "month", numFmt: MONTH_FORMAT },
    num("Count", 9),
  ],
  Peers: [
    text("Measure", 22),
    { header: "Period end", width: 12, kind: "date", numFmt: DATE_FORMAT },
    text("Partnership", 26),
    num("Rate", 9, "0.00"),
    num("Count", 9),
    num("Population", 12, "#,##0"),
  ],
  MARAC: [text("Period", 12), text("Area", 18), num("Cases", 9), num("Repeat cases", 13)],
  Referrals: [text("Period", 12), text("Area", 24), num("Referrals", 11)],
  Areas: [
    text("Area code", 12),
    text("Area name", 30),
    num("Longitude", 11, COORDINATE_FORMAT),
    num("Latitude", 11, COORDINATE_FORMAT),
  ],
  AreaMonthly: [
    text("Area code", 12),
    text("Measure", 22),
    { header: "Month", width: 12, kind: "month", numFmt: MONTH_FORMAT },
    num("Count", 9),
  ],
};

/** The empty workbook of the contract: every table with its headers, Settings with its names. */
export function templateWorkbook(): DataSheet[] {
  const col = (name: string) => CONTRACT_COLUMNS[name] as DataColumn[];
  return [
    {
      name: "Settings",
      table: "Settings",
      columns: col("Settings"),
      rows: [
        ["Partnership", null],
        ["Period end", null],
        ["Baseline year", null],
        ["Year start month", 4],
        ["Window", "year to date"],
        ["Peer band method", "sd"],
        ["Default tolerance", 0.05],
        ["SPC baseline months", null],
        ["Protective marking", null],
      ],
      cellFormats: [
        { row: 1, col: 1, numFmt: DATE_FORMAT },
        { row: 2, col: 1, numFmt: "@" },
      ],
    },
    { name: "Measures", table: "Measures", columns: col("Measures"), rows: [] },
    { name: "Monthly", table: "Monthly", columns: col("Monthly"), rows: [] },
    { name: "Peers", table: "Peers", columns: col("Peers"), rows: [] },
    { name: "MARAC", table: "MARAC", columns: col("MARAC"), rows: [] },
    { name: "Referrals", table: "Referrals", columns: col("Referrals"), rows: [] },
  ];
}
