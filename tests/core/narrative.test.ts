import { measureSentence, peerSentence, ni32Sentence, shareSentence } from "../../src/core";

const base = { windowPhrase: "the first three months of 2010-11", polarity: "lower" as const, baselineLabel: "2008-09" };

describe("measure sentences in the report's voice", () => {
  it("reproduces metrics.md's dwelling burglary sentence", () => {
    expect(measureSentence({ ...base, label: "Dwelling Burglary", current: 105, previous: 117, baseline: 91 })).toBe(
      "During the first three months of 2010-11 numbers of recorded dwelling burglaries (105) are lower than for the same period the previous year but still 15% higher than for 2008-09 (91)."
    );
  });
  it("gives both percentages when both comparisons point the same way", () => {
    expect(measureSentence({ ...base, label: "Theft from Vehicles", current: 182, previous: 158, baseline: 179 })).toBe(
      "During the first three months of 2010-11 numbers of recorded thefts from vehicles (182) are 15% higher than for the same period the previous year and 2% higher than for 2008-09 (179)."
    );
    expect(measureSentence({ ...base, label: "Theft of Vehicles", current: 31, previous: 40, baseline: 49 })).toBe(
      "During the first three months of 2010-11 numbers of recorded thefts of vehicles (31) are 23% lower than for the same period the previous year and 37% lower than for 2008-09 (49)."
    );
  });
  it("says 'but remain' when worse than last year but still better than the baseline", () => {
    expect(measureSentence({ ...base, label: "Theft of Vehicles", current: 31, previous: 25, baseline: 49 })).toContain(
      "are higher than for the same period the previous year but remain 37% lower than for 2008-09 (49)."
    );
  });
  it("copes with missing comparators", () => {
    expect(measureSentence({ ...base, label: "Robbery", current: 10, previous: null, baseline: 8 })).toBe(
      "During the first three months of 2010-11 numbers of recorded robberies (10) are 25% higher than for 2008-09 (8)."
    );
    expect(measureSentence({ ...base, label: "Robbery", current: 10, previous: 8, baseline: null })).toBe(
      "During the first three months of 2010-11 numbers of recorded robberies (10) are 25% higher than for the same period the previous year."
    );
    expect(measureSentence({ ...base, label: "Robbery", current: 10, previous: null, baseline: null })).toContain("no earlier year");
    expect(measureSentence({ ...base, label: "Robbery", current: 3, previous: null, baseline: 0 })).toContain("higher than for 2008-09 (0)");
  });
});

describe("peer sentences", () => {
  const p = { partnership: "South Cambridgeshire", of: 15, pastPhrase: "the past three months" };
  it("reproduces the report's burglary sentence", () => {
    expect(peerSentence({ ...p, position: 12, previousPosition: 12, band: "worse", previousBand: "worse" })).toBe(
      "South Cambridgeshire remains in 12th position when compared to most similar group members in the past three months and remains worse than average."
    );
  });
  it("reproduces metrics.md's thefts of vehicles sentence", () => {
    expect(peerSentence({ ...p, position: 4, previousPosition: 3, band: "better", previousBand: "better" })).toBe(
      "South Cambridgeshire has slipped from 3rd to 4th position, but remains better than average when compared to most similar group members."
    );
  });
  it("words a slip into an average band and a first report", () => {
    expect(peerSentence({ ...p, position: 13, previousPosition: 12, band: "average", previousBand: "average" })).toBe(
      "South Cambridgeshire has slipped from 12th to 13th position, but remains average when compared to most similar group members."
    );
    expect(peerSentence({ ...p, position: 2, previousPosition: 5, band: "better", previousBand: "average" })).toBe(
      "South Cambridgeshire has improved from 5th to 2nd position and is now better than average when compared to most similar group members."
    );
    expect(peerSentence({ ...p, position: 7, previousPosition: null, band: "average", previousBand: null })).toBe(
      "South Cambridgeshire is in 7th position of 15 when compared to most similar group members in the past three months and is average."
    );
  });
});

describe("NI 32 and share sentences", () => {
  it("states the target and whether it was achieved", () => {
    expect(ni32Sentence({ label: "NI 32", periodLabel: "Q1 2010-11", rate: 46 / 146, target: 0.28, status: "red", repeats: 46, cases: 146 })).toBe(
      "The target for NI 32 is that the repeat rate should not be higher than 28%. The target has not been achieved in Q1 2010-11 (31.5%: 46 of 146 MARAC cases were repeats)."
    );
  });
  it("states the referral share as the report does", () => {
    expect(shareSentence("South Cambridgeshire", "Q1 2010-11", 33 / 268, false)).toBe(
      "During Q1 2010-11 South Cambridgeshire accounted for 12% of the referrals to the IDVAS."
    );
    expect(shareSentence("South Cambridgeshire", "2009-10", 136 / 985, true)).toBe(
      "For the entire year 2009-10 South Cambridgeshire accounted for 14% of the referrals to the IDVAS."
    );
  });
});
