/**
 * README "Deploying for your team" names real commands and gives server examples that parse: a
 * typo in the IIS web.config would break a site, and a renamed script would strand the reader.
 */
import * as fs from "fs";
import * as path from "path";
import { parseXml } from "../../scripts/check-manifest";

const ROOT = path.resolve(__dirname, "..", "..");
const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
const start = readme.indexOf("## Deploying for your team");
const section = readme.slice(start, readme.indexOf("\n## ", start + 1));
const scripts = (
  JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
    scripts: Record<string, string>;
  }
).scripts;

function block(lang: string): string {
  const m = new RegExp("```" + lang + "\\n([\\s\\S]*?)```").exec(section);
  if (!m?.[1]) throw new Error(`no ${lang} block in "Deploying for your team"`);
  return m[1];
}

describe('README "Deploying for your team"', () => {
  it("exists and uses npm scripts that exist", () => {
    expect(start).toBeGreaterThan(0);
    const used = [...section.matchAll(/npm run ([a-z:-]+)/g)].map((m) => m[1] as string);
    expect(used).toEqual(expect.arrayContaining(["package", "build", "validate"]));
    for (const name of used) expect(scripts).toHaveProperty([name]);
  });

  it("gives a web.config that is well-formed and disables caching", () => {
    const { root, errors } = parseXml(block("xml"));
    expect(errors).toEqual([]);
    expect(root?.local).toBe("configuration");
    expect(block("xml")).toContain('<clientCache cacheControlMode="DisableCache" />');
    for (const ext of [".js", ".json", ".xml", ".svg"])
      expect(block("xml")).toContain(`<mimeMap fileExtension="${ext}"`);
  });

  it("gives an nginx block serving the folder with no-cache", () => {
    const nginx = block("nginx");
    expect(nginx).toMatch(/location \/addins\/cdrp\/ \{\s+alias [^;]+\/;/);
    expect(nginx).toContain('add_header Cache-Control "no-cache" always;');
    expect(nginx.split("{").length).toBe(nginx.split("}").length);
  });

  it("names the caching to avoid, the admin centre path, the CDN and the untried steps", () => {
    expect(section).toMatch(/`manifest\.xml`, `functions\.json` and `functions\.js`/);
    expect(section).toContain("**Settings > Integrated apps > Upload custom");
    expect(section).toContain("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    expect(section).toContain("### What was tried here, and what was not");
  });

  it("matches the Office.js script tag the pages really load", () => {
    for (const page of ["src/taskpane/taskpane.html", "src/commands/commands.html"]) {
      const html = fs.readFileSync(path.join(ROOT, page), "utf8");
      const external = [...html.matchAll(/src="(https:[^"]+)"/g)].map((m) => m[1]);
      expect(external).toEqual(["https://appsforoffice.microsoft.com/lib/1/hosted/office.js"]);
    }
  });
});
