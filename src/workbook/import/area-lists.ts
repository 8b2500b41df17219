import { parse } from "papaparse";
import { Cell } from "../snapshot";
import { normalName } from "./police-format";

/** A peer-group or population table that cannot be read: exit 2, naming the file and line (or cell). */
export class AreaListError extends Error {
  constructor(
    readonly where: string,
    reason: string
  ) {
    super(`${where}: ${reason}`);
    this.name = "AreaListError";
  }
}

/** Where a cell of a table is, for messages: a file's line, or a sheet's cell. */
export type Locate = (row: number, col: number) => string;

/** The rows of a small CSV (a peer list, a population table), parsed by papaparse. */
export function csvRows(text: string): string[][] {
  const result = parse<string[]>(text.replace(/^\ufeff/, ""), { skipEmptyLines: "greedy" });
  return result.data;
}

const lineOf =
  (file: string): Locate =>
  (row) =>
    `${file}, line ${row + 1}`;

function column(rows: readonly (readonly Cell[])[], name: string, at: Locate): number {
  const header = rows[0] ?? [];
  const i = header.findIndex((h) => typeof h === "string" && normalName(h) === name.toLowerCase());
  if (i < 0) {
    const found = header.filter((h) => h !== null).join(", ");
    throw new AreaListError(
      at(0, 0),
      `no "${name}" column in the header (found: ${found || "nothing"}).`
    );
  }
  return i;
}

/** The members a peer-group table names in its Partnership column. */
export function peerGroupFrom(rows: readonly (readonly Cell[])[], at: Locate): string[] {
  const col = column(rows, "Partnership", at);
  return rows
    .slice(1)
    .map((r) => r[col])
    .filter(
      (v): v is string | number =>
        (typeof v === "string" && v.trim() !== "") || typeof v === "number"
    )
    .map((v) => String(v).trim());
}

/** Area -> population from a table with Area and Population columns. */
export function populationFrom(
  rows: readonly (readonly Cell[])[],
  at: Locate
): Map<string, number> {
  const aCol = column(rows, "Area", at);
  const pCol = column(rows, "Population", at);
  const out = new Map<string, number>();
  rows.slice(1).forEach((r, i) => {
    const area = r[aCol];
    if (typeof area !== "string" || area.trim() === "") return;
    const raw = r[pCol];
    const n = typeof raw === "number" ? raw : Number(String(raw ?? "").replace(/[,\s]/g, ""));
    if (raw === null || raw === "" || !Number.isFinite(n) || n <= 0) {
      throw new AreaListError(
        at(i + 1, pCol),
        `the population of ${area.trim()} is "${String(raw ?? "")}"; it must be a number of people above 0.`
      );
    }
    out.set(area.trim(), n);
  });
  return out;
}

export const peerGroupCsv = (text: string, file: string): string[] =>
  peerGroupFrom(csvRows(text), lineOf(file));
export const populationCsv = (text: string, file: string): Map<string, number> =>
  populationFrom(csvRows(text), lineOf(file));
