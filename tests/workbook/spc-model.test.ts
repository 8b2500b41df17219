/**
 * SPC in the report (workbook.md): each Monthly measure's run of consecutive months ending at the
 * period end, at least 12 of them; the SPC baseline months setting; DA_INCIDENTS on the Domestic
 * Abuse sheet; the plan's XmR figures, Variation column and sentences.
 */
import { ymdToSerial } from "../../src/core";
import { PlanSheet, analyse, buildPlan, parseA1, snapshotOfData } from "../../src/workbook";
import { sampleWorkbook } from "../../src/workbook/sample";
import type { DataSheet } from "../../src/workbook";

const serial = (y: number, m: number) => ymdToSerial({ year: y, month: m, day: 1 });

function modelOf(edit: (sheets: DataSheet[]) => void = () => undefined) {
  const sheets = sampleWorkbook();
  edit(sheets);
  const a = analyse(snapshotOfData(sheets));
  const errors = a.issues.filter((i) => i.severity === "error");
  if (!a.model) throw new Error(`no model: ${JSON.stringify(errors)}`);
  return a.model;
}
const sheet = (sheets: DataSheet[], name: string) => sheets.find((s) => s.name === name)!;
const dropMonth = (id: string, y: number, m: number) => (sheets: DataSheet[]) => {
  const monthly = sheet(sheets, "Monthly");
  monthly.rows = monthly.rows.filter((r) => !(r[0] === id && r[1] === serial(y, m)));
};
const setting = (name: string, value: number) => (sheets: DataSheet[]) => {
  const row = sheet(sheets, "Settings").rows.find((r) => r[0] === name)!;
  row[1] = value;
};

/** A one-column range's values as the plan writes them (null where it writes no cell). */
function seriesValues(sheet: PlanSheet, range: string): (string | number | null)[] {
  const [from, to] = range.split(":").map((a) => parseA1(a));
  const out: (string | number | null)[] = [];
  for (let r = from!.row; r <= to!.row; r++)
    out.push(sheet.cells.find((c) => c.row === r && c.col === from!.col)?.value ?? null);
  return out;
}

describe("the sample", () => {
  const model = modelOf();
  const m = (id: string) => model.measures.find((x) => x.id === id)!;
  it("charts every Monthly measure over its 27 months, April 2008 to June 2010", () => {
    for (const id of ["DWELLING_BURGLARY", "THEFT_OF_VEHICLES", "THEFT_FROM_VEHICLES", "DA_INCIDENTS"]) {
      expect(m(id).spc!.months).toHaveLength(27);
      expect(m(id).spc!.months[0]).toBe("Apr 2008");
      expect(m(id).spc!.months[26]).toBe("Jun 2010");
      expect(m(id).spcMonths).toBe(27);
    }
    expect(m("NI32").spc).toBeNull();
    expect(m("IDVAS_REFERRALS").spc).toBeNull();
  });
  it("numbers each XmR chart with its measure's figures", () => {
    expect(["DWELLING_BURGLARY", "THEFT_OF_VEHICLES", "THEFT_FROM_VEHICLES"].map((id) => m(id).spcFigure)).toEqual(["1.1a", "2.1a", "2.3a"]);
    expect(m("DA_INCIDENTS")).toMatchObject({ placement: "domestic", figure: null, spcFigure: null });
  });
  it("names the special-cause months in the sentence, in words and by colour", () => {
    expect(m("DWELLING_BURGLARY").spc!.sentence).toBe(
      "Dwelling Burglary, April 2008 to June 2010: mean 36.6 a month, process limits 27.1 to 46.1, set from all 27 months. June 2010 shows common cause variation: no sign of a real change. Concerning special cause (orange): December 2009 (above the upper limit)."
    );
    expect(m("THEFT_OF_VEHICLES").spc!.words).toBe("Special cause: improving low");
    expect(m("THEFT_OF_VEHICLES").spc!.sentence).toContain(
      "June 2010 shows special cause variation, improving (low). Improving special cause (blue): December 2009 to June 2010 (7 months: below the lower limit, 2 of 3 months close to the lower limit, 7 or more months below the mean)."
    );
  });
  it("puts DA_INCIDENTS on the Domestic Abuse sheet, not on a priority sheet", () => {
    const plan = buildPlan(model, { sheetNames: [], reportSheets: [] });
    expect(plan.sheets.map((s) => s.name)).toEqual(["Summary", "Priority 1", "Domestic Abuse"]);
    const da = plan.sheets[2]!;
    expect(da.cells.some((c) => c.value === "Police incident data")).toBe(true);
    expect(da.charts.map((c) => [c.kind, c.series.map((s) => s.name)])).toEqual([
      [
        "spc",
        [
          "Police domestic abuse incidents",
          "Mean",
          "Lower process limit",
          "Upper process limit",
          "Special cause: improving",
          "Special cause: concerning",
        ],
      ],
    ]);
    const p1 = plan.sheets[1]!;
    expect(p1.charts.map((c) => c.kind)).toEqual(["trend", "spc", "position", "trend", "spc", "position", "trend", "spc", "position"]);
    expect(p1.cells.some((c) => c.value === "Figure 1.1a: Dwelling Burglary – variation over time (XmR chart)")).toBe(true);
    // The chart's special-cause markers are the months the sentence names: December 2009 only, a
    // series of orange markers without a line, blank at every other month; no per-point colours.
    const xmr = p1.charts[1]!;
    expect(xmr.series.map((s) => s.name)).toEqual([
      "Dwelling Burglary",
      "Mean",
      "Lower process limit",
      "Upper process limit",
      "Special cause: concerning",
    ]);
    expect(xmr.series.every((s) => s.points === undefined)).toBe(true);
    const concerning = xmr.series[4]!;
    expect(concerning).toMatchObject({ type: "line", color: "E46C0A", marker: true, line: false });
    const values = seriesValues(p1, concerning.values);
    expect(values.flatMap((v, i) => (v === null ? [] : [i]))).toEqual([20]);
    expect(values[20]).toBe(seriesValues(p1, xmr.series[0]!.values)[20]);
    const summary = plan.sheets[0]!;
    const header = summary.cells.find((c) => c.value === "Variation (SPC)")!;
    const column = summary.cells.filter((c) => c.col === header.col && c.row > header.row).map((c) => c.value);
    expect(column.slice(0, 6)).toEqual([
      "Common cause",
      "Special cause: improving low",
      "Common cause",
      "n/a: not monthly data",
      "n/a: not monthly data",
      "Common cause",
    ]);
  });
});

