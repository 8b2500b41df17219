import { MonthKey } from "../../core";
import { COL, districtOf, monthOfPath, monthText, normalName, parseMonth } from "./police-format";
import { PoliceFileError } from "./police-reader";

export interface ImportWarning {
  code: string;
  message: string;
}

interface DistrictTally {
  /** The district as the data spells it. */
  name: string;
  /** "<crime type>\u0001<month key>" -> rows. */
  counts: Map<string, number>;
  /** Falls within -> rows: the district's own force is the one most of its rows fall within. */
  forces: Map<string, number>;
}

/**
 * Everything the import needs from the files, gathered in one pass over the rows: counts per
 * district, crime type and month, which force supplied which month, and rows with no location.
 * Its size depends on districts x types x months, never on the number of rows.
 */
export class PoliceTally {
  readonly districts = new Map<string, DistrictTally>(); // by normalName
  readonly types = new Set<string>();
  readonly months = new Set<MonthKey>();
  /** Reported by -> the months that force supplied. */
  readonly supplied = new Map<string, Set<MonthKey>>();
  /** Reported by -> month -> rows with no location. */
  readonly noLocation = new Map<string, Map<MonthKey, number>>();
  readonly warnings: ImportWarning[] = [];
  readonly files: string[] = [];
  rows = 0;

  // Per-file state: months and forces change rarely within a file, so they are parsed once.
  private file = "";
  private fileMonth: MonthKey | null = null;
  private mismatch: { month: string; line: number; n: number } | null = null;
  private lastMonthText = "";
  private lastMonth: MonthKey = 0;
  private lastForce = "";
  private readonly keys = new Map<string, string>();

  /** Starts a file; `path` is as the user gave it (a zip entry's path inside the zip). */
  beginFile(path: string): void {
    this.file = path;
    this.files.push(path);
    this.fileMonth = monthOfPath(path);
    this.mismatch = null;
    this.lastMonthText = "";
    this.lastForce = "";
  }

  endFile(): void {
    const m = this.mismatch;
    if (m && this.fileMonth !== null) {
      this.warnings.push({
        code: "MONTH_NOT_FILE_MONTH",
        message: `${this.file}: ${m.n} row${m.n === 1 ? "" : "s"} give Month ${m.month} (first at line ${m.line}), but the file's name or folder says ${monthText(this.fileMonth)}. The rows are counted in the month they give.`,
      });
    }
  }

  /** One data row, already checked for its number of fields. */
  readonly row = (f: string[], line: number): void => {
    const monthTextValue = f[COL.month] as string;
    if (monthTextValue !== this.lastMonthText) {
      const key = parseMonth(monthTextValue);
      if (key === null) {
        throw new PoliceFileError(
          this.file,
          line,
          `Month is "${monthTextValue}"; police.uk months are written YYYY-MM (2024-01).`
        );
      }
      this.lastMonthText = monthTextValue;
      this.lastMonth = key;
      this.months.add(key);
      this.lastForce = ""; // the supplied set is per month
    }
    const month = this.lastMonth;
    if (this.fileMonth !== null && month !== this.fileMonth) {
      if (this.mismatch) this.mismatch.n++;
      else this.mismatch = { month: monthTextValue, line, n: 1 };
    }
    const force = f[COL.reportedBy] as string;
    if (force !== this.lastForce) {
      let set = this.supplied.get(force);
      if (!set) this.supplied.set(force, (set = new Set()));
      set.add(month);
      this.lastForce = force;
    }
    const type = f[COL.crimeType] as string;
    if (type === "") {
      throw new PoliceFileError(this.file, line, "Crime type is empty.");
    }
    this.types.add(type);
    this.rows++;
    const district = districtOf(f[COL.lsoaName] as string);
    if (district === "") {
      let byMonth = this.noLocation.get(force);
      if (!byMonth) this.noLocation.set(force, (byMonth = new Map()));
      byMonth.set(month, (byMonth.get(month) ?? 0) + 1);
      return;
    }
    // Districts repeat on every row: their normal form is worked out once.
    let key = this.keys.get(district);
    if (key === undefined) this.keys.set(district, (key = normalName(district)));
    let d = this.districts.get(key);
    if (!d) this.districts.set(key, (d = { name: district, counts: new Map(), forces: new Map() }));
    const ck = `${type}\u0001${month}`;
    d.counts.set(ck, (d.counts.get(ck) ?? 0) + 1);
    const within = f[COL.fallsWithin] as string;
    d.forces.set(within, (d.forces.get(within) ?? 0) + 1);
  };

  /** The district's rows of a type in a month (0 when none). */
  count(district: string, type: string, month: MonthKey): number {
    return this.districts.get(normalName(district))?.counts.get(`${type}\u0001${month}`) ?? 0;
  }

  /** The district as the data spells it, or null when no row names it. */
  findDistrict(name: string): string | null {
    return this.districts.get(normalName(name))?.name ?? null;
  }

  /** The force a district's rows fall within (the most common, for a district on a border). */
  forceOf(district: string): string | null {
    const d = this.districts.get(normalName(district));
    if (!d) return null;
    let best: string | null = null;
    let bestN = -1;
    for (const [force, n] of d.forces) {
      if (n > bestN || (n === bestN && best !== null && force < best)) {
        best = force;
        bestN = n;
      }
    }
    return best;
  }

  /** The months the district's own force supplied (a month it did not supply is missing, not 0). */
  suppliedMonths(district: string): Set<MonthKey> {
    const force = this.forceOf(district);
    return (force !== null ? this.supplied.get(force) : undefined) ?? new Set();
  }

  sortedMonths(): MonthKey[] {
    return [...this.months].sort((a, b) => a - b);
  }

  sortedTypes(): string[] {
    return [...this.types].sort((a, b) => a.localeCompare(b, "en"));
  }

  districtNames(): string[] {
    return [...this.districts.values()].map((d) => d.name).sort((a, b) => a.localeCompare(b, "en"));
  }

  noLocationTotal(): number {
    let n = 0;
    for (const byMonth of this.noLocation.values()) for (const v of byMonth.values()) n += v;
    return n;
  }
}
