/**
 * Validation (spec/workbook.md, "Validation"): every stable code in ISSUE_CODES is produced by a
 * realistic bad input and names the exact sheet and A1 cell, with a message a person can act on.
 *
 * Each case deep-copies the sample (which validates with no issues at all), breaks one cell or row,
 * and computes the expected address from where the change was made: data row index + 2 (the header
 * is row 1), the column letter from the column's position in the sheet.
 */
import fc from "fast-check";
import { analyse, snapshotOfData, validate } from "../../src/workbook/engine";
import { ISSUE_CODES, IssueCode } from "../../src/workbook/issues";
import { Cell, Grid, WorkbookSnapshot } from "../../src/workbook/snapshot";
import { DataSheet } from "../../src/workbook/workbook-data";
import {
  addRow,
  cellAt,
  check,
  codesOf,
  codesWithoutCase,
  columnIndex,
  expectExactly,
  expectIssue,
  getCell,
  headerCell,
  issueCase,
  letter,
  onlyWarnings,
  removeRows,
  removeSheet,
  rowWhere,
  sample,
  serial,
  setCell,
  sheetOf,
} from "./helpers/validation";
// The optional Areas and AreaMonthly tables' cases, declared here so "every code" counts them.
import "./validation-areas";

const PARTNERSHIP = "South Cambridgeshire";
const error = "error" as const;
const warning = "warning" as const;

/** Data-row indexes of the sample's rows, found by content. */
const settingRow = (s: DataSheet[], name: string) =>
  rowWhere(s, "Settings", (g) => g("Setting") === name);
const measureRow = (s: DataSheet[], id: string) =>
  rowWhere(s, "Measures", (g) => g("Measure") === id);
const monthRow = (s: DataSheet[], id: string, y: number, m: number) =>
  rowWhere(s, "Monthly", (g) => g("Measure") === id && g("Month") === serial(y, m, 1));
const peerRow = (s: DataSheet[], id: string, end: number, who: string) =>
  rowWhere(
    s,
    "Peers",
    (g) => g("Measure") === id && g("Period end") === end && g("Partnership") === who
  );
const maracRow = (s: DataSheet[], period: string) =>
  rowWhere(s, "MARAC", (g) => g("Period") === period);
const referralRow = (s: DataSheet[], area: string, period: string) =>
  rowWhere(s, "Referrals", (g) => g("Area") === area && g("Period") === period);

const PEERS_PREVIOUS = serial(2010, 2, 28);
const PEERS_CURRENT = serial(2010, 5, 31);

/** Sets a Settings value by the setting's name; returns the Value cell's address. */
function setSetting(s: DataSheet[], name: string, value: Cell): string {
  const r = settingRow(s, name);
  setCell(s, "Settings", r, "Value", value);
  return cellAt(s, "Settings", r, "Value");
}

describe("the sample is the baseline", () => {
  it("validates with no issues at all, so every issue below comes from the one change made", () => {
    const v = check(sample());
    expectExactly(v, []);
    expect(v.ok).toBe(true);
  });
});

describe("tables and columns", () => {
  issueCase(
    "TABLE_MISSING",
    "a required table is absent; the message names it and its columns",
    () => {
      const v = check(removeSheet(sample(), "Settings"));
      expectIssue(
        v,
        { severity: error, code: "TABLE_MISSING", sheet: "Settings", cell: "A1" },
        '"Settings"',
        "Setting, Value"
      );
      expect(v.ok).toBe(false);

      const m = check(removeSheet(sample(), "Monthly"));
      // Only the table: its measures are not also reported as having no data.
      expectExactly(m, [{ severity: error, code: "TABLE_MISSING", sheet: "Monthly", cell: "A1" }]);
      expectIssue(
        m,
        { severity: error, code: "TABLE_MISSING", sheet: "Monthly", cell: "A1" },
        "Measure, Month, Count"
      );
    }
  );

  issueCase(
    "TABLE_MISSING",
    "MARAC is required once NI32 is measured, Referrals once IDVAS_REFERRALS is",
    () => {
      const v = check(removeSheet(sample(), "MARAC"));
      expectExactly(v, [{ severity: error, code: "TABLE_MISSING", sheet: "MARAC", cell: "A1" }]);
      expectIssue(
        v,
        { severity: error, code: "TABLE_MISSING", sheet: "MARAC", cell: "A1" },
        "Period, Area, Cases, Repeat cases"
      );
      const r = check(removeSheet(sample(), "Referrals"));
      expectExactly(r, [
        { severity: error, code: "TABLE_MISSING", sheet: "Referrals", cell: "A1" },
      ]);
      expectIssue(
        r,
        { severity: error, code: "TABLE_MISSING", sheet: "Referrals", cell: "A1" },
        "Referrals"
      );
    }
  );

  issueCase(
    "TABLE_MISSING",
    "a listed measure with a bad Measures cell still needs its table",
    () => {
      const s = removeSheet(sample(), "MARAC");
      const r = measureRow(s, "NI32");
      setCell(s, "Measures", r, "Polarity", "lower is worse");
      const v = check(s);
      expectExactly(v, [
        {
          severity: error,
          code: "POLARITY_INVALID",
          sheet: "Measures",
          cell: cellAt(s, "Measures", r, "Polarity"),
        },
        { severity: error, code: "TABLE_MISSING", sheet: "MARAC", cell: "A1" },
      ]);
      expectIssue(
        v,
        { severity: error, code: "TABLE_MISSING", sheet: "MARAC", cell: "A1" },
        '"MARAC"'
      );
    }
  );

  it("Peers is optional: without it the workbook is valid", () => {
    expectExactly(check(removeSheet(sample(), "Peers")), []);
  });

  it("MARAC and Referrals are optional when no measure needs them", () => {
    const s = sample();
    sheetOf(s, "Measures").rows = sheetOf(s, "Measures").rows.filter(
      (r) => r[0] !== "NI32" && r[0] !== "IDVAS_REFERRALS"
    );
    expectExactly(check(removeSheet(removeSheet(s, "MARAC"), "Referrals")), []);
  });

  issueCase(
    "TABLE_EMPTY",
    "a table with a header row and no data (or only blank rows) names the first data cell",
    () => {
      const s = sample();
      sheetOf(s, "Monthly").rows = [];
      const v = check(s);
      expectIssue(
        v,
        { severity: error, code: "TABLE_EMPTY", sheet: "Monthly", cell: "A2" },
        "Monthly",
        "no data"
      );

      const b = sample();
      sheetOf(b, "Referrals").rows = [
        [null, "", null],
        ["  ", null, ""],
      ];
      const w = check(b);
      expectIssue(
        w,
        { severity: error, code: "TABLE_EMPTY", sheet: "Referrals", cell: "A2" },
        "Referrals"
      );
      expectIssue(
        w,
        {
          severity: error,
          code: "MEASURE_NO_DATA",
          sheet: "Measures",
          cell: cellAt(b, "Measures", measureRow(b, "IDVAS_REFERRALS"), "Measure"),
        },
        "IDVAS_REFERRALS"
      );
    }
  );

  issueCase(
    "COLUMN_MISSING",
    "a renamed header: the message names the missing column; the cell is where to add it",
    () => {
      const s = sample();
      sheetOf(s, "Monthly").columns[columnIndex(sheetOf(s, "Monthly"), "Count")]!.header = "Crimes";
      const v = check(s);
      // Monthly's three columns are A..C; the column can be added at D1.
      expectExactly(v, [{ severity: error, code: "COLUMN_MISSING", sheet: "Monthly", cell: "D1" }]);
      expectIssue(
        v,
        { severity: error, code: "COLUMN_MISSING", sheet: "Monthly", cell: "D1" },
        '"Count"',
        "Measure, Month, Count"
      );
    }
  );

  issueCase(
    "COLUMN_DUPLICATE",
    "two columns with the same header (case differs) name the second",
    () => {
      const s = sample();
      const monthly = sheetOf(s, "Monthly");
      monthly.columns.push({ header: "count", width: 9, kind: "number" });
      monthly.rows.forEach((r) => r.push(r[2] ?? null));
      const v = check(s);
      expectExactly(v, [
        { severity: error, code: "COLUMN_DUPLICATE", sheet: "Monthly", cell: "D1" },
      ]);
      expectIssue(
        v,
        { severity: error, code: "COLUMN_DUPLICATE", sheet: "Monthly", cell: "D1" },
        '"count"',
        "keep one"
      );
    }
  );

  it("a sheet with no cells at all reports each required column where it can be added, without crashing", () => {
    const s = sample();
    const monthly = sheetOf(s, "Monthly");
    monthly.columns = [];
    monthly.rows = [];
    const v = check(s);
    const missing = v.issues.filter((i) => i.code === "COLUMN_MISSING");
    expect(missing.map((i) => [i.sheet, i.cell])).toEqual([
      ["Monthly", "A1"],
      ["Monthly", "B1"],
      ["Monthly", "C1"],
    ]);
    expect(missing.map((i) => i.message.match(/"([^"]+)" column/)?.[1])).toEqual([
      "Measure",
      "Month",
      "Count",
    ]);
  });

  it("a totally empty snapshot reports the missing required tables and nothing else", () => {
    const v = validate({ sheetNames: [], tables: [], sheets: [], reportSheets: [] });
    expectExactly(v, [
      { severity: error, code: "TABLE_MISSING", sheet: "Settings", cell: "A1" },
      { severity: error, code: "TABLE_MISSING", sheet: "Measures", cell: "A1" },
      { severity: error, code: "TABLE_MISSING", sheet: "Monthly", cell: "A1" },
    ]);
    expect(v.ok).toBe(false);
  });
});

