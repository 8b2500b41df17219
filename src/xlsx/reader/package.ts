import { attr, parseXml } from "./xml";
import { ZipPackage } from "../zip";

/** Small parts (workbook, relationships, tables, styles) are read whole, up to this size. */
export const SMALL_PART_BYTES = 32 * 1024 * 1024;

export interface SheetPart {
  name: string;
  /** The sheet's XML part, or null for a chart sheet or a sheet with no part. */
  path: string | null;
}

export interface WorkbookPart {
  path: string;
  sheets: SheetPart[];
  date1904: boolean;
  /** Sheet-scoped defined names: name -> indexes of the sheets carrying it. */
  scopedNames: { name: string; sheet: number }[];
  sharedStrings: string | null;
  styles: string | null;
  /** Saved as Strict Open XML (ISO/IEC 29500 Strict namespaces), which cdrp reads but does not write into. */
  strict: boolean;
  /** Sheets the workbook part lists with no relationship, or one to a part the file lacks. */
  brokenSheets: string[];
  /** What [Content_Types].xml says the package is: its file extension in Excel's terms. */
  kind: PackageKind;
}

/** A workbook, a macro-enabled workbook, a template, a macro-enabled template. */
export type PackageKind = "xlsx" | "xlsm" | "xltx" | "xltm";

const KIND_BY_TYPE: Record<string, PackageKind> = {
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": "xlsx",
  "application/vnd.ms-excel.sheet.macroenabled.main+xml": "xlsm",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml": "xltx",
  "application/vnd.ms-excel.template.macroenabled.main+xml": "xltm",
};

/** The package's kind, from the content type [Content_Types].xml gives its workbook part. */
async function kindOf(zip: ZipPackage, workbook: string): Promise<PackageKind> {
  if (!zip.has("[Content_Types].xml")) return "xlsx";
  let kind: PackageKind = "xlsx";
  parseXml(await zip.text("[Content_Types].xml", SMALL_PART_BYTES), {
    open(name, a) {
      if (
        name !== "Override" ||
        (a.PartName ?? "").replace(/^\//, "").toLowerCase() !== workbook.toLowerCase()
      )
        return;
      kind = KIND_BY_TYPE[(a.ContentType ?? "").toLowerCase()] ?? kind;
    },
  });
  return kind;
}

/** Relationship types of Strict Open XML start here (transitional ones with schemas.openxmlformats.org). */
const STRICT_RELATIONSHIPS = "http://purl.oclc.org/ooxml/officeDocument/relationships/";

/** "xl/worksheets/../tables/table1.xml" -> "xl/tables/table1.xml"; absolute targets from the root. */
export function resolveTarget(source: string, target: string): string {
  const base = target.startsWith("/") ? [] : source.split("/").slice(0, -1);
  for (const seg of target.replace(/^\//, "").split("/")) {
    if (seg === "..") base.pop();
    else if (seg !== "." && seg !== "") base.push(decodeURIComponent(seg));
  }
  return base.join("/");
}

const relsPath = (part: string): string => {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
};

export interface Rel {
  id: string;
  type: string;
  target: string;
}

/** A part's relationships, targets resolved to part names; internal ones only. */
export async function relsOf(zip: ZipPackage, part: string): Promise<Rel[]> {
  const path = relsPath(part);
  if (!zip.has(path)) return [];
  const rels: Rel[] = [];
  parseXml(await zip.text(path, SMALL_PART_BYTES), {
    open(name, a) {
      if (name !== "Relationship" || a.TargetMode === "External") return;
      if (a.Id && a.Type && a.Target)
        rels.push({ id: a.Id, type: a.Type, target: resolveTarget(part, a.Target) });
    },
  });
  return rels;
}

const isType = (rel: Rel, kind: string): boolean => rel.type.endsWith(`/${kind}`);

/** The workbook part named by the package's root relationships; null when there is none. */
async function workbookPath(zip: ZipPackage): Promise<{ path: string; strict: boolean } | null> {
  const root = (await relsOf(zip, "")).find((r) => isType(r, "officeDocument"));
  if (root && zip.has(root.target))
    return { path: root.target, strict: root.type.startsWith(STRICT_RELATIONSHIPS) };
  return zip.has("xl/workbook.xml") ? { path: "xl/workbook.xml", strict: false } : null;
}

/** Reads workbook.xml and its relationships: the sheets in tab order and where their parts are. */
export async function readWorkbookPart(zip: ZipPackage): Promise<WorkbookPart | null> {
  const found = await workbookPath(zip);
  if (!found) return null;
  const { path, strict } = found;
  const rels = await relsOf(zip, path);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const sheets: SheetPart[] = [];
  const brokenSheets: string[] = [];
  const scopedNames: WorkbookPart["scopedNames"] = [];
  let date1904 = false;
  // Only the workbook's own elements count: extensions (extLst) hold elements of the same local
  // names in other namespaces, such as Excel 2013's x15:workbookPr at the end of the part.
  const stack: string[] = [];
  const under = (parent: string) => stack[stack.length - 2] === parent;
  parseXml(await zip.text(path, SMALL_PART_BYTES), {
    close() {
      stack.pop();
    },
    open(name, a) {
      const depth = stack.push(name);
      if (depth === 2 && name === "workbookPr") {
        date1904 = a.date1904 === "1" || a.date1904 === "true";
        return;
      }
      if (depth !== 3) return;
      if (name === "sheet" && under("sheets")) {
        const rel = byId.get(attr(a, "id") ?? "");
        const isSheet = rel !== undefined && isType(rel, "worksheet") && zip.has(rel.target);
        sheets.push({ name: a.name ?? "", path: isSheet ? rel.target : null });
        if (rel === undefined || !zip.has(rel.target)) brokenSheets.push(a.name ?? "");
      } else if (
        name === "definedName" &&
        under("definedNames") &&
        a.name &&
        a.localSheetId !== undefined
      ) {
        scopedNames.push({ name: a.name, sheet: Number(a.localSheetId) });
      }
    },
  });
  const find = (kind: string) => {
    const rel = rels.find((r) => isType(r, kind));
    return rel && zip.has(rel.target) ? rel.target : null;
  };
  return {
    path,
    sheets,
    date1904,
    scopedNames,
    sharedStrings: find("sharedStrings"),
    styles: find("styles"),
    strict,
    brokenSheets,
    kind: await kindOf(zip, path),
  };
}

export interface TablePart {
  name: string;
  ref: string;
  headerRows: number;
  totalsRows: number;
}

/** The Excel tables on one sheet: name, ref, and how many header and totals rows the ref holds. */
export async function tablesOfSheet(zip: ZipPackage, sheetPath: string): Promise<TablePart[]> {
  const out: TablePart[] = [];
  for (const rel of (await relsOf(zip, sheetPath)).filter((r) => isType(r, "table"))) {
    if (!zip.has(rel.target)) continue;
    parseXml(await zip.text(rel.target, SMALL_PART_BYTES), {
      open(name, a) {
        if (name !== "table" || !a.ref) return;
        out.push({
          // Excel's structured references and Office.js use the display name.
          name: a.displayName ?? a.name ?? "",
          ref: a.ref,
          headerRows: a.headerRowCount === undefined ? 1 : Number(a.headerRowCount) || 0,
          totalsRows: Number(a.totalsRowCount ?? 0) || 0,
        });
      },
    });
  }
  return out;
}
