import { createHash } from "crypto";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "fs";
import path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readCharts } from "../../src/xlsx";
import { expectExcelClean } from "../support/ooxml-check";
import { runCli } from "../support/run-cli";
import { tempDir } from "../support/temp";
import { sampleCopy, setCell, sheet, writeXlsx } from "../support/workbooks";

const { dir, cleanup } = tempDir("cli");
afterAll(cleanup);
const file = (name: string) => path.join(dir, name);
const sha = (f: string) => createHash("sha256").update(readFileSync(f)).digest("hex");

async function sheetNames(f: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(f);
  return wb.worksheets.map((w) => w.name);
}

beforeAll(async () => {
  expect((await runCli("sample", "--out", file("sample.xlsx"))).code).toBe(0);
});

describe("cdrp validate", () => {
  it("passes the sample with exit 0 and lists issues as JSON", async () => {
    const r = await runCli("validate", file("sample.xlsx"), "--json");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { issues: { severity: string }[] };
    expect(json.issues.filter((i) => i.severity === "error")).toEqual([]);
  });
  it("exits 1 on a text count and names the cell", async () => {
    const sheets = sampleCopy();
    setCell(sheets, "Monthly", 4, "Count", "thirty");
    await writeXlsx(file("text-count.xlsx"), sheets);
    const r = await runCli("validate", file("text-count.xlsx"), "--json");
    expect(r.code).toBe(1);
    const issues = (JSON.parse(r.stdout) as { issues: { code: string; sheet: string; cell: string }[] }).issues;
    expect(issues).toContainEqual(expect.objectContaining({ code: "COUNT_NOT_NUMBER", sheet: "Monthly", cell: "C6" }));
  });
  it("exits 2 when the file is not a workbook, or is missing", async () => {
    writeFileSync(file("notes.xlsx"), "Measure,Month,Count\nX,2010-04-01,3\n");
    const r = await runCli("validate", file("notes.xlsx"));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("not an Excel workbook");
    expect((await runCli("validate", file("missing.xlsx"))).code).toBe(2);
  });
  it("prints help for every command", async () => {
    for (const c of ["validate", "report", "template", "sample", "demo"]) {
      const r = await runCli(c, "--help");
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`cdrp ${c}`);
    }
    expect((await runCli("frobnicate")).code).toBe(2);
  });
});