describe("Settings", () => {
  issueCase(
    "SETTING_MISSING",
    "a required setting row deleted: the message says which to add",
    () => {
      const s = sample();
      sheetOf(s, "Settings").rows.splice(settingRow(s, "Baseline year"), 1);
      const v = check(s);
      expectExactly(v, [
        {
          severity: error,
          code: "SETTING_MISSING",
          sheet: "Settings",
          cell: headerCell(s, "Settings", "Setting"),
        },
      ]);
      expectIssue(
        v,
        { severity: error, code: "SETTING_MISSING", sheet: "Settings", cell: "A1" },
        '"Baseline year"'
      );
    }
  );

  it.each<[string, Cell, string]>([
    ["Window", "monthly", '"monthly"'],
    ["Window", 3, "3"],
    ["Year start month", 7, "7"],
    ["Peer band method", "median", '"median"'],
    ["Default tolerance", 5, "5"],
    ["Default tolerance", "5%", '"5%"'],
    ["SPC baseline months", 6, "6"],
    ["SPC baseline months", 12.5, "12.5"],
    ["SPC baseline months", "all", '"all"'],
    ["Partnership", 42, "42"],
    ["Partnership", { error: "#N/A" }, "#N/A"],
    ["Protective marking", 3, "3"],
    ["Protective marking", { error: "#REF!" }, "#REF!"],
    ["Protective marking", "OFFICIAL-SENSITIVE ".repeat(5), "at most 80 characters"],
  ])("SETTING_INVALID: %s = %p names the Value cell", (name, value, word) => {
    const s = sample();
    const cell = setSetting(s, name, value);
    const v = check(s);
    expectIssue(
      v,
      { severity: error, code: "SETTING_INVALID", sheet: "Settings", cell },
      name,
      word
    );
  });

  issueCase(
    "SETTING_INVALID",
    "an unknown Window names the Value cell and lists the windows",
    () => {
      const s = sample();
      const cell = setSetting(s, "Window", "half year");
      expect(cell).toBe("B6");
      const v = check(s);
      expectExactly(v, [{ severity: error, code: "SETTING_INVALID", sheet: "Settings", cell }]);
      expectIssue(
        v,
        { severity: error, code: "SETTING_INVALID", sheet: "Settings", cell },
        '"half year"',
        "rolling 12 months"
      );
    }
  );

  it("Protective marking: text is printed on every page; blank or absent is none", () => {
    const marked = sample();
    setSetting(marked, "Protective marking", "  OFFICIAL-SENSITIVE  ");
    expect(analyse(snapshotOfData(marked)).model?.marking).toBe("OFFICIAL-SENSITIVE");
    const blank = sample();
    setSetting(blank, "Protective marking", "   ");
    expect(check(blank).issues).toEqual([]);
    expect(analyse(snapshotOfData(blank)).model?.marking).toBeNull();
    const absent = sample();
    const settings = absent.find((t) => t.name === "Settings")!;
    settings.rows = settings.rows.filter((r) => r[0] !== "Protective marking");
    expect(check(absent).issues).toEqual([]);
    expect(analyse(snapshotOfData(absent)).model?.marking).toBeNull();
  });

  issueCase(
    "SETTING_UNKNOWN",
    "an extra setting is a warning naming its Setting cell; it does not block",
    () => {
      const s = sample();
      const r = addRow(s, "Settings", { Setting: "Colour", Value: "blue" });
      const v = check(s);
      const cell = cellAt(s, "Settings", r, "Setting");
      expectExactly(v, [{ severity: warning, code: "SETTING_UNKNOWN", sheet: "Settings", cell }]);
      expectIssue(
        v,
        { severity: warning, code: "SETTING_UNKNOWN", sheet: "Settings", cell },
        '"Colour"',
        "ignored"
      );
      expect(v.ok).toBe(true);
      expect(analyse(snapshotOfData(s)).model).not.toBeNull();
    }
  );

  issueCase("SETTING_DUPLICATE", "a setting given twice (any case) names the second row", () => {
    const s = sample();
    const r = addRow(s, "Settings", { Setting: "window", Value: "quarter" });
    const v = check(s);
    const cell = cellAt(s, "Settings", r, "Setting");
    expectExactly(v, [{ severity: error, code: "SETTING_DUPLICATE", sheet: "Settings", cell }]);
    expectIssue(
      v,
      { severity: error, code: "SETTING_DUPLICATE", sheet: "Settings", cell },
      '"window"',
      "keep one"
    );
  });

  issueCase("VALUE_MISSING", "a value with a blank Setting name", () => {
    const s = sample();
    const r = addRow(s, "Settings", { Setting: "  ", Value: "x" });
    const v = check(s);
    const cell = cellAt(s, "Settings", r, "Setting");
    expectExactly(v, [{ severity: error, code: "VALUE_MISSING", sheet: "Settings", cell }]);
    expectIssue(
      v,
      { severity: error, code: "VALUE_MISSING", sheet: "Settings", cell },
      "Setting is blank"
    );
  });

  issueCase("DATE_AS_TEXT", 'Period end typed as the text "2010-06-30"', () => {
    const s = sample();
    const cell = setSetting(s, "Period end", "2010-06-30");
    const v = check(s);
    expectExactly(v, [{ severity: error, code: "DATE_AS_TEXT", sheet: "Settings", cell }]);
    expectIssue(
      v,
      { severity: error, code: "DATE_AS_TEXT", sheet: "Settings", cell },
      "Period end",
      '"2010-06-30"',
      "=DATE(2010,6,30)"
    );
  });

  issueCase(
    "DATE_INVALID",
    "Period end that is a logical value or a number that is no date",
    () => {
      for (const bad of [true, 0, -40359, 3_000_000]) {
        const s = sample();
        const cell = setSetting(s, "Period end", bad);
        const v = check(s);
        expectExactly(v, [{ severity: error, code: "DATE_INVALID", sheet: "Settings", cell }]);
        expectIssue(
          v,
          { severity: error, code: "DATE_INVALID", sheet: "Settings", cell },
          "Period end",
          "not a date"
        );
      }
    }
  );

  issueCase("CELL_ERROR", "Period end holding #N/A", () => {
    const s = sample();
    const cell = setSetting(s, "Period end", { error: "#N/A" });
    const v = check(s);
    expectExactly(v, [{ severity: error, code: "CELL_ERROR", sheet: "Settings", cell }]);
    expectIssue(
      v,
      { severity: error, code: "CELL_ERROR", sheet: "Settings", cell },
      "#N/A",
      "Period end"
    );
  });

  issueCase(
    "WINDOW_NOT_ENDED",
    "a period end in the middle of the quarter names Period end and says what to set",
    () => {
      const s = sample();
      const cell = setSetting(s, "Period end", serial(2010, 6, 15));
      const v = check(s);
      expectExactly(v, [{ severity: error, code: "WINDOW_NOT_ENDED", sheet: "Settings", cell }]);
      expectIssue(
        v,
        { severity: error, code: "WINDOW_NOT_ENDED", sheet: "Settings", cell },
        "Q1 2010-11",
        "15 June 2010",
        "2010-06-30"
      );
    }
  );

  issueCase(
    "BASELINE_INVALID",
    "a baseline year that is not a year, or not before the reporting year",
    () => {
      for (const [bad, word] of [
        ["2008-10", '"2008-10"'],
        ["last year", '"last year"'],
        [2008, "2008-09"],
      ] as [Cell, string][]) {
        const s = sample();
        const cell = setSetting(s, "Baseline year", bad);
        const v = check(s);
        expectExactly(v, [{ severity: error, code: "BASELINE_INVALID", sheet: "Settings", cell }]);
        expectIssue(
          v,
          { severity: error, code: "BASELINE_INVALID", sheet: "Settings", cell },
          word
        );
      }
      const s = sample();
      const cell = setSetting(s, "Baseline year", "2010-11");
      expectIssue(
        check(s),
        { severity: error, code: "BASELINE_INVALID", sheet: "Settings", cell },
        "before the reporting year 2010-11"
      );
    }
  );

  it("BASELINE_INVALID: a financial-year baseline with calendar years (Year start month 1)", () => {
    const s = sample();
    setSetting(s, "Year start month", 1);
    const cell = setSetting(s, "Baseline year", "2008-09");
    expectIssue(
      check(s),
      { severity: error, code: "BASELINE_INVALID", sheet: "Settings", cell },
      "like 2008,",
      '"2008-09"'
    );
  });

  it('a partnership named =HYPERLINK("x") validates as an ordinary name', () => {
    const s = sample();
    const name = '=HYPERLINK("x")';
    setSetting(s, "Partnership", name);
    for (const r of sheetOf(s, "Peers").rows) if (r[2] === PARTNERSHIP) r[2] = name;
    for (const r of sheetOf(s, "Referrals").rows) if (r[1] === PARTNERSHIP) r[1] = name;
    const v = check(s);
    expectExactly(v, []);
    expect(v.input?.settings.partnership).toBe(name);
  });
});

