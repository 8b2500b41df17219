import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "fs";
import { createHash } from "crypto";
import path from "path";
import JSZip from "jszip";
import ExcelJS from "exceljs";
import { runCli } from "../support/run-cli";
import { tempDir } from "../support/temp";
import { Row, policeCsv } from "../support/police-csv";

const { dir, cleanup } = tempDir("police");
afterAll(cleanup);
const file = (name: string) => path.join(dir, name);
const sha = (f: string) => createHash("sha256").update(readFileSync(f)).digest("hex");

const CAMBS = "Cambridgeshire Constabulary";
const NORFOLK = "Norfolk Constabulary";
const TYPES = ["Anti-social behaviour", "Burglary", "Vehicle crime"];
const DISTRICTS: [string, string[]][] = [
  [CAMBS, ["Cambridge", "South Cambridgeshire", "East Cambridgeshire"]],
  [NORFOLK, ["King's Lynn and West Norfolk", "Norwich"]],
];

/** Month k (0 = Apr 2021) of a download: every district has (district index + type index + k % 3 + 1) rows of each type. */
function monthRows(m: string, k: number, force: string, districts: string[]): Row[] {
  const rows: Row[] = [];
  districts.forEach((d, di) =>
    TYPES.forEach((type, ti) => {
      for (let i = 0; i < di + ti + (k % 3) + 1; i++)
        rows.push({
          month: m,
          force,
          lsoa: `${d} 0${i % 10}2B`,
          type,
          location: "On or near Station Road, Ely",
        });
    })
  );
  rows.push({ month: m, force, lsoa: "", type: "Burglary" });
  return rows;
}

const monthName = (k: number) => {
  const key = 2021 * 12 + 3 + k;
  return `${Math.floor(key / 12)}-${String((key % 12) + 1).padStart(2, "0")}`;
};

/** The download as data.police.uk zips it: YYYY-MM/YYYY-MM-<force>-street.csv. */
async function writeZip(
  name: string,
  months: number,
  skip: { force: string; k: number }[] = []
): Promise<string> {
  const zip = new JSZip();
  for (let k = 0; k < months; k++) {
    const m = monthName(k);
    for (const [force, districts] of DISTRICTS) {
      if (skip.some((s) => s.force === force && s.k === k)) continue;
      const slug = force.split(" ")[0]?.toLowerCase();
      zip.file(
        `${m}/${m}-${slug}-street.csv`,
        policeCsv(monthRows(m, k, force, districts), { crlf: k % 2 === 0, bom: k % 5 === 0 })
      );
      zip.file(`${m}/${m}-${slug}-outcomes.csv`, "Crime ID,Month\n");
    }
  }
  writeFileSync(
    file(name),
    await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" })
  );
  return file(name);
}

async function table(f: string, sheet: string): Promise<(string | number | null)[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(f);
  const ws = wb.getWorksheet(sheet);
  const rows: (string | number | null)[][] = [];
  ws?.eachRow((r) =>
    rows.push(
      (r.values as unknown[])
        .slice(1)
        .map((v) =>
          v instanceof Date ? v.toISOString().slice(0, 10) : ((v as string | number | null) ?? null)
        )
    )
  );
  return rows;
}

beforeAll(() => {
  writeFileSync(
    file("peers.csv"),
    "Partnership,Notes\nCambridge,x\nEast Cambridgeshire,\nKing's Lynn and West Norfolk,\nNorwich,\n"
  );
  writeFileSync(
    file("population.csv"),
    'Area,Population\nSouth Cambridgeshire,"160,000"\nCambridge,150000\nEast Cambridgeshire,90000\nKing\'s Lynn and West Norfolk,151000\nNorwich,144000\n'
  );
});

