/**
 * The manifest's silent-failure rules (scripts/check-manifest.js), run on the real manifest and on
 * deliberately broken copies: a checker that never reports anything would pass the first test alone.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import {
  checkManifest,
  ISSUE,
  IssueCode,
  parseXml,
  readPngSize,
  XmlElement,
} from "../scripts/check-manifest";

const ROOT = path.resolve(__dirname, "..");
const MANIFEST_PATH = path.join(ROOT, "manifest.xml");
const CHECKER = path.join(ROOT, "scripts", "check-manifest.js");
const manifest = fs.readFileSync(MANIFEST_PATH, "utf8");

function codes(xml: string): IssueCode[] {
  return checkManifest(xml, { rootDir: ROOT }).issues.map((i) => i.code);
}

/** The manifest with one exact, unique fragment replaced (so a manifest edit cannot make a test vacuous). */
function broken(from: string, to: string): string {
  const count = manifest.split(from).length - 1;
  if (count !== 1)
    throw new Error(`expected exactly one ${JSON.stringify(from)} in manifest.xml, found ${count}`);
  return manifest.replace(from, to);
}

function find(el: XmlElement, local: string): XmlElement[] {
  return el.children.flatMap((c) => [...(c.local === local ? [c] : []), ...find(c, local)]);
}

describe("manifest.xml", () => {
  const { root, errors } = parseXml(manifest);

  it("has no issues", () => {
    expect(checkManifest(manifest, { rootDir: ROOT }).issues).toEqual([]);
  });

  it("parses as well-formed XML with an OfficeApp root", () => {
    expect(errors).toEqual([]);
    expect(root?.local).toBe("OfficeApp");
  });

  it("has a GUID Id", () => {
    const id = root ? find(root, "Id")[0]?.text.trim() : undefined;
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  });

  it("uses one resid for the Runtime, the functions Page, the FunctionFile and the task pane", () => {
    if (!root) throw new Error("no root");
    const runtime = find(root, "Runtime")[0]?.attrs["resid"];
    const page = find(root, "Page").flatMap((p) => find(p, "SourceLocation"))[0]?.attrs["resid"];
    const functionFile = find(root, "FunctionFile")[0]?.attrs["resid"];
    const action = find(root, "Action").flatMap((a) => find(a, "SourceLocation"))[0]?.attrs[
      "resid"
    ];
    expect(runtime).toBe("Taskpane.Url");
    expect([page, functionFile, action]).toEqual([runtime, runtime, runtime]);
  });

  it("declares the CDRP namespace and the requirement sets the code uses", () => {
    expect(manifest).toContain('<bt:String id="Functions.Namespace" DefaultValue="CDRP"/>');
    expect(manifest).toContain('<Set Name="SharedRuntime" MinVersion="1.1"/>');
    expect(manifest).toContain('<Set Name="CustomFunctionsRuntime" MinVersion="1.3"/>');
    expect(manifest).toContain('<Set Name="ExcelApi" MinVersion="1.7"/>');
  });

  it.each([16, 32, 64, 80])("has a %i px square PNG icon in assets/", (size) => {
    const png = fs.readFileSync(path.join(ROOT, "assets", `icon-${size}.png`));
    expect(readPngSize(png)).toEqual({ width: size, height: size });
  });
});

