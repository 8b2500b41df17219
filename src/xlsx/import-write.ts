/**
 * `cdrp import --into`: the import's table edits written into the user's own package, as the
 * report is (write-plan.ts). Only the contract tables' sheets and table parts are edited, by
 * splicing: the written cells are replaced or inserted, a growing table's ref moves down, and
 * every other byte of those parts stays (the user's formatting, other cells, validation,
 * conditional formats). Every other part of the package is copied byte for byte, except, and only
 * when needed: the styles part, which gains a copy of a cell's style with the number format a
 * value needs (its lists grow at their ends); the package index (workbook part, its rels, content
 * types, docProps/app.xml) when a missing contract table is added on a new sheet; and the
 * calcChain, dropped when a written cell held a formula (Excel rebuilds it).
 */
import { Cell, a1, isCellError } from "../workbook";
import { MergeError, TableEdit } from "../workbook/import";
import {
  REL_WORKSHEET,
  loadPackage,
  mustReadPart,
  parseRels,
  readPart,
  relativeTarget,
  relsPathFor,
  resolveTarget,
  sheetParts,
  workbookPart,
  writePart,
  freePart,
  nextRelId,
  type Relationship,
} from "./charts/opc";
import { esc, parseXml } from "./charts/xml";
import type { ZipPackage } from "./zip";
import { StyleBook } from "./write/import-styles";
import { editContentTypes, editRels, partNames } from "./write/package";
import { SharedFormulaError, SheetIndex, SheetWrite, writeCells } from "./write/sheet-cells";
import { CT_WORKSHEET } from "./write/sheet-xml";
import { MINIMAL_STYLES } from "./write/styles";
import { CT_TABLE, REL_TABLE, TableSheet, tablePartXml, tableSheetXml } from "./write/table-sheet";
import { sheetNamesOf } from "./write/workbook-xml";
import {
  addSheetEntries,
  freeSheetName,
  growTable,
  tablesOf,
  updateAppXml,
} from "./write/import-parts";

const REL_STYLES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";
const CT_STYLES = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";

const valueOf = (c: Cell): string | number | boolean | null =>
  c === null || isCellError(c) || typeof c === "object" ? null : c;

/** Edits one contract table in place (see the file's comment). */
async function editTable(
  zip: ZipPackage,
  part: string,
  edit: TableEdit,
  styles: StyleBook
): Promise<{ formulaReplaced: boolean }> {
  const grid = edit.grid;
  if (!grid) return { formulaReplaced: false };
  const index = new SheetIndex(await mustReadPart(zip, part));
  const { row: top, col: left } = grid.origin;
  const width = (grid.rows[0] ?? []).length;
  if (edit.rowCount > grid.rows.length) {
    // The table grows downwards: the cells it grows into must be free (nothing is pushed aside).
    for (let r = grid.rows.length; r < edit.rowCount; r++)
      for (let c = 0; c < width; c++)
        if (index.holdsValue(index.cell(top + r, left + c)))
          throw new MergeError(
            grid.sheet,
            a1(top + r, left + c),
            `the ${edit.table} table needs to grow to row ${top + edit.rowCount}, but this cell below it holds data; move it and import again.`
          );
    if (grid.source === "table") {
      const table = (await tablesOf(zip, part)).find(
        (t) => t.name.toLowerCase() === grid.name.toLowerCase()
      );
      if (!table)
        throw new MergeError(
          grid.sheet,
          a1(top, left),
          `the ${edit.table} table's part could not be found again.`
        );
      const text = await mustReadPart(zip, table.part);
      const root = parseXml(text, 1);
      if (Number(root.attrs.totalsRowCount ?? 0) > 0)
        throw new MergeError(
          grid.sheet,
          a1(top, left),
          `the ${edit.table} table has a totals row; remove it and import again.`
        );
      writePart(
        zip,
        table.part,
        growTable(text, `${a1(top, left)}:${a1(top + edit.rowCount - 1, left + width - 1)}`)
      );
    }
  }
  const writes: SheetWrite[] = edit.writes.map((w) => {
    const row = top + w.row;
    const col = left + w.col;
    const value = valueOf(w.value);
    // The cell's own style, or (a new row) that of the cell above it in the table's body.
    let style = index.styleOf(index.cell(row, col) ?? index.above(row, col, top + 1));
    if (typeof value === "number")
      style = styles.forNumber(style, w.numFmt && w.numFmt !== "@" ? w.numFmt : "General");
    return { row, col, value, style };
  });
  try {
    const r = writeCells(index, writes);
    writePart(zip, part, r.xml);
    return { formulaReplaced: r.formulaReplaced };
  } catch (e) {
    if (e instanceof SharedFormulaError)
      throw new MergeError(
        grid.sheet,
        e.cell,
        `the cell holds a formula other cells share, and the import would overwrite it; clear it and import again.`
      );
    throw e;
  }
}

/**
 * Applies an import's table edits to the workbook's bytes and returns the new file's bytes (see
 * the file's comment for what changes). The input buffer is not changed.
 */
