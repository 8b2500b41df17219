/**
 * SPC (metrics.md, "Variation over time"): worked series, one per rule firing alone, then rules
 * competing, ties, limits from the first k points and rates; then properties (fast-check).
 *
 * Most series extend one quiet year whose limits are worked by hand:
 * BASE = 10 12 9 11 repeated three times; mean 10.5; moving ranges 2 3 2 1 2 3 2 1 2 3 2 (sum 23,
 * mean 23/11); limits 10.5 ∓ 2.66 × 23/11 = 4.938.. and 16.061..; outer thirds beyond 14.207.. and
 * below 6.792... With `baselinePoints` 12 the extra points are judged against those limits.
 */
import fc from "fast-check";
import {
  CoreError,
  spcAnalysis,
  spcAssurance,
  spcLimits,
  spcSignals,
  spcVariationWords,
  SpcSignal,
} from "../../src/core";

const BASE = [10, 12, 9, 11, 10, 12, 9, 11, 10, 12, 9, 11];
const MR = 23 / 11;
const judged = (extra: number[], polarity: "lower" | "higher" = "lower") =>
  spcAnalysis([...BASE, ...extra], polarity, 12);
/** The signals of the points after the base year, as "rule side" or "-". */
const tail = (extra: number[]) =>
  judged(extra).signals.slice(12).map((s) => (s ? `${s.rule} ${s.side}` : "-"));

const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof CoreError ? e.code : String(e);
  }
  return null;
};

describe("XmR limits", () => {
  it("mean ∓ 2.66 × mean moving range, worked by hand", () => {
    const l = spcLimits(BASE);
    expect(l.mean).toBe(10.5);
    expect(l.movingRange).toBeCloseTo(MR, 12);
    expect(l.lower).toBeCloseTo(10.5 - 2.66 * MR, 12);
    expect(l.upper).toBeCloseTo(10.5 + 2.66 * MR, 12);
    expect(l.lower).toBeCloseTo(4.9382, 4);
    expect(l.upper).toBeCloseTo(16.0618, 4);
    expect(l.baselinePoints).toBe(12);
  });

  it("from the first k points only, when the process changed after them", () => {
    const all = spcLimits([...BASE, 30, 31, 29]);
    const first = spcLimits([...BASE, 30, 31, 29], 12);
    expect(first).toEqual(spcLimits(BASE));
    expect(first.baselinePoints).toBe(12);
    expect(all.baselinePoints).toBe(15);
    expect(all.mean).toBeCloseTo((126 + 90) / 15, 12);
    // Moving ranges of all 15: the base's 23, then 19 (11 -> 30), 1 and 2.
    expect(all.movingRange).toBeCloseTo((23 + 19 + 1 + 2) / 14, 12);
  });

  it("does not floor the lower limit at zero", () => {
    const l = spcLimits([0, 5, 0, 5, 0, 5, 0, 5, 0, 5, 0, 5]);
    expect(l.lower).toBeCloseTo(2.5 - 2.66 * 5, 12);
    expect(l.lower).toBeLessThan(0);
  });

  it("refuses series and baselines outside the rules", () => {
    expect(codeOf(() => spcLimits(BASE.slice(0, 11)))).toBe("NA");
    expect(codeOf(() => spcLimits(BASE, 11))).toBe("NUM");
    expect(codeOf(() => spcLimits(BASE, 13))).toBe("NUM");
    expect(codeOf(() => spcLimits(BASE, 12.5))).toBe("NUM");
    expect(codeOf(() => spcLimits([...BASE.slice(0, 11), NaN]))).toBe("VALUE");
  });
});

