import {
  CoreError, excelRound, formatPercent, serialToYmd, ymdToSerial, addMonths, parseIsoDate,
  parseYearLabel, parsePeriodLabel, periodLabel, reportingWindow, windowPhrase, shiftBack, quarterOf, monthKey,
  yearLabel, changeText, change, ragAgainstLevel, directionOfTravel, measureStatus, peerBandSd, peerBandCi,
  positions, ordinal, movementPhrase, rate, ni32FromCounts, ni32FromHearings, poissonCountInterval, countNoun,
} from "../../src/core";

const serial = (y: number, m: number, d: number) => ymdToSerial({ year: y, month: m, day: d });

function codeOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof CoreError) return e.code;
    throw e;
  }
  return "no error";
}

describe("rounding", () => {
  it("rounds half away from zero like Excel's ROUND", () => {
    expect(excelRound(2.5)).toBe(3);
    expect(excelRound(-2.5)).toBe(-3);
    expect(excelRound(1.005, 2)).toBe(1.01);
    expect(excelRound(-0.4)).toBe(0);
    expect(Object.is(excelRound(-0.4), -0)).toBe(false);
    expect(formatPercent(0.315068, 1)).toBe("31.5%");
  });
});

describe("Excel dates", () => {
  it("maps serials both ways, including the 1900 leap-year bug", () => {
    expect(serialToYmd(40359)).toEqual({ year: 2010, month: 6, day: 30 });
    expect(serial(2010, 6, 30)).toBe(40359);
    expect(serialToYmd(1)).toEqual({ year: 1900, month: 1, day: 1 });
    expect(serialToYmd(59)).toEqual({ year: 1900, month: 2, day: 28 });
    expect(serialToYmd(61)).toEqual({ year: 1900, month: 3, day: 1 });
    expect(serial(1900, 3, 1)).toBe(61);
    expect(codeOf(() => serialToYmd(0))).toBe("VALUE");
  });
  it("adds months with end-of-month clamping", () => {
    expect(addMonths({ year: 2012, month: 2, day: 29 }, -12)).toEqual({ year: 2011, month: 2, day: 28 });
    expect(addMonths({ year: 2010, month: 1, day: 31 }, 1)).toEqual({ year: 2010, month: 2, day: 28 });
  });
  it("parses only real ISO dates", () => {
    expect(parseIsoDate("2010-06-30")).toEqual({ year: 2010, month: 6, day: 30 });
    expect(parseIsoDate("2010-02-30")).toBeNull();
    expect(parseIsoDate("30/06/2010")).toBeNull();
  });
});

describe("periods", () => {
  it("labels financial and calendar years and quarters", () => {
    expect(yearLabel(2010, 4)).toBe("2010-11");
    expect(yearLabel(1999, 4)).toBe("1999-00");
    expect(yearLabel(2020, 1)).toBe("2020");
    expect(quarterOf(monthKey(2010, 6), 4)).toEqual({ startYear: 2010, quarter: 1 });
    expect(quarterOf(monthKey(2011, 3), 4)).toEqual({ startYear: 2010, quarter: 4 });
    expect(quarterOf(monthKey(2020, 3), 1)).toEqual({ startYear: 2020, quarter: 1 });
  });
  it("parses year and period labels in the forms the tables use", () => {
    expect(parseYearLabel("2008-09", 4)).toBe(2008);
    expect(parseYearLabel("2008/09", 4)).toBe(2008);
    expect(parseYearLabel("2008-10", 4)).toBeNull();
    expect(parseYearLabel("2008", 4)).toBeNull();
    expect(parseYearLabel("2020", 1)).toBe(2020);
    expect(parsePeriodLabel("Q1 2010-11", 4)).toEqual({ kind: "quarter", startYear: 2010, quarter: 1 });
    expect(parsePeriodLabel("2009-10 Q3", 4)).toEqual({ kind: "quarter", startYear: 2009, quarter: 3 });
    expect(parsePeriodLabel("2009-10", 4)).toEqual({ kind: "year", startYear: 2009 });
    expect(parsePeriodLabel("Q5 2009-10", 4)).toBeNull();
    expect(periodLabel({ kind: "quarter", startYear: 2010, quarter: 1 }, 4)).toBe("Q1 2010-11");
  });
  it("builds the year-to-date, quarter and rolling windows", () => {
    const q1 = reportingWindow({ year: 2010, month: 6, day: 30 }, "year to date", 4);
    expect(q1.label).toBe("Q1 2010-11");
    expect(q1.window).toEqual({ start: monthKey(2010, 4), end: monthKey(2010, 6) });
    expect(q1.ended).toBe(true);
    expect(windowPhrase(q1, "year to date", 4)).toBe("the first three months of 2010-11");
    const q2 = reportingWindow({ year: 2010, month: 9, day: 30 }, "year to date", 4);
    expect(q2.window).toEqual({ start: monthKey(2010, 4), end: monthKey(2010, 9) });
    expect(windowPhrase(q2, "year to date", 4)).toBe("the first six months of 2010-11");
    const q4 = reportingWindow({ year: 2011, month: 3, day: 31 }, "year to date", 4);
    expect(windowPhrase(q4, "year to date", 4)).toBe("2010-11");
    const quarter = reportingWindow({ year: 2010, month: 9, day: 30 }, "quarter", 4);
    expect(quarter.window).toEqual({ start: monthKey(2010, 7), end: monthKey(2010, 9) });
    const rolling = reportingWindow({ year: 2010, month: 6, day: 30 }, "rolling 12 months", 4);
    expect(rolling.window).toEqual({ start: monthKey(2009, 7), end: monthKey(2010, 6) });
    expect(windowPhrase(rolling, "rolling 12 months", 4)).toBe("the 12 months to June 2010");
    expect(shiftBack(q1.window, 2)).toEqual({ start: monthKey(2008, 4), end: monthKey(2008, 6) });
  });
  it("knows when a window has not ended by the period end", () => {
    expect(reportingWindow({ year: 2010, month: 5, day: 31 }, "year to date", 4).ended).toBe(false);
    expect(reportingWindow({ year: 2010, month: 6, day: 29 }, "quarter", 4).ended).toBe(false);
  });
});