export async function writeImportEdits(
  input: Buffer,
  edits: readonly TableEdit[]
): Promise<Buffer> {
  const zip = await loadPackage(input);
  const wbPart = await workbookPart(zip);
  const wbRelsPath = relsPathFor(wbPart);
  const wbRelsXml = await mustReadPart(zip, wbRelsPath);
  const wbRels = parseRels(wbRelsXml);
  const sheets = await sheetParts(zip);
  const stylesRel = wbRels.find((r) => r.type === REL_STYLES);
  const stylesPart = stylesRel ? resolveTarget(wbPart, stylesRel.target) : null;
  const stylesXml = stylesPart ? await readPart(zip, stylesPart) : undefined;
  const styles = new StyleBook(stylesXml ?? MINIMAL_STYLES);

  let formulaReplaced = false;
  for (const edit of edits) {
    if (edit.created || !edit.grid) continue;
    const grid = edit.grid;
    const sheet = sheets.find((s) => s.name === grid.sheet);
    if (!sheet) throw new MergeError(grid.sheet, "A1", "the sheet could not be found again.");
    if ((await editTable(zip, sheet.part, edit, styles)).formulaReplaced) formulaReplaced = true;
  }

  const created = edits.filter((e) => e.created !== null);
  const removed: string[] = [];
  const overrides: { part: string; contentType: string }[] = [];
  const addedRels: Relationship[] = [];
  const rels: Relationship[] = [...wbRels];
  const newRel = (type: string, target: string): Relationship => {
    const r = { id: nextRelId(rels), type, target, external: false };
    rels.push(r);
    addedRels.push(r);
    return r;
  };
  let wbXml = await mustReadPart(zip, wbPart);
  const oldNames = sheets.map((s) => s.name);
  if (created.length > 0) {
    const folder = wbPart.slice(0, wbPart.lastIndexOf("/") + 1);
    const taken = new Set(partNames(zip).map((n) => n.toLowerCase()));
    const names = new Set(sheetNamesOf(wbXml).map((n) => n.toLowerCase()));
    let tableId = 0;
    for (const s of sheets)
      for (const t of await tablesOf(zip, s.part)) tableId = Math.max(tableId, t.id);
    const entries: { name: string; relId: string }[] = [];
    for (const edit of created) {
      const c = edit.created as NonNullable<TableEdit["created"]>;
      const sheetPart = freePart(zip, `${folder}worksheets`, "sheet", taken);
      const tablePart = freePart(zip, `${folder}tables`, "table", taken);
      const isPeriodEnd = (row: number) =>
        edit.table === "Settings" &&
        String(c.rows[row]?.[0] ?? "")
          .trim()
          .toLowerCase() === "period end";
      const table: TableSheet = {
        header: c.header,
        rows: c.rows,
        widths: c.columns.map((col) => col.width),
        styleOf: (row, col, v) => {
          if (typeof v !== "number") return 0;
          const fmt = isPeriodEnd(row) ? "yyyy-mm-dd" : c.columns[col]?.numFmt;
          return fmt && fmt !== "@" ? styles.forNumber(0, fmt) : 0;
        },
      };
      writePart(zip, sheetPart, tableSheetXml(table, "rId1"));
      writePart(
        zip,
        relsPathFor(sheetPart),
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_TABLE}" Target="${esc(relativeTarget(sheetPart, tablePart))}"/></Relationships>`
      );
      writePart(zip, tablePart, tablePartXml(table, ++tableId, edit.table));
      overrides.push(
        { part: sheetPart, contentType: CT_WORKSHEET },
        { part: tablePart, contentType: CT_TABLE }
      );
      const rel = newRel(REL_WORKSHEET, relativeTarget(wbPart, sheetPart));
      entries.push({ name: freeSheetName(names, edit.table), relId: rel.id });
    }
    wbXml = addSheetEntries(wbXml, entries);
    writePart(zip, wbPart, wbXml);
  }

  if (styles.changed) {
    if (stylesPart && stylesXml !== undefined) writePart(zip, stylesPart, styles.xml());
    else {
      const taken = new Set(partNames(zip).map((n) => n.toLowerCase()));
      const part = freePart(zip, wbPart.slice(0, wbPart.lastIndexOf("/")), "styles", taken);
      writePart(zip, part, styles.xml());
      newRel(REL_STYLES, relativeTarget(wbPart, part));
      overrides.push({ part, contentType: CT_STYLES });
    }
  }

  // A calcChain naming a cell that no longer holds a formula makes Excel repair the file.
  const dropIds = new Set<string>();
  const calc = wbRels.find((r) => r.type.endsWith("/calcChain"));
  if (formulaReplaced && calc) {
    const part = resolveTarget(wbPart, calc.target);
    zip.remove(part);
    removed.push(part);
    dropIds.add(calc.id);
  }

  if (addedRels.length > 0 || dropIds.size > 0) {
    writePart(zip, wbRelsPath, editRels(wbRelsXml, dropIds, addedRels));
  }
  if (overrides.length > 0 || removed.length > 0) {
    const ct = await mustReadPart(zip, "[Content_Types].xml");
    writePart(zip, "[Content_Types].xml", editContentTypes(ct, removed, overrides));
  }
  if (created.length > 0) await updateAppXml(zip, oldNames);
  return zip.toBuffer();
}
