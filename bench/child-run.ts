/*
 * Runs one `cdrp` command in this (child) process and prints {code, ms, maxRssMb} as JSON: peak
 * memory per input is only honest in a fresh process (rss never shrinks back within one).
 */
import { main } from "../src/cli/main";

async function run(): Promise<void> {
  const start = process.hrtime.bigint();
  const lines: string[] = [];
  const code = await main(process.argv.slice(2), {
    out: () => undefined,
    err: (t) => lines.push(t),
    progress: () => undefined,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(
    `${JSON.stringify({ code, ms, maxRssMb, err: lines.join("\n").slice(0, 300) })}\n`
  );
}

void run();