describe("each rule firing alone", () => {
  it("the quiet year is common cause throughout", () => {
    const r = spcAnalysis(BASE, "lower");
    expect(r.signals.every((s) => s === null)).toBe(true);
    expect(r.variation).toBe("common");
    expect(spcVariationWords(r.variation, r.side)).toBe("Common cause");
  });

  it("1 outside the limits: a point above the upper limit", () => {
    expect(tail([20])).toEqual(["outside high"]);
    expect(tail([4])).toEqual(["outside low"]);
    const r = judged([20]);
    expect(spcVariationWords(r.variation, r.side)).toBe("Special cause: concerning high");
    expect(r.signals.slice(0, 12).every((s) => s === null)).toBe(true);
  });

  it("2 a trend: seven points each higher than the one before, across the mean", () => {
    expect(tail([7, 8, 9, 10, 11, 12, 13])).toEqual(Array(7).fill("trend high"));
    const r = judged([7, 8, 9, 10, 11, 12, 13]);
    expect(spcVariationWords(r.variation, r.side)).toBe("Special cause: concerning high");
    // Each lower: a falling trend is low.
    expect(tail([13, 12, 11, 10, 9, 8, 7])).toEqual(Array(7).fill("trend low"));
    // Six rising points are not enough.
    expect(tail([8, 9, 10, 11, 12, 13])).toEqual(Array(6).fill("-"));
  });

  it("2 a trend: an equal neighbour ends it", () => {
    expect(tail([7, 8, 9, 9, 10, 11, 12, 13])).toEqual(Array(8).fill("-"));
  });

  it("3 two out of three: the points in the outer third are the signal, not the third point", () => {
    expect(tail([15, 11, 15])).toEqual(["twoOfThree high", "-", "twoOfThree high"]);
    expect(tail([6, 6.5, 10])).toEqual(["twoOfThree low", "twoOfThree low", "-"]);
    const r = judged([15, 11, 15], "higher");
    expect(spcVariationWords(r.variation, r.side)).toBe("Special cause: improving high");
  });

  it("3 two out of three: a point beyond a limit is not in the outer third of the band", () => {
    expect(tail([17, 15, 11])).toEqual(["outside high", "-", "-"]);
  });

  it("4 a shift: seven or more points on one side of the mean", () => {
    // The base's last point (11) is above the mean too: a run of eight, all of it the signal.
    const r = judged([11, 12, 11, 12, 11, 12, 11]);
    expect(r.signals.slice(11).map((s) => s?.rule)).toEqual(Array(8).fill("shift"));
    expect(r.signals[10]).toBeNull();
    expect(spcVariationWords(r.variation, r.side)).toBe("Special cause: concerning high");
    expect(tail([10, 9, 10, 9, 10, 9, 10])).toEqual(Array(7).fill("shift low"));
  });
});

describe("ties and competing rules", () => {
  it("a point on the mean ends a shift", () => {
    expect(tail([11, 12, 11, 10.5, 12, 11, 12])).toEqual(Array(7).fill("-"));
  });

  it("a point on the mean breaks two out of three", () => {
    expect(tail([15, 10.5, 15])).toEqual(["-", "-", "-"]);
  });

  it("outside comes before a shift it is part of", () => {
    const r = judged([11, 12, 11, 12, 11, 12, 20]);
    expect(r.rule).toBe("outside");
    expect(r.signals[17]).toEqual({ rule: "shift", side: "high" });
  });

  it("a falling trend above the mean is low: the trend comes before the shift", () => {
    const r = judged([16, 15, 14, 13.5, 13, 12, 11]);
    expect(r.signals.slice(12).map((s) => s && `${s.rule} ${s.side}`)).toEqual(
      Array(7).fill("trend low")
    );
    expect(r.signals[11]).toEqual({ rule: "shift", side: "high" });
    expect(spcVariationWords(r.variation, r.side)).toBe("Special cause: improving low");
    expect(judged([16, 15, 14, 13.5, 13, 12, 11], "higher").variation).toBe("concerning");
  });

  it("two out of three comes before a shift", () => {
    const r = judged([11, 12, 11, 12, 15, 11, 15]);
    expect(r.signals.slice(12).map((s) => s?.rule ?? "-")).toEqual([
      "shift", "shift", "shift", "shift", "twoOfThree", "shift", "twoOfThree",
    ]);
  });

  it("a peak shared by a rise and a fall takes the later trend's side", () => {
    const v = [...BASE, 5, 6, 7, 8, 9, 10, 11, 10, 9, 8, 7, 6, 5];
    const s = spcSignals(v, spcLimits(v, 12));
    expect(s[17]).toEqual({ rule: "trend", side: "high" });
    expect(s[18]).toEqual({ rule: "trend", side: "low" });
    expect(s[19]).toEqual({ rule: "trend", side: "low" });
  });
});

