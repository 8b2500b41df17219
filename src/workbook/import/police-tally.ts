import { MonthKey } from "../../core";
import { LsoaTally, Interned, PLACE_LIMIT, PendingPoints, copied, pointOf } from "./lsoa-tally";
import { COL, monthOfPath, monthText, parseMonth } from "./police-format";
import { PoliceFileError } from "./police-reader";

export { Interned } from "./lsoa-tally";

export interface ImportWarning {
  code: string;
  message: string;
}

/** Two different files for one force and month (two downloads that differ): exit 2, naming both. */
export class ConflictingFilesError extends Error {
  constructor(
    readonly first: string,
    readonly second: string,
    readonly force: string,
    readonly month: MonthKey
  ) {
    super(
      `${first} and ${second} both hold ${force}'s ${monthText(month)}, with different rows (police.uk revises published months, so two downloads can differ). Keep one of them and import again. Nothing was written.`
    );
    this.name = "ConflictingFilesError";
  }
}

/** Crime types a file may hold at most: police.uk has 14; far more is not its data. */
export const TYPE_SPAN = 4096;

/** One force's rows for one month, as one file gave them. */
export interface Slice {
  /** Reported by, interned. */
  force: number;
  month: MonthKey;
  /** The file it was read from (the first, when the same data came twice). */
  file: string;
  rows: number;
  noLocation: number;
  /** name id * TYPE_SPAN + type id, ascending, and the rows of each. */
  keys: Int32Array;
  counts: Int32Array;
  /** The same per LSOA: placement id (LsoaTally) * TYPE_SPAN + type id, ascending. */
  areaKeys: Int32Array;
  areaCounts: Int32Array;
}

interface Pending {
  force: number;
  month: MonthKey;
  rows: number;
  noLocation: number;
  counts: Map<number, number>;
  areaCounts: Map<number, number>;
  points: PendingPoints;
}

/** A file whose force-months had all been read before, from another file (or the same one). */
export interface Duplicate {
  file: string;
  sameAs: string;
}

const sameArrays = (a: Int32Array, b: Int32Array): boolean =>
  a.length === b.length && a.every((v, i) => v === b[i]);

function sameCounts(a: Slice, b: Slice): boolean {
  return (
    a.rows === b.rows &&
    a.noLocation === b.noLocation &&
    sameArrays(a.keys, b.keys) &&
    sameArrays(a.counts, b.counts) &&
    sameArrays(a.areaKeys, b.areaKeys) &&
    sameArrays(a.areaCounts, b.areaCounts)
  );
}

/**
 * Everything the import needs from the files, in one pass over the rows: for each force and
 * month (a slice), the rows per district name (as police.uk writes it: "Suffolk Coastal 001A"
 * gives "Suffolk Coastal") and crime type, and the rows with no location. The same force and
 * month read twice is kept once. Its size depends on forces x months x names x types, never on
 * the number of rows, and no string it keeps shares memory with the text read.
 */
export class PoliceTally {
  readonly names = new Interned();
  readonly types = new Interned();
  readonly forces = new Interned();
  /** The rows' LSOAs (spec/areas.md), counted alongside the districts in the same pass. */
  readonly lsoas = new LsoaTally((name) => this.names.id(name));
  readonly slices = new Map<string, Slice>();
  readonly months = new Set<MonthKey>();
  readonly warnings: ImportWarning[] = [];
  readonly files: string[] = [];
  readonly duplicates: Duplicate[] = [];
  /** Rows counted (a force-month read twice counts once). */
  rows = 0;

  private file = "";
  private fileMonth: MonthKey | null = null;
  private mismatch: { month: string; line: number; n: number } | null = null;
  private pending = new Map<string, Pending>();
  // The row's month and force change rarely within a file: parsed once per change. Reset at the
  // end of each file, so no slice of its last chunk stays referenced.
  private lastMonthText = "";
  private lastForceText = "";
  private current: Pending | null = null;
  private month: MonthKey = 0;

  /** Starts a file; `path` is as the user gave it (a zip entry's path inside the zip). */
  beginFile(path: string): void {
    this.file = path;
    this.fileMonth = monthOfPath(path);
    this.mismatch = null;
    this.pending = new Map();
    this.forget();
  }

  private forget(): void {
    this.lastMonthText = "";
    this.lastForceText = "";
    this.current = null;
  }

  /**
   * The file has been read whole: each of its force-months is kept, or recognised as data already
   * read (the same rows again: counted once), or refused (different rows for a force-month read).
   */
  endFile(): void {
    this.forget();
    const m = this.mismatch;
    if (m && this.fileMonth !== null) {
      this.warnings.push({
        code: "MONTH_NOT_FILE_MONTH",
        message: `${this.file}: ${m.n} row${m.n === 1 ? "" : "s"} give Month ${m.month} (first at line ${m.line}), but the file's name or folder says ${monthText(this.fileMonth)}. The rows are counted in the month they give.`,
      });
    }
    const kept: Slice[] = [];
    let sameAs: string | null = null;
    for (const [key, p] of this.pending) {
      const order = [...p.counts.keys()].sort((a, b) => a - b);
      const areaOrder = [...p.areaCounts.keys()].sort((a, b) => a - b);
      const slice: Slice = {
        force: p.force,
        month: p.month,
        file: this.file,
        rows: p.rows,
        noLocation: p.noLocation,
        keys: Int32Array.from(order),
        counts: Int32Array.from(order, (k) => p.counts.get(k) as number),
        areaKeys: Int32Array.from(areaOrder),
        areaCounts: Int32Array.from(areaOrder, (k) => p.areaCounts.get(k) as number),
      };
      const before = this.slices.get(key);
      if (!before) kept.push(slice);
      else if (sameCounts(before, slice)) sameAs = before.file;
      else
        throw new ConflictingFilesError(
          before.file,
          this.file,
          this.forces.list[p.force] as string,
          p.month
        );
    }
    if (sameAs !== null) this.duplicates.push({ file: this.file, sameAs });
    this.files.push(this.file);
    for (const s of kept) {
      const p = this.pending.get(`${s.force}|${s.month}`);
      if (p) this.lsoas.keepPoints(s.force, p.points);
      this.slices.set(`${s.force}|${s.month}`, s);
      this.months.add(s.month);
      this.rows += s.rows;
    }
    this.pending = new Map();
  }

