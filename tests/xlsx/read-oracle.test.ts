import {
  TABLE_NAMES,
  WorkbookSnapshot,
  sampleWorkbook,
  templateWorkbook,
} from "../../src/workbook";
import { findGrid } from "../../src/workbook/tables";
import { readWorkbook, writeDataWorkbook } from "../../src/xlsx";
import { tenTimesSample } from "../support/big-workbook";
import { exceljsSnapshot } from "../support/exceljs-snapshot";
import { bufferOf, plainSample } from "../support/plain-sheets";

/** What validation sees of a snapshot: the grid findGrid picks for each contract table, and the sheet names. */
function seen(s: WorkbookSnapshot) {
  return { sheetNames: s.sheetNames, grids: TABLE_NAMES.map((n) => findGrid(s, n)) };
}

async function expectSameAsExceljs(buffer: Buffer): Promise<void> {
  const { snapshot } = await readWorkbook(buffer, "test.xlsx");
  expect(seen(snapshot)).toEqual(seen(await exceljsSnapshot(buffer)));
}

/** A workbook of plain-range sheets (no Excel tables), written by exceljs with every kind of value. */
async function plainSheets(): Promise<Buffer> {
  const wb = plainSample();
  const m = wb.getWorksheet("Monthly")!;
  m.getCell("E2").value = { formula: "C2*2", result: 14 };
  m.getCell("E3").value = { richText: [{ text: "rich " }, { text: "text", font: { bold: true } }] };
  m.getCell("E4").value = true;
  m.getCell("E5").value = { error: "#N/A" };
  m.getCell("E6").value = { formula: 'TEXT(1,"0")', result: "1" };
  m.getCell("E7").value = new Date(Date.UTC(2010, 5, 30, 12, 30));
  m.getCell("E7").numFmt = "dd/mm/yyyy hh:mm";
  m.getCell("G12").numFmt = "0.0"; // a styled blank past the data
  return bufferOf(wb);
}

describe("the bounded reader sees what the exceljs reader saw", () => {
  it("on the sample", async () => expectSameAsExceljs(await writeDataWorkbook(sampleWorkbook())));
  it("on the template", async () =>
    expectSameAsExceljs(await writeDataWorkbook(templateWorkbook())));
  it("on ten times the sample", async () =>
    expectSameAsExceljs(await writeDataWorkbook(tenTimesSample())));
  it("on plain-range sheets with formulas, rich text, logical and error values, dates and styled blanks", async () =>
    expectSameAsExceljs(await plainSheets()));
});