describe("change and status edge cases", () => {
  it("a zero comparator is a DIV0 error, never Infinity", () => {
    expect(codeOf(() => change(5, 0))).toBe("DIV0");
    expect(codeOf(() => changeText(5, 0))).toBe("DIV0");
  });
  it("words tiny and zero changes honestly", () => {
    expect(changeText(1001, 1000, "2008-09")).toBe("less than 1% higher than for 2008-09 (1,000)");
    expect(changeText(91, 91, "2008-09")).toBe("the same as for 2008-09 (91)");
    expect(changeText(105, 91)).toBe("15% higher than 91");
  });
  it("'below baseline' is not met by equalling the baseline", () => {
    expect(measureStatus({ kind: "below baseline" }, 91, 91)).toBe("amber");
    expect(ragAgainstLevel(0.28, 0.28, "lower")).toBe("green");
  });
  it("higher-is-better targets", () => {
    expect(measureStatus({ kind: "increase on baseline", fraction: 0.5 }, 150, 100)).toBe("green");
    expect(measureStatus({ kind: "increase on baseline", fraction: 0.5 }, 145, 100)).toBe("amber");
    expect(measureStatus({ kind: "increase on baseline", fraction: 0.5 }, 120, 100)).toBe("red");
    expect(measureStatus({ kind: "at least", value: 10 }, 9.6, null)).toBe("amber");
  });
  it("n/a without a target, a value or a baseline", () => {
    expect(measureStatus({ kind: "none" }, 5, 4)).toBe("n/a");
    expect(measureStatus({ kind: "below baseline" }, 5, null)).toBe("n/a");
    expect(measureStatus({ kind: "at most", value: 1 }, null, null)).toBe("n/a");
  });
  it("amber is exactly at the tolerance edge, red beyond it", () => {
    expect(ragAgainstLevel(105, 100, "lower", 0.05)).toBe("amber");
    expect(ragAgainstLevel(105.01, 100, "lower", 0.05)).toBe("red");
  });
  it("direction of travel", () => {
    expect(directionOfTravel(105, 117)).toBe("down");
    expect(directionOfTravel(182, 158)).toBe("up");
    expect(directionOfTravel(100, 97)).toBe("level");
    expect(directionOfTravel(0, 0)).toBe("level");
  });
});

