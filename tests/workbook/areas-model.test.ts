/**
 * The Priority areas model (spec/areas.md) on series built to cross each flag's threshold and to
 * just miss it. Expected values are worked out here in plain arithmetic from the series given,
 * never by the functions under test.
 */
import { analyse, buildPlan, snapshotOfData, summaryJson } from "../../src/workbook";
import { AreaResult } from "../../src/workbook/model-types";
import { TestArea, gridAreas, sampleWithAreas, wobble } from "../support/areas";

/** Apr-Jun 2009 are months 12-14 of the sample's 27 (April 2008 = 0); Apr-Jun 2010 are 24-26. */
const PREV = [12, 13, 14];
const CURR = [24, 25, 26];

/** A series of 27 months at `level` with the comparator and current windows set. */
function windows(level: number, comparator: number[], current: number[]): number[] {
  const s = wobble(27, level, 3);
  PREV.forEach((k, i) => (s[k] = comparator[i] as number));
  CURR.forEach((k, i) => (s[k] = current[i] as number));
  return s;
}

/** Upper process limit of an XmR chart over all points, in plain arithmetic. */
function upperLimit(values: number[]): number {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  let mr = 0;
  for (let i = 1; i < values.length; i++)
    mr += Math.abs((values[i] as number) - (values[i - 1] as number));
  return mean + 2.66 * (mr / (values.length - 1));
}

const area = (code: string, all: number[], asb: number[] = wobble(27, 4, 1)): TestArea => ({
  code,
  name: `Area ${code}`,
  longitude: 0.1 + Number(code.slice(-2)) / 100,
  latitude: 52.2,
  series: { ALL_CRIME: all, ANTI_SOCIAL_BEHAVIOUR: asb },
});

// Comparator 100 (33 + 33 + 34). 121 gives z = 2(11 - 10) = 2.00; 120 gives 2(10.954 - 10) = 1.91.
const RISING = windows(33, [33, 33, 34], [40, 40, 41]);
const NOT_RISING = windows(33, [33, 33, 34], [40, 40, 40]);
// A steady series whose latest month is beyond its upper limit, and one just inside it.
const spike = (last: number) => [...wobble(26, 10, 2), last];
const CONCERNING = spike(30);
const NOT_CONCERNING = spike(20);

function model(areas: TestArea[]) {
  const a = analyse(snapshotOfData(sampleWithAreas(areas)));
  if (!a.model) throw new Error(a.issues.map((i) => `${i.code} ${i.message}`).join("\n"));
  return a.model;
}
const byCode = (areas: AreaResult[], code: string) => {
  const found = areas.find((a) => a.code === code);
  if (!found) throw new Error(`no area ${code}`);
  return found;
};

describe("flags on series built to cross each threshold", () => {
  const m = model([
    area("E0100000001", RISING),
    area("E0100000002", NOT_RISING),
    area("E0100000003", CONCERNING),
    area("E0100000004", NOT_CONCERNING),
    area("E0100000005", wobble(27, 20, 2), RISING),
  ]);
  const areas = m.areas?.areas ?? [];

  it("the series are what they say: z either side of 1.96, the last month either side of its limit", () => {
    const sum = (s: number[], ks: number[]) => ks.reduce((t, k) => t + (s[k] as number), 0);
    const z = (s: number[]) => 2 * (Math.sqrt(sum(s, CURR)) - Math.sqrt(sum(s, PREV)));
    expect(sum(RISING, PREV)).toBe(100);
    expect(sum(RISING, CURR)).toBe(121);
    expect(z(RISING)).toBeGreaterThanOrEqual(1.96);
    expect(z(NOT_RISING)).toBeLessThan(1.96);
    expect(CONCERNING[26]).toBeGreaterThan(upperLimit(CONCERNING));
    expect(NOT_CONCERNING[26]).toBeLessThan(upperLimit(NOT_CONCERNING));
  });

  it("Rising: z of 1.96 or more against the same months a year earlier", () => {
    expect(m.areas?.comparator?.kind).toBe("year earlier");
    const r = byCode(areas, "E0100000001");
    expect(r.allCrime).toMatchObject({ current: 121, comparator: 100, rising: true });
    expect(r.allCrime.z).toBeCloseTo(2, 12);
    expect(r.flags).toContain("Rising");
    const n = byCode(areas, "E0100000002");
    expect(n.allCrime).toMatchObject({ current: 120, comparator: 100, rising: false });
    expect(n.flags).not.toContain("Rising");
  });

  it("Concerning special cause: the latest month beyond the upper limit; not when just inside", () => {
    const c = byCode(areas, "E0100000003");
    expect(c.allCrime.spc?.variation).toBe("concerning");
    expect(c.allCrime.spc?.words).toBe("Special cause: concerning high");
    expect(c.flags).toContain("Concerning special cause");
    const d = byCode(areas, "E0100000004");
    expect(d.allCrime.spc?.variation).toBe("common");
    expect(d.flags).not.toContain("Concerning special cause");
  });

  it("the anti-social behaviour flags are its own", () => {
    const e = byCode(areas, "E0100000005");
    expect(e.asb).toMatchObject({ current: 121, comparator: 100, rising: true });
    expect(e.flags).toEqual(expect.arrayContaining(["ASB rising"]));
    expect(e.flags).not.toContain("Rising");
  });
});

