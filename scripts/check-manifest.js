#!/usr/bin/env node
/**
 * Offline checks for the add-in-only (XML) manifest: the mistakes that make Office drop a button,
 * a function or the whole add-in without saying why. `office-addin-manifest validate` needs a
 * Microsoft web service and no XSD ships for shared runtimes, so this is what runs in CI.
 *
 *   node scripts/check-manifest.js [manifest.xml]     (exit code 1 when an issue is found)
 *
 * Plain Node with no dependencies: a small XML parser is enough for a manifest (no DTDs, no
 * entities beyond the predefined ones). Issues are collected and returned, never thrown, so one run
 * reports everything and the tests can assert on each rule.
 */
"use strict";

const fs = require("fs");
const path = require("path");

/** Issue codes: stable names the tests and CI output can rely on. */
const ISSUE = Object.freeze({
  XML_MALFORMED: "XML_MALFORMED",
  NOT_OFFICE_APP: "NOT_OFFICE_APP",
  ELEMENT_MISSING: "ELEMENT_MISSING",
  ELEMENT_ORDER: "ELEMENT_ORDER",
  ID_NOT_GUID: "ID_NOT_GUID",
  ID_FROM_TEMPLATE: "ID_FROM_TEMPLATE",
  VERSION_FORMAT: "VERSION_FORMAT",
  HOST_MISSING: "HOST_MISSING",
  RESID_UNDEFINED: "RESID_UNDEFINED",
  RESID_WRONG_KIND: "RESID_WRONG_KIND",
  RESID_TOO_LONG: "RESID_TOO_LONG",
  RESOURCE_UNUSED: "RESOURCE_UNUSED",
  RESOURCE_DUPLICATE: "RESOURCE_DUPLICATE",
  STRING_TOO_LONG: "STRING_TOO_LONG",
  CONTROL_ID_DUPLICATE: "CONTROL_ID_DUPLICATE",
  URL_NOT_HTTPS: "URL_NOT_HTTPS",
  URL_INVALID: "URL_INVALID",
  URL_THIRD_PARTY_HOST: "URL_THIRD_PARTY_HOST",
  RUNTIME_MISSING: "RUNTIME_MISSING",
  RUNTIME_LIFETIME: "RUNTIME_LIFETIME",
  RUNTIME_RESID_MISMATCH: "RUNTIME_RESID_MISMATCH",
  TASKPANE_ID_SHARED_RUNTIME: "TASKPANE_ID_SHARED_RUNTIME",
  SUPPORT_URL_MISSING: "SUPPORT_URL_MISSING",
  CUSTOM_FUNCTIONS_MISSING: "CUSTOM_FUNCTIONS_MISSING",
  NAMESPACE_WRONG: "NAMESPACE_WRONG",
  REQUIREMENT_MISSING: "REQUIREMENT_MISSING",
  REQUIREMENT_TOO_LOW: "REQUIREMENT_TOO_LOW",
  REQUIREMENT_TOO_HIGH: "REQUIREMENT_TOO_HIGH",
  FUNCTIONS_RUNTIME_MISMATCH: "FUNCTIONS_RUNTIME_MISMATCH",
  ICON_MISSING: "ICON_MISSING",
  ICON_NOT_PNG: "ICON_NOT_PNG",
  ICON_SIZE: "ICON_SIZE",
});

const DEFAULT_OPTIONS = Object.freeze({
  namespace: "CDRP",
  host: "Workbook",
  /**
   * What the code needs on every platform, no more: a higher MinVersion refuses Excel builds for
   * nothing. ExcelApi 1.7: the highest [Api set] of any member src/excel always uses (chart series
   * and workbook protection); newer members are asked for with isSetSupported
   * (src/excel/capabilities.ts). SharedRuntime 1.1: what puts the task pane and the functions in
   * one runtime (configure-your-add-in-to-use-a-shared-runtime.md, "Configure the manifest"); its
   * API, Office.addin, is not called. CustomFunctionsRuntime 1.3:
   * CustomFunctions.ErrorCode (its [Api set] in @types/custom-functions-runtime).
   */
  requiredSets: Object.freeze({
    ExcelApi: "1.7",
    SharedRuntime: "1.1",
    CustomFunctionsRuntime: "1.3",
  }),
});

