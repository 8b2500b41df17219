#!/usr/bin/env node
/**
 * `node scripts/check-police-import.js <folder>...` (after `npm run build:cli`): runs the import
 * over whole real police.uk downloads and checks every district's monthly counts, every CSP of
 * several districts, and a peer group spread over several forces, against an independent count
 * made here in plain code: each file's force from its name (YYYY-MM-<slug>-street.csv), each
 * district's force from the ONS lookup read as text, rows counted by the district part of their
 * LSOA name. Prints the figures and exits 1 on any difference. Not part of `npm test`: the files
 * are hundreds of megabytes and are not committed.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const {
  PoliceTally,
  buildPoliceImport,
  readPoliceCsv,
  monthText,
} = require("../lib/workbook/import");
const { loadGeography } = require("../lib/cli/geography");
const { sourcesOf } = require("../lib/cli/police-sources");

const GEO = path.join(__dirname, "..", "data", "geography");

/** CSV rows of a small table (no quoted line ends in these files). */
function csvTable(file) {
  const lines = fs
    .readFileSync(file, "utf8")
    .replace(/^\ufeff/, "")
    .split(/\r?\n/)
    .filter(Boolean);
  return lines.map((l) =>
    [...l.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)]
      .slice(0, -1)
      .map((m) => m[1].replace(/^"|"$/g, "").replace(/""/g, '"'))
  );
}

/** Names compared plainly: lower case, no "The ", ONS's ", City of" dropped, & as and. */
const plain = (s) =>
  s
    .toLowerCase()
    .replace(/&/g, "and")
    .replace(/['’]/g, "")
    .replace(/^the /, "")
    .replace(/, (city|county) of$/, "")
    .replace(/[-\s]+/g, " ")
    .trim();

function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p) : /-street\.csv$/.test(e.name) ? [p] : [];
  });
}

