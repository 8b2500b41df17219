/** The writer's part editors, one by one: the workbook part, styles, sheets, calcChain, app.xml. */
import { PlanCell, PlanSheet } from "../../src/workbook";
import { markedSheetsIn } from "../../src/xlsx/markers";
import {
  CT_RELS,
  calcChainNames,
  editAppXml,
  editContentTypes,
  editRels,
} from "../../src/xlsx/write/package";
import { addRels } from "../../src/xlsx/charts/opc";
import { lastRowOf, sheetXml, sheetXmlPieces } from "../../src/xlsx/write/sheet-xml";
import { MINIMAL_STYLES, appendStyles } from "../../src/xlsx/write/styles";
import { editWorkbook, printAreaXml } from "../../src/xlsx/write/workbook-xml";
import { pageFor } from "../support/plan-page";

const NS = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`;
const sheet = (name: string, id: number) =>
  `<sheet name="${name}" sheetId="${id}" r:id="rId${id}"/>`;

describe("editWorkbook", () => {
  // Tab order: Data, Summary (an earlier report), Notes (the user's, after the report), Trend (report).
  const wb =
    `<workbook ${NS}><bookViews><workbookView activeTab="1" firstSheet="1"/></bookViews><sheets>` +
    `${sheet("Data", 1)}${sheet("Summary", 2)}${sheet("Notes", 3)}${sheet("Trend", 4)}</sheets>` +
    `<definedNames><definedName name="_xlnm.Print_Area" localSheetId="2">Notes!$A:$B</definedName>` +
    `<definedName name="CDRP_REPORT_SHEET" localSheetId="1" hidden="1">TRUE</definedName>` +
    `<definedName name="_xlnm.Print_Area" localSheetId="1">Summary!$A$1:$M$22</definedName>` +
    `<definedName name="CDRP_REPORT_SHEET" localSheetId="3" hidden="1">TRUE</definedName>` +
    `<definedName name="Total">Data!$B$2</definedName>` +
    `<definedName name="Odd" localSheetId="9">Data!$C$2</definedName></definedNames><calcPr calcId="1"/></workbook>`;
  const edit = editWorkbook(
    wb,
    ["Summary", "Trend"],
    [
      { name: "Summary", relId: "rId9", printArea: "$A$1:$M$22" },
      { name: "Children's Services", relId: "rId10", printArea: "$A$1:$I$25" },
    ]
  );

  it("removes the earlier report's sheets and every name scoped to them", () => {
    expect(edit.removedRelIds).toEqual(["rId2", "rId4"]);
    expect(edit.removedSheetIds).toEqual([2, 4]);
    expect(edit.sheetNames).toEqual(["Data", "Notes", "Summary", "Children's Services"]);
    expect(edit.xml).not.toContain("Trend");
    expect(edit.xml.match(/CDRP_REPORT_SHEET/g)).toHaveLength(2);
    expect(edit.xml.match(/_xlnm.Print_Area/g)).toHaveLength(3);
  });

  it("moves a user's sheet-scoped name with its sheet and keeps workbook names as they were", () => {
    expect(edit.xml).toContain(
      `<definedName name="_xlnm.Print_Area" localSheetId="1">Notes!$A:$B</definedName>`
    );
    expect(edit.xml).toContain(`<definedName name="Total">Data!$B$2</definedName>`);
    expect(edit.xml).toContain(`<definedName name="Odd" localSheetId="9">Data!$C$2</definedName>`);
  });

  it("adds markers and absolute print areas, quoting a name with an apostrophe", () => {
    expect(markedSheetsIn(edit.xml)).toEqual(["Summary", "Children's Services"]);
    expect(edit.xml).toContain(`localSheetId="3">'Children''s Services'!$A$1:$I$25</definedName>`);
    expect(edit.xml).toContain(`<sheet name="Children&apos;s Services" sheetId="6" r:id="rId10"/>`);
    expect(printAreaXml("", 0, "A1", "$A$1:$B$2")).toContain(">'A1'!$A$1:$B$2<");
  });

  it("hands a removed active tab to the new report, and keeps the tab bar's first sheet valid", () => {
    expect(edit.activeTab).toBe(2);
    expect(edit.xml).toContain(`<workbookView activeTab="2" firstSheet="0"/>`);
  });

  it("writes definedNames in schema order when the workbook has none, under the root's prefix", () => {
    const x = `<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheets><x:sheet name="A" sheetId="1" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></x:sheets><x:calcPr/></x:workbook>`;
    const e = editWorkbook(x, [], [{ name: "Summary", relId: "rId5", printArea: "$A$1:$B$2" }]);
    expect(e.xml).toMatch(
      /<\/x:sheets><x:definedNames><x:definedName name="CDRP_REPORT_SHEET" localSheetId="1" hidden="1">TRUE<\/x:definedName>/
    );
    expect(e.xml).toContain(`<x:sheet name="Summary" sheetId="2" xmlns:r=`);
  });

  it("refuses a new sheet whose name a kept sheet has, whatever the case", () => {
    expect(() =>
      editWorkbook(wb, [], [{ name: "notes", relId: "rId9", printArea: "$A$1:$B$2" }])
    ).toThrow(/already in the workbook/);
  });
});

describe("appendStyles", () => {
  const cells: PlanCell[] = [
    {
      row: 0,
      col: 0,
      value: "Title",
      style: { bold: true, size: 14, fill: "1F4E79", color: "FFFFFF" },
    },
    {
      row: 1,
      col: 0,
      value: 0.15,
      numFmt: "+0%;-0%;0%",
      style: { border: "box", align: "center", valign: "middle", wrap: true },
    },
    { row: 2, col: 0, value: 3, numFmt: "0%" },
    { row: 3, col: 0, value: "plain" },
  ];

  it("appends after the input's entries, adds a numFmts list in schema order, and reuses built-in formats", () => {
    const s = appendStyles(MINIMAL_STYLES, cells);
    expect(s.styleOf(cells[3]!)).toBe(0);
    expect(s.styleOf(cells[0]!)).toBe(1);
    expect(s.styleOf(cells[1]!)).toBe(2);
    expect(s.xml).toMatch(
      /<styleSheet [^>]*><numFmts count="1"><numFmt numFmtId="164" formatCode="\+0%;-0%;0%"\/><\/numFmts><fonts count="2">/
    );
    expect(s.xml).toContain(
      `<xf numFmtId="9" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`
    );
    expect(s.xml).toContain(`<alignment horizontal="center" vertical="center" wrapText="1"/>`);
    expect(s.xml).toContain(
      `<font><b/><sz val="14"/><color rgb="FFFFFFFF"/><name val="Calibri"/><family val="2"/></font>`
    );
  });

  it("appends nothing on a rerun: the run before's entries are found again", () => {
    const once = appendStyles(MINIMAL_STYLES, cells);
    const twice = appendStyles(once.xml, cells);
    expect(twice.xml).toBe(once.xml);
    expect(twice.styleOf(cells[1]!)).toBe(once.styleOf(cells[1]!));
  });

  /** The children of one list of a styles part, as text. */
  const entries = (xml: string, list: string) => {
    const inner = new RegExp(`<${list}[^>]*>(.*?)</${list}>`).exec(xml)?.[1] ?? "";
    return inner.match(/<(font|fill|border|xf)\b(?:[^>]*\/>|[^>]*>.*?<\/\1>)/g) ?? [];
  };

  it("keeps index 0 of each list the default, and Excel's two reserved fills, when the input lists are empty", () => {
    const empty =
      `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
      `<fonts count="0"/><fills count="0"/><borders count="0"/><cellXfs count="0"/></styleSheet>`;
    const s = appendStyles(empty, cells);
    expect(entries(s.xml, "fills").slice(0, 2)).toEqual([
      `<fill><patternFill patternType="none"/></fill>`,
      `<fill><patternFill patternType="gray125"/></fill>`,
    ]);
    expect(entries(s.xml, "fonts")[0]).toBe(
      `<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>`
    );
    expect(entries(s.xml, "borders")[0]).toBe(
      `<border><left/><right/><top/><bottom/><diagonal/></border>`
    );
    expect(entries(s.xml, "cellXfs")[0]).toBe(
      `<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>`
    );
    // A cell with no style keeps xf 0, the default; the report's first style comes after it.
    expect(s.styleOf(cells[3]!)).toBe(0);
    expect(s.styleOf(cells[0]!)).toBe(1);
    expect(s.xml).toMatch(/<fills count="3">/);
  });

  it("never gives the report's entries an index the input's own formats point at, even past the end", () => {
    // One font, but the input's xf points at font 4 and border 2 (Excel shows its defaults there).
    const broken = MINIMAL_STYLES.replace(
      `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>`,
      `<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="4" fillId="0" borderId="2" xfId="0"/></cellXfs>`
    );
    const s = appendStyles(broken, cells);
    const fonts = entries(s.xml, "fonts");
    // Fonts 1 to 4 are copies of the default; the report's bold title font is font 5.
    expect(fonts.slice(1, 5)).toEqual(Array(4).fill(fonts[0]));
    expect(fonts[5]).toContain("<b/>");
    expect(entries(s.xml, "borders").slice(1, 3)).toEqual(
      Array(2).fill(entries(s.xml, "borders")[0])
    );
    expect(s.styleOf(cells[0]!)).toBe(2);
    expect(entries(s.xml, "cellXfs")[2]).toContain(`fontId="5"`);
  });

  it("keeps a prefixed stylesheet's prefix", () => {
    const prefixed = MINIMAL_STYLES.replace(
      /<(\/?)(\w+)/g,
      (_m, slash: string, name: string) => `<${slash}x:${name}`
    ).replace('xmlns="', 'xmlns:x="');
    const s = appendStyles(prefixed, cells);
    expect(s.xml).toContain(`<x:numFmts count="1"><x:numFmt numFmtId="164"`);
    expect(s.xml).not.toMatch(/<(font|xf|fill|border)\b/);
  });
});

