/**
 * The import's rules (spec/open-data.md) on rows written here with real names: each area is
 * counted from its own force's files, as the ONS lookup says; absent forces, duplicate files,
 * boundary changes and the Window are handled with a sentence, never a plausible wrong number.
 * Expected counts come from the rows as written (plain loops below), never from the import.
 */
import fc from "fast-check";
import { MonthKey, monthKey } from "../../src/core";
import { loadGeography } from "../../src/cli/geography";
import { analyse, snapshotOfData } from "../../src/workbook";
import { AreaError } from "../../src/workbook/geography";
import {
  PoliceCsvReader,
  PoliceImport,
  PoliceTally,
  buildPoliceImport,
  importWorkbook,
  monthText,
} from "../../src/workbook/import";
import { Row, policeCsv } from "../support/police-csv";

const geo = loadGeography();
const SUFFOLK = "Suffolk Constabulary";
const CAMBS = "Cambridgeshire Constabulary";
const NORFOLK = "Norfolk Constabulary";
const BTP = "British Transport Police";
const TYPES = ["Burglary", "Vehicle crime", "Anti-social behaviour"];

/** A download: force -> month -> rows; files named as data.police.uk names them. */
type Download = Map<string, Map<string, Row[]>>;
const SLUG: Record<string, string> = {
  [SUFFOLK]: "suffolk",
  [CAMBS]: "cambridgeshire",
  [NORFOLK]: "norfolk",
  [BTP]: "btp",
};

function files(d: Download): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [force, months] of d)
    for (const [m, rows] of months) out[`${m}/${m}-${SLUG[force]}-street.csv`] = policeCsv(rows);
  return out;
}

function tallyOf(f: Record<string, string>): PoliceTally {
  const tally = new PoliceTally();
  for (const [path, text] of Object.entries(f)) {
    tally.beginFile(path);
    const reader = new PoliceCsvReader(path, tally.row);
    for (let i = 0; i < text.length; i += 4096) reader.push(text.slice(i, i + 4096));
    reader.end();
    tally.endFile();
  }
  return tally;
}

const mk = (k: MonthKey) => monthText(k);
const range = (from: MonthKey, n: number) => Array.from({ length: n }, (_, i) => from + i);

/**
 * Each district of a force gets, in month k, (district index + type index + k % 4) rows of each
 * type (0 for some), a no-location row, and BTP rows naming it.
 */
function download(
  months: readonly MonthKey[],
  forces: Record<string, string[]>,
  skip: (force: string, k: MonthKey) => boolean = () => false
): Download {
  const d: Download = new Map();
  for (const [force, districts] of Object.entries(forces)) {
    const byMonth = new Map<string, Row[]>();
    for (const k of months) {
      if (skip(force, k)) continue;
      const rows: Row[] = [];
      districts.forEach((name, di) =>
        TYPES.forEach((type, ti) => {
          for (let i = 0; i < di + ti + (k % 4); i++)
            rows.push({ month: mk(k), force, lsoa: `${name} 0${i % 10}1A`, type });
        })
      );
      rows.push({ month: mk(k), force, lsoa: "", type: "Burglary" });
      byMonth.set(mk(k), rows);
    }
    d.set(force, byMonth);
  }
  return d;
}

/** Rows of a district (as the files spell it) of a type in a month, in the force's own file. */
function expected(d: Download, force: string, district: string, type: string, k: MonthKey): number {
  return (d.get(force)?.get(mk(k)) ?? []).filter(
    (r) => r.type === type && r.lsoa.startsWith(`${district} `)
  ).length;
}

const monthly = (imp: PoliceImport, measure: string) =>
  imp.monthly.filter((r) => r.measure === measure).map((r) => [mk(r.month), r.count]);

const APR24 = monthKey(2024, 4);

