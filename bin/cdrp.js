#!/usr/bin/env node
// The `cdrp` command line: compiled from src/cli by `npm run build:cli` (run by `npm ci` through `prepare`).
"use strict";
const { main } = require("../lib/cli/main.js");
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
