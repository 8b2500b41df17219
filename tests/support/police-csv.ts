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
    located ? "0.140000" : "",
    located ? "52.200000" : "",
    r.location ?? (located ? "On or near High Street" : "No location"),
    located ? "E01018000" : "",
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
