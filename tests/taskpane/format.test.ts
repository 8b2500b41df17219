/** The pane's display wording: formatting only, every number from the model or the issues. */
import {
  cellReference,
  countsPhrase,
  formatChange,
  formatValue,
  groupBySheet,
  positionPhrase,
  significancePhrase,
  travel,
  variationView,
} from "../../src/taskpane/format";
import type { MeasureResult, PeerResult, SpcModel } from "../../src/workbook";
import { craftedIssues } from "./stand-in-host";

const peer = (position: number, previousPosition: number | null) =>
  ({ position, of: 15, previousPosition, band: "worse" }) as PeerResult;

describe("pane wording", () => {
  it("counts issues in words", () => {
    expect(countsPhrase({ errors: 0, warnings: 0 })).toBe("No problems found");
    expect(countsPhrase({ errors: 2, warnings: 1 })).toBe("2 errors, 1 warning");
    expect(countsPhrase({ errors: 1, warnings: 0 })).toBe("1 error, no warnings");
    expect(countsPhrase({ errors: 0, warnings: 3 })).toBe("No errors, 3 warnings");
  });

  it("groups by sheet, sheets with errors first, errors first within a sheet", () => {
    const groups = groupBySheet(craftedIssues);
    expect(groups.map((g) => [g.sheet, g.counts.errors, g.counts.warnings])).toEqual([
      ["Monthly", 2, 1],
      ["Peers", 1, 1],
    ]);
    expect(groups[0]?.issues.map((i) => i.cell)).toEqual(["C3", "C7", "B20"]);
  });

  it("quotes sheet names as Excel does", () => {
    expect(cellReference("Monthly", "C7")).toBe("Monthly!C7");
    expect(cellReference("Domestic Abuse", "A1")).toBe("'Domestic Abuse'!A1");
    expect(cellReference("Bob's data", "B2")).toBe("'Bob''s data'!B2");
  });

  it("formats counts with separators and rates at one decimal", () => {
    expect(formatValue(2879, "count")).toBe("2,879");
    expect(formatValue(0.3150684931506849, "rate")).toBe("31.5%");
    expect(formatValue(null, "count")).toBe("n/a");
  });

  it("signs changes: whole percent for counts, percentage points for rates", () => {
    expect(formatChange(0.15384615384615385, "count")).toBe("+15%");
    expect(formatChange(-0.3673469387755102, "count")).toBe("-37%");
    expect(formatChange(0.004, "count")).toBe("0%");
    expect(formatChange(0.035, "rate")).toBe("+3.5 percentage points");
    expect(formatChange(-0.0351, "rate")).toBe("-3.5 percentage points");
    expect(formatChange(null, "rate")).toBeNull();
  });

  it("gives z to 2 dp with significance in words", () => {
    expect(significancePhrase(1.4151175035802837, false)).toBe("z = +1.42, not significant");
    expect(significancePhrase(-2.864471274339957, true)).toBe("z = -2.86, significant");
    expect(significancePhrase(null, null)).toBeNull();
  });

  it("says the direction of travel with an arrow and whether it is better", () => {
    expect(travel("down", "lower", "2009-10")).toEqual({
      arrow: "↓",
      words: "Down on 2009-10",
      judgement: "better",
    });
    expect(travel("up", "lower", "2009-10").judgement).toBe("worse");
    expect(travel("up", "higher", "2009-10").judgement).toBe("better");
    expect(travel("level", "higher", "2009-10")).toEqual({
      arrow: "→",
      words: "Level with 2009-10",
      judgement: null,
    });
  });

  it("states MSG positions as ordinals, with the previous one when it moved", () => {
    expect(positionPhrase(peer(12, 12))).toBe("12th of 15");
    expect(positionPhrase(peer(4, 3))).toBe("4th of 15 (was 3rd)");
    expect(positionPhrase(peer(1, null))).toBe("1st of 15");
  });
});

describe("variation (SPC) in words, with an icon that is never the only signal", () => {
  const spc = (variation: SpcModel["variation"], side: SpcModel["side"], words: string) =>
    ({ variation, side, words }) as SpcModel;
  const measure = (s: SpcModel | null, source: MeasureResult["source"] = "monthly", months = 27) =>
    ({ spc: s, source, spcMonths: months }) as MeasureResult;
  it("common cause is a dot; a special cause an arrow on its side, toned by its reading", () => {
    expect(variationView(measure(spc("common", null, "Common cause")))).toEqual({
      words: "Common cause",
      icon: "common",
      tone: "common",
    });
    expect(variationView(measure(spc("improving", "low", "Special cause: improving low")))).toEqual({
      words: "Special cause: improving low",
      icon: "low",
      tone: "improving",
    });
    expect(variationView(measure(spc("concerning", "high", "Special cause: concerning high")))).toEqual({
      words: "Special cause: concerning high",
      icon: "high",
      tone: "concerning",
    });
  });
  it("says why there is no chart", () => {
    expect(variationView(measure(null, "monthly", 8)).words).toBe("n/a: 8 months of data, 12 needed");
    expect(variationView(measure(null, "monthly", 1)).words).toBe("n/a: 1 month of data, 12 needed");
    expect(variationView(measure(null, "marac", 0))).toEqual({ words: "n/a: not monthly data", icon: "none", tone: "none" });
  });
});
