/**
 * Priority areas on real police.uk files (tests/fixtures/police-uk: excerpts of real downloads of
 * 2018-19 and 2024). Every expected figure is counted here, independently, from the fixture's rows:
 * the district's own force's file (by its name), rows whose LSOA name begins with a district of the
 * partnership, grouped by their LSOA code; points averaged in plain arithmetic. Then the report:
 * its ranking, and its map's bubbles (one per area, at the area's point, a kilometre the same length
 * across and up), read back from the chart part itself; and the file is Excel-clean.
 */
import { readFileSync } from "fs";
import path from "path";
import JSZip from "jszip";
import ExcelJS from "exceljs";
import { parse } from "papaparse";
import { readCharts } from "../../src/xlsx/charts";
import { runCli } from "../support/run-cli";
import { tempDir } from "../support/temp";
import { expectExcelClean } from "../support/ooxml-check";

const FIXTURES = path.resolve(__dirname, "..", "fixtures", "police-uk");
const Y2024 = path.join(FIXTURES, "2024-01-to-04.zip");
const Y2018 = path.join(FIXTURES, "2018-10-to-2019-02.zip");

const { dir, cleanup } = tempDir("areas-real");
afterAll(cleanup);
const file = (name: string) => path.join(dir, name);

/** "<zip>/YYYY-MM/YYYY-MM-<force>-street.csv" -> rows (no header). */
const files = new Map<string, string[][]>();
beforeAll(async () => {
  for (const [key, zipFile] of [
    ["2024", Y2024],
    ["2018", Y2018],
  ] as const) {
    const zip = await JSZip.loadAsync(readFileSync(zipFile));
    for (const [name, entry] of Object.entries(zip.files)) {
      if (entry.dir) continue;
      const text = await entry.async("string");
      files.set(`${key}/${name}`, parse<string[]>(text, { skipEmptyLines: true }).data.slice(1));
    }
  }
});

const idOf = (type: string) => type.toUpperCase().replace(/[^A-Z0-9]+/g, "_");

interface Expected {
  /** "code|MEASURE|YYYY-MM" -> count, zeros included, ALL_CRIME included. */
  monthly: Map<string, number>;
  /** code -> mean point of its own force's rows, and its latest name. */
  areas: Map<string, { name: string; lon: number | null; lat: number | null }>;
}

/** The independent count: own force's files, LSOA names of the districts, by LSOA code. */
function expected(key: string, slug: string, districts: string[]): Expected {
  const own = [...files].filter(([n]) =>
    new RegExp(`^${key}/(\\d{4}-\\d{2})/\\d{4}-\\d{2}-${slug}-street\\.csv$`).test(n)
  );
  const types = new Set<string>();
  for (const [n, rows] of files)
    if (n.startsWith(`${key}/`)) for (const r of rows) types.add(r[9]!);
  const counts = new Map<string, number>();
  const months = new Set<string>();
  const points = new Map<
    string,
    { x: number; y: number; n: number; name: string; month: string }
  >();
  for (const [, rows] of own) {
    for (const r of rows) {
      const lsoa = r[8] ?? "";
      if (!districts.some((d) => lsoa.startsWith(`${d} `))) continue;
      const code = r[7]!;
      const month = r[1]!;
      months.add(month);
      const k = `${code}|${idOf(r[9]!)}|${month}`;
      counts.set(k, (counts.get(k) ?? 0) + 1);
      const p = points.get(code) ?? { x: 0, y: 0, n: 0, name: lsoa, month };
      if (r[4] !== "" && r[5] !== "") {
        p.x += Number(r[4]);
        p.y += Number(r[5]);
        p.n++;
      }
      if (month >= p.month) Object.assign(p, { name: lsoa, month });
      points.set(code, p);
    }
  }
  const monthly = new Map<string, number>();
  for (const code of points.keys())
    for (const month of months) {
      let all = 0;
      for (const t of types) {
        const n = counts.get(`${code}|${idOf(t)}|${month}`) ?? 0;
        monthly.set(`${code}|${idOf(t)}|${month}`, n);
        if (idOf(t) !== "ANTI_SOCIAL_BEHAVIOUR") all += n;
      }
      monthly.set(`${code}|ALL_CRIME|${month}`, all);
    }
  const areas = new Map(
    [...points].map(([code, p]) => [
      code,
      { name: p.name, lon: p.n ? p.x / p.n : null, lat: p.n ? p.y / p.n : null },
    ])
  );
  return { monthly, areas };
}