describe("cdrp import police-uk", () => {
  let zip27: string;
  beforeAll(async () => {
    zip27 = await writeZip("download.zip", 27, [{ force: NORFOLK, k: 25 }]); // Apr 2021 .. Jun 2023
  });

  it("imports the zip into a workbook that validates and reports as it stands", async () => {
    const out = file("south.xlsx");
    const r = await runCli(
      "import",
      "police-uk",
      zip27,
      "--partnership",
      "South Cambridgeshire",
      "--peers",
      file("peers.csv"),
      "--population",
      file("population.csv"),
      "--out",
      out,
      "--json"
    );
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as {
      months: string[];
      rows: number;
      noLocation: number;
      measures: { measure: string; rows: number }[];
      warnings: { code: string; message: string }[];
    };
    expect(json.months).toHaveLength(27);
    expect(json.months[0]).toBe("2021-04");
    expect(json.noLocation).toBe(27 * 2 - 1);
    expect(json.measures.map((m) => m.measure)).toEqual([
      "ANTI_SOCIAL_BEHAVIOUR",
      "BURGLARY",
      "VEHICLE_CRIME",
    ]);
    // South Cambridgeshire is district 1: (1 + type + k % 3 + 1) rows per month.
    const burglary = Array.from({ length: 27 }, (_, k) => 1 + 1 + (k % 3) + 1).reduce(
      (a, b) => a + b,
      0
    );
    expect(json.measures[1]?.rows).toBe(burglary);
    expect(json.warnings.map((w) => w.code)).toEqual(
      expect.arrayContaining(["NO_LOCATION", "PEER_MONTH_MISSING", "FILES_SKIPPED"])
    );
    const missing = json.warnings.find((w) => w.code === "PEER_MONTH_MISSING")?.message ?? "";
    expect(missing).toContain("2023-05");

    const settings = await table(out, "Settings");
    expect(settings).toContainEqual(["Partnership", "South Cambridgeshire"]);
    expect(settings).toContainEqual(["Period end", "2023-06-30"]);
    expect(settings).toContainEqual(["Baseline year", "2021-22"]);
    const monthly = await table(out, "Monthly");
    expect(monthly).toHaveLength(1 + 3 * 27);
    expect(monthly[1]).toEqual(["ANTI_SOCIAL_BEHAVIOUR", "2021-04-01", 1 + 0 + 0 + 1]);
    const peers = await table(out, "Peers");
    // The quarter ending June 2023 lacks Norfolk's May: three Cambridgeshire members only.
    const june23 = peers.filter((p) => p[1] === "2023-06-30" && p[0] === "BURGLARY");
    expect(june23.map((p) => p[2])).toEqual([
      "South Cambridgeshire",
      "Cambridge",
      "East Cambridgeshire",
    ]);
    const mar23 = peers.filter((p) => p[1] === "2023-03-31" && p[0] === "BURGLARY");
    expect(mar23).toHaveLength(5);
    // Jan..Mar 2023 are months 21..23: South Cambridgeshire has 3 + k % 3 burglaries a month.
    const own = mar23.find((p) => p[2] === "South Cambridgeshire");
    expect(own?.slice(3)).toEqual([(12 / 160000) * 1000, 12, 160000]);

    const v = await runCli("validate", out, "--json");
    expect(v.code).toBe(0);
    const rep = await runCli("report", out, "--out", file("south-report.xlsx"), "--json");
    expect(rep.code).toBe(0);
    const summary = JSON.parse(rep.stdout) as {
      partnership: string;
      period: { label: string };
      measures: { measure: string; current: number; peer: { of: number } | null }[];
    };
    expect(summary.partnership).toBe("South Cambridgeshire");
    expect(summary.period.label).toBe("Q1 2023-24");
    const b = summary.measures.find((m) => m.measure === "BURGLARY");
    expect(b?.current).toBe(3 + 4 + 5);
    expect(b?.peer?.of).toBe(3);
  });

  it("reads a folder of the same files, CRLF and LF, with and without BOM", async () => {
    const folder = file("unzipped");
    const zip = await JSZip.loadAsync(readFileSync(zip27));
    for (const f of Object.values(zip.files)) {
      if (f.dir) continue;
      mkdirSync(path.join(folder, path.dirname(f.name)), { recursive: true });
      writeFileSync(path.join(folder, f.name), await f.async("nodebuffer"));
    }
    const r = await runCli(
      "import",
      "police-uk",
      folder,
      "--partnership",
      "South Cambridgeshire",
      "--out",
      file("folder.xlsx"),
      "--json"
    );
    expect(r.code).toBe(0);
    expect((await table(file("folder.xlsx"), "Monthly")).slice(1)).toEqual(
      (await table(file("south.xlsx"), "Monthly")).slice(1)
    );
  });

  it("merges into a workbook twice without duplicates, never writing the --into file", async () => {
    const into = file("south.xlsx");
    const before = sha(into);
    const more = await writeZip("more.zip", 30); // three more months, Jul..Sep 2023
    const once = file("merged-once.xlsx");
    const r1 = await runCli(
      "import",
      "police-uk",
      more,
      "--partnership",
      "South Cambridgeshire",
      "--into",
      into,
      "--out",
      once,
      "--json"
    );
    expect(r1.code).toBe(0);
    expect(sha(into)).toBe(before);
    const codes = (JSON.parse(r1.stdout) as { warnings: { code: string }[] }).warnings.map(
      (w) => w.code
    );
    expect(codes).toContain("PERIOD_END_MOVED");
    const twice = file("merged-twice.xlsx");
    expect(
      (
        await runCli(
          "import",
          "police-uk",
          more,
          "--partnership",
          "South Cambridgeshire",
          "--into",
          once,
          "--out",
          twice
        )
      ).code
    ).toBe(0);
    const monthly = (await table(twice, "Monthly")).slice(1);
    expect(monthly).toHaveLength(3 * 30);
    expect(new Set(monthly.map((r) => `${r[0]}|${r[1]}`)).size).toBe(3 * 30);
    expect(await table(twice, "Settings")).toContainEqual(["Period end", "2023-09-30"]);
    // The Peers rows of the first import stay (this import had no --peers).
    expect((await table(twice, "Peers")).length).toBe((await table(into, "Peers")).length);
    expect((await runCli("validate", twice)).code).toBe(0);
  });

  it("fills a template's blank settings with --into, and the result validates", async () => {
    expect((await runCli("template", "--out", file("template.xlsx"))).code).toBe(0);
    const out = file("from-template.xlsx");
    const r = await runCli(
      "import",
      "police-uk",
      zip27,
      "--partnership",
      "Cambridge",
      "--into",
      file("template.xlsx"),
      "--out",
      out
    );
    expect(r.code).toBe(0);
    expect(await table(out, "Settings")).toContainEqual(["Partnership", "Cambridge"]);
    expect((await runCli("validate", out)).code).toBe(0);
  });

  it("exits 1 for a name that is no district or CSP, offering the nearest names closest first", async () => {
    const r = await runCli(
      "import",
      "police-uk",
      zip27,
      "--partnership",
      "South Cambs",
      "--out",
      file("none.xlsx"),
      "--json"
    );
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as { districts: string[] };
    expect(json.districts[0]).toBe("South Cambridgeshire");
    expect(existsSync(file("none.xlsx"))).toBe(false);
  });

  it("refuses a bad header or a wrong field count with exit 2, the file and line, and writes nothing", async () => {
    const bad = file("bad");
    mkdirSync(path.join(bad, "2024-01"), { recursive: true });
    const good = policeCsv([
      { month: "2024-01", force: CAMBS, lsoa: "Cambridge 001A", type: "Burglary" },
    ]);
    writeFileSync(path.join(bad, "2024-01", "2024-01-a-street.csv"), good);
    writeFileSync(path.join(bad, "2024-01", "2024-01-b-street.csv"), good + "1,2024-01,x\n");
    const r = await runCli(
      "import",
      "police-uk",
      bad,
      "--partnership",
      "Cambridge",
      "--out",
      file("bad.xlsx")
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("2024-01-b-street.csv, line 3");
    writeFileSync(file("header.csv"), good.replace("LSOA name", "LSOA Name"));
    const h = await runCli(
      "import",
      "police-uk",
      file("header.csv"),
      "--partnership",
      "Cambridge",
      "--out",
      file("bad.xlsx")
    );
    expect(h.code).toBe(2);
    expect(h.stderr).toContain("header.csv, line 1");
    expect(
      readdirSync(dir).filter((f) => f.startsWith("bad.xlsx") || f.startsWith(".cdrp-tmp"))
    ).toEqual([]);
  });
});
