/**
 * Validation of the optional Areas and AreaMonthly tables (spec/areas.md), imported by
 * validation.test.ts so its "every code has a case" check sees these cases too. Each case feeds
 * the sample with areas one piece of garbage and expects the exact sheet and cell.
 */
import fc from "fast-check";
import { Cell, DataSheet, analyse, buildPlan, snapshotOfData } from "../../src/workbook";
import { areaSheets, monthSerial, wobble } from "../support/areas";
import {
  addRow,
  cellAt,
  check,
  expectExactly,
  expectIssue,
  headerCell,
  issueCase,
  onlyWarnings,
  rowWhere,
  sample,
  setCell,
} from "./helpers/validation";

const error = "error" as const;
const warning = "warning" as const;

/** The sample (Q1 2010-11) with two areas' ALL_CRIME and ASB, April 2008 to June 2010. */
function withAreas(): DataSheet[] {
  const areas = ["E01018154", "E01018155"].map((code, i) => ({
    code,
    name: `South Cambridgeshire 01${i}A`,
    longitude: 0.1 + i / 10,
    latitude: 52.2,
    series: { ALL_CRIME: wobble(27, 20 + i, 2), ANTI_SOCIAL_BEHAVIOUR: wobble(27, 5, 1) },
  }));
  return [...sample(), ...areaSheets(areas)];
}

const areaMonthRow = (s: DataSheet[], code: string, measure: string, y: number, m: number) =>
  rowWhere(
    s,
    "AreaMonthly",
    (g) => g("Area code") === code && g("Measure") === measure && g("Month") === monthSerial(y, m)
  );

