import JSZip from "jszip";
import ExcelJS from "exceljs";
import { DataSheet } from "../src/workbook";
import { appendDataSheets, writeDataWorkbook } from "../src/xlsx";
import { gridAreas, sampleWithAreas, wobble } from "../tests/support/areas";
import { rowCount, syntheticWorkbook } from "./data-workbook";

/** One input of the hardening section: an .xlsx file's bytes and what it is. */
export interface HardeningInput {
  key: string;
  label: string;
  n: number;
  unit: string;
  bytes: Buffer;
}

/** 1,000 measures x 200 months: 200,000 Monthly rows (plus the sample's Domestic Abuse tables). */
export async function monthly200k(): Promise<HardeningInput> {
  const sheets = syntheticWorkbook({
    measures: 1000,
    months: 200,
    peersPerGroup: 15,
    peerMeasures: 20,
  });
  return {
    key: "monthly200k",
    label: "200,000 Monthly rows",
    n: rowCount(sheets, "Monthly"),
    unit: "rows",
    bytes: await writeDataWorkbook(sheets),
  };
}

/** 5,000 measures with 27 months each. */
export async function measures5000(): Promise<HardeningInput> {
  const sheets = syntheticWorkbook({
    measures: 5000,
    months: 27,
    peersPerGroup: 15,
    peerMeasures: 50,
  });
  return {
    key: "measures5000",
    label: "5,000 measures",
    n: 5000,
    unit: "measures",
    bytes: await writeDataWorkbook(sheets),
  };
}

/** The sample's tables as plain-range sheets (no Excel tables), with one value at XFD1048576. */
export async function strayCell(base: DataSheet[]): Promise<HardeningInput> {
  const wb = new ExcelJS.Workbook();
  for (const s of base) {
    if (s.table === null) continue;
    const ws = wb.addWorksheet(s.name);
    ws.addRow(s.columns.map((c) => c.header));
    for (const r of s.rows)
      ws.addRow(r.map((v) => (v === null || typeof v === "object" ? null : v)));
  }
  const monthly = wb.getWorksheet("Monthly");
  if (monthly) monthly.getCell("XFD1048576").value = "stray";
  return {
    key: "strayCell",
    label: "plain-range sheet, stray value at XFD1048576",
    n: rowCount(base, "Monthly"),
    unit: "rows",
    bytes: Buffer.from(await wb.xlsx.writeBuffer()),
  };
}

/** The Monthly table's ref set to whole columns (A1:C1048576), as Excel allows. */
export async function wholeColumnRef(base: DataSheet[]): Promise<HardeningInput> {
  const zip = await JSZip.loadAsync(await writeDataWorkbook(base));
  for (const name of Object.keys(zip.files).filter((f) => f.startsWith("xl/tables/"))) {
    const xml = await zip.file(name)?.async("string");
    if (xml?.includes('displayName="Monthly"'))
      zip.file(name, xml.replace(/ref="A1:C\d+"/g, 'ref="A1:C1048576"'));
  }
  return {
    key: "wholeColumnRef",
    label: "table ref of whole columns (A1:C1048576)",
    n: rowCount(base, "Monthly"),
    unit: "rows",
    bytes: await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }),
  };
}

/**
 * A city of 1,000 areas (LSOAs) for the Priority areas sheet: the sample with Areas and
 * AreaMonthly of 27 months for ALL_CRIME, anti-social behaviour and the sample's four monthly
 * measures (162,000 rows), written as a new import writes them.
 */
export async function areas1000(): Promise<HardeningInput> {
  const areas = gridAreas(1000).map((a, i) => ({
    ...a,
    series: {
      ...a.series,
      DWELLING_BURGLARY: wobble(27, 3 + (i % 5), 1),
      THEFT_OF_VEHICLES: wobble(27, 1 + (i % 3), 1),
      THEFT_FROM_VEHICLES: wobble(27, 4 + (i % 4), 2),
      DA_INCIDENTS: wobble(27, 2 + (i % 6), 1),
    },
  }));
  const sheets = sampleWithAreas(areas);
  const large = (s: DataSheet) => s.name === "Areas" || s.name === "AreaMonthly";
  const bytes = await appendDataSheets(
    await writeDataWorkbook(sheets.filter((s) => !large(s))),
    sheets.filter(large)
  );
  return { key: "areas1000", label: "1,000 priority areas", n: 1000, unit: "areas", bytes };
}
