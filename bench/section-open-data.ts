import { spawnSync } from "child_process";
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  rmSync,
  statSync,
  writeSync,
} from "fs";
import os from "os";
import path from "path";
import { countFigure as count } from "./figures";
import { BenchContext, Section, SectionResult, emptyResult } from "./types";

/**
 * spec/open-data.md: one month of all forces (about 500,000 rows) in under 5 s on one core; peak
 * memory under 300 MB whatever the number of months, measured on real files. Each import runs in
 * a fresh node process (bench/police-child.ts): peak rss is only honest there.
 */
const ROWS_BUDGET = 500_000;
const MONTH_BUDGET_MS = 5000;
const MEMORY_BUDGET_MB = 300;
const CHILD_TIMEOUT_MS = 600_000;
/** A folder of real police.uk months (YYYY-MM/ folders of street files, at any depth). */
const REAL_ENV = "CDRP_POLICE_DIR";

interface Run {
  code: number;
  ms: number;
  cpuMs: number;
  maxRssMb: number;
  rows: number;
  months: string[];
  err: string;
}

function importRun(inputs: string[], partnership: string, out: string): Run {
  const args = [
    "import",
    "police-uk",
    ...inputs,
    "--partnership",
    partnership,
    "--out",
    out,
    "--json",
  ];
  const r = spawnSync(process.execPath, [path.join(__dirname, "police-child.js"), ...args], {
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
    timeout: CHILD_TIMEOUT_MS,
  });
  if (r.error || r.signal || !r.stdout)
    return {
      code: -1,
      ms: NaN,
      cpuMs: NaN,
      maxRssMb: NaN,
      rows: 0,
      months: [],
      err: String(r.error ?? r.signal ?? r.stderr),
    };
  return JSON.parse(r.stdout) as Run;
}

/** Every YYYY-MM folder under a folder, by name. */
function monthFolders(root: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (!e.isDirectory()) continue;
      const p = path.join(dir, e.name);
      if (/^\d{4}-(0[1-9]|1[0-2])$/.test(e.name)) out.set(e.name, [...(out.get(e.name) ?? []), p]);
      else walk(p);
    }
  };
  walk(root);
  return new Map([...out].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
}

const bytesOf = (dirs: string[]) =>
  dirs
    .flatMap((d) => readdirSync(d).map((f) => statSync(path.join(d, f)).size))
    .reduce((a, b) => a + b, 0);

function figures(result: SectionResult, key: string, label: string, r: Run): void {
  if (r.code !== 0) {
    result.notes.push(`${label}: the import failed (exit ${r.code}): ${r.err}`);
    return;
  }
  // The budget is for 500,000 rows on one core: CPU time scaled to that many rows.
  const per500k = (r.cpuMs * ROWS_BUDGET) / Math.max(1, r.rows);
  result.counts.push(
    count(`${key}Rows`, `${label}: rows read`, r.rows, "rows", null),
    count(`${key}WallMs`, `${label}: wall time`, Math.round(r.ms), "ms", null),
    count(`${key}CpuMs`, `${label}: CPU time`, Math.round(r.cpuMs), "ms", null),
    count(
      `${key}CpuPer500kMs`,
      `${label}: CPU time per 500,000 rows`,
      Math.round(per500k),
      "ms",
      MONTH_BUDGET_MS
    ),
    count(`${key}PeakRssMb`, `${label}: peak rss`, Math.round(r.maxRssMb), "MB", MEMORY_BUDGET_MB)
  );
}

