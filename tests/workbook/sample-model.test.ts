/** The sample's report reproduces the reference report's published figures. */
import { analyse, snapshotOfData } from "../../src/workbook/engine";
import { sampleWorkbook } from "../../src/workbook/sample";

const analysis = analyse(snapshotOfData(sampleWorkbook()));
const model = analysis.model!;
const measure = (id: string) => model.measures.find((m) => m.id === id)!;

describe("the sample reproduces the reference report", () => {
  it("validates with no errors", () => {
    expect(analysis.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(model).not.toBeNull();
  });
  it("labels the period Q1 2010-11, April to June 2010", () => {
    expect(model.period).toEqual({ label: "Q1 2010-11", start: "2010-04-01", end: "2010-06-30" });
  });
  it("dwelling burglary: 105 vs 91, +15%, red, z 1.42 not significant, 12th of 15 and worse", () => {
    const m = measure("DWELLING_BURGLARY");
    expect([m.current, m.baseline]).toEqual([105, 91]);
    expect(m.changeVsBaseline).toBeCloseTo(0.1538, 4);
    expect(m.status).toBe("red");
    expect(m.z).toBeCloseTo(1.42, 2);
    expect(m.significant).toBe(false);
    expect(m.previous).toBeGreaterThan(105);
    expect(m.direction).toBe("down");
    expect(m.peer).toMatchObject({ position: 12, of: 15, band: "worse", previousPosition: 12 });
    expect(m.narrative).toBe(
      "During the first three months of 2010-11 numbers of recorded dwelling burglaries (105) are lower than for the same period the previous year but still 15% higher than for 2008-09 (91)."
    );
    expect(m.peer!.sentence).toBe(
      "South Cambridgeshire remains in 12th position when compared to most similar group members in the past three months and remains worse than average."
    );
  });
  it("thefts of vehicles: 31 vs 49, -37%, green, significant, slipped from 3rd to 4th, better", () => {
    const m = measure("THEFT_OF_VEHICLES");
    expect([m.current, m.baseline]).toEqual([31, 49]);
    expect(m.changeVsBaseline).toBeCloseTo(-0.3673, 4);
    expect(m.status).toBe("green");
    expect(m.z).toBeCloseTo(-2.86, 2);
    expect(m.significant).toBe(true);
    expect(m.previous).toBeGreaterThan(31);
    expect(m.peer).toMatchObject({ position: 4, of: 15, band: "better", previousPosition: 3 });
    expect(m.peer!.sentence).toBe(
      "South Cambridgeshire has slipped from 3rd to 4th position, but remains better than average when compared to most similar group members."
    );
  });
  it("thefts from vehicles: 182 vs 179 (+2%, amber) and 15% above 158 the previous year; 12th to 13th, average", () => {
    const m = measure("THEFT_FROM_VEHICLES");
    expect([m.current, m.previous, m.baseline]).toEqual([182, 158, 179]);
    expect(m.changeVsBaseline).toBeCloseTo(0.0168, 4);
    expect(m.changeVsPrevious).toBeCloseTo(0.1519, 4);
    expect(m.status).toBe("amber");
    expect(m.peer).toMatchObject({ position: 13, of: 15, band: "average", previousPosition: 12 });
    expect(m.narrative).toContain("(182) are 15% higher than for the same period the previous year and 2% higher than for 2008-09 (179).");
  });
  it("NI 32: 46 / 146 = 31.5%, red against 28%", () => {
    expect(model.ni32).toMatchObject({ period: "Q1 2010-11", cases: 146, repeats: 46, target: 0.28, status: "red" });
    expect(model.ni32!.rate).toBeCloseTo(0.3151, 4);
    expect(model.ni32!.history.map((h) => [h.label, h.cases])).toEqual([
      ["2008-09", 271],
      ["2009-10", 399],
      ["Q1 2010-11", 146],
    ]);
    expect(measure("NI32").status).toBe("red");
  });
  it("IDVAS referrals: 33 of 268 (12%) in Q1 and 136 of 985 (14%) in 2009-10; status n/a as published", () => {
    expect(model.referrals).toMatchObject({ period: "Q1 2010-11", partnership: 33, total: 268 });
    expect(model.referrals!.share).toBeCloseTo(0.1231, 4);
    expect(model.referrals!.previousYear).toMatchObject({ period: "2009-10", partnership: 136, total: 985 });
    expect(model.referrals!.sentence).toBe("During Q1 2010-11 South Cambridgeshire accounted for 12% of the referrals to the IDVAS.");
    expect(measure("IDVAS_REFERRALS").status).toBe("n/a");
  });
  it("lists the areas for concern: red first, then amber", () => {
    expect(model.concerns.map((c) => [c.id, c.status])).toEqual([
      ["DWELLING_BURGLARY", "red"],
      ["NI32", "red"],
      ["THEFT_FROM_VEHICLES", "amber"],
    ]);
  });
  it("numbers the figures as the report does", () => {
    expect(["DWELLING_BURGLARY", "THEFT_OF_VEHICLES", "THEFT_FROM_VEHICLES"].map((id) => [measure(id).figure, measure(id).positionFigure])).toEqual([
      ["1.1", "1.2"],
      ["2.1", "2.2"],
      ["2.3", "2.4"],
    ]);
  });
  it("has trend lines for the current, previous and baseline years, April first", () => {
    const t = measure("DWELLING_BURGLARY").trend!;
    expect(t.months[0]).toBe("Apr");
    expect(t.months[11]).toBe("Mar");
    expect(t.series.map((s) => s.label)).toEqual(["2010-11", "2009-10", "2008-09"]);
    expect(t.series[0]!.values.slice(0, 4)).toEqual([33, 36, 36, null]);
  });
});
