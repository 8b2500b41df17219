/**
 * Platform profiles: what Microsoft documents for each platform the add-in targets. Sources (read
 * from the repositories, not from memory):
 * - requirement sets: office-js-docs-reference docs/requirement-sets/excel/excel-api-requirement-sets.md
 *   ("Requirement set availability"), .../excel/custom-functions-requirement-sets.md,
 *   .../common/shared-runtime-requirement-sets.md;
 * - payload limits: office-js-docs-pr docs/concepts/resource-limits-and-performance-optimization.md
 *   ("Excel add-ins") and docs/excel/performance.md ("Payload size limit best practices"): 5 MB for
 *   requests and responses in Excel on the web only; five million cells per get on all platforms;
 * - undo: office-js-docs-pr docs/excel/excel-add-ins-undo-capabilities.md ("Unsupported APIs"), a
 *   preview article until ExcelApi 1.20 made it general; before 1.20 every change an add-in makes
 *   clears Undo (OfficeDev/office-js issues 3788 and 6170: "by design");
 * - known issues: OfficeDev/office-js issue 4750 (Excel 2021 retail reports ExcelApi 1.16, but
 *   setting or reading Range.valuesAsJson fails with GeneralException, "There was an internal error
 *   while processing the request").
 */

import type { OperationInfo } from "./context";
import { FakeRichApiError, richError } from "./errors";

export type ProfileId = "web" | "windows" | "mac" | "excel2021retail" | "excel2019";

export interface PlatformProfile {
  id: ProfileId;
  label: string;
  /** Requirement sets and the highest version the platform supports. */
  sets: Readonly<Record<string, string>>;
  /** null: no documented limit on this platform. */
  requestLimitBytes: number | null;
  responseLimitBytes: number | null;
  /** APIs that do not support undo here (Class.member), from the undo document's table. */
  noUndo: readonly string[];
  /**
   * Range.values into a Text-formatted cell keeps the string as it is. Not documented for add-ins
   * (an assumption): only where the documented way (Range.valuesAsJson, ExcelApi 1.16) is missing
   * does the profile grant it, so the host is never proven by it where it has a choice.
   */
  textFormatKeepsText: boolean;
  /**
   * Members the platform claims (its sets include them) that fail anyway, with the code they fail
   * with: known issues, not documentation (each cites its OfficeDev/office-js issue).
   */
  brokenMembers: Readonly<Record<string, string>>;
}

const MB5 = 5 * 1024 * 1024;

/** "No" in the undo table's Windows-and-Mac column, for members the add-in or the fake can reach. */
const NO_UNDO_DESKTOP = [
  "Worksheet.delete",
  "Worksheet.copy",
  "Worksheet.name",
  "Worksheet.position",
  "Worksheet.visibility",
  "WorksheetProtection.protect",
  "WorksheetProtection.unprotect",
  "WorkbookProtection.protect",
  "WorkbookProtection.unprotect",
  "Chart.categoryLabelLevel",
  "Chart.seriesNameLevel",
];

/** "No" in the undo table's web column, same selection. */
const NO_UNDO_WEB = [
  "Worksheet.delete",
  "Worksheet.copy",
  "NamedItem.comment",
  "WorksheetProtection.protect",
  "WorksheetProtection.unprotect",
  "WorkbookProtection.protect",
  "WorkbookProtection.unprotect",
  "Chart.categoryLabelLevel",
  "Chart.seriesNameLevel",
];

export const PROFILES: Readonly<Record<ProfileId, PlatformProfile>> = {
  web: {
    id: "web",
    label: "Excel on the web",
    sets: { ExcelApi: "1.21", SharedRuntime: "1.2", CustomFunctionsRuntime: "1.5" },
    requestLimitBytes: MB5,
    responseLimitBytes: MB5,
    noUndo: NO_UNDO_WEB,
    textFormatKeepsText: false,
    brokenMembers: {},
  },
  windows: {
    id: "windows",
    label: "Excel for Microsoft 365 on Windows (Version 2606 or later)",
    sets: { ExcelApi: "1.21", SharedRuntime: "1.2", CustomFunctionsRuntime: "1.5" },
    requestLimitBytes: null,
    responseLimitBytes: null,
    noUndo: NO_UNDO_DESKTOP,
    textFormatKeepsText: false,
    brokenMembers: {},
  },
  mac: {
    id: "mac",
    label: "Excel for Microsoft 365 on Mac (16.110.1 or later)",
    sets: { ExcelApi: "1.21", SharedRuntime: "1.2", CustomFunctionsRuntime: "1.5" },
    requestLimitBytes: null,
    responseLimitBytes: null,
    noUndo: NO_UNDO_DESKTOP,
    textFormatKeepsText: false,
    brokenMembers: {},
  },
  excel2021retail: {
    id: "excel2021retail",
    label: "Excel 2021 retail (one-time purchase, Windows; office-js issue 4750)",
    // Retail perpetual shares the Microsoft 365 column of the ExcelApi and SharedRuntime tables, and
    // has CustomFunctionsRuntime 1.1-1.3 from Version 2311. Issue 4750: it reports ExcelApi 1.16
    // (the highest set the report names), yet valuesAsJson fails.
    sets: { ExcelApi: "1.16", SharedRuntime: "1.1", CustomFunctionsRuntime: "1.3" },
    requestLimitBytes: null,
    responseLimitBytes: null,
    noUndo: NO_UNDO_DESKTOP,
    // valuesAsJson does not work here, so the host's pre-1.16 path (a Text format, then values) is
    // the only one left: the fake makes the same assumption as for Excel 2019.
    textFormatKeepsText: true,
    brokenMembers: { "Range.valuesAsJson": "GeneralException" },
  },
  excel2019: {
    id: "excel2019",
    label: "Excel 2019 (volume-licensed perpetual, Windows)",
    // ExcelApi 1.1-1.7 list "Office 2019"; 1.8 onwards "Office 2021". Shared runtime and custom
    // functions list no Office 2019 build.
    sets: { ExcelApi: "1.7" },
    requestLimitBytes: null,
    responseLimitBytes: null,
    noUndo: NO_UNDO_DESKTOP,
    textFormatKeepsText: true,
    brokenMembers: {},
  },
};

