/**
 * Memory flat in the input: nothing the tally keeps from a row may pin the text chunk it was read
 * from (a sliced string keeps its whole parent alive). A child process feeds the built reader
 * (lib/, as the command line runs it) 120 chunks of about 1 MB, each naming districts no earlier
 * chunk named (as months and forces do), and LSOA codes new to it (a hundred a chunk: England and
 * Wales have about 36,000, and the tally refuses past half a million), then collects garbage and
 * weighs the heap: a tally that
 * kept slices would hold every chunk, over 120 MB; one that copies its names holds a few MB.
 */
import { spawnSync } from "child_process";
import { existsSync } from "fs";
import path from "path";

const LIB = path.resolve(__dirname, "..", "..", "lib", "workbook", "import", "index.js");

const CHILD = `
const { PoliceCsvReader, PoliceTally } = require(${JSON.stringify(LIB)});
const HEADER = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context";
const TYPES = ["Burglary", "Vehicle crime", "Shoplifting", "Drugs"];
const tally = new PoliceTally();
const file = "2024-01/2024-01-suffolk-street.csv";
tally.beginFile(file);
const reader = new PoliceCsvReader(file, tally.row);
reader.push(HEADER + "\\n");
for (let chunk = 0; chunk < 120; chunk++) {
  const rows = [];
  for (let i = 0; i < 5000; i++) {
    const district = "Place " + chunk + " " + (i % 3);
    rows.push("id" + i + ",2024-01,Suffolk Constabulary,Suffolk Constabulary,0.1,52.1,On or near Somewhere Long Street Name," +
      "E0" + (1000000 + chunk * 100 + (i % 100)) + "," + district + " 00" + (i % 9) + "A," + TYPES[i % 4] + ",Investigation complete; no suspect identified,\\n");
  }
  reader.push(rows.join(""));
}
reader.end();
tally.endFile();
global.gc(); global.gc();
process.stdout.write(JSON.stringify({ heapMb: process.memoryUsage().heapUsed / 1048576, rows: tally.rows }));
`;

(existsSync(LIB) ? it : it.skip)(
  "keeps the heap flat when every chunk names new districts (no slice pins its chunk)",
  () => {
    const r = spawnSync(process.execPath, ["--expose-gc", "-e", CHILD], {
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(r.stderr).toBe("");
    const { heapMb, rows } = JSON.parse(r.stdout) as { heapMb: number; rows: number };
    expect(rows).toBe(120 * 5000);
    // The 120 chunks are about 150 MB of text; the tally's own data is about 4 MB.
    expect(heapMb).toBeLessThan(20);
  }
);
