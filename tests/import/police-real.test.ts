/**
 * `cdrp import police-uk` on real police.uk files (tests/fixtures/police-uk: an excerpt of real
 * downloads of 2018-19 and 2024). Every expected count is counted here, independently, from the
 * fixture's rows: the district's own force's file (by its name), rows whose LSOA name begins with
 * the district's name. Populations are read from the ONS table as published. One test per finding
 * of issue 15.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync, copyFileSync } from "fs";
import path from "path";
import JSZip from "jszip";
import ExcelJS from "exceljs";
import { parse } from "papaparse";
import { runCli } from "../support/run-cli";
import { tempDir } from "../support/temp";

const FIXTURES = path.resolve(__dirname, "..", "fixtures", "police-uk");
const Y2024 = path.join(FIXTURES, "2024-01-to-04.zip");
const Y2018 = path.join(FIXTURES, "2018-10-to-2019-02.zip");
const GEO = path.resolve(__dirname, "..", "..", "data", "geography");

const { dir, cleanup } = tempDir("police-real");
afterAll(cleanup);
const file = (name: string) => path.join(dir, name);

/** The fixture's files: "<2024 or 2018>/YYYY-MM/YYYY-MM-<force>-street.csv" -> rows (no header). */
const files = new Map<string, string[][]>();
async function unzipTo(zipFile: string, folder: string, key: string | null): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(zipFile));
  for (const [name, entry] of Object.entries(zip.files)) {
    if (entry.dir) continue;
    const text = await entry.async("string");
    mkdirSync(path.join(folder, path.dirname(name)), { recursive: true });
    writeFileSync(path.join(folder, name), text);
    if (key !== null)
      files.set(`${key}/${name}`, parse<string[]>(text, { skipEmptyLines: true }).data.slice(1));
  }
}

/** Rows of the districts in the force's own files, by month and crime type: the expected counts. */
function ownRows(
  slug: string,
  districts: string[],
  from: string[] = ["2024"]
): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const [name, rows] of files) {
    const m = new RegExp(
      `^(?:${from.join("|")})/(\\d{4}-\\d{2})/\\d{4}-\\d{2}-${slug}-street\\.csv$`
    ).exec(name);
    if (!m) continue;
    const byType = new Map<string, number>();
    for (const r of rows) {
      const lsoa = r[8] ?? "";
      if (districts.some((d) => lsoa.startsWith(`${d} `)))
        byType.set(r[9] as string, (byType.get(r[9] as string) ?? 0) + 1);
    }
    out.set(m[1] as string, byType);
  }
  return out;
}

const allTypes = (from: string[] = ["2024"]) => [
  ...new Set(
    [...files]
      .filter(([n]) => from.includes(n.slice(0, 4)))
      .flatMap(([, rows]) => rows.map((r) => r[9] as string))
  ),
];
const idOf = (type: string) => type.toUpperCase().replace(/[^A-Z0-9]+/g, "_");

