#!/usr/bin/env node
/**
 * `node scripts/check-areas.js <folder>...` (after `npm run build:cli`): imports whole real
 * police.uk downloads and checks, for every district of the ONS lookup (and every CSP of several
 * districts) that the files can count, its Areas and AreaMonthly (spec/areas.md) against an
 * independent count made here in plain code: each file's force from its name
 * (YYYY-MM-<slug>-street.csv), each district's force from the ONS lookup read as text, rows of the
 * force's own files grouped by LSOA code where the district part of the LSOA name is the
 * district's; each area's mean point from every row of its code in its force's files. Checks every area's count of every type and
 * month (0 included), ALL_CRIME, the point, that no other area is written, and that the areas add
 * up to Monthly. Prints the figures; exits 1 on any difference. Not part of `npm test`: the files
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

/** CSV rows of a line (no quoted line ends in these files). */
const fields = (line) =>
  [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)]
    .slice(0, -1)
    .map((m) => (m[1].startsWith('"') ? m[1].slice(1, -1).replace(/""/g, '"') : m[1]));

const csvTable = (file) =>
  fs
    .readFileSync(file, "utf8")
    .replace(/^\ufeff/, "")
    .split(/\r?\n/)
    .filter(Boolean)
    .map(fields);

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

const idOf = (t) =>
  t
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");

