/** Types for scripts/check-manifest.js, which stays plain Node so `npm run validate` needs no build. */

export declare const ISSUE: Readonly<{
  XML_MALFORMED: "XML_MALFORMED";
  NOT_OFFICE_APP: "NOT_OFFICE_APP";
  ELEMENT_MISSING: "ELEMENT_MISSING";
  ELEMENT_ORDER: "ELEMENT_ORDER";
  ID_NOT_GUID: "ID_NOT_GUID";
  ID_FROM_TEMPLATE: "ID_FROM_TEMPLATE";
  VERSION_FORMAT: "VERSION_FORMAT";
  HOST_MISSING: "HOST_MISSING";
  RESID_UNDEFINED: "RESID_UNDEFINED";
  RESID_WRONG_KIND: "RESID_WRONG_KIND";
  RESID_TOO_LONG: "RESID_TOO_LONG";
  RESOURCE_UNUSED: "RESOURCE_UNUSED";
  RESOURCE_DUPLICATE: "RESOURCE_DUPLICATE";
  STRING_TOO_LONG: "STRING_TOO_LONG";
  CONTROL_ID_DUPLICATE: "CONTROL_ID_DUPLICATE";
  URL_NOT_HTTPS: "URL_NOT_HTTPS";
  URL_INVALID: "URL_INVALID";
  URL_THIRD_PARTY_HOST: "URL_THIRD_PARTY_HOST";
  RUNTIME_MISSING: "RUNTIME_MISSING";
  RUNTIME_LIFETIME: "RUNTIME_LIFETIME";
  RUNTIME_RESID_MISMATCH: "RUNTIME_RESID_MISMATCH";
  TASKPANE_ID_SHARED_RUNTIME: "TASKPANE_ID_SHARED_RUNTIME";
  SUPPORT_URL_MISSING: "SUPPORT_URL_MISSING";
  CUSTOM_FUNCTIONS_MISSING: "CUSTOM_FUNCTIONS_MISSING";
  NAMESPACE_WRONG: "NAMESPACE_WRONG";
  REQUIREMENT_MISSING: "REQUIREMENT_MISSING";
  REQUIREMENT_TOO_LOW: "REQUIREMENT_TOO_LOW";
  REQUIREMENT_TOO_HIGH: "REQUIREMENT_TOO_HIGH";
  FUNCTIONS_RUNTIME_MISMATCH: "FUNCTIONS_RUNTIME_MISMATCH";
  ICON_MISSING: "ICON_MISSING";
  ICON_NOT_PNG: "ICON_NOT_PNG";
  ICON_SIZE: "ICON_SIZE";
}>;

export type IssueCode = (typeof ISSUE)[keyof typeof ISSUE];

export interface ManifestIssue {
  code: IssueCode;
  message: string;
  /** 1-based line in the manifest, when the issue belongs to an element. */
  line?: number;
}

export interface CheckOptions {
  /** Folder that URL paths such as /assets/icon-16.png resolve against (default: cwd). */
  rootDir?: string;
  /** Expected custom functions namespace (default "CDRP"). */
  namespace?: string;
  /** Office host the manifest must target (default "Workbook"). */
  host?: string;
  /** Requirement sets that must be declared, with their minimum versions. */
  requiredSets?: Record<string, string>;
  /** The built functions.json: its CustomFunctionsRuntime must be the one the manifest declares. */
  functionsMetadata?: { allowCustomDataForDataTypeAny?: boolean };
}

export interface XmlElement {
  name: string;
  local: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
  line: number;
  parent: XmlElement | null;
}

export declare const DEFAULT_OPTIONS: Readonly<{
  namespace: string;
  host: string;
  requiredSets: Readonly<Record<string, string>>;
}>;

export declare function checkManifest(
  xml: string,
  options?: CheckOptions
): { issues: ManifestIssue[] };
export declare function checkManifestFile(
  file: string,
  options?: CheckOptions
): { issues: ManifestIssue[] };
export declare function parseXml(text: string): {
  root: XmlElement | null;
  errors: { line: number; message: string }[];
};
export declare function functionsRuntimeNeeded(metadata: {
  allowCustomDataForDataTypeAny?: boolean;
}): { version: string; why: string };
export declare function readPngSize(buf: Buffer): { width: number; height: number } | null;