  /** One data row, already checked for its number of fields. */
  readonly row = (f: string[], line: number): void => {
    const monthField = f[COL.month] as string;
    const forceField = f[COL.reportedBy] as string;
    let p = this.current;
    if (p === null || monthField !== this.lastMonthText || forceField !== this.lastForceText) {
      if (monthField !== this.lastMonthText) {
        const key = parseMonth(monthField);
        if (key === null) {
          throw new PoliceFileError(
            this.file,
            line,
            `Month is "${monthField}"; police.uk months are written YYYY-MM (2024-01).`
          );
        }
        this.month = key;
      }
      if (forceField.trim() === "")
        throw new PoliceFileError(this.file, line, "Reported by (the force) is empty.");
      const force = this.forces.id(forceField);
      const key = `${force}|${this.month}`;
      p = this.pending.get(key) ?? null;
      if (p === null) {
        p = {
          force,
          month: this.month,
          rows: 0,
          noLocation: 0,
          counts: new Map(),
          areaCounts: new Map(),
          points: new Map(),
        };
        this.pending.set(key, p);
      }
      this.current = p;
      this.lastMonthText = monthField;
      this.lastForceText = forceField;
    }
    if (this.fileMonth !== null && p.month !== this.fileMonth) {
      if (this.mismatch) this.mismatch.n++;
      else this.mismatch = { month: copied(monthField), line, n: 1 };
    }
    const typeField = f[COL.crimeType] as string;
    if (typeField === "") throw new PoliceFileError(this.file, line, "Crime type is empty.");
    const type = this.types.id(typeField);
    if (type >= TYPE_SPAN)
      throw new PoliceFileError(
        this.file,
        line,
        `more than ${TYPE_SPAN} different crime types: this is not police.uk's data.`
      );
    p.rows++;
    const place = this.lsoas.place(f[COL.lsoaCode] as string, f[COL.lsoaName] as string, p.month);
    if (place < 0) {
      p.noLocation++;
      return;
    }
    if (place >= PLACE_LIMIT)
      throw new PoliceFileError(
        this.file,
        line,
        `more than ${PLACE_LIMIT} different LSOAs: this is not police.uk's data.`
      );
    const district = this.lsoas.placeDistrict[place] as number;
    const k = district * TYPE_SPAN + type;
    p.counts.set(k, (p.counts.get(k) ?? 0) + 1);
    const a = place * TYPE_SPAN + type;
    p.areaCounts.set(a, (p.areaCounts.get(a) ?? 0) + 1);
    const point = pointOf(f[COL.longitude] as string, f[COL.latitude] as string);
    if (point) {
      const code = this.lsoas.placeCode[place] as number;
      const sums = p.points.get(code);
      if (sums) {
        sums[0] += point[0];
        sums[1] += point[1];
        sums[2]++;
      } else p.points.set(code, [point[0], point[1], 1]);
    }
  };

  /** Rows of a slice for the given names, by type id (types with no row left out), and their sum. */
  static rowsOf(
    slice: Slice,
    names: ReadonlySet<number>
  ): { byType: Map<number, number>; total: number } {
    const byType = new Map<number, number>();
    let total = 0;
    for (let i = 0; i < slice.keys.length; i++) {
      const k = slice.keys[i] as number;
      if (!names.has(Math.floor(k / TYPE_SPAN))) continue;
      const n = slice.counts[i] as number;
      const t = k % TYPE_SPAN;
      byType.set(t, (byType.get(t) ?? 0) + n);
      total += n;
    }
    return { byType, total };
  }

  /** Rows of a slice per name id. */
  static namesOf(slice: Slice): Map<number, number> {
    const out = new Map<number, number>();
    for (let i = 0; i < slice.keys.length; i++) {
      const name = Math.floor((slice.keys[i] as number) / TYPE_SPAN);
      out.set(name, (out.get(name) ?? 0) + (slice.counts[i] as number));
    }
    return out;
  }

  sortedMonths(): MonthKey[] {
    return [...this.months].sort((a, b) => a - b);
  }

  /** Type ids in the order the Measures table lists them (alphabetical). */
  sortedTypes(): number[] {
    return this.types.list
      .map((_, i) => i)
      .sort((a, b) =>
        (this.types.list[a] as string).localeCompare(this.types.list[b] as string, "en")
      );
  }

  noLocationTotal(): number {
    let n = 0;
    for (const s of this.slices.values()) n += s.noLocation;
    return n;
  }
}