describe("check-manifest reports broken manifests", () => {
  it("reports a TaskpaneId on an Action under the shared runtime (Microsoft's guidance: none)", () => {
    const xml = broken(
      '<Action xsi:type="ShowTaskpane">',
      '<Action xsi:type="ShowTaskpane">\n                    <TaskpaneId>CDRP.Taskpane</TaskpaneId>'
    );
    expect(codes(xml)).toEqual([ISSUE.TASKPANE_ID_SHARED_RUNTIME]);
  });

  it("reports a missing SupportUrl", () => {
    const xml = broken('  <SupportUrl DefaultValue="https://localhost:3000/support.html"/>\n', "");
    expect(codes(xml)).toEqual([ISSUE.SUPPORT_URL_MISSING]);
  });

  it("reports a referenced resid that is not defined", () => {
    const xml = broken('        <bt:String id="Group.Label" DefaultValue="CDRP"/>\n', "");
    expect(codes(xml)).toEqual([ISSUE.RESID_UNDEFINED]);
  });

  it("reports a misspelt resid: undefined reference and unused resource", () => {
    const xml = broken('<Label resid="Group.Label"/>', '<Label resid="Group.Lable"/>');
    expect(codes(xml).sort()).toEqual([ISSUE.RESID_UNDEFINED, ISSUE.RESOURCE_UNUSED].sort());
  });

  it("reports a resid pointing into the wrong Resources section", () => {
    const xml = broken('<Label resid="Group.Label"/>', '<Label resid="TaskpaneButton.Tooltip"/>');
    expect(codes(xml)).toEqual(
      expect.arrayContaining([ISSUE.RESID_WRONG_KIND, ISSUE.RESOURCE_UNUSED])
    );
  });

  it("reports a resid longer than 32 characters", () => {
    const long = "Functions.Metadata.Url.For.The.CDRP";
    const xml = broken('"Functions.Metadata.Url"/>\n', `"${long}"/>\n`).replace(
      'id="Functions.Metadata.Url"',
      `id="${long}"`
    );
    expect(codes(xml)).toContain(ISSUE.RESID_TOO_LONG);
    expect(codes(xml)).not.toContain(ISSUE.RESID_UNDEFINED);
  });

  it("reports an http URL", () => {
    const xml = broken(
      'DefaultValue="https://localhost:3000/functions.json"',
      'DefaultValue="http://localhost:3000/functions.json"'
    );
    expect(codes(xml)).toEqual([ISSUE.URL_NOT_HTTPS]);
  });

  it("reports a URL on a third-party host", () => {
    const xml = broken(
      'DefaultValue="https://localhost:3000/functions.js"',
      'DefaultValue="https://cdn.example.com/functions.js"'
    );
    expect(codes(xml)).toEqual([ISSUE.URL_THIRD_PARTY_HOST]);
  });

  it("reports a functions Page whose resid differs from the Runtime's", () => {
    const xml = broken(
      '<Page>\n              <SourceLocation resid="Taskpane.Url"/>',
      '<Page>\n              <SourceLocation resid="Functions.Page.Url"/>'
    ).replace(
      '<bt:Url id="Taskpane.Url"',
      '<bt:Url id="Functions.Page.Url" DefaultValue="https://localhost:3000/functions.html"/>\n        <bt:Url id="Taskpane.Url"'
    );
    expect(codes(xml)).toEqual([ISSUE.RUNTIME_RESID_MISMATCH]);
  });

  it("reports a FunctionFile outside the shared runtime", () => {
    const xml = broken(
      '<FunctionFile resid="Taskpane.Url"/>',
      '<FunctionFile resid="Commands.Url"/>'
    ).replace(
      '<bt:Url id="Taskpane.Url"',
      '<bt:Url id="Commands.Url" DefaultValue="https://localhost:3000/commands.html"/>\n        <bt:Url id="Taskpane.Url"'
    );
    expect(codes(xml)).toEqual([ISSUE.RUNTIME_RESID_MISMATCH]);
  });

  it("reports a Runtime resid that matches neither the Page nor the FunctionFile", () => {
    const xml = broken('<Runtime resid="Taskpane.Url"', '<Runtime resid="Functions.Script.Url"');
    // Page, FunctionFile and the ShowTaskpane action each point elsewhere.
    expect(codes(xml)).toEqual([
      ISSUE.RUNTIME_RESID_MISMATCH,
      ISSUE.RUNTIME_RESID_MISMATCH,
      ISSUE.RUNTIME_RESID_MISMATCH,
    ]);
  });

  it("reports a short-lived runtime and a missing runtime", () => {
    expect(codes(broken('lifetime="long"', 'lifetime="short"'))).toEqual([ISSUE.RUNTIME_LIFETIME]);
    const noRuntime = broken(
      '        <Runtimes>\n          <Runtime resid="Taskpane.Url" lifetime="long"/>\n        </Runtimes>\n',
      ""
    );
    expect(codes(noRuntime)).toEqual([ISSUE.RUNTIME_MISSING]);
  });

  it("reports a namespace other than CDRP", () => {
    const xml = broken(
      'id="Functions.Namespace" DefaultValue="CDRP"',
      'id="Functions.Namespace" DefaultValue="CONTOSO"'
    );
    expect(codes(xml)).toEqual([ISSUE.NAMESPACE_WRONG]);
  });

  it("reports missing or too-old requirement sets", () => {
    expect(codes(broken('      <Set Name="SharedRuntime" MinVersion="1.1"/>\n', ""))).toEqual([
      ISSUE.REQUIREMENT_MISSING,
    ]);
    expect(
      codes(broken('      <Set Name="CustomFunctionsRuntime" MinVersion="1.3"/>\n', ""))
    ).toEqual([ISSUE.REQUIREMENT_MISSING]);
    expect(
      codes(
        broken('<Set Name="ExcelApi" MinVersion="1.7"/>', '<Set Name="ExcelApi" MinVersion="1.6"/>')
      )
    ).toEqual([ISSUE.REQUIREMENT_TOO_LOW]);
  });

  it("reports a requirement set declared above what the code needs everywhere", () => {
    // ExcelApi 1.12 was declared while src/excel needs 1.7 (issue 7, finding 6): Office 2019 and
    // early Office 2021 builds refused for nothing.
    expect(
      codes(
        broken(
          '<Set Name="ExcelApi" MinVersion="1.7"/>',
          '<Set Name="ExcelApi" MinVersion="1.12"/>'
        )
      )
    ).toEqual([ISSUE.REQUIREMENT_TOO_HIGH]);
  });

  it("reports functions metadata needing another CustomFunctionsRuntime than the manifest declares", () => {
    const check = (meta: { allowCustomDataForDataTypeAny?: boolean }) =>
      checkManifest(manifest, { rootDir: ROOT, functionsMetadata: meta }).issues.map((i) => i.code);
    expect(check({})).toEqual([]);
    // allowCustomDataForDataTypeAny is CustomFunctionsRuntime 1.4, which perpetual Office lacks.
    expect(check({ allowCustomDataForDataTypeAny: true })).toEqual([
      ISSUE.FUNCTIONS_RUNTIME_MISMATCH,
    ]);
  });

  it("reports an icon of the wrong size and an icon with no file", () => {
    const wrongSize = broken(
      'id="Icon.16x16" DefaultValue="https://localhost:3000/assets/icon-16.png"',
      'id="Icon.16x16" DefaultValue="https://localhost:3000/assets/icon-32.png"'
    );
    expect(codes(wrongSize)).toEqual([ISSUE.ICON_SIZE]);
    const missing = broken(
      '<HighResolutionIconUrl DefaultValue="https://localhost:3000/assets/icon-64.png"/>',
      '<HighResolutionIconUrl DefaultValue="https://localhost:3000/assets/icon-128.png"/>'
    );
    expect(codes(missing)).toEqual([ISSUE.ICON_MISSING]);
  });

  it("reports a non-GUID Id and the template's Id", () => {
    const id = /<Id>([^<]*)<\/Id>/.exec(manifest)?.[1] ?? "";
    expect(codes(broken(`<Id>${id}</Id>`, "<Id>cdrp-addin</Id>"))).toEqual([ISSUE.ID_NOT_GUID]);
    expect(
      codes(broken(`<Id>${id}</Id>`, "<Id>05c2e1c9-3e1d-406e-9a91-e9ac64854143</Id>"))
    ).toEqual([ISSUE.ID_FROM_TEMPLATE]);
  });

  it("reports duplicate resources and unused ones", () => {
    const xml = broken(
      '<bt:String id="Group.Label" DefaultValue="CDRP"/>',
      '<bt:String id="Group.Label" DefaultValue="CDRP"/>\n        <bt:String id="Group.Label" DefaultValue="Again"/>\n        <bt:String id="Spare.Label" DefaultValue="Spare"/>'
    );
    expect(codes(xml).sort()).toEqual([ISSUE.RESOURCE_DUPLICATE, ISSUE.RESOURCE_UNUSED].sort());
  });

  it("reports malformed XML instead of throwing", () => {
    const xml = broken("</Resources>", "");
    const result = checkManifest(xml, { rootDir: ROOT });
    expect(result.issues.map((i) => i.code)).toContain(ISSUE.XML_MALFORMED);
    expect(checkManifest("not xml at all", { rootDir: ROOT }).issues[0]?.code).toBe(
      ISSUE.XML_MALFORMED
    );
  });

  it("reports top-level elements out of schema order", () => {
    const idLine = /  <Id>[^<]*<\/Id>\n/.exec(manifest)?.[0] ?? "";
    const xml = broken(idLine, "").replace("  <Permissions>", `${idLine}  <Permissions>`);
    expect(codes(xml)).toContain(ISSUE.ELEMENT_ORDER);
  });
});

describe("check-manifest command line", () => {
  it("exits 0 on the real manifest", () => {
    const run = spawnSync(process.execPath, [CHECKER, MANIFEST_PATH], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  });

  it("exits 1 and names each issue on a broken copy", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cdrp-manifest-"));
    try {
      fs.cpSync(path.join(ROOT, "assets"), path.join(dir, "assets"), { recursive: true });
      const file = path.join(dir, "manifest.xml");
      fs.writeFileSync(
        file,
        broken("https://localhost:3000/functions.json", "http://localhost:3000/functions.json")
      );
      const run = spawnSync(process.execPath, [CHECKER, file], { encoding: "utf8" });
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/manifest\.xml:\d+: URL_NOT_HTTPS: /);
      expect(run.stderr).toContain("1 issue(s)");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
