/**
 * The `cdrp` command line as its own npm package, for `npm install -g ./cdrp-<version>.tgz` on an
 * analyst's machine. The repository's package.json is the add-in's (React, Fluent, webpack...);
 * the command line needs only what lib/ requires at run time, so its package.json is written here
 * from that, with the versions the repository pins.
 *
 * Those dependencies travel inside the package (bundleDependencies), copied from the tree
 * package-lock.json describes: the install then needs no registry at all (council machines often
 * cannot reach it) and gets exactly the versions the tests ran against. npm ignores an
 * npm-shrinkwrap.json when a local tarball is installed globally (npm/cli#5325), so pinning the
 * transitive versions that way would not hold.
 *
 * Pure functions over file contents; scripts/package.js does the I/O around them.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const { builtinModules } = require("module");

const BUILTINS = new Set(builtinModules);

/** Every `.js` file under a folder, sorted. */
function jsFiles(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...jsFiles(full));
    else if (entry.name.endsWith(".js")) out.push(full);
  }
  return out.sort();
}

/** "exceljs/dist/x" -> "exceljs", "@scope/pkg/x" -> "@scope/pkg"; null for builtins and paths. */
function packageOf(specifier) {
  if (specifier.startsWith(".") || specifier.startsWith("/") || specifier.startsWith("node:"))
    return null;
  const parts = specifier.split("/");
  const name = specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
  return BUILTINS.has(name) ? null : name;
}

/**
 * The packages compiled JavaScript requires at run time (CommonJS output of tsc).
 * @param {string[]} sources file contents
 * @returns {string[]} sorted package names
 */
function requiredPackages(sources) {
  const names = new Set();
  const re = /\brequire\(\s*["']([^"']+)["']\s*\)|\bimport\(\s*["']([^"']+)["']\s*\)/g;
  for (const text of sources) {
    for (const m of text.matchAll(re)) {
      const name = packageOf(m[1] || m[2]);
      if (name) names.add(name);
    }
  }
  return [...names].sort();
}

/**
 * The command line's dependencies with the repository's pinned versions.
 * @param {string[]} names from requiredPackages
 * @param {{ dependencies?: Record<string, string> }} rootPackage the repository's package.json
 */
function pinnedDependencies(names, rootPackage) {
  const deps = rootPackage.dependencies || {};
  const missing = names.filter((n) => !(n in deps));
  if (missing.length > 0) {
    throw new Error(
      `lib/ requires ${missing.join(", ")} at run time but package.json's "dependencies" does ` +
        "not list it: add it there (not to devDependencies) so the command line package gets it."
    );
  }
  return Object.fromEntries(names.map((n) => [n, deps[n]]));
}

/**
 * package.json of the command line package.
 * @param {{ version: string, license?: string, engines?: Record<string, string> }} rootPackage
 * @param {Record<string, string>} dependencies
 */
function cliPackageJson(rootPackage, dependencies) {
  return {
    name: "cdrp",
    version: rootPackage.version,
    description:
      "The cdrp command line: validates a Community Safety Partnership's quarterly workbook and " +
      "writes the performance report into a new .xlsx.",
    license: rootPackage.license || "MIT",
    // Installed from the file, never published: a registry package of the same name is not ours.
    private: true,
    engines: rootPackage.engines || { node: ">=20" },
    bin: { cdrp: "bin/cdrp.js" },
    // data/geography: the ONS tables the import counts by (read by lib/cli/geography.js).
    files: ["bin", "lib", "data"],
    dependencies,
    bundleDependencies: Object.keys(dependencies),
  };
}

/** Where Node would find `dep` from the package installed at `from` (a package-lock path). */
function resolveInLock(packages, from, dep) {
  let dir = from;
  for (;;) {
    const candidate = `${dir ? `${dir}/` : ""}node_modules/${dep}`;
    if (packages[candidate]) return candidate;
    if (!dir) return null;
    const cut = dir.lastIndexOf("/node_modules/");
    dir = cut < 0 ? "" : dir.slice(0, cut);
  }
}

/**
 * The command line's dependency tree as package-lock.json lays it out: every installed path
 * reachable from its dependencies (nested copies included), so it can be copied as it is.
 * @param {{ packages?: Record<string, Record<string, unknown>> }} lock package-lock.json (v2, v3)
 * @param {Record<string, string>} dependencies the command line's own
 * @returns {string[]} sorted paths such as "node_modules/exceljs"
 */
function runtimeTree(lock, dependencies) {
  const packages = lock.packages;
  if (!packages) throw new Error('package-lock.json has no "packages" (lockfileVersion 2 or 3)');
  const kept = new Set();
  const queue = Object.keys(dependencies).map((dep) => ({ from: "", dep, optional: false }));
  while (queue.length > 0) {
    const { from, dep, optional } = queue.shift();
    const at = resolveInLock(packages, from, dep);
    if (!at) {
      if (optional) continue;
      throw new Error(`package-lock.json has no ${dep} for ${from || "the command line"}`);
    }
    if (kept.has(at)) continue;
    kept.add(at);
    const entry = packages[at];
    const optionalDeps = new Set([
      ...Object.keys(entry.optionalDependencies || {}),
      ...Object.entries(entry.peerDependenciesMeta || {})
        .filter(([, meta]) => meta && meta.optional)
        .map(([name]) => name),
    ]);
    const names = new Set([
      ...Object.keys(entry.dependencies || {}),
      ...Object.keys(entry.peerDependencies || {}),
      ...optionalDeps,
    ]);
    for (const name of names) queue.push({ from: at, dep: name, optional: optionalDeps.has(name) });
  }
  return [...kept].sort();
}

const CLI_README = (version) => `# cdrp ${version}

The command line of the CDRP analyst add-in: checks a Community Safety Partnership's quarterly
workbook cell by cell and writes the performance report (summary, figures with native charts,
sentences) into a new .xlsx. It makes no network calls.

    cdrp demo                       sample in, report out, summary printed
    cdrp validate quarter.xlsx      every problem with its sheet and cell
    cdrp report quarter.xlsx --out report.xlsx
    cdrp --help

Installed with \`npm install -g ./cdrp-${version}.tgz\` (Node.js 20 or later); its dependencies are
inside the file, so the install needs no registry. To update, install the new release's file the
same way; \`npm update -g\` would look for a different package of this name on the public registry.
`;

module.exports = {
  jsFiles,
  packageOf,
  requiredPackages,
  pinnedDependencies,
  cliPackageJson,
  runtimeTree,
  CLI_README,
};
