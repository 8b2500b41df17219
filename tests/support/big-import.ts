import { monthKey } from "../../src/core/periods";
import type { PoliceImport } from "../../src/workbook/import/police-import";

/**
 * A police.uk import of at least `rows` Monthly rows, built directly (no CSVs): `measures` crime
 * types, each with as many months as it takes from April 2008. For the pane's import at a size no
 * quarter reaches (a stress of the writes' request bound), and the bench.
 */
export function bigPoliceImport(rows: number, partnership: string, measures = 100): PoliceImport {
  const months = Math.ceil(rows / measures);
  const keys = Array.from({ length: months }, (_, i) => monthKey(2008, 4) + i);
  const ids = Array.from({ length: measures }, (_, i) => `TYPE_${String(i + 1).padStart(3, "0")}`);
  return {
    partnership,
    kind: "district",
    districts: [partnership],
    force: "Cambridgeshire Constabulary",
    months: keys,
    rows: rows * 3,
    noLocation: 0,
    measures: ids.map((id, i) => ({ id, label: `Crime type ${i + 1}`, rows: months * 3 })),
    monthly: ids.flatMap((measure, i) =>
      keys.map((month, k) => ({ measure, month, count: (i * 7 + k * 3) % 50 }))
    ),
    peers: [],
    populationNote: null,
    periodEnd: null,
    window: "year to date",
    baselineStartYear: 2008,
    leftOut: [],
    warnings: [],
    settingsWarnings: [],
    areas: [],
    areaMonthly: [],
  };
}
