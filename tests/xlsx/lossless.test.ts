/**
 * The file host adds the report and touches nothing else: on a workbook holding a user's native
 * chart, a pivot table, a custom XML part, the user's own defined names and print areas, data
 * validation, conditional formatting and a calcChain, every part of the input comes out byte for
 * byte at its name; the package index keeps every entry it had; styles only grow at the end; the
 * output validates, reads back, passes ooxml-check and renders; a second run replaces only the
 * report's parts.
 */
import { execFileSync, spawnSync } from "child_process";
import { readFileSync, writeFileSync } from "fs";
import path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { ReportPlan, analyse, buildPlan } from "../../src/workbook";
import { readCharts, readWorkbook, renderPlan } from "../../src/xlsx";
import { printArea } from "../../src/xlsx/write-plan";
import { ZipPackage } from "../../src/xlsx/zip";
import { parseXml } from "../../src/xlsx/charts/xml";
import { expectExcelClean } from "../support/ooxml-check";
import { CHILDREN, richWorkbook } from "../support/rich-workbook";
import { runCli } from "../support/run-cli";
import { tempDir } from "../support/temp";

const { dir, cleanup } = tempDir("lossless");
afterAll(cleanup);
const file = (name: string) => path.join(dir, name);

/** The parts (not directory entries) of a package, uncompressed. */
async function parts(bytes: Buffer): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Buffer>();
  for (const [name, entry] of Object.entries(zip.files))
    if (!entry.dir) out.set(name, await entry.async("nodebuffer"));
  return out;
}

const INDEX = [
  "[Content_Types].xml",
  "xl/workbook.xml",
  "xl/_rels/workbook.xml.rels",
  "docProps/app.xml",
];
const STYLES = "xl/styles.xml";
const REPORT_PART =
  /^xl\/(worksheets\/(_rels\/)?sheet\d+\.xml(\.rels)?|drawings\/(_rels\/)?drawing\d+\.xml(\.rels)?|charts\/chart\d+\.xml)$/;

let input: Map<string, Buffer>;
let output: Map<string, Buffer>;
let again: Map<string, Buffer>;
/** The report the rich workbook gets, planned from it: what the output must add. */
let plan: ReportPlan;

async function planFor(bytes: Buffer): Promise<ReportPlan> {
  const { snapshot } = await readWorkbook(bytes, "rich.xlsx");
  return buildPlan(analyse(snapshot).model!, {
    sheetNames: snapshot.sheetNames,
    reportSheets: snapshot.reportSheets,
  });
}
const ABSOLUTE = /^\$[A-Z]+\$\d+:\$[A-Z]+\$\d+$/;

beforeAll(async () => {
  writeFileSync(file("rich.xlsx"), await richWorkbook());
  const r = await runCli("report", file("rich.xlsx"), "--out", file("rich-report.xlsx"));
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  expect(
    (await runCli("report", file("rich-report.xlsx"), "--out", file("rich-again.xlsx"))).code
  ).toBe(0);
  input = await parts(readFileSync(file("rich.xlsx")));
  output = await parts(readFileSync(file("rich-report.xlsx")));
  again = await parts(readFileSync(file("rich-again.xlsx")));
  plan = await planFor(readFileSync(file("rich.xlsx")));
});

const text = (m: Map<string, Buffer>, part: string) => (m.get(part) as Buffer).toString("utf8");

