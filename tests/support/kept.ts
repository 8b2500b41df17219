/**
 * What a report must keep of its input, checked part by part: every part byte for byte, except the
 * package's index (content types, the workbook part and its relationships, docProps/app.xml), and
 * the styles part, whose lists may only grow at their ends. Also which of ooxml-check's complaints
 * about an output are new, not already the input's. For the real-workbook fixtures and
 * scripts/corpus.ts.
 */
import { child, parseXml } from "../../src/xlsx/charts/xml";
import { parseRels, relsPathFor, resolveTarget } from "../../src/xlsx/charts/opc";
import { ZipPackage } from "../../src/xlsx/zip";

const CAP = 256 * 1024 * 1024;

const text = (zip: ZipPackage, part: string) => zip.read(part, CAP)?.toString("utf8");

/** The parts a report may rewrite, found through the input's relationships. */
function indexParts(zip: ZipPackage): { index: Set<string>; styles: string | null } {
  const index = new Set(["[Content_Types].xml"]);
  const root = parseRels(text(zip, "_rels/.rels"));
  const app = root.find((r) => r.type.endsWith("/extended-properties"));
  if (app) index.add(resolveTarget("", app.target));
  const main = root.find((r) => r.type.endsWith("/officeDocument"));
  if (!main) return { index, styles: null };
  const wb = resolveTarget("", main.target);
  index.add(wb).add(relsPathFor(wb));
  const styles = parseRels(text(zip, relsPathFor(wb))).find((r) => r.type.endsWith("/styles"));
  return { index, styles: styles ? resolveTarget(wb, styles.target) : null };
}

/** Children of the styles lists that must stay, in order, at the start of each list. */
const GROWING = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles"];

function stylesKept(withBom: string, afterWithBom: string): string | null {
  const before = withBom.replace(/^\uFEFF/, "");
  const after = afterWithBom.replace(/^\uFEFF/, "");
  const a = parseXml(before, 2);
  const b = parseXml(after, 2);
  const src = (s: string, e: { start: number; end: number }) => s.slice(e.start, e.end);
  for (const el of a.children) {
    const out = child(b, el.local);
    if (!out) return `its <${el.local}> is gone`;
    if (!GROWING.includes(el.local)) {
      if (src(before, el) !== src(after, out)) return `its <${el.local}> changed`;
      continue;
    }
    const inner = (s: string, e: { start: number; end: number; closeStart: number }) =>
      e.closeStart === e.end ? "" : s.slice(s.indexOf(">", e.start) + 1, e.closeStart);
    if (!inner(after, out).startsWith(inner(before, el)))
      return `its <${el.local}> does not start with the input's entries`;
  }
  return null;
}

/** Sentences about input parts the output did not keep; [] when every one is kept. */
export function keptProblems(input: Buffer, output: Buffer): string[] {
  const a = ZipPackage.load(input);
  const b = ZipPackage.load(output);
  const { index, styles } = indexParts(a);
  const problems: string[] = [];
  for (const name of a.names()) {
    if (name.endsWith("/")) continue;
    if (!b.names().includes(name)) {
      problems.push(`${name} is missing`);
      continue;
    }
    // Part names compare in any case (a relationship may spell one otherwise than the zip).
    if ([...index].some((i) => i.toLowerCase() === name.toLowerCase())) continue;
    let before: Buffer | undefined;
    try {
      before = a.read(name, CAP);
    } catch {
      continue; // an input part we cannot inflate is compared by nothing here
    }
    const after = b.read(name, CAP);
    if (name.toLowerCase() === styles?.toLowerCase()) {
      const why = stylesKept(before?.toString("utf8") ?? "", after?.toString("utf8") ?? "");
      if (why) problems.push(`${name}: ${why}`);
    } else if (!before || !after || !before.equals(after)) problems.push(`${name} changed`);
  }
  return problems;
}

/**
 * ooxml-check's lines about the output that the input did not already have. Lines are compared
 * with their numbers taken out (the writer's edits move line numbers in the parts it edits);
 * a line about a part the input did not have is always new.
 */
export function newCheckErrors(
  inputLines: readonly string[],
  outputLines: readonly string[],
  inputParts: ReadonlySet<string>
): string[] {
  // A schema complaint is known by its element and first sentence: what the schema expected
  // instead changes when the writer adds an element next to the input's own misplaced one.
  const norm = (l: string) => l.replace(/\s*Expected is.*$/, "").replace(/\d+/g, "#");
  const had = new Set(inputLines.map(norm));
  return outputLines.filter((l) => {
    const part = /^(?:ERROR|SCHEMA)\s+(\S+?):?\s/.exec(l)?.[1];
    if (part && !inputParts.has(part)) return true;
    return !had.has(norm(l));
  });
}
