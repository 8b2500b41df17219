/**
 * A quarter's workbook holding what a real analyst's file holds besides the contract's tables, and
 * what exceljs does not model: a sheet of the user's own native chart, a pivot table with its cache,
 * a custom XML part, defined names and print areas of the user's own (one on a sheet whose name has
 * an apostrophe, one of whole columns), data validation, conditional formatting, a formula with a
 * calcChain, a book view. Built here, part by part, so nothing is downloaded.
 */
import ExcelJS from "exceljs";
import { addCharts } from "../../src/xlsx/charts";
import { readPart, relsPathFor, sheetParts, workbookPart } from "../../src/xlsx/charts/opc";
import { ZipPackage } from "../../src/xlsx/zip";
import { writeDataWorkbook } from "../../src/xlsx";
import { sampleCopy } from "./workbooks";

const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_PR = "http://schemas.openxmlformats.org/package/2006/relationships";
const CT = "application/vnd.openxmlformats-officedocument.";
const DECL = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;

export const CHILDREN = "Children's Services";

async function baseWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await writeDataWorkbook(sampleCopy())) as unknown as ExcelJS.Buffer);
  const cs = wb.addWorksheet(CHILDREN);
  cs.getRow(1).values = ["Area", "Referrals", "Doubled"];
  [
    ["North", 4],
    ["South", 12],
    ["East", 7],
    ["West", 15],
  ].forEach((r, i) => {
    cs.getRow(i + 2).values = r;
    cs.getCell(i + 2, 3).value = { formula: `B${i + 2}*2`, result: (r[1] as number) * 2 };
  });
  // exceljs has the range form but its typings omit it.
  (
    cs as unknown as { dataValidations: { add(ref: string, dv: ExcelJS.DataValidation): void } }
  ).dataValidations.add("B2:B5", {
    type: "whole",
    operator: "greaterThanOrEqual",
    allowBlank: true,
    formulae: [0],
    showErrorMessage: true,
    error: "A count is a whole number",
  });
  cs.addConditionalFormatting({
    ref: "B2:B5",
    rules: [
      {
        type: "cellIs",
        operator: "greaterThan",
        formulae: [10],
        priority: 1,
        style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFFFC7CE" } } },
      },
    ],
  });
  const charts = wb.addWorksheet("My charts");
  charts.getRow(1).values = ["Quarter", "Calls"];
  [
    ["Q1", 31],
    ["Q2", 42],
    ["Q3", 28],
    ["Q4", 35],
  ].forEach((r, i) => (charts.getRow(i + 2).values = r));
  const data = wb.addWorksheet("Pivot data");
  data.getRow(1).values = ["Area", "Count"];
  data.getRow(2).values = ["North", 3];
  data.getRow(3).values = ["South", 5];
  const pivot = wb.addWorksheet("Pivot");
  pivot.getRow(3).values = ["Row Labels", "Sum of Count"];
  pivot.getRow(4).values = ["North", 3];
  pivot.getRow(5).values = ["South", 5];
  pivot.getRow(6).values = ["Grand Total", 8];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const PIVOT_CACHE =
  `${DECL}<pivotCacheDefinition xmlns="${NS}" xmlns:r="${NS_R}" r:id="rId1" refreshOnLoad="1" recordCount="2">` +
  `<cacheSource type="worksheet"><worksheetSource ref="A1:B3" sheet="Pivot data"/></cacheSource>` +
  `<cacheFields count="2"><cacheField name="Area" numFmtId="0"><sharedItems count="2"><s v="North"/><s v="South"/></sharedItems></cacheField>` +
  `<cacheField name="Count" numFmtId="0"><sharedItems containsSemiMixedTypes="0" containsString="0" containsNumber="1" containsInteger="1" minValue="3" maxValue="5"/></cacheField>` +
  `</cacheFields></pivotCacheDefinition>`;
