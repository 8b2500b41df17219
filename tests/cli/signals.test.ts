/**
 * No hangs: a path that is not a regular file (a real fifo) is refused before it is opened, and
 * SIGTERM or Ctrl-C end the process whatever it waits on, removing the file it was writing. Run
 * through the built command line in child processes, with real signals.
 */
import { ChildProcess, spawn, spawnSync } from "child_process";
import { copyFileSync, existsSync, readdirSync, writeFileSync } from "fs";
import path from "path";
import { writeDataWorkbook } from "../../src/xlsx";
import { tenTimesSample } from "../support/big-workbook";
import { tempDir } from "../support/temp";

const { dir, cleanup } = tempDir("signals");
afterAll(cleanup);
const file = (...p: string[]) => path.join(dir, ...p);
const ROOT = path.join(__dirname, "..", "..");
const BIN = path.join(ROOT, "bin", "cdrp.js");
const FILES = path.join(ROOT, "lib", "cli", "files.js");
/** Long enough for a loaded machine to start node; a hang is what it catches. */
const HANG_MS = 15_000;

interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
  ms: number;
  stderr: string;
}

/** Waits for a child to end, killing it (and failing) if it is still there after HANG_MS. */
function ended(child: ChildProcess, since = Date.now()): Promise<Ended> {
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), HANG_MS);
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      resolve({
        code,
        signal: signal === "SIGKILL" ? null : signal,
        ms: Date.now() - since,
        stderr,
      });
    });
  });
}

const fifo = file("quarter.xlsx");
beforeAll(() => {
  expect(existsSync(FILES)).toBe(true); // npm test builds the command line first
  const made = spawnSync("mkfifo", [fifo]);
  if (made.status !== 0) throw new Error(`mkfifo failed: ${made.stderr}`);
});

describe("a fifo for a workbook", () => {
  it.each([
    ["validate", [fifo]],
    ["report", [fifo, "--out", file("r.xlsx")]],
    ["report", [fifo, "--out-dir", file("batch"), "--jobs", "2"]],
  ])("cdrp %s refuses it with exit 2, without waiting for a writer", async (command, args) => {
    const r = await ended(spawn(process.execPath, [BIN, command, ...args]));
    expect(r.signal).toBeNull(); // not killed: it ended on its own
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("it is not a regular file (a device, a pipe or a socket)");
    console.log(
      `cdrp ${command} on a fifo: exit ${r.code} after ${r.ms} ms (node's start included)`
    );
  });
});

describe("SIGTERM and Ctrl-C", () => {
  it.each(["SIGTERM", "SIGINT"] as const)(
    "%s ends a process whose I/O thread is blocked for ever, and removes its temporary file",
    async (signal) => {
      // What the old readInput did: open() a fifo no one writes to, which blocks one of Node's
      // I/O threads; process.exit() then waits for that thread for ever.
      const target = file(`blocked-${signal}.xlsx`);
      const script = `
        const f = require(${JSON.stringify(FILES)});
        f.installSignalCleanup();
        const tmp = f.tempFor(${JSON.stringify(target)});
        require("fs").writeFileSync(tmp, "partial");
        require("fs").open(${JSON.stringify(fifo)}, "r", () => {});
        setTimeout(() => process.stdout.write(tmp + "\\n"), 200);`;
      const child = spawn(process.execPath, ["-e", script]);
      const tmp = await new Promise<string>((resolve) =>
        child.stdout.once("data", (d: Buffer) => resolve(d.toString().trim()))
      );
      expect(existsSync(tmp)).toBe(true);
      const end = ended(child);
      child.kill(signal);
      const r = await end;
      expect(r.signal).toBe(signal);
      expect(existsSync(tmp)).toBe(false);
    }
  );

  it("SIGTERM ends a batch on several threads and leaves no partial file", async () => {
    writeFileSync(file("big.xlsx"), await writeDataWorkbook(tenTimesSample()));
    const names = Array.from({ length: 30 }, (_, i) => {
      copyFileSync(file("big.xlsx"), file(`d${i}.xlsx`));
      return file(`d${i}.xlsx`);
    });
    const out = file("terminated");
    const child = spawn(process.execPath, [BIN, "report", ...names, "--out-dir", out, "--jobs=2"]);
    // Wait for the first report to be written, then stop the rest midway.
    await new Promise<void>((resolve) =>
      child.stdout.on("data", (d: Buffer) => {
        if (d.toString().includes("Wrote ")) resolve();
      })
    );
    const end = ended(child);
    child.kill("SIGTERM");
    const r = await end;
    expect(r.signal).toBe("SIGTERM");
    const left = readdirSync(out);
    expect(left.filter((f) => f.startsWith(".cdrp-tmp-"))).toEqual([]);
    expect(left.length).toBeLessThan(names.length);
    console.log(`SIGTERM to a batch: ended after ${r.ms} ms, ${left.length} reports written`);
  });
});
