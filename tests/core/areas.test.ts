/**
 * Priority areas in the core (spec/areas.md): the Rising flag at Wheeler's threshold, the
 * comparator window, the ranking, the map's frame (a kilometre the same length across and up) and
 * the sentences. Each threshold is tested on counts built to cross it and to just miss it.
 */
import fc from "fast-check";
import {
  KM_PER_DEGREE,
  TOP_BY_VOLUME,
  Z_CRITICAL,
  areaChange,
  areaComparator,
  areasMapSentence,
  areasSentence,
  areasStatusText,
  listNames,
  mapFrame,
  monthKey,
  rankAreas,
} from "../../src/core";

/** The smallest count whose z against `comparator` reaches 1.96: ceil((sqrt(c) + 0.98)^2). */
const firstRising = (comparator: number) =>
  Math.ceil((Math.sqrt(comparator) + Z_CRITICAL / 2) ** 2);

describe("Rising: z of 1.96 or more and more than the comparator", () => {
  it("flags the first count past the threshold and not the one before it", () => {
    for (const comparator of [0, 1, 9, 100, 2500]) {
      const c = firstRising(comparator);
      const at = areaChange(c, comparator);
      expect(at.z).toBeGreaterThanOrEqual(Z_CRITICAL);
      expect(at.rising).toBe(true);
      const before = areaChange(c - 1, comparator);
      expect(before.z).toBeLessThan(Z_CRITICAL);
      expect(before.rising).toBe(false);
    }
  });

  it("100 against 121: z = 2(11 - 10) = 2.00, rising; 120 is 1.91, not", () => {
    expect(areaChange(121, 100)).toEqual({
      current: 121,
      comparator: 100,
      change: 0.21,
      z: 2,
      rising: true,
    });
    expect(areaChange(120, 100).rising).toBe(false);
  });

  it("a fall is never rising, however large |z|; a missing window gives no z", () => {
    expect(areaChange(10, 100).rising).toBe(false);
    expect(areaChange(10, 100).z).toBeLessThan(-Z_CRITICAL);
    expect(areaChange(null, 5)).toEqual({
      current: null,
      comparator: 5,
      change: null,
      z: null,
      rising: false,
    });
    expect(areaChange(5, 0).change).toBeNull(); // no percentage change from 0
    expect(areaChange(5, 0).rising).toBe(true); // z = 2 sqrt(5) = 4.47
  });

  it("rising exactly when z >= 1.96 and current > comparator, for any counts", () => {
    fc.assert(
      fc.property(fc.nat(5000), fc.nat(5000), (c, p) => {
        const r = areaChange(c, p);
        const z = 2 * (Math.sqrt(c) - Math.sqrt(p));
        expect(r.rising).toBe(z >= 1.96 && c > p);
      })
    );
  });
});

describe("the comparator window", () => {
  const q4 = { start: monthKey(2024, 1), end: monthKey(2024, 3) };
  const months = (from: number, to: number) => {
    const s = new Set<number>();
    for (let k = from; k <= to; k++) s.add(k);
    return s;
  };

  it("is the same months a year earlier when the data has every one of them", () => {
    const has = months(monthKey(2023, 1), monthKey(2024, 3));
    expect(areaComparator(q4, (k) => has.has(k))).toEqual({
      window: { start: monthKey(2023, 1), end: monthKey(2023, 3) },
      kind: "year earlier",
    });
  });

  it("else the window just before, of the same length; else none", () => {
    const has = months(monthKey(2023, 2), monthKey(2024, 3)); // January 2023 missing
    expect(areaComparator(q4, (k) => has.has(k))).toEqual({
      window: { start: monthKey(2023, 10), end: monthKey(2023, 12) },
      kind: "window before",
    });
    const short = months(monthKey(2023, 11), monthKey(2024, 3));
    expect(areaComparator(q4, (k) => short.has(k))).toBeNull();
  });
});

describe("ranking", () => {
  it("sorts by current count, most first, then area code; areas with no count last", () => {
    const ranked = rankAreas([
      { code: "E3", current: 5 },
      { code: "E1", current: null },
      { code: "E2", current: 5 },
      { code: "E0", current: 9 },
    ]);
    expect(ranked.map((a) => a.code)).toEqual(["E0", "E2", "E3", "E1"]);
    expect(TOP_BY_VOLUME).toBe(10);
  });
});