async function main() {
  const folders = process.argv.slice(2);
  if (folders.length === 0) throw new Error("give one or more folders of police.uk downloads");
  const started = Date.now();

  // The independent count: slug|month|district|type -> rows.
  const lookup = csvTable(path.join(GEO, "lad-csp-pfa-dec2023.csv")).slice(1);
  const forces = csvTable(path.join(GEO, "police-uk-forces.csv")).slice(1);
  const slugOfArea = new Map(forces.filter((f) => f[2]).map((f) => [f[2], f[0]]));
  const counts = new Map();
  const supplied = new Set();
  let rows = 0;
  const files = folders.flatMap(walk).sort();
  for (const file of files) {
    const m = /(\d{4}-\d{2})-(.+)-street\.csv$/.exec(path.basename(file));
    const text = fs.readFileSync(file, "utf8");
    for (const line of text.split(/\r?\n/).slice(1)) {
      if (!line) continue;
      const f = [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)].map((x) =>
        x[1].startsWith('"') ? x[1].slice(1, -1).replace(/""/g, '"') : x[1]
      );
      const month = f[1];
      supplied.add(`${m[2]}|${month}`);
      rows++;
      const lsoa = f[8].trim();
      if (!lsoa) continue;
      const key = `${m[2]}|${month}|${plain(lsoa.slice(0, lsoa.lastIndexOf(" ")))}|${f[9]}`;
      counts.set(key, (counts.get(key) || 0) + 1);
    }
  }
  const types = [...new Set([...counts.keys()].map((k) => k.split("|")[3]))].sort((a, b) =>
    a.localeCompare(b, "en")
  );
  const idOf = (t) => t.toUpperCase().replace(/[^A-Z0-9]+/g, "_");
  const expected = (slug, districts, month, type) =>
    districts.reduce((s, d) => s + (counts.get(`${slug}|${month}|${plain(d)}|${type}`) || 0), 0);
  console.log(
    `Independent count: ${files.length} files, ${rows.toLocaleString("en-GB")} rows, ${((Date.now() - started) / 1000).toFixed(1)} s`
  );

  // The import, read once into one tally.
  const t0 = Date.now();
  const geo = loadGeography();
  const tally = new PoliceTally();
  for (const folder of folders)
    for (const s of (await sourcesOf(folder)).sources) await readPoliceCsv(s, tally);
  console.log(
    `Import read: ${tally.files.length} files, ${tally.rows.toLocaleString("en-GB")} rows, ${((Date.now() - t0) / 1000).toFixed(1)} s`
  );
  if (tally.rows !== rows) console.log(`DIFFERENCE: rows read ${tally.rows} != ${rows}`);

  let checked = 0;
  let values = 0;
  const refused = [];
  const problems = [];
  const check = (name, districts, slug) => {
    let imp;
    try {
      imp = buildPoliceImport(tally, geo, { partnership: name });
    } catch (e) {
      // Its force sent nothing, or its files name none of its LSOAs: then neither may the count.
      const any = [...counts.keys()].some(
        (k) => k.startsWith(`${slug}|`) && districts.some((d) => k.split("|")[2] === plain(d))
      );
      if (any) problems.push(`${name}: refused, but its force's files name it: ${e.message}`);
      refused.push(name);
      return;
    }
    checked++;
    const written = new Map(
      imp.monthly.map((r) => [`${r.measure}|${monthText(r.month)}`, r.count])
    );
    const months = [...new Set(imp.monthly.map((r) => monthText(r.month)))];
    for (const month of imp.months.map(monthText)) {
      const total = types.reduce((s, t) => s + expected(slug, districts, month, t), 0);
      const has = months.includes(month);
      if (!supplied.has(`${slug}|${month}`) || total === 0) {
        if (has)
          problems.push(`${name} ${month}: a row where its force's file has none of its rows`);
        continue;
      }
      if (!has)
        problems.push(`${name} ${month}: no row, but its force's file has ${total} of its rows`);
      for (const t of types) {
        values++;
        const want = expected(slug, districts, month, t);
        const got = written.get(`${idOf(t)}|${month}`);
        if (got !== want) problems.push(`${name} ${month} ${t}: ${got} written, ${want} counted`);
      }
    }
  };
  const byDistrict = new Map();
  for (const r of lookup) byDistrict.set(r[1], r);
  for (const [district, r] of byDistrict) check(district, [district], slugOfArea.get(r[4]));
  const csps = new Map();
  for (const r of lookup) csps.set(r[3], [...(csps.get(r[3]) || []), r]);
  let cspChecked = 0;
  for (const [csp, rs] of csps) {
    const ds = rs.map((r) => r[1]);
    if (ds.length < 2 || ds.some((d) => lookup.filter((x) => x[1] === d).length > 1)) continue;
    // A CSP named as a district (North Devon) is imported as the district, with a note.
    if (byDistrict.has(csp)) continue;
    check(csp, ds, slugOfArea.get(rs[0][4]));
    cspChecked++;
  }

  // A peer group spread over several forces: counts over the quarter and rates per 1,000.
  const pop = csvTable(path.join(GEO, "ons-mye23-population-lad.csv"));
  const group = [
    "South Cambridgeshire",
    "Ipswich",
    "Norwich",
    "Lincoln",
    "Exeter",
    "Cheltenham",
    "Coventry",
    "Oldham",
  ];
  let peerValues = 0;
  try {
    const imp = buildPoliceImport(tally, geo, { partnership: group[0], peers: group.slice(1) });
    for (const p of imp.peers) {
      const r = byDistrict.get(p.partnership);
      const slug = slugOfArea.get(r[4]);
      const end = p.periodEnd;
      const window = [0, 1, 2].map((i) => {
        const k = end.year * 12 + end.month - 1 - i;
        return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, "0")}`;
      });
      const type = types.find((t) => idOf(t) === p.measure);
      const want = window.reduce((s, m) => s + expected(slug, [p.partnership], m, type), 0);
      const mid = end.month >= 6 ? end.year : end.year - 1;
      const col = pop[0].indexOf(`Mid-${Math.min(mid, 2023)}`);
      const people = Number(pop.find((x) => x[1] === p.partnership)[col]);
      peerValues++;
      if (
        p.count !== want ||
        p.population !== people ||
        Math.abs(p.rate - (want / people) * 1000) > 1e-12
      )
        problems.push(
          `peer ${p.partnership} ${p.measure} ${end.year}-${end.month}: ${p.count}/${p.population} written, ${want}/${people} counted`
        );
    }
    const absent = imp.warnings
      .filter((w) => w.code === "PEER_FORCE_ABSENT")
      .map((w) => w.message.split(" is policed")[0].replace("Peer group: ", ""));
    console.log(
      `Peer group ${group.join(", ")}: ${imp.peers.length} rows checked; no rows for ${absent.join(", ") || "none"} (force absent)`
    );
  } catch (e) {
    problems.push(`peer group: ${e.message}`);
  }

  console.log(
    `Districts counted: ${checked - cspChecked}; CSPs of several districts: ${cspChecked}`
  );
  console.log(
    `Refused (force absent, or its files name none of its LSOAs): ${refused.length}: ${refused.join(", ")}`
  );
  console.log(
    `Monthly values compared: ${values.toLocaleString("en-GB")}; peer rows compared: ${peerValues}`
  );
  console.log(`Differences: ${problems.length}`);
  for (const p of problems.slice(0, 40)) console.log(`  ${p}`);
  console.log(`In all ${((Date.now() - started) / 1000).toFixed(1)} s`);
  process.exitCode = problems.length > 0 ? 1 : 0;
}

main().catch((e) => {
  console.error(e.stack || e.message);
  process.exitCode = 1;
});