describe("own force only", () => {
  const months = range(monthKey(2024, 1), 3);
  const d = download(months, {
    [CAMBS]: ["Cambridge", "South Cambridgeshire"],
    [NORFOLK]: ["Norwich"],
  });
  // British Transport Police and a neighbour record crimes in South Cambridgeshire and Oldham.
  const btp = new Map<string, Row[]>();
  for (const k of months)
    btp.set(mk(k), [
      { month: mk(k), force: BTP, lsoa: "South Cambridgeshire 010A", type: "Burglary" },
      { month: mk(k), force: BTP, lsoa: "Oldham 001A", type: "Burglary" },
      { month: mk(k), force: BTP, lsoa: "Coventry 001A", type: "Burglary" },
    ]);
  d.set(BTP, btp);
  d.get(NORFOLK)
    ?.get(mk(months[0] as number))
    ?.push({
      month: mk(months[0] as number),
      force: NORFOLK,
      lsoa: "South Cambridgeshire 004B",
      type: "Burglary",
    });
  const t = tallyOf(files(d));

  it("counts a district from its own force's file only, and says how many other rows were left", () => {
    const imp = buildPoliceImport(t, geo, { partnership: "South Cambridgeshire" });
    expect(imp.force).toBe(CAMBS);
    expect(monthly(imp, "BURGLARY")).toEqual(
      months.map((k) => [mk(k), expected(d, CAMBS, "South Cambridgeshire", "Burglary", k)])
    );
    const other = imp.warnings.filter((w) => w.code === "OTHER_FORCE_ROWS");
    expect(other).toHaveLength(1);
    expect(other[0]?.message).toContain(`${BTP}: ${months.length}`);
    expect(other[0]?.message).toContain(`${NORFOLK}: 1`);
  });

  it("names the force of a partnership whose force sent no file, never counting stray rows", () => {
    let e: unknown;
    try {
      buildPoliceImport(t, geo, { partnership: "Oldham" });
    } catch (x) {
      e = x;
    }
    expect(e).toBeInstanceOf(AreaError);
    expect((e as AreaError).code).toBe("FORCE_ABSENT");
    expect((e as AreaError).message).toContain(
      "Oldham is policed by Greater Manchester Police; no Greater Manchester Police files are among the inputs"
    );
  });

  it("gives a peer whose force sent no file no rows and a warning, not 'recorded none'", () => {
    const imp = buildPoliceImport(t, geo, {
      partnership: "South Cambridgeshire",
      peers: ["Cambridge", "Norwich", "Coventry"],
    });
    expect(imp.peers.some((p) => p.partnership === "Coventry")).toBe(false);
    const w = imp.warnings.find((x) => x.code === "PEER_FORCE_ABSENT")?.message ?? "";
    expect(w).toContain("Coventry is policed by West Midlands Police");
    expect(imp.warnings.map((x) => x.message).join(" ")).not.toMatch(/Coventry[^.]*recorded none/);
    expect(new Set(imp.peers.map((p) => p.partnership))).toEqual(
      new Set(["South Cambridgeshire", "Cambridge", "Norwich"])
    );
  });

  it("gives the same numbers whichever neighbours' files are among the inputs", () => {
    const alone = new Map([[CAMBS, d.get(CAMBS) as Map<string, Row[]>]]);
    const a = buildPoliceImport(tallyOf(files(alone)), geo, { partnership: "Cambridge" });
    const b = buildPoliceImport(t, geo, { partnership: "Cambridge" });
    expect(a.monthly).toEqual(b.monthly);
  });
});

describe("the same data twice", () => {
  it("gives the same numbers as once, with one warning naming the files", () => {
    const d = download(range(monthKey(2024, 1), 3), { [CAMBS]: ["South Cambridgeshire"] });
    const f = files(d);
    const once = buildPoliceImport(tallyOf(f), geo, { partnership: "South Cambridgeshire" });
    const twice = tallyOf({
      ...f,
      ...Object.fromEntries(Object.entries(f).map(([p, text]) => [`copy/${p}`, text])),
    });
    const again = buildPoliceImport(twice, geo, { partnership: "South Cambridgeshire" });
    expect(again.monthly).toEqual(once.monthly);
    expect(again.rows).toBe(once.rows);
    const dup = again.warnings.filter((w) => w.code === "DUPLICATE_FILES");
    expect(dup).toHaveLength(1);
    expect(dup[0]?.message).toContain("copy/2024-01/2024-01-cambridgeshire-street.csv");
  });
});

