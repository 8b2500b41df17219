/**
 * How the command line package is made (scripts/cli-package.js): its dependencies are what lib/
 * requires at run time, pinned as the repository pins them, and its bundled tree is the part of
 * package-lock.json those reach, nested copies included, and nothing of the add-in's.
 */
import * as fs from "fs";
import * as path from "path";
import {
  cliPackageJson,
  jsFiles,
  LockEntry,
  packageOf,
  pinnedDependencies,
  requiredPackages,
  runtimeTree,
} from "../../scripts/cli-package";

const ROOT = path.resolve(__dirname, "..", "..");
const rootPackage = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
  version: string;
  license: string;
  engines: Record<string, string>;
  dependencies: Record<string, string>;
};
const lock = JSON.parse(fs.readFileSync(path.join(ROOT, "package-lock.json"), "utf8")) as {
  packages: Record<string, LockEntry>;
};

describe("runtime requires", () => {
  it.each([
    ["exceljs", "exceljs"],
    ["exceljs/dist/es5", "exceljs"],
    ["@fast-csv/parse", "@fast-csv/parse"],
    ["@scope/pkg/deep/file.js", "@scope/pkg"],
    ["fs", null],
    ["node:fs", null],
    ["fs/promises", null],
    ["worker_threads", null],
    ["./main.js", null],
    ["../core/index.js", null],
  ])("%s is %s", (specifier, name) => {
    expect(packageOf(specifier)).toBe(name);
  });

  it("finds require() and import() of packages, not built-ins or local files", () => {
    const sources = [
      'const a = require("exceljs"); const b = require("./x.js"); const c = require("path");',
      "const z = require('jszip');\nconst y = await import(\"@scope/pkg/sub\");",
      "// text that mentions require only in passing",
    ];
    expect(requiredPackages(sources)).toEqual(["@scope/pkg", "exceljs", "jszip"]);
  });

  it("pins each as package.json does, and names one that is missing from dependencies", () => {
    expect(pinnedDependencies(["exceljs", "jszip"], rootPackage)).toEqual({
      exceljs: rootPackage.dependencies["exceljs"],
      jszip: rootPackage.dependencies["jszip"],
    });
    expect(() => pinnedDependencies(["exceljs", "left-pad"], rootPackage)).toThrow(
      /lib\/ requires left-pad at run time but package.json's "dependencies" does not list it/
    );
  });

  it("the compiled command line needs its dependencies and none of the pane's", () => {
    const lib = path.join(ROOT, "lib");
    if (!fs.existsSync(path.join(lib, "cli", "main.js")))
      throw new Error("lib/ is missing: run `npm run build:cli` (npm test does it first)");
    const names = requiredPackages(jsFiles(lib).map((f) => fs.readFileSync(f, "utf8")));
    expect(names).toEqual(expect.arrayContaining(["exceljs", "saxes"]));
    for (const name of names) expect(rootPackage.dependencies).toHaveProperty([name]);
    for (const name of names) expect(name).not.toMatch(/^(react|react-dom|@fluentui\/.*)$/);
  });
});

describe("the command line's package.json", () => {
  const pkg = cliPackageJson(rootPackage, { exceljs: "4.4.0", jszip: "3.10.1" });

  it("is cdrp at the repository's version, with the cdrp command and only lib/, bin/ and data/", () => {
    expect(pkg).toMatchObject({
      name: "cdrp",
      version: rootPackage.version,
      private: true,
      bin: { cdrp: "bin/cdrp.js" },
      files: ["bin", "lib", "data"],
      engines: rootPackage.engines,
    });
  });

  it("depends on exactly what it is given, all of it bundled", () => {
    expect(pkg.dependencies).toEqual({ exceljs: "4.4.0", jszip: "3.10.1" });
    expect(pkg.bundleDependencies).toEqual(["exceljs", "jszip"]);
  });
});

describe("the bundled tree", () => {
  it("follows Node's lookup: a nested copy first, then each folder up", () => {
    const packages: Record<string, LockEntry> = {
      "": { dependencies: { a: "1", dev: "1" } },
      "node_modules/a": { version: "1.0.0", dependencies: { b: "^2", c: "^1" } },
      "node_modules/a/node_modules/b": { version: "2.0.0", dependencies: { c: "^1", d: "^1" } },
      "node_modules/b": { version: "1.0.0" },
      "node_modules/c": { version: "1.0.0", optionalDependencies: { gone: "1" } },
      "node_modules/d": { version: "1.0.0", peerDependencies: { a: "1" } },
      "node_modules/dev": { version: "1.0.0", dev: true },
      "node_modules/unused": { version: "1.0.0" },
    };
    expect(runtimeTree({ packages }, { a: "1" })).toEqual([
      "node_modules/a",
      "node_modules/a/node_modules/b",
      "node_modules/c",
      "node_modules/d",
    ]);
  });

  it("stops on a dependency the lock does not hold", () => {
    const packages: Record<string, LockEntry> = {
      "node_modules/a": { version: "1.0.0", dependencies: { missing: "1" } },
    };
    expect(() => runtimeTree({ packages }, { a: "1" })).toThrow(/package-lock.json has no missing/);
  });

  it("from the real lock: exceljs and jszip with their own, none of React, Fluent or the tools", () => {
    const tree = runtimeTree(lock, { exceljs: "4.4.0", jszip: "3.10.1" });
    expect(tree).toEqual(
      expect.arrayContaining([
        "node_modules/exceljs",
        "node_modules/jszip",
        "node_modules/archiver",
      ])
    );
    for (const at of tree) {
      expect(at).not.toMatch(
        /node_modules\/(react|react-dom|@fluentui\/[^/]+|webpack|typescript|jest|@microsoft\/office-js)$/
      );
      expect(lock.packages[at]?.dev).not.toBe(true);
    }
  });
});
