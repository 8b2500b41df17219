/** The published figures of the Q1 2010-11 report (../shared/reference) as acceptance tests. */
import {
  change, changeText, roundedPercentChange, poissonZ, isSignificant, ni32FromCounts, share,
  ragAgainstLevel, measureStatus, formatPercent, peerPosition,
} from "../../src/core";

describe("changes against a comparator (report figures)", () => {
  it.each([
    [105, 91, 0.1538, 15],
    [31, 49, -0.3673, -37],
    [182, 179, 0.0168, 2],
    [182, 158, 0.1519, 15],
  ])("%d vs %d", (current, comparator, fraction, pct) => {
    expect(change(current, comparator)).toBeCloseTo(fraction, 4);
    expect(roundedPercentChange(current, comparator)).toBe(pct);
  });

  it("words the change as the report does", () => {
    expect(changeText(105, 91, "2008-09")).toBe("15% higher than for 2008-09 (91)");
    expect(changeText(31, 49, "2008-09")).toBe("37% lower than for 2008-09 (49)");
    expect(changeText(182, 179, "2008-09")).toBe("2% higher than for 2008-09 (179)");
  });
});

describe("status (RAG) as the report colours it", () => {
  it("dwelling burglary 105 vs 91 is red, thefts of vehicles 31 vs 49 green, thefts from vehicles 182 vs 179 amber", () => {
    const target = { kind: "below baseline" as const };
    expect(measureStatus(target, 105, 91)).toBe("red");
    expect(measureStatus(target, 31, 49)).toBe("green");
    expect(measureStatus(target, 182, 179)).toBe("amber");
  });
  it("NI 32 at 31.5% against 'no higher than 28%' is red", () => {
    expect(measureStatus({ kind: "at most", value: 0.28 }, 46 / 146, null)).toBe("red");
    expect(ragAgainstLevel(0.315, 0.28, "lower")).toBe("red");
  });
});

describe("significance (Wheeler's test)", () => {
  it("burglary +1.42 is not significant; thefts of vehicles -2.86 is", () => {
    expect(poissonZ(105, 91)).toBeCloseTo(1.415, 3);
    expect(isSignificant(poissonZ(105, 91))).toBe(false);
    expect(poissonZ(31, 49)).toBeCloseTo(-2.864, 3);
    expect(isSignificant(poissonZ(31, 49))).toBe(true);
  });
});

describe("NI 32 and shares", () => {
  it("46 / 146 = 31.5%, pooled", () => {
    const r = ni32FromCounts([46], [146]);
    expect(r.rate).toBeCloseTo(0.3151, 4);
    expect(formatPercent(r.rate, 1)).toBe("31.5%");
  });
  it("never averages area percentages: 27% and 34% of unequal areas are not 30.5%", () => {
    const pooled = ni32FromCounts([20, 26], [74, 72]).rate;
    expect(pooled).toBeCloseTo(46 / 146, 10);
    expect(pooled).not.toBeCloseTo((20 / 74 + 26 / 72) / 2, 4);
  });
  it("South Cambridgeshire's share of IDVAS referrals: 12% in Q1, 14% in 2009-10", () => {
    expect(share(33, 268)).toBeCloseTo(0.1231, 4);
    expect(formatPercent(share(33, 268))).toBe("12%");
    expect(share(136, 985)).toBeCloseTo(0.1381, 4);
    expect(formatPercent(share(136, 985))).toBe("14%");
  });
  it("12th of 15 means 11 members are strictly better", () => {
    const peers = [1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 1.8, 1.9, 2.0, 2.1, 2.5, 2.9, 3.0, 3.3];
    expect(peerPosition(2.5, peers, "lower")).toBe(12);
  });
});
