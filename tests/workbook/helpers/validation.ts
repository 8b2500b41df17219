/**
 * Helpers for tests/workbook/validation.test.ts: a deep copy of the sample to break one cell of,
 * addresses computed from where the change was made (independently of the engine's own A1 code),
 * and assertions on the issue list that print the whole list when they fail.
 */
import { ymdToSerial } from "../../../src/core";
import { Validation, snapshotOfData, validate } from "../../../src/workbook/engine";
import { ISSUE_CODES, Issue, IssueCode, Severity } from "../../../src/workbook/issues";
import { sampleWorkbook } from "../../../src/workbook/sample";
import { Cell, WorkbookSnapshot } from "../../../src/workbook/snapshot";
import { DataSheet } from "../../../src/workbook/workbook-data";

/** The sample workbook, deep-copied so a test can change it. */
export function sample(): DataSheet[] {
  return sampleWorkbook().map((s) => ({
    ...s,
    columns: s.columns.map((c) => ({ ...c })),
    rows: s.rows.map((r) => r.map((c) => (typeof c === "object" && c !== null ? { ...c } : c))),
  }));
}

export function sheetOf(sheets: DataSheet[], name: string): DataSheet {
  const s = sheets.find((x) => x.name === name);
  if (!s) throw new Error(`The sample has no sheet ${name}`);
  return s;
}

export function columnIndex(sheet: DataSheet, header: string): number {
  const i = sheet.columns.findIndex((c) => c.header === header);
  if (i < 0) throw new Error(`${sheet.name} has no column ${header}`);
  return i;
}

/** The data row (0 = first row under the header) of `sheet` that satisfies `pred`. */
export function rowWhere(
  sheets: DataSheet[],
  name: string,
  pred: (get: (header: string) => Cell) => boolean
): number {
  const s = sheetOf(sheets, name);
  const i = s.rows.findIndex((r) => pred((h) => r[columnIndex(s, h)] ?? null));
  if (i < 0) throw new Error(`No row of ${name} matches`);
  return i;
}

/** Sets one cell: data row `row` (0-based, under the header), column by header. */
export function setCell(
  sheets: DataSheet[],
  name: string,
  row: number,
  header: string,
  value: Cell
): void {
  const s = sheetOf(sheets, name);
  const r = s.rows[row];
  if (!r) throw new Error(`${name} has no data row ${row}`);
  r[columnIndex(s, header)] = value;
}

export function getCell(sheets: DataSheet[], name: string, row: number, header: string): Cell {
  const s = sheetOf(sheets, name);
  return s.rows[row]?.[columnIndex(s, header)] ?? null;
}

/** Appends a data row given by header; returns its data-row index. */
export function addRow(sheets: DataSheet[], name: string, values: Record<string, Cell>): number {
  const s = sheetOf(sheets, name);
  s.rows.push(s.columns.map((c) => values[c.header] ?? null));
  return s.rows.length - 1;
}

export function removeRows(
  sheets: DataSheet[],
  name: string,
  pred: (get: (header: string) => Cell) => boolean
): number {
  const s = sheetOf(sheets, name);
  const before = s.rows.length;
  s.rows = s.rows.filter((r) => !pred((h) => r[columnIndex(s, h)] ?? null));
  return before - s.rows.length;
}

export function removeSheet(sheets: DataSheet[], name: string): DataSheet[] {
  sheetOf(sheets, name);
  return sheets.filter((s) => s.name !== name);
}

/** Column letters, written out so the expected addresses do not come from the engine's own code. */
const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** The address of data row `row`, column `header`, for a table whose header row is at A1. */
export function cellAt(sheets: DataSheet[], name: string, row: number, header: string): string {
  return `${LETTERS[columnIndex(sheetOf(sheets, name), header)]}${row + 2}`;
}

/** The address of a column's header cell (row 1). */
export function headerCell(sheets: DataSheet[], name: string, header: string): string {
  return `${LETTERS[columnIndex(sheetOf(sheets, name), header)]}1`;
}

/** Zero-based column index -> letter, for the offset-table cases (columns < 26). */
export function letter(col: number): string {
  const l = LETTERS[col];
  if (l === undefined) throw new Error(`column ${col} out of range`);
  return l;
}

export const serial = (year: number, month: number, day: number): number =>
  ymdToSerial({ year, month, day });

export function check(sheets: DataSheet[]): Validation {
  return validate(snapshotOfData(sheets));
}

export function checkSnapshot(snapshot: WorkbookSnapshot): Validation {
  return validate(snapshot);
}

export interface Expected {
  severity: Severity;
  code: IssueCode;
  sheet: string;
  cell: string;
}

const asserted = new Set<IssueCode>();
const declared = new Set<IssueCode>();

function show(issues: readonly Issue[]): string {
  return (
    issues.map((i) => `  ${i.severity} ${i.code} ${i.sheet}!${i.cell}: ${i.message}`).join("\n") ||
    "  (no issues)"
  );
}

/**
 * Asserts the list holds an issue with exactly this severity, code, sheet and cell, and that its
 * message contains every one of `words` (the offending value, the measure id, what to do).
 */
export function expectIssue(v: Validation, e: Expected, ...words: string[]): Issue {
  const at = v.issues.filter(
    (i) =>
      i.severity === e.severity && i.code === e.code && i.sheet === e.sheet && i.cell === e.cell
  );
  if (at.length === 0) {
    throw new Error(
      `Expected ${e.severity} ${e.code} at ${e.sheet}!${e.cell}; the issues were:\n${show(v.issues)}`
    );
  }
  // Several issues may share a cell (MONTH_MISSING names the Month header): one must carry every word.
  const found = at.find((i) => words.every((w) => i.message.includes(w)));
  if (!found) {
    throw new Error(
      `No ${e.code} at ${e.sheet}!${e.cell} says all of ${JSON.stringify(words)}:\n${show(at)}`
    );
  }
  expect(found.message.length).toBeGreaterThan(20);
  asserted.add(e.code);
  return found;
}

/** Asserts the issue list is exactly `expected` (as {severity, code, sheet, cell}, in any order). */
export function expectExactly(v: Validation, expected: readonly Expected[]): void {
  const key = (i: Expected) => `${i.severity} ${i.code} ${i.sheet}!${i.cell}`;
  const actual = v.issues.map(key).sort();
  const wanted = expected.map(key).sort();
  if (JSON.stringify(actual) !== JSON.stringify(wanted)) {
    throw new Error(
      `Expected exactly:\n  ${wanted.join("\n  ")}\nbut the issues were:\n${show(v.issues)}`
    );
  }
}

export const codesOf = (v: Validation): IssueCode[] =>
  [...new Set(v.issues.map((i) => i.code))].sort();

/**
 * A test that proves `code` can be produced: it is declared for the coverage check and must call
 * expectIssue with that code.
 */
export function issueCase(code: IssueCode, title: string, body: () => void): void {
  declared.add(code);
  it(`${code}: ${title}`, () => {
    asserted.clear();
    body();
    if (!asserted.has(code)) throw new Error(`The case for ${code} never asserted a ${code} issue`);
  });
}

export function codesWithoutCase(): IssueCode[] {
  return ISSUE_CODES.filter((c) => !declared.has(c));
}

/** Warnings only, or nothing: the report is not blocked. */
export function onlyWarnings(v: Validation): boolean {
  return v.issues.every((i) => i.severity === "warning");
}
