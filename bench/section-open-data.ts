import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from "fs";
import os from "os";
import path from "path";
import { sourcesOf } from "../src/cli/import";
import { PoliceTally, buildPoliceImport, readPoliceCsv } from "../src/workbook/import";
import { timedFigure } from "./figures";
import { measure } from "./measure";
import { RssSampler } from "./rss-sampler";
import { countFigure as count } from "./figures";
import { BenchContext, Section, SectionResult, emptyResult } from "./types";

/** spec/open-data.md: one month for all forces (about 500,000 rows) under 5 s; memory under 300 MB. */
const MONTH_BUDGET_MS = 5000;
const MEMORY_BUDGET_MB = 300;

const HEADER =
  "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context";
const TYPES = [
  "Anti-social behaviour",
  "Bicycle theft",
  "Burglary",
  "Criminal damage and arson",
  "Drugs",
  "Other crime",
  "Other theft",
  "Possession of weapons",
  "Public order",
  "Robbery",
  "Shoplifting",
  "Theft from the person",
  "Vehicle crime",
  "Violence and sexual offences",
];

/**
 * Writes a street-level CSV of `rows` rows as police.uk publishes it (64-hex crime ids, about 200
 * bytes a row, one Location in 20 quoted with a comma, one row in 50 with no location), in 1 MB
 * pieces so the generator itself holds little.
 */
function writeCsv(
  file: string,
  month: string,
  force: string,
  districts: number,
  rows: number,
  seed: number
): void {
  const fd = openSync(file, "w");
  let s = seed;
  const next = () => (s = (s * 1103515245 + 12345) % 2147483648) >>> 8;
  let buf = `${HEADER}\r\n`;
  const hex = (n: number) => n.toString(16).padStart(8, "0");
  for (let i = 0; i < rows; i++) {
    const type = TYPES[next() % TYPES.length] as string;
    const asb = type === "Anti-social behaviour";
    const id = asb
      ? ""
      : `${hex(next())}${hex(i)}${hex(seed)}${hex(next())}${hex(next())}${hex(i)}${hex(next())}${hex(seed)}`;
    const noLocation = next() % 50 === 0;
    const d = next() % districts;
    const location =
      next() % 20 === 0 ? `"On or near Station Road, ${d}"` : "On or near Supermarket";
    buf += noLocation
      ? `${id},${month},${force},${force},,,No location,,,${type},${asb ? "" : "Status update unavailable"},\r\n`
      : `${id},${month},${force},${force},-0.${next() % 999999},52.${next() % 999999},${location},E0${String(next() % 9999999).padStart(7, "0")},District ${force.replace(/\W/g, "")} ${d} 0${next() % 90}A,${type},${asb ? "" : "Investigation complete; no suspect identified"},\r\n`;
    if (buf.length > 1 << 20) {
      writeSync(fd, buf);
      buf = "";
    }
  }
  writeSync(fd, buf);
  closeSync(fd);
}

async function importOnce(input: string, partnership: string): Promise<number> {
  const tally = new PoliceTally();
  for (const source of (await sourcesOf(input)).sources) await readPoliceCsv(source, tally);
  return buildPoliceImport(tally, { partnership }).monthly.length;
}

async function run(ctx: BenchContext): Promise<SectionResult> {
  const result = emptyResult();
  const dir = mkdtempSync(path.join(os.tmpdir(), "cdrp-bench-police-"));
  const sampler = new RssSampler();
  try {
    ctx.progress("writing one month for all forces: 500,000 rows");
    const month = path.join(dir, "2024-01-all-street.csv");
    writeCsv(month, "2024-01", "Every Force", 300, 500_000, 7);
    const monthMb = statSync(month).size / (1024 * 1024);
    ctx.progress("importing it (streamed, one core)");
    const m = await measure(() => importOnce(month, "District EveryForce 1"), {
      runs: 3,
      memory: sampler,
    });
    const monthFigure = timedFigure(
      {
        key: "policeMonth500k",
        label: "import 500,000 rows (one file)",
        n: 500_000,
        unit: "rows",
        budgetMs: MONTH_BUDGET_MS,
      },
      m
    );
    result.figures.push(monthFigure);
    // On a shared machine wall time includes waiting for the core; CPU time is the import's own.
    const cpu0 = process.cpuUsage();
    await importOnce(month, "District EveryForce 1");
    const cpu = process.cpuUsage(cpu0);
    const cpuMs = Math.round((cpu.user + cpu.system) / 1000);

    ctx.progress("writing 36 months of four forces: 144 files");
    const folder = path.join(dir, "download");
    let rows = 0;
    for (let k = 0; k < 36; k++) {
      const mm = `${2021 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, "0")}`;
      mkdirSync(path.join(folder, mm), { recursive: true });
      for (let f = 0; f < 4; f++) {
        const n = 9_000 + f * 2_000;
        writeCsv(
          path.join(folder, mm, `${mm}-force${f}-street.csv`),
          mm,
          `Force ${f}`,
          8,
          n,
          k * 4 + f + 1
        );
        rows += n;
      }
    }
    ctx.progress(`importing ${rows.toLocaleString("en-GB")} rows from the folder`);
    const f36 = await measure(() => importOnce(folder, "District Force1 1"), {
      runs: 3,
      memory: sampler,
    });
    result.figures.push(
      timedFigure(
        {
          key: "police36Months4Forces",
          label: "import 36 months x 4 forces (folder)",
          n: rows,
          unit: "rows",
        },
        f36
      )
    );
    const peak = Math.max(m.memory?.peakRssMb ?? 0, f36.memory?.peakRssMb ?? 0);
    result.counts.push(
      count("policeMonthCpuMs", "CPU time, 500,000 rows (one call)", cpuMs, "ms", MONTH_BUDGET_MS),
      count(
        "policeMonthPeakRssMb",
        "peak rss, 500,000 rows",
        Math.round(m.memory?.peakRssMb ?? 0),
        "MB",
        MEMORY_BUDGET_MB
      ),
      count(
        "police36MonthsPeakRssMb",
        "peak rss, 36 months x 4 forces",
        Math.round(f36.memory?.peakRssMb ?? 0),
        "MB",
        MEMORY_BUDGET_MB
      )
    );
    result.notes.push(
      `The one-month file is ${monthMb.toFixed(0)} MB (${Math.round((monthMb * 1024 * 1024) / 500_000)} bytes a row). Peak rss is the whole bench process's (it includes what earlier sections left), polled every millisecond; the largest is ${peak.toFixed(0)} MB.`
    );
  } finally {
    await sampler.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return result;
}

export const openDataSection: Section = {
  key: "openData",
  title: "Open data in: police.uk import (command line)",
  run,
};