async function main() {
  const folders = process.argv.slice(2);
  if (folders.length === 0) throw new Error("give one or more folders of police.uk downloads");
  const started = Date.now();

  // The independent count: slug|district -> code -> month|type -> rows, and the points.
  const counts = new Map();
  const points = new Map(); // slug|code -> [x, y, n]
  const types = new Set();
  let rows = 0;
  const files = folders.flatMap(walk).sort();
  for (const file of files) {
    const slug = /\d{4}-\d{2}-(.+)-street\.csv$/.exec(path.basename(file))[1];
    const text = fs.readFileSync(file, "utf8");
    for (const line of text.split(/\r?\n/).slice(1)) {
      if (!line) continue;
      const f = fields(line);
      rows++;
      types.add(f[9]);
      const lsoa = f[8].trim();
      if (!lsoa) continue;
      const district = plain(lsoa.slice(0, lsoa.lastIndexOf(" ")));
      const key = `${slug}|${district}`;
      let byCode = counts.get(key);
      if (!byCode) counts.set(key, (byCode = new Map()));
      let byMonth = byCode.get(f[7]);
      if (!byMonth) byCode.set(f[7], (byMonth = new Map()));
      const k = `${f[1]}|${idOf(f[9])}`;
      byMonth.set(k, (byMonth.get(k) || 0) + 1);
      if (f[4] !== "" && f[5] !== "") {
        // spec/areas.md: the mean of the area's rows' points over the imported data: every row of
        // the LSOA in its force's files, whatever district name a month gave it.
        const pk = `${slug}|${f[7]}`;
        const p = points.get(pk) || [0, 0, 0];
        p[0] += Number(f[4]);
        p[1] += Number(f[5]);
        p[2]++;
        points.set(pk, p);
      }
    }
  }
  console.log(
    `Independent count: ${files.length} files, ${rows.toLocaleString("en-GB")} rows, ${((Date.now() - started) / 1000).toFixed(1)} s`
  );

  const t0 = Date.now();
  const geo = loadGeography();
  const tally = new PoliceTally();
  for (const folder of folders)
    for (const s of (await sourcesOf(folder)).sources) await readPoliceCsv(s, tally);
  console.log(
    `Import read: ${tally.files.length} files, ${tally.rows.toLocaleString("en-GB")} rows, ${((Date.now() - t0) / 1000).toFixed(1)} s`
  );

  const lookup = csvTable(path.join(GEO, "lad-csp-pfa-dec2023.csv")).slice(1);
  const forces = csvTable(path.join(GEO, "police-uk-forces.csv")).slice(1);
  const slugOfArea = new Map(forces.filter((f) => f[2]).map((f) => [f[2], f[0]]));
  const problems = [];
  let areasChecked = 0;
  let values = 0;
  let partnerships = 0;
  const check = (name, districts, slug) => {
    let imp;
    try {
      imp = buildPoliceImport(tally, geo, { partnership: name });
    } catch {
      return; // refused: check-police-import.js checks that the count agrees
    }
    partnerships++;
    const months = [...new Set(imp.monthly.map((r) => monthText(r.month)))];
    const written = new Map(
      imp.areaMonthly.map((r) => [`${r.area}|${monthText(r.month)}|${r.measure}`, r.count])
    );
    // Every LSOA of the districts in the force's own files, in the months Monthly has.
    const want = new Map();
    for (const d of districts)
      for (const [code, byMonth] of counts.get(`${slug}|${plain(d)}`) || []) {
        if (!months.some((m) => [...byMonth.keys()].some((k) => k.startsWith(`${m}|`)))) continue;
        want.set(code, { byMonth, district: plain(d) });
      }
    const got = new Set(imp.areas.map((a) => a.code));
    for (const code of want.keys())
      if (!got.has(code)) problems.push(`${name}: area ${code} has rows but is not written`);
    for (const code of got)
      if (!want.has(code)) problems.push(`${name}: area ${code} is written but has no rows`);
    for (const a of imp.areas) {
      const w = want.get(a.code);
      if (!w) continue;
      areasChecked++;
      for (const m of months) {
        let all = 0;
        for (const t of types) {
          const n = w.byMonth.get(`${m}|${idOf(t)}`) || 0;
          if (idOf(t) !== "ANTI_SOCIAL_BEHAVIOUR") all += n;
          values++;
          const g = written.get(`${a.code}|${m}|${idOf(t)}`);
          if (g !== n) problems.push(`${name} ${a.code} ${m} ${t}: ${g} written, ${n} counted`);
        }
        values++;
        const g = written.get(`${a.code}|${m}|ALL_CRIME`);
        if (g !== all)
          problems.push(`${name} ${a.code} ${m} ALL_CRIME: ${g} written, ${all} counted`);
      }
      const p = points.get(`${slug}|${a.code}`);
      if (!p) {
        if (a.longitude !== null) problems.push(`${name} ${a.code}: a point written, none counted`);
      } else if (
        Math.abs(a.longitude - p[0] / p[2]) > 1e-9 ||
        Math.abs(a.latitude - p[1] / p[2]) > 1e-9
      )
        problems.push(
          `${name} ${a.code}: point ${a.longitude},${a.latitude} written, ${p[0] / p[2]},${p[1] / p[2]} counted`
        );
    }
    // The areas add up to Monthly, type by type and month by month.
    const sums = new Map();
    for (const r of imp.areaMonthly) {
      const k = `${r.measure}|${r.month}`;
      sums.set(k, (sums.get(k) || 0) + r.count);
    }
    for (const r of imp.monthly)
      if ((sums.get(`${r.measure}|${r.month}`) || 0) !== r.count)
        problems.push(
          `${name} ${r.measure} ${monthText(r.month)}: areas add up to ${sums.get(`${r.measure}|${r.month}`)}, Monthly ${r.count}`
        );
  };
  const byDistrict = new Map();
  for (const r of lookup) byDistrict.set(r[1], r);
  for (const [district, r] of byDistrict) check(district, [district], slugOfArea.get(r[4]));
  let csps = 0;
  const groups = new Map();
  for (const r of lookup) groups.set(r[3], [...(groups.get(r[3]) || []), r]);
  for (const [csp, rs] of groups) {
    const ds = rs.map((r) => r[1]);
    if (ds.length < 2 || byDistrict.has(csp)) continue;
    if (ds.some((d) => lookup.filter((x) => x[1] === d).length > 1)) continue;
    check(csp, ds, slugOfArea.get(rs[0][4]));
    csps++;
  }
  console.log(`Partnerships imported: ${partnerships} (CSPs of several districts tried: ${csps})`);
  console.log(
    `Areas checked: ${areasChecked.toLocaleString("en-GB")}; area-month values compared: ${values.toLocaleString("en-GB")}`
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