describe("peers", () => {
  it("ranks with ties sharing a position", () => {
    expect(positions([1, 2, 2, 3], "lower")).toEqual([1, 2, 2, 4]);
    expect(positions([1, 2, 2, 3], "higher")).toEqual([4, 2, 2, 1]);
  });
  it("bands by mean +/- one sample SD", () => {
    const group = [1, 2, 3, 4, 5];
    // mean 3, sd 1.58
    expect(peerBandSd(1, group, "lower").band).toBe("better");
    expect(peerBandSd(3, group, "lower").band).toBe("average");
    expect(peerBandSd(5, group, "lower").band).toBe("worse");
    expect(peerBandSd(5, group, "higher").band).toBe("better");
    expect(codeOf(() => peerBandSd(1, [1, 2], "lower"))).toBe("NA");
  });
  it("bands by the 95% Poisson interval", () => {
    // 100 crimes in 100,000 people: 1.0 per 1,000, interval about 0.81..1.22
    expect(peerBandCi(100, 100_000, 1.5, "lower")).toBe("better");
    expect(peerBandCi(100, 100_000, 1.1, "lower")).toBe("average");
    expect(peerBandCi(100, 100_000, 0.6, "lower")).toBe("worse");
  });
  it("writes ordinals and movements", () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 111, 112].map(ordinal)).toEqual([
      "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "111th", "112th",
    ]);
    expect(movementPhrase(3, 4)).toBe("slipped from 3rd to 4th");
    expect(movementPhrase(5, 3)).toBe("improved from 5th to 3rd");
    expect(movementPhrase(12, 12)).toBe("remains in 12th");
  });
});

describe("rates, intervals and NI 32", () => {
  it("rate per 1,000 and its errors", () => {
    expect(rate(105, 140_000)).toBeCloseTo(0.75, 10);
    expect(rate(5, 200, 100)).toBe(2.5);
    expect(codeOf(() => rate(5, 0))).toBe("NUM");
    expect(codeOf(() => rate(5, -3))).toBe("NUM");
  });
  it("Byar's interval matches the exact Poisson interval closely", () => {
    // Exact 95% limits for 10 events: 4.795, 18.390
    const i = poissonCountInterval(10);
    expect(i.lower).toBeCloseTo(4.795, 1);
    expect(i.upper).toBeCloseTo(18.39, 1);
    expect(poissonCountInterval(0).lower).toBe(0);
  });
  it("NI 32 errors", () => {
    expect(codeOf(() => ni32FromCounts([1], [0]))).toBe("DIV0");
    expect(codeOf(() => ni32FromCounts([5], [4]))).toBe("NUM");
    expect(codeOf(() => ni32FromCounts([-1], [4]))).toBe("NUM");
  });
  it("NI 32 from hearings: the 12-month repeat rule, with history before the period", () => {
    const start = serial(2010, 4, 1);
    const end = serial(2010, 6, 30);
    const hearings = [
      { victim: "A", date: serial(2009, 5, 10) }, // history
      { victim: "A", date: serial(2010, 5, 10) }, // repeat: exactly 12 months after
      { victim: "B", date: serial(2009, 5, 9) }, // history, more than 12 months before B's next
      { victim: "b ", date: serial(2010, 5, 10) }, // not a repeat (12 months and a day)
      { victim: "C", date: serial(2010, 4, 2) }, // first
      { victim: "C", date: serial(2010, 6, 1) }, // repeat within the period
      { victim: "D", date: serial(2010, 7, 1) }, // after the period: ignored
    ];
    const r = ni32FromHearings(hearings, start, end);
    expect(r.cases).toBe(4);
    expect(r.repeats).toBe(2);
    expect(codeOf(() => ni32FromHearings(hearings, serial(2011, 1, 1), serial(2011, 2, 1)))).toBe("DIV0");
  });
  it("two hearings of one victim on the same day: neither is a repeat of the other", () => {
    const d = serial(2010, 5, 1);
    const r = ni32FromHearings([{ victim: "A", date: d }, { victim: "A", date: d }], d, d);
    expect(r).toEqual({ cases: 2, repeats: 0, rate: 0 });
  });
});

describe("nouns", () => {
  it("pluralises the counted thing", () => {
    expect(countNoun("Dwelling Burglary")).toBe("dwelling burglaries");
    expect(countNoun("Theft of Vehicles")).toBe("thefts of vehicles");
    expect(countNoun("Theft from Vehicles")).toBe("thefts from vehicles");
    expect(countNoun("Criminal Damage")).toBe("criminal damage offences");
    expect(countNoun("Robbery")).toBe("robberies");
    expect(countNoun("Referrals to the IDVAS")).toBe("referrals to the IDVAS");
    expect(countNoun("Vehicle Crimes")).toBe("vehicle crimes");
    expect(countNoun("ASB incidents")).toBe("ASB incidents");
  });
});
