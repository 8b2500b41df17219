import { DataSheet, a1, columnLetter } from "../workbook";
import { HostError } from "./errors";
import { MAX_REQUEST_BYTES, WriteBatch, opBytes } from "./batch";
import { TEXT_FORMAT, columnWidthPoints, splitRows } from "./cells";
import { HostCapabilities, detectCapabilities } from "./capabilities";

/**
 * Writes the template or the sample as Excel tables (one sync to see which sheets exist, then the
 * writes: one sync, or two for the first typed write of a session). It never overwrites: if a sheet
 * of the same name exists, nothing is written.
 */
export async function insertDataSheets(
  ctx: Excel.RequestContext,
  sheets: readonly DataSheet[],
  caps: HostCapabilities = detectCapabilities()
): Promise<string[]> {
  const all = ctx.workbook.worksheets;
  all.load("items/name");
  const tables = ctx.workbook.tables;
  tables.load("items/name");
  await ctx.sync();
  const names = new Set(all.items.map((s) => s.name.toLowerCase()));
  const tableNames = new Set(tables.items.map((t) => t.name.toLowerCase()));
  const clash = sheets.filter(
    (s) =>
      names.has(s.name.toLowerCase()) || (s.table !== null && tableNames.has(s.table.toLowerCase()))
  );
  if (clash.length > 0) {
    throw new HostError({
      code: "AlreadyExists",
      title: "The workbook already has these sheets",
      message: `The workbook already has ${clash.map((s) => `"${s.name}"`).join(", ")}. Nothing was written: rename or remove them first, or use a new workbook.`,
    });
  }
  const batch = new WriteBatch(ctx, caps);
  for (const s of sheets) await batch.add(opBytes(1, s.name), () => all.add(s.name), true);
  for (const s of sheets) {
    const ws = () => all.getItem(s.name);
    const rows = [
      s.columns.map((c) => c.header),
      ...(s.rows.length > 0 ? s.rows : [s.columns.map(() => null)]),
    ];
    const formats = rows.map((row, r) =>
      row.map((v, c) => {
        if (typeof v === "string" || r === 0) return TEXT_FORMAT;
        const cell = s.cellFormats?.find((f) => f.row === r - 1 && f.col === c);
        return cell?.numFmt ?? s.columns[c]?.numFmt ?? "General";
      })
    );
    const values = rows.map((row) =>
      row.map((v) => (v === null || typeof v === "object" ? "" : v))
    );
    for (const block of splitRows(0, 0, values, formats, MAX_REQUEST_BYTES / 4))
      await batch.cells(() => ws().getRange(block.address), block);
    const address = `A1:${a1(rows.length - 1, s.columns.length - 1)}`;
    await batch.add(opBytes(4 * s.columns.length + 4, s.name), () => {
      s.columns.forEach(
        (c, i) =>
          (ws().getRange(`${columnLetter(i)}:${columnLetter(i)}`).format.columnWidth =
            columnWidthPoints(c.width))
      );
      if (s.table !== null) ws().tables.add(address, true).name = s.table;
      else ws().getRange("A1").format.font.bold = true;
    });
  }
  const first = sheets[0];
  if (first) await batch.add(opBytes(2), () => all.getItem(first.name).activate());
  await batch.flush();
  return sheets.map((s) => s.name);
}

/** Activates a sheet and selects a cell: how the pane points at a problem (1 sync). */
export async function goToCell(
  ctx: Excel.RequestContext,
  sheet: string,
  cell: string
): Promise<void> {
  const ws = ctx.workbook.worksheets.getItem(sheet);
  ws.activate();
  ws.getRange(cell).select();
  try {
    await ctx.sync();
  } catch (e) {
    if ((e as { code?: unknown }).code !== "ItemNotFound") throw e;
    throw new HostError({
      code: "ItemNotFound",
      title: "That sheet is no longer there",
      message: `There is no sheet named "${sheet}" now; it may have been renamed or deleted. Check the workbook again.`,
    });
  }
}
