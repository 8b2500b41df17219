/**
 * The report's sheets alone, in a workbook of their own: what `cdrp report --pdf` prints. The data
 * sheets (MARAC cases, monthly counts) are not part of the board's paper, and LibreOffice prints
 * every sheet of a workbook it converts, so the PDF is made from this copy, written from the same
 * plan by the same writer as the report in the workbook.
 */
import { ReportPlan } from "../workbook";
import { ZipPackage } from "./zip";
import { renderPlan } from "./write-plan";

const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_PKG = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;

/** A workbook with no sheets yet: the smallest package the writer adds a report to. */
function emptyWorkbook(): Buffer {
  const zip = ZipPackage.empty();
  zip.write(
    "[Content_Types].xml",
    `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      `<Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
      `</Types>`
  );
  zip.write(
    "_rels/.rels",
    `${XML}<Relationships xmlns="${NS_PKG}">` +
      `<Relationship Id="rId1" Type="${NS_R}/officeDocument" Target="xl/workbook.xml"/>` +
      `</Relationships>`
  );
  zip.write(
    "xl/workbook.xml",
    `${XML}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_R}"><bookViews><workbookView/></bookViews><sheets/></workbook>`
  );
  zip.write(
    "xl/_rels/workbook.xml.rels",
    `${XML}<Relationships xmlns="${NS_PKG}"></Relationships>`
  );
  return zip.toBuffer();
}

/** The plan's sheets (cells, charts, page setup) in a new workbook that holds nothing else. */
export async function reportOnlyWorkbook(plan: ReportPlan): Promise<Buffer> {
  return renderPlan(emptyWorkbook(), plan, []);
}
