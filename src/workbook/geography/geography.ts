import { parse } from "papaparse";
import { Ymd } from "../../core";
import { nearestNames } from "../import/nearest";
import { displayName, keysOf, nameKey } from "./names";

/**
 * The ONS geography the import counts by (data/geography): which police force area each local
 * authority district is in, which Community Safety Partnerships (CSPs) it makes up, and its
 * mid-year populations; and police.uk's names and file slugs for each force. Pure: text in, lookup
 * out, so the command line (which reads the files) and the pane (which has them bundled) share it.
 */

export interface Force {
  /** ONS police force area code (E23000023); null for British Transport Police and Northern Ireland. */
  code: string | null;
  /** As police.uk's files name it (Reported by): "Cambridgeshire Constabulary". */
  name: string;
  /** police.uk's file slug: YYYY-MM-<slug>-street.csv. */
  slug: string;
}

export interface District {
  code: string;
  /** As the ONS publishes it: "Bristol, City of". */
  ons: string;
  /** As the workbook shows it: "City of Bristol". */
  name: string;
  force: Force;
  csps: Csp[];
}

export interface Csp {
  code: string;
  ons: string;
  name: string;
  districts: District[];
}

/** A partnership or peer as the import counts it. */
export interface Area {
  kind: "district" | "csp";
  /** As the workbook names it. */
  name: string;
  force: Force;
  /** The districts whose rows it counts, whole. Empty for a CSP counted by its former name. */
  districts: District[];
  /**
   * A CSP covering part of one district (Carlisle, in Cumberland) is counted from the rows police.uk
   * names by the CSP's own name: the former district it continues. Null otherwise.
   */
  formerName: string | null;
  /** How the name was understood, where a reader could take it otherwise; null when plain. */
  note: string | null;
}

export type AreaProblem = "AREA_NOT_FOUND" | "AREA_NOT_COUNTABLE" | "FORCE_ABSENT" | "AREA_NO_ROWS";

/** A partnership or peer that cannot be counted from these files: exit 1, with a sentence. */
export class AreaError extends Error {
  constructor(
    readonly code: AreaProblem,
    readonly typed: string,
    message: string,
    /** The closest names of the geography (AREA_NOT_FOUND), closest first. */
    readonly nearest: string[] = []
  ) {
    super(message);
    this.name = "AreaError";
  }
}

/** The geography's three tables, as text (UTF-8, with or without a byte order mark). */
export interface GeographyText {
  lookup: string;
  population: string;
  forces: string;
}

/** The data/geography file each table comes from. */
export const GEOGRAPHY_FILES: Record<keyof GeographyText, string> = {
  lookup: "lad-csp-pfa-dec2023.csv",
  population: "ons-mye23-population-lad.csv",
  forces: "police-uk-forces.csv",
};

function table(text: string, file: string, columns: string[]): Record<string, string>[] {
  const rows = parse<string[]>(text.replace(/^\ufeff/, ""), { skipEmptyLines: "greedy" }).data;
  const header = (rows[0] ?? []).map((h) => h.trim());
  const at = columns.map((c) => header.indexOf(c));
  const missing = columns.filter((_, i) => (at[i] as number) < 0);
  if (missing.length > 0)
    throw new Error(`${file}: no ${missing.join(", ")} column; the geography files are damaged.`);
  return rows.slice(1).map((r) => {
    const o: Record<string, string> = {};
    columns.forEach((c, i) => (o[c] = (r[at[i] as number] ?? "").trim()));
    return o;
  });
}