describe("Measures", () => {
  issueCase("MEASURE_ID_INVALID", "an id with a space names the Measure cell", () => {
    const s = sample();
    const r = measureRow(s, "THEFT_OF_VEHICLES");
    setCell(s, "Measures", r, "Measure", "THEFT OF VEHICLES");
    const v = check(s);
    expectIssue(
      v,
      {
        severity: error,
        code: "MEASURE_ID_INVALID",
        sheet: "Measures",
        cell: cellAt(s, "Measures", r, "Measure"),
      },
      '"THEFT OF VEHICLES"',
      "underscores"
    );
  });

  issueCase("MEASURE_DUPLICATE", "a measure listed twice (any case) names the second row", () => {
    const s = sample();
    const copy = [...(sheetOf(s, "Measures").rows[measureRow(s, "THEFT_OF_VEHICLES")] ?? [])];
    copy[0] = "theft_of_vehicles";
    sheetOf(s, "Measures").rows.push(copy);
    const r = sheetOf(s, "Measures").rows.length - 1;
    const v = check(s);
    const cell = cellAt(s, "Measures", r, "Measure");
    expectExactly(v, [{ severity: error, code: "MEASURE_DUPLICATE", sheet: "Measures", cell }]);
    expectIssue(
      v,
      { severity: error, code: "MEASURE_DUPLICATE", sheet: "Measures", cell },
      "THEFT_OF_VEHICLES",
      "twice"
    );
  });

  issueCase(
    "POLARITY_INVALID",
    "a polarity that is not lower/higher is better names the Polarity cell, and nothing else",
    () => {
      const s = sample();
      const r = measureRow(s, "DWELLING_BURGLARY");
      setCell(s, "Measures", r, "Polarity", "down is good");
      const v = check(s);
      const cell = cellAt(s, "Measures", r, "Polarity");
      expectIssue(
        v,
        { severity: error, code: "POLARITY_INVALID", sheet: "Measures", cell },
        "DWELLING_BURGLARY",
        '"down is good"',
        "lower is better"
      );
      // The measure's Monthly and Peers rows are not "unknown": the measure is listed, only its polarity is wrong.
      expectExactly(v, [{ severity: error, code: "POLARITY_INVALID", sheet: "Measures", cell }]);
    }
  );

  issueCase(
    "TARGET_INVALID",
    "an unknown target kind names the Target cell and lists the kinds",
    () => {
      const s = sample();
      const r = measureRow(s, "DWELLING_BURGLARY");
      setCell(s, "Measures", r, "Target", "below 2008-09");
      const v = check(s);
      const cell = cellAt(s, "Measures", r, "Target");
      expectExactly(v, [{ severity: error, code: "TARGET_INVALID", sheet: "Measures", cell }]);
      expectIssue(
        v,
        { severity: error, code: "TARGET_INVALID", sheet: "Measures", cell },
        "DWELLING_BURGLARY",
        '"below 2008-09"',
        "increase on baseline"
      );
    }
  );

  issueCase(
    "TARGET_VALUE_INVALID",
    'NI 32\'s "at most" with a text, blank or blank-looking Target value',
    () => {
      for (const [bad, word] of [
        ["28%", '"28%"'],
        [null, "needs a Target value"],
        ["   ", "needs a Target value"],
        [true, "TRUE"],
      ] as [Cell, string][]) {
        const s = sample();
        const r = measureRow(s, "NI32");
        setCell(s, "Measures", r, "Target value", bad);
        const v = check(s);
        const cell = cellAt(s, "Measures", r, "Target value");
        expectExactly(v, [
          { severity: error, code: "TARGET_VALUE_INVALID", sheet: "Measures", cell },
        ]);
        expectIssue(
          v,
          { severity: error, code: "TARGET_VALUE_INVALID", sheet: "Measures", cell },
          "NI32",
          word
        );
      }
    }
  );

  issueCase(
    "TARGET_POLARITY_MISMATCH",
    '"at most" on a higher-is-better measure is a warning on the Target cell; it does not block',
    () => {
      const s = sample();
      const r = measureRow(s, "NI32");
      setCell(s, "Measures", r, "Polarity", "higher is better");
      const v = check(s);
      const cell = cellAt(s, "Measures", r, "Target");
      expectExactly(v, [
        { severity: warning, code: "TARGET_POLARITY_MISMATCH", sheet: "Measures", cell },
      ]);
      expectIssue(
        v,
        { severity: warning, code: "TARGET_POLARITY_MISMATCH", sheet: "Measures", cell },
        "NI32",
        '"at most"',
        "higher"
      );
      expect(v.ok).toBe(true);
      expect(analyse(snapshotOfData(s)).model).not.toBeNull();
    }
  );

  issueCase(
    "TOLERANCE_INVALID",
    "a tolerance of 5 (meaning 5%) or the text 5% names the Tolerance cell",
    () => {
      for (const [bad, word] of [
        [5, "not 5"],
        [-0.1, "-0.1"],
        ["5%", '"5%"'],
      ] as [Cell, string][]) {
        const s = sample();
        const r = measureRow(s, "THEFT_FROM_VEHICLES");
        setCell(s, "Measures", r, "Tolerance", bad);
        const v = check(s);
        const cell = cellAt(s, "Measures", r, "Tolerance");
        expectExactly(v, [{ severity: error, code: "TOLERANCE_INVALID", sheet: "Measures", cell }]);
        expectIssue(
          v,
          { severity: error, code: "TOLERANCE_INVALID", sheet: "Measures", cell },
          "THEFT_FROM_VEHICLES",
          word
        );
      }
    }
  );

  issueCase("VALUE_MISSING", "a blank Polarity or Target names that cell", () => {
    for (const column of ["Polarity", "Target"]) {
      const s = sample();
      const r = measureRow(s, "THEFT_OF_VEHICLES");
      setCell(s, "Measures", r, column, null);
      const v = check(s);
      const cell = cellAt(s, "Measures", r, column);
      expectExactly(v, [{ severity: error, code: "VALUE_MISSING", sheet: "Measures", cell }]);
      expectIssue(
        v,
        { severity: error, code: "VALUE_MISSING", sheet: "Measures", cell },
        "THEFT_OF_VEHICLES",
        `${column} is blank`
      );
    }
  });

  issueCase("CELL_ERROR", "a #REF! in a Label names the Label cell", () => {
    const s = sample();
    const r = measureRow(s, "DWELLING_BURGLARY");
    setCell(s, "Measures", r, "Label", { error: "#REF!" });
    const v = check(s);
    const cell = cellAt(s, "Measures", r, "Label");
    expectExactly(v, [{ severity: error, code: "CELL_ERROR", sheet: "Measures", cell }]);
    expectIssue(
      v,
      { severity: error, code: "CELL_ERROR", sheet: "Measures", cell },
      "Label",
      "#REF!"
    );
  });
});

describe("Monthly", () => {
  /** The sample's row for dwelling burglary, June 2010 (the last month of the window). */
  const june = (s: DataSheet[]) => monthRow(s, "DWELLING_BURGLARY", 2010, 6);

  issueCase("COUNT_NOT_NUMBER", 'a count typed as the text "36" names the Count cell', () => {
    const s = sample();
    const r = june(s);
    setCell(s, "Monthly", r, "Count", "36");
    const v = check(s);
    const cell = cellAt(s, "Monthly", r, "Count");
    expectIssue(
      v,
      { severity: error, code: "COUNT_NOT_NUMBER", sheet: "Monthly", cell },
      "DWELLING_BURGLARY",
      "2010-06",
      'the text "36"'
    );
    expect(v.ok).toBe(false);
  });

  it.each<[string, Cell, IssueCode, string]>([
    ["the text 'thirty'", "thirty", "COUNT_NOT_NUMBER", '"thirty"'],
    ["TRUE", true, "COUNT_NOT_NUMBER", "TRUE"],
    ["-3", -3, "COUNT_NEGATIVE", "-3"],
    ["35.5", 35.5, "COUNT_NOT_INTEGER", "35.5"],
    ["#REF!", { error: "#REF!" }, "CELL_ERROR", "#REF!"],
    ["#N/A", { error: "#N/A" }, "CELL_ERROR", "#N/A"],
    ["a blank", null, "VALUE_MISSING", "is blank"],
  ])("a count of %s gives %s on the Count cell", (_, value, code, word) => {
    const s = sample();
    const r = june(s);
    setCell(s, "Monthly", r, "Count", value);
    const cell = cellAt(s, "Monthly", r, "Count");
    const v = check(s);
    // One issue, at the cell: the row is there, so the month is not also reported missing.
    expectExactly(v, [{ severity: error, code, sheet: "Monthly", cell }]);
    expectIssue(v, { severity: error, code, sheet: "Monthly", cell }, word);
  });

  issueCase("COUNT_NEGATIVE", "a negative count", () => {
    const s = sample();
    const r = monthRow(s, "THEFT_OF_VEHICLES", 2008, 5);
    setCell(s, "Monthly", r, "Count", -17);
    const cell = cellAt(s, "Monthly", r, "Count");
    expectIssue(
      check(s),
      { severity: error, code: "COUNT_NEGATIVE", sheet: "Monthly", cell },
      "THEFT_OF_VEHICLES",
      "-17",
      "negative"
    );
  });

  issueCase("NUMBER_TOO_LARGE", "counts so large their sums overflow, named at their cells", () => {
    const s = sample();
    const rows = [monthRow(s, "DWELLING_BURGLARY", 2010, 4), monthRow(s, "DWELLING_BURGLARY", 2010, 5)];
    for (const r of rows) setCell(s, "Monthly", r, "Count", 1e308);
    const v = check(s);
    for (const r of rows) {
      const cell = cellAt(s, "Monthly", r, "Count");
      expectIssue(v, { severity: error, code: "NUMBER_TOO_LARGE", sheet: "Monthly", cell }, "1e+308", "too large");
    }
    // The report agrees: it is blocked by the same issues, never by a failure at Settings!A1.
    const a = analyse(snapshotOfData(s));
    expect(a.model).toBeNull();
    expect(a.issues.filter((i) => i.severity === "error")).toEqual(v.issues.filter((i) => i.severity === "error"));
  });

  issueCase("COUNT_NOT_INTEGER", "a fractional count (an average pasted in)", () => {
    const s = sample();
    const r = monthRow(s, "THEFT_FROM_VEHICLES", 2009, 4);
    setCell(s, "Monthly", r, "Count", 50.25);
    const cell = cellAt(s, "Monthly", r, "Count");
    expectIssue(
      check(s),
      { severity: error, code: "COUNT_NOT_INTEGER", sheet: "Monthly", cell },
      "THEFT_FROM_VEHICLES",
      "50.25",
      "whole number"
    );
  });

  issueCase("CELL_ERROR", "#REF! and #N/A in a count", () => {
    for (const e of ["#REF!", "#N/A"]) {
      const s = sample();
      const r = june(s);
      setCell(s, "Monthly", r, "Count", { error: e });
      const cell = cellAt(s, "Monthly", r, "Count");
      expectIssue(
        check(s),
        { severity: error, code: "CELL_ERROR", sheet: "Monthly", cell },
        "Count",
        e
      );
    }
  });

  issueCase("VALUE_MISSING", "a blank count says a month with no crimes is 0", () => {
    const s = sample();
    const r = june(s);
    setCell(s, "Monthly", r, "Count", "");
    const cell = cellAt(s, "Monthly", r, "Count");
    expectIssue(
      check(s),
      { severity: error, code: "VALUE_MISSING", sheet: "Monthly", cell },
      "DWELLING_BURGLARY",
      "0"
    );
  });

  issueCase("DATE_AS_TEXT", 'a Month typed as the text "2010-06-30" names the Month cell', () => {
    const s = sample();
    const r = june(s);
    setCell(s, "Monthly", r, "Month", "2010-06-30");
    const cell = cellAt(s, "Monthly", r, "Month");
    const v = check(s);
    expectIssue(
      v,
      { severity: error, code: "DATE_AS_TEXT", sheet: "Monthly", cell },
      "DWELLING_BURGLARY",
      '"2010-06-30"'
    );
  });

  issueCase("DATE_INVALID", "a Month that is a logical value or a negative number", () => {
    for (const bad of [false, -1]) {
      const s = sample();
      const r = june(s);
      setCell(s, "Monthly", r, "Month", bad);
      const cell = cellAt(s, "Monthly", r, "Month");
      expectIssue(
        check(s),
        { severity: error, code: "DATE_INVALID", sheet: "Monthly", cell },
        "Month",
        "not a date"
      );
    }
  });

  issueCase("CELL_ERROR", "a Month holding #N/A", () => {
    const s = sample();
    const r = june(s);
    setCell(s, "Monthly", r, "Month", { error: "#N/A" });
    const cell = cellAt(s, "Monthly", r, "Month");
    expectIssue(
      check(s),
      { severity: error, code: "CELL_ERROR", sheet: "Monthly", cell },
      "Month",
      "#N/A"
    );
  });

  issueCase(
    "MONTH_DUPLICATE",
    "a second row for June 2010 (another day of the month) names the later row and the earlier",
    () => {
      const s = sample();
      const first = june(s);
      const r = addRow(s, "Monthly", {
        Measure: "dwelling_burglary",
        Month: serial(2010, 6, 15),
        Count: 36,
      });
      const v = check(s);
      const cell = cellAt(s, "Monthly", r, "Month");
      expectExactly(v, [{ severity: error, code: "MONTH_DUPLICATE", sheet: "Monthly", cell }]);
      expectIssue(
        v,
        { severity: error, code: "MONTH_DUPLICATE", sheet: "Monthly", cell },
        "DWELLING_BURGLARY",
        "Jun 2010",
        cellAt(s, "Monthly", first, "Month")
      );
    }
  );

  issueCase(
    "MONTH_MISSING",
    "a month deleted inside the current or the baseline window names the Month header",
    () => {
      for (const [y, m, window] of [
        [2010, 5, "current"],
        [2008, 4, "baseline"],
        [2009, 6, "previous"],
      ] as [number, number, string][]) {
        const s = sample();
        expect(
          removeRows(
            s,
            "Monthly",
            (g) => g("Measure") === "THEFT_OF_VEHICLES" && g("Month") === serial(y, m, 1)
          )
        ).toBe(1);
        const v = check(s);
        const cell = headerCell(s, "Monthly", "Month");
        expectExactly(v, [{ severity: error, code: "MONTH_MISSING", sheet: "Monthly", cell }]);
        const label = `${["Apr", "May", "Jun"][m - 4]} ${y}`;
        expectIssue(
          v,
          { severity: error, code: "MONTH_MISSING", sheet: "Monthly", cell },
          "THEFT_OF_VEHICLES",
          label,
          window,
          "0 if no crimes"
        );
      }
    }
  );

  it("a month outside the compared windows may be missing", () => {
    const s = sample();
    removeRows(s, "Monthly", (g) => g("Month") === serial(2009, 12, 1));
    expectExactly(check(s), []);
  });

  issueCase(
    "MEASURE_NO_DATA",
    "a measure with no rows for the months reported on names its Measures row",
    () => {
      const s = sample();
      expect(
        removeRows(
          s,
          "Monthly",
          (g) =>
            g("Measure") === "THEFT_FROM_VEHICLES" && (g("Month") as number) >= serial(2010, 4, 1)
        )
      ).toBe(3);
      const v = check(s);
      const cell = cellAt(s, "Measures", measureRow(s, "THEFT_FROM_VEHICLES"), "Measure");
      expectExactly(v, [{ severity: error, code: "MEASURE_NO_DATA", sheet: "Measures", cell }]);
      expectIssue(
        v,
        { severity: error, code: "MEASURE_NO_DATA", sheet: "Measures", cell },
        "THEFT_FROM_VEHICLES",
        "Apr 2010",
        "Jun 2010"
      );
    }
  );

  issueCase(
    "BASELINE_NO_DATA",
    "no baseline months is a warning on the measure; it does not block",
    () => {
      const s = sample();
      removeRows(
        s,
        "Monthly",
        (g) => g("Measure") === "DWELLING_BURGLARY" && (g("Month") as number) < serial(2008, 7, 1)
      );
      const v = check(s);
      const cell = cellAt(s, "Measures", measureRow(s, "DWELLING_BURGLARY"), "Measure");
      expectExactly(v, [{ severity: warning, code: "BASELINE_NO_DATA", sheet: "Measures", cell }]);
      expectIssue(
        v,
        { severity: warning, code: "BASELINE_NO_DATA", sheet: "Measures", cell },
        "DWELLING_BURGLARY",
        "Apr 2008",
        "n/a"
      );
      expect(v.ok).toBe(true);
      const a = analyse(snapshotOfData(s));
      expect(a.model?.measures.find((m) => m.id === "DWELLING_BURGLARY")?.status).toBe("n/a");
    }
  );

  issueCase(
    "PREVIOUS_NO_DATA",
    "no previous-year months (baseline two years back) is a warning; it does not block",
    () => {
      const s = sample();
      removeRows(
        s,
        "Monthly",
        (g) =>
          g("Measure") === "DWELLING_BURGLARY" &&
          [4, 5, 6].some((m) => g("Month") === serial(2009, m, 1))
      );
      const v = check(s);
      const cell = cellAt(s, "Measures", measureRow(s, "DWELLING_BURGLARY"), "Measure");
      expectExactly(v, [{ severity: warning, code: "PREVIOUS_NO_DATA", sheet: "Measures", cell }]);
      expectIssue(
        v,
        { severity: warning, code: "PREVIOUS_NO_DATA", sheet: "Measures", cell },
        "DWELLING_BURGLARY",
        "Apr 2009",
        "direction of travel"
      );
      expect(v.ok).toBe(true);
      expect(analyse(snapshotOfData(s)).model).not.toBeNull();
    }
  );

  issueCase("MEASURE_UNKNOWN", "a misspelt measure id in Monthly names the Measure cell", () => {
    const s = sample();
    const r = june(s);
    setCell(s, "Monthly", r, "Measure", "DWELLING_BURGLRY");
    const v = check(s);
    const cell = cellAt(s, "Monthly", r, "Measure");
    expectIssue(
      v,
      { severity: error, code: "MEASURE_UNKNOWN", sheet: "Monthly", cell },
      "DWELLING_BURGLRY",
      "not in the Measures table"
    );
  });

  issueCase("MEASURE_UNKNOWN", "NI32 rows in Monthly: NI 32 takes its data from MARAC", () => {
    const s = sample();
    const r = addRow(s, "Monthly", { Measure: "NI32", Month: serial(2010, 4, 1), Count: 12 });
    const v = check(s);
    const cell = cellAt(s, "Monthly", r, "Measure");
    expectExactly(v, [{ severity: error, code: "MEASURE_UNKNOWN", sheet: "Monthly", cell }]);
    expectIssue(
      v,
      { severity: error, code: "MEASURE_UNKNOWN", sheet: "Monthly", cell },
      "NI32",
      "MARAC"
    );
  });

  issueCase("VALUE_MISSING", "a Monthly row with a blank Measure", () => {
    const s = sample();
    const r = addRow(s, "Monthly", { Measure: null, Month: serial(2010, 7, 1), Count: 12 });
    const cell = cellAt(s, "Monthly", r, "Measure");
    expectIssue(
      check(s),
      { severity: error, code: "VALUE_MISSING", sheet: "Monthly", cell },
      "Measure is blank"
    );
  });
});

