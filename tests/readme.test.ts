/** The README's function reference is generated from dist/functions.json; this keeps them in step. */
import { existsSync, readFileSync } from "fs";
import path from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { table, readmeTable } = require("../scripts/functions-table.js") as {
  table: (m: unknown) => string;
  readmeTable: (readme: string) => string | null;
};

const root = path.join(__dirname, "..");

describe("README", () => {
  it("lists every custom function exactly as dist/functions.json declares it", () => {
    const metadata = JSON.parse(readFileSync(path.join(root, "dist", "functions.json"), "utf8")) as unknown;
    const readme = readFileSync(path.join(root, "README.md"), "utf8");
    expect(readmeTable(readme)).toBe(table(metadata));
  });
  it("gives the quick-start commands", () => {
    const readme = readFileSync(path.join(root, "README.md"), "utf8");
    for (const cmd of ["npm ci", "npm run demo", "npm test", "npm start", "npx office-addin-debugging start manifest.xml"]) {
      expect(readme).toContain(cmd);
    }
  });
});

/** The README's prose (fenced code blocks left out: configuration examples name servers' paths). */
function prose(readme: string): string {
  let fenced = false;
  return readme
    .split("\n")
    .filter((line) => {
      if (line.startsWith("```")) {
        fenced = !fenced;
        return false;
      }
      return !fenced;
    })
    .join("\n");
}

describe("the README points at nothing outside the repository", () => {
  const readme = prose(readFileSync(path.join(root, "README.md"), "utf8"));
  const inside = (p: string) => {
    const full = path.resolve(root, p);
    return full === root || full.startsWith(root + path.sep);
  };

  it("links only to web pages or to files that are in the repository", () => {
    const targets = [...readme.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1] as string);
    expect(targets.length).toBeGreaterThan(0);
    const local = targets.filter((t) => !/^(https?:|mailto:|#)/.test(t)).map((t) => t.split("#")[0] as string);
    expect(local).toEqual(expect.arrayContaining(["docs/workbook.md", "docs/methods.md"]));
    const bad = local.filter((t) => !inside(t) || !existsSync(path.resolve(root, t)));
    expect(bad).toEqual([]);
  });

  it("names no file outside it: no ../ paths, no spec/ or shared folder, every .md it names is here", () => {
    const spans = [...readme.matchAll(/`([^`\n]+)`/g)].map((m) => m[1] as string);
    const outside = spans.filter(
      (s) => /^(\.\.\/|\/work\/|~\/\.\.)/.test(s) || /^spec\//.test(s) || (/^[\w./-]+\.md$/.test(s) && !existsSync(path.resolve(root, s)))
    );
    expect(outside).toEqual([]);
    expect(readme).not.toMatch(/in the shared folder|\.\.\/shared\b/);
  });
});
