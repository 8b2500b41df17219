/**
 * The Excel fake behaves like Excel where the Office.js host depends on it: proxies, load/sync,
 * ordering, partial application before an error, request sizes, Excel's error codes, Excel's
 * reading of written strings, and the collections the host uses.
 */
/* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load, office-addins/load-object-before-read --
 * these tests read before loading or syncing on purpose: that the fake throws is what they prove. */
import { readFileSync } from "fs";
import { ENUM_VALUES, FakeExcel, FakeRichApiError, enumKey } from "./fake-excel";

const PROPERTY_NOT_LOADED =
  "The property 'values' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.";

function make(): { fake: FakeExcel; ctx: Excel.RequestContext } {
  const fake = new FakeExcel({ currentYear: 2010 });
  fake.seed([
    {
      name: "Data",
      table: "Monthly",
      rows: [
        ["Measure", "Month", "Count"],
        ["Burglary", 39539, 29],
        ["Burglary", 39569, 31],
      ],
    },
    { name: "Notes", cells: { A1: "hello", B2: 5 } },
  ]);
  return { fake, ctx: fake.context };
}

/**
 * Office.js's types only allow 2-D arrays for values and number formats; at run time one value
 * fills the range, as the fake does too.
 */
function loose(range: Excel.Range): { values: unknown; numberFormat: unknown } {
  return range as unknown as { values: unknown; numberFormat: unknown };
}

/** The rejection of a promise, for asserting on its shape. */
async function rejection(p: Promise<unknown>): Promise<FakeRichApiError> {
  try {
    await p;
  } catch (e) {
    return e as FakeRichApiError;
  }
  throw new Error("expected a rejection");
}

