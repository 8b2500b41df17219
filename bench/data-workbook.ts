import { monthKey, ymdToSerial } from "../src/core";
import { Cell, DataSheet, sampleWorkbook } from "../src/workbook";
import { randomInt, seededRandom } from "./random";

/**
 * A valid workbook of the sample's shape, scaled: `measures` crime measures with `months` months
 * each in Monthly (ending June 2010, the sample's period end), and a most similar group of
 * `peersPerGroup` members (the partnership included) in two periods for the first `peerMeasures`
 * measures. The sample's Settings, MARAC and Referrals tables and its NI32 and IDVAS_REFERRALS
 * measures are kept, so the normal path runs end to end.
 */
export interface WorkbookShape {
  measures: number;
  months: number;
  peersPerGroup: number;
  peerMeasures: number;
}

const LAST_MONTH = monthKey(2010, 6);
/** The sample's two peer periods. */
const PEER_PERIODS = [
  ymdToSerial({ year: 2010, month: 2, day: 28 }),
  ymdToSerial({ year: 2010, month: 5, day: 31 }),
];
const PRIORITIES = [
  "1 Reducing Serious Acquisitive Crime",
  "2 Reducing Violent Crime",
  "4 Anti-social Behaviour",
  "5 Other measures",
];
const DOMESTIC_MEASURES = new Set(["NI32", "IDVAS_REFERRALS"]);

const measureId = (i: number) => `MEASURE_${String(i + 1).padStart(5, "0")}`;

function sheetNamed(sheets: DataSheet[], name: string): DataSheet {
  const sheet = sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`The sample workbook has no ${name} sheet.`);
  return sheet;
}

function partnershipOf(sheets: DataSheet[]): string {
  const row = sheetNamed(sheets, "Settings").rows.find((r) => r[0] === "Partnership");
  if (!row || typeof row[1] !== "string") throw new Error("The sample has no Partnership setting.");
  return row[1];
}

function measureRows(shape: WorkbookShape, sample: DataSheet): Cell[][] {
  const rows: Cell[][] = [];
  for (let i = 0; i < shape.measures; i++) {
    const priority = PRIORITIES[i % PRIORITIES.length] as string;
    const label = `Measure ${i + 1}`;
    rows.push([
      measureId(i),
      label,
      priority,
      "lower is better",
      "below baseline",
      null,
      null,
      null,
    ]);
  }
  return [...rows, ...sample.rows.filter((r) => DOMESTIC_MEASURES.has(String(r[0])))];
}

function monthlyRows(shape: WorkbookShape): Cell[][] {
  const random = seededRandom(7);
  const first = LAST_MONTH - shape.months + 1;
  const monthSerials = Array.from({ length: shape.months }, (_, k) => {
    const key = first + k;
    return ymdToSerial({ year: Math.floor(key / 12), month: (key % 12) + 1, day: 1 });
  });
  const rows: Cell[][] = new Array<Cell[]>(shape.measures * shape.months);
  let r = 0;
  for (let i = 0; i < shape.measures; i++) {
    const id = measureId(i);
    for (const serial of monthSerials) rows[r++] = [id, serial, randomInt(random, 5, 60)];
  }
  return rows;
}

function peerRows(shape: WorkbookShape, partnership: string): Cell[][] {
  const random = seededRandom(15);
  const rows: Cell[][] = [];
  for (let i = 0; i < Math.min(shape.peerMeasures, shape.measures); i++) {
    for (const end of PEER_PERIODS) {
      for (let p = 0; p < shape.peersPerGroup; p++) {
        const name = p === 0 ? partnership : `Peer partnership ${p}`;
        const rate = Math.round((0.1 + random() * 1.9) * 100) / 100;
        rows.push([measureId(i), end, name, rate, null, null]);
      }
    }
  }
  return rows;
}

export function syntheticWorkbook(shape: WorkbookShape): DataSheet[] {
  if (shape.months < 27) throw new Error("At least 27 months: the baseline is April 2008.");
  const sheets = sampleWorkbook();
  const partnership = partnershipOf(sheets);
  const measures = sheetNamed(sheets, "Measures");
  measures.rows = measureRows(shape, measures);
  sheetNamed(sheets, "Monthly").rows = monthlyRows(shape);
  sheetNamed(sheets, "Peers").rows = peerRows(shape, partnership);
  return sheets;
}

/** Rows of a named table, for reporting what was measured. */
export function rowCount(sheets: readonly DataSheet[], name: string): number {
  return sheets.find((s) => s.name === name)?.rows.length ?? 0;
}
