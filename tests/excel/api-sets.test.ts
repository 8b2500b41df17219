/**
 * What the code's comments and docs/excel-compatibility.md say about Office.js must match
 * Office.js's own documentation: @types/office-js carries each member's `[Api set: ExcelApi x]`, so a
 * comment that names a member and a set (issue 16: "showTotals is ExcelApi 1.1, not 1.3") is checked
 * against it, and the compatibility page names no Office API the code does not call ("Office.addin is
 * not called").
 */
import { readFileSync, readdirSync, statSync } from "fs";
import path from "path";

const ROOT = path.join(__dirname, "..", "..");
const TYPES = path.join(ROOT, "node_modules", "@types", "office-js", "index.d.ts");

/** "Class.member" -> the ExcelApi versions its remarks name ("1.1 for one row; 1.4 for several"). */
function excelMemberSets(): Map<string, string[]> {
  const lines = readFileSync(TYPES, "utf8").split("\n");
  const start = lines.findIndex((l) => l.startsWith("declare namespace Excel {"));
  const sets = new Map<string, string[]>();
  let owner: string | null = null;
  let remarks: string[] = [];
  for (let i = start + 1; i < lines.length && !lines[i]?.startsWith("}"); i++) {
    const line = lines[i] as string;
    const type = /^ {4}(?:class|interface) (\w+)/.exec(line);
    if (type) {
      owner = type[1] as string;
      remarks = [];
      continue;
    }
    const api = /\[Api set: ExcelApi ([^\]]+)\]/.exec(line);
    if (api) remarks = [...(api[1] as string).matchAll(/\b1\.\d+\b/g)].map((m) => m[0]);
    const member = /^ {8}(?:readonly )?(?:get |set )?(\w+)\??[(:<]/.exec(line);
    if (member && owner && remarks.length > 0) {
      const key = `${owner}.${member[1]}`;
      sets.set(key, [...new Set([...(sets.get(key) ?? []), ...remarks])]);
      remarks = [];
    }
  }
  return sets;
}

interface Claim {
  file: string;
  member: string;
  claimed: string;
  documented: string[];
}

/** Each "ExcelApi 1.x" in a comment, paired with the nearest Class.member the comment names. */
export function claims(file: string, text: string, sets: Map<string, string[]>): Claim[] {
  const comments = text.match(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g) ?? [];
  const out: Claim[] = [];
  for (const c of comments) {
    const flat = c.replace(/\s*\n\s*\*?\s*/g, " ");
    const members = [...flat.matchAll(/\b([A-Z]\w+)\.([a-z]\w*)/g)]
      .filter((m) => sets.has(`${m[1]}.${m[2]}`))
      .map((m) => ({ name: `${m[1]}.${m[2]}`, at: m.index ?? 0 }));
    for (const api of flat.matchAll(/ExcelApi (1\.\d+)/g)) {
      const at = api.index ?? 0;
      const nearest = members
        .map((m) => ({ ...m, d: Math.abs(m.at - at) }))
        .filter((m) => m.d <= 80)
        .sort((a, b) => a.d - b.d)[0];
      if (!nearest) continue;
      out.push({
        file,
        member: nearest.name,
        claimed: api[1] as string,
        documented: sets.get(nearest.name) ?? [],
      });
    }
  }
  return out;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}

describe("API sets named in comments are the documented ones", () => {
  const sets = excelMemberSets();

  it("reads the sets from @types/office-js", () => {
    expect(sets.get("Table.showTotals")).toEqual(["1.1"]);
    expect(sets.get("Range.valuesAsJson")).toEqual(["1.16"]);
    expect(sets.get("ChartAxis.numberFormat")).toEqual(["1.8"]);
    expect(sets.get("TableRowCollection.add")).toEqual(expect.arrayContaining(["1.1", "1.4"]));
  });

  it("catches a wrong one", () => {
    const bad = "// Table.getRange() includes a totals row (ExcelApi 1.3, Table.showTotals).";
    expect(claims("x.ts", bad, sets)).toEqual([
      { file: "x.ts", member: "Table.showTotals", claimed: "1.3", documented: ["1.1"] },
    ]);
  });

  it("every claim in src/ matches", () => {
    const all = sourceFiles(path.join(ROOT, "src")).flatMap((f) =>
      claims(path.relative(ROOT, f), readFileSync(f, "utf8"), sets)
    );
    expect(all.length).toBeGreaterThan(3);
    expect(all.filter((c) => !c.documented.includes(c.claimed))).toEqual([]);
  });
});

describe("docs/excel-compatibility.md names only Office APIs the code calls", () => {
  it("each `Office.*` API in the page appears in src/", () => {
    const page = readFileSync(path.join(ROOT, "docs", "excel-compatibility.md"), "utf8");
    const named = [...new Set([...page.matchAll(/`(Office\.[A-Za-z.]+)`/g)].map((m) => m[1]))];
    const code = sourceFiles(path.join(ROOT, "src"))
      .map((f) => readFileSync(f, "utf8"))
      .join("\n");
    expect(named.filter((api) => !code.includes(api as string))).toEqual([]);
  });
});

describe("Office LTSC 2021: what is known, said conservatively", () => {
  // custom-functions-overview.md: no custom functions on volume-licensed Office 2021 or earlier;
  // custom-functions-requirement-sets.md lists Office 2021 (Version 2108). The add-in needs them.
  const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
  const compat = readFileSync(path.join(ROOT, "docs", "excel-compatibility.md"), "utf8");

  it("the README does not promise it", () => {
    const which = readme.slice(
      readme.indexOf("**Which Excel.**"),
      readme.indexOf("### The task pane")
    );
    expect(which).toMatch(/Office LTSC 2021[\s\S]{0,40}is not supported/);
    expect(which).not.toMatch(/LTSC 2021 can/);
  });

  it("the compatibility page's LTSC column says no to support and does not claim custom functions", () => {
    const header = compat.split("\n").find((l) => l.startsWith("| Feature |")) ?? "";
    const column = header.split("|").findIndex((c) => c.includes("LTSC 2021"));
    expect(column).toBeGreaterThan(0);
    const row = (name: string) =>
      (compat.split("\n").find((l) => l.startsWith(`| ${name} |`)) ?? "").split("|")[column] ?? "";
    expect(row("Supported")).toMatch(/\bno\b/);
    expect(row("Custom functions")).not.toMatch(/^\s*yes/);
  });
});
