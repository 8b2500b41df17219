import { MonthKey } from "../../core";
import { districtOf } from "./police-format";

/** A copy of a string that shares no memory with the chunk it was sliced from. */
export const copied = (s: string): string => JSON.parse(JSON.stringify(s)) as string;

/**
 * Strings met on rows, each given a number. A row's fields are slices of the text chunk they were
 * read from, and a slice kept anywhere keeps its whole chunk (1 MB or more) alive; so a name is
 * copied the first time it is met, and later rows only look it up.
 */
export class Interned {
  private readonly ids = new Map<string, number>();
  readonly list: string[] = [];
  id(s: string): number {
    const found = this.ids.get(s);
    if (found !== undefined) return found;
    const copy = copied(s);
    const id = this.list.length;
    this.ids.set(copy, id);
    this.list.push(copy);
    return id;
  }
}

/**
 * Placements a file may hold at most (an LSOA code under one district name): keys of
 * placement x crime type must stay below 2^31. England and Wales have about 36,000 LSOAs of 2021
 * and 35,000 of 2011; far more is not police.uk's data.
 */
export const PLACE_LIMIT = 2 ** 31 / 4096;

/** Forces' ids and LSOA codes' ids are packed into one number for the point sums. */
const CODE_SPAN = 2 ** 20;

/** One force-month's points per LSOA code while its file is read: [sum lon, sum lat, n]. */
export type PendingPoints = Map<number, [number, number, number]>;

/**
 * The LSOAs of the rows (spec/areas.md): each row's LSOA code and the district its LSOA name
 * gives, as a placement (a code under one district name: police.uk names an LSOA by the district
 * it was named under, which can change). Counting by placement keeps an area's rows exactly the
 * rows its district's Monthly counts. A row's code and name are looked up once per change of name
 * for that code (a string comparison per row otherwise); nothing kept shares memory with the text.
 */
export class LsoaTally {
  readonly codes = new Interned();
  /** Placement -> LSOA code id and district name id. */
  readonly placeCode: number[] = [];
  readonly placeDistrict: number[] = [];
  /** Code id -> its LSOA name in the latest month met (copied), and that month. */
  readonly names: string[] = [];
  private readonly nameMonth: number[] = [];
  private readonly placeIds = new Map<number, number>();
  // The last LSOA name met with each code, and its placement (-1: no district, no location).
  private readonly rawName: string[] = [];
  private readonly rawPlace: number[] = [];
  // Point sums of kept force-months: key force * CODE_SPAN + code id -> index.
  private readonly pointIndex = new Map<number, number>();
  private readonly sums: number[] = [];

  /** `districtId` interns a district name (the tally's list of names, shared with its counts). */
  constructor(private readonly districtId: (name: string) => number) {}

  /** The placement of a row's LSOA code and name, or -1 for a row with no location. */
  place(code: string, name: string, month: MonthKey): number {
    const c = this.codeIdOf(code);
    if (name === this.rawName[c]) return this.rawPlace[c] as number;
    const district = districtOf(name);
    const copy = copied(name);
    this.rawName[c] = copy;
    if (district === "") {
      this.rawPlace[c] = -1;
      return -1;
    }
    const d = this.districtId(district);
    const key = c * 65536 + d;
    let p = this.placeIds.get(key);
    if (p === undefined) {
      p = this.placeCode.length;
      this.placeIds.set(key, p);
      this.placeCode.push(c);
      this.placeDistrict.push(d);
    }
    this.rawPlace[c] = p;
    if (month >= (this.nameMonth[c] as number)) {
      this.names[c] = copy;
      this.nameMonth[c] = month;
    }
    return p;
  }

  private codeIdOf(code: string): number {
    const before = this.codes.list.length;
    const c = this.codes.id(code);
    if (c === before) {
      this.rawName.push("");
      this.rawPlace.push(-1);
      this.names.push("");
      this.nameMonth.push(-Infinity);
    }
    return c;
  }

  /** Adds a kept force-month's points to the force's sums. */
  keepPoints(force: number, points: PendingPoints): void {
    for (const [code, [x, y, n]] of points) {
      const key = force * CODE_SPAN + code;
      let i = this.pointIndex.get(key);
      if (i === undefined) {
        i = this.sums.length;
        this.pointIndex.set(key, i);
        this.sums.push(0, 0, 0);
      }
      this.sums[i] = (this.sums[i] as number) + x;
      this.sums[i + 1] = (this.sums[i + 1] as number) + y;
      this.sums[i + 2] = (this.sums[i + 2] as number) + n;
    }
  }

  /**
   * The mean point of a code's rows in the files of the given forces (ids of the tally's force
   * names), or null when none of them has a point.
   */
  meanPoint(
    code: number,
    forces: readonly number[]
  ): { longitude: number; latitude: number } | null {
    let x = 0;
    let y = 0;
    let n = 0;
    for (const f of forces) {
      const i = this.pointIndex.get(f * CODE_SPAN + code);
      if (i === undefined) continue;
      x += this.sums[i] as number;
      y += this.sums[i + 1] as number;
      n += this.sums[i + 2] as number;
    }
    return n === 0 ? null : { longitude: x / n, latitude: y / n };
  }
}

/** A row's map point, or null: police.uk leaves both blank for a crime with no location. */
export function pointOf(lon: string, lat: string): [number, number] | null {
  if (lon === "" || lat === "") return null;
  const x = Number(lon);
  const y = Number(lat);
  if (!Number.isFinite(x) || !Number.isFinite(y) || Math.abs(x) > 180 || Math.abs(y) > 90)
    return null;
  return [x, y];
}
