/**
 * The contract's sheets added to a workbook someone else wrote, so `cdrp report` can run on it:
 * the sample's tables as plain sheets (headers in row 1, read as tables), written into the
 * package by the file host's own lossless writer, every part of the input kept. The writer marks
 * the sheets it adds as report sheets; the marks are taken out again, so the report that follows
 * treats them as the user's data. Used by the real-workbook fixtures and scripts/corpus.ts.
 */
import { DataSheet, PlanCell, PlanSheet, sampleWorkbook } from "../../src/workbook";
import { layoutPage } from "../../src/workbook/plan-page";
import { renderPlan } from "../../src/xlsx";
import { parseRels, resolveTarget } from "../../src/xlsx/charts/opc";
import { ZipPackage } from "../../src/xlsx/zip";

const CAP = 64 * 1024 * 1024;
const MARKER =
  /<(\w+:)?definedName\b[^>]*\bname="CDRP_REPORT_SHEET"[^>]*>[^<]*<\/(\w+:)?definedName>/g;

/** Days from 1900-01-00 to 1904-01-01 in Excel's serials: a 1904-based workbook's dates start there. */
const DAYS_1904 = 1462;
const isDateFormat = (f: string | undefined) => f !== undefined && /y|d|mmm/i.test(f);

function planSheet(s: DataSheet, date1904: boolean): PlanSheet {
  const cells: PlanCell[] = s.columns.map((c, col) => ({ row: 0, col, value: c.header }));
  const formats = new Map((s.cellFormats ?? []).map((f) => [`${f.row}:${f.col}`, f.numFmt]));
  s.rows.forEach((r, i) =>
    r.forEach((v, col) => {
      if (typeof v !== "number" && typeof v !== "string") return;
      const numFmt = formats.get(`${i}:${col}`) ?? s.columns[col]?.numFmt;
      // The same date in a workbook that counts from 1904 (Excel for the Mac's old default).
      const value = typeof v === "number" && date1904 && isDateFormat(numFmt) ? v - DAYS_1904 : v;
      cells.push({ row: i + 1, col, value, ...(numFmt ? { numFmt } : {}) });
    })
  );
  const columnWidths = s.columns.map((c, col) => ({ col, width: c.width }));
  const none = { left: "", center: "", right: "" };
  const page = layoutPage(
    { cells, charts: [], columnWidths, rowHeights: [] },
    "portrait",
    s.columns.length - 1,
    {
      blocks: [],
      repeat: null,
      heads: { header: none, footer: none },
    }
  );
  return {
    name: s.name,
    role: "summary",
    cells,
    merges: [],
    columnWidths,
    rowHeights: [],
    charts: [],
    page,
  };
}

/** The workbook part's name, through the package relationships. */
function workbookPartOf(zip: ZipPackage): string | null {
  const rels = parseRels(zip.read("_rels/.rels", CAP)?.toString("utf8"));
  const main = rels.find((r) => r.type.endsWith("/officeDocument"));
  return main ? resolveTarget("", main.target) : null;
}

/**
 * The input with the contract's sheets (the sample's tables, or `sheets`) added at the end.
 * Throws what the writer throws on a package it cannot write into.
 */
export async function withContractSheets(
  input: Buffer,
  sheets: DataSheet[] = sampleWorkbook()
): Promise<Buffer> {
  const original = ZipPackage.load(input);
  const inputWb = workbookPartOf(original);
  const date1904 = /<(\w+:)?workbookPr\b[^>]*\bdate1904="(1|true)"/.test(
    inputWb ? (original.read(inputWb, CAP)?.toString("utf8") ?? "") : ""
  );
  const plan = {
    sheets: sheets.filter((s) => s.table !== null).map((s) => planSheet(s, date1904)),
  };
  const zip = ZipPackage.load(await renderPlan(input, plan, []));
  const wbPart = workbookPartOf(zip);
  if (!wbPart) throw new Error("no workbook part");
  const xml = (zip.read(wbPart, CAP) as Buffer).toString("utf8");
  zip.write(wbPart, xml.replace(MARKER, ""));
  return zip.toBuffer();
}
