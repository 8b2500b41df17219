/** A validation problem, as the task pane lists it and `cdrp validate --json` prints it. */
export type Severity = "error" | "warning";

export interface Issue {
  severity: Severity;
  code: IssueCode;
  sheet: string;
  cell: string;
  message: string;
}

/** Stable codes: tools and people may key on them, so they never change meaning. */
export const ISSUE_CODES = [
  "TABLE_MISSING",
  "TABLE_EMPTY",
  "COLUMN_MISSING",
  "COLUMN_DUPLICATE",
  "SETTING_MISSING",
  "SETTING_INVALID",
  "SETTING_UNKNOWN",
  "SETTING_DUPLICATE",
  "VALUE_MISSING",
  "CELL_ERROR",
  "MEASURE_ID_INVALID",
  "MEASURE_DUPLICATE",
  "MEASURE_UNKNOWN",
  "POLARITY_INVALID",
  "TARGET_INVALID",
  "TARGET_VALUE_INVALID",
  "TARGET_POLARITY_MISMATCH",
  "TOLERANCE_INVALID",
  "COUNT_NOT_NUMBER",
  "COUNT_NEGATIVE",
  "COUNT_NOT_INTEGER",
  "NUMBER_TOO_LARGE",
  "DATE_AS_TEXT",
  "DATE_INVALID",
  "MONTH_DUPLICATE",
  "MONTH_MISSING",
  "MEASURE_NO_DATA",
  "WINDOW_NOT_ENDED",
  "BASELINE_INVALID",
  "BASELINE_NO_DATA",
  "PREVIOUS_NO_DATA",
  "PERIOD_INVALID",
  "PERIOD_MISSING",
  "ROW_DUPLICATE",
  "REPEATS_EXCEED_CASES",
  "TOTAL_MISMATCH",
  "YEAR_TOTAL_MISMATCH",
  "PEER_PARTNERSHIP_MISSING",
  "PEER_PARTNERSHIP_DUPLICATE",
  "PEER_GROUP_TOO_SMALL",
  "PEER_RATE_INVALID",
  "PEER_COUNTS_MISSING",
  "PEER_AFTER_PERIOD_END",
  "MONTH_AFTER_PERIOD_END",
  "AREA_UNKNOWN",
  "COORDINATE_INVALID",
] as const;

export type IssueCode = (typeof ISSUE_CODES)[number];

export class IssueList {
  readonly items: Issue[] = [];

  error(code: IssueCode, sheet: string, cell: string, message: string): void {
    this.items.push({ severity: "error", code, sheet, cell, message });
  }

  warning(code: IssueCode, sheet: string, cell: string, message: string): void {
    this.items.push({ severity: "warning", code, sheet, cell, message });
  }

  get hasErrors(): boolean {
    return this.items.some((i) => i.severity === "error");
  }
}

/** Errors first, then by sheet and cell in reading order, so lists are stable and easy to scan. */
export function sortIssues(issues: readonly Issue[]): Issue[] {
  const key = (cell: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(cell);
    if (!m) return [0, 0];
    let col = 0;
    for (const ch of m[1] as string) col = col * 26 + ch.charCodeAt(0) - 64;
    return [Number(m[2]), col];
  };
  return [...issues].sort((a, b) => {
    if (a.severity !== b.severity) return a.severity === "error" ? -1 : 1;
    if (a.sheet !== b.sheet) return a.sheet < b.sheet ? -1 : 1;
    const [ar, ac] = key(a.cell);
    const [br, bc] = key(b.cell);
    return (ar as number) - (br as number) || (ac as number) - (bc as number);
  });
}