describe("rates as well as counts", () => {
  const rates = (xs: number[]) => xs.map((x) => x / 100);
  it("scales limits and keeps the signals of the same counts", () => {
    const l = spcLimits(rates(BASE));
    expect(l.mean).toBeCloseTo(0.105, 14);
    expect(l.upper).toBeCloseTo(0.160618, 6);
    for (const extra of [[20], [7, 8, 9, 10, 11, 12, 13], [15, 11, 15], [11, 12, 11, 12, 11, 12, 11]]) {
      const r = spcAnalysis(rates([...BASE, ...extra]), "lower", 12);
      expect(r.signals).toEqual(judged(extra).signals);
    }
  });
  it("a rate on the mean is on it despite binary rounding (0.1, 0.2, 0.3 has mean 0.2)", () => {
    const v = [0.1, 0.3, 0.2, 0.1, 0.3, 0.2, 0.1, 0.3, 0.2, 0.1, 0.3, 0.2];
    const l = spcLimits(v);
    expect(l.mean).not.toBe(0.2); // binary noise: this is why ties need a tolerance
    const shifted = [...v, 0.25, 0.26, 0.25, 0.2, 0.27, 0.25, 0.26];
    const s = spcSignals(shifted, l);
    expect(s.slice(12).every((x) => x === null)).toBe(true);
  });
});

describe("assurance against a target", () => {
  const l = spcLimits(BASE); // 4.94 .. 16.06
  it("lower is better: meets when the upper limit is at or below the target", () => {
    expect(spcAssurance(l, 17, "lower")).toBe("meets");
    expect(spcAssurance(l, l.upper, "lower")).toBe("meets");
    expect(spcAssurance(l, 4, "lower")).toBe("misses");
    expect(spcAssurance(l, l.lower, "lower")).toBe("hitAndMiss");
    expect(spcAssurance(l, 10, "lower")).toBe("hitAndMiss");
  });
  it("higher is better: meets when the lower limit is at or above the target", () => {
    expect(spcAssurance(l, 4, "higher")).toBe("meets");
    expect(spcAssurance(l, l.lower, "higher")).toBe("meets");
    expect(spcAssurance(l, 17, "higher")).toBe("misses");
    expect(spcAssurance(l, l.upper, "higher")).toBe("hitAndMiss");
  });
});

describe("SPC invariants", () => {
  const series = fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 12, maxLength: 60 });
  const close = (a: number, b: number) =>
    expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(a), Math.abs(b)));

  it("shifting every value by c shifts the mean and both limits by c", () => {
    fc.assert(
      fc.property(series, fc.double({ min: -1e4, max: 1e4, noNaN: true }), (v, c) => {
        const a = spcLimits(v);
        const b = spcLimits(v.map((x) => x + c));
        close(b.mean, a.mean + c);
        close(b.lower, a.lower + c);
        close(b.upper, a.upper + c);
        close(b.movingRange, a.movingRange);
      })
    );
  });

  it("a constant series has zero-width limits and no signal", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.integer({ min: 12, max: 80 }),
        (x, n) => {
          const r = spcAnalysis(Array(n).fill(x), "lower");
          expect(r.limits.lower).toBe(r.limits.upper);
          expect(r.limits.movingRange).toBe(0);
          expect(r.signals.every((s) => s === null)).toBe(true);
          expect(r.variation).toBe("common");
        }
      )
    );
  });

  it("reversing polarity swaps improving and concerning, and keeps the side", () => {
    const swap = { common: "common", improving: "concerning", concerning: "improving" } as const;
    fc.assert(
      fc.property(series, (v) => {
        const lower = spcAnalysis(v, "lower");
        const higher = spcAnalysis(v, "higher");
        expect(higher.variation).toBe(swap[lower.variation]);
        expect(higher.side).toBe(lower.side);
        expect(higher.signals).toEqual(lower.signals);
      })
    );
  });

  it("negating the series mirrors every signal (high <-> low)", () => {
    const mirror = (s: SpcSignal | null) =>
      s && { rule: s.rule, side: s.side === "high" ? "low" : "high" };
    fc.assert(
      fc.property(series, (v) => {
        const a = spcSignals(v, spcLimits(v));
        const neg = v.map((x) => (x === 0 ? 0 : -x));
        expect(spcSignals(neg, spcLimits(neg))).toEqual(a.map(mirror));
      })
    );
  });
});
