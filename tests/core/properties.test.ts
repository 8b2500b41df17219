/** Invariants of the core, checked on generated inputs (fast-check). */
import fc from "fast-check";
import {
  change, excelRound, formatCount, positions, peerPosition, peerBandSd, ni32FromCounts, ni32FromHearings, poissonZ,
  serialToYmd, ymdToSerial, reportingWindow, windowLength, ragAgainstLevel, measureStatus, directionOfTravel,
  parsePeriodLabel, periodLabel, quarterOf, monthKey, yearLabel, parseYearLabel,
} from "../../src/core";

const count = fc.integer({ min: 0, max: 1_000_000 });
const positive = fc.integer({ min: 1, max: 1_000_000 });
const rate = fc.double({ min: 0.001, max: 1000, noNaN: true, noDefaultInfinity: true });
const polarity = fc.constantFrom("lower" as const, "higher" as const);

describe("core invariants", () => {
  it("a comparator's change with itself is 0; the sign follows current - comparator", () => {
    fc.assert(
      fc.property(positive, count, (c, x) => {
        expect(change(c, c)).toBe(0);
        expect(Math.sign(change(x, c))).toBe(Math.sign(x - c));
      })
    );
  });

  it("Excel rounding is symmetric and within half a unit", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (x) => {
        const r = excelRound(x);
        expect(excelRound(-x)).toBe(r === 0 ? 0 : -r);
        expect(Math.abs(r - x)).toBeLessThanOrEqual(0.5 + 1e-9);
      })
    );
  });

  it("positions are a permutation with ties: each is 1 + the count strictly better", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 1, maxLength: 60 }), polarity, (values, pol) => {
        const pos = positions(values, pol);
        values.forEach((v, i) => {
          expect(pos[i]).toBe(peerPosition(v, values, pol));
        });
        expect(Math.min(...pos)).toBe(1);
        // Sorted positions never skip less than ties require: position p is followed by p (tie) or p + ties
        const sorted = [...pos].sort((a, b) => a - b);
        sorted.forEach((p, k) => expect(p).toBeLessThanOrEqual(k + 1));
      })
    );
  });

  it("reversing polarity mirrors the band", () => {
    fc.assert(
      fc.property(fc.array(rate, { minLength: 3, maxLength: 40 }), fc.nat(), (group, pick) => {
        const v = group[pick % group.length] as number;
        const lo = peerBandSd(v, group, "lower").band;
        const hi = peerBandSd(v, group, "higher").band;
        const mirror = { better: "worse", worse: "better", average: "average" } as const;
        expect(hi).toBe(mirror[lo]);
      })
    );
  });

  it("NI 32 pooled is between the smallest and largest area rate", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 500 }), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 1, maxLength: 10 }), (areas) => {
        const cases = areas.map(([c]) => c);
        const repeats = areas.map(([c, f]) => Math.floor(c * f));
        const r = ni32FromCounts(repeats, cases).rate;
        const rates = areas.map((_, i) => (repeats[i] as number) / (cases[i] as number));
        expect(r).toBeGreaterThanOrEqual(Math.min(...rates) - 1e-12);
        expect(r).toBeLessThanOrEqual(Math.max(...rates) + 1e-12);
      })
    );
  });

  it("NI 32 from hearings: repeats never exceed cases, and history never adds cases", () => {
    const start = ymdToSerial({ year: 2010, month: 4, day: 1 });
    const end = ymdToSerial({ year: 2010, month: 6, day: 30 });
    const hearing = fc.record({ victim: fc.constantFrom("a", "b", "c", "d", "e"), date: fc.integer({ min: start - 500, max: end }) });
    fc.assert(
      fc.property(fc.array(hearing, { minLength: 1, maxLength: 80 }), (hs) => {
        const inPeriod = hs.filter((h) => h.date >= start);
        fc.pre(inPeriod.length > 0);
        const r = ni32FromHearings(hs, start, end);
        expect(r.cases).toBe(inPeriod.length);
        expect(r.repeats).toBeLessThanOrEqual(r.cases);
        // Without history the rate can only fall or stay.
        expect(ni32FromHearings(inPeriod, start, end).repeats).toBeLessThanOrEqual(r.repeats);
      })
    );
  });

  it("z is antisymmetric and 0 for equal counts", () => {
    fc.assert(
      fc.property(count, count, (a, b) => {
        expect(poissonZ(a, b)).toBeCloseTo(-poissonZ(b, a), 9);
        expect(poissonZ(a, a)).toBe(0);
      })
    );
  });

  it("Excel serials round-trip", () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 80_000 }), (s) => {
        expect(ymdToSerial(serialToYmd(s))).toBe(s);
      })
    );
  });

  it("year-to-date windows run from the year start to the end of the period's quarter", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2040 }), fc.integer({ min: 1, max: 12 }), fc.constantFrom(1, 4), (y, m, sm) => {
        const rw = reportingWindow({ year: y, month: m, day: 28 }, "year to date", sm);
        expect(windowLength(rw.window) % 3).toBe(0);
        expect(windowLength(rw.window)).toBe(rw.quarter.quarter * 3);
        expect(windowLength(reportingWindow({ year: y, month: m, day: 28 }, "rolling 12 months", sm).window)).toBe(12);
      })
    );
  });

  it("period labels round-trip through the parser", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2090 }), fc.integer({ min: 1, max: 12 }), fc.constantFrom(1, 4), (y, m, sm) => {
        const q = quarterOf(monthKey(y, m), sm);
        const ref = { kind: "quarter" as const, ...q };
        expect(parsePeriodLabel(periodLabel(ref, sm), sm)).toEqual(ref);
        expect(parseYearLabel(yearLabel(y, sm), sm)).toBe(y);
      })
    );
  });

  it("status is monotone: a better value never gets a worse status", () => {
    const order = { green: 0, amber: 1, red: 2 } as const;
    fc.assert(
      fc.property(count, count, positive, (a, b, level) => {
        const [better, worse] = a <= b ? [a, b] : [b, a];
        expect(order[ragAgainstLevel(better, level, "lower")]).toBeLessThanOrEqual(order[ragAgainstLevel(worse, level, "lower")]);
        const s = measureStatus({ kind: "below baseline" }, a, level);
        expect(["green", "amber", "red"]).toContain(s);
        expect(["up", "down", "level"]).toContain(directionOfTravel(a, level));
      })
    );
  });

  it("formatCount prints Excel's rounding of any count with en-GB separators, as toLocaleString does", () => {
    expect([2879, 1234567.5, -1234.5, 0.4, -0.4].map(formatCount)).toEqual([
      "2,879",
      "1,234,568",
      "-1,235",
      "0",
      "0",
    ]);
    fc.assert(
      fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), (x) => {
        expect(formatCount(x)).toBe(excelRound(x, 0).toLocaleString("en-GB"));
      })
    );
  });
});
