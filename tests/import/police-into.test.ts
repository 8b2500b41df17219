/**
 * `cdrp import police-uk --into` on workbooks saved by other programs (tests/fixtures/workbooks:
 * Excel, LibreOffice and openpyxl files from calamine's test suite, and a contract workbook saved
 * by openpyxl): each is read, not crashed on, and every part other than the contract tables' own
 * sheets and table parts comes out byte for byte: the user's charts, pivot tables, other sheets.
 */
import { spawnSync } from "child_process";
import { mkdtempSync, readFileSync, rmSync } from "fs";
import path from "path";
import JSZip from "jszip";
import { findGrid } from "../../src/workbook/tables";
import { readWorkbook } from "../../src/xlsx";
import { ooxmlProblems } from "../support/ooxml-check";
import { runCli } from "../support/run-cli";
import { tempDir } from "../support/temp";

const FIXTURES = path.resolve(__dirname, "..", "fixtures");
const DOWNLOAD = path.join(FIXTURES, "police-uk", "2024-01-to-04.zip");
const EARLIER = path.join(FIXTURES, "police-uk", "2018-10-to-2019-02.zip");
const wb = (name: string) => path.join(FIXTURES, "workbooks", name);

const { dir, cleanup } = tempDir("police-into");
afterAll(cleanup);
const file = (name: string) => path.join(dir, name);

async function parts(f: string): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(readFileSync(f));
  const out = new Map<string, Buffer>();
  for (const [name, entry] of Object.entries(zip.files))
    if (!entry.dir) out.set(name, await entry.async("nodebuffer"));
  return out;
}

/** Input parts whose bytes changed in the output (parts removed count as changed). */
async function changed(input: string, output: string): Promise<string[]> {
  const a = await parts(input);
  const b = await parts(output);
  return [...a]
    .filter(([n, bytes]) => !b.get(n)?.equals(bytes))
    .map(([n]) => n)
    .sort();
}

/** The package index parts, which adding a sheet must change (as the report's writer does). */
const INDEX =
  /^(\[Content_Types\]\.xml|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|docProps\/app\.xml)$/;

/** The checker's complaints with line numbers dropped: what the output adds must be none. */
function problems(f: string): Set<string> | null {
  const p = ooxmlProblems(f);
  return p === null
    ? null
    : new Set(p.map((l) => l.replace(/line \d+/, "line n").replace(/^.*?:\s*/, "")));
}

/** A contract table's rows as the file host reads them (exceljs crashes on openpyxl's files). */
async function sheetRows(f: string, table: string): Promise<unknown[][]> {
  const { snapshot } = await readWorkbook(readFileSync(f), path.basename(f));
  return findGrid(snapshot, table)?.rows ?? [];
}

/** A cell's <c> element in a sheet part, as written. */
function cellXml(sheetXml: string, ref: string): string {
  return new RegExp(`<c r="${ref}"[^>]*?(/>|>.*?</c>)`).exec(sheetXml)?.[0] ?? "";
}

/** The number format code a cell's style gives it, read from the styles part. */
function formatOf(pkg: Map<string, Buffer>, sheetXml: string, ref: string): string {
  const s = Number(/\bs="(\d+)"/.exec(cellXml(sheetXml, ref))?.[1] ?? 0);
  const styles = pkg.get("xl/styles.xml")?.toString("utf8") ?? "";
  const xfs = /<cellXfs[^>]*>(.*?)<\/cellXfs>/s.exec(styles)?.[1] ?? "";
  const id = Number(
    /numFmtId="(\d+)"/.exec(xfs.match(/<xf\b[^>]*?(\/>|>.*?<\/xf>)/gs)?.[s] ?? "")?.[1]
  );
  const custom = new RegExp(`<numFmt numFmtId="${id}" formatCode="([^"]*)"`).exec(styles)?.[1];
  return (
    custom ??
    ({ 0: "General", 3: "#,##0", 14: "mm-dd-yy" } as Record<number, string>)[id] ??
    String(id)
  );
}