const PIVOT_RECORDS = `${DECL}<pivotCacheRecords xmlns="${NS}" count="2"><r><x v="0"/><n v="3"/></r><r><x v="1"/><n v="5"/></r></pivotCacheRecords>`;
const PIVOT_TABLE =
  `${DECL}<pivotTableDefinition xmlns="${NS}" name="PivotTable1" cacheId="7" applyNumberFormats="0" applyBorderFormats="0" ` +
  `applyFontFormats="0" applyPatternFormats="0" applyAlignmentFormats="0" applyWidthHeightFormats="1" dataCaption="Values" ` +
  `updatedVersion="6" minRefreshableVersion="3" createdVersion="6" indent="0" outline="1" outlineData="1">` +
  `<location ref="A3:B6" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/>` +
  `<pivotFields count="2"><pivotField axis="axisRow" showAll="0"><items count="3"><item x="0"/><item x="1"/><item t="default"/></items></pivotField>` +
  `<pivotField dataField="1" showAll="0"/></pivotFields><rowFields count="1"><field x="0"/></rowFields>` +
  `<rowItems count="3"><i><x/></i><i><x v="1"/></i><i t="grand"><x/></i></rowItems><colItems count="1"><i/></colItems>` +
  `<dataFields count="1"><dataField name="Sum of Count" fld="1" baseField="0" baseItem="0"/></dataFields></pivotTableDefinition>`;
const CUSTOM_ITEM = `<?xml version="1.0" encoding="UTF-8"?><partnership xmlns="urn:example:csp"><owner>Research team</owner><classification>OFFICIAL-SENSITIVE</classification></partnership>`;
const CUSTOM_PROPS = `${DECL}<ds:datastoreItem ds:itemID="{6F1B2C3D-4E5F-4A6B-9C7D-8E9F0A1B2C3D}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="urn:example:csp"/></ds:schemaRefs></ds:datastoreItem>`;

const rels = (entries: [string, string, string][]) =>
  `${DECL}<Relationships xmlns="${NS_PR}">${entries.map(([id, type, target]) => `<Relationship Id="${id}" Type="${NS_R}/${type}" Target="${target}"/>`).join("")}</Relationships>`;

/** Adds a relationship to a rels part's text (or a new one). */
function addRel(text: string | undefined, id: string, type: string, target: string): string {
  const entry = `<Relationship Id="${id}" Type="${NS_R}/${type}" Target="${target}"/>`;
  return text
    ? text.replace("</Relationships>", `${entry}</Relationships>`)
    : rels([[id, type, target]]);
}

