#!/usr/bin/env node
// The `cdrp` command line: compiled from src/cli by `npm run build:cli` (run by `npm ci` through `prepare`).
"use strict";
const { main, installSignalCleanup } = require("../lib/cli/main.js");
installSignalCleanup();
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
