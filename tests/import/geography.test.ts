/**
 * The shipped ONS tables read by the pure parser: districts, CSPs, forces and populations as the
 * README of data/geography states them (its spot checks are published figures), and names matched
 * in the spellings people type.
 */
import { existsSync, readFileSync } from "fs";
import path from "path";
import { parse } from "papaparse";
import { GEOGRAPHY_DIR, loadGeography } from "../../src/cli/geography";
import { AreaError, displayName, keysOf, nameKey } from "../../src/workbook/geography";

const geo = loadGeography();
const csv = (name: string) =>
  parse<string[]>(readFileSync(path.join(GEOGRAPHY_DIR, name), "utf8").replace(/^\ufeff/, ""), {
    skipEmptyLines: true,
  }).data;

describe("the shipped ONS tables", () => {
  // The steering repository's copy (../shared), where it is checked out beside this one.
  const shared = path.resolve(__dirname, "../../../shared/data/geography");
  (existsSync(shared) ? it : it.skip)("are the shared data byte for byte", () => {
    for (const f of [
      "lad-csp-pfa-dec2023.csv",
      "ons-mye23-population-lad.csv",
      "police-uk-forces.csv",
      "README.md",
    ]) {
      expect(readFileSync(path.join(GEOGRAPHY_DIR, f))).toEqual(readFileSync(path.join(shared, f)));
    }
  });

  it("hold as many districts, CSPs and forces as the lookup's distinct codes", () => {
    const rows = csv("lad-csp-pfa-dec2023.csv").slice(1);
    expect(geo.districts).toHaveLength(new Set(rows.map((r) => r[0])).size);
    expect(geo.csps).toHaveLength(new Set(rows.map((r) => r[2])).size);
    const areas = new Set(rows.map((r) => r[4]));
    expect(new Set(geo.districts.map((d) => d.force.code))).toEqual(areas);
    // The README's counts: 318 districts, 314 CSPs, 43 forces.
    expect([geo.districts.length, geo.csps.length, areas.size]).toEqual([318, 314, 43]);
  });

  it("give the README's spot checks", () => {
    const south = geo.resolve("South Cambridgeshire");
    expect(south.force.name).toBe("Cambridgeshire Constabulary");
    expect(geo.population(south, { year: 2018, month: 12, day: 31 })).toEqual({
      people: 157810,
      midYear: 2018,
    });
    expect(geo.population(south, { year: 2024, month: 3, day: 31 })).toEqual({
      people: 168541,
      midYear: 2023,
    });
    expect(geo.resolve("Norwich").force.name).toBe("Norfolk Constabulary");
    expect(geo.resolve("Oldham").force.name).toBe("Greater Manchester Police");
    expect(geo.resolve("Westminster").force.name).toBe("Metropolitan Police Service");
    expect(geo.resolve("City of London").force.name).toBe("City of London Police");
  });

  it("take the latest mid-year at or before the window's end", () => {
    const a = geo.resolve("Ipswich");
    const pop = csv("ons-mye23-population-lad.csv");
    const header = pop[0] as string[];
    const row = pop.find((r) => r[1] === "Ipswich") as string[];
    const at = (y: number) => Number(row[header.indexOf(`Mid-${y}`)]);
    expect(geo.population(a, { year: 2019, month: 6, day: 30 })?.people).toBe(at(2019));
    expect(geo.population(a, { year: 2019, month: 3, day: 31 })?.people).toBe(at(2018));
    expect(geo.population(a, { year: 2011, month: 3, day: 31 })).toBeNull();
  });

  it("sum a CSP's districts, whose force is theirs", () => {
    const w = geo.resolve("Western Suffolk");
    expect(w.kind).toBe("csp");
    expect(w.districts.map((d) => d.name)).toEqual(["Babergh", "Mid Suffolk", "West Suffolk"]);
    const end = { year: 2023, month: 12, day: 31 };
    const sum = w.districts
      .map((d) => geo.population(geo.resolve(d.name), end)?.people ?? NaN)
      .reduce((x, y) => x + y, 0);
    expect(geo.population(w, end)?.people).toBe(sum);
    expect(w.force.slug).toBe("suffolk");
  });
});

