import { CoreError } from "../core";
import { ContractInput, readContract } from "./contract";
import { Windows, checkContract } from "./checks";
import { Issue, IssueList, sortIssues } from "./issues";
import { buildModel } from "./model";
import { ReportModel } from "./model-types";
import { Cell, Grid, WorkbookSnapshot } from "./snapshot";
import { DataSheet } from "./workbook-data";

export interface Validation {
  issues: Issue[];
  ok: boolean; // no errors (warnings allowed)
  input: ContractInput | null;
  windows: Windows | null;
}

/**
 * Validates a snapshot against spec/workbook.md. Never throws on any grid: an unexpected failure is
 * itself reported as an issue, so a host can always show a list.
 */
export function validate(snapshot: WorkbookSnapshot): Validation {
  const issues = new IssueList();
  let input: ContractInput | null = null;
  let windows: Windows | null = null;
  try {
    input = readContract(snapshot, issues);
    if (input) windows = checkContract(input, issues);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    issues.error("CELL_ERROR", "Settings", "A1", `The workbook could not be checked: ${message}`);
  }
  const sorted = sortIssues(issues.items);
  return {
    issues: sorted,
    ok: !issues.hasErrors && input !== null && windows !== null,
    input,
    windows,
  };
}

export interface Analysis extends Validation {
  model: ReportModel | null;
}

/** Validation, then the report model when there are no errors. */
export function analyse(snapshot: WorkbookSnapshot): Analysis {
  const v = validate(snapshot);
  if (!v.ok || !v.input || !v.windows) return { ...v, model: null };
  try {
    return { ...v, model: buildModel(v.input, v.windows) };
  } catch (e) {
    const message = e instanceof CoreError || e instanceof Error ? e.message : String(e);
    const issue: Issue = {
      severity: "error",
      code: "CELL_ERROR",
      sheet: "Settings",
      cell: "A1",
      message: `The report could not be computed: ${message}`,
    };
    return { ...v, ok: false, issues: [issue, ...v.issues], model: null };
  }
}

/** The snapshot a host would read from a workbook written from `sheets` (tables at A1). */
export function snapshotOfData(sheets: readonly DataSheet[]): WorkbookSnapshot {
  const tables: Grid[] = sheets
    .filter((s) => s.table !== null)
    .map((s) => ({
      name: s.table as string,
      sheet: s.name,
      source: "table" as const,
      origin: { row: 0, col: 0 },
      rows: [s.columns.map((c) => c.header as Cell), ...s.rows],
    }));
  return { sheetNames: sheets.map((s) => s.name), tables, sheets: [], reportSheets: [] };
}