describe("ranking and Top 10 by volume", () => {
  it("sorts by current crime then code, and flags exactly the first ten", () => {
    // Twelve areas, two pairs tied on their current counts: the code breaks the tie.
    const currents = [50, 50, 40, 39, 38, 37, 36, 35, 34, 33, 33, 10];
    const areas = currents.map((c, i) =>
      area(`E01000000${String(20 - i).padStart(2, "0")}`, windows(20, [20, 20, 20], [c, 0, 0]))
    );
    const r = model(areas).areas?.areas ?? [];
    const expected = areas
      .map((a) => ({ code: a.code, current: (a.series.ALL_CRIME as number[])[24] as number }))
      .sort((a, b) => b.current - a.current || (a.code < b.code ? -1 : 1));
    expect(r.map((a) => a.code)).toEqual(expected.map((a) => a.code));
    expect(r.map((a) => a.rank)).toEqual(expected.map((_, i) => i + 1));
    expect(r.filter((a) => a.top).map((a) => a.code)).toEqual(
      expected.slice(0, 10).map((a) => a.code)
    );
    expect(r.filter((a) => a.flags.includes("Top 10 by volume"))).toHaveLength(10);
  });
});

describe("the comparator and the windows", () => {
  it("falls back to the window just before when a month of the year earlier is missing, and says so", () => {
    const areas = [area("E0100000001", RISING)];
    const sheets = sampleWithAreas(areas);
    const monthly = sheets.find((s) => s.name === "AreaMonthly");
    // Drop May 2009 (month 13) for every measure.
    const may2009 = Math.round((Date.UTC(2009, 4, 1) - Date.UTC(1899, 11, 30)) / 86_400_000);
    if (monthly) monthly.rows = monthly.rows.filter((r) => r[2] !== may2009);
    const a = analyse(snapshotOfData(sheets));
    expect(a.model?.areas?.comparator).toMatchObject({
      kind: "window before",
      start: "2010-01",
      end: "2010-03",
    });
    expect(a.model?.areas?.sentences.intro).toContain(
      "the 3 months just before (Jan 2010 to Mar 2010)"
    );
    expect(a.model?.areas?.sentences.intro).toContain(
      "as the data does not have every month of the same months a year earlier"
    );
  });

  it("a workbook without the tables reports as today, with areas null in the JSON", () => {
    const a = analyse(snapshotOfData(sampleWithAreas([]).slice(0, -2)));
    expect(a.model?.areas).toBeNull();
    const json = summaryJson(a.model!, []);
    expect(json.areas).toBeNull();
    expect(json.areasWindow).toBeNull();
  });
});

describe("the sheet's plan", () => {
  const m = model(gridAreas(60));
  const plan = buildPlan(m, { sheetNames: [], reportSheets: [] });
  const sheet = plan.sheets.find((s) => s.name === "Priority areas");

  it("comes after the priority sheets, before Domestic Abuse, with two numbered figures", () => {
    expect(plan.sheets.map((s) => s.name)).toEqual([
      "Summary",
      "Priority 1",
      "Priority areas",
      "Domestic Abuse",
    ]);
    const captions = sheet?.cells
      .filter((c) => typeof c.value === "string" && c.value.startsWith("Figure "))
      .map((c) => c.value);
    // After every priority's figures: the sample's priorities are numbered up to 3.
    const major = Math.max(...m.priorities.map((p, i) => Number(p.number ?? i + 1))) + 1;
    expect(m.priorities.map((p) => p.number)).toContain("3");
    expect(captions).toEqual([
      `Figure ${major}.1: The 20 areas with the most crime`,
      `Figure ${major}.2: Map of the areas`,
    ]);
  });

  it("has a bar chart of the 20 with the most crime, most last, rising bars named in words", () => {
    const bars = sheet?.charts.find((c) => c.kind === "areas");
    expect(bars?.series.map((s) => s.type)).toEqual(["bar", "bar"]);
    const areas = m.areas?.areas ?? [];
    const cells = new Map(sheet?.cells.map((c) => [`${c.row}|${c.col}`, c.value]));
    const [from, to] = (bars?.categories ?? "").split(":");
    const col = from!.charCodeAt(0) - 65;
    const first = Number(from!.slice(1)) - 1;
    const last = Number(to!.slice(1)) - 1;
    const labels = [];
    for (let r = first; r <= last; r++) labels.push(cells.get(`${r}|${col}`));
    const expected = areas
      .slice(0, 20)
      .map((a) => (a.allCrime.rising ? `${a.name} (rising)` : a.name))
      .reverse();
    expect(labels).toEqual(expected);
    const risingIndexes = expected.flatMap((l, i) => (String(l).endsWith("(rising)") ? [i] : []));
    expect(bars?.series[0]?.points?.map((p) => p.index)).toEqual(risingIndexes);
  });

  it("has a map with one bubble per placed area, rising areas a series of their own", () => {
    const map = sheet?.charts.find((c) => c.kind === "map");
    const areas = m.areas?.areas ?? [];
    expect(map?.series.map((s) => s.name)).toEqual(["Areas not rising", "Rising areas"]);
    const size = (range: string) => {
      const [a, b] = range.split(":");
      return Number(b!.replace(/^[A-Z]+/, "")) - Number(a!.replace(/^[A-Z]+/, "")) + 1;
    };
    expect(map?.series.map((s) => size(s.values))).toEqual([
      areas.filter((a) => !a.allCrime.rising).length,
      areas.filter((a) => a.allCrime.rising).length,
    ]);
    expect(map?.map?.x.min).toBeLessThan(-0.2);
    expect(map?.map?.x.max).toBeGreaterThan(0.4);
  });
});