async function real(ctx: BenchContext, root: string, result: SectionResult): Promise<void> {
  const months = monthFolders(root);
  if (months.size === 0) {
    result.notes.push(
      `${REAL_ENV}=${root} holds no YYYY-MM folders: nothing measured on real files.`
    );
    return;
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "cdrp-bench-police-"));
  try {
    // The largest month (most bytes) stands for "one month of all forces".
    const [month, dirs] = [...months].sort((a, b) => bytesOf(b[1]) - bytesOf(a[1]))[0] as [
      string,
      string[],
    ];
    const partnership = process.env.CDRP_POLICE_PARTNERSHIP ?? "South Cambridgeshire";
    ctx.progress(`real files: importing ${month} (${readdirSync(dirs[0] as string).length} files)`);
    const one = importRun(dirs, partnership, path.join(dir, "one.xlsx"));
    figures(result, "policeRealMonth", `one real month (${month})`, one);
    const all = [...months.values()].flat();
    ctx.progress(`real files: importing all ${months.size} months`);
    const every = importRun(all, partnership, path.join(dir, "all.xlsx"));
    figures(result, "policeRealAll", `all ${months.size} real months`, every);
    result.notes.push(
      `Real police.uk files from ${REAL_ENV}=${root}: ${months.size} months (${[...months.keys()][0]} to ${[...months.keys()].pop()}), ${(bytesOf(all) / 1048576).toFixed(0)} MB; partnership ${partnership}. Each import runs in its own node process; peak rss is that process's.`
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

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
/** Real forces and districts, so the import counts what it would on real files. */
const FORCES: [string, string, string[]][] = [
  [
    "cambridgeshire",
    "Cambridgeshire Constabulary",
    [
      "Cambridge",
      "South Cambridgeshire",
      "East Cambridgeshire",
      "Fenland",
      "Huntingdonshire",
      "Peterborough",
    ],
  ],
  [
    "norfolk",
    "Norfolk Constabulary",
    [
      "Norwich",
      "Breckland",
      "Broadland",
      "Great Yarmouth",
      "King's Lynn and West Norfolk",
      "North Norfolk",
      "South Norfolk",
    ],
  ],
  [
    "suffolk",
    "Suffolk Constabulary",
    ["Ipswich", "East Suffolk", "West Suffolk", "Babergh", "Mid Suffolk"],
  ],
  [
    "essex",
    "Essex Police",
    [
      "Basildon",
      "Braintree",
      "Brentwood",
      "Castle Point",
      "Chelmsford",
      "Colchester",
      "Epping Forest",
      "Harlow",
      "Maldon",
      "Rochford",
      "Southend-on-Sea",
      "Tendring",
      "Thurrock",
      "Uttlesford",
    ],
  ],
];

/** A stable made-up LSOA code for a district's nth LSOA: an LSOA's code is its name's, as on police.uk. */
function lsoaCode(district: string, n: number): string {
  let h = 7;
  for (let i = 0; i < district.length; i++) h = (h * 31 + district.charCodeAt(i)) % 10_000;
  return `E01${String(h * 100 + n).padStart(6, "0")}`;
}

/** A located row: an LSOA of the district, a point near it, as police.uk writes them. */
function lsoaRow(
  id: string,
  month: string,
  force: string,
  location: string,
  district: string,
  n: number,
  x: number,
  y: number,
  type: string,
  asb: boolean
): string {
  const outcome = asb ? "" : "Investigation complete; no suspect identified";
  return `${id},${month},${force},${force},-0.${x % 999999},52.${y % 999999},${location},${lsoaCode(district, n)},${district} 0${n}A,${type},${outcome},\r\n`;
}

/** A street file as police.uk writes it (about 200 bytes a row), in 1 MB pieces. */
function writeCsv(
  file: string,
  month: string,
  force: string,
  districts: string[],
  rows: number,
  seed: number
): void {
  const fd = openSync(file, "w");
  let s = seed;
  const next = () => (s = (s * 1103515245 + 12345) % 2147483648) >>> 8;
  const hex = (n: number) => n.toString(16).padStart(8, "0");
  let buf = `${HEADER}\r\n`;
  for (let i = 0; i < rows; i++) {
    const type = TYPES[next() % TYPES.length] as string;
    const asb = type === "Anti-social behaviour";
    const id = asb
      ? ""
      : `${hex(next())}${hex(i)}${hex(seed)}${hex(next())}${hex(next())}${hex(i)}${hex(next())}${hex(seed)}`;
    const d = districts[next() % districts.length] as string;
    const location =
      next() % 20 === 0 ? `"On or near Station Road, ${d}"` : "On or near Supermarket";
    buf +=
      next() % 50 === 0
        ? `${id},${month},${force},${force},,,No location,,,${type},${asb ? "" : "Status update unavailable"},\r\n`
        : lsoaRow(id, month, force, location, d, next() % 90, next(), next(), type, asb);
    if (buf.length > 1 << 20) {
      writeSync(fd, buf);
      buf = "";
    }
  }
  writeSync(fd, buf);
  closeSync(fd);
}

async function synthetic(ctx: BenchContext, result: SectionResult): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "cdrp-bench-police-"));
  try {
    ctx.progress("writing one month of four forces: 500,000 rows");
    const month = path.join(dir, "month", "2024-01");
    mkdirSync(month, { recursive: true });
    FORCES.forEach(([slug, force, districts], f) =>
      writeCsv(
        path.join(month, `2024-01-${slug}-street.csv`),
        "2024-01",
        force,
        districts,
        ROWS_BUDGET / FORCES.length,
        f + 7
      )
    );
    figures(
      result,
      "policeMonth",
      "500,000 written rows, one month",
      importRun([month], "Cambridge", path.join(dir, "m.xlsx"))
    );
    ctx.progress("writing 36 months of four forces");
    const folder = path.join(dir, "download");
    for (let k = 0; k < 36; k++) {
      const mm = `${2021 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, "0")}`;
      mkdirSync(path.join(folder, mm), { recursive: true });
      FORCES.forEach(([slug, force, districts], f) =>
        writeCsv(
          path.join(folder, mm, `${mm}-${slug}-street.csv`),
          mm,
          force,
          districts,
          9_000 + f * 2_000,
          k * 4 + f + 1
        )
      );
    }
    figures(
      result,
      "police36Months",
      "36 written months x 4 forces",
      importRun([folder], "Cambridge", path.join(dir, "f.xlsx"))
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function run(ctx: BenchContext): Promise<SectionResult> {
  const result = emptyResult();
  const root = process.env[REAL_ENV];
  if (root) await real(ctx, root, result);
  else
    result.notes.push(
      `No real police.uk files: set ${REAL_ENV} to a folder of real monthly downloads (YYYY-MM/ folders of street files, not committed) to measure the spec's budgets on them. Measured below on written files only.`
    );
  await synthetic(ctx, result);
  return result;
}

export const openDataSection: Section = {
  key: "openData",
  title: "Open data in: police.uk import (command line)",
  run,
};