describe("a workbook with parts exceljs does not model, through cdrp report", () => {
  it("holds what the test means it to (a chart, a pivot table, custom XML, validation, formats)", () => {
    for (const p of [
      "xl/charts/chart1.xml",
      "xl/pivotTables/pivotTable1.xml",
      "xl/pivotCache/pivotCacheRecords1.xml",
      "customXml/item1.xml",
      "xl/calcChain.xml",
    ])
      expect(input.has(p)).toBe(true);
    const sheets = [...input.entries()]
      .filter(([n]) => n.startsWith("xl/worksheets/sheet"))
      .map(([, b]) => b.toString("utf8"));
    expect(
      sheets.some((s) => s.includes("<dataValidations") && s.includes("<conditionalFormatting"))
    ).toBe(true);
  });

  it("copies every part of the input byte for byte at the same name", () => {
    const changed = [...input.keys()].filter(
      (n) => ![...INDEX, STYLES].includes(n) && !output.get(n)?.equals(input.get(n) as Buffer)
    );
    expect(changed).toEqual([]);
  });

  it("adds only the report's sheets, drawings and charts", () => {
    const added = [...output.keys()].filter((n) => !input.has(n));
    // Each sheet; for each sheet with charts, its rels, a drawing and the drawing's rels; each chart.
    const withCharts = plan.sheets.filter((sh) => sh.charts.length > 0).length;
    const charts = plan.sheets.reduce((n, sh) => n + sh.charts.length, 0);
    expect(withCharts).toBeGreaterThan(0);
    expect(added.length).toBe(plan.sheets.length + 3 * withCharts + charts);
    expect(added.filter((n) => !REPORT_PART.test(n))).toEqual([]);
  });

  it("keeps every entry of the package index as it was", () => {
    for (const part of INDEX) {
      const before = parseXml(text(input, part));
      const after = text(output, part);
      const source = text(input, part);
      // Every child of the root (Override, Relationship, sheets, bookViews...) and every sheet and
      // defined name survives character for character, except the lists we extend.
      const entries = before.children.flatMap((c) =>
        ["sheets", "definedNames", "HeadingPairs", "TitlesOfParts"].includes(c.local)
          ? c.children.map((g) => source.slice(g.start, g.end))
          : [source.slice(c.start, c.end)]
      );
      const lost = entries.filter((e) => !after.includes(e));
      // app.xml's counts and lists of worksheets change by design.
      expect(part === "docProps/app.xml" ? [] : lost).toEqual([]);
    }
  });

  it("extends styles only at the end, and leaves shared strings alone", () => {
    const before = parseXml(text(input, STYLES), 3);
    const after = parseXml(text(output, STYLES), 3);
    const src = text(input, STYLES);
    const out = text(output, STYLES);
    for (const list of [
      "numFmts",
      "fonts",
      "fills",
      "borders",
      "cellStyleXfs",
      "cellXfs",
      "cellStyles",
      "dxfs",
    ]) {
      const b = before.children.find((c) => c.local === list);
      const a = after.children.find((c) => c.local === list);
      if (!b) continue;
      const inner = (s: string, e: typeof b) => s.slice(s.indexOf(">", e.start) + 1, e.closeStart);
      expect(inner(out, a as typeof b).startsWith(inner(src, b))).toBe(true);
      if (a?.attrs.count !== undefined) expect(Number(a.attrs.count)).toBe(a.children.length);
      expect(a!.children.length).toBeGreaterThanOrEqual(b.children.length);
    }
    expect(
      output.get("xl/sharedStrings.xml")?.equals(input.get("xl/sharedStrings.xml") as Buffer)
    ).toBe(true);
  });

  it("writes the report's print areas absolute and keeps the user's as they were", () => {
    const wb = text(output, "xl/workbook.xml");
    const area = (name: string) => printArea(plan.sheets.find((sh) => sh.name === name)!);
    expect(area("Summary")).toMatch(ABSOLUTE);
    expect(wb).toContain(`>Summary!${area("Summary")}<`);
    expect(wb).toContain(`>'Priority 1'!${area("Priority 1")}<`);
    expect(wb).toContain(`>'Children''s Services'!$A$1:$C$5<`);
    expect(wb).toContain(`>'My charts'!$A:$B<`);
  });

  it("reads back: the report validates, its charts and the user's chart are there", async () => {
    const charts = await readCharts(readFileSync(file("rich-report.xlsx")));
    expect(charts.map((c) => c.sheetName)).toEqual([
      "My charts",
      ...plan.sheets.flatMap((sh) => sh.charts.map(() => sh.name)),
    ]);
    expect(charts[0]?.title).toBe("Calls by quarter");
    const { snapshot } = await readWorkbook(
      readFileSync(file("rich-report.xlsx")),
      "rich-report.xlsx"
    );
    expect(snapshot.reportSheets).toEqual(["Summary", "Priority 1", "Domestic Abuse"]);
    expect((await runCli("validate", file("rich-report.xlsx"))).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file("rich-report.xlsx"));
    expect(wb.getWorksheet("Summary")?.getCell("A1").value).toBe(
      "South Cambridgeshire Performance Summary, Q1 2010-11"
    );
    expect(wb.getWorksheet("Summary")?.getCell("D5").value).toBe(105);
    expect(wb.getWorksheet("Summary")?.getCell("G5").numFmt).toBe("+0%;-0%;0%");
    expect(wb.getWorksheet(CHILDREN)?.getCell("C3").value).toEqual({ formula: "B3*2", result: 24 });
  });

  it("passes ooxml-check, as does its input", () => {
    expectExcelClean(file("rich.xlsx"));
    expectExcelClean(file("rich-report.xlsx"));
    expectExcelClean(file("rich-again.xlsx"));
  });

  it("on a second run replaces only the report's parts: everything else comes out as it went in", () => {
    expect([...again.keys()].sort()).toEqual([...output.keys()].sort());
    const changed = [...output.keys()].filter(
      (n) => !again.get(n)?.equals(output.get(n) as Buffer)
    );
    // New relationship and sheet ids for the new sheets; the parts themselves are the same bytes,
    // and styles did not grow.
    expect(changed.sort()).toEqual(["xl/_rels/workbook.xml.rels", "xl/workbook.xml"]);
    const markers = text(again, "xl/workbook.xml").match(/CDRP_REPORT_SHEET/g) ?? [];
    expect(markers).toHaveLength(3);
  });
});