describe("names as people type them", () => {
  it.each([
    ["Bristol", "City of Bristol"],
    ["bristol, city of", "City of Bristol"],
    ["City of Bristol", "City of Bristol"],
    ["HEREFORDSHIRE", "County of Herefordshire"],
    ["Kingston upon Hull", "City of Kingston upon Hull"],
    ["King’s Lynn & West Norfolk", "King's Lynn and West Norfolk"],
    ["Kings Lynn and West Norfolk", "King's Lynn and West Norfolk"],
    ["stockton on tees", "Stockton-on-Tees"],
    ["The Vale of Glamorgan", "Vale of Glamorgan"],
    ["  south   cambridgeshire ", "South Cambridgeshire"],
    ["St. Helens", "St. Helens"],
  ])("%s is %s", (typed, name) => {
    expect(geo.resolve(typed).name).toBe(name);
  });

  it("reads police.uk's own district spellings", () => {
    expect(geo.districtOfRows("Bristol")?.ons).toBe("Bristol, City of");
    expect(geo.districtOfRows("The Vale of Glamorgan")?.ons).toBe("Vale of Glamorgan");
    expect(geo.districtOfRows("Suffolk Coastal")).toBeNull();
  });

  it("finds a file's force by its Reported by, else by the slug of its name", () => {
    expect(geo.forceOf("Devon & Cornwall Police", "x.csv")?.slug).toBe("devon-and-cornwall");
    expect(geo.forceOf("Someone", "2024-01/2024-01-btp-street.csv")?.name).toBe(
      "British Transport Police"
    );
    expect(geo.forceOf("Someone", "renamed.csv")).toBeNull();
  });

  it("keys ONS's inverted names both ways and shows them the plain way round", () => {
    expect(keysOf("Bristol, City of")).toEqual(["bristol city of", "bristol", "city of bristol"]);
    expect(displayName("Herefordshire, County of")).toBe("County of Herefordshire");
    expect(nameKey("Devon & Cornwall")).toBe("devon and cornwall");
  });

  it("counts a CSP of several districts as their sum, and a district that is also a CSP as the district", () => {
    expect(geo.resolve("Cwm Taf").districts.map((d) => d.name)).toEqual([
      "Rhondda Cynon Taf",
      "Merthyr Tydfil",
    ]);
    const devon = geo.resolve("North Devon");
    expect(devon.kind).toBe("district");
    expect(devon.note).toContain("Torridge");
  });

  it("counts a CSP that is part of one district by the former district's name", () => {
    const carlisle = geo.resolve("Carlisle");
    expect(carlisle.formerName).toBe("Carlisle");
    expect(carlisle.districts).toEqual([]);
    expect(carlisle.force.name).toBe("Cumbria Constabulary");
    expect(carlisle.note).toContain("Cumberland");
  });

  it("takes Dorset as the district: its CSP also covers part of a district rows cannot split", () => {
    const dorset = geo.resolve("Dorset");
    expect(dorset.kind).toBe("district");
    expect(dorset.note).toContain("Bournemouth, Christchurch and Poole");
    const dorsetCsp = geo.csps.find((c) => c.ons === "Dorset");
    expect(dorsetCsp?.districts.map((d) => d.name)).toEqual([
      "Bournemouth, Christchurch and Poole",
      "Dorset",
    ]);
  });

  it("gives the closest names for a name that matches nothing", () => {
    let e: unknown;
    try {
      geo.resolve("Bristle");
    } catch (x) {
      e = x;
    }
    expect(e).toBeInstanceOf(AreaError);
    expect((e as AreaError).code).toBe("AREA_NOT_FOUND");
    expect((e as AreaError).nearest[0]).toBe("City of Bristol");
    expect((e as AreaError).message).toMatch(/\.$/);
    let s: unknown;
    try {
      geo.resolve("South Cambs");
    } catch (x) {
      s = x;
    }
    expect((s as AreaError).nearest[0]).toBe("South Cambridgeshire");
  });
});
