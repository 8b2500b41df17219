/*
 * Runs one `cdrp import police-uk ... --json` in this (child) process and prints its figures as
 * JSON: wall and CPU time, peak rss (honest only in a fresh process), rows read and months.
 */
import { main } from "../src/cli/main";

async function run(): Promise<void> {
  const start = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(process.argv.slice(2), {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    progress: () => undefined,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const cpu = process.cpuUsage(cpu0);
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  let rows = 0;
  let months: string[] = [];
  try {
    const json = JSON.parse(out.join("\n")) as { rows: number; months: string[] };
    rows = json.rows;
    months = json.months;
  } catch {
    // an error: the code and err say which
  }
  process.stdout.write(
    `${JSON.stringify({ code, ms, cpuMs: (cpu.user + cpu.system) / 1000, maxRssMb, rows, months, err: err.join("\n").slice(0, 300) })}\n`
  );
}

void run();
