/**
 * `ADDIN_BASE_URL=... npm run package` once, then both release files opened as IT and an analyst
 * would: the add-in archive unpacked and read, the command line package installed with npm into
 * an empty prefix (offline, with an empty cache: its dependencies travel inside it) and its
 * `cdrp demo` run with every network call made to fail.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import JSZip from "jszip";
import * as path from "path";
import { manifestVersion } from "../../scripts/addin-base";
import { checkManifestFile } from "../../scripts/check-manifest";
import { jsFiles, requiredPackages } from "../../scripts/cli-package";
import { tempDir } from "../support/temp";

const ROOT = path.resolve(__dirname, "..", "..");
const BASE = "https://intranet.example/addins/cdrp/";
const rootPackage = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
  version: string;
  dependencies: Record<string, string>;
};
const { version } = rootPackage;

function run(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }) {
  const result = spawnSync(command, args, {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    ...options,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("npm run package", () => {
  const temp = tempDir("deploy-package");
  const release = path.join(temp.dir, "release");
  const zipFile = path.join(release, `cdrp-addin-${version}.zip`);
  const tgzFile = path.join(release, `cdrp-${version}.tgz`);
  let packaged: { code: number | null; stdout: string; stderr: string };

  beforeAll(() => {
    packaged = run("npm", ["run", "package", "--", "--out-dir", release], {
      cwd: ROOT,
      env: { ...process.env, ADDIN_BASE_URL: BASE },
    });
  }, 600_000);
  afterAll(() => temp.cleanup());

  it("writes the add-in archive and the command line package, and nothing else", () => {
    if (packaged.code !== 0)
      throw new Error(`packaging failed:\n${packaged.stdout}\n${packaged.stderr}`);
    expect(fs.readdirSync(release).sort()).toEqual([
      `cdrp-${version}.tgz`,
      `cdrp-addin-${version}.zip`,
    ]);
  });

  it("refuses to package without ADDIN_BASE_URL, saying what to set", () => {
    const env = { ...process.env };
    delete env["ADDIN_BASE_URL"];
    const r = run("npm", ["run", "package", "--", "--out-dir", path.join(temp.dir, "none")], {
      cwd: ROOT,
      env,
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      "set ADDIN_BASE_URL to the https address the add-in will be served from"
    );
    expect(fs.existsSync(path.join(temp.dir, "none"))).toBe(false);
  });

  describe("the add-in archive", () => {
    const unpacked = path.join(temp.dir, "addin");
    const top = path.join(unpacked, `cdrp-addin-${version}`);
    let names: string[] = [];

    beforeAll(async () => {
      const zip = await JSZip.loadAsync(fs.readFileSync(zipFile));
      names = Object.keys(zip.files).filter((n) => !zip.files[n]?.dir);
      for (const name of names) {
        const file = path.join(unpacked, name);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, await zip.files[name]!.async("nodebuffer"));
      }
    });

    it("holds HOSTING.txt, the manifest to upload and dist/ to host, in one folder", () => {
      const prefix = `cdrp-addin-${version}/`;
      for (const n of names) expect(n.startsWith(prefix)).toBe(true);
      const rel = names.map((n) => n.slice(prefix.length));
      expect(rel).toEqual(
        expect.arrayContaining([
          "HOSTING.txt",
          "manifest.xml",
          "dist/manifest.xml",
          "dist/taskpane.html",
          "dist/taskpane.js",
          "dist/functions.js",
          "dist/functions.json",
          "dist/commands.html",
          "dist/assets/icon-32.png",
        ])
      );
      expect(fs.readFileSync(path.join(top, "manifest.xml"), "utf8")).toBe(
        fs.readFileSync(path.join(top, "dist", "manifest.xml"), "utf8")
      );
    });

    it("says where to host it and how to deploy it", () => {
      const hosting = fs.readFileSync(path.join(top, "HOSTING.txt"), "utf8");
      expect(hosting).toContain(`Copy everything in dist/ to ${BASE}`);
      expect(hosting).toContain(`${BASE}taskpane.html`);
      expect(hosting).toContain("Integrated apps");
      expect(hosting).toMatch(/no-cache for manifest\.xml, functions\.json and functions\.js/);
    });

    it("has a manifest for the base that passes the manifest check", () => {
      const manifest = fs.readFileSync(path.join(top, "dist", "manifest.xml"), "utf8");
      const urls = [...manifest.matchAll(/DefaultValue="(https?:[^"]*)"/g)].map((m) => m[1]);
      expect(urls.length).toBeGreaterThanOrEqual(8);
      for (const url of urls) expect(url!.startsWith(BASE)).toBe(true);
      expect(manifest).toContain(`<Version>${manifestVersion(version)}</Version>`);
      expect(checkManifestFile(path.join(top, "dist", "manifest.xml")).issues).toEqual([]);
    });

    it("names localhost nowhere", () => {
      const named = names.filter((n) =>
        /localhost/i.test(fs.readFileSync(path.join(unpacked, n), "latin1"))
      );
      expect(named).toEqual([]);
    });
  });

  describe("the command line package", () => {
    const unpacked = path.join(temp.dir, "cli");
    const prefix = path.join(temp.dir, "prefix");
    const cdrp = path.join(prefix, "bin", "cdrp");

    beforeAll(() => {
      fs.mkdirSync(unpacked);
      const untar = run("tar", ["-xzf", tgzFile, "-C", unpacked], { cwd: temp.dir });
      if (untar.code !== 0) throw new Error(untar.stderr);
    });

    it("holds lib/, bin/ and a package.json whose dependencies are what lib/ requires", () => {
      const pkgDir = path.join(unpacked, "package");
      expect(fs.existsSync(path.join(pkgDir, "lib", "cli", "main.js"))).toBe(true);
      expect(fs.existsSync(path.join(pkgDir, "bin", "cdrp.js"))).toBe(true);
      // The ONS tables the import counts by, byte for byte.
      for (const f of fs.readdirSync(path.join(ROOT, "data", "geography")))
        expect(fs.readFileSync(path.join(pkgDir, "data", "geography", f))).toEqual(
          fs.readFileSync(path.join(ROOT, "data", "geography", f))
        );
      expect(fs.existsSync(path.join(pkgDir, "src"))).toBe(false);
      const pkg = JSON.parse(fs.readFileSync(path.join(pkgDir, "package.json"), "utf8")) as {
        name: string;
        version: string;
        bin: Record<string, string>;
        dependencies: Record<string, string>;
        devDependencies?: unknown;
        scripts?: unknown;
      };
      const needed = requiredPackages(
        jsFiles(path.join(pkgDir, "lib")).map((f) => fs.readFileSync(f, "utf8"))
      );
      // exceljs writes the template and sample; saxes streams the sheets the reader needs.
      expect(needed).toEqual(expect.arrayContaining(["exceljs", "saxes"]));
      expect(pkg).toMatchObject({ name: "cdrp", version, bin: { cdrp: "bin/cdrp.js" } });
      expect(pkg.dependencies).toEqual(
        Object.fromEntries(needed.map((n) => [n, rootPackage.dependencies[n]]))
      );
      expect(pkg.devDependencies).toBeUndefined();
      expect(pkg.scripts).toBeUndefined();
      const bundled = fs.readdirSync(path.join(pkgDir, "node_modules"));
      expect(bundled).toEqual(expect.arrayContaining(["exceljs", "jszip"]));
      for (const name of ["react", "react-dom", "@fluentui", "webpack", "typescript"])
        expect(bundled).not.toContain(name);
    });

    it("installs into an empty prefix with no registry and no cache", () => {
      const emptyCache = path.join(temp.dir, "empty-cache");
      const install = run(
        "npm",
        ["install", "-g", "--prefix", prefix, tgzFile, "--offline", "--cache", emptyCache],
        {
          cwd: temp.dir,
          env: { ...process.env, npm_config_audit: "false", npm_config_fund: "false" },
        }
      );
      if (install.code !== 0)
        throw new Error(`npm install failed:\n${install.stdout}\n${install.stderr}`);
      expect(fs.existsSync(cdrp)).toBe(true);
    }, 600_000);

    it("gives a cdrp demo that works with every network call failing", () => {
      // Preloaded into the installed command: any socket or DNS lookup throws.
      const noNetwork = path.join(temp.dir, "no-network.js");
      fs.writeFileSync(
        noNetwork,
        [
          'const net = require("net"), dns = require("dns");',
          'const refuse = () => { throw new Error("network use in cdrp"); };',
          "net.Socket.prototype.connect = refuse;",
          "dns.lookup = refuse;",
          "dns.resolve = refuse;",
        ].join("\n")
      );
      const work = path.join(temp.dir, "work");
      fs.mkdirSync(work);
      const demo = run(cdrp, ["demo", "--out-dir", "out"], {
        cwd: work,
        env: {
          PATH: `${path.join(prefix, "bin")}${path.delimiter}${path.dirname(process.execPath)}`,
          HOME: work,
          NODE_OPTIONS: `--require ${noNetwork}`,
        },
      });
      expect(demo.stderr).toBe("");
      expect(demo.code).toBe(0);
      expect(demo.stdout).toContain("Dwelling Burglary");
      expect(demo.stdout).toContain("Wrote out/sample-report.xlsx");
      const report = fs.readFileSync(path.join(work, "out", "sample-report.xlsx"));
      expect(report.subarray(0, 2).toString("latin1")).toBe("PK");
    });

    it("imports real police.uk files with the ONS tables it ships", () => {
      const work = path.join(temp.dir, "import");
      fs.mkdirSync(work);
      const r = run(
        cdrp,
        [
          "import",
          "police-uk",
          path.join(ROOT, "tests", "fixtures", "police-uk", "2024-01-to-04.zip"),
          "--partnership",
          "Western Suffolk",
          "--out",
          "quarter.xlsx",
        ],
        {
          cwd: work,
          env: {
            PATH: `${path.join(prefix, "bin")}${path.delimiter}${path.dirname(process.execPath)}`,
            HOME: work,
          },
        }
      );
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(
        "Western Suffolk (CSP of Babergh, Mid Suffolk, West Suffolk; Suffolk Constabulary)"
      );
    });
  });
});
