#!/usr/bin/env node
/**
 * Cuts the committed excerpt of real police.uk street files (tests/fixtures/police-uk/) from whole
 * downloads: `node scripts/police-excerpt.js <folder of YYYY-MM/ folders>... --out <file.zip>`.
 *
 * How it cuts, so a test can count on it: every file keeps its header and whole rows, byte for
 * byte (line ends included); a territorial force's file keeps its 1st, 41st, 81st... data row
 * (police.uk sorts rows by LSOA name, so every district keeps about a fortieth of its rows); a
 * British Transport Police file keeps every row whose LSOA lies in one of the districts of the
 * forces kept here, or of Greater Manchester and West Midlands (which the downloads lack). The
 * zip holds YYYY-MM/YYYY-MM-<force>-street.csv, as data.police.uk's download does.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const JSZip = require("jszip");

const FORCES = ["suffolk", "norfolk", "cambridgeshire", "nottinghamshire", "cumbria"];
const BTP_AREAS = new Set([
  "Suffolk",
  "Norfolk",
  "Cambridgeshire",
  "Nottinghamshire",
  "Cumbria",
  "Greater Manchester",
  "West Midlands",
]);
const EVERY = 40;

/** Lines with their own line ends; a line inside an open quote is joined to the next. */
function rows(text) {
  const out = [];
  let at = 0;
  let pending = "";
  while (at < text.length) {
    const nl = text.indexOf("\n", at);
    const line = text.slice(at, nl < 0 ? text.length : nl + 1);
    at = nl < 0 ? text.length : nl + 1;
    pending += line;
    if ((pending.match(/"/g) || []).length % 2 === 0) {
      out.push(pending);
      pending = "";
    }
  }
  if (pending) out.push(pending);
  return out;
}

/** District names of the lookup whose police force area is one of BTP_AREAS. */
function btpDistricts() {
  const lookup = fs
    .readFileSync(
      path.join(__dirname, "..", "data", "geography", "lad-csp-pfa-dec2023.csv"),
      "utf8"
    )
    .replace(/^\ufeff/, "");
  const names = new Set();
  for (const line of lookup.split(/\r?\n/).slice(1)) {
    const cells = line.match(/("[^"]*"|[^,]*)(,|$)/g) || [];
    const v = cells.map((c) => c.replace(/,$/, "").replace(/^"|"$/g, ""));
    // The CSPs' names too: police.uk's LSOA names in Cumbria are the former districts (Carlisle...).
    if (v.length >= 6 && BTP_AREAS.has(v[5])) names.add(v[1]).add(v[3]);
  }
  return names;
}

function lsoaDistrict(row) {
  const cells = row.match(/("[^"]*"|[^,]*)(,|\r?\n|$)/g) || [];
  const lsoa = (cells[8] || "").replace(/,$/, "").replace(/^"|"$/g, "").trim();
  const space = lsoa.lastIndexOf(" ");
  return space <= 0 ? "" : lsoa.slice(0, space);
}

async function main() {
  const args = process.argv.slice(2);
  const outAt = args.indexOf("--out");
  if (outAt < 0 || !args[outAt + 1]) throw new Error("give --out <file.zip>");
  const out = args[outAt + 1];
  const folders = args.filter((_, i) => i !== outAt && i !== outAt + 1);
  const btp = btpDistricts();
  const zip = new JSZip();
  let kept = 0;
  for (const folder of folders) {
    for (const month of fs.readdirSync(folder).sort()) {
      if (!/^\d{4}-\d{2}$/.test(month)) continue;
      for (const force of [...FORCES, "btp"]) {
        const name = `${month}-${force}-street.csv`;
        const file = path.join(folder, month, name);
        if (!fs.existsSync(file)) continue;
        const all = rows(fs.readFileSync(file, "utf8"));
        const body = all.slice(1);
        const chosen =
          force === "btp"
            ? body.filter((r) => btp.has(lsoaDistrict(r)))
            : body.filter((_, i) => i % EVERY === 0);
        kept += chosen.length;
        zip.file(`${month}/${name}`, [all[0], ...chosen].join(""), {
          date: new Date(Date.UTC(2024, 0, 1)),
        });
      }
    }
  }
  const bytes = await zip.generateAsync({
    type: "nodebuffer",
    compression: "DEFLATE",
    compressionOptions: { level: 9 },
  });
  fs.writeFileSync(out, bytes);
  console.log(`${out}: ${kept} rows, ${bytes.length} bytes`);
}

main().catch((e) => {
  console.error(e.message);
  process.exitCode = 1;
});