describe("boundary changes", () => {
  // Before April 2019 Suffolk's files name Suffolk Coastal and Waveney; later ones East Suffolk.
  const before = range(monthKey(2018, 10), 6);
  const after = range(APR24 - 3, 3);
  const d = download(before, { [SUFFOLK]: ["Suffolk Coastal", "Waveney", "Ipswich"] });
  const later = download(after, { [SUFFOLK]: ["East Suffolk", "Ipswich"] });
  for (const [m, rows] of later.get(SUFFOLK) as Map<string, Row[]>) d.get(SUFFOLK)?.set(m, rows);
  const t = tallyOf(files(d));

  it("gives a district no row (never 0) in months before it existed, naming the districts of the time", () => {
    const imp = buildPoliceImport(t, geo, { partnership: "East Suffolk" });
    expect(monthly(imp, "BURGLARY")).toEqual(
      after.map((k) => [mk(k), expected(d, SUFFOLK, "East Suffolk", "Burglary", k)])
    );
    const w = imp.warnings.filter((x) => x.code === "BOUNDARY_MONTHS");
    expect(w).toHaveLength(1);
    expect(w[0]?.message).toContain(before.map(mk).join(", "));
    expect(w[0]?.message).toMatch(/Waveney.*Suffolk Coastal|Suffolk Coastal.*Waveney/);
  });

  it("counts the CSP that continues a former district by its name, where the files use it", () => {
    const imp = buildPoliceImport(t, geo, { partnership: "Waveney" });
    expect(imp.kind).toBe("csp");
    expect(imp.warnings.map((w) => w.code)).toEqual(
      expect.arrayContaining(["AREA_NOTE", "BOUNDARY_MONTHS"])
    );
    const counted = [...new Set(imp.monthly.map((r) => r.month))];
    for (const k of counted) expect(before).toContain(k);
    for (const r of imp.monthly.filter((x) => x.measure === "BURGLARY"))
      expect(r.count).toBe(expected(d, SUFFOLK, "Waveney", "Burglary", r.month));
  });
});

describe("a CSP of several districts", () => {
  it("is their sum, each from its own force's file", () => {
    const months = range(monthKey(2023, 4), 3);
    const d = download(months, {
      [SUFFOLK]: ["Babergh", "Mid Suffolk", "West Suffolk", "Ipswich"],
    });
    const imp = buildPoliceImport(tallyOf(files(d)), geo, { partnership: "western suffolk" });
    expect(imp.partnership).toBe("Western Suffolk");
    expect(imp.districts).toEqual(["Babergh", "Mid Suffolk", "West Suffolk"]);
    for (const type of TYPES) {
      const id = type.toUpperCase().replace(/[^A-Z]+/g, "_");
      expect(monthly(imp, id)).toEqual(
        months.map((k) => [
          mk(k),
          ["Babergh", "Mid Suffolk", "West Suffolk"]
            .map((x) => expected(d, SUFFOLK, x, type, k))
            .reduce((a, b) => a + b, 0),
        ])
      );
    }
  });
});