describe("Peers (most similar group)", () => {
  const lastMember = (s: DataSheet[]) =>
    peerRow(s, "DWELLING_BURGLARY", PEERS_CURRENT, PARTNERSHIP);
  const firstOfGroup = (s: DataSheet[]) =>
    peerRow(s, "DWELLING_BURGLARY", PEERS_CURRENT, "East Hertfordshire");

  issueCase(
    "PEER_PARTNERSHIP_MISSING",
    "the partnership spelt differently in one group names the group's first row",
    () => {
      const s = sample();
      setCell(s, "Peers", lastMember(s), "Partnership", "South Cambs");
      const v = check(s);
      const cell = cellAt(s, "Peers", firstOfGroup(s), "Partnership");
      expectExactly(v, [
        { severity: error, code: "PEER_PARTNERSHIP_MISSING", sheet: "Peers", cell },
      ]);
      expectIssue(
        v,
        { severity: error, code: "PEER_PARTNERSHIP_MISSING", sheet: "Peers", cell },
        PARTNERSHIP,
        "DWELLING_BURGLARY",
        "31 May 2010",
        "spelling"
      );
    }
  );

  issueCase(
    "PEER_PARTNERSHIP_DUPLICATE",
    "the partnership twice in one group names its second row",
    () => {
      const s = sample();
      setCell(s, "Peers", firstOfGroup(s), "Partnership", "south cambridgeshire ");
      const v = check(s);
      const cell = cellAt(s, "Peers", lastMember(s), "Partnership");
      expectExactly(v, [
        { severity: error, code: "PEER_PARTNERSHIP_DUPLICATE", sheet: "Peers", cell },
      ]);
      expectIssue(
        v,
        { severity: error, code: "PEER_PARTNERSHIP_DUPLICATE", sheet: "Peers", cell },
        PARTNERSHIP,
        "2 times",
        "DWELLING_BURGLARY"
      );
    }
  );

  issueCase(
    "ROW_DUPLICATE",
    "another member twice in one group names the second row and the first",
    () => {
      const s = sample();
      const first = firstOfGroup(s);
      const r = peerRow(s, "DWELLING_BURGLARY", PEERS_CURRENT, "Uttlesford");
      setCell(s, "Peers", r, "Partnership", "East Hertfordshire");
      const v = check(s);
      const cell = cellAt(s, "Peers", r, "Partnership");
      expectExactly(v, [{ severity: error, code: "ROW_DUPLICATE", sheet: "Peers", cell }]);
      expectIssue(
        v,
        { severity: error, code: "ROW_DUPLICATE", sheet: "Peers", cell },
        "East Hertfordshire",
        cellAt(s, "Peers", first, "Partnership")
      );
    }
  );

  issueCase(
    "PEER_GROUP_TOO_SMALL",
    "a period with only two members names the group's first row",
    () => {
      const s = sample();
      const end = serial(2009, 11, 30);
      const r = addRow(s, "Peers", {
        Measure: "DWELLING_BURGLARY",
        "Period end": end,
        Partnership: "Uttlesford",
        Rate: 0.4,
      });
      addRow(s, "Peers", {
        Measure: "DWELLING_BURGLARY",
        "Period end": end,
        Partnership: PARTNERSHIP,
        Rate: 0.8,
      });
      const v = check(s);
      const cell = cellAt(s, "Peers", r, "Partnership");
      expectExactly(v, [{ severity: error, code: "PEER_GROUP_TOO_SMALL", sheet: "Peers", cell }]);
      expectIssue(
        v,
        { severity: error, code: "PEER_GROUP_TOO_SMALL", sheet: "Peers", cell },
        "2 members",
        "at least 3",
        "30 November 2009"
      );
    }
  );

  issueCase("PEER_RATE_INVALID", "a rate of 0, a negative rate or text names the Rate cell", () => {
    for (const [bad, word] of [
      [0, "is 0"],
      [-0.4, "-0.4"],
      ["n/a", '"n/a"'],
    ] as [Cell, string][]) {
      const s = sample();
      const r = peerRow(s, "THEFT_OF_VEHICLES", PEERS_PREVIOUS, "Mid Sussex");
      setCell(s, "Peers", r, "Rate", bad);
      const v = check(s);
      const cell = cellAt(s, "Peers", r, "Rate");
      expectExactly(v, [{ severity: error, code: "PEER_RATE_INVALID", sheet: "Peers", cell }]);
      expectIssue(v, { severity: error, code: "PEER_RATE_INVALID", sheet: "Peers", cell }, word);
    }
  });

  issueCase(
    "PEER_RATE_INVALID",
    "the partnership's own rate as text is that cell's error, not a partnership missing from its group",
    () => {
      const s = sample();
      const r = lastMember(s);
      setCell(s, "Peers", r, "Rate", "n/a");
      const v = check(s);
      const cell = cellAt(s, "Peers", r, "Rate");
      expectExactly(v, [{ severity: error, code: "PEER_RATE_INVALID", sheet: "Peers", cell }]);
      expectIssue(
        v,
        { severity: error, code: "PEER_RATE_INVALID", sheet: "Peers", cell },
        PARTNERSHIP,
        '"n/a"'
      );
    }
  );

  /** The "ci" method with every group's partnership row given Count and Population. */
  function ciSample(): DataSheet[] {
    const s = sample();
    setSetting(s, "Peer band method", "ci");
    sheetOf(s, "Peers").rows.forEach((_, i) => {
      if (getCell(s, "Peers", i, "Partnership") !== PARTNERSHIP) return;
      setCell(s, "Peers", i, "Count", 100);
      setCell(s, "Peers", i, "Population", 140_000);
    });
    return s;
  }

  it("the ci band method is valid when the partnership's counts and populations are given", () => {
    expectExactly(check(ciSample()), []);
  });

  issueCase(
    "PEER_COUNTS_MISSING",
    'the "ci" method without the partnership\'s Population or Count names the blank cell',
    () => {
      for (const column of ["Population", "Count"]) {
        const s = ciSample();
        const r = lastMember(s);
        setCell(s, "Peers", r, column, null);
        const v = check(s);
        const cell = cellAt(s, "Peers", r, column);
        expectExactly(v, [{ severity: error, code: "PEER_COUNTS_MISSING", sheet: "Peers", cell }]);
        expectIssue(
          v,
          { severity: error, code: "PEER_COUNTS_MISSING", sheet: "Peers", cell },
          PARTNERSHIP,
          `'s ${column} for DWELLING_BURGLARY`,
          "31 May 2010",
          "sd"
        );
      }
    }
  );

  issueCase(
    "PEER_COUNTS_MISSING",
    'the "ci" method on a Peers table without Count and Population columns names each partnership Rate',
    () => {
      const s = sample();
      setSetting(s, "Peer band method", "ci");
      const peers = sheetOf(s, "Peers");
      peers.columns = peers.columns.slice(0, 4);
      peers.rows = peers.rows.map((r) => r.slice(0, 4));
      const v = check(s);
      const own = sheetOf(s, "Peers").rows.flatMap((r, i) =>
        r[2] === PARTNERSHIP ? [cellAt(s, "Peers", i, "Rate")] : []
      );
      expect(own).toHaveLength(6);
      expectExactly(
        v,
        own.map((cell) => ({ severity: error, code: "PEER_COUNTS_MISSING", sheet: "Peers", cell }))
      );
      expectIssue(
        v,
        {
          severity: error,
          code: "PEER_COUNTS_MISSING",
          sheet: "Peers",
          cell: cellAt(s, "Peers", lastMember(s), "Rate"),
        },
        "Count and Population",
        "add them"
      );
    }
  );

  it("blank-looking optional Count and Population cells are blanks, not missing values", () => {
    const s = sample();
    const r = lastMember(s);
    setCell(s, "Peers", r, "Count", "");
    setCell(s, "Peers", r, "Population", "  ");
    expectExactly(check(s), []);
  });

  issueCase(
    "PEER_AFTER_PERIOD_END",
    "rates for a period after the report's end are a warning on the group; they do not block",
    () => {
      const s = sample();
      const first = firstOfGroup(s);
      sheetOf(s, "Peers").rows.forEach((_, i) => {
        if (
          getCell(s, "Peers", i, "Measure") === "DWELLING_BURGLARY" &&
          getCell(s, "Peers", i, "Period end") === PEERS_CURRENT
        ) {
          setCell(s, "Peers", i, "Period end", serial(2010, 8, 31));
        }
      });
      const v = check(s);
      const cell = cellAt(s, "Peers", first, "Partnership");
      expectExactly(v, [
        { severity: warning, code: "PEER_AFTER_PERIOD_END", sheet: "Peers", cell },
      ]);
      expectIssue(
        v,
        { severity: warning, code: "PEER_AFTER_PERIOD_END", sheet: "Peers", cell },
        "DWELLING_BURGLARY",
        "31 August 2010",
        "not used"
      );
      expect(v.ok).toBe(true);
      expect(analyse(snapshotOfData(s)).model).not.toBeNull();
    }
  );

  issueCase(
    "MEASURE_UNKNOWN",
    "a measure in Peers that is not in Measures names the Measure cell",
    () => {
      const s = sample();
      const r = peerRow(s, "THEFT_OF_VEHICLES", PEERS_CURRENT, "Hart");
      setCell(s, "Peers", r, "Measure", "VEHICLE_THEFT");
      const v = check(s);
      const cell = cellAt(s, "Peers", r, "Measure");
      expectExactly(v, [{ severity: error, code: "MEASURE_UNKNOWN", sheet: "Peers", cell }]);
      expectIssue(
        v,
        { severity: error, code: "MEASURE_UNKNOWN", sheet: "Peers", cell },
        "VEHICLE_THEFT",
        "Measures table"
      );
    }
  );

  issueCase("DATE_AS_TEXT", 'a Period end typed as the text "2010-05-31"', () => {
    const s = sample();
    const r = peerRow(s, "THEFT_OF_VEHICLES", PEERS_CURRENT, "Hart");
    setCell(s, "Peers", r, "Period end", "2010-05-31");
    const v = check(s);
    const cell = cellAt(s, "Peers", r, "Period end");
    expectExactly(v, [{ severity: error, code: "DATE_AS_TEXT", sheet: "Peers", cell }]);
    expectIssue(
      v,
      { severity: error, code: "DATE_AS_TEXT", sheet: "Peers", cell },
      "Period end",
      '"2010-05-31"'
    );
  });

  issueCase("COUNT_NOT_NUMBER", "a Population typed as text", () => {
    const s = sample();
    const r = peerRow(s, "THEFT_OF_VEHICLES", PEERS_CURRENT, "Hart");
    setCell(s, "Peers", r, "Population", "91k");
    const v = check(s);
    const cell = cellAt(s, "Peers", r, "Population");
    expectExactly(v, [{ severity: error, code: "COUNT_NOT_NUMBER", sheet: "Peers", cell }]);
    expectIssue(
      v,
      { severity: error, code: "COUNT_NOT_NUMBER", sheet: "Peers", cell },
      "Population",
      '"91k"'
    );
  });
});

