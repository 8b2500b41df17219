/**
 * `ADDIN_BASE_URL=https://host/path/ npm run build` as a team's IT would run it: built once here
 * into a temporary folder (the bundle and browser tests need the plain build in dist/), then every
 * file read. The plain build is the dist/ that `npm test` made first.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { manifestVersion } from "../../scripts/addin-base";
import { checkManifestFile, parseXml, XmlElement } from "../../scripts/check-manifest";
import { tempDir } from "../support/temp";

const ROOT = path.resolve(__dirname, "..", "..");
const BASE = "https://intranet.example/addins/cdrp/";
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
  version: string;
};

function npmRun(args: string[], env: Record<string, string>) {
  return spawnSync("npm", ["run", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
}

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => fs.statSync(path.join(dir, f)).isFile())
    .sort();
}

function all(el: XmlElement): XmlElement[] {
  return [el, ...el.children.flatMap(all)];
}

function manifestUrls(file: string): string[] {
  const { root } = parseXml(fs.readFileSync(file, "utf8"));
  if (!root) throw new Error(`${file} does not parse`);
  return all(root).flatMap((el) =>
    Object.entries(el.attrs)
      .filter(([name, value]) => !name.startsWith("xmlns") && /^https?:\/\//i.test(value))
      .map(([, value]) => value)
  );
}

function element(file: string, local: string): string | undefined {
  const { root } = parseXml(fs.readFileSync(file, "utf8"));
  return root
    ? all(root)
        .find((e) => e.local === local)
        ?.text.trim()
    : undefined;
}

describe("a build for https://intranet.example/addins/cdrp/", () => {
  const temp = tempDir("deploy-build");
  const out = path.join(temp.dir, "dist");

  beforeAll(() => {
    // No final slash on purpose: the build adds it.
    const run = npmRun(["build", "--", "--output-path", out], {
      ADDIN_BASE_URL: BASE.slice(0, -1),
    });
    if (run.status !== 0) throw new Error(`the build failed:\n${run.stdout}\n${run.stderr}`);
  }, 300_000);
  afterAll(() => temp.cleanup());

  it("writes the add-in's files", () => {
    const files = filesUnder(out);
    for (const f of [
      "manifest.xml",
      "taskpane.html",
      "taskpane.js",
      "functions.js",
      "functions.json",
    ])
      expect(files).toContain(f);
    expect(files).toContain(path.join("assets", "icon-80.png"));
  });

  it("has a manifest whose every URL is under the base", () => {
    const urls = manifestUrls(path.join(out, "manifest.xml"));
    expect(urls.length).toBeGreaterThanOrEqual(8);
    for (const url of urls) expect(url.startsWith(BASE)).toBe(true);
    // Each URL names a file the build wrote.
    for (const url of urls)
      expect(fs.existsSync(path.join(out, url.slice(BASE.length)))).toBe(true);
  });

  it("names localhost in no file at all (scripts, source maps, pages, metadata)", () => {
    const named = filesUnder(out).filter((f) =>
      /localhost/i.test(fs.readFileSync(path.join(out, f), "latin1"))
    );
    expect(named).toEqual([]);
  });

  it("loads its scripts by relative URLs, and only Office.js from outside", () => {
    for (const page of ["taskpane.html", "commands.html"]) {
      const html = fs.readFileSync(path.join(out, page), "utf8");
      const sources = [
        ...html.matchAll(/<(?:script|link|img)\b[^>]*?\b(?:src|href)=["']?([^"' >]+)/g),
      ].map((m) => m[1]);
      expect(sources).toContain(OFFICE_JS);
      for (const src of sources) {
        if (src !== OFFICE_JS) expect(src).not.toMatch(/^(https?:)?\/\//);
      }
    }
  });

  it("passes the manifest check, and `npm run validate` takes its path", () => {
    expect(checkManifestFile(path.join(out, "manifest.xml")).issues).toEqual([]);
    const run = npmRun(["validate", "--", path.join(out, "manifest.xml")], {});
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  });

  it("keeps the repository's Id and takes package.json's version", () => {
    const built = path.join(out, "manifest.xml");
    expect(element(built, "Id")).toBe(element(path.join(ROOT, "manifest.xml"), "Id"));
    expect(element(built, "Version")).toBe(manifestVersion(version));
  });
});

describe("the plain build (dist/, made by npm test)", () => {
  const manifest = path.join(ROOT, "dist", "manifest.xml");
  if (!fs.existsSync(manifest)) throw new Error("dist/ is missing: run `npm run build` first");

  it("still serves the developer on https://localhost:3000", () => {
    const urls = manifestUrls(manifest);
    expect(urls.length).toBeGreaterThanOrEqual(8);
    for (const url of urls) expect(url.startsWith("https://localhost:3000/")).toBe(true);
    expect(element(manifest, "Version")).toBe(manifestVersion(version));
    expect(checkManifestFile(manifest).issues).toEqual([]);
  });
});

describe("a base that cannot work stops the build with a sentence", () => {
  const temp = tempDir("deploy-bad");
  afterAll(() => temp.cleanup());

  it.each([
    ["http://intranet.example/addins/cdrp/", "is not https"],
    ["intranet.example/addins/cdrp", "is not a URL"],
  ])("%s", (base, reason) => {
    const out = path.join(temp.dir, reason.replace(/\W+/g, "-"));
    const run = npmRun(["build", "--", "--output-path", out], { ADDIN_BASE_URL: base });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`[webpack] ADDIN_BASE_URL "${base}" ${reason}`);
    expect(run.stderr).not.toMatch(/\n\s+at /); // a sentence, not a stack trace
    expect(fs.existsSync(out)).toBe(false);
  });
});
