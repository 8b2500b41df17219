/**
 * Properties of the writer over any text: a cell's text comes back as the same text (never a
 * formula), and any sheet name's print area and marker name that sheet, quoted as Excel wants.
 */
import { pageFor } from "../support/plan-page";
import fc from "fast-check";
import { PlanSheet } from "../../src/workbook";
import { markedSheetsIn } from "../../src/xlsx/markers";
import { child, children, parseXml } from "../../src/xlsx/charts/xml";
import { sheetXml } from "../../src/xlsx/write/sheet-xml";
import { editWorkbook } from "../../src/xlsx/write/workbook-xml";

// eslint-disable-next-line no-control-regex -- the characters XML 1.0 cannot hold
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const text = fc.string({ unit: "binary", maxLength: 40 });

function sheetWith(value: string): PlanSheet {
  const draft: Omit<PlanSheet, "page"> = {
    name: "S",
    role: "summary",
    cells: [{ row: 0, col: 0, value }],
    merges: [],
    columnWidths: [],
    rowHeights: [],
    charts: [],
  };
  return { ...draft, page: pageFor(draft, "portrait", 0) };
}

describe("the writer on any text", () => {
  it("writes a cell's text as an inline string that reads back as the same text", () => {
    fc.assert(
      fc.property(text, (value) => {
        const xml = sheetXml(sheetWith(value), () => 0, { selected: false });
        const c = child(child(child(parseXml(xml), "sheetData"), "row"), "c");
        const expected = value.replace(NOT_XML, "");
        if (expected === "") return expect(c).toBeUndefined();
        expect(c?.attrs.t).toBe("inlineStr");
        expect(child(c, "f")).toBeUndefined();
        // Excel's reading of _xHHHH_ escapes: the writer's _x005F_ gives back a literal underscore.
        const read = (child(child(c, "is"), "t")?.text ?? "").replace(
          /_x([0-9A-Fa-f]{4})_/g,
          (_m, h: string) => String.fromCharCode(parseInt(h, 16))
        );
        expect(read).toBe(expected);
      }),
      { numRuns: 500 }
    );
  });

  it("names any new sheet in its print area and marker, quoted with apostrophes doubled", () => {
    const name = fc
      .string({ minLength: 1, maxLength: 31 })
      .filter(
        (n) =>
          !/[\\/?*[\]:]/.test(n) &&
          n.trim() === n &&
          !n.startsWith("'") &&
          !n.endsWith("'") &&
          n.replace(NOT_XML, "") === n
      );
    const wb = `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`;
    fc.assert(
      fc.property(name, (n) => {
        fc.pre(n.toLowerCase() !== "data");
        const e = editWorkbook(wb, [], [{ name: n, relId: "rId2", printArea: "$A$1:$M$22" }]);
        const root = parseXml(e.xml);
        expect(children(child(root, "sheets"), "sheet").map((s) => s.attrs.name)).toEqual([
          "Data",
          n,
        ]);
        expect(markedSheetsIn(e.xml)).toEqual([n]);
        const area = children(child(root, "definedNames"), "definedName").find(
          (d) => d.attrs.name === "_xlnm.Print_Area"
        );
        const m = /^(?:'((?:[^']|'')+)'|([A-Za-z_][A-Za-z0-9_.]*))!\$A\$1:\$M\$22$/.exec(
          area?.text ?? ""
        );
        expect(m).not.toBeNull();
        expect(m![1] !== undefined ? m![1].replace(/''/g, "'") : m![2]).toBe(n);
        expect(area?.attrs.localSheetId).toBe("1");
      }),
      { numRuns: 300 }
    );
  });
});
