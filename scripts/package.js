#!/usr/bin/env node
/**
 * `ADDIN_BASE_URL=https://host/path/ npm run package [-- --out-dir <folder>]` writes a release:
 *   release/cdrp-addin-<version>.zip  the add-in built for that base (dist/), its manifest and
 *                                     HOSTING.txt saying where the files go;
 *   release/cdrp-<version>.tgz        the command line as an npm package (npm pack), for
 *                                     `npm install -g ./cdrp-<version>.tgz`.
 * It builds into a temporary folder, so the developer's dist/ and lib/ are left as they were, and
 * it checks what it built (manifest rules, no localhost) before writing anything to the release.
 */
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");
const { spawnSync } = require("child_process");
const JSZip = require("jszip");
const { BuildSettingError, manifestVersion, parseBaseUrl } = require("./addin-base.js");
const { checkManifestFile } = require("./check-manifest.js");
const cli = require("./cli-package.js");

const ROOT = path.resolve(__dirname, "..");

/** A reason to stop that the user can act on: printed alone, without a stack. */
class PackageError extends Error {}

function fail(message) {
  throw new PackageError(message);
}

function step(message) {
  console.log(`[package] ${message}`);
}

/** Runs a command, stopping the packaging with its output if it fails. */
function run(command, args, options = {}) {
  const result = spawnSync(command, args, {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024, // npm pack --json lists thousands of bundled files
    ...options,
  });
  if (result.error) fail(`${path.basename(command)} could not start: ${result.error.message}`);
  if (result.status !== 0) {
    process.stderr.write(result.stdout || "");
    process.stderr.write(result.stderr || "");
    fail(
      `${[path.basename(command), ...args.slice(0, 3)].join(" ")} failed (exit ${result.status})`
    );
  }
  return result.stdout;
}

/** npm as the one running this script (npm run package), else the one on PATH. */
function npm(args, options) {
  const npmCli = process.env.npm_execpath;
  if (npmCli && /\.c?js$/.test(npmCli)) return run(process.execPath, [npmCli, ...args], options);
  return run(process.platform === "win32" ? "npm.cmd" : "npm", args, {
    shell: process.platform === "win32",
    ...options,
  });
}

function filesUnder(dir, prefix = "") {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...filesUnder(path.join(dir, entry.name), rel));
    else out.push(rel);
  }
  return out.sort();
}

function hostingText({ version, baseUrl }) {
  return [
    `CDRP analyst add-in ${version}, built for ${baseUrl}`,
    "",
    `1. Copy everything in dist/ to ${baseUrl} on an https web server, so that`,
    `   ${baseUrl}taskpane.html opens in a browser. Serve .html as text/html, .js as`,
    "   text/javascript, .json as application/json, .xml as application/xml, .png as image/png.",
    "   Send Cache-Control: no-cache for manifest.xml, functions.json and functions.js (Office",
    "   caches custom functions hard); the other files may be cached.",
    "2. Deploy manifest.xml (this folder) to the analysts: Microsoft 365 admin centre > Settings >",
    "   Integrated apps > Upload custom apps > Office Add-in, upload manifest.xml, assign users",
    "   or groups, Finish deployment.",
    "3. This manifest works only at the address above. To host elsewhere, rebuild:",
    "   ADDIN_BASE_URL=https://other.host/path/ npm run package",
    "",
    "Office.js comes from Microsoft's CDN (appsforoffice.microsoft.com), as for every add-in;",
    "nothing else is loaded from outside and nothing is sent anywhere. Details: README.md,",
    '"Deploying for your team".',
    "",
  ].join("\r\n");
}

