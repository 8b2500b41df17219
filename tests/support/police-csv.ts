/** police.uk street-level CSVs for tests and the bench, written in the published format. */
export const HEADER =
  "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context";

export interface Row {
  month: string;
  force: string;
  /** Falls within; the reporting force when omitted. */
  within?: string;
  /** The LSOA name ("South Cambridgeshire 012B"); "" for no location. */
  lsoa: string;
  type: string;
  location?: string;
  id?: string;
  /** The LSOA code; by default one derived from the LSOA name, so each name is its own area. */
  code?: string;
  /** The map point; by default 0.14, 52.2 for a located row. */
  longitude?: number;
  latitude?: number;
}

/** A stable made-up LSOA code for a name: "E01" and six digits. */
export function codeOf(lsoa: string): string {
  let h = 7;
  for (let i = 0; i < lsoa.length; i++) h = (h * 31 + lsoa.charCodeAt(i)) % 1_000_000;
  return `E01${String(h).padStart(6, "0")}`;
}

const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export function csvLine(r: Row, n = 0): string {
  const asb = r.type === "Anti-social behaviour";
  const id = r.id ?? (asb ? "" : `c${n.toString(16).padStart(8, "0")}`);
  const located = r.lsoa !== "";
  return [
    id,
    r.month,
    r.force,
    r.within ?? r.force,
    located ? (r.longitude ?? 0.14).toFixed(6) : "",
    located ? (r.latitude ?? 52.2).toFixed(6) : "",
    r.location ?? (located ? "On or near High Street" : "No location"),
    located ? (r.code ?? codeOf(r.lsoa)) : "",
    r.lsoa,
    r.type,
    asb ? "" : "Investigation complete; no suspect identified",
    "",
  ]
    .map(quote)
    .join(",");
}

export function policeCsv(
  rows: readonly Row[],
  opts: { crlf?: boolean; bom?: boolean } = {}
): string {
  const nl = opts.crlf ? "\r\n" : "\n";
  const body = rows.map((r, i) => csvLine(r, i)).join(nl);
  return `${opts.bom ? "\ufeff" : ""}${HEADER}${nl}${body}${rows.length > 0 ? nl : ""}`;
}

/** n rows of one force and month spread over districts and types, deterministic. */
export function syntheticRows(
  force: string,
  month: string,
  districts: readonly string[],
  types: readonly string[],
  n: number,
  seed = 1
): Row[] {
  let s = seed;
  const next = () => (s = (s * 1103515245 + 12345) % 2147483648) >>> 8;
  return Array.from({ length: n }, () => {
    const d = districts[next() % districts.length] as string;
    const t = types[next() % types.length] as string;
    const lsoa = next() % 50 === 0 ? "" : `${d} ${String(next() % 90).padStart(3, "0")}A`;
    return { month, force, lsoa, type: t };
  });
}
