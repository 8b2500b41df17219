/**
 * Workbooks with the optional Areas and AreaMonthly tables (spec/areas.md) for tests: the sample
 * (South Cambridgeshire, Q1 2010-11, year to date April to June 2010) plus areas whose monthly
 * series the test gives, April 2008 to June 2010, so the comparator is the same months a year
 * earlier. Nothing here computes a figure the tests expect.
 */
import { Cell, DataSheet, sampleWorkbook } from "../../src/workbook";
import { CONTRACT_COLUMNS } from "../../src/workbook/workbook-data";

/** Excel serial of the first of a month. */
export const monthSerial = (year: number, month: number): number =>
  Math.round((Date.UTC(year, month - 1, 1) - Date.UTC(1899, 11, 30)) / 86_400_000);

/** April 2008 .. June 2010: the sample's months, 27 of them. */
export const SAMPLE_MONTHS: { year: number; month: number }[] = Array.from(
  { length: 27 },
  (_, i) => ({
    year: 2008 + Math.floor((3 + i) / 12),
    month: ((3 + i) % 12) + 1,
  })
);

export interface TestArea {
  code: string;
  name: string;
  longitude: number | null;
  latitude: number | null;
  /** Measure id -> one count per month of `months` (ALL_CRIME, ANTI_SOCIAL_BEHAVIOUR, ...). */
  series: Record<string, number[]>;
}

/** The Areas and AreaMonthly sheets for the given areas and months. */
export function areaSheets(
  areas: readonly TestArea[],
  months: readonly { year: number; month: number }[] = SAMPLE_MONTHS
): DataSheet[] {
  const monthly: Cell[][] = [];
  for (const a of areas)
    for (const [measure, values] of Object.entries(a.series))
      values.forEach((count, i) => {
        const m = months[i] as { year: number; month: number };
        monthly.push([a.code, measure, monthSerial(m.year, m.month), count]);
      });
  return [
    {
      name: "Areas",
      table: "Areas",
      columns: CONTRACT_COLUMNS.Areas ?? [],
      rows: areas.map((a) => [a.code, a.name, a.longitude, a.latitude]),
    },
    {
      name: "AreaMonthly",
      table: "AreaMonthly",
      columns: CONTRACT_COLUMNS.AreaMonthly ?? [],
      rows: monthly,
    },
  ];
}

/** The sample with these areas. */
export function sampleWithAreas(areas: readonly TestArea[]): DataSheet[] {
  return [...sampleWorkbook(), ...areaSheets(areas)];
}

/** A deterministic series of `n` months around `level`, alternating down and up by `swing`. */
export const wobble = (n: number, level: number, swing: number): number[] =>
  Array.from({ length: n }, (_, i) => level + (i % 2 === 0 ? -swing : swing));

/**
 * `count` areas on a grid over about 40 by 40 km around South Cambridgeshire (52.2N, 0.1E), each a
 * little busier than the next, and every seventh rising sharply in April to June 2010.
 */
export function gridAreas(count: number): TestArea[] {
  const cols = Math.ceil(Math.sqrt(count));
  const rows = Math.ceil(count / cols);
  return Array.from({ length: count }, (_, i) => {
    const level = 10 + ((count - i) % 40);
    const all = wobble(27, level, 2);
    if (i % 7 === 0) for (let k = 24; k < 27; k++) all[k] = (all[k] as number) * 3;
    const col = i % cols;
    const row = Math.floor(i / cols);
    return {
      code: `E0${String(1000000 + i)}`,
      name: `Test District ${String(i + 1).padStart(3, "0")}A`,
      // A little off the grid, so the map is not a lattice.
      longitude: -0.2 + (0.6 * (col + ((row * 7) % 5) / 10)) / Math.max(1, cols - 1),
      latitude: 52.0 + (0.35 * (row + ((col * 3) % 4) / 10)) / Math.max(1, rows - 1),
      series: { ALL_CRIME: all, ANTI_SOCIAL_BEHAVIOUR: wobble(27, 3, 1) },
    };
  });
}
