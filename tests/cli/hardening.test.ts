import { spawn, spawnSync } from "child_process";
import { createHash } from "crypto";
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  symlinkSync,
  writeFileSync,
} from "fs";
import path from "path";
import { runCli } from "../support/run-cli";
import { tempDir } from "../support/temp";
import { sampleCopy, writeXlsx } from "../support/workbooks";

const { dir, cleanup } = tempDir("hardening");
afterAll(cleanup);
const file = (...p: string[]) => path.join(dir, ...p);
const sha = (f: string) => createHash("sha256").update(readFileSync(f)).digest("hex");
const LIB = path.join(__dirname, "..", "..", "lib", "cli", "files.js");

beforeAll(async () => {
  expect((await runCli("sample", "--out", file("sample.xlsx"))).code).toBe(0);
});

describe("cdrp report --out-dir never writes over an input or another member's report", () => {
  it("gives a report a new name when its usual one is another input", async () => {
    const batch = file("over");
    mkdirSync(batch);
    copyFileSync(file("sample.xlsx"), path.join(batch, "a.xlsx"));
    copyFileSync(file("sample.xlsx"), path.join(batch, "a-report.xlsx"));
    const before = sha(path.join(batch, "a-report.xlsx"));
    const r = await runCli(
      "report",
      path.join(batch, "a.xlsx"),
      path.join(batch, "a-report.xlsx"),
      "--out-dir",
      batch,
      "--json"
    );
    expect(r.code).toBe(0);
    expect(sha(path.join(batch, "a-report.xlsx"))).toBe(before);
    expect(readdirSync(batch).sort()).toEqual([
      "a-report-2.xlsx",
      "a-report-report.xlsx",
      "a-report.xlsx",
      "a.xlsx",
    ]);
    expect(r.stderr).toContain("a-report.xlsx is one of the inputs, so its report is");
    const json = JSON.parse(r.stdout) as { reports: { out: string }[] };
    expect(json.reports.map((x) => path.basename(x.out))).toEqual([
      "a-report-2.xlsx",
      "a-report-report.xlsx",
    ]);
  });

  it("gives two inputs with the same name from different folders distinct reports", async () => {
    for (const d of ["north", "south"]) {
      mkdirSync(file(d));
      copyFileSync(file("sample.xlsx"), file(d, "district.xlsx"));
    }
    const out = file("same-name-out");
    const r = await runCli(
      "report",
      file("north", "district.xlsx"),
      file("south", "district.xlsx"),
      "--out-dir",
      out
    );
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["district-report-2.xlsx", "district-report.xlsx"]);
    expect(r.stderr).toContain("is another input's report, so its report is");
  });
});

describe("cdrp report --out-dir through a link to the inputs' folder", () => {
  it("knows an input by its real path and by a hard link to it, and writes over neither", async () => {
    const real = file("linked");
    mkdirSync(real);
    copyFileSync(file("sample.xlsx"), path.join(real, "b.xlsx"));
    copyFileSync(file("sample.xlsx"), path.join(real, "x.xlsx"));
    // b's usual report name is another name of the input x.xlsx.
    linkSync(path.join(real, "x.xlsx"), path.join(real, "b-report.xlsx"));
    const link = file("link-to-linked");
    symlinkSync(real, link);
    const before = sha(path.join(real, "x.xlsx"));
    // The inputs named through the link, the reports into the real folder: the same folder.
    const r = await runCli(
      "report",
      path.join(link, "b.xlsx"),
      path.join(link, "x.xlsx"),
      "--out-dir",
      real
    );
    expect(r.code).toBe(0);
    expect(sha(path.join(real, "x.xlsx"))).toBe(before);
    expect(readdirSync(real).sort()).toEqual([
      "b-report-2.xlsx",
      "b-report.xlsx",
      "b.xlsx",
      "x-report.xlsx",
      "x.xlsx",
    ]);
    expect(r.stderr).toContain("b-report.xlsx is one of the inputs, so its report is");
  });
});

describe("temporary files", () => {
  it("sweeps its own stale temporary files (dead owner, or over an hour old) and nothing else", async () => {
    const out = file("sweep");
    mkdirSync(out);
    const dead = spawnSync(process.execPath, ["-e", ""]).pid as number;
    const stale = [
      `.cdrp-tmp-${dead}-${Date.now()}-abc.xlsx`,
      `.cdrp-tmp-${process.pid}-${Date.now() - 2 * 3600_000}-def.xlsx`,
    ];
    const kept = [
      `.cdrp-tmp-${process.pid}-${Date.now()}-ghi.xlsx`,
      ".cdrp-tmp-notes.txt",
      "mine.xlsx",
    ];
    for (const f of [...stale, ...kept]) writeFileSync(path.join(out, f), "partial");
    expect(
      (await runCli("report", file("sample.xlsx"), "--out", path.join(out, "r.xlsx"))).code
    ).toBe(0);
    expect(readdirSync(out).sort()).toEqual([...kept, "r.xlsx"].sort());
  });

  it.each(["SIGTERM", "SIGINT"] as const)(
    "removes the file being written on %s",
    async (signal) => {
      expect(existsSync(LIB)).toBe(true); // npm test builds the command line first
      const target = file(`signal-${signal}.xlsx`);
      const script = `
      const f = require(${JSON.stringify(LIB)});
      f.installSignalCleanup();
      const tmp = f.tempFor(${JSON.stringify(target)});
      require("fs").writeFileSync(tmp, Buffer.alloc(1 << 20));
      process.stdout.write(tmp + "\\n");
      setInterval(() => {}, 1000);`;
      const child = spawn(process.execPath, ["-e", script]);
      const tmp = await new Promise<string>((resolve) =>
        child.stdout.once("data", (d: Buffer) => resolve(d.toString().trim()))
      );
      expect(existsSync(tmp)).toBe(true);
      const exit = new Promise<string | null>((resolve) =>
        child.once("exit", (_c, s) => resolve(s))
      );
      child.kill(signal);
      // Ended by the signal itself (the shell sees 128 + its number: 143, 130).
      expect(await exit).toBe(signal);
      expect(existsSync(tmp)).toBe(false);
    }
  );
});

describe("labels from cells", () => {
  it("are printed with control characters escaped, never sent to the terminal", async () => {
    const s = sampleCopy();
    const measures = s.find((x) => x.name === "Measures")!;
    // Excel writes control characters in cell text as _xHHHH_ (XML cannot hold them raw).
    measures.rows[0]![1] = "Burglary_x001B_]0;owned_x0007__x001B_[2J_x000D_X\u202e";
    await writeXlsx(file("escape.xlsx"), s);
    const r = await runCli("report", file("escape.xlsx"), "--out", file("escape-report.xlsx"));
    expect(r.code).toBe(0);
    // eslint-disable-next-line no-control-regex
    expect(r.stdout + r.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/);
    expect(r.stdout).toContain("Burglary\\u001b]0;owned\\u0007\\u001b[2J\\u000dX\\u202e");
    const json = await runCli(
      "report",
      file("escape.xlsx"),
      "--out",
      file("escape-report.xlsx"),
      "--json"
    );
    const measure = (JSON.parse(json.stdout) as { measures: { label: string }[] }).measures[0]!;
    expect(measure.label).toBe("Burglary\u001b]0;owned\u0007\u001b[2J\rX\u202e"); // JSON keeps the exact text
  });
});
