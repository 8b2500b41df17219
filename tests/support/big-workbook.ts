import { Cell, DataSheet, sampleWorkbook } from "../../src/workbook";

/** A workbook ten times the sample (see timesSample). */
export function tenTimesSample(): DataSheet[] {
  return timesSample(10);
}

/**
 * A workbook `k` times the sample: its three monthly measures repeated k times under new ids (3k
 * measures, k times the Monthly and Peers rows), the Domestic Abuse tables as they are.
 */
export function timesSample(k: number): DataSheet[] {
  const sheets = sampleWorkbook();
  const monthlyIds = ["DWELLING_BURGLARY", "THEFT_OF_VEHICLES", "THEFT_FROM_VEHICLES"];
  const copies = (rows: Cell[][]) =>
    Array.from({ length: k }, (_, copy) =>
      // Rows of other measures (DA_INCIDENTS) once: a copy would be a duplicate month.
      rows.flatMap((r) =>
        typeof r[0] === "string" && monthlyIds.includes(r[0])
          ? [[copy === 0 ? r[0] : `${r[0]}_${copy}`, ...r.slice(1)]]
          : copy === 0
            ? [r]
            : []
      )
    ).flat();
  for (const s of sheets) {
    if (s.name === "Monthly" || s.name === "Peers") s.rows = copies(s.rows);
    if (s.name === "Measures") {
      const monthly = s.rows.filter((r) => monthlyIds.includes(String(r[0])));
      const extra = Array.from({ length: k - 1 }, (_, copy) =>
        monthly.map((r): Cell[] => [
          `${r[0]}_${copy + 1}`,
          `${r[1]} ${copy + 2}`,
          ...r.slice(2, 7),
          null,
        ])
      ).flat();
      s.rows = [...s.rows, ...extra];
    }
  }
  return sheets;
}

/** The sample with its Monthly rows repeated until the table has at least `rows` data rows. */
export function bigMonthlySample(rows: number): DataSheet[] {
  const sheets = sampleWorkbook();
  const monthly = sheets.find((s) => s.name === "Monthly");
  if (!monthly) throw new Error("the sample has no Monthly sheet");
  const base = monthly.rows;
  const out: Cell[][] = [];
  while (out.length < rows) for (const r of base) out.push([...r]);
  monthly.rows = out;
  return sheets;
}