type Cell = string | number | null;
async function tableOf(f: string, sheet: string): Promise<Cell[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(f);
  const rows: Cell[][] = [];
  wb.getWorksheet(sheet)?.eachRow((r) =>
    rows.push(
      (r.values as unknown[])
        .slice(1)
        .map((v) => (v instanceof Date ? v.toISOString().slice(0, 7) : ((v as Cell) ?? null)))
    )
  );
  return rows.slice(1);
}

async function imported(f: string) {
  const areas = await tableOf(f, "Areas");
  const monthly = await tableOf(f, "AreaMonthly");
  return {
    areas: new Map(
      areas.map((r) => [r[0] as string, { name: r[1], lon: r[2], lat: r[3] } as const])
    ),
    monthly: new Map(monthly.map((r) => [`${r[0]}|${r[1]}|${r[2]}`, r[3] as number])),
    monthlyTable: await tableOf(f, "Monthly"),
  };
}

const CASES = [
  {
    key: "2024",
    zip: Y2024,
    partnership: "South Cambridgeshire",
    slug: "cambridgeshire",
    districts: ["South Cambridgeshire"],
  },
  {
    key: "2024",
    zip: Y2024,
    partnership: "Western Suffolk",
    slug: "suffolk",
    districts: ["Babergh", "Mid Suffolk", "West Suffolk"],
  },
  { key: "2018", zip: Y2018, partnership: "Ipswich", slug: "suffolk", districts: ["Ipswich"] },
];

describe.each(CASES)("$partnership ($key files)", (c) => {
  const out = file(`${c.partnership}.xlsx`);
  beforeAll(async () => {
    const r = await runCli(
      "import",
      "police-uk",
      c.zip,
      "--partnership",
      c.partnership,
      "--out",
      out
    );
    expect(r.code).toBe(0);
  });

  it("writes every area's monthly count of every type (0 where none), equal to its own force's rows", async () => {
    const exp = expected(c.key, c.slug, c.districts);
    const got = await imported(out);
    expect(exp.areas.size).toBeGreaterThan(10);
    expect([...got.areas.keys()].sort()).toEqual([...exp.areas.keys()].sort());
    // The import writes the months Monthly has (a new workbook leaves out partial windows).
    const written = new Set(got.monthlyTable.map((r) => r[1] as string));
    const want = new Map([...exp.monthly].filter(([k]) => written.has(k.split("|")[2]!)));
    expect(got.monthly).toEqual(want);
  });

  it("gives each area its latest name and the mean point of its own force's rows", async () => {
    const exp = expected(c.key, c.slug, c.districts);
    const got = await imported(out);
    for (const [code, a] of exp.areas) {
      const g = got.areas.get(code);
      expect(g?.name).toBe(a.name);
      if (a.lon === null) expect(g?.lon).toBeNull();
      else {
        expect(g?.lon as number).toBeCloseTo(a.lon, 9);
        expect(g?.lat as number).toBeCloseTo(a.lat as number, 9);
      }
    }
  });

  it("adds up, for every type and month, to the partnership's Monthly count", async () => {
    const got = await imported(out);
    for (const [measure, month, count] of got.monthlyTable) {
      let sum = 0;
      for (const code of got.areas.keys())
        sum += got.monthly.get(`${code}|${measure}|${month}`) ?? 0;
      expect([measure, month, sum]).toEqual([measure, month, count]);
    }
  });
});