const list = (names: readonly string[]) =>
  names.length <= 1
    ? (names[0] ?? "")
    : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1] as string}`;

export class Geography {
  readonly districts: District[] = [];
  readonly csps: Csp[] = [];
  readonly forces: Force[] = [];
  private readonly districtKeys = new Map<string, District>();
  private readonly cspKeys = new Map<string, Csp>();
  private readonly forceKeys = new Map<string, Force>();
  private readonly forceSlugs = new Map<string, Force>();
  /** District code -> mid-year -> people. */
  private readonly people = new Map<string, Map<number, number>>();
  /** The mid-years the estimates cover, ascending. */
  readonly midYears: number[];

  constructor(text: GeographyText) {
    const byPfa = new Map<string, Force>();
    for (const r of table(text.forces, GEOGRAPHY_FILES.forces, [
      "force_slug",
      "falls_within",
      "PFA23CD",
      "PFA23NM",
    ])) {
      const force: Force = {
        code: r.PFA23CD || null,
        name: r.falls_within as string,
        slug: r.force_slug as string,
      };
      this.forces.push(force);
      for (const k of keysOf(force.name)) this.forceKeys.set(k, force);
      this.forceSlugs.set(force.slug.toLowerCase(), force);
      if (force.code) byPfa.set(force.code, force);
    }
    const districts = new Map<string, District>();
    const csps = new Map<string, Csp>();
    for (const r of table(text.lookup, GEOGRAPHY_FILES.lookup, [
      "LAD23CD",
      "LAD23NM",
      "CSP23CD",
      "CSP23NM",
      "PFA23CD",
      "PFA23NM",
    ])) {
      const pfa = r.PFA23CD as string;
      let force = byPfa.get(pfa);
      if (!force) {
        // Every force area has its police.uk force in the table; a new one still gets counted.
        force = { code: pfa, name: r.PFA23NM as string, slug: "" };
        byPfa.set(pfa, force);
        this.forces.push(force);
      }
      let d = districts.get(r.LAD23CD as string);
      if (!d) {
        const ons = r.LAD23NM as string;
        d = { code: r.LAD23CD as string, ons, name: displayName(ons), force, csps: [] };
        districts.set(d.code, d);
        this.districts.push(d);
        for (const k of keysOf(ons)) this.districtKeys.set(k, d);
      }
      let c = csps.get(r.CSP23CD as string);
      if (!c) {
        const ons = r.CSP23NM as string;
        c = { code: r.CSP23CD as string, ons, name: displayName(ons), districts: [] };
        csps.set(c.code, c);
        this.csps.push(c);
        for (const k of keysOf(ons)) this.cspKeys.set(k, c);
      }
      if (!d.csps.includes(c)) d.csps.push(c);
      if (!c.districts.includes(d)) c.districts.push(d);
    }
    const popRows = parse<string[]>(text.population.replace(/^\ufeff/, ""), {
      skipEmptyLines: "greedy",
    }).data;
    const header = popRows[0] ?? [];
    const years = header
      .map((h, i) => ({ i, m: /^Mid-(\d{4})$/.exec(h.trim()) }))
      .filter((x) => x.m !== null)
      .map((x) => ({ i: x.i, year: Number((x.m as RegExpExecArray)[1]) }));
    if (header[0]?.trim() !== "Code" || years.length === 0)
      throw new Error(`${GEOGRAPHY_FILES.population}: not the ONS mid-year estimates table.`);
    this.midYears = years.map((y) => y.year).sort((a, b) => a - b);
    for (const r of popRows.slice(1)) {
      const code = (r[0] ?? "").trim();
      if (!districts.has(code)) continue; // counties, regions and countries
      const byYear = new Map<number, number>();
      for (const y of years) {
        const n = Number((r[y.i] ?? "").replace(/,/g, ""));
        if (Number.isFinite(n) && n > 0) byYear.set(y.year, n);
      }
      this.people.set(code, byYear);
    }
  }

  /** The district a police.uk LSOA name's district part ("Bristol", "The Vale of Glamorgan") is. */
  districtOfRows(name: string): District | null {
    return this.districtKeys.get(nameKey(name)) ?? null;
  }

  /** The force of a file: by its Reported by, else by the slug in the file's name. */
  forceOf(reportedBy: string, file: string): Force | null {
    const byName = this.forceKeys.get(nameKey(reportedBy));
    if (byName) return byName;
    const slug = /(?:^|[\\/])\d{4}-\d{2}-(.+)-street\.csv$/i.exec(file)?.[1];
    return slug ? (this.forceSlugs.get(slug.toLowerCase()) ?? null) : null;
  }

  /** Every district and CSP name, for suggestions. */
  names(): string[] {
    return [...new Set([...this.districts, ...this.csps].map((x) => x.name))];
  }

  /**
   * A partnership or peer named as a district or a CSP, in any of the spellings people type.
   * Throws AreaError when it names nothing, or a CSP whose rows police.uk's files cannot give.
   */
  resolve(typed: string): Area {
    const key = nameKey(typed);
    const d = this.districtKeys.get(key);
    const c = this.cspKeys.get(key);
    if (d) {
      const sameAsCsp = c && c.districts.length === 1 && c.districts[0] === d;
      const note =
        c && !sameAsCsp
          ? `${d.name} is both a district and a Community Safety Partnership (CSP ${c.name}: ${list(c.districts.map((x) => x.name))}); the district is imported.`
          : null;
      return {
        kind: "district",
        name: d.name,
        force: d.force,
        districts: [d],
        formerName: null,
        note,
      };
    }
    if (c) {
      const first = c.districts[0] as District;
      if (c.districts.every((x) => x.csps.length === 1)) {
        return {
          kind: "csp",
          name: c.name,
          force: first.force,
          districts: [...c.districts],
          formerName: null,
          note: null,
        };
      }
      if (c.districts.length === 1) {
        return {
          kind: "csp",
          name: c.name,
          force: first.force,
          districts: [],
          formerName: c.ons,
          note: `${c.name} is a Community Safety Partnership covering part of ${first.name}; it is counted from the rows police.uk names "${c.ons}" (the former district of that name), so a month whose files no longer name it has no count.`,
        };
      }
      const split = c.districts.filter((x) => x.csps.length > 1).map((x) => x.name);
      throw new AreaError(
        "AREA_NOT_COUNTABLE",
        typed,
        `${c.name} is a Community Safety Partnership of ${list(c.districts.map((x) => x.name))}, but ${list(split)} lies only partly in it; police.uk rows name districts, not CSPs, so ${c.name}'s count cannot be taken from them. Name the districts instead.`
      );
    }
    const nearest = nearestNames(typed, this.names());
    throw new AreaError(
      "AREA_NOT_FOUND",
      typed,
      `"${typed.trim()}" is not a district or Community Safety Partnership of England and Wales (ONS, December 2023). Closest: ${nearest.slice(0, 8).join("; ")}.`,
      nearest
    );
  }

  /**
   * The ONS mid-year estimate for an area at the end of a window: the latest mid-year (30 June) at
   * or before it, a CSP the sum of its districts. Null when there is none (before mid-2011, or a
   * CSP counted by a former district's name, which the estimates do not cover).
   */
  population(area: Area, end: Ymd): { people: number; midYear: number } | null {
    if (area.districts.length === 0) return null;
    const wanted = end.month >= 6 ? end.year : end.year - 1;
    const midYear = [...this.midYears].reverse().find((y) => y <= wanted);
    if (midYear === undefined) return null;
    let people = 0;
    for (const d of area.districts) {
      const n = this.people.get(d.code)?.get(midYear);
      if (n === undefined) return null;
      people += n;
    }
    return { people, midYear };
  }
}