const importInto = (into: string, out: string, ...more: string[]) =>
  runCli(
    "import",
    "police-uk",
    DOWNLOAD,
    ...more,
    "--partnership",
    "South Cambridgeshire",
    "--into",
    into,
    "--out",
    out,
    "--json"
  );

describe("--into a workbook with no contract tables, saved by another program", () => {
  it.each([
    [
      "calamine-pivots.xlsx",
      "Excel (Mac) with five pivot tables and a custom XML part",
      /pivot|customXml/,
    ],
    ["calamine-issue438.xlsx", "Excel with a chart sheet", /chart/],
    [
      "calamine-table_with_absolute_paths.xlsx",
      "openpyxl, the file exceljs crashes on",
      /tables\//,
    ],
    ["calamine-rph.xlsx", "LibreOffice", /sharedStrings/],
    ["calamine-temperature-table.xlsx", "Excel with tables of its own", /tables\//],
  ])("%s (%s): read, its own parts byte for byte, the contract's added", async (name, _, own) => {
    const out = file(`out-${name}`);
    const r = await importInto(wb(name), out);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const input = await parts(wb(name));
    expect([...input.keys()].some((n) => own.test(n))).toBe(true);
    // Only the package index changes: it lists the new sheets. Styles gain the date formats.
    const diff = (await changed(wb(name), out)).filter((n) => !INDEX.test(n));
    expect(diff.filter((n) => !/styles\.xml$/.test(n))).toEqual([]);
    const v = await runCli("validate", out);
    expect(v.code).toBe(0);
    expect((await sheetRows(out, "Settings"))[1]).toEqual(["Partnership", "South Cambridgeshire"]);
    const before = problems(wb(name));
    const after = problems(out);
    if (before && after) expect([...after].filter((p) => !before.has(p))).toEqual([]);
  });
});

describe("--into a contract workbook saved by openpyxl, with the analyst's formatting and chart", () => {
  const into = wb("contract-openpyxl.xlsx");
  const out = file("openpyxl-out.xlsx");
  let r: Awaited<ReturnType<typeof importInto>>;
  beforeAll(async () => {
    r = await importInto(into, out);
  });

  it("is read (exceljs crashed on it) and keeps every part but the contract tables' byte for byte", async () => {
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const diff = await changed(into, out);
    // Settings (Period end moves), Measures and Monthly (rows added) and their tables (refs grow);
    // the workbook has no Areas or AreaMonthly, so those are added on new sheets: the package
    // index lists them, and the styles gain their formats.
    expect(diff.filter((n) => !INDEX.test(n) && n !== "xl/styles.xml")).toEqual([
      "xl/tables/table2.xml",
      "xl/tables/table3.xml",
      "xl/worksheets/sheet1.xml",
      "xl/worksheets/sheet2.xml",
      "xl/worksheets/sheet3.xml",
    ]);
    const input = await parts(into);
    const output = await parts(out);
    const added = [...output.keys()].filter((n) => !input.has(n)).sort();
    expect([...input.keys()].every((n) => output.has(n))).toBe(true);
    expect(
      added.filter(
        (n) => !/^xl\/(worksheets\/sheet|tables\/table)\d+\.xml$|worksheets\/_rels/.test(n)
      )
    ).toEqual([]);
    expect((await sheetRows(out, "Areas")).length).toBeGreaterThan(10);
    expect(
      output.get("xl/charts/chart1.xml")?.equals(input.get("xl/charts/chart1.xml") as Buffer)
    ).toBe(true);
  });

  it("keeps the analyst's rows, formats and the note beside the table, and adds the months", async () => {
    const monthly = await sheetRows(out, "Monthly");
    expect(monthly.slice(1, 4).map((row) => row[2])).toEqual([41, 37, 44]);
    const input = await parts(into);
    const output = await parts(out);
    const before = input.get("xl/worksheets/sheet3.xml")?.toString("utf8") ?? "";
    const after = output.get("xl/worksheets/sheet3.xml")?.toString("utf8") ?? "";
    // The note beside the table and the analyst's own cells, as they were.
    expect(cellXml(before, "E1")).toContain("t=");
    for (const ref of ["E1", "A2", "B2", "C2", "C3", "C4"])
      expect(cellXml(after, ref)).toBe(cellXml(before, ref));
    // New rows take their column's style from the row above: the analyst's fill and formats.
    const last = monthly.length;
    const style = (xml: string, ref: string) => /\bs="(\d+)"/.exec(cellXml(xml, ref))?.[1];
    expect(style(after, `C${last}`)).toBe(style(before, "C4"));
    expect(style(after, `B${last}`)).toBe(style(before, "B4"));
    expect(formatOf(output, after, `B${last}`)).toBe("mmm yyyy");
    expect(formatOf(output, after, `C${last}`)).toBe("#,##0");
    const measures = await sheetRows(out, "Measures");
    expect(measures[1]?.[1]).toBe("Burglary (our own label)");
    // The table's ref covers every row written.
    const table = output.get("xl/tables/table3.xml")?.toString("utf8") ?? "";
    expect(table).toContain(`ref="A1:C${last}"`);
    const v = await runCli("validate", out);
    expect(v.code).toBe(0);
    const was = problems(into);
    const now = problems(out);
    if (was && now) expect([...now].filter((p) => !was.has(p))).toEqual([]);
  });

  it("replaces the same months on a second import, with no duplicates", async () => {
    const again = file("openpyxl-again.xlsx");
    const r2 = await importInto(out, again);
    expect(r2.code).toBe(0);
    const a = await sheetRows(out, "Monthly");
    const b = await sheetRows(again, "Monthly");
    expect(b).toEqual(a);
    expect(await changed(out, again)).toEqual([]);
  });
});

describe("--into a template, with data that starts in October", () => {
  it("takes the import's Window, so the result validates as it stands", async () => {
    expect((await runCli("template", "--out", file("template.xlsx"))).code).toBe(0);
    const out = file("template-oct.xlsx");
    const r = await runCli(
      "import",
      "police-uk",
      EARLIER,
      "--partnership",
      "Ipswich",
      "--into",
      file("template.xlsx"),
      "--out",
      out
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("WINDOW_QUARTER");
    expect((await sheetRows(out, "Settings")).find((row) => row[0] === "Window")?.[1]).toBe(
      "quarter"
    );
    expect((await runCli("validate", out)).code).toBe(0);
  });
});

const hasSoffice = spawnSync("sh", ["-c", "command -v soffice"]).status === 0;
const required = process.env.CDRP_REQUIRE_RENDER === "1";

(hasSoffice || required ? describe : describe.skip)(
  "--into a contract workbook saved by LibreOffice",
  () => {
    it("edits LibreOffice's own sheet XML and keeps its other parts byte for byte", async () => {
      expect((await runCli("template", "--out", file("lo-source.xlsx"))).code).toBe(0);
      const profile = mkdtempSync(path.join(dir, "profile-"));
      const outDir = mkdtempSync(path.join(dir, "lo-"));
      try {
        const c = spawnSync(
          "soffice",
          [
            "--headless",
            "--norestore",
            `-env:UserInstallation=file://${profile}`,
            "--convert-to",
            "xlsx",
            "--outdir",
            outDir,
            file("lo-source.xlsx"),
          ],
          { encoding: "utf8", timeout: 300_000 }
        );
        expect(c.status).toBe(0);
      } finally {
        rmSync(profile, { recursive: true, force: true });
      }
      const lo = path.join(outDir, "lo-source.xlsx");
      expect((await parts(lo)).get("docProps/app.xml")?.toString("utf8")).toContain("LibreOffice");
      const out = file("lo-out.xlsx");
      const r = await importInto(lo, out);
      expect(r.code).toBe(0);
      const diff = await changed(lo, out);
      // The template has no Areas or AreaMonthly: added on new sheets, which the index lists.
      for (const n of diff.filter((x) => !INDEX.test(x)))
        expect(n).toMatch(/^xl\/(worksheets\/sheet\d+\.xml|tables\/table\d+\.xml|styles\.xml)$/);
      expect((await runCli("validate", out)).code).toBe(0);
      const monthly = await sheetRows(out, "Monthly");
      expect(monthly.length).toBeGreaterThan(4 * 14);
    });
  }
);
