/**
 * The fake's platform profiles against Microsoft's documentation (tests/fake-excel/README.md,
 * "Behaviour the host relies on"): requirement sets, payload limits, undo, typed values, reads.
 */
import { FakeExcel } from "./fake-excel";
import { ALL_PROFILES, PROFILES, isSetSupported } from "./fake-excel/profiles";

async function codeOf(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
}

function fakeOn(profile: keyof typeof PROFILES): FakeExcel {
  return new FakeExcel({ profile }).seed([
    { name: "Sheet1", rows: [["a"]] },
    { name: "Old", rows: [["b"]] },
  ]);
}

describe("requirement sets (excel-api-requirement-sets.md and companions)", () => {
  it.each([
    ["web", "ExcelApi", "1.20", true],
    ["windows", "ExcelApi", "1.21", true],
    ["mac", "ExcelApi", "1.16", true],
    ["excel2019", "ExcelApi", "1.7", true],
    ["excel2019", "ExcelApi", "1.8", false],
    ["excel2019", "SharedRuntime", "1.1", false],
    ["excel2019", "CustomFunctionsRuntime", "1.1", false],
    ["web", "CustomFunctionsRuntime", "1.3", true],
  ] as const)("%s answers isSetSupported(%s, %s) = %s", (id, set, v, want) => {
    expect(isSetSupported(PROFILES[id], set, v)).toBe(want);
    const fake = new FakeExcel({ profile: id });
    const restore = fake.install();
    try {
      const office = (globalThis as unknown as { Office: typeof Office }).Office;
      expect(office.context.requirements.isSetSupported(set, v)).toBe(want);
    } finally {
      restore();
    }
  });

  it("a member above the profile's ExcelApi fails with ApiNotFound; mergeUndoGroup too", async () => {
    const fake = fakeOn("excel2019");
    const ctx = fake.context;
    ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").valuesAsJson = [
      [{ type: "String", basicValue: "x" }],
    ];
    expect(await codeOf(ctx.sync())).toBe("ApiNotFound");
    expect(await codeOf(fake.run(async () => undefined, { mergeUndoGroup: true }))).toBe(
      "ApiNotFound"
    );
  });
});

describe("payload limits (resource-limits-and-performance-optimization.md, performance.md)", () => {
  it("Excel on the web refuses requests and responses over 5 MB; desktop profiles document none", async () => {
    const big = "x".repeat(3 * 1024 * 1024);
    for (const p of ALL_PROFILES) {
      const fake = new FakeExcel({ profile: p }).seed([{ name: "S", rows: [[big], [big]] }]);
      const r = fake.context.workbook.worksheets.getItem("S").getRange("A1:A2");
      r.load("values");
      const code = await codeOf(fake.context.sync());
      expect(code).toBe(p.id === "web" ? "ResponsePayloadSizeLimitExceeded" : undefined);
    }
  });

  it("a get over five million cells returns null values on every platform", async () => {
    const fake = fakeOn("windows");
    const r = fake.context.workbook.worksheets.getItem("Sheet1").getRange("A1:E1000001");
    r.load("values");
    await fake.context.sync();
    expect(r.values).toBeNull();
  });
});

describe("undo (excel-add-ins-undo-capabilities.md)", () => {
  it.each(ALL_PROFILES.filter((p) => isSetSupported(p, "ExcelApi", "1.20")))(
    "$label: a group holding Worksheet.delete fails with UndoNotSupported",
    async (p) => {
      const fake = new FakeExcel({ profile: p }).seed([
        { name: "Sheet1", rows: [["a"]] },
        { name: "Old", rows: [["b"]] },
      ]);
      const code = await codeOf(
        fake.run(
          async (ctx) => {
            ctx.workbook.worksheets.getItem("Old").delete();
            await ctx.sync();
          },
          { mergeUndoGroup: true }
        )
      );
      expect(code).toBe("UndoNotSupported");
      expect(fake.sheetNames()).toContain("Old");
    }
  );

  it("renaming a sheet has undo on the web, not on Windows or Mac; a name's comment the reverse", async () => {
    const rename = (id: keyof typeof PROFILES) =>
      codeOf(
        fakeOn(id).run(
          async (ctx) => {
            ctx.workbook.worksheets.getItem("Old").name = "New";
            await ctx.sync();
          },
          { mergeUndoGroup: true }
        )
      );
    const comment = (id: keyof typeof PROFILES) =>
      codeOf(
        fakeOn(id).run(
          async (ctx) => {
            ctx.workbook.worksheets.getItem("Old").names.add("X", "=TRUE", "why");
            await ctx.sync();
          },
          { mergeUndoGroup: true }
        )
      );
    expect(await rename("web")).toBeUndefined();
    expect(await rename("windows")).toBe("UndoNotSupported");
    expect(await rename("mac")).toBe("UndoNotSupported");
    expect(await comment("web")).toBe("UndoNotSupported");
    expect(await comment("windows")).toBeUndefined();
  });

  it("a group is one undo step; an API without undo outside a group empties the stack", async () => {
    const fake = fakeOn("web");
    await fake.run(
      async (ctx) => {
        ctx.workbook.worksheets.add("A");
        await ctx.sync();
        ctx.workbook.worksheets.add("B");
        await ctx.sync();
      },
      { mergeUndoGroup: true }
    );
    expect(fake.undoSteps).toBe(1);
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.add("C");
      await ctx.sync();
    });
    expect(fake.undoSteps).toBe(2);
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Old").delete();
      await ctx.sync();
    });
    expect(fake.undoSteps).toBe(0);
  });
});

describe("written values (excel.range.yml: values, valuesAsJson)", () => {
  it("profiles with valuesAsJson read '=...' in a Text cell as a formula, as the values reference says", async () => {
    const fake = fakeOn("web");
    const r = fake.context.workbook.worksheets.getItem("Sheet1").getRange("B1");
    r.numberFormat = [["@"]];
    r.values = [["=1+1"]];
    await fake.context.sync();
    expect(fake.formulaLog).toHaveLength(1);
  });

  it("a String written with valuesAsJson stays that string: no formula, no date", async () => {
    const fake = fakeOn("web");
    const r = fake.context.workbook.worksheets.getItem("Sheet1").getRange("B1:D1");
    r.valuesAsJson = [
      [
        { type: "String", basicValue: "=1+1" },
        { type: "String", basicValue: "2009-10" },
        { type: "Double", basicValue: 3 },
      ],
    ];
    await fake.context.sync();
    expect(fake.formulaLog).toEqual([]);
    expect(fake.sheet("Sheet1").cell("B1").value).toBe("=1+1");
    expect(fake.sheet("Sheet1").cell("C1").value).toBe("2009-10");
    expect(fake.sheet("Sheet1").cell("D1").value).toBe(3);
  });

  it("getIntersectionOrNullObject gives the overlap, or a null object", async () => {
    const fake = fakeOn("web");
    const ws = fake.context.workbook.worksheets.getItem("Sheet1");
    const a = ws.getRange("B2:D9").getIntersectionOrNullObject(ws.getRange("A1:C3"));
    const none = ws.getRange("B2:D9").getIntersectionOrNullObject("F1:G2");
    a.load("address");
    none.load("address");
    await fake.context.sync();
    expect(a.address).toBe("Sheet1!B2:C3");
    expect(none.isNullObject).toBe(true);
  });
});
