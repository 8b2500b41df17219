/**
 * Worksheet.pageLayout (PageLayout, HeaderFooterGroup, HeaderFooter) and
 * Worksheet.horizontalPageBreaks (PageBreakCollection), ExcelApi 1.9, as office-js-docs-reference
 * documents them (excel.pagelayout.yml, excel.pagelayoutzoomoptions.yml, excel.headerfootergroup.yml,
 * excel.headerfooter.yml, excel.pagebreakcollection.yml) and office-js-docs-pr
 * docs/excel/excel-add-ins-worksheet-display.md shows them used. README.md cites each behaviour.
 * This file: the page setup a sheet holds, and the values Excel takes for it.
 */
import { Rect } from "./address";
import { isProxy } from "./context";
import { richError } from "./errors";
import { SheetModel } from "./model";
import { FakeObject } from "./proxy";
import { rectOn } from "./worksheets";

/** Excel.PaperType, Excel.PageOrientation and Excel.HeaderFooterState as @types/office-js lists them. */
export const PAPER_TYPES = [
  "Letter",
  "LetterSmall",
  "Tabloid",
  "Ledger",
  "Legal",
  "Statement",
  "Executive",
  "A3",
  "A4",
  "A4Small",
  "A5",
  "B4",
  "B5",
  "Folio",
  "Quatro",
  "Paper10x14",
  "Paper11x17",
  "Note",
  "Envelope9",
  "Envelope10",
  "Envelope11",
  "Envelope12",
  "Envelope14",
  "Csheet",
  "Dsheet",
  "Esheet",
  "EnvelopeDL",
  "EnvelopeC5",
  "EnvelopeC3",
  "EnvelopeC4",
  "EnvelopeC6",
  "EnvelopeC65",
  "EnvelopeB4",
  "EnvelopeB5",
  "EnvelopeB6",
  "EnvelopeItaly",
  "EnvelopeMonarch",
  "EnvelopePersonal",
  "FanfoldUS",
  "FanfoldStdGerman",
  "FanfoldLegalGerman",
] as const;
export const PAGE_ORIENTATIONS = ["Portrait", "Landscape"] as const;
export const HEADER_FOOTER_STATES = [
  "Default",
  "FirstAndDefault",
  "OddAndEven",
  "FirstOddAndEven",
] as const;

export const HEADER_FOOTER_PARTS = [
  "leftHeader",
  "centerHeader",
  "rightHeader",
  "leftFooter",
  "centerFooter",
  "rightFooter",
] as const;
export type HeaderFooterPart = (typeof HEADER_FOOTER_PARTS)[number];

export const MARGINS = [
  "leftMargin",
  "rightMargin",
  "topMargin",
  "bottomMargin",
  "headerMargin",
  "footerMargin",
] as const;
export type Margin = (typeof MARGINS)[number];

export interface PageModel {
  orientation: string;
  paperSize: string;
  /** Points. */
  margins: Record<Margin, number>;
  zoom: Excel.PageLayoutZoomOptions;
  printArea: Rect | null;
  /** Zero-based first and last row repeated at the top of each page. */
  printTitleRows: { first: number; last: number } | null;
  headerFooterState: string;
  /** The general header and footer (HeaderFooterGroup.defaultForAllPages). */
  defaultForAllPages: Record<HeaderFooterPart, string>;
  /** Zero-based rows that start a page (manual breaks only, as the collection holds). */
  horizontalBreaks: number[];
}

/** Excel's "Normal" margins (0.7", 0.75", 0.3") in points, Portrait, Letter, scale 100. */
function newPage(): PageModel {
  return {
    orientation: "Portrait",
    paperSize: "Letter",
    margins: {
      leftMargin: 50.4,
      rightMargin: 50.4,
      topMargin: 54,
      bottomMargin: 54,
      headerMargin: 21.6,
      footerMargin: 21.6,
    },
    zoom: { scale: 100 },
    printArea: null,
    printTitleRows: null,
    headerFooterState: "Default",
    defaultForAllPages: {
      leftHeader: "",
      centerHeader: "",
      rightHeader: "",
      leftFooter: "",
      centerFooter: "",
      rightFooter: "",
    },
    horizontalBreaks: [],
  };
}

const pages = new WeakMap<SheetModel, PageModel>();

/** The sheet's page setup (a new sheet's is Excel's default). */
export function pageOf(sheet: SheetModel): PageModel {
  let page = pages.get(sheet);
  if (!page) {
    page = newPage();
    pages.set(sheet, page);
  }
  return page;
}

/** A copy for assertions. */
export function pageView(sheet: SheetModel): PageModel {
  return JSON.parse(JSON.stringify(pageOf(sheet))) as PageModel;
}

export const W = { protectedWrite: true };

/** A range argument (a Range proxy or an address on the sheet) as a rectangle. */
export function rectArg(sheet: SheetModel, v: unknown, location: string): Rect {
  if (isProxy(v)) {
    const ref = (v as unknown as FakeObject<{ sheet: SheetModel; rect: Rect }>)._target();
    if (!ref || ref.sheet !== sheet) throw richError("InvalidArgument", location);
    return ref.rect;
  }
  if (typeof v !== "string") throw richError("InvalidArgument", location);
  // "$4:$4": rows; parseRect takes "4:4".
  return rectOn(sheet, v.replace(/\$/g, ""), location);
}
