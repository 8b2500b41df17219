import { Grid, REPORT_MARKER, TABLE_NAMES, WorkbookSnapshot } from "../workbook";
import { WorkbookReadError } from "./errors";
import { LIMITS, Limits, megabytes } from "./limits";
import { toRows, neededStrings } from "./reader/grids";
import {
  PackageKind,
  SMALL_PART_BYTES,
  TablePart,
  readWorkbookPart,
  tablesOfSheet,
} from "./reader/package";
import { parseRange } from "./reader/cells";
import { Collected, Window, sheetReader } from "./reader/sheet";
import { sharedStringsReader } from "./reader/strings";
import { dateStyles } from "./reader/styles";
import { ZipError, ZipPackage } from "./zip";

export { WorkbookReadError };

export interface LoadedWorkbook {
  snapshot: WorkbookSnapshot;
  /** Saved as Strict Open XML: read as any workbook, but the file host does not write into it. */
  strict: boolean;
  /** Sheets listed with nothing behind them (Excel repairs such a file, renumbering its sheets). */
  brokenSheets: string[];
  /** The package's kind: Excel opens it only under a name with this extension. */
  kind: PackageKind;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

interface Wanted {
  name: string;
  sheet: string;
  source: Grid["source"];
  window: Window;
  /** A table's ref height (header + data rows), which a dense grid keeps; null for a sheet. */
  refHeight: number | null;
}

/** The contract's tables and sheets on one sheet part, as windows to keep. */
function windowsOf(sheet: string, tables: TablePart[], tableNames: Set<string>): Wanted[] {
  const wanted = new Set(TABLE_NAMES.map((n) => n.toLowerCase()));
  const out: Wanted[] = [];
  for (const t of tables) {
    if (!wanted.has(t.name.toLowerCase())) continue;
    const r = parseRange(t.ref);
    if (!r) continue;
    // A totals row is not data (it sums the column, or says "Total").
    const bottom = Math.max(r.top, r.bottom - t.totalsRows);
    out.push({
      name: t.name,
      sheet,
      source: "table",
      window: { ...r, bottom },
      refHeight: bottom - r.top + 1,
    });
  }
  // A table of the contract's name wins over a sheet of that name (as in the Office.js host), so
  // the sheet is not read twice.
  if (wanted.has(sheet.toLowerCase()) && !tableNames.has(sheet.toLowerCase())) {
    out.push({
      name: sheet,
      sheet,
      source: "sheet",
      window: { top: 0, left: 0, bottom: Infinity, right: Infinity },
      refHeight: null,
    });
  }
  return out;
}

function tooMany(fileName: string, limits: Limits): WorkbookReadError {
  return new WorkbookReadError(
    `${fileName} holds more than ${limits.cells.toLocaleString("en-GB")} cells in its contract tables, past what cdrp reads. Split the workbook (one partnership or year per file).`
  );
}

async function readPackage(
  zip: ZipPackage,
  fileName: string,
  limits: Limits
): Promise<LoadedWorkbook> {
  const wb = await readWorkbookPart(zip);
  if (!wb) {
    const ods = zip.has("mimetype") && /opendocument/.test(await zip.text("mimetype", 1024));
    throw new WorkbookReadError(
      ods
        ? `${fileName} is an OpenDocument spreadsheet (.ods), not an .xlsx workbook. Open it and save it as "Excel Workbook (*.xlsx)".`
        : `${fileName} is not an .xlsx workbook: its zip package has no workbook part (xl/workbook.xml). Save it from Excel as "Excel Workbook (*.xlsx)".`
    );
  }
  const styles = wb.styles
    ? dateStyles(await zip.text(wb.styles, SMALL_PART_BYTES))
    : new Set<number>();

  const perSheet: { path: string; wanted: Wanted[] }[] = [];
  const allTables: { sheet: number; tables: TablePart[] }[] = [];
  for (const [i, s] of wb.sheets.entries())
    if (s.path) allTables.push({ sheet: i, tables: await tablesOfSheet(zip, s.path) });
  const tableNames = new Set(allTables.flatMap((t) => t.tables.map((x) => x.name.toLowerCase())));
  for (const { sheet, tables } of allTables) {
    const s = wb.sheets[sheet];
    if (!s?.path) continue;
    const wanted = windowsOf(s.name, tables, tableNames);
    if (wanted.length > 0) perSheet.push({ path: s.path, wanted });
  }

  let kept = 0;
  const onKeep = () => {
    if (++kept > limits.cells) throw tooMany(fileName, limits);
  };
  const collected: { wanted: Wanted; cells: Collected }[] = [];
  for (const { path, wanted } of perSheet) {
    const reader = sheetReader(
      wanted.map((w) => w.window),
      { date1904: wb.date1904, dateStyles: styles, onKeep }
    );
    await zip.stream(path, limits.partBytes, (t) => reader.write(t));
    reader.close().forEach((cells, i) => collected.push({ wanted: wanted[i] as Wanted, cells }));
  }

  const needed = neededStrings(collected.map((c) => c.cells));
  let strings = new Map<number, string>();
  if (needed.size > 0 && wb.sharedStrings) {
    const reader = sharedStringsReader(needed);
    await zip.stream(wb.sharedStrings, limits.partBytes, (t) => reader.write(t));
    strings = reader.close();
  }

  const budget = { slots: 0, max: limits.cells };
  const tables: Grid[] = [];
  const sheets: Grid[] = [];
  try {
    for (const { wanted: w, cells } of collected) {
      const isTable = w.refHeight !== null;
      if (!isTable && !cells.hasValues) continue;
      const height = w.refHeight ?? cells.lastRow + 1;
      const width = isTable ? w.window.right - w.window.left + 1 : cells.width;
      const grid: Grid = {
        name: w.name,
        sheet: w.sheet,
        source: w.source,
        origin: { row: w.window.top, col: w.window.left },
        rows: toRows(cells, height, width, strings, budget),
      };
      (isTable ? tables : sheets).push(grid);
    }
  } catch (e) {
    if (e instanceof RangeError) throw tooMany(fileName, limits);
    throw e;
  }
  const measures = [...tables, ...sheets].find((g) => g.name.toLowerCase() === "measures");
  const measureRows = measures
    ? measures.rows.filter((r, i) => i > 0 && r.some((c) => c !== null)).length
    : 0;
  if (measureRows > limits.measures) {
    throw new WorkbookReadError(
      `${fileName} lists ${measureRows.toLocaleString("en-GB")} measures; cdrp reports at most ${limits.measures.toLocaleString("en-GB")} per workbook. Split the measures over several workbooks.`
    );
  }
  const reportSheets = wb.scopedNames
    .filter((n) => n.name.toUpperCase() === REPORT_MARKER.toUpperCase())
    .map((n) => wb.sheets[n.sheet]?.name)
    .filter((n): n is string => n !== undefined);
  return {
    snapshot: { sheetNames: wb.sheets.map((s) => s.name), tables, sheets, reportSheets },
    strict: wb.strict,
    brokenSheets: wb.brokenSheets,
    kind: wb.kind,
  };
}

/**
 * Reads an .xlsx into the snapshot: the contract's Excel tables, and sheets named like contract
 * tables (read from A1) for files without tables. Only those sheets' XML is parsed, streamed, and
 * only their cells are kept. Anything that is not a readable workbook, or is past LIMITS, is a
 * WorkbookReadError with a sentence saying so.
 */
export async function readWorkbook(
  buffer: Buffer,
  fileName = "the file",
  limits: Limits = LIMITS
): Promise<LoadedWorkbook> {
  if (buffer.length > limits.fileBytes) {
    throw new WorkbookReadError(
      `${fileName} is ${megabytes(buffer.length)}, over the ${megabytes(limits.fileBytes)} cdrp reads. Split the workbook (one partnership or year per file).`
    );
  }
  if (buffer.length < 4 || !ZIP_MAGIC.every((b, i) => buffer[i] === b)) {
    throw new WorkbookReadError(
      `${fileName} is not an Excel workbook (.xlsx): it is not a zip package. Save it from Excel as "Excel Workbook (*.xlsx)".`
    );
  }
  try {
    return await readPackage(ZipPackage.load(buffer), fileName, limits);
  } catch (e) {
    if (e instanceof WorkbookReadError) throw e;
    const why = e instanceof Error ? e.message : String(e);
    if (e instanceof ZipError)
      throw new WorkbookReadError(`${fileName} could not be read as an Excel workbook: ${why}.`);
    throw new WorkbookReadError(`${fileName} could not be read as an Excel workbook (${why}).`);
  }
}
