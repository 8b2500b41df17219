#!/usr/bin/env node
// Prints the README's function reference table from the generated dist/functions.json, or with
// --write replaces the table between the README's markers. A test keeps the two in step.
"use strict";
const fs = require("fs");
const path = require("path");

const START = "<!-- functions:start -->";
const END = "<!-- functions:end -->";

function table(metadata) {
  const rows = metadata.functions.map((f) => {
    const params = f.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ");
    const help = f.parameters.map((p) => `**${p.name}**: ${p.description}`).join("<br>");
    return `| \`CDRP.${f.name}(${params})\` | ${f.description} | ${help} |`;
  });
  return ["| Function | What it returns | Arguments |", "|---|---|---|", ...rows].join("\n");
}

function readmeTable(readme) {
  const a = readme.indexOf(START);
  const b = readme.indexOf(END);
  if (a < 0 || b < a) return null;
  return readme.slice(a + START.length, b).trim();
}

module.exports = { table, readmeTable, START, END };

if (require.main === module) {
  const root = path.join(__dirname, "..");
  const metadata = JSON.parse(fs.readFileSync(path.join(root, "dist", "functions.json"), "utf8"));
  const t = table(metadata);
  if (process.argv.includes("--write")) {
    const file = path.join(root, "README.md");
    const readme = fs.readFileSync(file, "utf8");
    const a = readme.indexOf(START);
    const b = readme.indexOf(END);
    if (a < 0 || b < a) throw new Error(`README.md has no ${START} ... ${END} markers`);
    fs.writeFileSync(file, `${readme.slice(0, a + START.length)}\n${t}\n${readme.slice(b)}`);
  } else {
    process.stdout.write(`${t}\n`);
  }
}