/** Builds the add-in for the base into a fresh folder and checks the result. */
function buildAddin(webDir, baseUrl) {
  step(`building the add-in for ${baseUrl} (webpack, production)`);
  run(
    process.execPath,
    [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production", "--output-path", webDir],
    { env: { ...process.env, ADDIN_BASE_URL: baseUrl } }
  );
  const { issues } = checkManifestFile(path.join(webDir, "manifest.xml"));
  if (issues.length > 0) {
    fail(
      `the built manifest has ${issues.length} issue(s):\n` +
        issues.map((i) => `  ${i.code}: ${i.message}`).join("\n")
    );
  }
  if (new URL(baseUrl).hostname !== "localhost") {
    const named = filesUnder(webDir).filter((f) =>
      /localhost/i.test(fs.readFileSync(path.join(webDir, f), "latin1"))
    );
    if (named.length > 0) fail(`built files still name localhost: ${named.join(", ")}`);
  }
}

async function writeZip(zipFile, webDir, { version, baseUrl }) {
  const top = `cdrp-addin-${version}`;
  const zip = new JSZip();
  zip.file(`${top}/HOSTING.txt`, hostingText({ version, baseUrl }));
  zip.file(`${top}/manifest.xml`, fs.readFileSync(path.join(webDir, "manifest.xml")));
  for (const rel of filesUnder(webDir)) {
    zip.file(`${top}/dist/${rel}`, fs.readFileSync(path.join(webDir, rel)));
  }
  const bytes = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
  // Whole or not at all: a half-written release must never look like one.
  fs.writeFileSync(`${zipFile}.partial`, bytes);
  fs.renameSync(`${zipFile}.partial`, zipFile);
}

/** Compiles the command line into a package folder and packs it. */
function packCli(cliDir, rootPackage) {
  step("compiling the command line (tsc) and packing it (npm pack)");
  const libDir = path.join(cliDir, "lib");
  run(process.execPath, [
    require.resolve("typescript/bin/tsc"),
    "-p",
    path.join(ROOT, "tsconfig.cli.json"),
    "--outDir",
    libDir,
  ]);
  fs.mkdirSync(path.join(cliDir, "bin"));
  fs.copyFileSync(path.join(ROOT, "bin", "cdrp.js"), path.join(cliDir, "bin", "cdrp.js"));
  // The ONS tables the import counts by, beside lib/ as in the repository.
  fs.cpSync(path.join(ROOT, "data", "geography"), path.join(cliDir, "data", "geography"), {
    recursive: true,
  });
  const sources = cli.jsFiles(libDir).map((f) => fs.readFileSync(f, "utf8"));
  const dependencies = cli.pinnedDependencies(cli.requiredPackages(sources), rootPackage);
  const pkg = cli.cliPackageJson(rootPackage, dependencies);
  const lock = JSON.parse(fs.readFileSync(path.join(ROOT, "package-lock.json"), "utf8"));
  const write = (name, value) =>
    fs.writeFileSync(
      path.join(cliDir, name),
      typeof value === "string" ? value : `${JSON.stringify(value, null, 2)}\n`
    );
  write("package.json", pkg);
  write("README.md", cli.CLI_README(pkg.version));
  // The installed tree, path for path; nested node_modules are copied as entries of their own.
  // Source maps are left out: nothing loads them at run time and they are a quarter of the size.
  for (const at of cli.runtimeTree(lock, dependencies)) {
    const from = path.join(ROOT, at);
    fs.cpSync(from, path.join(cliDir, at), {
      recursive: true,
      dereference: true,
      filter: (src) =>
        src === from || (path.basename(src) !== "node_modules" && !src.endsWith(".js.map")),
    });
  }
  const packed = JSON.parse(npm(["pack", "--json", "--pack-destination", cliDir], { cwd: cliDir }));
  return { tarball: path.join(cliDir, packed[0].filename), deps: Object.keys(dependencies) };
}

async function main() {
  const args = process.argv.slice(2);
  const outAt = args.indexOf("--out-dir");
  // Relative to where the command was typed: npm runs scripts from the project folder.
  const typedIn = process.env.INIT_CWD || process.cwd();
  const outDir =
    outAt >= 0 && args[outAt + 1]
      ? path.resolve(typedIn, args[outAt + 1])
      : path.join(ROOT, "release");
  if (!process.env.ADDIN_BASE_URL || process.env.ADDIN_BASE_URL.trim() === "") {
    fail(
      "set ADDIN_BASE_URL to the https address the add-in will be served from, for example " +
        "ADDIN_BASE_URL=https://intranet.example/addins/cdrp/ npm run package"
    );
  }
  const rootPackage = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
  let baseUrl;
  try {
    baseUrl = parseBaseUrl(process.env.ADDIN_BASE_URL);
    manifestVersion(rootPackage.version);
  } catch (err) {
    throw err instanceof BuildSettingError ? new PackageError(err.message) : err;
  }
  const version = rootPackage.version;
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), "cdrp-package-"));
  try {
    const webDir = path.join(staging, "dist");
    const cliDir = path.join(staging, "cli");
    fs.mkdirSync(cliDir);
    buildAddin(webDir, baseUrl);
    const { tarball, deps } = packCli(cliDir, rootPackage);
    fs.mkdirSync(outDir, { recursive: true });
    const zipFile = path.join(outDir, `cdrp-addin-${version}.zip`);
    const tgzFile = path.join(outDir, `cdrp-${version}.tgz`);
    await writeZip(zipFile, webDir, { version, baseUrl });
    fs.copyFileSync(tarball, `${tgzFile}.partial`);
    fs.renameSync(`${tgzFile}.partial`, tgzFile);
    step(`wrote ${path.relative(process.cwd(), zipFile)} (host dist/ at ${baseUrl})`);
    step(
      `wrote ${path.relative(process.cwd(), tgzFile)} (runtime dependencies: ${deps.join(", ")})`
    );
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

main().catch((err) => {
  if (err instanceof PackageError) console.error(`\n[package] ${err.message}\n`);
  else console.error(err instanceof Error ? err.stack : String(err));
  process.exitCode = 1;
});
