import { installCustomFunctionsStub, excelErrorOf, StubExcelError } from "../support/custom-functions-stub";

installCustomFunctionsStub();
// Imported after the stub: the functions build errors with the global at call time.
import * as F from "../../src/functions/functions";

/**
 * A year these tests alone use (not the core tests' series), worked by hand:
 * sum 312, mean 26; moving ranges 4 2 5 8 4 2 4 5 4 2 1 (sum 41); limits 26 ∓ 2.66 × 41/11
 * = 16.0855.. and 35.9145..; outer thirds above 32.6097.. and below 19.3903... Its last point is 26,
 * on the mean.
 */
const YEAR = [23, 27, 25, 30, 22, 26, 28, 24, 29, 25, 27, 26];
const MR = 41 / 11;
const col = (...xs: unknown[]) => xs.map((x) => [x]);
const row = (...xs: unknown[]) => [xs];
/** The year, then `more`, as a column; limits from the year (12 points). */
const variation = (more: number[], polarity?: string) =>
  F.spcVariationFn(col(...YEAR, ...more), polarity, 12);

describe("CDRP.SPC_LIMITS", () => {
  it("spills mean, lower limit and upper limit as one row", () => {
    const out = F.spcLimitsFn(col(...YEAR));
    expect(out).toHaveLength(1);
    expect(out[0]).toHaveLength(3);
    const [mean, lower, upper] = out[0] as number[];
    expect(mean).toBe(26);
    expect(lower).toBeCloseTo(26 - 2.66 * MR, 12);
    expect(upper).toBeCloseTo(26 + 2.66 * MR, 12);
  });
  it("reads a row as it reads a column", () => {
    expect(F.spcLimitsFn(row(...YEAR))).toEqual(F.spcLimitsFn(col(...YEAR)));
  });
  it("sets the limits from the first k points when asked", () => {
    const later = [40, 41, 39, 42, 40, 41];
    expect(F.spcLimitsFn(col(...YEAR, ...later), 12)).toEqual(F.spcLimitsFn(col(...YEAR)));
    const all = F.spcLimitsFn(col(...YEAR, ...later))[0] as number[];
    expect(all[0]).toBeCloseTo((312 + 243) / 18, 12);
    // Moving ranges: the year's 41, then 14 (26 -> 40), 1, 2, 3, 2, 1.
    expect(all[2]).toBeCloseTo((312 + 243) / 18 + (2.66 * (41 + 23)) / 17, 12);
  });
  it("skips blank cells before the first month and after the last", () => {
    expect(F.spcLimitsFn(col(null, "", ...YEAR, undefined, null))).toEqual(
      F.spcLimitsFn(col(...YEAR))
    );
    expect(F.spcLimitsFn(row(null, ...YEAR, ""))).toEqual(F.spcLimitsFn(col(...YEAR)));
  });
  it("works on rates", () => {
    const [mean, lower, upper] = F.spcLimitsFn(col(...YEAR.map((x) => x / 1000)))[0] as number[];
    expect(mean).toBeCloseTo(0.026, 15);
    expect(lower).toBeCloseTo((26 - 2.66 * MR) / 1000, 12);
    expect(upper).toBeCloseTo((26 + 2.66 * MR) / 1000, 12);
  });
});

describe("CDRP.SPC_VARIATION, each rule and each polarity", () => {
  it("common cause", () => {
    expect(F.spcVariationFn(col(...YEAR))).toBe("Common cause");
    expect(variation([27, 24])).toBe("Common cause");
  });
  it("outside the limits", () => {
    expect(variation([37])).toBe("Special cause: concerning high");
    expect(variation([37], "higher")).toBe("Special cause: improving high");
    expect(variation([15])).toBe("Special cause: improving low");
    expect(variation([15], "higher is better")).toBe("Special cause: concerning low");
  });
  it("a trend of seven rising or falling points", () => {
    expect(variation([20, 21, 23, 24, 27, 29, 31])).toBe("Special cause: concerning high");
    expect(variation([20, 21, 23, 24, 27, 29, 31], "higher")).toBe("Special cause: improving high");
    expect(variation([31, 29, 27, 24, 23, 21, 20])).toBe("Special cause: improving low");
    // An equal neighbour ends the run.
    expect(variation([20, 21, 23, 23, 24, 27, 29, 31])).toBe("Common cause");
  });
  it("two out of three in the outer third", () => {
    expect(variation([33, 27, 34])).toBe("Special cause: concerning high");
    expect(variation([33, 27, 34], "higher")).toBe("Special cause: improving high");
    expect(variation([19, 25, 18])).toBe("Special cause: improving low");
    // The latest point is not in the outer third itself: it is not the signal.
    expect(variation([33, 34, 27])).toBe("Common cause");
  });
  it("a shift of seven on one side of the mean (the year's last point, on the mean, ends a run)", () => {
    expect(variation([24, 25, 23, 25, 24, 22, 25])).toBe("Special cause: improving low");
    expect(variation([24, 25, 23, 25, 24, 22, 25], "higher")).toBe("Special cause: concerning low");
    expect(variation([24, 25, 23, 25, 24, 22])).toBe("Common cause");
    expect(variation([27, 28, 27, 26, 28, 27, 28])).toBe("Common cause");
  });
  it("judged against limits from all points when no baseline is given", () => {
    // With all 13 points the limits widen around 37 less than it stands out: still outside?
    // Mean (312 + 37) / 13 = 26.846; MR (41 + 11) / 12 = 4.333; upper 38.37: inside.
    expect(F.spcVariationFn(col(...YEAR, 37))).toBe("Common cause");
    expect(F.spcVariationFn(col(...YEAR, 37), "lower", 12)).toBe("Special cause: concerning high");
  });
});