describe("cdrp report", () => {
  let summary: Record<string, unknown>;
  const out = () => file("report.xlsx");
  beforeAll(async () => {
    const before = sha(file("sample.xlsx"));
    const r = await runCli("report", file("sample.xlsx"), "--out", out(), "--json");
    expect(r.code).toBe(0);
    summary = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(sha(file("sample.xlsx"))).toBe(before); // the input is never changed
  });

  it("prints the summary JSON of the spec, with nulls for missing data", () => {
    expect(summary.partnership).toBe("South Cambridgeshire");
    expect(summary.period).toEqual({ label: "Q1 2010-11", start: "2010-04-01", end: "2010-06-30" });
    const measures = summary.measures as Record<string, unknown>[];
    expect(measures[0]).toMatchObject({ measure: "DWELLING_BURGLARY", current: 105, previous: 117, baseline: 91, status: "red", direction: "down" });
    expect(measures[0]!.peer).toMatchObject({ position: 12, of: 15, band: "worse", previousPosition: 12 });
    expect(Object.keys(measures[0]!)).toEqual(["measure", "label", "current", "previous", "baseline", "changeVsPrevious", "changeVsBaseline", "z", "status", "direction", "peer", "spc", "narrative"]);
    // Every measure has spc: the control chart over its 27 months, or null (MARAC and Referrals are not monthly).
    for (const m of measures) expect(m).toHaveProperty("spc");
    expect(measures.map((m) => [m.measure, (m.spc as { variation?: string } | null)?.variation ?? null])).toEqual([
      ["DWELLING_BURGLARY", "common"],
      ["THEFT_OF_VEHICLES", "improving"],
      ["THEFT_FROM_VEHICLES", "common"],
      ["NI32", null],
      ["IDVAS_REFERRALS", null],
      ["DA_INCIDENTS", "common"],
    ]);
    const spc = measures[0]!.spc as Record<string, unknown>;
    expect(Object.keys(spc)).toEqual(["points", "mean", "lower", "upper", "variation", "side"]);
    expect(spc).toMatchObject({ points: 27, variation: "common", side: null });
    // Apr 2008 to Jun 2010 of the sample: 988 burglaries over 27 months.
    expect(spc.mean).toBeCloseTo(988 / 27, 10);
    expect(measures[1]!.spc).toMatchObject({ points: 27, variation: "improving", side: "low" });
    const ni32 = measures.find((m) => m.measure === "NI32")!;
    expect(ni32.previous).toBeNull();
    expect(ni32.peer).toBeNull();
    expect(summary.ni32).toMatchObject({ cases: 146, repeats: 46, target: 0.28, status: "red" });
    expect(summary.referrals).toMatchObject({ period: "Q1 2010-11", partnership: 33, total: 268 });
    expect(summary.sheets).toEqual(["Summary", "Priority 1", "Domestic Abuse"]);
  });

  it("writes the input's sheets plus the report sheets", async () => {
    expect(await sheetNames(out())).toEqual(["Settings", "Measures", "Monthly", "Peers", "MARAC", "Referrals", "About this sample", "Summary", "Priority 1", "Domestic Abuse"]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out());
    const s = wb.getWorksheet("Summary")!;
    expect(s.getCell("A1").value).toBe("South Cambridgeshire Performance Summary, Q1 2010-11");
    expect(s.getCell("D5").value).toBe(105);
    expect(s.getCell("G5").value).toBeCloseTo(0.1538, 4);
    expect(s.getCell("G5").numFmt).toBe("+0%;-0%;0%");
    expect(s.getCell("J5").value).toBe("Worse position");
  });

  it("draws native charts: a trend, an XmR and a position chart per measure, the partnership's bar highlighted", async () => {
    const charts = await readCharts(readFileSync(out()));
    expect(charts).toHaveLength(10);
    const isXmr = (c: { series: { name: string }[] }) => c.series.some((s) => s.name === "Upper process limit");
    const xmr = charts.filter(isXmr);
    expect(xmr.map((c) => c.sheetName)).toEqual(["Priority 1", "Priority 1", "Priority 1", "Domestic Abuse"]);
    expect(xmr[0]!.categories.slice(0, 2)).toEqual(["Apr 2008", "May 2008"]);
    expect(xmr[0]!.categories).toHaveLength(27);
    expect(xmr[0]!.series.map((s) => [s.name, s.dash, s.marker, s.line ?? true])).toEqual([
      ["Dwelling Burglary", "solid", true, true],
      ["Mean", "solid", false, true],
      ["Lower process limit", "dash", false, true],
      ["Upper process limit", "dash", false, true],
      ["Special cause: concerning", "solid", true, false],
    ]);
    // December 2009 (point 20) is above the upper limit: an orange marker (concerning) of a series
    // of markers alone, blank at every other month; no chart colours single points of a line.
    const marked = (values: (number | null)[]) => values.flatMap((v, i) => (v === null ? [] : [i]));
    expect(xmr[0]!.series[4]!.color).toBe("E46C0A");
    expect(marked(xmr[0]!.series[4]!.values)).toEqual([20]);
    expect(xmr[0]!.series[4]!.values[20]).toBe(xmr[0]!.series[0]!.values[20]);
    // Thefts of vehicles: the first 10 months concerning (orange), the last 7 improving (blue).
    const theft = xmr[1]!.series;
    expect(theft.slice(4).map((s) => [s.name, s.color])).toEqual([
      ["Special cause: improving", "00B0F0"],
      ["Special cause: concerning", "E46C0A"],
    ]);
    expect(marked(theft[5]!.values)).toEqual([...Array(10).keys()]);
    expect(marked(theft[4]!.values)).toEqual([...Array(7).keys()].map((k) => 20 + k));
    expect(charts.every((c) => c.series.every((s) => s.type === "column" || s.points === undefined))).toBe(true);
    const trends = charts.filter((c) => !isXmr(c) && c.series.every((s) => s.type === "line"));
    const positions = charts.filter((c) => c.series.some((s) => s.type === "column"));
    expect(trends).toHaveLength(3);
    expect(trends[0]!.categories).toEqual(["Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"]);
    expect(trends[0]!.series.map((s) => s.name)).toEqual(["2010-11", "2009-10", "2008-09"]);
    expect(trends[0]!.series[0]!.values.slice(0, 4)).toEqual([33, 36, 36, null]);
    expect(positions).toHaveLength(3);
    const burglary = positions[0]!;
    expect(burglary.categories).toHaveLength(15);
    const bars = burglary.series.find((s) => s.type === "column")!;
    expect(bars.points).toHaveLength(1);
    expect(burglary.categories[bars.points![0]!.index]).toBe("South Cambridgeshire");
    expect(bars.points![0]!.index).toBe(11); // 12th of 15, sorted best first
    expect(burglary.series.find((s) => s.type === "line")!.name).toBe("MSG mean");
  });

  it("replaces its own sheets on a second run and never touches a user's sheet", async () => {
    const again = file("report-again.xlsx");
    expect((await runCli("report", out(), "--out", again)).code).toBe(0);
    expect(await sheetNames(again)).toEqual(await sheetNames(out()));
    expect(await readCharts(readFileSync(again))).toHaveLength(10);

    const sheets = sampleCopy();
    sheets.push({ name: "Summary", table: null, columns: [{ header: "My own notes", width: 40, kind: "text" }], rows: [["Do not delete"]] });
    await writeXlsx(file("user-summary.xlsx"), sheets);
    const r = await runCli("report", file("user-summary.xlsx"), "--out", file("user-report.xlsx"), "--json");
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { sheets: string[] }).sheets[0]).toBe("Summary (2)");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file("user-report.xlsx"));
    expect(wb.getWorksheet("Summary")!.getCell("A2").value).toBe("Do not delete");
    expect(wb.getWorksheet("Summary (2)")!.getCell("A1").value).toContain("Performance Summary");
  });

  it("writes no file when the workbook has errors, and exits 1", async () => {
    const sheets = sampleCopy();
    setCell(sheets, "Monthly", 0, "Count", { error: "#REF!" });
    await writeXlsx(file("ref.xlsx"), sheets);
    const r = await runCli("report", file("ref.xlsx"), "--out", file("ref-report.xlsx"));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Monthly!C2");
    expect(existsSync(file("ref-report.xlsx"))).toBe(false);
  });

  it("never overwrites the input", async () => {
    const before = sha(file("sample.xlsx"));
    const r = await runCli("report", file("sample.xlsx"), "--out", path.join(dir, ".", "sample.xlsx"));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("never overwritten");
    expect(sha(file("sample.xlsx"))).toBe(before);
  });

  it("writes text from cells as text, never as a formula", async () => {
    const name = '=HYPERLINK("x")';
    const sheets = sampleCopy();
    setCell(sheets, "Settings", 0, "Value", name);
    for (const s of ["Peers", "Referrals"]) {
      const t = sheet(sheets, s);
      const col = t.columns.findIndex((c) => c.header === (s === "Peers" ? "Partnership" : "Area"));
      for (const row of t.rows) if (row[col] === "South Cambridgeshire") row[col] = name;
    }
    await writeXlsx(file("formula-name.xlsx"), sheets);
    const r = await runCli("report", file("formula-name.xlsx"), "--out", file("formula-report.xlsx"), "--json");
    expect(r.code).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(file("formula-report.xlsx")));
    const sheetXml = await Promise.all(Object.keys(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f)).map((f) => zip.file(f)!.async("string")));
    expect(sheetXml.some((x) => /<f>|<f\s/.test(x))).toBe(false);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file("formula-report.xlsx"));
    expect(wb.getWorksheet("Summary")!.getCell("A1").value).toBe(`${name} Performance Summary, Q1 2010-11`);
  });

  it("reports several workbooks into a folder; a bad one gets no file and exit 1", async () => {
    const bad = sampleCopy();
    setCell(bad, "Settings", 1, "Value", "2010-06-30"); // a text date
    await writeXlsx(file("bad-district.xlsx"), bad);
    const outDir = file("batch");
    const r = await runCli("report", file("sample.xlsx"), file("bad-district.xlsx"), "--out-dir", outDir, "--json");
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as { reports: { file: string; out: string | null }[] };
    expect(json.reports.map((x) => x.out === null)).toEqual([false, true]);
    expect(readdirSync(outDir).sort()).toEqual(["sample-report.xlsx"]);
  });

  it("leaves no temporary files behind", () => {
    expect(readdirSync(dir).filter((f) => f.startsWith(".cdrp-tmp-"))).toEqual([]);
  });

  it("writes only workbooks Excel opens without a repair (ooxml-check)", () => {
    const written = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => /-report\.xlsx$|^sample\.xlsx$/.test(path.basename(f)));
    expect(written.length).toBeGreaterThanOrEqual(4);
    for (const f of written) expectExcelClean(file(f));
  });
});

describe("cdrp template", () => {
  it("writes the contract's tables, which validate as empty", async () => {
    expect((await runCli("template", "--out", file("template.xlsx"))).code).toBe(0);
    expect(await sheetNames(file("template.xlsx"))).toEqual(["Settings", "Measures", "Monthly", "Peers", "MARAC", "Referrals"]);
    const r = await runCli("validate", file("template.xlsx"), "--json");
    expect(r.code).toBe(1);
    const codes = (JSON.parse(r.stdout) as { issues: { code: string }[] }).issues.map((i) => i.code);
    expect(codes).toEqual(expect.arrayContaining(["TABLE_EMPTY", "SETTING_INVALID"]));
  });
});

describe("cdrp sample", () => {
  it("writes dates as real dates with a date format", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file("sample.xlsx"));
    const periodEnd = wb.getWorksheet("Settings")!.getCell("B3");
    expect(periodEnd.value).toEqual(new Date(Date.UTC(2010, 5, 30)));
    expect(periodEnd.numFmt).toBe("yyyy-mm-dd");
    expect(wb.getWorksheet("Monthly")!.getCell("B2").numFmt).toBe("mmm yyyy");
  });
});
