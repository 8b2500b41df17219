/** The README's function reference is generated from dist/functions.json; this keeps them in step. */
import { readFileSync } from "fs";
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