describe("sheetXml", () => {
  const draft: Omit<PlanSheet, "page"> = {
    name: "Summary",
    role: "summary",
    cells: [
      { row: 0, col: 1, value: '=HYPERLINK("http://x")' },
      { row: 0, col: 0, value: " padded " },
      { row: 2, col: 0, value: "_x0041_ literal" },
      { row: 2, col: 1, value: 42.5 },
    ],
    merges: [{ from: { row: 0, col: 0 }, to: { row: 0, col: 1 } }],
    columnWidths: [
      { col: 1, width: 12 },
      { col: 0, width: 30 },
    ],
    rowHeights: [{ row: 1, height: 30 }],
    charts: [],
    tabColor: "1f4e79",
  };
  const plan: PlanSheet = { ...draft, page: pageFor(draft, "landscape", 4) };
  const xml = sheetXml(plan, () => 0, { selected: false });

  it("writes text as inline strings, never formulas, cells in order", () => {
    expect(xml).not.toMatch(/<f[ >]/);
    expect(xml).toContain(
      `<row r="1" ht="15" customHeight="1"><c r="A1" t="inlineStr"><is><t xml:space="preserve"> padded </t></is></c><c r="B1" t="inlineStr"><is><t>=HYPERLINK("http://x")</t></is></c></row>`
    );
    expect(xml).toContain(`<t>_x005F_x0041_ literal</t>`);
    expect(xml).toContain(`<c r="B3"><v>42.5</v></c>`);
  });

  it("writes rows with heights, sorted columns, merges, the tab colour and the page", () => {
    expect(xml).toContain(`<row r="2" ht="30" customHeight="1"></row>`);
    expect(xml).toContain(
      `<cols><col min="1" max="1" width="30" customWidth="1"/><col min="2" max="2" width="12" customWidth="1"/></cols>`
    );
    expect(xml).toContain(`<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>`);
    expect(xml).toContain(
      `<sheetPr><tabColor rgb="FF1F4E79"/><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="A1:E3"/>`
    );
    expect(xml).toContain(
      `<pageSetup paperSize="9" fitToWidth="1" fitToHeight="0" orientation="landscape"/>`
    );
    // Every printed row at an explicit height (the default where the plan gives none).
    expect(xml).toContain(`<row r="3" ht="15" customHeight="1"><c r="A3" t="inlineStr">`);
  });

  it("writes a sheet with more cells than a call can take as arguments (thousands of measures)", () => {
    const rows = 400_000;
    const big: PlanSheet = {
      ...plan,
      cells: Array.from({ length: rows }, (_, i) => ({ row: i, col: i % 7, value: i })),
      merges: [],
      rowHeights: [],
    };
    expect(lastRowOf(big)).toBe(rows - 1);
    expect(sheetXml(big, () => 0, { selected: false })).toContain(`<dimension ref="A1:G${rows}"/>`);
  });

  it("comes as pieces no larger than a row, so a sheet of a million cells is never one string", () => {
    const rows = 20_000;
    const big: PlanSheet = {
      ...plan,
      cells: Array.from({ length: rows * 5 }, (_, i) => ({
        row: Math.floor(i / 5),
        col: i % 5,
        value: i % 2 ? i : `text ${i}`,
      })),
    };
    const pieces = [...sheetXmlPieces(big, () => 0, { selected: false, drawingRelId: "rId1" })];
    expect(pieces.length).toBeGreaterThan(rows);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(1000);
    const xml = pieces.join("");
    expect(xml).toBe(sheetXml(big, () => 0, { selected: false, drawingRelId: "rId1" }));
    // The drawing goes in with the sheet, in schema order (after the page elements), never spliced
    // in later.
    expect(xml).toMatch(
      /<pageSetup [^>]*\/><headerFooter>.*<\/headerFooter>(<rowBreaks .*<\/rowBreaks>)?<drawing r:id="rId1"\/><\/worksheet>$/
    );
  });

  it("keeps the plan's last word for an address, whatever order the cells came in", () => {
    const cells = [
      { row: 3, col: 2, value: "first" },
      { row: 1, col: 0, value: 1 },
      { row: 3, col: 0, value: "a" },
      { row: 3, col: 2, value: "last" },
    ];
    const xml = sheetXml({ ...plan, cells, merges: [], rowHeights: [] }, () => 0, {
      selected: false,
    });
    // Printed rows carry heights of their own (the page layout's); here only the cells matter.
    const cellsOnly = xml
      .replace(/ ht="[^"]*" customHeight="1"/g, "")
      .replace(/<row r="\d+"><\/row>/g, "");
    expect(cellsOnly).toContain(
      `<row r="2"><c r="A2"><v>1</v></c></row><row r="4"><c r="A4" t="inlineStr"><is><t>a</t></is></c><c r="C4" t="inlineStr"><is><t>last</t></is></c></row>`
    );
  });
});