interface ReportJson {
  period: { start: string; end: string };
  areasWindow: { current: { start: string; end: string }; comparator: unknown };
  areas: {
    code: string;
    rank: number;
    longitude: number | null;
    latitude: number | null;
    allCrime: { current: number | null; rising: boolean };
    flags: string[];
  }[];
  sheets: string[];
}

describe("the report of a real import (South Cambridgeshire, 2024)", () => {
  const report = file("south-cambs-report.xlsx");
  let json: ReportJson;
  beforeAll(async () => {
    const r = await runCli("report", file("South Cambridgeshire.xlsx"), "--out", report, "--json");
    expect(r.code).toBe(0);
    json = JSON.parse(r.stdout) as ReportJson;
  });

  it("ranks every area by its crime in the window, then code, and flags the ten with the most", async () => {
    const got = await imported(file("South Cambridgeshire.xlsx"));
    expect(json.sheets).toContain("Priority areas");
    expect(json.areasWindow.current).toEqual({ start: "2024-01", end: "2024-03" });
    // January to April 2024 only: neither a year earlier nor October to December 2023.
    expect(json.areasWindow.comparator).toBeNull();
    const current = (code: string) =>
      ["2024-01", "2024-02", "2024-03"].reduce(
        (s, m) => s + (got.monthly.get(`${code}|ALL_CRIME|${m}`) as number),
        0
      );
    const order = [...got.areas.keys()].sort((a, b) => current(b) - current(a) || (a < b ? -1 : 1));
    expect(json.areas.map((a) => a.code)).toEqual(order);
    expect(json.areas.map((a) => a.allCrime.current)).toEqual(order.map(current));
    expect(
      json.areas.filter((a) => a.flags.includes("Top 10 by volume")).map((a) => a.code)
    ).toEqual(order.slice(0, 10));
    expect(json.areas.some((a) => a.allCrime.rising)).toBe(false);
  });

  it("draws one bubble per area at its point, a kilometre the same length across and up", async () => {
    const got = await imported(file("South Cambridgeshire.xlsx"));
    const charts = (await readCharts(readFileSync(report))).filter(
      (ch) => ch.sheetName === "Priority areas"
    );
    const map = charts.find((ch) => ch.map);
    expect(map).toBeDefined();
    const bubbles = (map?.series ?? []).flatMap((s) =>
      s.values.map((y, i) => `${(s.xValues ?? [])[i]}|${y}`)
    );
    const placed = [...got.areas.values()].filter((a) => a.lon !== null);
    expect(bubbles.sort()).toEqual(placed.map((a) => `${a.lon}|${a.lat}`).sort());
    const m = map!.map!;
    const meanLat = placed.reduce((s, a) => s + (a.lat as number), 0) / placed.length;
    const across =
      ((m.x.max - m.x.min) * Math.cos((meanLat * Math.PI) / 180)) / (m.plot.w * m.width);
    const up = (m.y.max - m.y.min) / (m.plot.h * m.height);
    expect(across / up).toBeCloseTo(1, 9);
    for (const a of placed) {
      expect(a.lon as number).toBeGreaterThan(m.x.min);
      expect(a.lon as number).toBeLessThan(m.x.max);
      expect(a.lat as number).toBeGreaterThan(m.y.min);
      expect(a.lat as number).toBeLessThan(m.y.max);
    }
    // The top ten are labelled with their names.
    const labels = (map?.series ?? []).flatMap((s) => (s.labels ?? []).map((l) => l.text));
    expect(labels.sort()).toEqual(
      json.areas
        .filter((a) => a.flags.includes("Top 10 by volume"))
        .map((a) => got.areas.get(a.code)?.name)
        .sort()
    );
    const bars = charts.find((ch) => ch.series.every((s) => s.type === "bar"));
    expect(bars?.categories).toHaveLength(20);
  });

  it("is Excel-clean", () => {
    expectExcelClean(report);
  });
});