describe("proxies, load and sync", () => {
  test("reading a property throws PropertyNotLoaded until it is loaded and synced", async () => {
    const { ctx } = make();
    const range = ctx.workbook.worksheets.getItem("Notes").getRange("A1:B2");
    let thrown: unknown;
    try {
      void range.values;
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toMatchObject({
      name: "RichApi.Error",
      code: "PropertyNotLoaded",
      message: PROPERTY_NOT_LOADED,
      debugInfo: { code: "PropertyNotLoaded", errorLocation: "Range.values" },
    });
    range.load("values");
    expect(() => range.values).toThrow(PROPERTY_NOT_LOADED); // loaded, not yet synced
    await ctx.sync();
    expect(range.values).toEqual([
      ["hello", ""],
      ["", 5],
    ]);
    expect(() => range.numberFormat).toThrow(/'numberFormat' is not available/); // not asked for
  });

  test("load accepts a comma list, an array, select/expand and the Interfaces object", async () => {
    const { ctx } = make();
    const ws = ctx.workbook.worksheets.getItem("Notes");
    const a = ws.getRange("B2").load("values, address");
    const b = ws.getRange("B2").load(["rowIndex", "columnIndex"]);
    const c = ws.getRange("B2").load({ select: "rowCount,columnCount" });
    const d = ws.getRange("B2").load({ numberFormat: true, format: { font: { bold: true } } });
    const e = ws.getRange("B2").load();
    await ctx.sync();
    expect([a.values, a.address]).toEqual([[[5]], "Notes!B2"]);
    expect([b.rowIndex, b.columnIndex, c.rowCount, c.columnCount]).toEqual([1, 1, 1, 1]);
    expect([d.numberFormat, d.format.font.bold]).toEqual([[["General"]], false]);
    expect([e.values, e.valueTypes, e.text, e.cellCount]).toEqual([
      [[5]],
      [["Double"]],
      [["5"]],
      1,
    ]);
  });

  test("a loaded value is read where the load stands in the batch", async () => {
    const { ctx } = make();
    const cell = ctx.workbook.worksheets.getItem("Notes").getRange("B2");
    const before = cell.load("values");
    cell.values = [[6]];
    const after = ctx.workbook.worksheets.getItem("Notes").getRange("B2").load("values");
    await ctx.sync();
    expect(after.values).toEqual([[6]]);
    expect(before).toBe(cell);
    const first = ctx.workbook.worksheets.getItem("Notes").getRange("B2");
    first.load("values");
    const second = ctx.workbook.worksheets.getItem("Notes").getRange("B2");
    second.values = [[7]];
    await ctx.sync();
    expect(first.values).toEqual([[6]]);
  });

  test("a written property reads back the value the add-in wrote (as Office.js keeps it), not Excel's", async () => {
    const { ctx } = make();
    const cell = ctx.workbook.worksheets.getItem("Notes").getRange("C3");
    cell.values = [["0123"]];
    expect(cell.values).toEqual([["0123"]]); // local copy, as in Office.js
    cell.load("values");
    await ctx.sync();
    expect(cell.values).toEqual([[123]]); // what Excel stored
  });

  test("loading a property the fake does not implement fails at once and loudly", () => {
    const { ctx } = make();
    const range = ctx.workbook.worksheets.getItem("Notes").getRange("A1");
    expect(() => range.load("hyperlink")).toThrow(/not implemented by the fake/);
  });

  test("collections: items only after a load, with navigation paths", async () => {
    const { fake, ctx } = make();
    fake.protectSheet("Notes");
    const sheets = ctx.workbook.worksheets;
    expect(() => sheets.items).toThrow(/'items' is not available/);
    sheets.load(
      "items/name,items/visibility,items/position,items/names/items/name,items/tables/items/name,items/protection/protected"
    );
    const tables = ctx.workbook.tables.load("items/name,items/worksheet/name,count");
    await ctx.sync();
    expect(
      sheets.items.map((s) => [s.name, s.position, s.visibility, s.protection.protected])
    ).toEqual([
      ["Data", 0, "Visible", false],
      ["Notes", 1, "Visible", true],
    ]);
    expect(sheets.items[0]?.tables.items.map((t) => t.name)).toEqual(["Monthly"]);
    expect(sheets.items[1]?.names.items).toEqual([]);
    expect(tables.items.map((t) => [t.name, t.worksheet.name])).toEqual([["Monthly", "Data"]]);
    expect(tables.count).toBe(1);
    expect(() => sheets.items[0]?.id).toThrow(/'id' is not available/);
  });

  test("*OrNullObject: isNullObject after a sync; a null object's properties are undefined and writes are ignored", async () => {
    const { fake, ctx } = make();
    const missing = ctx.workbook.worksheets.getItemOrNullObject("Nope");
    const present = ctx.workbook.worksheets.getItemOrNullObject("Notes");
    expect(() => missing.isNullObject).toThrow(/'isNullObject' is not available/);
    missing.load("name");
    present.load("name");
    await ctx.sync();
    expect([missing.isNullObject, missing.name]).toEqual([true, undefined]);
    expect([present.isNullObject, present.name]).toEqual([false, "Notes"]);
    missing.getRange("A1").values = [["x"]];
    await ctx.sync();
    expect(fake.sheetNames()).toEqual(["Data", "Notes"]);
    const empty = ctx.workbook.worksheets.add("Empty").getUsedRangeOrNullObject(true);
    empty.load("address");
    const used = ctx.workbook.worksheets.getItem("Notes").getUsedRangeOrNullObject();
    used.load("address");
    await ctx.sync();
    expect([empty.isNullObject, used.isNullObject, used.address]).toEqual([
      true,
      false,
      "Notes!A1:B2",
    ]);
  });
});

describe("the queue", () => {
  test("writes wait for sync and are applied in order; proxies chain before any sync", async () => {
    const { fake, ctx } = make();
    const ws = ctx.workbook.worksheets.add("Report");
    ws.getRange("A1").format.font.bold = true;
    ws.getRange("A1").values = [["Title"]];
    ws.getRange("A1").values = [["Final"]];
    expect(fake.hasSheet("Report")).toBe(false);
    await ctx.sync();
    expect(fake.sheet("Report").cell("A1")).toMatchObject({
      value: "Final",
      style: { bold: true },
    });
  });

  test("a Text format set before the values keeps them text; set after, it is too late", async () => {
    const { fake, ctx } = make();
    const ws = ctx.workbook.worksheets.getItem("Notes");
    const first = ws.getRange("D1:D2");
    first.numberFormat = [["@"], ["@"]];
    first.values = [["2009-10"], ["0123"]];
    const late = ws.getRange("E1:E2");
    late.values = [["2009-10"], ["0123"]];
    late.numberFormat = [["@"], ["@"]];
    await ctx.sync();
    expect(fake.sheet("Notes").values("D1:E2")).toEqual([
      ["2009-10", 40087],
      ["0123", 123],
    ]);
  });

  test("syncCount counts requests; an empty sync sends none; Excel.run flushes what is left", async () => {
    const { fake, ctx } = make();
    await ctx.sync();
    expect(fake.syncCount).toBe(0);
    ctx.workbook.worksheets.getItem("Notes").getRange("A1").values = [["x"]];
    await ctx.sync();
    expect(fake.syncCount).toBe(1);
    await fake.run(async (c) => {
      c.workbook.worksheets.getItem("Notes").getRange("A2").values = [["y"]];
    });
    expect(fake.syncCount).toBe(2);
    expect(fake.sheet("Notes").value("A2")).toBe("y");
  });

  test("each request's size is recorded; large values make large requests", async () => {
    const { fake, ctx } = make();
    ctx.workbook.worksheets.getItem("Notes").getRange("A1").values = [["x"]];
    await ctx.sync();
    const rows = Array.from({ length: 1000 }, (_, i) => [`row ${i} with some text`, i]);
    ctx.workbook.worksheets.getItem("Notes").getRange("A1:B1000").values = rows;
    await ctx.sync();
    const [small, large] = fake.requestBytes as [number, number];
    expect(small).toBeGreaterThan(100);
    expect(small).toBeLessThan(600);
    expect(large).toBeGreaterThan(JSON.stringify(rows).length);
    expect(large).toBeLessThan(JSON.stringify(rows).length + 2000); // two chunks of 1,500 cells
    expect(fake.maxRequestBytes).toBe(large);
  });

  test("a request over the limit (5 MB by default) fails whole with RequestPayloadSizeLimitExceeded", async () => {
    const { fake, ctx } = make();
    const ws = ctx.workbook.worksheets.getItem("Notes");
    ws.getRange("A1").values = [["before"]];
    const big = Array.from({ length: 60000 }, () => ["x".repeat(90)]);
    ws.getRange("C1:C60000").values = big;
    const e = await rejection(ctx.sync());
    expect(e).toMatchObject({ name: "RichApi.Error", code: "RequestPayloadSizeLimitExceeded" });
    expect(fake.sheet("Notes").value("A1")).toBe("hello"); // nothing of the request applied
    expect(fake.requestBytes[0]).toBeGreaterThan(5 * 1024 * 1024);
    const small = new FakeExcel({ requestLimitBytes: 2000 });
    small.context.workbook.worksheets.getItem("Sheet1").getRange("A1:A100").values = Array.from(
      { length: 100 },
      () => ["some text that takes room"]
    );
    await expect(small.context.sync()).rejects.toMatchObject({
      code: "RequestPayloadSizeLimitExceeded",
    });
  });

  test("what survives JSON is what Excel gets: NaN arrives as null and leaves the cell alone", async () => {
    const { fake, ctx } = make();
    ctx.workbook.worksheets.getItem("Notes").getRange("A1:B1").values = [[Number.NaN, 1]];
    await ctx.sync();
    expect(fake.sheet("Notes").values("A1:B1")).toEqual([["hello", 1]]);
  });
  test("writes over 1,500 cells go as row chunks after a size check, as Office.js sends them", async () => {
    const { fake, ctx } = make();
    const ws = ctx.workbook.worksheets.getItem("Notes");
    const rows = Array.from({ length: 2000 }, (_, i) => [`r${i}`, i]);
    rows[1900] = ["ragged"]; // Office.js checks the first row's length only
    ws.getRange("A1:B2000").values = rows;
    const e = await rejection(ctx.sync());
    expect(e).toMatchObject({
      code: "InvalidArgument",
      debugInfo: { errorLocation: "Range.values" },
    });
    expect(e.debugInfo.statement).toContain("getBoundingRect");
    const s = fake.sheet("Notes");
    expect([s.value("A750"), s.value("A1500"), s.value("A1501")]).toEqual(["r749", "r1499", null]);
    ws.getRange("A1:B10").values = Array.from({ length: 1000 }, () => ["x", 1]);
    await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    expect(s.value("A3")).toBe("r2"); // the size check came first: nothing written
  });
});

describe("errors", () => {
  test("operations before the failing one stay applied, later ones do not run; earlier loads arrive", async () => {
    const { fake, ctx } = make();
    const ws = ctx.workbook.worksheets.getItem("Notes");
    const read = ws.getRange("A1").load("values");
    ws.getRange("A2").values = [["applied"]];
    ctx.workbook.worksheets.getItem("Missing").getRange("A1").values = [["x"]];
    ws.getRange("A3").values = [["never"]];
    const e = await rejection(ctx.sync());
    expect(e).toBeInstanceOf(Error);
    expect(e).toMatchObject({
      name: "RichApi.Error",
      code: "ItemNotFound",
      debugInfo: { code: "ItemNotFound", errorLocation: "WorksheetCollection.getItem" },
    });
    expect(e.debugInfo.statement).toContain('getItem("Missing")');
    expect(fake.sheet("Notes").values("A2:A3")).toEqual([["applied"], [null]]);
    expect(read.values).toEqual([["hello"]]);
    ws.getRange("A4").values = [["next batch"]]; // the failed request is gone; the context goes on
    await ctx.sync();
    expect(fake.sheet("Notes").value("A4")).toBe("next batch");
  });

  test("ItemNotFound for a missing table or name, at sync", async () => {
    const { ctx } = make();
    ctx.workbook.tables.getItem("Nope").load("name");
    await expect(ctx.sync()).rejects.toMatchObject({
      code: "ItemNotFound",
      debugInfo: { errorLocation: "TableCollection.getItem" },
    });
    ctx.workbook.names.getItem("Nope").load("name");
    await expect(ctx.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    ctx.workbook.tables.getItem("Nope"); // an unused proxy is never looked up
    await ctx.sync();
  });

  test("InvalidArgument for a bad address, a values array of the wrong shape, or a non-cell value", async () => {
    const { ctx } = make();
    const ws = ctx.workbook.worksheets.getItem("Notes");
    ws.getRange("A1:ZZZZ9").load("values");
    await expect(ctx.sync()).rejects.toMatchObject({
      code: "InvalidArgument",
      debugInfo: { errorLocation: "Worksheet.getRange" },
    });
    ws.getRange("A1:B2").values = [[1, 2]];
    await expect(ctx.sync()).rejects.toMatchObject({
      code: "InvalidArgument",
      debugInfo: { errorLocation: "Range.values" },
    });
    ws.getRange("A1:B1").values = [[1, 2, 3]];
    await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    ws.getRange("A1").values = [[{ a: 1 }]];
    await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    ws.getRange("A1").format.fill.color = "not a colour";
    await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  test("failOnSync: the n-th request from now fails whole", async () => {
    const { fake, ctx } = make();
    fake.failOnSync(2, "GeneralException");
    const ws = ctx.workbook.worksheets.getItem("Notes");
    ws.getRange("A1").values = [["one"]];
    await ctx.sync();
    ws.getRange("A2").values = [["two"]];
    await expect(ctx.sync()).rejects.toMatchObject({ code: "GeneralException" });
    ws.getRange("A3").values = [["three"]];
    await ctx.sync();
    expect(fake.sheet("Notes").values("A1:A3")).toEqual([["one"], [null], ["three"]]);
  });

  test("failOn: the first matching operation fails, once; what came before it stays", async () => {
    const { fake, ctx } = make();
    fake.failOn((op) => op.name === "delete" && op.sheet === "Data", "InsertDeleteConflict");
    ctx.workbook.worksheets.getItem("Notes").getRange("C1").values = [["before"]];
    ctx.workbook.worksheets.getItem("Data").delete();
    ctx.workbook.worksheets.getItem("Notes").getRange("C2").values = [["after"]];
    await expect(ctx.sync()).rejects.toMatchObject({
      code: "InsertDeleteConflict",
      debugInfo: { errorLocation: "Worksheet.delete" },
    });
    expect(fake.sheet("Notes").values("C1:C2")).toEqual([["before"], [null]]);
    expect(fake.sheetNames()).toContain("Data");
    fake.failOn(
      (op) => op.type === "Range" && op.kind === "set" && op.address === "Notes!C3",
      "AccessDenied"
    );
    ctx.workbook.worksheets.getItem("Notes").getRange("C3").values = [["x"]];
    await expect(ctx.sync()).rejects.toMatchObject({ code: "AccessDenied" });
    ctx.workbook.worksheets.getItem("Data").delete();
    await ctx.sync();
    expect(fake.sheetNames()).toEqual(["Notes"]);
  });

  test("cell-edit mode: every request fails unless the run asked to wait", async () => {
    const { fake, ctx } = make();
    fake.cellEditMode = true;
    ctx.workbook.worksheets.getItem("Notes").getRange("A1").values = [["x"]];
    const e = await rejection(ctx.sync());
    expect(e.code).toBe("InvalidOperationInCellEditMode");
    expect(e.message).toMatch(/cell-editing mode/);
    await expect(
      fake.run(async (c) => {
        c.workbook.worksheets.getItem("Notes").load("name");
        await c.sync();
      })
    ).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
    const restore = fake.install();
    try {
      await Excel.run({ delayForCellEdit: true }, async (c) => {
        c.workbook.worksheets.getItem("Notes").getRange("A1").values = [["waited"]];
        await c.sync();
      });
    } finally {
      restore();
    }
    expect(fake.sheet("Notes").value("A1")).toBe("waited");
  });

  test("a protected sheet refuses writes with AccessDenied and loads protection.protected true", async () => {
    const { fake, ctx } = make();
    fake.protectSheet("Notes");
    const ws = ctx.workbook.worksheets.getItem("Notes");
    const protection = ws.protection.load("protected");
    const read = ws.getRange("A1").load("values");
    await ctx.sync();
    expect([protection.protected, read.values]).toEqual([true, [["hello"]]]);
    for (const write of [
      () => (ws.getRange("A1").values = [["x"]]),
      () => (ws.getRange("A1").numberFormat = [["@"]]),
      () => (ws.getRange("A1").format.font.bold = true),
      () => (ws.getRange("A:A").format.columnWidth = 80),
      () => ws.getRange("A1:B1").merge(),
      () => ws.tables.add("D1:E3", true),
      () => ws.charts.add("Line", ws.getRange("B2")),
    ]) {
      write();
      await expect(ctx.sync()).rejects.toMatchObject({ code: "AccessDenied" });
    }
    ctx.workbook.worksheets.getItem("Data").getRange("Z1").values = [["fine"]];
    await ctx.sync();
    expect(fake.sheet("Notes").value("A1")).toBe("hello");
  });

  test("workbook structure protection refuses adding, deleting and renaming sheets", async () => {
    const { fake, ctx } = make();
    fake.protectStructure();
    const protection = ctx.workbook.protection.load("protected");
    await ctx.sync();
    expect(protection.protected).toBe(true);
    for (const change of [
      () => ctx.workbook.worksheets.add("New"),
      () => ctx.workbook.worksheets.getItem("Notes").delete(),
      () => (ctx.workbook.worksheets.getItem("Notes").name = "Renamed"),
    ]) {
      change();
      await expect(ctx.sync()).rejects.toMatchObject({ code: "AccessDenied" });
    }
    expect(fake.sheetNames()).toEqual(["Data", "Notes"]);
  });

  test("sheet names: duplicates are ItemAlreadyExists, illegal names InvalidArgument, the last sheet stays", async () => {
    const { fake, ctx } = make();
    ctx.workbook.worksheets.add("notes");
    await expect(ctx.sync()).rejects.toMatchObject({ code: "ItemAlreadyExists" });
    for (const bad of ["a/b", "x".repeat(32), "'quoted'", "History", "[x]"]) {
      ctx.workbook.worksheets.add(bad);
      await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    }
    ctx.workbook.worksheets.getItem("Data").delete();
    await ctx.sync();
    ctx.workbook.worksheets.getItem("Notes").delete();
    await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
    expect(fake.sheetNames()).toEqual(["Notes"]);
  });

  test("objects used after their Excel.run has finished fail; a batch must return a promise", async () => {
    const { fake } = make();
    let kept: Excel.Range | null = null;
    await fake.run(async (c) => {
      kept = c.workbook.worksheets.getItem("Notes").getRange("A1");
    });
    const range = kept as unknown as Excel.Range;
    range.values = [["late"]];
    await expect(range.context.sync()).rejects.toMatchObject({ code: "InvalidObjectPath" });
    await expect(
      fake.run((() => undefined) as unknown as (c: Excel.RequestContext) => Promise<void>)
    ).rejects.toMatchObject({
      code: "RunMustReturnPromise",
    });
  });
});

describe("Excel's reading of written values", () => {
  async function written(values: unknown[][], format?: string) {
    const { fake, ctx } = make();
    const range = ctx.workbook.worksheets.getItem("Notes").getRange(`A10:A${9 + values.length}`);
    if (format) loose(range).numberFormat = format;
    range.values = values;
    range.load("values,valueTypes,numberFormat,text,formulas");
    await ctx.sync();
    return { fake, range };
  }

  const risky = [
    "=SUM(B1:B3)",
    "0123",
    "1e5",
    "2009-10",
    "2010-06-30",
    "1/2",
    "TRUE",
    "#N/A",
    "-abc",
    "12%",
    "1,234",
  ];

  test("Excel turns text into formulas, numbers, dates, Booleans and errors", async () => {
    const { fake, range } = await written(risky.map((v) => [v]));
    expect(range.values.map((r) => r[0])).toEqual([
      "#NAME?", // the fake does not calculate: a formula's value is #NAME? unless it is a constant
      123,
      100000,
      40087, // 1 October 2009
      40359, // 30 June 2010
      40180, // 2 January of the current year (2010 here)
      true,
      "#N/A",
      "#NAME?",
      0.12,
      1234,
    ]);
    expect(range.valueTypes.map((r) => r[0])).toEqual([
      "Error",
      "Double",
      "Double",
      "Double",
      "Double",
      "Double",
      "Boolean",
      "Error",
      "Error",
      "Double",
      "Double",
    ]);
    expect(range.numberFormat.map((r) => r[0])).toEqual([
      "General",
      "General",
      "0.00E+00",
      "mmm-yy",
      "m/d/yyyy",
      "d-mmm",
      "General",
      "General",
      "General",
      "0%",
      "#,##0",
    ]);
    expect(range.text.map((r) => r[0])).toEqual([
      "#NAME?",
      "123",
      "1.00E+05",
      "Oct-09",
      "6/30/2010",
      "2-Jan",
      "TRUE",
      "#N/A",
      "#NAME?",
      "12%",
      "1,234",
    ]);
    expect(range.formulas[0]).toEqual(["=SUM(B1:B3)"]);
    expect(fake.formulaLog).toEqual([
      { sheet: "Notes", address: "A10", formula: "=SUM(B1:B3)" },
      { sheet: "Notes", address: "A18", formula: "=-abc" },
    ]);
    expect(fake.sheet("Notes").formulas()).toEqual({ A10: "=SUM(B1:B3)", A18: "=-abc" });
  });

  test("a Text format keeps every string as written, and writes no formula", async () => {
    const { fake, range } = await written(
      risky.map((v) => [v]),
      "@"
    );
    expect(range.values.map((r) => r[0])).toEqual(risky);
    expect(new Set(range.valueTypes.map((r) => r[0]))).toEqual(new Set(["String"]));
    expect(fake.formulaLog).toEqual([]);
  });

  test("a leading apostrophe keeps a string as text and is not stored", async () => {
    const { fake, range } = await written(risky.map((v) => [`'${v}`]));
    expect(range.values.map((r) => r[0])).toEqual(risky);
    expect(fake.formulaLog).toEqual([]);
  });

  test("plain text, numbers and Booleans are stored as they are; null leaves a cell, '' clears it", async () => {
    const { fake, ctx } = make();
    const range = ctx.workbook.worksheets.getItem("Notes").getRange("A1:D1");
    range.values = [[null, "", 3.5, false]];
    await ctx.sync();
    expect(fake.sheet("Notes").values("A1:D1")).toEqual([["hello", null, 3.5, false]]);
    range.values = [["Burglary fell by 5% - good news", null, null, null]];
    await ctx.sync();
    expect(fake.sheet("Notes").value("A1")).toBe("Burglary fell by 5% - good news");
  });

  test("one value (not an array) fills the range, for values and number formats", async () => {
    const { fake, ctx } = make();
    const range = ctx.workbook.worksheets.getItem("Notes").getRange("F1:G2");
    loose(range).numberFormat = "0.0";
    loose(range).values = 2;
    await ctx.sync();
    const s = fake.sheet("Notes");
    expect(s.values("F1:G2")).toEqual([
      [2, 2],
      [2, 2],
    ]);
    expect([s.numberFormat("G2"), s.text("G2")]).toEqual(["0.0", "2.0"]);
  });

  test("number formats show as Excel shows them", async () => {
    const { fake, ctx } = make();
    const range = ctx.workbook.worksheets.getItem("Notes").getRange("A1:F1");
    range.numberFormat = [["0.00", "#,##0", "0.0%", "yyyy-mm-dd", "mmm yyyy", "General"]];
    range.values = [[3.14159, 1234567, 0.1234, 40359, 40087, 1 / 3]];
    range.load("text");
    await ctx.sync();
    expect(range.text).toEqual([
      ["3.14", "1,234,567", "12.3%", "2010-06-30", "Oct 2009", "0.333333333"],
    ]);
    expect(fake.sheet("Notes").text("B1")).toBe("1,234,567");
  });
});

describe("collections and members", () => {
  test("worksheets: add at the end, rename, move, hide, activate, active sheet; addresses quote names", async () => {
    const { fake, ctx } = make();
    const ws = ctx.workbook.worksheets.add("My Report");
    ws.position = 0;
    ws.activate();
    const active = ctx.workbook.worksheets.getActiveWorksheet().load("name");
    const range = ws.getRange("a1:b2").load("address");
    await ctx.sync();
    expect(fake.sheetNames()).toEqual(["My Report", "Data", "Notes"]);
    expect([active.name, range.address, fake.activeSheet]).toEqual([
      "My Report",
      "'My Report'!A1:B2",
      "My Report",
    ]);
    ws.name = "Summary";
    ctx.workbook.worksheets.getItem("Notes").visibility = "Hidden";
    ws.getRange("B3").select();
    await ctx.sync();
    expect(fake.sheetNames()).toEqual(["Summary", "Data", "Notes"]);
    expect([fake.sheet("Notes").visibility, fake.selection]).toEqual(["Hidden", "Summary!B3"]);
    const added = ctx.workbook.worksheets.add();
    added.load("name");
    await ctx.sync();
    expect(added.name).toBe("Sheet1");
  });

  test("tables: add with headers, names, ranges, style; headers become unique text", async () => {
    const { fake, ctx } = make();
    const ws = ctx.workbook.worksheets.getItem("Notes");
    ws.getRange("D1:F3").values = [
      ["Area", "", "Area"],
      ["North", 1, 2],
      ["South", 3, 4],
    ];
    const table = ws.tables.add("D1:F3", true);
    table.name = "Areas";
    table.style = "TableStyleLight9";
    table.showBandedRows = false;
    const header = table.getHeaderRowRange().load("values");
    const body = table.getDataBodyRange().load("address");
    const whole = table.getRange().load("address");
    const sheetOfTable = table.worksheet.load("name");
    const found = ctx.workbook.tables.getItemOrNullObject("areas").load("name");
    await ctx.sync();
    expect(header.values).toEqual([["Area", "Column2", "Area2"]]);
    expect([body.address, whole.address, sheetOfTable.name, found.name]).toEqual([
      "Notes!D2:F3",
      "Notes!D1:F3",
      "Notes",
      "Areas",
    ]);
    expect(fake.tables().find((t) => t.name === "Areas")).toEqual({
      name: "Areas",
      sheet: "Notes",
      address: "Notes!D1:F3",
      style: "TableStyleLight9",
      showBandedRows: false,
    });
    ws.tables.add("E2:G4", true);
    await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidOperation" }); // overlaps
    ctx.workbook.tables.add("Data!H1:I2", true).name = "Monthly";
    await expect(ctx.sync()).rejects.toMatchObject({ code: "ItemAlreadyExists" });
  });

  test("names: workbook and worksheet scope, add, getItemOrNullObject, items, formula and value", async () => {
    const { fake, ctx } = make();
    const ws = ctx.workbook.worksheets.getItem("Notes");
    ws.names.add("CDRP_REPORT_SHEET", "=TRUE", "marker");
    ctx.workbook.names.add("Counts", ctx.workbook.worksheets.getItem("Data").getRange("C2:C3"));
    const marker = ws.names
      .getItemOrNullObject("cdrp_report_sheet")
      .load("name,formula,value,type,visible");
    const none = ctx.workbook.names.getItemOrNullObject("CDRP_REPORT_SHEET").load("name");
    const counts = ctx.workbook.names.getItem("Counts").load("formula,value,type");
    const sheets = ctx.workbook.worksheets.load("items/name,items/names/items/name");
    await ctx.sync();
    expect([marker.name, marker.formula, marker.value, marker.type, marker.visible]).toEqual([
      "CDRP_REPORT_SHEET",
      "=TRUE",
      true,
      "Boolean",
      true,
    ]);
    expect(none.isNullObject).toBe(true);
    expect([counts.formula, counts.value, counts.type]).toEqual([
      "=Data!$C$2:$C$3",
      "Data!$C$2:$C$3",
      "Range",
    ]);
    expect(sheets.items.map((s) => s.names.items.map((n) => n.name))).toEqual([
      [],
      ["CDRP_REPORT_SHEET"],
    ]);
    expect(fake.sheet("Notes").names()).toEqual([
      { name: "CDRP_REPORT_SHEET", formula: "=TRUE", comment: "marker", visible: true },
    ]);
    ws.names.add("CDRP_REPORT_SHEET", "=TRUE");
    await expect(ctx.sync()).rejects.toMatchObject({ code: "ItemAlreadyExists" });
    ws.names.add("A1", "=TRUE");
    await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  test("ranges: derived ranges, merge, clear, formats read back uniform or null, borders, widths", async () => {
    const { fake, ctx } = make();
    const ws = ctx.workbook.worksheets.getItem("Notes");
    const base = ws.getRange("B2:C3");
    const cell = base.getCell(1, 1).load("address");
    const resized = base.getResizedRange(1, 2).load("address");
    const offset = base.getOffsetRange(-1, 1).load("address");
    ws.getRange("A1:C1").merge();
    ws.getRange("A1").format.font.bold = true;
    ws.getRange("A1").format.fill.color = "yellow";
    ws.getRange("A1:B1").format.horizontalAlignment = "Center";
    const edge = ws.getRange("A2:B2").format.borders.getItem("EdgeBottom");
    edge.style = "Continuous";
    edge.color = "#bfbfbf";
    ws.getRange("B:C").format.columnWidth = 120;
    ws.getRange("4:4").format.rowHeight = 30;
    const bold = ws.getRange("A1:A2").format.font.load("bold");
    const fill = ws.getRange("A1").format.fill.load("color");
    const width = ws.getRange("B1:C1").format.load("columnWidth");
    const mixedWidth = ws.getRange("A1:B1").format.load("columnWidth");
    await ctx.sync();
    expect([cell.address, resized.address, offset.address]).toEqual([
      "Notes!C3",
      "Notes!B2:E4",
      "Notes!C1:D2",
    ]);
    expect([bold.bold, fill.color, width.columnWidth, mixedWidth.columnWidth]).toEqual([
      null,
      "#FFFF00",
      120,
      null,
    ]);
    const s = fake.sheet("Notes");
    expect(s.merges()).toEqual(["A1:C1"]);
    expect(s.style("B2")).toEqual({
      borders: { EdgeBottom: { style: "Continuous", color: "#BFBFBF" } },
    });
    expect(s.style("A1")).toEqual({ bold: true, fill: "#FFFF00", horizontalAlignment: "Center" });
    expect([s.columnWidth("C"), s.columnWidth("D"), s.rowHeight(4)]).toEqual([120, 48, 30]);
    ws.getRange("A1:C3").clear();
    await ctx.sync();
    expect([s.merges(), s.value("B2"), s.style("A1")]).toEqual([[], null, {}]);
    base.getOffsetRange(-5, 0).load("address");
    await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  test("charts: one series per source column, then series, points, position, legend, axes", async () => {
    const { fake, ctx } = make();
    const ws = ctx.workbook.worksheets.getItem("Notes");
    ws.getRange("D1:F1").numberFormat = [["@", "@", "@"]]; // or "2009-10" would become a date, not a series name
    ws.getRange("D1:F4").values = [
      ["Month", "2009-10", "2010-11"],
      ["Apr", 10, 12],
      ["May", 11, 9],
      ["Jun", 8, 7],
    ];
    const fromTable = ws.charts.add("ColumnClustered", ws.getRange("D1:F4"), "Columns");
    fromTable.series.load("count,items/name");
    const chart = ws.charts.add("Line", ws.getRange("E2:E4"), "Columns");
    chart.name = "Trend";
    chart.title.text = "Burglary";
    chart.setPosition("H2", "N20");
    chart.legend.visible = true;
    chart.legend.position = "Bottom";
    chart.axes.valueAxis.title.text = "Offences";
    chart.axes.valueAxis.numberFormat = "0";
    const first = chart.series.getItemAt(0);
    first.name = "This year";
    first.setXAxisValues(ws.getRange("D2:D4"));
    first.format.line.color = "#1F4E79";
    first.format.line.lineStyle = "Dash";
    first.markerStyle = "Circle";
    const second = chart.series.add("Last year");
    second.setValues(ws.getRange("F2:F4"));
    second.chartType = "ColumnClustered";
    second.format.fill.setSolidColor("#A6A6A6");
    second.points.getItemAt(2).format.fill.setSolidColor("#C00000");
    ws.charts.load("count,items/name");
    await ctx.sync();
    expect(fromTable.series.count).toBe(2);
    expect(fromTable.series.items.map((s) => s.name)).toEqual(["2009-10", "2010-11"]);
    expect(ws.charts.items.map((c) => c.name)).toEqual(["Chart 1", "Trend"]);
    const [auto, trend] = fake.sheet("Notes").charts();
    expect(auto?.series.map((s) => [s.values, s.xValues])).toEqual([
      ["Notes!E2:E4", "Notes!D2:D4"],
      ["Notes!F2:F4", "Notes!D2:D4"],
    ]);
    expect(trend).toEqual({
      name: "Trend",
      type: "Line",
      title: "Burglary",
      titleVisible: true,
      from: "H2",
      to: "N20",
      legend: { visible: true, position: "Bottom" },
      valueAxis: { title: "Offences", numberFormat: "0" },
      categoryAxis: { title: "", numberFormat: "General" },
      series: [
        {
          name: "This year",
          chartType: "Line",
          values: "Notes!E2:E4",
          xValues: "Notes!D2:D4",
          lineColor: "#1F4E79",
          lineStyle: "Dash",
          fill: null,
          markerStyle: "Circle",
          pointColors: {},
        },
        {
          name: "Last year",
          chartType: "ColumnClustered",
          values: "Notes!F2:F4",
          xValues: null,
          lineColor: null,
          lineStyle: null,
          fill: "#A6A6A6",
          markerStyle: null,
          pointColors: { 2: "#C00000" },
        },
      ],
    });
    chart.series.getItemAt(1).points.getItemAt(3).format.fill.setSolidColor("#000000");
    await expect(ctx.sync()).rejects.toMatchObject({ code: "ItemNotFound" }); // 3 points only
    ws.charts.add("Lines" as Excel.ChartType, ws.getRange("E2:E4"));
    await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    ws.charts.getItemAt(0).delete();
    const count = ws.charts.load("count");
    await ctx.sync();
    expect(count.count).toBe(1);
  });

  test("chart points take marker colours and sizes (2 to 72); the value axis a minimum", async () => {
    const { fake, ctx } = make();
    const ws = ctx.workbook.worksheets.getItem("Notes");
    ws.getRange("E2:E4").values = [[10], [11], [8]];
    const chart = ws.charts.add("Line", ws.getRange("E2:E4"), "Columns");
    const point = chart.series.getItemAt(0).points.getItemAt(1);
    point.markerBackgroundColor = "#00b0f0";
    point.markerForegroundColor = "orange";
    point.markerSize = 7;
    chart.axes.valueAxis.minimum = 0;
    await ctx.sync();
    const [view] = fake.sheet("Notes").charts();
    expect(view!.series[0]!.pointMarkers).toEqual({ 1: "#00B0F0" });
    expect(view!.valueAxis.minimum).toBe(0);
    chart.series.getItemAt(0).points.getItemAt(0).markerSize = 1;
    await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    chart.series.getItemAt(0).points.getItemAt(0).markerBackgroundColor = "not a colour";
    await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    chart.axes.valueAxis.minimum = "";
    await ctx.sync();
    expect(fake.sheet("Notes").charts()[0]!.valueAxis.minimum).toBeUndefined();
  });
});

describe("seeding, inspection and the Excel global", () => {
  test("seed from {name, table, rows} and from the DataSheet form with columns and formats", () => {
    const fake = new FakeExcel().seed([
      {
        name: "Plain",
        table: "PlainTable",
        rows: [
          ["A", "B"],
          [1, 2],
        ],
      },
      {
        name: "Typed",
        table: "Typed",
        columns: [{ header: "Month", numFmt: "mmm yyyy" }, { header: "Count" }],
        rows: [
          [40087, { error: "#DIV/0!" }],
          [null, { formula: "=1+1", value: 2 }],
        ],
        cellFormats: [{ row: 1, col: 1, numFmt: "0.0" }],
      },
    ]);
    expect(fake.sheetNames()).toEqual(["Plain", "Typed"]);
    expect(fake.tables().map((t) => t.address)).toEqual(["Plain!A1:B2", "Typed!A1:B3"]);
    const s = fake.sheet("Typed");
    expect([
      s.value("A1"),
      s.text("A2"),
      s.value("B2"),
      s.formula("B3"),
      s.numberFormat("B3"),
    ]).toEqual(["Month", "Oct 2009", { error: "#DIV/0!" }, "=1+1", "0.0"]);
    expect(fake.formulaLog).toEqual([]); // seeded formulas are not the add-in's
  });

  test("install() provides Excel.run and the enums as strings, and restores what was there", async () => {
    const fake = new FakeExcel();
    const restore = fake.install();
    try {
      const name = await Excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItem("Sheet1").load("name");
        await context.sync();
        return ws.name;
      });
      expect(name).toBe("Sheet1");
      expect([
        Excel.ChartType.line,
        Excel.ChartType._3DColumn,
        Excel.ChartSeriesBy.columns,
      ]).toEqual(["Line", "3DColumn", "Columns"]);
      expect(Excel.ChartLegendPosition.bottom).toBe("Bottom");
      expect(Excel.ErrorCodes.itemNotFound).toBe("ItemNotFound");
      expect(new OfficeExtension.Error()).toBeInstanceOf(Error);
    } finally {
      restore();
    }
    expect((globalThis as { Excel?: unknown }).Excel).toBeUndefined();
  });

  test("the enum values and member names match @types/office-js", () => {
    const dts = readFileSync(require.resolve("@types/office-js/index.d.ts"), "utf8");
    const excel = dts.slice(dts.indexOf("declare namespace Excel {"));
    for (const [name, values] of Object.entries(ENUM_VALUES)) {
      const start = excel.indexOf(`    enum ${name} {`);
      expect(start).toBeGreaterThan(0);
      const body = excel.slice(start, excel.indexOf("\n    }", start));
      const members = [...body.matchAll(/^\s+(\w+) = "([^"]*)",?$/gm)].map((m) => [m[1], m[2]]);
      expect(members).toEqual(values.map((v) => [enumKey(v), v]));
    }
  });
});
