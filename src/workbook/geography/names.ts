/**
 * Place names as people type them and as the ONS and police.uk write them: "Bristol", "bristol",
 * "City of Bristol" and ONS's "Bristol, City of" are one place; so are "King’s Lynn" and
 * "Kings Lynn", "Devon & Cornwall" and "Devon and Cornwall", "The Vale of Glamorgan" and "Vale of
 * Glamorgan". No two districts, CSPs or forces of England and Wales differ only in these ways.
 */

/** The form names are compared in: any case, &/and, apostrophes, full stops, hyphens, "The ". */
export function nameKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/['\u2018\u2019\u02bc`.]/g, "")
    .replace(/[-\u2010-\u2015,]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^the /, "");
}

/** ONS writes some names inverted: "Bristol, City of", "Herefordshire, County of". */
const INVERTED = /^(.+?),\s*((?:city|county|borough) of)$/i;

/** Every key a published name is known by: as written, plain ("Bristol") and in full ("City of Bristol"). */
export function keysOf(published: string): string[] {
  const keys = [nameKey(published)];
  const m = INVERTED.exec(published.trim());
  if (m) keys.push(nameKey(m[1] as string), nameKey(`${m[2] as string} ${m[1] as string}`));
  return [...new Set(keys)];
}

/** The name shown in the workbook: "Bristol, City of" -> "City of Bristol"; others as published. */
export function displayName(published: string): string {
  const m = INVERTED.exec(published.trim());
  if (!m) return published.trim();
  const lead = m[2] as string;
  return `${lead.charAt(0).toUpperCase()}${lead.slice(1).toLowerCase()} ${m[1] as string}`;
}
