/**
 * The build-time move of the manifest to a real address (scripts/addin-base.js): which bases are
 * accepted, how package.json's version becomes <Version>, and that the rewritten manifest passes
 * every manifest rule for any base while keeping its Id.
 */
import fc from "fast-check";
import * as fs from "fs";
import * as path from "path";
import {
  BuildSettingError,
  DEV_BASE_URL,
  manifestVersion,
  parseBaseUrl,
  rewriteManifest,
} from "../../scripts/addin-base";
import { checkManifest, parseXml, XmlElement } from "../../scripts/check-manifest";

const ROOT = path.resolve(__dirname, "..", "..");
const manifest = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const BASE = "https://intranet.example/addins/cdrp/";

function all(el: XmlElement): XmlElement[] {
  return [el, ...el.children.flatMap(all)];
}

/** Every URL a manifest names, in attributes or text (namespace declarations aside). */
function manifestUrls(xml: string): string[] {
  const { root } = parseXml(xml);
  if (!root) throw new Error("manifest does not parse");
  return all(root).flatMap((el) => [
    ...Object.entries(el.attrs)
      .filter(([name, value]) => !name.startsWith("xmlns") && /^https?:\/\//i.test(value))
      .map(([, value]) => value),
    ...(/^\s*https?:\/\//i.test(el.text) ? [el.text.trim()] : []),
  ]);
}

function text(xml: string, local: string): string | undefined {
  const { root } = parseXml(xml);
  return root
    ? all(root)
        .find((e) => e.local === local)
        ?.text.trim()
    : undefined;
}

function thrown(f: () => unknown): Error {
  try {
    f();
  } catch (err) {
    if (err instanceof Error) return err;
  }
  throw new Error("expected an error");
}

describe("ADDIN_BASE_URL", () => {
  it("is the dev server when unset or empty", () => {
    expect(DEV_BASE_URL).toBe("https://localhost:3000/");
    expect(parseBaseUrl(undefined)).toBe(DEV_BASE_URL);
    expect(parseBaseUrl("")).toBe(DEV_BASE_URL);
    expect(parseBaseUrl("  ")).toBe(DEV_BASE_URL);
  });

  it("is a folder: a missing final slash is added, the host lower-cased", () => {
    expect(parseBaseUrl(BASE)).toBe(BASE);
    expect(parseBaseUrl("https://intranet.example/addins/cdrp")).toBe(BASE);
    expect(parseBaseUrl(" https://Intranet.EXAMPLE/addins/cdrp/ ")).toBe(BASE);
    expect(parseBaseUrl("https://addins.example")).toBe("https://addins.example/");
    expect(parseBaseUrl("https://addins.example:8443/cdrp/")).toBe(
      "https://addins.example:8443/cdrp/"
    );
  });

  it.each([
    ["http://intranet.example/addins/cdrp/", /is not https: Office only loads add-ins over https/],
    ["ftp://intranet.example/cdrp/", /is not https/],
    ["intranet.example/addins/cdrp/", /is not a URL/],
    ["not a url", /is not a URL/],
    ["https://", /is not a URL/],
    ["https://jo:secret@intranet.example/cdrp/", /user name or password/],
    ["https://intranet.example/cdrp/?v=2", /query or fragment/],
    ["https://intranet.example/cdrp/#top", /query or fragment/],
  ])("rejects %s with a sentence naming it", (raw, reason) => {
    const err = thrown(() => parseBaseUrl(raw));
    expect(err).toBeInstanceOf(BuildSettingError);
    expect(err.message).toMatch(/^ADDIN_BASE_URL "/);
    expect(err.message).toContain(raw);
    expect(err.message).toMatch(reason);
  });
});

describe("manifest <Version> from package.json", () => {
  it.each([
    ["0.1.0", "0.1.0.0"],
    ["1.2.3", "1.2.3.0"],
    ["12345.0.99999", "12345.0.99999.0"],
  ])("%s -> %s", (semver, office) => {
    expect(manifestVersion(semver)).toBe(office);
  });

  it.each(["1.0.0-beta.1", "1.0.0+build.5", "123456.0.0", "1.0", "v1.0.0", ""])(
    "rejects %j: Office versions are up to four dotted numbers of five digits",
    (semver) => {
      const err = thrown(() => manifestVersion(semver));
      expect(err).toBeInstanceOf(BuildSettingError);
      expect(err.message).toContain("four dotted numbers");
    }
  );

  it("the repository's package.json version is one", () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
      version: string;
    };
    expect(manifestVersion(version)).toMatch(/^\d+\.\d+\.\d+\.0$/);
  });
});

describe("the manifest rewritten for a base", () => {
  const built = rewriteManifest(manifest, { baseUrl: BASE, version: "2.3.4.0" });

  it("has every URL under the base and no localhost", () => {
    const urls = manifestUrls(built);
    expect(urls.length).toBe(manifestUrls(manifest).length);
    expect(urls.length).toBeGreaterThanOrEqual(8);
    for (const url of urls) expect(url.startsWith(BASE)).toBe(true);
    expect(built).not.toMatch(/localhost/i);
  });

  it("passes every manifest rule, icons found beside the start page", () => {
    expect(checkManifest(built, { rootDir: ROOT }).issues).toEqual([]);
  });

  it("keeps the Id, takes the Version, and changes nothing else", () => {
    expect(text(built, "Id")).toBe(text(manifest, "Id"));
    expect(text(built, "Version")).toBe("2.3.4.0");
    const back = built.split(BASE).join(DEV_BASE_URL);
    expect(back.replace("<Version>2.3.4.0</Version>", "")).toBe(
      manifest.replace(/<Version>[^<]*<\/Version>/, "")
    );
  });

  it("declares no AppDomains: the pane never navigates off its own origin", () => {
    // Office.js is a script, not a navigation, so it needs no AppDomain. A dialog, a link or
    // window.open to another host would need one here (and a line in the README).
    expect(built).not.toContain("<AppDomains");
    const sources = fs
      .readdirSync(path.join(ROOT, "src"), { recursive: true, encoding: "utf8" })
      .filter((f) => /\.(tsx?|html)$/.test(f))
      .map((f) => fs.readFileSync(path.join(ROOT, "src", f), "utf8"));
    expect(sources.length).toBeGreaterThan(10);
    for (const source of sources) {
      expect(source).not.toMatch(
        /displayDialogAsync|openBrowserWindow|window\.open\(|location\.(assign|replace)\(|location\.href\s*=|<a\s[^>]*href=/
      );
    }
  });

  it("sends nothing: no network API anywhere in src (README, 'What it loads ... and what it sends')", () => {
    const files = fs
      .readdirSync(path.join(ROOT, "src"), { recursive: true, encoding: "utf8" })
      .filter((f) => /\.(tsx?|html)$/.test(f));
    for (const f of files) {
      const source = fs.readFileSync(path.join(ROOT, "src", f), "utf8");
      expect([
        f,
        source.match(/\bfetch\(|XMLHttpRequest|WebSocket|sendBeacon|EventSource/)?.[0],
      ]).toEqual([f, undefined]);
    }
  });

  it("passes for any https base with a path, a port or characters XML must escape", () => {
    const segment = fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,11}$/);
    const base = fc.record({
      host: fc.stringMatching(/^[a-z][a-z0-9-]{0,14}\.(example|org|gov\.uk)$/),
      port: fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }),
      path: fc.array(fc.oneof(segment, fc.constant("a&b"), fc.constant("it's")), { maxLength: 4 }),
    });
    fc.assert(
      fc.property(base, ({ host, port, path: segments }) => {
        const raw = `https://${host}${port ? `:${port}` : ""}/${segments.join("/")}`;
        const baseUrl = parseBaseUrl(raw);
        const xml = rewriteManifest(manifest, { baseUrl, version: "1.0.0.0" });
        expect(checkManifest(xml, { rootDir: ROOT }).issues).toEqual([]);
        for (const url of manifestUrls(xml)) expect(url.startsWith(baseUrl)).toBe(true);
        expect(xml).not.toMatch(/localhost/i);
      }),
      { numRuns: 60 }
    );
  });

  it("writes an & in the base as &amp;", () => {
    const xml = rewriteManifest(manifest, {
      baseUrl: parseBaseUrl("https://h.example/a&b/"),
      version: "1.0.0.0",
    });
    expect(xml).toContain('DefaultValue="https://h.example/a&amp;b/taskpane.html"');
    expect(parseXml(xml).errors).toEqual([]);
  });

  it("keeps localhost for the plain build, with the version", () => {
    const dev = rewriteManifest(manifest, { baseUrl: DEV_BASE_URL, version: "0.1.0.0" });
    expect(dev).toBe(manifest.replace(/<Version>[^<]*<\/Version>/, "<Version>0.1.0.0</Version>"));
  });
});

