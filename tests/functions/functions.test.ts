import { installCustomFunctionsStub, excelErrorOf, StubExcelError } from "../support/custom-functions-stub";

installCustomFunctionsStub();
// Imported after the stub: the functions build errors with the global at call time.
import * as F from "../../src/functions/functions";
import { ymdToSerial } from "../../src/core";

const date = (y: number, m: number, d: number) => ymdToSerial({ year: y, month: m, day: d });
const col = (...xs: unknown[]) => xs.map((x) => [x]);
const refError = new StubExcelError("#REF!");

describe("report figures through the functions (spec/functions.md)", () => {
  it("BASELINE_DELTA", () => {
    expect(F.baselineDelta([[105]], [[91]])).toBeCloseTo(0.1538, 4);
    expect(F.baselineDelta([[31]], [[49]])).toBeCloseTo(-0.3673, 4);
    expect(F.baselineDelta([[182]], [[179]])).toBeCloseTo(0.0168, 4);
    expect(F.baselineDelta([[182]], [[158]])).toBeCloseTo(0.1519, 4);
  });
  it("NI32, SHARE, POISSON_Z", () => {
    expect(F.ni32([[46]], [[146]])).toBeCloseTo(0.3151, 4);
    expect(F.shareFn([[33]], [[268]])).toBeCloseTo(0.1231, 4);
    expect(F.shareFn([[136]], [[985]])).toBeCloseTo(0.1381, 4);
    expect(F.poissonZFn([[105]], [[91]])).toBeCloseTo(1.415, 3);
    expect(F.poissonZFn([[31]], [[49]])).toBeCloseTo(-2.864, 3);
  });
  it("RAG", () => {
    expect(F.rag([[105]], [[91]])).toBe("Red");
    expect(F.rag([[31]], [[49]])).toBe("Green");
    expect(F.rag([[182]], [[179]])).toBe("Amber");
    expect(F.rag([[0.315]], [[0.28]])).toBe("Red");
    expect(F.rag([[150]], [[100]], "higher")).toBe("Green");
    expect(F.rag([[96]], [[100]], "higher", 0.05)).toBe("Amber");
    expect(F.rag([[96]], [[100]], "higher", 0.01)).toBe("Red");
  });
  it("FIN_YEAR and FIN_QUARTER", () => {
    expect(F.finQuarter(date(2010, 6, 30))).toBe("Q1 2010-11");
    expect(F.finYear(date(2010, 6, 30))).toBe("2010-11");
    expect(F.finYear(date(2011, 3, 31))).toBe("2010-11");
    expect(F.finYear(date(2010, 6, 30), 1)).toBe("2010");
    expect(F.finQuarter(date(2010, 6, 30), 1)).toBe("Q2 2010");
    expect(F.finQuarter(date(2011, 1, 15), null)).toBe("Q4 2010-11");
  });
  it("CHANGE_TEXT", () => {
    expect(F.changeTextFn([[105]], [[91]], "2008-09")).toBe("15% higher than for 2008-09 (91)");
    expect(F.changeTextFn([[31]], [[49]], "2008-09")).toBe("37% lower than for 2008-09 (49)");
  });
  it("CRIME_RATE, PEER_POSITION, PEER_BAND", () => {
    expect(F.crimeRate([[105]], [[140000]])).toBeCloseTo(0.75, 10);
    expect(F.crimeRate([[5]], [[200]], 100)).toBe(2.5);
    const msg = col(1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 1.8, 1.9, 2.0, 2.1, 2.6, 2.7, 2.8, 2.9);
    expect(F.peerPositionFn([[2.6]], msg)).toBe(12);
    expect(F.peerPositionFn([[2.6]], msg, "higher")).toBe(4);
    expect(F.peerPositionFn([[2]], col(1, 2, 2, 3))).toBe(2);
    expect(F.peerBand([[2.9]], msg)).toBe("Worse than average");
    expect(F.peerBand([[1.1]], msg)).toBe("Better than average");
    expect(F.peerBand([[1.9]], msg)).toBe("Average");
  });
  it("NI32_CASES applies the 12-month repeat rule", () => {
    const victims = col("V1", "V1", "V2", "V3", "V3", null);
    const dates = col(date(2009, 9, 1), date(2010, 5, 1), date(2010, 5, 2), date(2010, 4, 3), date(2010, 6, 3), null);
    expect(F.ni32Cases(victims, dates, date(2010, 4, 1), date(2010, 6, 30))).toBeCloseTo(2 / 4, 10);
  });
});

