/**
 * The rules of Office.js live in one place each, and every path goes through them (issue 16): a test
 * fails the build when code in src/ writes cell values or formats, reads values, adds table rows
 * with values or adds a chart anywhere else. New features (page layout, new charts) call the
 * modules: cells.ts for cells, ranges.ts for reads, charts.ts for a plan chart.
 */
import { readFileSync, readdirSync, statSync } from "fs";
import path from "path";
import ts from "typescript";

const SRC = path.join(__dirname, "..", "..", "src");

/** Range properties that put values, formulas or formats into cells. */
const CELL_WRITES = new Set([
  "values",
  "valuesAsJson",
  "valuesAsJsonLocal",
  "formulas",
  "formulasLocal",
  "formulasR1C1",
  "numberFormat",
  "numberFormatLocal",
]);
/** Properties whose load brings cell values back. */
const VALUE_READS = new Set([
  "values",
  "valuesAsJson",
  "valuesAsJsonLocal",
  "valueTypes",
  "text",
  "formulas",
]);

const WRITER = "excel/cells.ts";
const READER = "excel/ranges.ts";
const CHARTS = "excel/charts.ts";

interface Finding {
  file: string;
  line: number;
  what: string;
}

function names(spec: ts.Expression): string[] {
  if (ts.isStringLiteralLike(spec)) return spec.text.split(/[,/]/).map((s) => s.trim());
  if (ts.isArrayLiteralExpression(spec)) return spec.elements.flatMap(names);
  if (ts.isObjectLiteralExpression(spec))
    return spec.properties.flatMap((p) => {
      const own =
        p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? [p.name.text] : [];
      const inner = ts.isPropertyAssignment(p) ? names(p.initializer) : [];
      return [...own, ...inner];
    });
  return [];
}

/** What a file does that only the one module for it may do. */
export function findings(file: string, text: string): Finding[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: Finding[] = [];
  const at = (n: ts.Node, what: string) =>
    out.push({ file, line: source.getLineAndCharacterOfPosition(n.getStart()).line + 1, what });
  const visit = (n: ts.Node): void => {
    if (
      ts.isBinaryExpression(n) &&
      n.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      ts.isPropertyAccessExpression(n.left) &&
      CELL_WRITES.has(n.left.name.text) &&
      !(file.endsWith(CHARTS) && n.left.name.text === "numberFormat")
    )
      at(n, `sets ${n.left.name.text}`);
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression)) {
      const method = n.expression.name.text;
      const target = n.expression.expression;
      const args = n.arguments;
      if (method === "load" && args.some((a) => names(a).some((x) => VALUE_READS.has(x))))
        at(n, "loads cell values");
      if (method === "set" && args.some((a) => names(a).some((x) => CELL_WRITES.has(x))))
        at(n, "sets cell values with set()");
      if (
        (method === "add" || method === "addAsJson") &&
        ts.isPropertyAccessExpression(target) &&
        target.name.text === "rows" &&
        args.length > 1
      )
        at(n, "adds table rows with values");
      if (
        method === "add" &&
        ts.isPropertyAccessExpression(target) &&
        target.name.text === "charts"
      )
        at(n, "adds a chart");
    }
    ts.forEachChild(n, visit);
  };
  visit(source);
  return out.filter(
    (f) =>
      !(f.what.startsWith("sets") && file.endsWith(WRITER)) &&
      !(f.what === "adds table rows with values" && file.endsWith(WRITER)) &&
      !(f.what === "loads cell values" && file.endsWith(READER)) &&
      !(f.what === "adds a chart" && file.endsWith(CHARTS))
  );
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}

describe("Office.js: one place writes cells, one reads ranges, one draws charts", () => {
  it("finds what it looks for (a check that cannot fail proves nothing)", () => {
    const bad = `
      range.values = [["=x"]];
      range.numberFormat = [["@"]];
      r.formulas = f;
      used.load("values,valueTypes");
      t.load({ values: true });
      c.load(["address", "valueTypes"]);
      range.set({ numberFormat: [["0"]] });
      table.rows.add(undefined, [["a"]]);
      ws.charts.add("Line", ws.getRange("A1:B2"), "Auto");
    `;
    const got = findings("src/excel/import.ts", bad).map((f) => f.what);
    expect(got).toEqual([
      "sets values",
      "sets numberFormat",
      "sets formulas",
      "loads cell values",
      "loads cell values",
      "loads cell values",
      "sets cell values with set()",
      "adds table rows with values",
      "adds a chart",
    ]);
    // The modules themselves may; reading a width or a name is not reading values.
    expect(findings("src/excel/cells.ts", "range.values = v; range.numberFormat = f;")).toEqual([]);
    expect(findings("src/excel/ranges.ts", 'r.load("values,valueTypes");')).toEqual([]);
    expect(findings("src/excel/read.ts", 'sheets.load("items/name,items/visibility");')).toEqual(
      []
    );
    expect(findings("src/excel/charts.ts", "c.axes.valueAxis.numberFormat = f;")).toEqual([]);
  });

  it("no file in src/ writes cells, reads values, adds rows with values or adds a chart but those modules", () => {
    const files = sourceFiles(SRC);
    expect(files.length).toBeGreaterThan(50);
    const all = files.flatMap((f) =>
      findings(path.relative(SRC, f).split(path.sep).join("/"), readFileSync(f, "utf8"))
    );
    expect(all).toEqual([]);
  });
});
