import { MonthKey, keyMonth, keyYear, monthKey } from "../../core";

/** The street-level crime header of data.police.uk, exactly (spec/open-data.md). */
export const POLICE_HEADER = [
  "Crime ID",
  "Month",
  "Reported by",
  "Falls within",
  "Longitude",
  "Latitude",
  "Location",
  "LSOA code",
  "LSOA name",
  "Crime type",
  "Last outcome category",
  "Context",
] as const;

/** Column positions used on the hot path. */
export const COL = {
  month: 1,
  reportedBy: 2,
  fallsWithin: 3,
  longitude: 4,
  latitude: 5,
  lsoaCode: 7,
  lsoaName: 8,
  crimeType: 9,
} as const;

export const POLICE_PRIORITY = "Police recorded crime (police.uk)";

/** "Anti-social behaviour" -> "ANTI_SOCIAL_BEHAVIOUR": capitals, each run of other characters one "_". */
export function measureIdOf(crimeType: string): string {
  return crimeType
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
}

/** "King's Lynn and West Norfolk 003C" -> "King's Lynn and West Norfolk"; "" for no location. */
export function districtOf(lsoaName: string): string {
  const trimmed = lsoaName.trim();
  const space = trimmed.lastIndexOf(" ");
  return space <= 0 ? "" : trimmed.slice(0, space).trimEnd();
}

/** Names compare as people read them: case, runs of spaces and curly apostrophes do not matter. */
export function normalName(name: string): string {
  return name
    .trim()
    .replace(/\s+/g, " ")
    .replace(/[\u2018\u2019]/g, "'")
    .toLowerCase();
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** "2024-01" -> month key, or null. */
export function parseMonth(text: string): MonthKey | null {
  const m = MONTH.exec(text);
  return m ? monthKey(Number(m[1]), Number(m[2])) : null;
}

/** Month key -> "2024-01". */
export function monthText(key: MonthKey): string {
  return `${keyYear(key)}-${String(keyMonth(key)).padStart(2, "0")}`;
}

/**
 * The month a download's path names: the file "2024-01-cambridgeshire-street.csv", else its folder
 * "2024-01/". Null when neither does (a file the user renamed).
 */
export function monthOfPath(path: string): MonthKey | null {
  const parts = path.split(/[\\/]/);
  const name = parts[parts.length - 1] ?? "";
  const fromName = /^(\d{4}-\d{2})-/.exec(name);
  if (fromName) return parseMonth(fromName[1] as string);
  const folder = parts[parts.length - 2] ?? "";
  return parseMonth(folder);
}

/** Files of a folder or zip that hold street-level crime (the download also offers outcomes, stop and search). */
export function isStreetFile(path: string): boolean {
  return /-street\.csv$/i.test(path);
}
