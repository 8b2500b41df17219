import { writeFileSync } from "fs";
import path from "path";
import { Grid, sampleWorkbook } from "../../src/workbook";
import { findGrid } from "../../src/workbook/tables";
import { LIMITS, WorkbookReadError, readWorkbook, writeDataWorkbook } from "../../src/xlsx";
import { runCli } from "../support/run-cli";
import { tempDir } from "../support/temp";
import { readWorkbookPart } from "../../src/xlsx/reader/package";
import { ZipPackage } from "../../src/xlsx/zip";
import { bufferOf, plainSample } from "../support/plain-sheets";
import {
  entryOf,
  paddedEntry,
  partsOf,
  patchXlsx,
  sheetPartOf,
  writeZip,
} from "../support/zip-craft";

const { dir, cleanup } = tempDir("hostile");
afterAll(cleanup);
const file = (name: string) => path.join(dir, name);

/** Cells a grid holds: its memory, whatever the sheet claims. */
const slots = (g: Grid | null) => (g ? g.rows.reduce((n, r) => n + r.length, 0) : 0);

async function validateBuffer(name: string, xlsx: Buffer) {
  writeFileSync(file(name), xlsx);
  const r = await runCli("validate", file(name), "--json");
  const issues =
    r.code === 2
      ? []
      : (
          JSON.parse(r.stdout) as {
            issues: { severity: string; code: string; sheet: string; cell: string }[];
          }
        ).issues;
  return { ...r, errors: issues.filter((i) => i.severity === "error") };
}

const sample = () => writeDataWorkbook(sampleWorkbook());
const monthlyRows = sampleWorkbook().find((s) => s.name === "Monthly")!.rows.length;

/** Edits the Monthly table's part (found by its name) and the Monthly sheet's part. */
async function patchMonthly(
  xlsx: Buffer,
  table: (xml: string) => string,
  sheetXml: (xml: string) => string = (x) => x
): Promise<Buffer> {
  const sheetPart = await sheetPartOf(xlsx, "Monthly");
  return patchXlsx(xlsx, (name, text) => {
    if (/^xl\/tables\/.*\.xml$/.test(name) && text.includes('displayName="Monthly"'))
      return table(text);
    if (name === sheetPart) return sheetXml(text);
    return text;
  });
}