/** The rich workbook's bytes. */
export async function richWorkbook(): Promise<Buffer> {
  const userChart = {
    sheetName: "My charts",
    from: { col: 3, row: 1 },
    to: { col: 10, row: 16 },
    title: "Calls by quarter",
    categoriesRef: "'My charts'!$A$2:$A$5",
    categories: ["Q1", "Q2", "Q3", "Q4"],
    series: [
      {
        name: "Calls",
        valuesRef: "'My charts'!$B$2:$B$5",
        values: [31, 42, 28, 35],
        type: "column" as const,
        color: "7030A0",
      },
    ],
  };
  const zip = ZipPackage.load(await addCharts(await baseWorkbook(), [userChart]));
  const wbPart = await workbookPart(zip);
  const sheets = await sheetParts(zip);
  const partOf = (name: string) => sheets.find((s) => s.name === name)?.part as string;
  const text = (p: string) => readPart(zip, p);
  const put = (p: string, t: string) => zip.write(p, t);

  put("xl/pivotCache/pivotCacheDefinition1.xml", PIVOT_CACHE);
  put(
    "xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels",
    rels([["rId1", "pivotCacheRecords", "pivotCacheRecords1.xml"]])
  );
  put("xl/pivotCache/pivotCacheRecords1.xml", PIVOT_RECORDS);
  put("xl/pivotTables/pivotTable1.xml", PIVOT_TABLE);
  put(
    "xl/pivotTables/_rels/pivotTable1.xml.rels",
    rels([["rId1", "pivotCacheDefinition", "../pivotCache/pivotCacheDefinition1.xml"]])
  );
  const pivotRels = relsPathFor(partOf("Pivot"));
  put(
    pivotRels,
    addRel(await text(pivotRels), "rId90", "pivotTable", "../pivotTables/pivotTable1.xml")
  );
  put("customXml/item1.xml", CUSTOM_ITEM);
  put("customXml/itemProps1.xml", CUSTOM_PROPS);
  put("customXml/_rels/item1.xml.rels", rels([["rId1", "customXmlProps", "itemProps1.xml"]]));
  const csPart = partOf(CHILDREN);
  put(
    "xl/calcChain.xml",
    `${DECL}<calcChain xmlns="${NS}"><c r="C2" i="${sheets.findIndex((s) => s.name === CHILDREN) + 1}" l="1"/><c r="C3"/><c r="C4"/><c r="C5"/></calcChain>`
  );

  const wbRels = relsPathFor(wbPart);
  let r = (await text(wbRels)) as string;
  r = addRel(r, "rId91", "pivotCacheDefinition", "pivotCache/pivotCacheDefinition1.xml");
  r = addRel(r, "rId92", "customXml", "../customXml/item1.xml");
  r = addRel(r, "rId93", "calcChain", "calcChain.xml");
  put(wbRels, r);

  const index = (name: string) => sheets.findIndex((s) => s.name === name);
  let wb = (await text(wbPart)) as string;
  wb = wb.replace(
    /<sheets>/,
    `<bookViews><workbookView xWindow="240" yWindow="120" windowWidth="18000" windowHeight="9000" activeTab="${index(CHILDREN)}"/></bookViews><sheets>`
  );
  wb = wb.replace(
    "</sheets>",
    `</sheets><definedNames>` +
      `<definedName name="_xlnm.Print_Area" localSheetId="${index(CHILDREN)}">'Children''s Services'!$A$1:$C$5</definedName>` +
      `<definedName name="_xlnm.Print_Area" localSheetId="${index("My charts")}">'My charts'!$A:$B</definedName>` +
      `<definedName name="Notes" localSheetId="${index("Pivot")}" comment="kept &gt; as is">Pivot!$A$1</definedName>` +
      `<definedName name="ReferralCounts">'Children''s Services'!$B$2:$B$5</definedName>` +
      `</definedNames>`
  );
  wb = wb.replace(
    /(<calcPr[^>]*\/>)/,
    `$1<pivotCaches><pivotCache cacheId="7" r:id="rId91"/></pivotCaches>`
  );
  put(wbPart, wb);
  const sheetXml = (await text(csPart)) as string;
  if (!sheetXml.includes("<dataValidations") || !sheetXml.includes("<conditionalFormatting"))
    throw new Error("exceljs wrote no data validation or conditional formatting");

  let ct = (await text("[Content_Types].xml")) as string;
  const over = (part: string, type: string) =>
    `<Override PartName="/${part}" ContentType="${type}"/>`;
  ct = ct.replace(
    "</Types>",
    over("xl/pivotCache/pivotCacheDefinition1.xml", `${CT}spreadsheetml.pivotCacheDefinition+xml`) +
      over("xl/pivotCache/pivotCacheRecords1.xml", `${CT}spreadsheetml.pivotCacheRecords+xml`) +
      over("xl/pivotTables/pivotTable1.xml", `${CT}spreadsheetml.pivotTable+xml`) +
      over("customXml/itemProps1.xml", `${CT}customXmlProperties+xml`) +
      over("xl/calcChain.xml", `${CT}spreadsheetml.calcChain+xml`) +
      "</Types>"
  );
  put("[Content_Types].xml", ct);
  return zip.toBuffer();
}