describe("Areas and AreaMonthly (spec/areas.md)", () => {
  it("the sample with areas validates with no issues at all", () => {
    const v = check(withAreas());
    expectExactly(v, []);
    expect(v.ok).toBe(true);
  });

  issueCase(
    "AREA_UNKNOWN",
    "an AreaMonthly area code that Areas does not list, at its first row, with the count of rows",
    () => {
      const s = withAreas();
      const r = areaMonthRow(s, "E01018155", "ALL_CRIME", 2009, 6);
      setCell(s, "AreaMonthly", r, "Area code", "E09999999");
      addRow(s, "AreaMonthly", {
        "Area code": "E09999999",
        Measure: "ALL_CRIME",
        Month: monthSerial(2008, 4),
        Count: 3,
      });
      const v = check(s);
      expectIssue(
        v,
        {
          severity: error,
          code: "AREA_UNKNOWN",
          sheet: "AreaMonthly",
          cell: cellAt(s, "AreaMonthly", r, "Area code"),
        },
        "E09999999",
        "2 rows",
        "Areas"
      );
    }
  );

  issueCase("COORDINATE_INVALID", "a longitude that is text or a latitude past 90", () => {
    const s = withAreas();
    setCell(s, "Areas", 0, "Longitude", "0.12 E");
    setCell(s, "Areas", 1, "Latitude", 152.2);
    const v = check(s);
    expectIssue(
      v,
      {
        severity: error,
        code: "COORDINATE_INVALID",
        sheet: "Areas",
        cell: cellAt(s, "Areas", 0, "Longitude"),
      },
      "E01018154",
      "0.12 E",
      "-180 to 180"
    );
    expectIssue(
      v,
      {
        severity: error,
        code: "COORDINATE_INVALID",
        sheet: "Areas",
        cell: cellAt(s, "Areas", 1, "Latitude"),
      },
      "152.2",
      "-90 to 90"
    );
  });

  issueCase(
    "MONTH_AFTER_PERIOD_END",
    "AreaMonthly rows after the period end: one warning at the first, the report not blocked",
    () => {
      const s = withAreas();
      const r = addRow(s, "AreaMonthly", {
        "Area code": "E01018154",
        Measure: "ALL_CRIME",
        Month: monthSerial(2010, 7),
        Count: 4,
      });
      addRow(s, "AreaMonthly", {
        "Area code": "E01018155",
        Measure: "ALL_CRIME",
        Month: monthSerial(2010, 8),
        Count: 4,
      });
      const v = check(s);
      expectIssue(
        v,
        {
          severity: warning,
          code: "MONTH_AFTER_PERIOD_END",
          sheet: "AreaMonthly",
          cell: cellAt(s, "AreaMonthly", r, "Month"),
        },
        "2 rows",
        "Jul 2010",
        "not used"
      );
      expect(onlyWarnings(v)).toBe(true);
    }
  );

  it("a duplicate row, a fractional count, text for a count and a text month, each at its cell", () => {
    const s = withAreas();
    const dup = addRow(s, "AreaMonthly", {
      "Area code": "E01018154",
      Measure: "ALL_CRIME",
      Month: monthSerial(2009, 5),
      Count: 7,
    });
    const frac = areaMonthRow(s, "E01018155", "ALL_CRIME", 2010, 5);
    setCell(s, "AreaMonthly", frac, "Count", 7.5);
    const text = areaMonthRow(s, "E01018155", "ANTI_SOCIAL_BEHAVIOUR", 2010, 4);
    setCell(s, "AreaMonthly", text, "Count", "seven");
    const month = areaMonthRow(s, "E01018154", "ANTI_SOCIAL_BEHAVIOUR", 2008, 4);
    setCell(s, "AreaMonthly", month, "Month", "2008-04");
    const v = check(s);
    const at = (r: number, h: string) => cellAt(s, "AreaMonthly", r, h);
    expectIssue(
      v,
      { severity: error, code: "MONTH_DUPLICATE", sheet: "AreaMonthly", cell: at(dup, "Month") },
      "E01018154",
      "May 2009"
    );
    expectIssue(
      v,
      { severity: error, code: "COUNT_NOT_INTEGER", sheet: "AreaMonthly", cell: at(frac, "Count") },
      "7.5"
    );
    expectIssue(
      v,
      { severity: error, code: "COUNT_NOT_NUMBER", sheet: "AreaMonthly", cell: at(text, "Count") },
      "seven"
    );
    expectIssue(
      v,
      { severity: error, code: "DATE_AS_TEXT", sheet: "AreaMonthly", cell: at(month, "Month") },
      "2008-04"
    );
  });

  it("an unknown measure, once per measure at its first row; an area listed twice", () => {
    const s = withAreas();
    const r = areaMonthRow(s, "E01018154", "ALL_CRIME", 2008, 6);
    setCell(s, "AreaMonthly", r, "Measure", "ALL_CRIMES");
    addRow(s, "Areas", {
      "Area code": "e01018154",
      "Area name": "Again",
      Longitude: 0,
      Latitude: 52,
    });
    const v = check(s);
    expectIssue(
      v,
      {
        severity: error,
        code: "MEASURE_UNKNOWN",
        sheet: "AreaMonthly",
        cell: cellAt(s, "AreaMonthly", r, "Measure"),
      },
      "ALL_CRIMES",
      "1 row"
    );
    expectIssue(
      v,
      { severity: error, code: "ROW_DUPLICATE", sheet: "Areas", cell: "A4" },
      "e01018154",
      "A2"
    );
  });

  it("AreaMonthly without Areas is an error; Areas without AreaMonthly, or a month missing, a warning", () => {
    const noAreas = withAreas().filter((x) => x.name !== "Areas");
    expectIssue(
      check(noAreas),
      { severity: error, code: "TABLE_MISSING", sheet: "Areas", cell: "A1" },
      "Area code"
    );
    const noMonthly = withAreas().filter((x) => x.name !== "AreaMonthly");
    const v = check(noMonthly);
    expectIssue(
      v,
      { severity: warning, code: "TABLE_MISSING", sheet: "AreaMonthly", cell: "A1" },
      "no Priority areas sheet"
    );
    expect(onlyWarnings(v)).toBe(true);
    const gap = withAreas();
    const monthly = gap.find((x) => x.name === "AreaMonthly") as DataSheet;
    monthly.rows = monthly.rows.filter((r: Cell[]) => r[2] !== monthSerial(2010, 5));
    const w = check(gap);
    expectIssue(
      w,
      {
        severity: warning,
        code: "MONTH_MISSING",
        sheet: "AreaMonthly",
        cell: headerCell(gap, "AreaMonthly", "Month"),
      },
      "May 2010",
      "no Priority areas sheet"
    );
    expect(onlyWarnings(w)).toBe(true);
  });
});

describe("property: the areas tables with random cells broken", () => {
  const anyCell: fc.Arbitrary<Cell> = fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.double(),
    fc.integer({ min: -5, max: 3_000_000 }),
    fc.integer({ min: 39_000, max: 41_000 }),
    fc.string({ maxLength: 12 }),
    fc.constantFrom<Cell>("ALL_CRIME", "E01018154", "ANTI_SOCIAL_BEHAVIOUR", "=1+1", {
      error: "#N/A",
    })
  );
  it("never throw: validation names a cell, a workbook that passes is modelled and planned", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.nat({ max: 200 }), fc.nat({ max: 4 }), anyCell), {
          minLength: 1,
          maxLength: 6,
        }),
        (edits) => {
          const s = withAreas();
          for (const [areas, r, c, value] of edits) {
            const sheet = s.find((x) => x.name === (areas ? "Areas" : "AreaMonthly")) as DataSheet;
            const row = sheet.rows[r % sheet.rows.length];
            if (row) row[c % row.length] = value;
          }
          const a = analyse(snapshotOfData(s));
          for (const i of a.issues) expect(i.cell).toMatch(/^[A-Z]{1,3}[1-9][0-9]*$/);
          expect(a.issues.filter((i) => /could not be (computed|checked)/.test(i.message))).toEqual(
            []
          );
          if (a.ok && a.model) buildPlan(a.model, { sheetNames: [], reportSheets: [] });
        }
      ),
      { numRuns: 300 }
    );
  });
});