describe("the rewrite refuses a manifest it cannot move", () => {
  const target = { baseUrl: BASE, version: "1.0.0.0" };

  it("a localhost URL not written as https://localhost:3000/, naming its line", () => {
    const xml = manifest.replace(
      "https://localhost:3000/functions.json",
      "https://localhost:4000/functions.json"
    );
    const line = xml.slice(0, xml.indexOf("localhost:4000")).split("\n").length;
    const err = thrown(() => rewriteManifest(xml, target));
    expect(err).toBeInstanceOf(BuildSettingError);
    expect(err.message).toContain(`manifest.xml line ${line} still names localhost`);
  });

  it("no dev-server URL at all", () => {
    const xml = manifest.split(DEV_BASE_URL).join("https://elsewhere.example/");
    expect(thrown(() => rewriteManifest(xml, target)).message).toMatch(/has no URL under/);
  });

  it("no <Version>, or two", () => {
    const none = manifest.replace(/<Version>[^<]*<\/Version>/, "");
    const two = manifest.replace(/(<Version>[^<]*<\/Version>)/, "$1$1");
    expect(thrown(() => rewriteManifest(none, target)).message).toContain("0 <Version> elements");
    expect(thrown(() => rewriteManifest(two, target)).message).toContain("2 <Version> elements");
  });
});
