/**
 * The built add-in as Excel loads it: dist/functions.js run in a fresh context whose only Excel
 * global is a stand-in CustomFunctions that records associations; dist/functions.json checked against
 * the contract. `npm test` builds dist first.
 */
import { existsSync, readFileSync } from "fs";
import path from "path";
import vm from "vm";
import { makeCustomFunctionsStub, StubExcelError } from "../support/custom-functions-stub";

const dist = path.join(__dirname, "..", "..", "dist");
const CONTRACT_IDS = [
  "BASELINE_DELTA", "NI32", "NI32_CASES", "RAG", "PEER_POSITION", "PEER_BAND", "CRIME_RATE", "SHARE", "POISSON_Z", "FIN_YEAR", "FIN_QUARTER", "CHANGE_TEXT",
  "SPC_LIMITS", "SPC_VARIATION", "SPC_ASSURANCE",
];

interface Param { name: string; description?: string; type: string; dimensionality?: string; optional?: boolean }
interface Fn { id: string; name: string; description: string; parameters: Param[]; result: { type: string } }
interface Metadata { allowErrorForDataTypeAny?: boolean; functions: Fn[] }

const built = existsSync(path.join(dist, "functions.js")) && existsSync(path.join(dist, "functions.json"));
if (!built) throw new Error("dist/functions.js is missing: run `npm run build` (npm test does it first).");

const metadata = JSON.parse(readFileSync(path.join(dist, "functions.json"), "utf8")) as Metadata;
const stub = makeCustomFunctionsStub();
vm.runInNewContext(readFileSync(path.join(dist, "functions.js"), "utf8"), { CustomFunctions: stub, console, self: {}, window: undefined });
/**
 * spec/functions.md quotes figures to four places, some rounded (0.0168 for 0.01676) and one cut
 * (0.1518 for 0.15189): a figure matches when it is within one unit of the last quoted digit.
 */
const quoted = (v: unknown, figure: string) => {
  const decimals = figure.split(".")[1]?.length ?? 0;
  expect(typeof v).toBe("number");
  expect(Math.abs((v as number) - Number(figure))).toBeLessThan(10 ** -decimals);
};
const call = (id: string, ...args: unknown[]) => {
  const fn = stub.associations.get(id);
  if (!fn) throw new Error(`${id} is not associated`);
  return fn(...args);
};

describe("dist/functions.json", () => {
  it("declares exactly the contract's functions under their ids", () => {
    expect(metadata.functions.map((f) => f.id).sort()).toEqual([...CONTRACT_IDS].sort());
    for (const f of metadata.functions) expect(f.name).toBe(f.id);
  });
  it("explains every function and parameter for Excel's autocomplete", () => {
    for (const f of metadata.functions) {
      expect(f.description.length).toBeGreaterThan(20);
      for (const p of f.parameters) expect((p.description ?? "").length).toBeGreaterThan(5);
    }
  });
  it("takes ranges where a number may be a range, and lets error values through to give #VALUE!", () => {
    const fn = (id: string) => metadata.functions.find((f) => f.id === id)!;
    expect(fn("BASELINE_DELTA").parameters.map((p) => p.dimensionality)).toEqual(["matrix", "matrix"]);
    expect(fn("PEER_POSITION").parameters.map((p) => [p.name, p.optional ?? false])).toEqual([["value", false], ["peers", false], ["polarity", true]]);
    expect(fn("FIN_YEAR").parameters[0]!.dimensionality ?? "scalar").toBe("scalar");
    expect(metadata.allowErrorForDataTypeAny).toBe(true);
  });
  it("spills SPC_LIMITS (a matrix result) and takes each SPC series as a range", () => {
    const fn = (id: string) => metadata.functions.find((f) => f.id === id)! as Fn & { result: { dimensionality?: string } };
    expect(fn("SPC_LIMITS").result.dimensionality).toBe("matrix");
    expect(fn("SPC_VARIATION").result.dimensionality ?? "scalar").toBe("scalar");
    for (const id of ["SPC_LIMITS", "SPC_VARIATION", "SPC_ASSURANCE"]) expect(fn(id).parameters[0]!.dimensionality).toBe("matrix");
    expect(fn("SPC_ASSURANCE").parameters.map((p) => [p.name, p.optional ?? false])).toEqual([["values", false], ["target", false], ["polarity", true], ["baselinePoints", true]]);
  });
});

describe("dist/functions.js loaded as Excel loads it", () => {
  it("associates every id with a function", () => {
    expect([...stub.associations.keys()].sort()).toEqual([...CONTRACT_IDS].sort());
  });
  it("returns the report's figures (spec/functions.md)", () => {
    quoted(call("BASELINE_DELTA", [[105]], [[91]]), "0.1538");
    quoted(call("BASELINE_DELTA", [[31]], [[49]]), "-0.3673");
    quoted(call("BASELINE_DELTA", [[182]], [[179]]), "0.0168");
    quoted(call("BASELINE_DELTA", [[182]], [[158]]), "0.1518");
    quoted(call("NI32", [[46]], [[146]]), "0.3151");
    quoted(call("SHARE", [[33]], [[268]]), "0.1231");
    quoted(call("SHARE", [[136]], [[985]]), "0.1381");
    expect(call("RAG", [[105]], [[91]])).toBe("Red");
    expect(call("RAG", [[31]], [[49]])).toBe("Green");
    expect(call("RAG", [[182]], [[179]])).toBe("Amber");
    expect(call("RAG", [[0.315]], [[0.28]])).toBe("Red");
    quoted(call("POISSON_Z", [[105]], [[91]]), "1.415");
    quoted(call("POISSON_Z", [[31]], [[49]]), "-2.864");
    expect(call("FIN_QUARTER", 40359)).toBe("Q1 2010-11"); // 30 June 2010
    expect(call("CHANGE_TEXT", [[105]], [[91]], "2008-09")).toBe("15% higher than for 2008-09 (91)");
  });
  it("runs the SPC functions on a series it has not seen", () => {
    const year = [[31], [35], [33], [38], [30], [34], [36], [32], [37], [33], [35], [34]]; // mean 34
    const [mean, lower, upper] = (call("SPC_LIMITS", year) as number[][])[0]!;
    expect(mean).toBe(34);
    expect(upper! - mean!).toBeCloseTo(2.66 * (41 / 11), 10);
    expect(lower! + upper!).toBeCloseTo(68, 10);
    expect(call("SPC_VARIATION", [...year, [46]], "lower", 12)).toBe("Special cause: concerning high");
    expect(call("SPC_ASSURANCE", year, [[50]])).toBe("Consistently meets target");
  });
  it("throws Excel errors built with the runtime's CustomFunctions.Error", () => {
    const err = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e;
      }
      return null;
    };
    const div0 = err(() => call("BASELINE_DELTA", [[1]], [[0]]));
    expect(div0).toBeInstanceOf(StubExcelError);
    expect((div0 as StubExcelError).code).toBe("#DIV/0!");
    expect((err(() => call("NI32", [["x"]], [[3]])) as StubExcelError).code).toBe("#VALUE!");
  });
});