describe("a calcChain that names the earlier report's sheets", () => {
  it("is dropped with its relationship and content type; one that does not is kept", async () => {
    const zip = await JSZip.loadAsync(readFileSync(file("rich-report.xlsx")));
    const summaryId = /<sheet name="Summary" sheetId="(\d+)"/.exec(
      text(output, "xl/workbook.xml")
    )?.[1];
    const chain = text(output, "xl/calcChain.xml").replace(
      "</calcChain>",
      `<c r="D5" i="${summaryId}"/></calcChain>`
    );
    zip.file("xl/calcChain.xml", chain);
    writeFileSync(
      file("chain.xlsx"),
      await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" })
    );
    expect(
      (await runCli("report", file("chain.xlsx"), "--out", file("chain-report.xlsx"))).code
    ).toBe(0);
    const out = await parts(readFileSync(file("chain-report.xlsx")));
    expect(out.has("xl/calcChain.xml")).toBe(false);
    expect(text(out, "xl/_rels/workbook.xml.rels")).not.toContain("calcChain");
    expect(text(out, "[Content_Types].xml")).not.toContain("calcChain");
    expect(again.get("xl/calcChain.xml")?.equals(input.get("xl/calcChain.xml") as Buffer)).toBe(
      true
    );
    expectExcelClean(file("chain-report.xlsx"));
  });
});

describe("a user's sheet after the report's", () => {
  it("keeps its sheet-scoped names on it when the report before it is replaced", async () => {
    // Move "Pivot" (with its sheet-scoped name "Notes") after the report sheets, as a user may.
    const pkg = ZipPackage.load(readFileSync(file("rich-report.xlsx")));
    let wb = text(output, "xl/workbook.xml");
    const names = [...wb.matchAll(/<sheet [^>]*name="([^"]*)"/g)].map((m) => m[1]);
    const pivot = /<sheet [^>]*name="Pivot"[^>]*\/>/.exec(wb)![0];
    wb = wb.replace(pivot, "").replace("</sheets>", `${pivot}</sheets>`);
    const at = (n: string) => names.indexOf(n);
    const shift = (id: number) =>
      id > at("Pivot") ? id - 1 : id === at("Pivot") ? names.length - 1 : id;
    wb = wb.replace(
      /localSheetId="(\d+)"/g,
      (_m, id: string) => `localSheetId="${shift(Number(id))}"`
    );
    pkg.write("xl/workbook.xml", wb);
    writeFileSync(file("moved.xlsx"), pkg.toBuffer());
    expect(
      (await runCli("report", file("moved.xlsx"), "--out", file("moved-report.xlsx"))).code
    ).toBe(0);
    const out = text(await parts(readFileSync(file("moved-report.xlsx"))), "xl/workbook.xml");
    const after = [...out.matchAll(/<sheet [^>]*name="([^"]*)"/g)].map((m) => m[1]);
    expect(after.slice(-4)).toEqual(["Pivot", "Summary", "Priority 1", "Domestic Abuse"]);
    expect(out).toContain(
      `<definedName name="Notes" localSheetId="${after.indexOf("Pivot")}" comment="kept &gt; as is">Pivot!$A$1</definedName>`
    );
    expect(out).toContain(
      `localSheetId="${after.indexOf("My charts")}">'My charts'!$A:$B</definedName>`
    );
    expectExcelClean(file("moved-report.xlsx"));
  });
});

