import { Cell, DataSheet, sampleWorkbook } from "../../src/workbook";

/**
 * A workbook ten times the sample: its three monthly measures repeated ten times under new ids
 * (30 measures, ten times the Monthly and Peers rows), the Domestic Abuse tables as they are.
 */
export function tenTimesSample(): DataSheet[] {
  return timesSample(10);
}

/** The sample's three monthly measures repeated `times` times (3 × times measures), as above. */
export function timesSample(times: number): DataSheet[] {
  const sheets = sampleWorkbook();
  const monthlyIds = ["DWELLING_BURGLARY", "THEFT_OF_VEHICLES", "THEFT_FROM_VEHICLES"];
  const copies = (rows: Cell[][]) =>
    Array.from({ length: times }, (_, k) =>
      // Rows of other measures (DA_INCIDENTS) once: a copy would be a duplicate month.
      rows.flatMap((r) =>
        typeof r[0] === "string" && monthlyIds.includes(r[0])
          ? [[k === 0 ? r[0] : `${r[0]}_${k}`, ...r.slice(1)]]
          : k === 0
            ? [r]
            : []
      )
    ).flat();
  for (const s of sheets) {
    if (s.name === "Monthly" || s.name === "Peers") s.rows = copies(s.rows);
    if (s.name === "Measures") {
      const monthly = s.rows.filter((r) => monthlyIds.includes(String(r[0])));
      const extra = Array.from({ length: times - 1 }, (_, k) =>
        monthly.map((r): Cell[] => [`${r[0]}_${k + 1}`, `${r[1]} ${k + 2}`, ...r.slice(2, 7), null])
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

/**
 * The sample with very long words in it: measure labels of about 400 characters and priority
 * titles of about 200, so captions, sentences and Summary rows wrap over many lines.
 */
export function longLabelSample(): DataSheet[] {
  const sheets = sampleWorkbook();
  const measures = sheets.find((s) => s.name === "Measures");
  if (!measures) throw new Error("the sample has no Measures sheet");
  const p = measures.columns.findIndex((c) => c.header === "Priority");
  for (const r of measures.rows) {
    const label = String(r[1]);
    r[1] = `${label}: ${"recorded by the police in the partnership's area, including attempts, excluding offences transferred to another force, ".repeat(3)}(${label})`;
    const priority = String(r[p]);
    r[p] =
      `${priority} – ${"a priority agreed by the partnership board for the three years of its rolling plan, ".repeat(2)}`.trim();
  }
  return sheets;
}