/** Ids shipped in the yo office templates: two add-ins with one Id replace each other when sideloaded. */
const TEMPLATE_IDS = new Set(["05c2e1c9-3e1d-406e-9a91-e9ac64854143"]);

/** Order of the OfficeApp children we use, as the schema's sequence requires (others unchecked). */
const TOP_LEVEL_ORDER = [
  "Id",
  "AlternateId",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "AppDomains",
  "Hosts",
  "Requirements",
  "DefaultSettings",
  "Permissions",
  "VersionOverrides",
];
const TOP_LEVEL_REQUIRED = [
  "Id",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "DefaultSettings",
  "Permissions",
];

/** Documented limits of the add-in-only manifest. */
const MAX_RESID_LENGTH = 32;
const MAX_SHORT_STRING = 125;
const MAX_LONG_STRING = 250;
const MAX_URL_LENGTH = 2048;

/** Which Resources section a referencing element must point into. */
const RESOURCE_KIND_BY_ELEMENT = {
  Image: "Images",
  SourceLocation: "Urls",
  FunctionFile: "Urls",
  Runtime: "Urls",
  Override: "Urls",
  LearnMoreUrl: "Urls",
  Namespace: "ShortStrings",
  Label: "ShortStrings",
  Title: "ShortStrings",
  Description: "LongStrings",
};
const RESOURCE_ELEMENT_BY_SECTION = {
  Images: "Image",
  Urls: "Url",
  ShortStrings: "String",
  LongStrings: "String",
};

// ---------------------------------------------------------------------------------------------
// A small XML parser: elements, attributes, text, comments, CDATA, processing instructions.

/**
 * @typedef {{ name: string, local: string, attrs: Record<string, string>, children: XmlElement[],
 *   text: string, line: number, parent: XmlElement | null }} XmlElement
 */

const PREDEFINED_ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decodeEntities(s, onError) {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);|&/g, (whole, ref) => {
    if (ref === undefined) {
      onError("bare '&' (write &amp;)");
      return whole;
    }
    if (ref[0] === "#") {
      const code = ref[1] === "x" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return String.fromCodePoint(code);
    }
    if (ref in PREDEFINED_ENTITIES) return PREDEFINED_ENTITIES[ref];
    onError(`unknown entity &${ref};`);
    return whole;
  });
}