describe("MARAC", () => {
  issueCase("REPEATS_EXCEED_CASES", "more repeats than cases names the Repeat cases cell", () => {
    const s = sample();
    const r = maracRow(s, "Q1 2010-11");
    setCell(s, "MARAC", r, "Repeat cases", 164);
    const v = check(s);
    const cell = cellAt(s, "MARAC", r, "Repeat cases");
    // The row is there: NI 32 is not also reported as having no MARAC data.
    expectExactly(v, [{ severity: error, code: "REPEATS_EXCEED_CASES", sheet: "MARAC", cell }]);
    expectIssue(
      v,
      { severity: error, code: "REPEATS_EXCEED_CASES", sheet: "MARAC", cell },
      "Q1 2010-11",
      "Cambridgeshire",
      "164",
      "146"
    );
  });

  issueCase(
    "PERIOD_INVALID",
    "a period label that is neither a year nor a quarter names the Period cell",
    () => {
      for (const bad of ["2008/9", "Quarter 1 2010-11", "Q5 2010-11"]) {
        const s = sample();
        const r = maracRow(s, "2008-09");
        setCell(s, "MARAC", r, "Period", bad);
        const v = check(s);
        const cell = cellAt(s, "MARAC", r, "Period");
        expectExactly(v, [{ severity: error, code: "PERIOD_INVALID", sheet: "MARAC", cell }]);
        expectIssue(
          v,
          { severity: error, code: "PERIOD_INVALID", sheet: "MARAC", cell },
          `"${bad}"`,
          "Q1 2010-11"
        );
      }
    }
  );

  issueCase(
    "ROW_DUPLICATE",
    "the same area and period twice names the second row and the first",
    () => {
      const s = sample();
      const first = maracRow(s, "Q1 2010-11");
      const r = addRow(s, "MARAC", {
        Period: "q1  2010-11",
        Area: "cambridgeshire",
        Cases: 146,
        "Repeat cases": 46,
      });
      const v = check(s);
      const cell = cellAt(s, "MARAC", r, "Period");
      expectExactly(v, [{ severity: error, code: "ROW_DUPLICATE", sheet: "MARAC", cell }]);
      expectIssue(
        v,
        { severity: error, code: "ROW_DUPLICATE", sheet: "MARAC", cell },
        cellAt(s, "MARAC", first, "Period"),
        "keep one"
      );
    }
  );

  /** Adds the four quarters of 2009-10 (Cambridgeshire) with the given cases and repeats. */
  function quarters2009(s: DataSheet[], cases: number[], repeats: number[]): void {
    cases.forEach((c, i) =>
      addRow(s, "MARAC", {
        Period: `Q${i + 1} 2009-10`,
        Area: "Cambridgeshire",
        Cases: c,
        "Repeat cases": repeats[i] ?? 0,
      })
    );
  }

  it("a year's row that equals its four quarters is valid", () => {
    const s = sample();
    quarters2009(s, [100, 100, 100, 99], [30, 30, 25, 25]);
    expectExactly(check(s), []);
  });

  issueCase(
    "YEAR_TOTAL_MISMATCH",
    "a year's cases not equal to its quarters' name the year's Cases cell",
    () => {
      const s = sample();
      quarters2009(s, [100, 100, 100, 100], [30, 30, 25, 25]);
      const v = check(s);
      const cell = cellAt(s, "MARAC", maracRow(s, "2009-10"), "Cases");
      expectExactly(v, [{ severity: error, code: "YEAR_TOTAL_MISMATCH", sheet: "MARAC", cell }]);
      expectIssue(
        v,
        { severity: error, code: "YEAR_TOTAL_MISMATCH", sheet: "MARAC", cell },
        "2009-10",
        "399",
        "400"
      );
    }
  );

  issueCase(
    "YEAR_TOTAL_MISMATCH",
    "a year's repeats not equal to its quarters' name the year's Repeat cases cell",
    () => {
      const s = sample();
      quarters2009(s, [100, 100, 100, 99], [28, 28, 28, 28]);
      const v = check(s);
      const cell = cellAt(s, "MARAC", maracRow(s, "2009-10"), "Repeat cases");
      expectExactly(v, [{ severity: error, code: "YEAR_TOTAL_MISMATCH", sheet: "MARAC", cell }]);
      expectIssue(
        v,
        { severity: error, code: "YEAR_TOTAL_MISMATCH", sheet: "MARAC", cell },
        "110",
        "112"
      );
    }
  );

  issueCase(
    "MEASURE_NO_DATA",
    "no MARAC row for the quarter reported on names NI32's Measures row",
    () => {
      const s = sample();
      removeRows(s, "MARAC", (g) => g("Period") === "Q1 2010-11");
      const v = check(s);
      const cell = cellAt(s, "Measures", measureRow(s, "NI32"), "Measure");
      expectExactly(v, [{ severity: error, code: "MEASURE_NO_DATA", sheet: "Measures", cell }]);
      expectIssue(
        v,
        { severity: error, code: "MEASURE_NO_DATA", sheet: "Measures", cell },
        "NI32",
        "MARAC",
        "Apr 2010"
      );
    }
  );

  issueCase("COUNT_NOT_NUMBER", "cases typed as text name the Cases cell", () => {
    const s = sample();
    const r = maracRow(s, "2009-10");
    setCell(s, "MARAC", r, "Cases", "399 cases");
    const v = check(s);
    const cell = cellAt(s, "MARAC", r, "Cases");
    expectExactly(v, [{ severity: error, code: "COUNT_NOT_NUMBER", sheet: "MARAC", cell }]);
    expectIssue(
      v,
      { severity: error, code: "COUNT_NOT_NUMBER", sheet: "MARAC", cell },
      "2009-10",
      '"399 cases"'
    );
  });

  issueCase("CELL_ERROR", "#N/A in Repeat cases", () => {
    const s = sample();
    const r = maracRow(s, "2009-10");
    setCell(s, "MARAC", r, "Repeat cases", { error: "#N/A" });
    const cell = cellAt(s, "MARAC", r, "Repeat cases");
    expectExactly(check(s), [{ severity: error, code: "CELL_ERROR", sheet: "MARAC", cell }]);
    expectIssue(
      check(s),
      { severity: error, code: "CELL_ERROR", sheet: "MARAC", cell },
      "Repeat cases",
      "#N/A"
    );
  });
});

