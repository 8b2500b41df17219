/**
 * A report sheet's page elements, in CT_Worksheet's order (ECMA-376 Part 1, 18.3.1.99): after
 * mergeCells (and the elements the report does not write), pageMargins, pageSetup, headerFooter,
 * rowBreaks; the drawing that charts add comes after all of them.
 */
import { PlanPage, headerFooterString } from "../../workbook";
import { escText } from "../charts/xml";

/** ST_PaperSize 9 is A4 (ECMA-376 Part 1, 18.3.1.63, pageSetup@paperSize). */
const PAPER_SIZE = { A4: 9 } as const;
/** The last column: a row break runs across the whole sheet. */
const MAX_COL = 16383;

/**
 * The page elements as pieces, one per element in schema order (an element added later is one more
 * piece in its place): what the sheet writer streams after mergeCells.
 */
export function pagePieces(page: PlanPage): string[] {
  const m = page.margins;
  const margins = `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>`;
  // fitToPage (in sheetPr) with fitToWidth 1 and fitToHeight 0: one page wide, as many tall as the
  // breaks make.
  const setup = `<pageSetup paperSize="${PAPER_SIZE[page.paper]}" fitToWidth="${page.fitToWidth}" fitToHeight="0" orientation="${page.orientation}"/>`;
  const hf =
    `<headerFooter><oddHeader>${escText(headerFooterString(page.header))}</oddHeader>` +
    `<oddFooter>${escText(headerFooterString(page.footer))}</oddFooter></headerFooter>`;
  // brk@id is the first row of the new page, zero-based (a break above row id + 1 in A1 terms).
  const breaks =
    page.rowBreaks.length === 0
      ? ""
      : `<rowBreaks count="${page.rowBreaks.length}" manualBreakCount="${page.rowBreaks.length}">` +
        page.rowBreaks.map((r) => `<brk id="${r}" max="${MAX_COL}" man="1"/>`).join("") +
        `</rowBreaks>`;
  return [margins, setup, hf, breaks];
}

/** The page elements as one string. */
export function pageSetupXml(page: PlanPage): string {
  return pagePieces(page).join("");
}