describe("ranges are summed with blanks ignored", () => {
  it("adds a range of months", () => {
    expect(F.baselineDelta([[30], [35], [40]], [[30, null], [31, ""], [30, undefined]])).toBeCloseTo(105 / 91 - 1, 12);
  });
  it("a 1,000,000-cell range works", () => {
    const big: number[][] = Array.from({ length: 1_000_000 }, () => [1]);
    const half: number[][] = Array.from({ length: 500_000 }, () => [1, 1]);
    expect(F.baselineDelta(big, half)).toBe(0);
    expect(F.ni32(Array.from({ length: 1_000_000 }, (_, i) => [i % 2]), big)).toBe(0.5);
  });
});

describe("bad arguments give the documented Excel error, never a number", () => {
  it("text in a count range is #VALUE! naming the cell", () => {
    const e = excelErrorOf(() => F.baselineDelta(col(30, "thirty", 40), [[91]]));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toContain('"thirty"');
    expect(e.message).toContain("row 2");
    expect(excelErrorOf(() => F.ni32([[46]], [[true]])).code).toBe("#VALUE!");
  });
  it("an error value inside a range is #VALUE! naming the error", () => {
    const e = excelErrorOf(() => F.shareFn(col(1, refError), [[10]]));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toContain("#REF!");
    expect(excelErrorOf(() => F.peerPositionFn([[1]], col(1, 2, { code: "#N/A" }))).message).toContain("#N/A");
  });
  it("zero denominators are #DIV/0! (no message: Excel shows none for it)", () => {
    expect(excelErrorOf(() => F.baselineDelta([[5]], [[0]])).code).toBe("#DIV/0!");
    expect(excelErrorOf(() => F.ni32([[0]], [[0]])).code).toBe("#DIV/0!");
    expect(excelErrorOf(() => F.shareFn([[1]], [[0]])).code).toBe("#DIV/0!");
    expect(excelErrorOf(() => F.changeTextFn([[1]], [[0]])).code).toBe("#DIV/0!");
    expect(excelErrorOf(() => F.baselineDelta([[5]], [[null]])).code).toBe("#DIV/0!");
    expect(excelErrorOf(() => F.baselineDelta([[5]], [[0]])).message).toBeUndefined();
  });
  it("an all-blank numerator is missing data (#N/A), not a zero", () => {
    const e = excelErrorOf(() => F.baselineDelta([[null], [""]], [[91]]));
    expect(e.code).toBe("#N/A");
    expect(e.message).toContain("current");
  });
  it("numbers outside their domain are #NUM!", () => {
    expect(excelErrorOf(() => F.ni32([[50]], [[46]])).code).toBe("#NUM!");
    expect(excelErrorOf(() => F.crimeRate([[5]], [[-1]])).code).toBe("#NUM!");
    expect(excelErrorOf(() => F.poissonZFn([[-1]], [[4]])).code).toBe("#NUM!");
  });
  it("peers: empty is #N/A, fewer than 3 for a band is #N/A", () => {
    expect(excelErrorOf(() => F.peerPositionFn([[1]], [[null]])).code).toBe("#N/A");
    expect(excelErrorOf(() => F.peerBand([[1]], col(1, 2))).code).toBe("#N/A");
  });
  it("unknown polarity is #VALUE!", () => {
    const e = excelErrorOf(() => F.rag([[1]], [[2]], "sideways"));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toContain("sideways");
  });
  it("dates as text are #VALUE! with a sentence saying how to enter them", () => {
    const e = excelErrorOf(() => F.finYear("30/06/2010"));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toContain("not a date");
    expect(excelErrorOf(() => F.finQuarter(null)).code).toBe("#VALUE!");
    expect(excelErrorOf(() => F.finYear(date(2010, 6, 30), 13)).code).toBe("#VALUE!");
    expect(excelErrorOf(() => F.ni32Cases(col("A"), col("2010-05-01"), date(2010, 4, 1), date(2010, 6, 30))).code).toBe("#VALUE!");
  });
  it("NI32_CASES: unequal ranges are #VALUE!, no case in the period is #DIV/0!", () => {
    expect(excelErrorOf(() => F.ni32Cases(col("A", "B"), col(date(2010, 5, 1)), date(2010, 4, 1), date(2010, 6, 30))).code).toBe("#VALUE!");
    expect(excelErrorOf(() => F.ni32Cases(col("A"), col(date(2009, 5, 1)), date(2010, 4, 1), date(2010, 6, 30))).code).toBe("#DIV/0!");
    expect(excelErrorOf(() => F.ni32Cases(col("A", null), col(date(2010, 5, 1), date(2010, 5, 2)), date(2010, 4, 1), date(2010, 6, 30))).message).toContain("no victim id");
  });
});