describe("Referrals and the totals checks (modelled on the report's IDVAS table)", () => {
  issueCase(
    "TOTAL_MISMATCH",
    "a quarter's county Total that is not the sum of its districts names the Total's cell",
    () => {
      const s = sample();
      const r = referralRow(s, "Total", "Q1 2010-11");
      setCell(s, "Referrals", r, "Referrals", 270);
      const v = check(s);
      const cell = cellAt(s, "Referrals", r, "Referrals");
      expectExactly(v, [{ severity: error, code: "TOTAL_MISMATCH", sheet: "Referrals", cell }]);
      expectIssue(
        v,
        { severity: error, code: "TOTAL_MISMATCH", sheet: "Referrals", cell },
        "Q1 2010-11",
        "270",
        "268"
      );
    }
  );

  issueCase(
    "YEAR_TOTAL_MISMATCH",
    "a district's year total that is not the sum of its quarters names its year cell",
    () => {
      const s = sample();
      const r = referralRow(s, "Fenland", "2009-10");
      setCell(s, "Referrals", r, "Referrals", 213);
      const v = check(s);
      const cell = cellAt(s, "Referrals", r, "Referrals");
      const total = cellAt(s, "Referrals", referralRow(s, "Total", "2009-10"), "Referrals");
      // The county Total for 2009-10 (985) no longer equals the districts' 2009-10 totals (986) either.
      expectExactly(v, [
        { severity: error, code: "YEAR_TOTAL_MISMATCH", sheet: "Referrals", cell },
        { severity: error, code: "TOTAL_MISMATCH", sheet: "Referrals", cell: total },
      ]);
      expectIssue(
        v,
        { severity: error, code: "YEAR_TOTAL_MISMATCH", sheet: "Referrals", cell },
        "Fenland",
        "2009-10",
        "213",
        "212"
      );
      expectIssue(
        v,
        { severity: error, code: "TOTAL_MISMATCH", sheet: "Referrals", cell: total },
        "985",
        "986"
      );
    }
  );

  it("a district's quarter changed: its quarter's Total and its year's total both disagree, each at its own cell", () => {
    const s = sample();
    setCell(s, "Referrals", referralRow(s, "Fenland", "Q2 2009-10"), "Referrals", 51);
    const v = check(s);
    const quarterTotal = cellAt(s, "Referrals", referralRow(s, "Total", "Q2 2009-10"), "Referrals");
    const fenlandYear = cellAt(s, "Referrals", referralRow(s, "Fenland", "2009-10"), "Referrals");
    expectExactly(v, [
      { severity: error, code: "TOTAL_MISMATCH", sheet: "Referrals", cell: quarterTotal },
      { severity: error, code: "YEAR_TOTAL_MISMATCH", sheet: "Referrals", cell: fenlandYear },
    ]);
    expectIssue(
      v,
      { severity: error, code: "TOTAL_MISMATCH", sheet: "Referrals", cell: quarterTotal },
      "Q2 2009-10",
      "247",
      "248"
    );
  });

  it("the county's year Total is checked against both its quarters and the districts' years", () => {
    const s = sample();
    const r = referralRow(s, "Total", "2009-10");
    setCell(s, "Referrals", r, "Referrals", 990);
    const v = check(s);
    const cell = cellAt(s, "Referrals", r, "Referrals");
    expectExactly(v, [
      { severity: error, code: "TOTAL_MISMATCH", sheet: "Referrals", cell },
      { severity: error, code: "YEAR_TOTAL_MISMATCH", sheet: "Referrals", cell },
    ]);
  });

  it("a year is not checked against its quarters unless all four are given", () => {
    const s = sample();
    // Fenland's 2009-10 (212) no longer matches its three remaining quarters (162): not checked.
    removeRows(s, "Referrals", (g) => g("Area") === "Fenland" && g("Period") === "Q4 2009-10");
    const total = cellAt(s, "Referrals", referralRow(s, "Total", "Q4 2009-10"), "Referrals");
    expectExactly(check(s), [
      { severity: error, code: "TOTAL_MISMATCH", sheet: "Referrals", cell: total },
    ]);
  });

  issueCase("ROW_DUPLICATE", "a district given twice for one period names the second row", () => {
    const s = sample();
    const first = referralRow(s, "Fenland", "Q1 2010-11");
    const r = addRow(s, "Referrals", { Period: "Q1 2010-11", Area: "FENLAND", Referrals: 38 });
    const v = check(s);
    const cell = cellAt(s, "Referrals", r, "Period");
    expectExactly(v, [{ severity: error, code: "ROW_DUPLICATE", sheet: "Referrals", cell }]);
    expectIssue(
      v,
      { severity: error, code: "ROW_DUPLICATE", sheet: "Referrals", cell },
      "FENLAND",
      "Q1 2010-11",
      cellAt(s, "Referrals", first, "Period")
    );
  });

  issueCase(
    "COUNT_NOT_NUMBER",
    "a district's referrals as text: only that cell, not the totals it feeds",
    () => {
      const s = sample();
      const r = referralRow(s, PARTNERSHIP, "Q1 2010-11");
      setCell(s, "Referrals", r, "Referrals", "33*");
      const v = check(s);
      const cell = cellAt(s, "Referrals", r, "Referrals");
      expectExactly(v, [{ severity: error, code: "COUNT_NOT_NUMBER", sheet: "Referrals", cell }]);
      expectIssue(
        v,
        { severity: error, code: "COUNT_NOT_NUMBER", sheet: "Referrals", cell },
        PARTNERSHIP,
        "Q1 2010-11",
        '"33*"'
      );

      const y = sample();
      const q = referralRow(y, "Fenland", "Q2 2009-10");
      setCell(y, "Referrals", q, "Referrals", { error: "#REF!" });
      expectExactly(check(y), [
        {
          severity: error,
          code: "CELL_ERROR",
          sheet: "Referrals",
          cell: cellAt(y, "Referrals", q, "Referrals"),
        },
      ]);
    }
  );

  issueCase("PERIOD_INVALID", "a period label that cannot be read names the Period cell", () => {
    const s = sample();
    const r = referralRow(s, "Cambridge City", "Q1 2009-10");
    setCell(s, "Referrals", r, "Period", "Apr-Jun 2009");
    const v = check(s);
    const cell = cellAt(s, "Referrals", r, "Period");
    expectIssue(
      v,
      { severity: error, code: "PERIOD_INVALID", sheet: "Referrals", cell },
      '"Apr-Jun 2009"'
    );
  });

  issueCase(
    "MEASURE_NO_DATA",
    "no referrals for the partnership in the window names IDVAS_REFERRALS's Measures row",
    () => {
      const s = sample();
      removeRows(s, "Referrals", (g) => g("Area") === PARTNERSHIP && g("Period") === "Q1 2010-11");
      const v = check(s);
      const cell = cellAt(s, "Measures", measureRow(s, "IDVAS_REFERRALS"), "Measure");
      expectIssue(
        v,
        { severity: error, code: "MEASURE_NO_DATA", sheet: "Measures", cell },
        "IDVAS_REFERRALS",
        PARTNERSHIP
      );
    }
  );

  issueCase("VALUE_MISSING", "a blank Area names the Area cell", () => {
    const s = sample();
    const r = referralRow(s, "Fenland", "Q3 2009-10");
    setCell(s, "Referrals", r, "Area", null);
    const cell = cellAt(s, "Referrals", r, "Area");
    expectExactly(check(s), [{ severity: error, code: "VALUE_MISSING", sheet: "Referrals", cell }]);
    expectIssue(
      check(s),
      { severity: error, code: "VALUE_MISSING", sheet: "Referrals", cell },
      "Area is blank"
    );
  });
});

describe("PERIOD_MISSING: a window of several quarters with only some of them in MARAC and Referrals", () => {
  issueCase(
    "PERIOD_MISSING",
    "Q2's year to date with only Q1 given names the NI32 and IDVAS_REFERRALS rows",
    () => {
      const s = sample();
      setSetting(s, "Period end", serial(2010, 9, 30));
      for (const id of ["DWELLING_BURGLARY", "THEFT_OF_VEHICLES", "THEFT_FROM_VEHICLES", "DA_INCIDENTS"]) {
        for (const m of [7, 8, 9])
          addRow(s, "Monthly", { Measure: id, Month: serial(2010, m, 1), Count: 30 });
      }
      const v = check(s);
      const ni32 = cellAt(s, "Measures", measureRow(s, "NI32"), "Measure");
      const idvas = cellAt(s, "Measures", measureRow(s, "IDVAS_REFERRALS"), "Measure");
      expectExactly(v, [
        { severity: error, code: "PERIOD_MISSING", sheet: "Measures", cell: ni32 },
        { severity: error, code: "PERIOD_MISSING", sheet: "Measures", cell: idvas },
      ]);
      expectIssue(
        v,
        { severity: error, code: "PERIOD_MISSING", sheet: "Measures", cell: ni32 },
        "MARAC",
        "Q2 2010-11",
        "Apr 2010",
        "Sep 2010"
      );
      expectIssue(
        v,
        { severity: error, code: "PERIOD_MISSING", sheet: "Measures", cell: idvas },
        "Referrals"
      );
    }
  );
});