export const ALL_PROFILES: readonly PlatformProfile[] = Object.values(PROFILES);

function versionParts(v: string): number[] {
  return v.split(".").map((p) => Number(p));
}

/** Office.context.requirements.isSetSupported as the profile would answer it. */
export function isSetSupported(
  profile: PlatformProfile,
  name: string,
  minVersion?: string
): boolean {
  const have = profile.sets[name];
  if (have === undefined) return false;
  if (minVersion === undefined) return true;
  const a = versionParts(have);
  const b = versionParts(minVersion);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d > 0;
  }
  return true;
}

/**
 * Members the fake implements that need more than ExcelApi 1.7, with their set (the [Api set: ...]
 * of each member in @types/office-js and the office-js-docs-reference pages).
 */
export const MEMBER_SETS: Readonly<Record<string, string>> = {
  "ChartAxis.numberFormat": "1.8",
  "ChartPlotArea.insideLeft": "1.8",
  "ChartPlotArea.insideTop": "1.8",
  "ChartPlotArea.insideWidth": "1.8",
  "ChartPlotArea.insideHeight": "1.8",
  "ChartDataLabel.formula": "1.8",
  "ChartSeries.bubbleScale": "1.9",
  // Worksheet.pageLayout and horizontalPageBreaks, and every member the fake has under them.
  "PageLayout.orientation": "1.9",
  "PageLayout.paperSize": "1.9",
  "PageLayout.leftMargin": "1.9",
  "PageLayout.rightMargin": "1.9",
  "PageLayout.topMargin": "1.9",
  "PageLayout.bottomMargin": "1.9",
  "PageLayout.headerMargin": "1.9",
  "PageLayout.footerMargin": "1.9",
  "PageLayout.zoom": "1.9",
  "PageLayout.setPrintArea": "1.9",
  "PageLayout.setPrintTitleRows": "1.9",
  "PageLayout.load": "1.9",
  "HeaderFooterGroup.state": "1.9",
  "HeaderFooterGroup.load": "1.9",
  "HeaderFooter.leftHeader": "1.9",
  "HeaderFooter.centerHeader": "1.9",
  "HeaderFooter.rightHeader": "1.9",
  "HeaderFooter.leftFooter": "1.9",
  "HeaderFooter.centerFooter": "1.9",
  "HeaderFooter.rightFooter": "1.9",
  "HeaderFooter.load": "1.9",
  "PageBreakCollection.add": "1.9",
  "PageBreakCollection.load": "1.9",
  "Range.valuesAsJson": "1.16",
  "RunOptions.mergeUndoGroup": "1.20",
};

/**
 * What the platform does with loading `Class.member`: ApiNotFound above its sets, a known issue's
 * code for a broken member (issue 4750: reading valuesAsJson fails as writing it does).
 */
export function loadFault(profile: PlatformProfile, type: string, names: readonly string[]) {
  for (const name of names) {
    const member = `${type}.${name}`;
    const set = MEMBER_SETS[member];
    if (set && !isSetSupported(profile, "ExcelApi", set))
      return richError("ApiNotFound", member, `${member} needs ExcelApi ${set}.`);
    const broken = profile.brokenMembers[member];
    if (broken)
      return richError(broken, member, "There was an internal error while processing the request.");
  }
  return null;
}

/**
 * What the platform does with one operation: ApiNotFound for a member above its sets; inside an
 * undo group, UndoNotSupported for an API the undo table lists; outside one, such an API clears
 * the undo stack (the undo document's tip).
 */
export function platformFault(
  profile: PlatformProfile,
  info: OperationInfo,
  undoGroup: boolean
): { error: FakeRichApiError | null; clearsUndo: boolean } {
  const member = `${info.type}.${info.name}`;
  const set = MEMBER_SETS[member];
  if (set && !isSetSupported(profile, "ExcelApi", set))
    return {
      error: richError(
        "ApiNotFound",
        member,
        `The API you are trying to use could not be found (${member} needs ExcelApi ${set}).`
      ),
      clearsUndo: false,
    };
  const broken = profile.brokenMembers[member];
  if (broken)
    return {
      error: richError(broken, member, "There was an internal error while processing the request."),
      clearsUndo: false,
    };
  // Before ExcelApi 1.20 the undo article was a preview: an add-in's changes clear Undo "by design"
  // (OfficeDev/office-js issues 3788, 6170).
  if (!isSetSupported(profile, "ExcelApi", "1.20")) return { error: null, clearsUndo: true };
  const touched = [member];
  if (member === "NamedItemCollection.add" && typeof info.args[2] === "string" && info.args[2])
    touched.push("NamedItem.comment"); // the comment argument sets NamedItem.comment
  if (!touched.some((m) => profile.noUndo.includes(m))) return { error: null, clearsUndo: false };
  if (!undoGroup) return { error: null, clearsUndo: true };
  return {
    error: richError(
      "UndoNotSupported",
      member,
      "The JavaScript API request failed due to lack of support for the undo operation."
    ),
    clearsUndo: false,
  };
}