describe("CDRP.SPC_ASSURANCE, each way", () => {
  it("lower is better: the target is a ceiling", () => {
    expect(F.spcAssuranceFn(col(...YEAR), [[40]])).toBe("Consistently meets target");
    expect(F.spcAssuranceFn(col(...YEAR), [[15]])).toBe("Consistently misses target");
    expect(F.spcAssuranceFn(col(...YEAR), [[30]])).toBe("Hit and miss");
  });
  it("higher is better: the target is a floor", () => {
    expect(F.spcAssuranceFn(col(...YEAR), [[15]], "higher")).toBe("Consistently meets target");
    expect(F.spcAssuranceFn(col(...YEAR), [[40]], "higher")).toBe("Consistently misses target");
    expect(F.spcAssuranceFn(col(...YEAR), [[30]], "higher")).toBe("Hit and miss");
  });
  it("limits from the first k points", () => {
    const drift = [40, 41, 39, 42, 40, 41];
    expect(F.spcAssuranceFn(col(...YEAR, ...drift), [[37]])).toBe("Hit and miss");
    expect(F.spcAssuranceFn(col(...YEAR, ...drift), [[37]], "lower", 12)).toBe(
      "Consistently meets target"
    );
  });
});

describe("every error", () => {
  const all = [F.spcLimitsFn, F.spcVariationFn, (v: unknown[][]) => F.spcAssuranceFn(v, [[30]])];
  it("a blank between values is #VALUE! naming its position", () => {
    for (const fn of all) {
      const e = excelErrorOf(() => fn(col(...YEAR.slice(0, 4), null, ...YEAR.slice(4))));
      expect(e.code).toBe("#VALUE!");
      expect(e.message).toContain("row 5 of the range");
      expect(e.message).toContain("blank");
    }
    const r = excelErrorOf(() => F.spcLimitsFn(row(...YEAR.slice(0, 2), "", ...YEAR.slice(2))));
    expect(r.message).toContain("column 3 of the range");
  });
  it("text, logical and error values are #VALUE! naming the cell", () => {
    const t = excelErrorOf(() => F.spcLimitsFn(col(...YEAR.slice(0, 6), "n/a", ...YEAR.slice(6))));
    expect(t.code).toBe("#VALUE!");
    expect(t.message).toContain('"n/a"');
    expect(t.message).toContain("row 7");
    expect(excelErrorOf(() => F.spcVariationFn(col(true, ...YEAR))).code).toBe("#VALUE!");
    const ref = excelErrorOf(() => F.spcAssuranceFn(col(...YEAR, new StubExcelError("#REF!")), [[3]]));
    expect(ref.code).toBe("#VALUE!");
    expect(ref.message).toContain("#REF!");
  });
  it("a block wider and taller than one cell is #VALUE!", () => {
    const block = [YEAR.slice(0, 6), YEAR.slice(6)];
    for (const fn of all) {
      const e = excelErrorOf(() => fn(block));
      expect(e.code).toBe("#VALUE!");
      expect(e.message).toContain("one row or one column");
    }
  });
  it("fewer than 12 points is #N/A, blanks at the ends not counted", () => {
    for (const fn of all) {
      const e = excelErrorOf(() => fn(col(null, ...YEAR.slice(1), null)));
      expect(e.code).toBe("#N/A");
      expect(e.message).toContain("11");
    }
  });
  it("a baseline under 12 or longer than the series is #NUM!", () => {
    expect(excelErrorOf(() => F.spcLimitsFn(col(...YEAR), 11)).code).toBe("#NUM!");
    expect(excelErrorOf(() => F.spcLimitsFn(col(...YEAR), 13)).code).toBe("#NUM!");
    expect(excelErrorOf(() => F.spcVariationFn(col(...YEAR), "lower", 12.5)).code).toBe("#NUM!");
    expect(excelErrorOf(() => F.spcAssuranceFn(col(...YEAR), [[3]], "lower", 0)).code).toBe("#NUM!");
    expect(excelErrorOf(() => F.spcLimitsFn(col(...YEAR), "twelve")).code).toBe("#VALUE!");
  });
  it("an unknown polarity is #VALUE!", () => {
    const e = excelErrorOf(() => F.spcVariationFn(col(...YEAR), "up"));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toContain('"up"');
    expect(excelErrorOf(() => F.spcAssuranceFn(col(...YEAR), [[3]], "sideways")).code).toBe("#VALUE!");
  });
  it("a blank target is #N/A", () => {
    expect(excelErrorOf(() => F.spcAssuranceFn(col(...YEAR), [[null]])).code).toBe("#N/A");
  });
});

describe("a whole column", () => {
  // Found by the bench: Math.max(...rows) over a million-row column threw a RangeError (#VALUE!).
  it("takes a series longer than a function can take arguments (no spreading)", () => {
    const column = Array.from({ length: 300_000 }, (_, i) => [YEAR[i % 12] as number]);
    expect(F.spcVariationFn(column)).toBe("Common cause");
    const [mean] = F.spcLimitsFn(column)[0] as number[];
    expect(mean).toBeCloseTo(26, 9);
  });
});
