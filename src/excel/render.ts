import { PlanSheet, PlanStyle, REPORT_MARKER, ReportPlan, a1, columnLetter } from "../workbook";
import { WriteBatch, opBytes } from "./batch";
import { cellBlocks, columnWidthPoints, styleRuns } from "./cells";
import { HostCapabilities } from "./capabilities";
import { chartBytes, queueChart } from "./charts";
import { HostError } from "./errors";
import { pageLayoutOperations, queuePageLayout } from "./page-layout";

export { MAX_REQUEST_BYTES } from "./batch";
/** A block of cells is at most this much of a request, so a request holds other work too. */
const MAX_BLOCK_BYTES = 1024 * 1024;
/** Layout and style operations queued as one unit (each unit is one WriteBatch.add). */
const OPS_PER_PART = 500;

const hex = (rgb: string) => `#${rgb}`;

/** Operations applyStyle queues for a style (each property set, plus the paths it reaches). */
function styleOps(s: PlanStyle): number {
  const props = [s.bold, s.italic, s.size, s.color, s.fill, s.wrap, s.align, s.valign].filter(
    (v) => v !== undefined && v !== false
  ).length;
  const borders = s.border === "box" ? 4 : s.border ? 1 : 0;
  return 4 + props + borders * 3;
}

function applyStyle(range: Excel.Range, s: PlanStyle): void {
  const f = range.format;
  if (s.bold) f.font.bold = true;
  if (s.italic) f.font.italic = true;
  if (s.size) f.font.size = s.size;
  if (s.color) f.font.color = hex(s.color);
  if (s.fill) f.fill.color = hex(s.fill);
  if (s.wrap) f.wrapText = true;
  if (s.align)
    f.horizontalAlignment = s.align === "left" ? "Left" : s.align === "center" ? "Center" : "Right";
  if (s.valign) f.verticalAlignment = s.valign === "top" ? "Top" : "Center";
  if (s.border) {
    const edges =
      s.border === "box"
        ? (["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as const)
        : (["EdgeBottom"] as const);
    for (const edge of edges) {
      const b = f.borders.getItem(edge);
      b.style = "Continuous";
      b.color = "#BFBFBF";
    }
  }
}

/** Items queued in parts of at most OPS_PER_PART operations, each part one WriteBatch.add. */
async function inParts<T>(
  batch: WriteBatch,
  items: readonly T[],
  ops: (item: T) => number,
  text: (item: T) => string,
  queue: (item: T) => void
): Promise<void> {
  let start = 0;
  while (start < items.length) {
    let end = start;
    let n = 0;
    let chars = "";
    while (end < items.length && (end === start || n + ops(items[end] as T) <= OPS_PER_PART)) {
      n += ops(items[end] as T);
      chars += text(items[end] as T);
      end++;
    }
    const part = items.slice(start, end);
    await batch.add(opBytes(n, chars), () => part.forEach(queue));
    start = end;
  }
}

/**
 * Queues one plan sheet on the sheet named `name`: its cells first (the first typed write of a
 * session goes right after the sheets are added, see WriteBatch), then widths, heights, merges,
 * styles and charts, each in parts that keep every request under MAX_REQUEST_BYTES.
 */
async function writeSheet(
  ctx: Excel.RequestContext,
  batch: WriteBatch,
  name: string,
  sheet: PlanSheet,
  caps: HostCapabilities
): Promise<void> {
  const ws = () => ctx.workbook.worksheets.getItem(name);
  for (const block of cellBlocks(sheet, MAX_BLOCK_BYTES))
    await batch.cells(() => ws().getRange(block.address), block);
  const col = (c: number) => `${columnLetter(c)}:${columnLetter(c)}`;
  await inParts(
    batch,
    sheet.columnWidths,
    () => 4,
    (w) => col(w.col),
    (w) => (ws().getRange(col(w.col)).format.columnWidth = columnWidthPoints(w.width))
  );
  await inParts(
    batch,
    sheet.rowHeights,
    () => 4,
    (h) => `${h.row + 1}:${h.row + 1}`,
    (h) => (ws().getRange(`${h.row + 1}:${h.row + 1}`).format.rowHeight = h.height)
  );
  const mergeAddress = (m: PlanSheet["merges"][number]) =>
    `${a1(m.from.row, m.from.col)}:${a1(m.to.row, m.to.col)}`;
  await inParts(
    batch,
    sheet.merges,
    () => 3,
    mergeAddress,
    (m) => ws().getRange(mergeAddress(m)).merge(false)
  );
  await inParts(
    batch,
    styleRuns(sheet.cells),
    (r) => styleOps(r.style),
    (r) => r.address,
    (r) => applyStyle(ws().getRange(r.address), r.style)
  );
  // Explicit heights for every printed row, then (ExcelApi 1.9) A4, breaks, header and footer.
  const page = JSON.stringify([sheet.page.header, sheet.page.footer]);
  // Each of its operations reaches a range or a layout object first: three paths and actions each.
  await batch.add(opBytes(3 * pageLayoutOperations(sheet, caps), page), () =>
    queuePageLayout(ws(), sheet, caps)
  );
  for (const [i, chart] of sheet.charts.entries())
    await batch.add(chartBytes(chart), () =>
      queueChart(ws(), sheet, chart, `CDRP ${sheet.name} ${i + 1}`, caps)
    );
}

export interface RenderResult {
  sheets: string[];
  writeSyncs: number;
  /** The estimate of each write request (each an upper bound of what was sent). */
  requestEstimates: number[];
  /** valuesAsJson failed in this run and the session fell back to the pre-1.16 way. */
  fellBack: boolean;
}

/** Names for the sheets while they are written, which no existing sheet has. */
export function temporaryNames(count: number, existing: readonly string[]): string[] {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  const out: string[] = [];
  for (let i = 1; out.length < count; i++) {
    const name = `CDRP working ${i}`;
    if (!taken.has(name.toLowerCase())) out.push(name);
  }
  return out;
}

/**
 * Writes the plan. With no previous report, the sheets are added under their own names and written
 * in place: every operation is one Excel can undo on every platform (office-js-docs-pr
 * docs/excel/excel-add-ins-undo-capabilities.md, "Unsupported APIs"), so the person's earlier edits
 * stay undoable. Replacing a previous report cannot avoid Worksheet.delete, which no platform can
 * undo: the new sheets are written under temporary names, and only when every one is complete does
 * one final batch delete the previous report, give the new sheets their names and mark them, so a
 * failure before that leaves the previous report and the data exactly as they were.
 */
export async function renderReport(
  ctx: Excel.RequestContext,
  plan: ReportPlan,
  existing: readonly string[],
  replace: readonly string[],
  caps: HostCapabilities,
  veryHidden: ReadonlySet<string> = new Set()
): Promise<RenderResult> {
  const inPlace = replace.length === 0;
  const names = inPlace
    ? plan.sheets.map((s) => s.name)
    : temporaryNames(plan.sheets.length, existing);
  const batch = new WriteBatch(ctx, caps);
  const sheets = ctx.workbook.worksheets;
  try {
    for (const name of names) await batch.add(opBytes(1, name), () => sheets.add(name), true);
    for (const [i, sheet] of plan.sheets.entries())
      await writeSheet(ctx, batch, names[i] as string, sheet, caps);
    // The last batch: the previous report out (shown first if very hidden: Worksheet.delete fails
    // with InvalidOperation on a VeryHidden sheet, excel.worksheet.yml), names given, sheets marked.
    // The marker has no comment: NamedItem.comment has no undo on the web.
    const finish = () => {
      for (const name of replace) {
        const old = sheets.getItem(name);
        if (veryHidden.has(name)) old.visibility = "Hidden";
        old.delete();
      }
      plan.sheets.forEach((sheet, i) => {
        const ws = sheets.getItem(names[i] as string);
        if (!inPlace) ws.name = sheet.name;
        ws.names.add(REPORT_MARKER, "=TRUE");
      });
      const first = plan.sheets[0];
      if (first) sheets.getItem(first.name).activate();
    };
    await batch.add(opBytes(2 * replace.length + 3 * plan.sheets.length + 2), finish);
    await batch.flush();
  } catch (e) {
    // Whatever this run created goes: its temporary sheets, and any already given a new name.
    const created = plan.sheets
      .map((s) => s.name)
      .filter((n) => !existing.some((x) => x.toLowerCase() === n.toLowerCase()));
    const ours = [...new Set([...names, ...created])];
    const after = await removeSheets(ctx, ours, replace);
    throw afterFailure(e, after, ours);
  }
  return {
    sheets: plan.sheets.map((s) => s.name),
    writeSyncs: batch.syncs,
    requestEstimates: [...batch.estimates],
    fellBack: batch.fellBack,
  };
}

interface CleanUp {
  /** Sheets of this run still in the workbook; null when the workbook could not even be read. */
  left: string[] | null;
  /** Sheets of the previous report that the failed swap had already deleted. */
  previousGone: string[];
}

/**
 * Clean-up after a failure: deletes the sheets this run created (2 syncs, not in any undo group)
 * and says what is left, so the message never claims nothing changed when something did.
 */
async function removeSheets(
  ctx: Excel.RequestContext,
  names: readonly string[],
  replace: readonly string[]
): Promise<CleanUp> {
  const wanted = new Set(names.map((n) => n.toLowerCase()));
  let present: string[];
  let previousGone: string[] = [];
  try {
    const sheets = ctx.workbook.worksheets;
    sheets.load("items/name");
    await ctx.sync();
    const all = new Set(sheets.items.map((s) => s.name.toLowerCase()));
    previousGone = replace.filter((n) => !all.has(n.toLowerCase()));
    const doomed = sheets.items.filter((s) => wanted.has(s.name.toLowerCase()));
    present = doomed.map((s) => s.name);
    doomed.forEach((s) => s.delete());
  } catch {
    return { left: null, previousGone };
  }
  try {
    await ctx.sync();
    return { left: [], previousGone };
  } catch {
    return { left: present, previousGone };
  }
}

/** The failure, with what the clean-up could not undo said in words. */
function afterFailure(e: unknown, after: CleanUp, created: readonly string[]): unknown {
  if (after.left !== null && after.left.length === 0 && after.previousGone.length === 0) return e;
  const code =
    typeof (e as { code?: unknown })?.code === "string" ? (e as { code: string }).code : "Unknown";
  const list = (names: readonly string[]) => names.map((n) => `"${n}"`).join(", ");
  const parts = ["Excel stopped the report part-way, and the add-in could not tidy up after it."];
  if (after.left === null)
    parts.push(
      `Unfinished sheets may be left in the workbook (${list(created)}): delete any that are there (right-click the tab > Delete).`
    );
  else if (after.left.length > 0)
    parts.push(
      `These unfinished sheets are still there: ${list(after.left)}. Delete them (right-click the tab > Delete).`
    );
  if (after.previousGone.length > 0)
    parts.push(
      `The previous report's sheets ${list(after.previousGone)} had already been removed: generate the report again.`
    );
  parts.push("Your data sheets have not been changed.");
  return new HostError({ code, title: "The report was not finished", message: parts.join(" ") });
}