describe("package index and calcChain", () => {
  it("finds a removed sheet in a calcChain, following i from cell to cell", () => {
    const chain = `<calcChain xmlns="x"><c r="A1" i="1"/><c r="A2"/><c r="B1" i="3"/><c r="B2"/></calcChain>`;
    expect(calcChainNames(chain, [3])).toBe(true);
    expect(calcChainNames(chain, [2])).toBe(false);
  });

  it("brings app.xml's list of worksheets up to date and leaves other groups alone", () => {
    const app =
      `<Properties xmlns:vt="v"><HeadingPairs><vt:vector size="4" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>2</vt:i4></vt:variant>` +
      `<vt:variant><vt:lpstr>Named Ranges</vt:lpstr></vt:variant><vt:variant><vt:i4>1</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
      `<TitlesOfParts><vt:vector size="3" baseType="lpstr"><vt:lpstr>Data</vt:lpstr><vt:lpstr>Summary</vt:lpstr><vt:lpstr>Data!Print_Area</vt:lpstr></vt:vector></TitlesOfParts></Properties>`;
    const out = editAppXml(app, ["Data", "Summary"], ["Data", "Summary", "Priority 1"]);
    expect(out).toContain(`<vt:i4>3</vt:i4>`);
    expect(out).toContain(
      `<vt:vector size="4" baseType="lpstr"><vt:lpstr>Data</vt:lpstr><vt:lpstr>Summary</vt:lpstr><vt:lpstr>Priority 1</vt:lpstr><vt:lpstr>Data!Print_Area</vt:lpstr>`
    );
    expect(editAppXml(app, ["Other"], ["Other", "Summary"])).toBe(app);
  });

  it("leaves alone an app.xml whose titles are fewer than its counts (ClosedXML writes them empty)", () => {
    const app =
      `<Properties xmlns:vt="v"><HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>1</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
      `<TitlesOfParts><vt:vector baseType="lpstr" size="0"></vt:vector></TitlesOfParts></Properties>`;
    expect(editAppXml(app, ["Sheet1"], ["Sheet1", "Summary"])).toBe(app);
  });

  it("drops Overrides of removed parts (any case) and adds those of new parts once", () => {
    const ct = `<Types xmlns="t"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/Charts/chart1.xml" ContentType="c"/><Override PartName="/xl/a.xml" ContentType="a"/></Types>`;
    const out = editContentTypes(
      ct,
      ["xl/charts/chart1.xml"],
      [
        { part: "xl/a.xml", contentType: "a" },
        { part: "xl/b.xml", contentType: "b" },
      ]
    );
    expect(out).toBe(
      `<Types xmlns="t"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/a.xml" ContentType="a"/><Override PartName="/xl/b.xml" ContentType="b"/></Types>`
    );
  });

  const rels = (part: string) => ({ part, contentType: CT_RELS });

  it("gives new .rels parts an Override where the package declares .rels by Overrides (LibreOffice)", () => {
    const ct = `<Types xmlns="t"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/_rels/.rels" ContentType="${CT_RELS}"/></Types>`;
    const out = editContentTypes(ct, [], [rels("xl/worksheets/_rels/sheet9.xml.rels")]);
    expect(out).toContain(
      `<Override PartName="/xl/worksheets/_rels/sheet9.xml.rels" ContentType="${CT_RELS}"/>`
    );
    // With a Default for the extension, none is needed.
    const withDefault = ct.replace(
      "<Default ",
      `<Default Extension="RELS" ContentType="${CT_RELS}"/><Default `
    );
    expect(editContentTypes(withDefault, [], [rels("xl/drawings/_rels/drawing1.xml.rels")])).toBe(
      withDefault
    );
  });

  it("replaces an Override left behind for a name a new part takes, and opens a self-closed <Types/>", () => {
    const ct = `<Types xmlns="t"><Override PartName="/xl/worksheets/sheet5.xml" ContentType="application/xml"/></Types>`;
    const out = editContentTypes(ct, [], [{ part: "xl/worksheets/sheet5.xml", contentType: "ws" }]);
    expect(out).toBe(
      `<Types xmlns="t"><Override PartName="/xl/worksheets/sheet5.xml" ContentType="ws"/></Types>`
    );
    expect(editContentTypes(`<Types xmlns="t"/>`, [], [{ part: "a.xml", contentType: "a" }])).toBe(
      `<Types xmlns="t"><Override PartName="/a.xml" ContentType="a"/></Types>`
    );
  });

  it("writes new entries under the prefix a package puts its namespace on (<ns8:Types>, <ns3:Relationships>)", () => {
    const ct = `<ns8:Types xmlns:ns8="t"><ns8:Default Extension="xml" ContentType="x"/></ns8:Types>`;
    expect(editContentTypes(ct, [], [{ part: "a.xml", contentType: "a" }])).toBe(
      `<ns8:Types xmlns:ns8="t"><ns8:Default Extension="xml" ContentType="x"/><ns8:Override PartName="/a.xml" ContentType="a"/></ns8:Types>`
    );
    const rel = (id: string) => ({ id, type: "T", target: `${id}.xml`, external: false });
    const wbRels = `<ns3:Relationships xmlns:ns3="r"><ns3:Relationship Id="rId1" Type="T" Target="rId1.xml"/><ns3:Relationship Id="rId2" Type="T" Target="rId2.xml"/></ns3:Relationships>`;
    expect(editRels(wbRels, new Set(["rId2"]), [rel("rId3")])).toBe(
      `<ns3:Relationships xmlns:ns3="r"><ns3:Relationship Id="rId1" Type="T" Target="rId1.xml"/><ns3:Relationship Id="rId3" Type="T" Target="rId3.xml"/></ns3:Relationships>`
    );
    expect(addRels(`<ns3:Relationships xmlns:ns3="r"/>`, [rel("rId1")])).toBe(
      `<ns3:Relationships xmlns:ns3="r"><ns3:Relationship Id="rId1" Type="T" Target="rId1.xml"/></ns3:Relationships>`
    );
    // A package without a prefix gets none.
    expect(editRels(`<Relationships xmlns="r"></Relationships>`, new Set(), [rel("rId1")])).toBe(
      `<Relationships xmlns="r"><Relationship Id="rId1" Type="T" Target="rId1.xml"/></Relationships>`
    );
  });
});