/** The sample as a host would read it, to rearrange: tables renamed, moved, read as sheets. */
function sampleSnapshot(): WorkbookSnapshot {
  return snapshotOfData(sample());
}

function grid(snap: WorkbookSnapshot, name: string): Grid {
  const g = snap.tables.find((t) => t.name === name);
  if (!g) throw new Error(`no table ${name}`);
  return g;
}

/** Reorders a grid's columns: `order` lists old column indexes; `extra` adds a column at the front. */
function permute(g: Grid, order: number[], extra: string | null): void {
  g.rows = g.rows.map((r, i) => {
    const moved = order.map((c) => r[c] ?? null);
    if (extra === null) return moved;
    return [i === 0 ? extra : `note ${i}`, ...moved];
  });
}

describe("how tables are found and read", () => {
  it("table names and headers match case-insensitively, columns in any order, extra columns ignored", () => {
    const snap = sampleSnapshot();
    for (const t of snap.tables) t.name = t.name.toUpperCase();
    const monthly = grid(snap, "MONTHLY");
    permute(monthly, [2, 0, 1], "Notes"); // Notes, Count, Measure, Month
    monthly.rows[0] = ["Notes", "COUNT", " measure ", "month"];
    const measures = grid(snap, "MEASURES");
    measures.rows[0] = (measures.rows[0] ?? []).map((h) =>
      typeof h === "string" ? h.toLowerCase() : h
    );
    const v = validate(snap);
    expectExactly(v, []);
    const plain = analyse(sampleSnapshot()).model;
    expect(analyse(snap).model?.measures.map((m) => [m.id, m.current])).toEqual(
      plain?.measures.map((m) => [m.id, m.current])
    );
  });

  it("a problem in a rearranged table names the cell where the value really is", () => {
    const snap = sampleSnapshot();
    const monthly = grid(snap, "Monthly");
    monthly.name = "monthly";
    permute(monthly, [2, 0, 1], "Notes"); // A Notes, B Count, C Measure, D Month
    const r = 10; // data row 10 (sheet row 12)
    const row = monthly.rows[r + 1];
    if (!row) throw new Error("no row");
    row[1] = "eleven";
    row[3] = "2008-02-01";
    const v = validate(snap);
    expectIssue(
      v,
      { severity: error, code: "COUNT_NOT_NUMBER", sheet: "Monthly", cell: `B${r + 2}` },
      '"eleven"'
    );
    expectIssue(
      v,
      { severity: error, code: "DATE_AS_TEXT", sheet: "Monthly", cell: `D${r + 2}` },
      '"2008-02-01"'
    );
  });

  it("a table placed at C4 (origin row 3, col 2) reports cells offset by its origin", () => {
    const origin = { row: 3, col: 2 };
    const at = (dataRow: number, col: number) =>
      `${letter(origin.col + col)}${origin.row + dataRow + 2}`;

    const snap = sampleSnapshot();
    for (const t of snap.tables) t.origin = origin;
    expectExactly(validate(snap), []);

    const s = sample();
    const r = monthRow(s, "DWELLING_BURGLARY", 2010, 6);
    const countCol = columnIndex(sheetOf(s, "Monthly"), "Count");
    setCell(s, "Monthly", r, "Count", { error: "#REF!" });
    setCell(s, "Settings", settingRow(s, "Window"), "Value", "fortnight");
    removeRows(
      s,
      "Monthly",
      (g) => g("Measure") === "THEFT_OF_VEHICLES" && g("Month") === serial(2010, 5, 1)
    );
    const moved = snapshotOfData(s);
    for (const t of moved.tables) t.origin = origin;
    const v = validate(moved);
    expectIssue(
      v,
      { severity: error, code: "CELL_ERROR", sheet: "Monthly", cell: at(r, countCol) },
      "#REF!"
    );
    expect(at(r, countCol)).toBe(`E${r + 5}`);
    expectIssue(
      v,
      {
        severity: error,
        code: "SETTING_INVALID",
        sheet: "Settings",
        cell: at(settingRow(s, "Window"), 1),
      },
      '"fortnight"'
    );
    expectIssue(
      v,
      { severity: error, code: "MONTH_MISSING", sheet: "Monthly", cell: "D4" },
      "THEFT_OF_VEHICLES",
      "May 2010"
    );

    const empty = sampleSnapshot();
    const g = grid(empty, "Monthly");
    g.origin = origin;
    g.rows = [g.rows[0] ?? []];
    expectIssue(
      validate(empty),
      { severity: error, code: "TABLE_EMPTY", sheet: "Monthly", cell: "C5" },
      "Monthly"
    );

    const noCount = sampleSnapshot();
    const h = grid(noCount, "Monthly");
    h.origin = origin;
    h.rows[0] = ["Measure", "Month", "Crimes"];
    expectIssue(
      validate(noCount),
      { severity: error, code: "COLUMN_MISSING", sheet: "Monthly", cell: "F4" },
      '"Count"'
    );

    const noSetting = sampleSnapshot();
    const st = grid(noSetting, "Settings");
    st.origin = origin;
    st.rows = st.rows.filter((row) => row[0] !== "Partnership");
    expectIssue(
      validate(noSetting),
      { severity: error, code: "SETTING_MISSING", sheet: "Settings", cell: "C4" },
      '"Partnership"'
    );
  });

  it("a table on a sheet of another name reports that sheet", () => {
    const snap = sampleSnapshot();
    const monthly = grid(snap, "Monthly");
    monthly.sheet = "Crime data 2010";
    const row = monthly.rows[5];
    if (!row) throw new Error("no row");
    row[2] = -1;
    expectIssue(
      validate(snap),
      { severity: error, code: "COUNT_NEGATIVE", sheet: "Crime data 2010", cell: "C6" },
      "-1"
    );
  });

  it("sheets read as tables (no Excel tables) validate the same, and name the same cells", () => {
    const asSheets = (snap: WorkbookSnapshot): WorkbookSnapshot => ({
      ...snap,
      tables: [],
      sheets: snap.tables.map((t) => ({ ...t, source: "sheet" as const })),
    });
    expectExactly(validate(asSheets(sampleSnapshot())), []);

    const s = sample();
    const r = monthRow(s, "THEFT_FROM_VEHICLES", 2009, 5);
    setCell(s, "Monthly", r, "Count", "53");
    addRow(s, "Monthly", { Measure: "THEFT_FROM_VEHICLES", Month: serial(2009, 5, 20), Count: 53 });
    const asTables = validate(snapshotOfData(s));
    const read = validate(asSheets(snapshotOfData(s)));
    expect(read.issues).toEqual(asTables.issues);
    expectIssue(
      read,
      {
        severity: error,
        code: "COUNT_NOT_NUMBER",
        sheet: "Monthly",
        cell: cellAt(s, "Monthly", r, "Count"),
      },
      '"53"'
    );
  });

  it("a sheet read as a table may have blank header cells; a missing column is reported at the first blank one", () => {
    const snap = sampleSnapshot();
    const monthly = grid(snap, "Monthly");
    monthly.rows[0] = ["Measure", null, "Count", null, null];
    const v = validate({
      ...snap,
      tables: snap.tables.filter((t) => t !== monthly),
      sheets: [{ ...monthly, source: "sheet" }],
    });
    expectExactly(v, [{ severity: error, code: "COLUMN_MISSING", sheet: "Monthly", cell: "B1" }]);
    expectIssue(
      v,
      { severity: error, code: "COLUMN_MISSING", sheet: "Monthly", cell: "B1" },
      '"Month"'
    );
  });

  it("an Excel table wins over a sheet of the same name", () => {
    const snap = sampleSnapshot();
    const monthly = grid(snap, "Monthly");
    snap.sheets.push({
      ...monthly,
      sheet: "Monthly",
      source: "sheet",
      rows: [["nothing", "here"]],
    });
    expectExactly(validate(snap), []);
  });

  it("validation never changes the snapshot it reads", () => {
    const s = sample();
    setCell(s, "Monthly", 3, "Count", "x");
    const snap = snapshotOfData(s);
    const before = JSON.stringify(snap);
    validate(snap);
    analyse(snap);
    expect(JSON.stringify(snap)).toBe(before);
  });
});

describe("garbage in", () => {
  it("text counts, #REF! and #N/A counts, text dates and duplicate months all at once: each named at its own cell", () => {
    const s = sample();
    const a = monthRow(s, "DWELLING_BURGLARY", 2010, 4);
    const b = monthRow(s, "THEFT_OF_VEHICLES", 2010, 5);
    const c = monthRow(s, "THEFT_FROM_VEHICLES", 2010, 6);
    const d = monthRow(s, "DWELLING_BURGLARY", 2008, 5);
    setCell(s, "Monthly", a, "Count", "33 ");
    setCell(s, "Monthly", b, "Count", { error: "#REF!" });
    setCell(s, "Monthly", c, "Count", { error: "#N/A" });
    setCell(s, "Monthly", d, "Month", "2008-05-01");
    const dup = addRow(s, "Monthly", {
      Measure: "THEFT_OF_VEHICLES",
      Month: serial(2009, 4, 1),
      Count: 12,
    });
    setSetting(s, "Period end", "2010-06-30");
    const v = check(s);
    expectIssue(
      v,
      {
        severity: error,
        code: "COUNT_NOT_NUMBER",
        sheet: "Monthly",
        cell: cellAt(s, "Monthly", a, "Count"),
      },
      '"33 "'
    );
    expectIssue(
      v,
      {
        severity: error,
        code: "CELL_ERROR",
        sheet: "Monthly",
        cell: cellAt(s, "Monthly", b, "Count"),
      },
      "#REF!"
    );
    expectIssue(
      v,
      {
        severity: error,
        code: "CELL_ERROR",
        sheet: "Monthly",
        cell: cellAt(s, "Monthly", c, "Count"),
      },
      "#N/A"
    );
    expectIssue(
      v,
      {
        severity: error,
        code: "DATE_AS_TEXT",
        sheet: "Monthly",
        cell: cellAt(s, "Monthly", d, "Month"),
      },
      '"2008-05-01"'
    );
    expectIssue(
      v,
      { severity: error, code: "DATE_AS_TEXT", sheet: "Settings", cell: "B3" },
      '"2010-06-30"'
    );
    // With no usable Period end the cross-row checks cannot run, so the duplicate month waits for the next pass.
    expect(v.issues.some((i) => i.code === "MONTH_DUPLICATE")).toBe(false);
    setSetting(s, "Period end", serial(2010, 6, 30));
    expectIssue(
      check(s),
      {
        severity: error,
        code: "MONTH_DUPLICATE",
        sheet: "Monthly",
        cell: cellAt(s, "Monthly", dup, "Month"),
      },
      "Apr 2009"
    );
  });

  it("formula-looking text in names and labels is ordinary text", () => {
    const s = sample();
    setCell(s, "Measures", measureRow(s, "DWELLING_BURGLARY"), "Label", "=1+1");
    setCell(s, "Measures", measureRow(s, "DWELLING_BURGLARY"), "Priority", "@priority");
    setCell(
      s,
      "Peers",
      peerRow(s, "DWELLING_BURGLARY", PEERS_CURRENT, "Hart"),
      "Partnership",
      "+Hart"
    );
    setCell(s, "MARAC", maracRow(s, "2008-09"), "Area", "-Cambridgeshire");
    expectExactly(check(s), []);
  });
});