describe("a report sheet whose name has an apostrophe", () => {
  it("gets its print area and chart references quoted with the apostrophe doubled", async () => {
    const bytes = readFileSync(file("rich.xlsx"));
    const { snapshot } = await readWorkbook(bytes, "rich.xlsx");
    const analysis = analyse(snapshot);
    const plan = buildPlan(analysis.model!, { sheetNames: snapshot.sheetNames, reportSheets: [] });
    const priority = plan.sheets.find((s) => s.role === "priority")!;
    priority.name = "Tom's Priority";
    const out = await renderPlan(bytes, plan, []);
    writeFileSync(file("apostrophe.xlsx"), out);
    const wb = text(await parts(out), "xl/workbook.xml");
    expect(printArea(priority)).toMatch(ABSOLUTE);
    expect(wb).toContain(`>'Tom''s Priority'!${printArea(priority)}</definedName>`);
    expect(
      (await readCharts(out)).filter((c) => c.sheetName === "Tom's Priority")[0]?.categoriesRef
    ).toMatch(/^'Tom''s Priority'!\$/);
    expectExcelClean(file("apostrophe.xlsx"));
  });
});

const hasSoffice =
  spawnSync("sh", ["-c", "command -v soffice && command -v pdftotext"]).status === 0;
const required = process.env.CDRP_REQUIRE_RENDER === "1";
const officeTest = hasSoffice || required ? test : test.skip;
if (!hasSoffice && !required)
  console.warn(
    "lossless.test.ts: LibreOffice tests SKIPPED: soffice or pdftotext is not installed"
  );

function soffice(args: string[], profile: string): void {
  execFileSync(
    "soffice",
    ["--headless", "--norestore", `-env:UserInstallation=file://${profile}`, ...args],
    { timeout: 170_000, stdio: "ignore" }
  );
}

describe("with LibreOffice", () => {
  officeTest(
    "renders the report and the user's sheets",
    () => {
      const script = path.join(__dirname, "..", "..", "scripts", "render-xlsx.sh");
      const pdf = execFileSync("bash", [script, file("rich-report.xlsx"), file("render")], {
        encoding: "utf8",
        timeout: 170_000,
      })
        .trim()
        .split("\n")
        .pop() as string;
      const pdfText = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
      for (const phrase of [
        "South Cambridgeshire Performance Summary, Q1 2010-11",
        "Figure 1.1: Dwelling Burglary",
        "Domestic Abuse: MARAC and IDVAS",
        "Doubled",
        "Quarter",
        "Sum of Count",
      ])
        expect(pdfText).toContain(phrase);
    },
    180_000
  );

  officeTest(
    "reports a workbook saved by LibreOffice (tables without tableStyleInfo), every part kept",
    async () => {
      const profile = file("lo-profile");
      const sample = file("lo-sample.xlsx");
      expect((await runCli("sample", "--out", sample)).code).toBe(0);
      soffice(["--convert-to", "ods", "--outdir", file("lo"), sample], profile);
      soffice(
        [
          "--convert-to",
          "xlsx",
          "--outdir",
          file("lo-back"),
          path.join(file("lo"), "lo-sample.ods"),
        ],
        profile
      );
      const saved = path.join(file("lo-back"), "lo-sample.xlsx");
      const before = await parts(readFileSync(saved));
      const tables = [...before.keys()].filter((n) => n.startsWith("xl/tables/"));
      expect(tables.length).toBeGreaterThan(0);
      expect(
        tables.filter((t) => before.get(t)?.toString("utf8").includes("<tableStyleInfo"))
      ).toEqual([]);
      const r = await runCli("report", saved, "--out", file("lo-report.xlsx"));
      expect(r.code).toBe(0);
      const after = await parts(readFileSync(file("lo-report.xlsx")));
      const changed = [...before.keys()].filter(
        (n) => ![...INDEX, STYLES].includes(n) && !after.get(n)?.equals(before.get(n) as Buffer)
      );
      expect(changed).toEqual([]);
      expectExcelClean(file("lo-report.xlsx"));
    },
    180_000
  );
});