function localName(name) {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

/**
 * Parses XML text into an element tree.
 * @param {string} text
 * @returns {{ root: XmlElement | null, errors: { line: number, message: string }[] }}
 */
function parseXml(text) {
  const errors = [];
  const lineStarts = [0];
  for (let k = 0; k < text.length; k++) if (text.charCodeAt(k) === 10) lineStarts.push(k + 1);
  const lineAt = (offset) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const fail = (offset, message) => errors.push({ line: lineAt(offset), message });

  /** @type {XmlElement[]} */
  const stack = [];
  /** @type {XmlElement | null} */
  let root = null;
  const nameRe = /[A-Za-z_][\w.:-]*/y;
  const attrRe = /\s+([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y;
  const tagEndRe = /\s*(\/?)>/y;

  let i = 0;
  while (i < text.length) {
    const lt = text.indexOf("<", i);
    const textEnd = lt < 0 ? text.length : lt;
    if (textEnd > i) {
      const chunk = text.slice(i, textEnd);
      const top = stack[stack.length - 1];
      if (top) top.text += decodeEntities(chunk, (m) => fail(i, m));
      else if (chunk.trim() !== "") fail(i, "text outside the root element");
    }
    if (lt < 0) break;

    const skipTo = (terminator, what) => {
      const end = text.indexOf(terminator, lt);
      if (end < 0) {
        fail(lt, `unterminated ${what}`);
        return text.length;
      }
      return end + terminator.length;
    };
    if (text.startsWith("<!--", lt)) {
      i = skipTo("-->", "comment");
      continue;
    }
    if (text.startsWith("<![CDATA[", lt)) {
      const end = skipTo("]]>", "CDATA section");
      const top = stack[stack.length - 1];
      if (top) top.text += text.slice(lt + 9, Math.max(lt + 9, end - 3));
      i = end;
      continue;
    }
    if (text.startsWith("<?", lt)) {
      i = skipTo("?>", "processing instruction");
      continue;
    }
    if (text.startsWith("<!", lt)) {
      i = skipTo(">", "declaration");
      continue;
    }
    if (text.startsWith("</", lt)) {
      const end = text.indexOf(">", lt);
      if (end < 0) {
        fail(lt, "unterminated end tag");
        break;
      }
      const name = text.slice(lt + 2, end).trim();
      const top = stack.pop();
      if (!top) fail(lt, `end tag </${name}> without a start tag`);
      else if (top.name !== name)
        fail(lt, `end tag </${name}> does not match <${top.name}> (line ${top.line})`);
      i = end + 1;
      continue;
    }

    nameRe.lastIndex = lt + 1;
    const nameMatch = nameRe.exec(text);
    if (!nameMatch) {
      fail(lt, "'<' that does not start a tag (write &lt;)");
      i = lt + 1;
      continue;
    }
    /** @type {XmlElement} */
    const element = {
      name: nameMatch[0],
      local: localName(nameMatch[0]),
      attrs: {},
      children: [],
      text: "",
      line: lineAt(lt),
      parent: stack[stack.length - 1] || null,
    };
    let pos = nameRe.lastIndex;
    for (;;) {
      attrRe.lastIndex = pos;
      const a = attrRe.exec(text);
      if (!a) break;
      if (a[1] in element.attrs) fail(pos, `attribute ${a[1]} repeated on <${element.name}>`);
      const raw = a[2] !== undefined ? a[2] : a[3];
      element.attrs[a[1]] = decodeEntities(raw, (m) => fail(pos, m));
      pos = attrRe.lastIndex;
    }
    tagEndRe.lastIndex = pos;
    const tagEnd = tagEndRe.exec(text);
    if (!tagEnd) {
      fail(lt, `malformed start tag <${element.name}>`);
      const gt = text.indexOf(">", pos);
      i = gt < 0 ? text.length : gt + 1;
      continue;
    }
    i = tagEndRe.lastIndex;
    if (element.parent) element.parent.children.push(element);
    else if (root) fail(lt, `second root element <${element.name}>`);
    else root = element;
    if (tagEnd[1] !== "/") stack.push(element);
  }
  for (const open of stack) fail(text.length, `<${open.name}> (line ${open.line}) is never closed`);
  if (!root && errors.length === 0) fail(0, "no root element");
  return { root, errors };
}

// ---------------------------------------------------------------------------------------------
// Tree helpers (by local name, so the bt: / ov: prefixes chosen by the author do not matter).

function attr(el, local) {
  for (const [name, value] of Object.entries(el.attrs)) {
    if (name !== "xmlns" && !name.startsWith("xmlns:") && localName(name) === local) return value;
  }
  return undefined;
}

function kids(el, local) {
  return el ? el.children.filter((c) => c.local === local) : [];
}

function kid(el, local) {
  return kids(el, local)[0];
}

/** Follows a slash-separated path of local names; returns every match. */
function select(el, pathSpec) {
  let current = el ? [el] : [];
  for (const step of pathSpec.split("/")) current = current.flatMap((c) => kids(c, step));
  return current;
}

function descendants(el, predicate, out = []) {
  for (const c of el.children) {
    if (predicate(c)) out.push(c);
    descendants(c, predicate, out);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// PNG size from the IHDR chunk.

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * Reads a PNG's pixel size from its header.
 * @param {Buffer} buf
 * @returns {{ width: number, height: number } | null} null when the bytes are not a PNG
 */
function readPngSize(buf) {
  if (buf.length < 24 || !buf.subarray(0, 8).equals(PNG_SIGNATURE)) return null;
  if (buf.toString("ascii", 12, 16) !== "IHDR") return null;
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

function compareVersions(a, b) {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let k = 0; k < Math.max(pa.length, pb.length); k++) {
    const d = (pa[k] || 0) - (pb[k] || 0);
    if (d !== 0) return d;
  }
  return 0;
}

// ---------------------------------------------------------------------------------------------
// The checks.

/**
 * The CustomFunctionsRuntime a functions.json needs. office-js-docs-reference
 * docs/requirement-sets/excel/custom-functions-requirement-sets.md: 1.4 brings the
 * allowCustomDataForDataTypeAny property; 1.3 the ErrorCode options our functions return.
 * @param {{ allowCustomDataForDataTypeAny?: boolean }} metadata
 * @returns {{ version: string, why: string }}
 */
function functionsRuntimeNeeded(metadata) {
  if (metadata.allowCustomDataForDataTypeAny === true)
    return { version: "1.4", why: "allowCustomDataForDataTypeAny" };
  return { version: "1.3", why: "CustomFunctions.ErrorCode" };
}

/**
 * Checks a manifest's text.
 * @param {string} xml manifest text
 * @param {{ rootDir?: string, namespace?: string, host?: string,
 *   requiredSets?: Record<string, string>, functionsMetadata?: object }} [options] rootDir: where
 *   URL paths such as
 *   /assets/icon-16.png are found (default: the current directory)
 * @returns {{ issues: { code: string, message: string, line?: number }[] }}
 */
function checkManifest(xml, options = {}) {
  const opts = { ...DEFAULT_OPTIONS, ...options };
  const rootDir = path.resolve(options.rootDir || process.cwd());
  /** @type {{ code: string, message: string, line?: number }[]} */
  const issues = [];
  const report = (code, message, el) =>
    issues.push(el ? { code, message, line: el.line } : { code, message });

  const { root, errors } = parseXml(xml);
  for (const e of errors)
    issues.push({ code: ISSUE.XML_MALFORMED, message: e.message, line: e.line });
  if (!root) return { issues };
  if (root.local !== "OfficeApp") {
    report(ISSUE.NOT_OFFICE_APP, `root element is <${root.name}>, expected <OfficeApp>`, root);
    return { issues };
  }

  // Top level: required elements, their order, Id, Version, host.
  for (const name of TOP_LEVEL_REQUIRED) {
    if (!kid(root, name))
      report(ISSUE.ELEMENT_MISSING, `<${name}> is required in <OfficeApp>`, root);
  }
  let lastIndex = -1;
  let lastName = "";
  for (const c of root.children) {
    const index = TOP_LEVEL_ORDER.indexOf(c.local);
    if (index < 0) continue;
    if (index < lastIndex) {
      report(ISSUE.ELEMENT_ORDER, `<${c.local}> must come before <${lastName}>`, c);
    } else {
      lastIndex = index;
      lastName = c.local;
    }
  }
  const idEl = kid(root, "Id");
  const id = idEl ? idEl.text.trim() : "";
  if (idEl && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) {
    report(ISSUE.ID_NOT_GUID, `Id "${id}" is not a GUID`, idEl);
  }
  if (TEMPLATE_IDS.has(id.toLowerCase())) {
    report(
      ISSUE.ID_FROM_TEMPLATE,
      `Id ${id} is the yo office template's: generate a new GUID`,
      idEl
    );
  }
  const versionEl = kid(root, "Version");
  if (versionEl && !/^\d{1,5}(\.\d{1,5}){0,3}$/.test(versionEl.text.trim())) {
    report(
      ISSUE.VERSION_FORMAT,
      `Version "${versionEl.text.trim()}" must be n[.n[.n[.n]]]`,
      versionEl
    );
  }
  if (!select(root, "Hosts/Host").some((h) => attr(h, "Name") === opts.host)) {
    report(
      ISSUE.HOST_MISSING,
      `<Hosts> does not declare <Host Name="${opts.host}"/>`,
      kid(root, "Hosts") || root
    );
  }

  // Resources: definitions by id, with their section.
  const versionOverrides = kid(root, "VersionOverrides");
  /** @type {Map<string, { kind: string, value: string, el: XmlElement, used: boolean }>} */
  const resources = new Map();
  for (const section of Object.keys(RESOURCE_ELEMENT_BY_SECTION)) {
    for (const el of select(
      versionOverrides,
      `Resources/${section}/${RESOURCE_ELEMENT_BY_SECTION[section]}`
    )) {
      const rid = attr(el, "id") || "";
      const value = attr(el, "DefaultValue") || "";
      if (resources.has(rid))
        report(ISSUE.RESOURCE_DUPLICATE, `resource id "${rid}" is defined twice`, el);
      else resources.set(rid, { kind: section, value, el, used: false });
      if (rid.length > MAX_RESID_LENGTH) {
        report(
          ISSUE.RESID_TOO_LONG,
          `resource id "${rid}" is longer than ${MAX_RESID_LENGTH} characters`,
          el
        );
      }
      const limit =
        section === "ShortStrings"
          ? MAX_SHORT_STRING
          : section === "LongStrings"
            ? MAX_LONG_STRING
            : MAX_URL_LENGTH;
      if (value.length > limit) {
        report(
          ISSUE.STRING_TOO_LONG,
          `${section} "${rid}" is ${value.length} characters (max ${limit})`,
          el
        );
      }
      for (const ov of kids(el, "Override")) {
        const v = attr(ov, "Value") || "";
        if (v.length > limit)
          report(ISSUE.STRING_TOO_LONG, `override of "${rid}" is longer than ${limit}`, ov);
      }
    }
  }

  // References: each resid must exist, in the right section; afterwards, each resource must be used.
  /** @param {XmlElement} el */
  const resolve = (el) => {
    const rid = attr(el, "resid");
    if (rid === undefined) return undefined;
    const def = resources.get(rid);
    if (!def) {
      report(ISSUE.RESID_UNDEFINED, `<${el.local} resid="${rid}"> refers to no resource`, el);
      return undefined;
    }
    def.used = true;
    const expected = RESOURCE_KIND_BY_ELEMENT[el.local];
    if (expected && expected !== def.kind) {
      report(
        ISSUE.RESID_WRONG_KIND,
        `<${el.local} resid="${rid}"> needs a ${expected} entry, found ${def.kind}`,
        el
      );
    }
    return def;
  };
  const referencing = descendants(root, (el) => attr(el, "resid") !== undefined);
  for (const el of referencing) {
    const rid = attr(el, "resid") || "";
    if (rid.length > MAX_RESID_LENGTH) {
      report(
        ISSUE.RESID_TOO_LONG,
        `resid "${rid}" is longer than ${MAX_RESID_LENGTH} characters`,
        el
      );
    }
    resolve(el);
  }
  for (const [rid, def] of resources) {
    if (!def.used)
      report(ISSUE.RESOURCE_UNUSED, `resource "${rid}" (${def.kind}) is never referenced`, def.el);
  }

  // Ribbon ids must be unique, or Office silently drops the later control.
  const seenIds = new Map();
  for (const el of descendants(root, (e) => e.local === "Group" || e.local === "Control")) {
    const cid = attr(el, "id");
    if (cid === undefined) continue;
    if (seenIds.has(cid)) report(ISSUE.CONTROL_ID_DUPLICATE, `id "${cid}" is used twice`, el);
    seenIds.set(cid, el);
  }

  // URLs: https only, and only on the add-in's own host (or a declared AppDomain).
  const startEl = select(root, "DefaultSettings/SourceLocation")[0];
  const startUrl = startEl ? attr(startEl, "DefaultValue") : undefined;
  const allowedHosts = new Set();
  if (startUrl) {
    try {
      allowedHosts.add(new URL(startUrl).host);
    } catch {
      // reported below with every other URL
    }
  }
  for (const d of select(root, "AppDomains/AppDomain")) {
    const text = d.text.trim();
    try {
      allowedHosts.add(new URL(/^[a-z]+:\/\//i.test(text) ? text : `https://${text}`).host);
    } catch {
      report(ISSUE.URL_INVALID, `AppDomain "${text}" is not a host or URL`, d);
    }
  }
  const checkUrl = (value, el, where) => {
    let url;
    try {
      url = new URL(value);
    } catch {
      report(ISSUE.URL_INVALID, `${where} "${value}" is not a valid URL`, el);
      return;
    }
    if (url.protocol !== "https:")
      report(ISSUE.URL_NOT_HTTPS, `${where} "${value}" is not https`, el);
    if (allowedHosts.size > 0 && !allowedHosts.has(url.host)) {
      report(
        ISSUE.URL_THIRD_PARTY_HOST,
        `${where} "${value}" is not on the add-in's host or an AppDomain`,
        el
      );
    }
  };
  const looksLikeUrl = (s) => /^[a-z][a-z0-9+.-]*:\/\//i.test(s.trim());
  for (const el of [root, ...descendants(root, () => true)]) {
    for (const [name, value] of Object.entries(el.attrs)) {
      if (name === "xmlns" || name.startsWith("xmlns:")) continue; // namespace names, never fetched
      if (looksLikeUrl(value)) checkUrl(value.trim(), el, `<${el.local} ${name}>`);
    }
    if (el.local !== "AppDomain" && looksLikeUrl(el.text))
      checkUrl(el.text.trim(), el, `<${el.local}>`);
  }

  // Shared runtime: one page hosts the task pane, the functions and the ribbon commands.
  const hostEl = select(versionOverrides, "Hosts/Host").find((h) => attr(h, "type") === opts.host);
  if (!hostEl) {
    report(
      ISSUE.HOST_MISSING,
      `<VersionOverrides> has no <Host xsi:type="${opts.host}">`,
      versionOverrides || root
    );
  }
  const runtime = select(hostEl, "Runtimes/Runtime")[0];
  const runtimeResid = runtime ? attr(runtime, "resid") : undefined;
  if (!runtime) {
    report(
      ISSUE.RUNTIME_MISSING,
      "no <Runtimes><Runtime> declared: the shared runtime needs one",
      hostEl || root
    );
  } else if (attr(runtime, "lifetime") !== "long") {
    report(
      ISSUE.RUNTIME_LIFETIME,
      `<Runtime> needs lifetime="long" for the shared runtime`,
      runtime
    );
  }
  const customFunctions = select(hostEl, "AllFormFactors/ExtensionPoint").find(
    (e) => attr(e, "type") === "CustomFunctions"
  );
  if (!customFunctions) {
    report(
      ISSUE.CUSTOM_FUNCTIONS_MISSING,
      'no <ExtensionPoint xsi:type="CustomFunctions">',
      hostEl || root
    );
  } else {
    for (const part of [
      "Script/SourceLocation",
      "Page/SourceLocation",
      "Metadata/SourceLocation",
      "Namespace",
    ]) {
      if (select(customFunctions, part).length === 0) {
        report(
          ISSUE.ELEMENT_MISSING,
          `custom functions need <${part.replace("/", "><")}>`,
          customFunctions
        );
      }
    }
    const namespaceEl = kid(customFunctions, "Namespace");
    const namespaceDef = namespaceEl ? resources.get(attr(namespaceEl, "resid") || "") : undefined;
    if (namespaceEl && namespaceDef && namespaceDef.value !== opts.namespace) {
      report(
        ISSUE.NAMESPACE_WRONG,
        `custom functions namespace is "${namespaceDef.value}", expected "${opts.namespace}"`,
        namespaceDef.el
      );
    }
  }
  if (runtimeResid !== undefined) {
    const mustMatch = [
      ...select(customFunctions, "Page/SourceLocation").map((el) => ({
        el,
        what: "custom functions <Page>",
      })),
      ...select(hostEl, "DesktopFormFactor/FunctionFile").map((el) => ({
        el,
        what: "<FunctionFile>",
      })),
      ...descendants(
        hostEl || root,
        (e) => e.local === "Action" && attr(e, "type") === "ShowTaskpane"
      ).flatMap((action) =>
        kids(action, "SourceLocation").map((el) => ({ el, what: "ShowTaskpane <SourceLocation>" }))
      ),
    ];
    for (const { el, what } of mustMatch) {
      const rid = attr(el, "resid");
      if (rid !== runtimeResid) {
        report(
          ISSUE.RUNTIME_RESID_MISMATCH,
          `${what} resid "${rid}" differs from <Runtime resid="${runtimeResid}">: it would start a second runtime`,
          el
        );
      }
    }
  }

  // configure-your-add-in-to-use-a-shared-runtime.md, "Good practice: avoid multiple task panes":
  // under a long-lived runtime no <Action> should have a <TaskpaneId> (one task pane per runtime).
  if (runtime) {
    for (const action of descendants(hostEl || root, (e) => e.local === "Action")) {
      for (const id of kids(action, "TaskpaneId")) {
        report(
          ISSUE.TASKPANE_ID_SHARED_RUNTIME,
          "<TaskpaneId> on an <Action> under a shared runtime: Microsoft's guidance is none (one task pane per shared runtime)",
          id
        );
      }
    }
  }

  // xml-manifest-overview.md lists <SupportUrl> as required (its footnote: for add-ins distributed
  // through Microsoft Marketplace); ref manifest/supporturl.md: "a page that provides support
  // information for your add-in". The add-in ships its own page, so a team can list it anywhere.
  if (select(root, "SupportUrl").length === 0) {
    report(
      ISSUE.SUPPORT_URL_MISSING,
      "no <SupportUrl>: required in the add-in's listing (xml-manifest-overview.md)",
      root
    );
  }

  // Requirement sets: declared, at the versions the code uses.
  const setsEl = select(root, "Requirements/Sets")[0];
  const defaultMin = (setsEl && attr(setsEl, "DefaultMinVersion")) || "1.1";
  const declared = new Map(
    select(root, "Requirements/Sets/Set").map((s) => [
      attr(s, "Name") || "",
      { v: attr(s, "MinVersion") || defaultMin, s },
    ])
  );
  for (const [name, min] of Object.entries(opts.requiredSets)) {
    const d = declared.get(name);
    if (!d)
      report(
        ISSUE.REQUIREMENT_MISSING,
        `requirement set ${name} ${min} is not declared`,
        setsEl || root
      );
    else if (compareVersions(d.v, min) < 0) {
      report(
        ISSUE.REQUIREMENT_TOO_LOW,
        `requirement set ${name} is declared at ${d.v}, the code needs ${min}`,
        d.s
      );
    } else if (compareVersions(d.v, min) > 0) {
      report(
        ISSUE.REQUIREMENT_TOO_HIGH,
        `requirement set ${name} is declared at ${d.v}, the code needs only ${min}: Excel builds in between would refuse the add-in for nothing`,
        d.s
      );
    }
  }

  // The generated functions.json needs a CustomFunctionsRuntime the manifest must declare.
  if (opts.functionsMetadata) {
    const need = functionsRuntimeNeeded(opts.functionsMetadata);
    const d = declared.get("CustomFunctionsRuntime");
    if (d && compareVersions(d.v, need.version) !== 0)
      report(
        ISSUE.FUNCTIONS_RUNTIME_MISMATCH,
        `functions.json needs CustomFunctionsRuntime ${need.version} (${need.why}); the manifest declares ${d.v}`,
        d.s
      );
  }

  // Icons: the file each URL serves exists and has the pixel size Office asks for.
  const iconChecks = [];
  const iconUrl = kid(root, "IconUrl");
  if (iconUrl) iconChecks.push({ el: iconUrl, url: attr(iconUrl, "DefaultValue"), size: 32 });
  const hiRes = kid(root, "HighResolutionIconUrl");
  if (hiRes) iconChecks.push({ el: hiRes, url: attr(hiRes, "DefaultValue"), size: 64 });
  for (const el of referencing.filter(
    (e) => e.local === "Image" && attr(e, "size") !== undefined
  )) {
    const def = resources.get(attr(el, "resid") || "");
    if (def && def.kind === "Images")
      iconChecks.push({ el, url: def.value, size: Number(attr(el, "size")) });
  }
  const checkedIcons = new Set();
  for (const { el, url, size } of iconChecks) {
    if (!url || checkedIcons.has(`${url}@${size}`)) continue;
    checkedIcons.add(`${url}@${size}`);
    let pathname;
    try {
      pathname = decodeURIComponent(siteRelativePath(new URL(url), startUrl));
    } catch {
      continue; // already reported as an invalid URL
    }
    const file = path.join(rootDir, pathname);
    if (!fs.existsSync(file)) {
      report(
        ISSUE.ICON_MISSING,
        `icon ${url} has no file at ${path.relative(process.cwd(), file)}`,
        el
      );
      continue;
    }
    const dims = readPngSize(fs.readFileSync(file));
    if (!dims) report(ISSUE.ICON_NOT_PNG, `icon ${url} is not a PNG`, el);
    else if (dims.width !== size || dims.height !== size) {
      report(
        ISSUE.ICON_SIZE,
        `icon ${url} is ${dims.width}x${dims.height}, expected ${size}x${size}`,
        el
      );
    }
  }

  return { issues };
}

/**
 * An icon URL's path below the folder of the add-in's start page, so that a manifest built for
 * https://host/addins/cdrp/ finds assets/ beside it as the dev one (https://localhost:3000/) does.
 * @param {URL} url
 * @param {string | undefined} startUrl
 */
function siteRelativePath(url, startUrl) {
  let base;
  try {
    base = startUrl ? new URL(".", startUrl) : undefined;
  } catch {
    base = undefined;
  }
  if (base && url.origin === base.origin && url.pathname.startsWith(base.pathname))
    return url.pathname.slice(base.pathname.length);
  return url.pathname;
}

/**
 * Reads and checks a manifest file; icon URLs are resolved against the manifest's folder.
 * @param {string} file
 * @param {Parameters<typeof checkManifest>[1]} [options]
 */
function checkManifestFile(file, options = {}) {
  const xml = fs.readFileSync(file, "utf8");
  const rootDir = path.dirname(path.resolve(file));
  // The built metadata, when there is a build: its runtime version is checked against the manifest.
  const built = path.join(rootDir, "dist", "functions.json");
  const functionsMetadata = fs.existsSync(built)
    ? JSON.parse(fs.readFileSync(built, "utf8"))
    : undefined;
  return checkManifest(xml, { rootDir, functionsMetadata, ...options });
}

function main() {
  const file = process.argv[2] || "manifest.xml";
  let result;
  try {
    result = checkManifestFile(file);
  } catch (err) {
    console.error(`${file}: cannot read: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 2;
    return;
  }
  for (const issue of result.issues) {
    console.error(`${file}${issue.line ? `:${issue.line}` : ""}: ${issue.code}: ${issue.message}`);
  }
  if (result.issues.length > 0) {
    console.error(`${file}: ${result.issues.length} issue(s)`);
    process.exitCode = 1;
  } else {
    console.log(`${file}: OK`);
  }
}

if (require.main === module) main();

module.exports = {
  checkManifest,
  checkManifestFile,
  parseXml,
  readPngSize,
  ISSUE,
  DEFAULT_OPTIONS,
  functionsRuntimeNeeded,
};