describe("warnings do not block", () => {
  it("several warnings together leave ok true and the report computable", () => {
    const s = sample();
    addRow(s, "Settings", { Setting: "Author", Value: "Analyst" });
    setCell(s, "Measures", measureRow(s, "NI32"), "Polarity", "higher is better");
    removeRows(
      s,
      "Monthly",
      (g) =>
        g("Measure") === "THEFT_OF_VEHICLES" &&
        [4, 5, 6].some((m) => g("Month") === serial(2009, m, 1))
    );
    const v = check(s);
    expect(codesOf(v)).toEqual(["PREVIOUS_NO_DATA", "SETTING_UNKNOWN", "TARGET_POLARITY_MISMATCH"]);
    expect(onlyWarnings(v)).toBe(true);
    expect(v.ok).toBe(true);
    expect(analyse(snapshotOfData(s)).model).not.toBeNull();
  });

  it("one error among warnings blocks", () => {
    const s = sample();
    addRow(s, "Settings", { Setting: "Author", Value: "Analyst" });
    setCell(s, "Monthly", 0, "Count", 1.5);
    const v = check(s);
    expect(v.ok).toBe(false);
    expect(analyse(snapshotOfData(s)).model).toBeNull();
  });
});

describe("every code", () => {
  it("has a case above that produces it at its cell", () => {
    expect(codesWithoutCase()).toEqual([]);
  });
});

/* ---------- property: validate never throws, and every issue names a real place ---------- */

const A1 = /^[A-Z]{1,3}[1-9][0-9]*$/;
const CONTRACT = [
  "Settings",
  "Measures",
  "Monthly",
  "Peers",
  "MARAC",
  "Referrals",
  "Areas",
  "AreaMonthly",
];
const HEADERS = [
  "Setting",
  "Value",
  "Measure",
  "Label",
  "Priority",
  "Polarity",
  "Target",
  "Target value",
  "Tolerance",
  "Figure",
  "Month",
  "Count",
  "Period end",
  "Partnership",
  "Rate",
  "Population",
  "Period",
  "Area",
  "Cases",
  "Repeat cases",
  "Referrals",
  "Area code",
  "Area name",
  "Longitude",
  "Latitude",
];
const WORDS = [
  "Partnership",
  "Period end",
  "Baseline year",
  "Year start month",
  "Window",
  "Peer band method",
  "Default tolerance",
  "NI32",
  "IDVAS_REFERRALS",
  "DWELLING_BURGLARY",
  "ALL_CRIME",
  "ANTI_SOCIAL_BEHAVIOUR",
  "E01018154",
  "Total",
  "South Cambridgeshire",
  "2008-09",
  "Q1 2010-11",
  "2009-10",
  "Q5 2010-11",
  "at most",
  "below baseline",
  "increase on baseline",
  "lower is better",
  "higher",
  "year to date",
  "quarter",
  "ci",
  "sd",
  "2010-06-30",
  '=HYPERLINK("x")',
  "",
];

const anyCell: fc.Arbitrary<Cell> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.double(),
  fc.integer({ min: -5, max: 3_000_000 }),
  fc.integer({ min: 39_000, max: 41_000 }), // dates 2006..2012
  fc.string({ maxLength: 12 }),
  fc.constantFrom(...WORDS, ...HEADERS),
  fc.constantFrom<Cell>(
    { error: "#REF!" },
    { error: "#N/A" },
    { error: "#DIV/0!" },
    { error: "#VALUE!" }
  )
);

const caseOf = (s: string) => fc.constantFrom(s, s.toLowerCase(), s.toUpperCase(), ` ${s} `);

const anyGrid: fc.Arbitrary<Grid> = fc.record({
  name: fc.oneof(fc.constantFrom(...CONTRACT).chain(caseOf), fc.string({ maxLength: 8 })),
  sheet: fc.string({ minLength: 1, maxLength: 10 }),
  source: fc.constantFrom("table" as const, "sheet" as const),
  origin: fc.record({ row: fc.nat({ max: 50 }), col: fc.nat({ max: 30 }) }),
  rows: fc
    .tuple(
      fc.array(fc.oneof(fc.constantFrom(...HEADERS).chain(caseOf), anyCell), { maxLength: 9 }),
      fc.array(fc.array(anyCell, { maxLength: 9 }), { maxLength: 12 })
    )
    .map(([h, body]) => [h, ...body]),
});

const anySnapshot: fc.Arbitrary<WorkbookSnapshot> = fc.record({
  sheetNames: fc.array(fc.string({ maxLength: 10 }), { maxLength: 4 }),
  tables: fc.array(anyGrid, { maxLength: 8 }),
  sheets: fc.array(anyGrid, { maxLength: 4 }),
  reportSheets: fc.array(fc.string({ maxLength: 10 }), { maxLength: 2 }),
});

/** The sample with random cells overwritten (header row included): reaches the cross-row checks. */
const mutatedSample: fc.Arbitrary<WorkbookSnapshot> = fc
  .array(fc.tuple(fc.nat({ max: 5 }), fc.nat({ max: 120 }), fc.nat({ max: 8 }), anyCell), {
    minLength: 1,
    maxLength: 6,
  })
  .map((edits) => {
    const snap = sampleSnapshot();
    for (const [t, r, c, value] of edits) {
      const g = snap.tables[t % snap.tables.length];
      if (!g) continue;
      const row = g.rows[r % g.rows.length];
      if (row) row[c % (row.length + 1)] = value;
    }
    return snap;
  });

function wellFormed(snap: WorkbookSnapshot): void {
  const issues = validate(snap).issues; // a throw fails the property
  for (const i of issues) {
    expect(typeof i.sheet === "string" && i.sheet.length > 0).toBe(true);
    expect(i.cell).toMatch(A1);
    expect(ISSUE_CODES).toContain(i.code);
    expect(["error", "warning"]).toContain(i.severity);
    expect(i.message.length).toBeGreaterThan(10);
    // An internal failure is turned into an issue; it must never happen.
    expect(i.message).not.toMatch(/could not be checked/);
  }
}

describe("property: any grid", () => {
  it("a totally empty snapshot, and sheets and tables with no rows, are handled", () => {
    wellFormed({ sheetNames: [], tables: [], sheets: [], reportSheets: [] });
    const empty = (name: string): Grid => ({
      name,
      sheet: name,
      source: "table",
      origin: { row: 0, col: 0 },
      rows: [],
    });
    wellFormed({ sheetNames: CONTRACT, tables: CONTRACT.map(empty), sheets: [], reportSheets: [] });
    wellFormed({
      sheetNames: CONTRACT,
      tables: [],
      sheets: CONTRACT.map((n) => ({ ...empty(n), source: "sheet" as const, rows: [[]] })),
      reportSheets: [],
    });
  });

  it("validate never throws and every issue has a sheet and a valid A1 cell (random grids)", () => {
    fc.assert(fc.property(anySnapshot, wellFormed), { numRuns: 400 });
  });

  it("the same holds for the sample with random cells broken; and a workbook that passes can be reported on", () => {
    fc.assert(
      fc.property(mutatedSample, (snap) => {
        wellFormed(snap);
        const a = analyse(snap);
        if (validate(snap).ok) expect(a.model).not.toBeNull();
        expect(a.issues.filter((i) => /could not be computed/.test(i.message))).toEqual([]);
      }),
      { numRuns: 600 }
    );
  });

  const badCount = fc.oneof(
    fc.string({ minLength: 1, maxLength: 8 }).filter((t) => t.trim() !== ""),
    fc.integer({ min: -1000, max: -1 }),
    fc.double({ min: 0.01, max: 500, noNaN: true }).filter((x) => !Number.isInteger(x)),
    fc.boolean(),
    fc.constantFrom<Cell>({ error: "#REF!" }, { error: "#N/A" }, { error: "#VALUE!" })
  );

  it("any bad count in any Monthly row is an error at exactly that Count cell", () => {
    const rows = sample().find((x) => x.name === "Monthly")?.rows.length ?? 0;
    fc.assert(
      fc.property(fc.nat({ max: rows - 1 }), badCount, (r, value) => {
        const s = sample();
        setCell(s, "Monthly", r, "Count", value);
        const cell = cellAt(s, "Monthly", r, "Count");
        const v = check(s);
        expect(v.ok).toBe(false);
        expect(
          v.issues.filter((i) => i.severity === "error").map((i) => `${i.sheet}!${i.cell}`)
        ).toEqual([`Monthly!${cell}`]);
      }),
      { numRuns: 200 }
    );
  });

  it("any bad rate in any Peers row is an error at exactly that Rate cell", () => {
    const rows = sample().find((x) => x.name === "Peers")?.rows.length ?? 0;
    const badRate = fc.oneof(
      fc.double({ min: -100, max: 0, noNaN: true }),
      fc.string({ minLength: 1, maxLength: 6 }).filter((t) => t.trim() !== ""),
      fc.boolean()
    );
    fc.assert(
      fc.property(fc.nat({ max: rows - 1 }), badRate, (r, value) => {
        const s = sample();
        setCell(s, "Peers", r, "Rate", value);
        const cell = cellAt(s, "Peers", r, "Rate");
        const v = check(s);
        // Only that cell, even for the partnership's own row: it is not "missing" from its group.
        expect(
          v.issues
            .filter((i) => i.severity === "error")
            .map((i) => `${i.sheet}!${i.cell}:${i.code}`)
        ).toEqual([`Peers!${cell}:PEER_RATE_INVALID`]);
      }),
      { numRuns: 200 }
    );
  });
});