describe("the map's frame", () => {
  const point = fc.record({
    x: fc.double({ min: -6, max: 2, noNaN: true }),
    y: fc.double({ min: 49.9, max: 55.8, noNaN: true }),
  });
  const plot = fc.record({
    width: fc.integer({ min: 100, max: 1000 }),
    height: fc.integer({ min: 100, max: 1000 }),
  });

  it("draws a kilometre the same length across and up, with every point inside its margin", () => {
    fc.assert(
      fc.property(fc.array(point, { minLength: 1, maxLength: 40 }), plot, (points, size) => {
        const f = mapFrame(points, size);
        expect(f).not.toBeNull();
        if (!f) return;
        const meanLat = points.reduce((s, p) => s + p.y, 0) / points.length;
        const kmX = KM_PER_DEGREE * Math.cos((meanLat * Math.PI) / 180);
        const acrossKmPerPoint = ((f.xMax - f.xMin) * kmX) / size.width;
        const upKmPerPoint = ((f.yMax - f.yMin) * KM_PER_DEGREE) / size.height;
        expect(acrossKmPerPoint).toBeCloseTo(upKmPerPoint, 9);
        expect(acrossKmPerPoint).toBeCloseTo(f.kmPerPoint, 9);
        const mx = 0.08 * (f.xMax - f.xMin) - 1e-9;
        const my = 0.08 * (f.yMax - f.yMin) - 1e-9;
        for (const p of points) {
          expect(p.x - f.xMin).toBeGreaterThanOrEqual(mx);
          expect(f.xMax - p.x).toBeGreaterThanOrEqual(mx);
          expect(p.y - f.yMin).toBeGreaterThanOrEqual(my);
          expect(f.yMax - p.y).toBeGreaterThanOrEqual(my);
        }
      })
    );
  });

  it("at latitude 60 a degree of longitude is half a degree of latitude long", () => {
    const f = mapFrame(
      [
        { x: 0, y: 60 },
        { x: 2, y: 60 },
      ],
      { width: 400, height: 400 }
    );
    expect(f?.xScale).toBeCloseTo(0.5, 12);
    // The span across is 2 degrees of longitude = 1 degree of latitude at 60N: the square plot is
    // then twice as many degrees wide as it is tall.
    expect(((f?.xMax ?? 0) - (f?.xMin ?? 0)) / ((f?.yMax ?? 0) - (f?.yMin ?? 0))).toBeCloseTo(2, 9);
  });

  it("gives one area a kilometre each way, and no frame without points or room", () => {
    const f = mapFrame([{ x: 0.1, y: 52.2 }], { width: 100, height: 100 });
    expect(((f?.yMax ?? 0) - (f?.yMin ?? 0)) * KM_PER_DEGREE).toBeCloseTo(1 / 0.84, 9);
    expect(mapFrame([], { width: 100, height: 100 })).toBeNull();
    expect(mapFrame([{ x: 0, y: 0 }], { width: 0, height: 100 })).toBeNull();
  });
});

describe("sentences", () => {
  const base = {
    areas: 87,
    rising: ["Cambridge 007A", "Cambridge 012C"],
    top: [
      { name: "Cambridge 007A", count: 1204 },
      { name: "Cambridge 001B", count: 98 },
      { name: "Cambridge 012C", count: 75 },
    ],
    windowPhrase: "Jan 2024 to Mar 2024",
    comparatorPhrase: "the same months a year earlier (Jan 2023 to Mar 2023)",
  };

  it("say how many areas are rising and which have the most crime", () => {
    expect(areasSentence(base)).toBe(
      "2 of the 87 areas have more crime than in the same months a year earlier (Jan 2023 to Mar 2023) beyond what chance would explain (z of 1.96 or more): Cambridge 007A and Cambridge 012C. The most crime in Jan 2024 to Mar 2024: Cambridge 007A (1,204), Cambridge 001B (98) and Cambridge 012C (75)."
    );
    expect(areasSentence({ ...base, rising: ["A"] })).toMatch(/^One of the 87 areas has more/);
    expect(areasSentence({ ...base, rising: [] })).toMatch(/^None of the 87 areas has more/);
    expect(areasSentence({ ...base, comparatorPhrase: null })).toMatch(
      /^No comparator window has every month of data/
    );
  });

  it("name the rising areas under the map, so the orange is never the only sign", () => {
    const s = areasMapSentence({ ...base, unplaced: ["Cambridge 099Z"] });
    expect(s).toContain(
      "Rising areas are a separate series, in orange and labelled: Cambridge 007A and Cambridge 012C."
    );
    expect(s).toContain("Not on the map (no row with a map point): Cambridge 099Z.");
  });

  it("list names with a limit, and the pane's line", () => {
    expect(listNames(["a", "b", "c", "d"], 2)).toBe("a, b and 2 more");
    expect(areasStatusText(2, base.top)).toBe(
      "2 rising areas; most crime: Cambridge 007A (1,204), Cambridge 001B (98), Cambridge 012C (75)."
    );
    expect(areasStatusText(0, [])).toBe("No rising areas.");
  });
});
