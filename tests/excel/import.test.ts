/** The pane's import against the in-memory Excel fake: the merge, its sync budget, text kept literal. */
import { FakeExcel } from "../fake-excel";
import { MAX_REQUEST_BYTES, checkWorkbook, readWorkbook } from "../../src/excel";
import { importIntoWorkbook, writeBlocks } from "../../src/excel/import";
import { templateWorkbook, sampleWorkbook } from "../../src/workbook";
import { findGrid } from "../../src/workbook/tables";
import { PoliceCsvReader, PoliceTally, buildPoliceImport } from "../../src/workbook/import";
import { loadGeography } from "../../src/cli/geography";
import { Row, policeCsv } from "../support/police-csv";

const geo = loadGeography();
const FORCE = "Cambridgeshire Constabulary";
const DISTRICTS = ["South Cambridgeshire", "Cambridge", "East Cambridgeshire", "Fenland"];

function tally(months: number, extraType: string | null = null): PoliceTally {
  const t = new PoliceTally();
  for (let k = 0; k < months; k++) {
    const key = 2021 * 12 + 3 + k;
    const m = `${Math.floor(key / 12)}-${String((key % 12) + 1).padStart(2, "0")}`;
    const rows: Row[] = [];
    DISTRICTS.forEach((d, di) => {
      for (let i = 0; i <= di + (k % 2); i++)
        rows.push({ month: m, force: FORCE, lsoa: `${d} 001A`, type: "Burglary" });
      rows.push({ month: m, force: FORCE, lsoa: `${d} 002A`, type: "Vehicle crime" });
      if (extraType) rows.push({ month: m, force: FORCE, lsoa: `${d} 003A`, type: extraType });
    });
    const path = `${m}/${m}-cambridgeshire-street.csv`;
    t.beginFile(path);
    const reader = new PoliceCsvReader(path, t.row);
    reader.push(policeCsv(rows));
    reader.end();
    t.endFile();
  }
  return t;
}

const population = new Map(DISTRICTS.map((d, i) => [d, 100000 + i * 1000]));

describe("importIntoWorkbook (Office.js)", () => {
  it("fills the template's tables in 3 syncs, so that the check passes; a second import changes nothing", async () => {
    const fake = new FakeExcel({ currentYear: 2023 }).seed(templateWorkbook());
    const imp = buildPoliceImport(tally(27), geo, {
      partnership: "South Cambridgeshire",
      peers: DISTRICTS.slice(1),
      population,
    });
    fake.resetCounters();
    const r = await importIntoWorkbook(fake.context, imp);
    expect(r.syncs).toBe(3);
    expect(fake.syncCount).toBe(3);
    expect(r.tables).toEqual(["Settings", "Measures", "Monthly", "Peers", "Areas", "AreaMonthly"]);
    const check = await checkWorkbook(fake.context);
    expect(check.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(check.ok).toBe(true);
    const monthly = fake.sheet("Monthly").values("A1:C3");
    expect(monthly[1]).toEqual(["BURGLARY", 44287, 1]);
    expect(fake.sheet("Monthly").numberFormat("B2")).toBe("mmm yyyy");

    // Merging the same data again: no duplicates, no writes beyond the reads.
    const before = findGrid((await readWorkbook(fake.context)).snapshot, "Monthly")?.rows.length;
    fake.resetCounters();
    const again = await importIntoWorkbook(fake.context, imp);
    expect(again.tables).toEqual([]);
    expect(findGrid((await readWorkbook(fake.context)).snapshot, "Monthly")?.rows.length).toBe(
      before
    );
  });

  it("creates a large AreaMonthly in blocks, no request over 4 MB (a city of 1,500 areas, 2 years)", async () => {
    const t = new PoliceTally();
    for (let k = 0; k < 24; k++) {
      const key = 2021 * 12 + 3 + k;
      const m = `${Math.floor(key / 12)}-${String((key % 12) + 1).padStart(2, "0")}`;
      const rows: Row[] = [];
      for (let a = 0; a < 1500; a++)
        for (const type of ["Burglary", "Vehicle crime"])
          rows.push({
            month: m,
            force: FORCE,
            lsoa: `Cambridge ${String(a).padStart(4, "0")}A`,
            type,
          });
      const path = `${m}/${m}-cambridgeshire-street.csv`;
      t.beginFile(path);
      const reader = new PoliceCsvReader(path, t.row);
      reader.push(policeCsv(rows));
      reader.end();
      t.endFile();
    }
    const imp = buildPoliceImport(t, geo, { partnership: "Cambridge" });
    expect(imp.areas).toHaveLength(1500);
    const fake = new FakeExcel({ currentYear: 2023 }).seed(templateWorkbook());
    fake.resetCounters();
    const r = await importIntoWorkbook(fake.context, imp);
    expect(fake.maxRequestBytes).toBeLessThan(MAX_REQUEST_BYTES);
    expect(r.syncs).toBeGreaterThan(3);
    const grid = findGrid((await readWorkbook(fake.context)).snapshot, "AreaMonthly");
    // Three measures (Burglary, Vehicle crime and ALL_CRIME) a month for every area, and the header.
    expect(grid?.rows.length).toBe(imp.areaMonthly.length + 1);
    expect(imp.areaMonthly.length).toBe(1500 * 3 * 24);
  });

  it("writes a crime type that looks like a formula as text", async () => {
    const fake = new FakeExcel({ currentYear: 2023 }).seed(templateWorkbook());
    const imp = buildPoliceImport(tally(15, "=HYPERLINK(1)"), geo, {
      partnership: "South Cambridgeshire",
    });
    await importIntoWorkbook(fake.context, imp);
    const measures = fake.sheet("Measures");
    expect(measures.value("B2")).toBe("=HYPERLINK(1)");
    expect(measures.formula("B2")).toBeNull();
  });

  it("keeps the sample's own rows and moves Period end forward with a warning", async () => {
    const fake = new FakeExcel({ currentYear: 2023 }).seed(sampleWorkbook());
    const imp = buildPoliceImport(tally(15), geo, { partnership: "South Cambridgeshire" });
    const own =
      findGrid((await readWorkbook(fake.context)).snapshot, "Monthly")?.rows.slice(1) ?? [];
    const r = await importIntoWorkbook(fake.context, imp);
    expect(r.warnings.map((w) => w.code)).toContain("PERIOD_END_MOVED");
    const grid = findGrid((await readWorkbook(fake.context)).snapshot, "Monthly");
    expect(grid?.rows.slice(1, own.length + 1)).toEqual(own);
    const ids = new Set(grid?.rows.slice(own.length + 1).map((row) => row[0]));
    expect(ids).toEqual(new Set(["BURGLARY", "VEHICLE_CRIME"]));
  });

  it("writes neighbouring cells as one rectangle", () => {
    const writes = [0, 1, 2].flatMap((row) =>
      [0, 1, 2].map((col) => ({ row: row + 5, col, value: row * 3 + col, numFmt: "0" }))
    );
    const blocks = writeBlocks("Monthly", { row: 0, col: 0 }, writes);
    expect(blocks.map((b) => b.address)).toEqual(["A6:C8"]);
  });
});
