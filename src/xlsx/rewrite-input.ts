import ExcelJS from "exceljs";
import { WorkbookReadError } from "./read";

/** exceljs types its input as an ArrayBuffer-like; hand it exactly the bytes of the Node buffer. */
export function asArrayBuffer(buffer: Buffer): ArrayBuffer {
  return buffer.buffer.slice(
    buffer.byteOffset,
    buffer.byteOffset + buffer.byteLength
  ) as ArrayBuffer;
}

/**
 * The input loaded by exceljs for today's writer (renderPlan rewrites it). Only called once a
 * workbook has validated; reading for validation never loads the whole workbook.
 */
export async function loadForRewrite(buffer: Buffer, fileName: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(asArrayBuffer(buffer));
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new WorkbookReadError(`${fileName} could not be read as an Excel workbook (${why}).`);
  }
  return workbook;
}
