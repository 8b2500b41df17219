/** Workbook structure: adding, renaming, moving, hiding and deleting sheets, with Excel's rules. */
import { richError } from "./errors";
import { SheetModel, WorkbookModel, findSheet, liveSheets, newSheet } from "./model";

const STRUCTURE_LOCKED =
  "The workbook's structure is protected. Unprotect the workbook to add, delete, rename, move or hide sheets.";

export function checkStructure(wb: WorkbookModel, location: string): void {
  if (wb.structureProtected) throw richError("AccessDenied", location, STRUCTURE_LOCKED);
}

/** Excel's sheet-name rules: 1-31 characters, none of : \ / ? * [ ], no apostrophe at either end. */
export function checkSheetName(name: unknown, location: string): string {
  if (
    typeof name !== "string" ||
    name.length === 0 ||
    name.length > 31 ||
    /[:\\/?*[\]]/.test(name) ||
    name.startsWith("'") ||
    name.endsWith("'") ||
    name.toLowerCase() === "history"
  )
    throw richError("InvalidArgument", location, `"${String(name)}" is not a valid sheet name.`);
  return name;
}

export function addSheet(wb: WorkbookModel, name: unknown): SheetModel {
  checkStructure(wb, "WorksheetCollection.add");
  let sheetName: string;
  if (name === null || name === undefined || name === "") {
    let i = 1;
    while (findSheet(wb, `Sheet${i}`)) i++;
    sheetName = `Sheet${i}`;
  } else sheetName = checkSheetName(name, "WorksheetCollection.add");
  if (findSheet(wb, sheetName))
    throw richError(
      "ItemAlreadyExists",
      "WorksheetCollection.add",
      `A sheet named "${sheetName}" already exists.`
    );
  const sheet = newSheet(wb, sheetName);
  wb.sheets.push(sheet); // Office.js adds at the end and does not activate it
  return sheet;
}

export function renameSheet(wb: WorkbookModel, sheet: SheetModel, name: unknown): void {
  checkStructure(wb, "Worksheet.name");
  const next = checkSheetName(name, "Worksheet.name");
  const other = findSheet(wb, next);
  if (other && other !== sheet)
    throw richError(
      "ItemAlreadyExists",
      "Worksheet.name",
      `A sheet named "${next}" already exists.`
    );
  sheet.name = next;
}

export function moveSheet(wb: WorkbookModel, sheet: SheetModel, position: unknown): void {
  checkStructure(wb, "Worksheet.position");
  const sheets = liveSheets(wb);
  if (
    typeof position !== "number" ||
    !Number.isInteger(position) ||
    position < 0 ||
    position >= sheets.length
  )
    throw richError("InvalidArgument", "Worksheet.position");
  wb.sheets = sheets.filter((s) => s !== sheet);
  wb.sheets.splice(position, 0, sheet);
}

function otherVisible(wb: WorkbookModel, sheet: SheetModel): boolean {
  return liveSheets(wb).some((s) => s !== sheet && s.visibility === "Visible");
}

export function setVisibility(wb: WorkbookModel, sheet: SheetModel, v: unknown): void {
  if (v !== "Visible" && v !== "Hidden" && v !== "VeryHidden")
    throw richError("InvalidArgument", "Worksheet.visibility");
  if (v === sheet.visibility) return;
  checkStructure(wb, "Worksheet.visibility");
  if (v !== "Visible" && !otherVisible(wb, sheet))
    throw richError(
      "InvalidOperation",
      "Worksheet.visibility",
      "A workbook must keep at least one visible sheet."
    );
  sheet.visibility = v;
  if (v !== "Visible" && wb.activeSheet === sheet)
    wb.activeSheet = liveSheets(wb).find((s) => s.visibility === "Visible") ?? null;
}

export function deleteSheet(wb: WorkbookModel, sheet: SheetModel): void {
  checkStructure(wb, "Worksheet.delete");
  // ref excel.worksheet.yml, `delete()`: "if the worksheet's visibility is set to "VeryHidden", the
  // delete operation will fail with an InvalidOperation exception".
  if (sheet.visibility === "VeryHidden")
    throw richError(
      "InvalidOperation",
      "Worksheet.delete",
      "A very hidden sheet cannot be deleted: change its visibility to hidden or visible first."
    );
  if (!otherVisible(wb, sheet))
    throw richError(
      "InvalidOperation",
      "Worksheet.delete",
      "A workbook must keep at least one visible sheet."
    );
  const index = wb.sheets.indexOf(sheet);
  sheet.deleted = true;
  wb.sheets = wb.sheets.filter((s) => s !== sheet);
  for (const t of wb.tables) if (t.sheet === sheet) t.deleted = true;
  wb.tables = wb.tables.filter((t) => !t.deleted);
  for (const n of sheet.names) n.deleted = true;
  for (const c of sheet.charts) c.deleted = true;
  if (wb.selection?.sheet === sheet) wb.selection = null;
  if (wb.activeSheet === sheet) {
    const visible = wb.sheets.filter((s) => s.visibility === "Visible");
    wb.activeSheet = visible[Math.min(index, visible.length - 1)] ?? visible[0] ?? null;
  }
}