describe("reading workbooks from the real world", () => {
  it("reads a plain-range sheet with a stray value at XFD1048576 by the cells present", async () => {
    const wb = plainSample();
    wb.getWorksheet("Monthly")!.getCell("XFD1048576").value = "stray";
    const xlsx = await bufferOf(wb);
    const grid = findGrid((await readWorkbook(xlsx)).snapshot, "Monthly");
    expect(slots(grid)).toBeLessThan((monthlyRows + 1) * 3 + 16_384 + 10);
    const r = await validateBuffer("stray.xlsx", xlsx);
    expect(r.code).toBe(0);
  });

  it("reads a table whose ref is whole columns (A1:C1048576) by the rows present", async () => {
    const xlsx = await patchMonthly(await sample(), (t) =>
      t.replace(/ref="A1:C\d+"/g, 'ref="A1:C1048576"')
    );
    const grid = findGrid((await readWorkbook(xlsx)).snapshot, "Monthly");
    expect(grid?.rows.length).toBeLessThanOrEqual(monthlyRows + 1);
    expect((await validateBuffer("whole-column.xlsx", xlsx)).code).toBe(0);
  });

  it("does not read a table's totals row as data", async () => {
    const last = monthlyRows + 1;
    const total = last + 1;
    const xlsx = await patchMonthly(
      await sample(),
      (t) =>
        t
          .replace(`ref="A1:C${last}"`, `ref="A1:C${total}" totalsRowCount="1"`)
          .replace(/(name="Count") totalsRowFunction="none"/, '$1 totalsRowFunction="sum"'),
      (s) =>
        s.replace(
          "</sheetData>",
          `<row r="${total}"><c r="A${total}" t="inlineStr"><is><t>Total</t></is></c><c r="C${total}"><f>SUBTOTAL(109,Monthly[Count])</f><v>999</v></c></row></sheetData>`
        )
    );
    const r = await validateBuffer("totals.xlsx", xlsx);
    expect(r.errors).toEqual([]);
    expect(r.code).toBe(0);
  });

  it("reads tables with no <tableStyleInfo> (as LibreOffice writes them)", async () => {
    const xlsx = await patchXlsx(await sample(), (name, t) =>
      name.startsWith("xl/tables/") ? t.replace(/<tableStyleInfo[^>]*\/>/, "") : t
    );
    expect(
      await partsOf(xlsx).then((p) => [...p.values()].some((t) => t.includes("tableStyleInfo")))
    ).toBe(false);
    expect((await validateBuffer("no-style.xlsx", xlsx)).code).toBe(0);
  });

  it("does not read a merged block of notes beside plain-range data as columns", async () => {
    const wb = plainSample();
    const m = wb.getWorksheet("Measures")!;
    m.getCell("K1").value = "Notes: figures for 2010-11 are provisional until the annual return.";
    m.mergeCells("K1:N6");
    const monthly = wb.getWorksheet("Monthly")!;
    monthly.getCell(`E${monthlyRows + 5}`).value = "Source: police recorded crime";
    monthly.mergeCells(`E${monthlyRows + 5}:H${monthlyRows + 7}`);
    const r = await validateBuffer("notes.xlsx", await bufferOf(wb));
    expect(r.errors).toEqual([]);
    expect(r.code).toBe(0);
  });

  it("refuses an OpenDocument spreadsheet with exit 2, not 'table missing'", async () => {
    const ods = writeZip([
      entryOf("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
      entryOf(
        "content.xml",
        '<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>'
      ),
    ]);
    const r = await validateBuffer("data.ods", ods);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/OpenDocument spreadsheet \(\.ods\), not an \.xlsx workbook/);
  });

  it("refuses a zip with no workbook part with exit 2", async () => {
    const r = await validateBuffer("other.xlsx", writeZip([entryOf("readme.txt", "hello")]));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not an \.xlsx workbook: its zip package has no workbook part/);
  });

  it("refuses a part whose declared size is past the limit, before inflating it", async () => {
    const xlsx = await sample();
    const sheetPart = await sheetPartOf(xlsx, "Monthly");
    const entries = [...(await partsOf(xlsx))].map(([name, text]) => ({
      ...entryOf(name, text),
      ...(name === sheetPart ? { declaredSize: 300 * 1024 * 1024 } : {}),
    }));
    const r = await validateBuffer("declared-bomb.xlsx", writeZip(entries));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/declares 300 MB once inflated, over the 256 MB limit/);
  });

  it("stops inflating a 300 MB zip bomb at the limit, even when it declares a small size", async () => {
    const xlsx = await sample();
    const sheetPart = await sheetPartOf(xlsx, "Monthly");
    const entries = [];
    for (const [name, text] of await partsOf(xlsx)) {
      if (name !== sheetPart) entries.push(entryOf(name, text));
      else {
        const at = text.indexOf("<sheetData>") + "<sheetData>".length;
        entries.push({
          ...(await paddedEntry(name, text.slice(0, at), 300 * 1024 * 1024, text.slice(at))),
          declaredSize: 4096,
        });
      }
    }
    const bomb = writeZip(entries);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const r = await validateBuffer("bomb.xlsx", bomb);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/inflates past the 256 MB limit/);
  });

  it("refuses a device, a folder and a file over 50 MB with exit 2, without reading them", async () => {
    const zero = await runCli("validate", "/dev/zero");
    expect(zero.code).toBe(2);
    expect(zero.stderr).toMatch(/not a regular file/);
    expect((await runCli("validate", dir)).stderr).toMatch(/it is a folder/);
    const big = Buffer.alloc(51 * 1024 * 1024);
    big.write("PK\x03\x04");
    writeFileSync(file("big.xlsx"), big);
    const r = await runCli("validate", file("big.xlsx"));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/over the 50 MB cdrp reads/);
  });

  it("refuses a workbook past the cell limit with a sentence, while reading", async () => {
    const xlsx = await sample();
    const limits = { ...LIMITS, cells: 200 };
    await expect(readWorkbook(xlsx, "big.xlsx", limits)).rejects.toThrow(WorkbookReadError);
    await expect(readWorkbook(xlsx, "big.xlsx", limits)).rejects.toThrow(
      "big.xlsx holds more than 200 cells in its contract tables, past what cdrp reads"
    );
    expect(
      (await readWorkbook(xlsx, "ok.xlsx", { ...LIMITS, cells: 2000 })).snapshot.tables.length
    ).toBe(6);
  });

  it("refuses more measures than the limit with exit 2", async () => {
    const sheets = sampleWorkbook();
    const m = sheets.find((s) => s.name === "Measures")!;
    const row = m.rows[0]!;
    m.rows = Array.from({ length: LIMITS.measures + 1 }, (_, i) => [`M_${i}`, ...row.slice(1)]);
    const r = await validateBuffer("measures.xlsx", await writeDataWorkbook(sheets));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("lists 10,001 measures; cdrp reports at most 10,000 per workbook");
  });
});

describe("the workbook part as Excel 2013 and later write it", () => {
  it("takes the 1904 date system from the workbook's own workbookPr, not an extension's", async () => {
    // Excel writes <x15:workbookPr chartTrackingRefBase="1"/> in extLst, after the real one.
    const xlsx = await patchXlsx(await sample(), (name, text) =>
      name === "xl/workbook.xml"
        ? text
            .replace(/<workbookPr[^>]*\/>/, '<workbookPr date1904="true"/>')
            .replace(
              "</workbook>",
              '<extLst><ext uri="{140A7094-0E35-4892-8432-C4D2E57EDEB5}" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"><x15:workbookPr chartTrackingRefBase="1"/></ext></extLst></workbook>'
            )
        : text
    );
    expect(await partsOf(xlsx).then((p) => p.get("xl/workbook.xml"))).toContain('date1904="true"');
    const wb = await readWorkbookPart(ZipPackage.load(xlsx));
    expect(wb?.date1904).toBe(true);
    // The same cells, read under the 1904 system, are 1,462 days (four years and a day) later.
    const month = (x: Buffer) =>
      readWorkbook(x).then((r) => findGrid(r.snapshot, "Monthly")!.rows[1]![1] as number);
    expect((await month(xlsx)) - (await month(await sample()))).toBe(1462);
  });
});