describe("the run of consecutive months ending at the period end", () => {
  it("starts after a missing month outside the compared windows", () => {
    const model = modelOf(dropMonth("DWELLING_BURGLARY", 2009, 1));
    const spc = model.measures.find((x) => x.id === "DWELLING_BURGLARY")!.spc!;
    expect(spc.months[0]).toBe("Feb 2009");
    expect(spc.values).toHaveLength(17);
  });
  it("with fewer than 12 months there is no chart, and the report says so", () => {
    const model = modelOf(dropMonth("DWELLING_BURGLARY", 2009, 7));
    const m = model.measures.find((x) => x.id === "DWELLING_BURGLARY")!;
    expect(m.spc).toBeNull();
    expect(m.spcMonths).toBe(11);
    expect(m.spcFigure).toBeNull();
    const plan = buildPlan(model, { sheetNames: [], reportSheets: [] });
    const p1 = plan.sheets[1]!;
    expect(p1.charts.filter((c) => c.kind === "spc")).toHaveLength(2);
    expect(p1.cells.map((c) => c.value)).toContain(
      "Dwelling Burglary: only 11 consecutive months of data to the period end; a control chart needs at least 12."
    );
    const summary = plan.sheets[0]!;
    expect(summary.cells.map((c) => c.value)).toContain("n/a: 11 months, 12 needed");
  });
  it("ignores months after the period end", () => {
    const model = modelOf((sheets) =>
      sheet(sheets, "Monthly").rows.push(["DWELLING_BURGLARY", serial(2010, 7), 99])
    );
    const spc = model.measures.find((x) => x.id === "DWELLING_BURGLARY")!.spc!;
    expect(spc.months[spc.months.length - 1]).toBe("Jun 2010");
    expect(spc.values).toHaveLength(27);
  });
});

describe("the SPC baseline months setting", () => {
  it("sets the limits from the first k months", () => {
    const model = modelOf(setting("SPC baseline months", 12));
    const spc = model.measures.find((x) => x.id === "DWELLING_BURGLARY")!.spc!;
    expect(spc.baselinePoints).toBe(12);
    // 2008-09's burglaries: 416 in 12 months.
    expect(spc.mean).toBeCloseTo(416 / 12, 12);
    expect(spc.sentence).toContain("set from the first 12 months, to March 2009.");
  });
  it("uses all the months when a series is shorter than k, and says so", () => {
    const model = modelOf(setting("SPC baseline months", 30));
    const spc = model.measures.find((x) => x.id === "DWELLING_BURGLARY")!.spc!;
    expect(spc.baselinePoints).toBe(27);
    expect(spc.sentence).toContain("set from all 27 months (the settings ask for 30, more than there are).");
  });
});
