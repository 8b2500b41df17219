/**
 * `cdrp report --pdf`: the report's pages as a PDF beside its workbook, printed by LibreOffice
 * (`soffice --headless --convert-to pdf`) from a workbook holding the report's sheets alone, so the
 * PDF carries the page setup of the plan (A4, the breaks, the running heads) and none of the data
 * sheets. Nothing here computes a page: the plan did.
 */
import { spawn } from "child_process";
import { accessSync, constants, promises as fs } from "fs";
import os from "os";
import path from "path";
import { pathToFileURL } from "url";
import type { ReportPlan } from "../workbook";
import { writeAtomic } from "./files";

/** Said when LibreOffice is not installed; the command then exits 2 and writes nothing. */
export const NO_LIBREOFFICE =
  "cdrp report --pdf prints the report through LibreOffice, and neither soffice nor libreoffice is on the PATH. " +
  "Install LibreOffice (Debian or Ubuntu: sudo apt-get install libreoffice-calc; macOS: brew install --cask libreoffice; " +
  "Windows: install LibreOffice and add its program folder, such as C:\\Program Files\\LibreOffice\\program, to the PATH), " +
  "or leave out --pdf and print the report sheets from Excel (File > Export > Create PDF/XPS).";

/**
 * How long one conversion may take before it is stopped: 2 minutes and 2 seconds a chart, or
 * CDRP_PDF_TIMEOUT seconds where that is set. LibreOffice draws charts slowly, and more slowly the
 * more a sheet has: here, on a loaded 2-core machine, the sample's 10 charts took about 10 s, 306
 * charts about 3 minutes, and 900 charts were not done after 25.
 */
export function pdfTimeoutMs(plan: ReportPlan, env = process.env): number {
  const set = Number(env.CDRP_PDF_TIMEOUT);
  if (Number.isFinite(set) && set > 0) return set * 1000;
  const charts = plan.sheets.reduce((n, s) => n + s.charts.length, 0);
  return (120 + 2 * charts) * 1000;
}

/** The LibreOffice program on the PATH (soffice first, as LibreOffice installs it), or null. */
export function findSoffice(envPath: string | undefined = process.env.PATH): string | null {
  const names =
    process.platform === "win32"
      ? ["soffice.exe", "soffice.com", "libreoffice.exe"]
      : ["soffice", "libreoffice"];
  for (const name of names)
    for (const dir of (envPath ?? "").split(path.delimiter)) {
      if (!dir) continue;
      const file = path.join(dir, name);
      try {
        accessSync(file, constants.X_OK);
        return file;
      } catch {
        // not here
      }
    }
  return null;
}

/** "out/q1-report.xlsx" -> "out/q1-report.pdf". */
export function pdfPathFor(workbook: string): string {
  const ext = path.extname(workbook);
  return `${ext ? workbook.slice(0, -ext.length) : workbook}.pdf`;
}

export class PdfError extends Error {}

/** Runs soffice in its own process group, stopped (the whole group) after `timeoutMs`. */
function convert(soffice: string, args: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(soffice, args, {
      stdio: ["ignore", "pipe", "pipe"],
      detached: process.platform !== "win32",
    });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => {
      try {
        if (child.pid !== undefined && process.platform !== "win32") process.kill(-child.pid);
        else child.kill();
      } catch {
        // already gone
      }
      reject(new PdfError(`LibreOffice did not finish the PDF within ${timeoutMs / 1000} s.`));
    }, timeoutMs);
    child.on("error", (e) => {
      clearTimeout(timer);
      reject(new PdfError(`LibreOffice could not be started (${soffice}): ${e.message}`));
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(output);
      else reject(new PdfError(`LibreOffice stopped with code ${String(code)}: ${output.trim()}`));
    });
  });
}

/**
 * Writes the plan's report as a PDF at `pdfPath`, whole or not at all. LibreOffice gets a profile
 * of its own in a temporary folder (two conversions sharing one block each other) and the
 * temporary folder goes afterwards, whatever happens.
 */
export async function writeReportPdf(
  plan: ReportPlan,
  pdfPath: string,
  soffice: string,
  timeoutMs = pdfTimeoutMs(plan)
): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "cdrp-pdf-"));
  try {
    const xlsx = path.join(dir, "report.xlsx");
    // Loaded here: the command line loads the writer only when a command needs it.
    const { reportOnlyWorkbook } = await import("../xlsx/report-only");
    await fs.writeFile(xlsx, await reportOnlyWorkbook(plan));
    const profile = pathToFileURL(path.join(dir, "profile")).href;
    const output = await convert(
      soffice,
      [
        "--headless",
        "--norestore",
        `-env:UserInstallation=${profile}`,
        "--convert-to",
        "pdf",
        "--outdir",
        dir,
        xlsx,
      ],
      timeoutMs
    );
    const pdf = await fs.readFile(path.join(dir, "report.pdf")).catch(() => null);
    if (!pdf || pdf.length === 0)
      throw new PdfError(`LibreOffice wrote no PDF: ${output.trim() || "it said nothing"}`);
    await writeAtomic(pdfPath, pdf);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