type Cell = string | number | null;
async function table(f: string, sheet: string): Promise<Cell[][]> {
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

/** Monthly as "MEASURE|YYYY-MM" -> count. */
async function monthlyOf(f: string): Promise<Map<string, number>> {
  return new Map((await table(f, "Monthly")).map((r) => [`${r[0]}|${r[1]}`, r[2] as number]));
}

function expectedMonthly(
  slug: string,
  districts: string[],
  from: string[] = ["2024"]
): Map<string, number> {
  const out = new Map<string, number>();
  for (const [month, byType] of ownRows(slug, districts, from))
    for (const t of allTypes(from)) out.set(`${idOf(t)}|${month}`, byType.get(t) ?? 0);
  return out;
}

interface Json {
  partnership: string;
  months: string[];
  rows: number;
  warnings: { code: string; message: string }[];
}
const importJson = async (...args: string[]) => {
  const r = await runCli("import", "police-uk", ...args, "--json");
  return { ...r, json: r.code === 0 ? (JSON.parse(r.stdout) as Json) : null };
};

beforeAll(async () => {
  await unzipTo(Y2024, file("2024"), "2024");
  await unzipTo(Y2018, file("2018"), "2018");
});

describe("real police.uk files", () => {
  it("counts each month from the district's own force's files only (BTP and neighbours' rows left out)", async () => {
    const out = file("south-cambs.xlsx");
    const r = await importJson(Y2024, "--partnership", "South Cambridgeshire", "--out", out);
    expect(r.code).toBe(0);
    const expected = expectedMonthly("cambridgeshire", ["South Cambridgeshire"]);
    expect(expected.size).toBe(4 * allTypes().length);
    expect(await monthlyOf(out)).toEqual(expected);
    // The excerpt's BTP files do name South Cambridgeshire: those rows are said, once, not counted.
    const btp = [...files]
      .filter(([n]) => n.startsWith("2024/") && n.includes("-btp-"))
      .flatMap(([, rows]) => rows);
    const stray = btp.filter((row) => (row[8] ?? "").startsWith("South Cambridgeshire ")).length;
    expect(stray).toBeGreaterThan(0);
    const w = r.json?.warnings.filter((x) => x.code === "OTHER_FORCE_ROWS") ?? [];
    expect(w).toHaveLength(1);
    expect(w[0]?.message).toContain(`British Transport Police: ${stray}`);
  });

  it("counts a CSP of several districts as their sum (Western Suffolk)", async () => {
    const out = file("western-suffolk.xlsx");
    const r = await importJson(Y2024, "--partnership", "Western Suffolk", "--out", out);
    expect(r.code).toBe(0);
    expect(r.json?.partnership).toBe("Western Suffolk");
    expect(await monthlyOf(out)).toEqual(
      expectedMonthly("suffolk", ["Babergh", "Mid Suffolk", "West Suffolk"])
    );
  });

  it("imports data starting in October to a workbook that validates and reports as it stands", async () => {
    const out = file("ipswich-2018.xlsx");
    const r = await importJson(Y2018, "--partnership", "Ipswich", "--out", out);
    expect(r.code).toBe(0);
    expect(await monthlyOf(out)).toEqual(expectedMonthly("suffolk", ["Ipswich"], ["2018"]));
    const v = await runCli("validate", out, "--json");
    const issues = (JSON.parse(v.stdout) as { issues: { severity: string; code: string }[] })
      .issues;
    expect(issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(v.code).toBe(0);
    const report = await runCli("report", out, "--out", file("ipswich-2018-report.xlsx"), "--json");
    expect(report.code).toBe(0);
    expect((JSON.parse(report.stdout) as { period: { label: string } }).period.label).toBe(
      "Q3 2018-19"
    );
  });

  it("names the force of a partnership whose force published nothing, never counting stray rows (Oldham)", async () => {
    const btpOldham = [...files]
      .filter(([n]) => n.startsWith("2018/") && n.includes("-btp-"))
      .flatMap(([, rows]) => rows)
      .filter((row) => (row[8] ?? "").startsWith("Oldham "));
    expect(btpOldham.length).toBeGreaterThan(0); // BTP rows name Oldham
    const out = file("oldham.xlsx");
    const r = await runCli("import", "police-uk", Y2018, "--partnership", "Oldham", "--out", out);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      "Oldham is policed by Greater Manchester Police; no Greater Manchester Police files are among the inputs"
    );
    expect(existsSync(out)).toBe(false);
  });

  it("gives a peer whose force is absent no rate, naming it and its force (Coventry)", async () => {
    writeFileSync(file("peers.csv"), "Partnership\nCoventry\nCambridge\nNorwich\nIpswich\n");
    const out = file("peers.xlsx");
    const r = await importJson(
      Y2024,
      "--partnership",
      "South Cambridgeshire",
      "--peers",
      file("peers.csv"),
      "--out",
      out
    );
    expect(r.code).toBe(0);
    const peers = await table(out, "Peers");
    expect(peers.length).toBeGreaterThan(0);
    expect(peers.some((p) => p[2] === "Coventry")).toBe(false);
    const w = r.json?.warnings.find((x) => x.code === "PEER_FORCE_ABSENT")?.message ?? "";
    expect(w).toContain("Coventry is policed by West Midlands Police");
  });

  it("rates peers per 1,000 people of the ONS mid-year estimate, with no population table", async () => {
    const peers = await table(file("peers.xlsx"), "Peers");
    const pop = parse<string[]>(
      readFileSync(path.join(GEO, "ons-mye23-population-lad.csv"), "utf8"),
      {
        skipEmptyLines: true,
      }
    ).data;
    const col = (pop[0] as string[]).indexOf("Mid-2023");
    const people = (name: string) => Number(pop.find((row) => row[1] === name)?.[col]);
    const slug: Record<string, string> = {
      "South Cambridgeshire": "cambridgeshire",
      Cambridge: "cambridgeshire",
      Norwich: "norfolk",
      Ipswich: "suffolk",
    };
    // The quarter ending March 2024: January to March.
    const march = peers.filter((p) => p[1] === "2024-03");
    expect(new Set(march.map((p) => p[2]))).toEqual(new Set(Object.keys(slug)));
    for (const [measure, , member, rate, count, population] of march) {
      const rows = ownRows(slug[member as string] as string, [member as string]);
      const type = allTypes().find((t) => idOf(t) === measure) as string;
      const n = ["2024-01", "2024-02", "2024-03"]
        .map((m) => rows.get(m)?.get(type) ?? 0)
        .reduce((a, b) => a + b, 0);
      expect([count, population, rate]).toEqual([
        n,
        people(member as string),
        (n / people(member as string)) * 1000,
      ]);
    }
  });

  it("counts the same files given twice once: a zip and its unzipped copy, a file named twice", async () => {
    const folder = file("both");
    mkdirSync(folder);
    copyFileSync(Y2024, path.join(folder, "download.zip"));
    await unzipTo(Y2024, path.join(folder, "download"), null);
    const once = await importJson(Y2024, "--partnership", "Norwich", "--out", file("once.xlsx"));
    const twice = await importJson(folder, "--partnership", "Norwich", "--out", file("twice.xlsx"));
    const named = await importJson(
      file("2024/2024-01/2024-01-norfolk-street.csv"),
      file("2024/2024-01/2024-01-norfolk-street.csv"),
      "--partnership",
      "Norwich",
      "--out",
      file("named.xlsx")
    );
    expect(twice.code).toBe(0);
    expect(twice.json?.rows).toBe(once.json?.rows);
    expect(await monthlyOf(file("twice.xlsx"))).toEqual(await monthlyOf(file("once.xlsx")));
    expect(twice.json?.warnings.filter((w) => w.code === "DUPLICATE_FILES")).toHaveLength(1);
    expect(named.json?.rows).toBe(files.get("2024/2024-01/2024-01-norfolk-street.csv")?.length);
  });

  it("never writes 0 for a district before a boundary change (East Suffolk, 2018-19 and 2024)", async () => {
    const out = file("east-suffolk.xlsx");
    const r = await importJson(Y2018, Y2024, "--partnership", "East Suffolk", "--out", out);
    expect(r.code).toBe(0);
    const monthly = await monthlyOf(out);
    const months = new Set([...monthly.keys()].map((k) => k.split("|")[1]));
    expect([...months].sort()).toEqual(["2024-01", "2024-02", "2024-03", "2024-04"]);
    // Every month of 2018-19 is left out (no row at all), so only 2024's types and months remain.
    expect(monthly).toEqual(expectedMonthly("suffolk", ["East Suffolk"], ["2024"]));
    const w = r.json?.warnings.find((x) => x.code === "BOUNDARY_MONTHS")?.message ?? "";
    expect(w).toContain("2018-10, 2018-11, 2018-12, 2019-01, 2019-02");
    expect(w).toContain("Suffolk Coastal");
    expect(w).toContain("Waveney");
  });

  it("gives no row for a month the force did not supply (Nottinghamshire's 2024-04)", async () => {
    const out = file("nottingham.xlsx");
    const r = await importJson(Y2024, "--partnership", "Nottingham", "--out", out);
    expect(r.code).toBe(0);
    expect(await monthlyOf(out)).toEqual(expectedMonthly("nottinghamshire", ["Nottingham"]));
    expect(r.json?.warnings.find((w) => w.code === "FORCE_MONTH_MISSING")?.message).toContain(
      "Nottinghamshire Police supplied no data for 2024-04"
    );
  });
});

describe("messages on real files", () => {
  it("reads a renamed street file in a folder, and names once a file it does not read", async () => {
    const folder = file("renamed");
    mkdirSync(folder);
    for (const m of ["2024-01", "2024-02", "2024-03"]) {
      copyFileSync(
        file(`2024/${m}/${m}-cambridgeshire-street.csv`),
        path.join(folder, `${m}-cambridgeshire-street.csv`)
      );
      copyFileSync(
        file(`2024/${m}/${m}-norfolk-street.csv`),
        path.join(folder, `norfolk ${m}.csv`)
      );
    }
    writeFileSync(
      path.join(folder, "norfolk-outcomes.csv"),
      "Crime ID,Month,Reported by,Falls within,Outcome type\n"
    );
    const r = await importJson(folder, "--partnership", "Norwich", "--out", file("norwich.xlsx"));
    expect(r.code).toBe(0);
    const skipped = r.json?.warnings.filter((w) => w.code === "FILES_SKIPPED") ?? [];
    expect(skipped).toHaveLength(1);
    expect(skipped[0]?.message).toContain("norfolk-outcomes.csv");
    // Without Norfolk's own files: exit 1, naming Norfolk's force and, once, the file not read.
    const only = file("no-norfolk");
    mkdirSync(only);
    copyFileSync(
      file("2024/2024-01/2024-01-cambridgeshire-street.csv"),
      path.join(only, "2024-01-cambridgeshire-street.csv")
    );
    writeFileSync(
      path.join(only, "norfolk.csv"),
      "Crime ID,Month,Reported by,Falls within,Outcome type\n"
    );
    const e = await runCli(
      "import",
      "police-uk",
      only,
      "--partnership",
      "Norwich",
      "--out",
      file("x.xlsx")
    );
    expect(e.code).toBe(1);
    expect(e.stderr).toContain(
      "Norwich is policed by Norfolk Constabulary; no Norfolk Constabulary files"
    );
    expect(e.stderr.match(/norfolk\.csv/g)).toHaveLength(1);
  });

  it("takes 'Bristol' as ONS's 'Bristol, City of', and suggests it for a near miss", async () => {
    const r = await runCli(
      "import",
      "police-uk",
      Y2024,
      "--partnership",
      "Bristol",
      "--out",
      file("b.xlsx")
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("City of Bristol is policed by Avon and Somerset Constabulary");
    const near = await runCli(
      "import",
      "police-uk",
      Y2024,
      "--partnership",
      "Bristle",
      "--out",
      file("b.xlsx"),
      "--json"
    );
    expect(near.code).toBe(1);
    expect((JSON.parse(near.stdout) as { districts: string[] }).districts[0]).toBe(
      "City of Bristol"
    );
  });

  it("ends a refusal's sentence with a full stop before 'Nothing was written.'", async () => {
    writeFileSync(
      file("outcomes.csv"),
      "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Outcome type\n"
    );
    const r = await runCli(
      "import",
      "police-uk",
      file("outcomes.csv"),
      "--partnership",
      "Norwich",
      "--out",
      file("o.xlsx")
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Outcome type"\. Nothing was written\.$/);
  });

  it("says a file cut short is cut short", async () => {
    const text = readFileSync(file("2024/2024-01/2024-01-norfolk-street.csv"), "utf8");
    writeFileSync(file("2024-01-norfolk-street.csv"), text.slice(0, Math.floor(text.length / 2)));
    const r = await runCli(
      "import",
      "police-uk",
      file("2024-01-norfolk-street.csv"),
      "--partnership",
      "Norwich",
      "--out",
      file("t.xlsx")
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("cut short");
    expect(r.stderr).not.toContain("double quotes");
  });

  it("says rows with no location in one line, not one per force", async () => {
    const r = await runCli(
      "import",
      "police-uk",
      Y2024,
      "--partnership",
      "Norwich",
      "--out",
      file("n.xlsx")
    );
    expect(r.code).toBe(0);
    expect(r.stderr.split("\n").filter((l) => l.includes("NO_LOCATION"))).toHaveLength(1);
  });
});