describe("peers", () => {
  const months = range(monthKey(2023, 1), 6);
  const d = download(months, {
    [CAMBS]: ["Cambridge", "South Cambridgeshire", "East Cambridgeshire"],
    [NORFOLK]: ["Norwich", "King's Lynn and West Norfolk"],
  });
  const t = tallyOf(files(d));
  const peers = ["Cambridge", "East Cambridgeshire", "Norwich", "Kings Lynn & West Norfolk"];

  it("rates each member per 1,000 of its ONS mid-year estimate by default", () => {
    const imp = buildPoliceImport(t, geo, { partnership: "South Cambridgeshire", peers });
    const june = imp.peers.filter((p) => p.measure === "VEHICLE_CRIME" && p.periodEnd.month === 6);
    expect(june).toHaveLength(5);
    for (const p of june) {
      const area = geo.resolve(p.partnership);
      const people = geo.population(area, p.periodEnd)?.people as number;
      const force = area.force.name;
      const district = area.districts[0]?.name as string;
      const count = range(monthKey(2023, 4), 3)
        .map((k) => expected(d, force, district, "Vehicle crime", k))
        .reduce((a, b) => a + b, 0);
      expect([p.count, p.population, p.rate]).toEqual([count, people, (count / people) * 1000]);
    }
    // Mid-2022 for the period ending March 2023, mid-2023 for June's.
    const mar = imp.peers.find((p) => p.periodEnd.month === 3 && p.partnership === "Norwich");
    expect(mar?.population).toBe(
      geo.population(geo.resolve("Norwich"), { year: 2023, month: 3, day: 31 })?.people
    );
    expect(imp.populationNote).toContain("mid-2022");
  });

  it("takes a population table's figure where it names the member, ONS's elsewhere, and says so", () => {
    const imp = buildPoliceImport(t, geo, {
      partnership: "South Cambridgeshire",
      peers,
      population: new Map([["south cambridgeshire", 200000]]),
    });
    expect(imp.peers.find((p) => p.partnership === "South Cambridgeshire")?.population).toBe(
      200000
    );
    expect(imp.warnings.find((w) => w.code === "POPULATION_FROM_ONS")?.message).toContain(
      "Norwich"
    );
  });

  it("refuses a peer that names nothing, with the closest names", () => {
    expect(() =>
      buildPoliceImport(t, geo, { partnership: "South Cambridgeshire", peers: ["Norwhich"] })
    ).toThrow(/Peer group: "Norwhich" is not a district.*Closest: Norwich/);
  });
});

describe("Settings that validate, whatever month the data starts in", () => {
  it("imports to a workbook with no validation errors for any start, end and missing month", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: monthKey(2018, 1), max: monthKey(2023, 12) }),
        fc.integer({ min: 3, max: 40 }),
        fc.option(fc.integer({ min: 0, max: 39 }), { nil: null }),
        (start, n, hole) => {
          const months = range(start, n);
          const d = download(
            months,
            { [CAMBS]: ["Cambridge"] },
            (_, k) => hole !== null && k === start + hole
          );
          const imp = buildPoliceImport(tallyOf(files(d)), geo, { partnership: "Cambridge" });
          if (imp.periodEnd === null) return; // no whole quarter: said in a warning
          const analysis = analyse(snapshotOfData(importWorkbook(imp)));
          const errors = analysis.issues.filter((i) => i.severity === "error");
          expect({ start: mk(start), n, hole, window: imp.window, errors }).toEqual({
            start: mk(start),
            n,
            hole,
            window: imp.window,
            errors: [],
          });
          expect(analysis.model).not.toBeNull();
        }
      ),
      { numRuns: 100 }
    );
  });

  it("says Window is quarter when the data starts after April, and year to date when it covers the year", () => {
    const oct = download(range(monthKey(2018, 10), 5), { [CAMBS]: ["Cambridge"] });
    const a = buildPoliceImport(tallyOf(files(oct)), geo, { partnership: "Cambridge" });
    expect([a.window, a.periodEnd]).toEqual(["quarter", { year: 2018, month: 12, day: 31 }]);
    expect(a.settingsWarnings.map((w) => w.code)).toContain("WINDOW_QUARTER");
    const apr = download(range(monthKey(2018, 4), 9), { [CAMBS]: ["Cambridge"] });
    const b = buildPoliceImport(tallyOf(files(apr)), geo, { partnership: "Cambridge" });
    expect(b.window).toBe("year to date");
  });
});
