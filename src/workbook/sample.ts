import { monthKey, ymdToSerial } from "../core";
import { Cell } from "./snapshot";
import { CONTRACT_COLUMNS, DATE_FORMAT, DataColumn, DataSheet } from "./workbook-data";

/**
 * The sample: South Cambridgeshire, Q1 2010-11, rebuilt from the reference report. Quarterly totals,
 * the MARAC cases and the IDVAS table are as published; monthly splits, previous-year totals the report
 * does not print, the MARAC repeats of the full years and all peer rates are illustrative (the
 * "About this sample" sheet says so), chosen to agree with the report's text and positions.
 */
const PARTNERSHIP = "South Cambridgeshire";
const PRIORITY_1 = "1 Reducing Serious Acquisitive Crime";
const PRIORITY_3 = "3 Reduce Domestic Violence";

const date = (y: number, m: number, d: number) => ymdToSerial({ year: y, month: m, day: d });

/** Counts April..March of 2008-09 and 2009-10, then April..June 2010. Q1 sums as published. */
const MONTHLY: Record<string, { y2008: number[]; y2009: number[]; y2010: number[] }> = {
  // Published: 91 in Q1 2008-09, 105 in Q1 2010-11; 117 in Q1 2009-10 is illustrative ("lower than the previous year").
  DWELLING_BURGLARY: {
    y2008: [29, 31, 31, 34, 36, 33, 38, 41, 44, 37, 30, 32],
    y2009: [37, 41, 39, 35, 33, 36, 42, 45, 47, 40, 34, 38],
    y2010: [33, 36, 36],
  },
  // Published: 49 and 31; 40 in Q1 2009-10 is illustrative ("less than the previous year").
  THEFT_OF_VEHICLES: {
    y2008: [15, 17, 17, 16, 14, 15, 18, 17, 19, 15, 13, 14],
    y2009: [12, 14, 14, 13, 12, 11, 14, 15, 13, 12, 10, 11],
    y2010: [9, 11, 11],
  },
  // Published: 179, 158 and 182.
  THEFT_FROM_VEHICLES: {
    y2008: [58, 61, 60, 57, 55, 59, 64, 68, 66, 52, 49, 54],
    y2009: [50, 53, 55, 54, 52, 56, 61, 63, 60, 51, 47, 50],
    y2010: [57, 62, 63],
  },
};

/**
 * Police domestic abuse incidents, April 2008 to June 2010. Illustrative: the reference report draws
 * this chart ("Police incident data") but prints no figures.
 */
const DA_INCIDENTS = [
  98, 104, 101, 110, 107, 95, 99, 103, 112, 96, 92, 100, 105, 109, 113, 118, 114, 108, 111, 116,
  121, 107, 104, 112, 115, 119, 117,
];

const MSG = [
  "East Hertfordshire",
  "Uttlesford",
  "Mid Sussex",
  "Wokingham",
  "South Oxfordshire",
  "Vale of White Horse",
  "Huntingdonshire",
  "Chiltern",
  "Mid Suffolk",
  "Horsham",
  "Sevenoaks",
  "Tandridge",
  "Hart",
  "Stratford-on-Avon",
];

/** Crimes per 1,000 people over three months; the partnership's rate last. Illustrative. */
const PEER_RATES: Record<string, { previous: number[]; current: number[] }> = {
  // 12th of 15 in both periods, worse than average.
  DWELLING_BURGLARY: {
    previous: [
      0.3, 0.32, 0.34, 0.36, 0.38, 0.4, 0.42, 0.45, 0.47, 0.5, 0.54, 0.88, 0.92, 0.99, 0.84,
    ],
    current: [
      0.28, 0.31, 0.33, 0.35, 0.37, 0.39, 0.41, 0.43, 0.46, 0.49, 0.52, 0.81, 0.86, 0.93, 0.75,
    ],
  },
  // 3rd, then 4th; better than average.
  THEFT_OF_VEHICLES: {
    previous: [
      0.13, 0.18, 0.3, 0.33, 0.34, 0.36, 0.38, 0.4, 0.41, 0.43, 0.45, 0.48, 0.51, 0.55, 0.24,
    ],
    current: [
      0.1, 0.13, 0.16, 0.33, 0.35, 0.37, 0.38, 0.4, 0.42, 0.44, 0.46, 0.48, 0.51, 0.55, 0.2,
    ],
  },
  // 12th, then 13th; average.
  THEFT_FROM_VEHICLES: {
    previous: [
      0.78, 0.84, 0.89, 0.93, 0.97, 1.01, 1.05, 1.08, 1.12, 1.16, 1.2, 1.6, 2.1, 2.5, 1.24,
    ],
    current: [0.8, 0.86, 0.91, 0.95, 0.99, 1.03, 1.07, 1.1, 1.14, 1.18, 1.22, 1.26, 1.8, 2.4, 1.3],
  },
};

/** IDVAS referrals by district, exactly as the report's table (Cambridgeshire is the stated Total). */
const REFERRALS: [string, number[]][] = [
  ["Cambridge City", [68, 86, 80, 58, 292, 79]],
  ["East Cambridgeshire", [35, 30, 26, 21, 112, 23]],
  ["Fenland", [58, 50, 54, 50, 212, 38]],
  ["Huntingdonshire", [59, 51, 52, 71, 233, 95]],
  [PARTNERSHIP, [34, 30, 31, 41, 136, 33]],
  ["Total", [254, 247, 243, 241, 985, 268]],
];
const REFERRAL_PERIODS = [
  "Q1 2009-10",
  "Q2 2009-10",
  "Q3 2009-10",
  "Q4 2009-10",
  "2009-10",
  "Q1 2010-11",
];

function monthlyRows(): Cell[][] {
  const rows: Cell[][] = [];
  for (const [measure, years] of Object.entries(MONTHLY)) {
    const runs: [number, number[]][] = [
      [2008, years.y2008],
      [2009, years.y2009],
      [2010, years.y2010],
    ];
    for (const [year, counts] of runs) {
      counts.forEach((count, i) => {
        const key = monthKey(year, 4) + i;
        rows.push([measure, date(Math.floor(key / 12), (key % 12) + 1, 1), count]);
      });
    }
  }
  DA_INCIDENTS.forEach((count, i) => {
    const key = monthKey(2008, 4) + i;
    rows.push(["DA_INCIDENTS", date(Math.floor(key / 12), (key % 12) + 1, 1), count]);
  });
  return rows;
}

function peerRows(): Cell[][] {
  const rows: Cell[][] = [];
  const periods: [number, "previous" | "current"][] = [
    [date(2010, 2, 28), "previous"],
    [date(2010, 5, 31), "current"],
  ];
  for (const [measure, rates] of Object.entries(PEER_RATES)) {
    for (const [end, which] of periods) {
      const names = [...MSG, PARTNERSHIP];
      rates[which].forEach((rate, i) =>
        rows.push([measure, end, names[i] as string, rate, null, null])
      );
    }
  }
  return rows;
}

const col = (name: string) => CONTRACT_COLUMNS[name] as DataColumn[];

export function sampleWorkbook(): DataSheet[] {
  return [
    {
      name: "Settings",
      table: "Settings",
      columns: col("Settings"),
      rows: [
        ["Partnership", PARTNERSHIP],
        ["Period end", date(2010, 6, 30)],
        ["Baseline year", "2008-09"],
        ["Year start month", 4],
        ["Window", "year to date"],
        ["Peer band method", "sd"],
        ["Default tolerance", 0.05],
        ["SPC baseline months", null],
        ["Protective marking", "OFFICIAL-SENSITIVE"],
      ],
      cellFormats: [
        { row: 1, col: 1, numFmt: DATE_FORMAT },
        { row: 2, col: 1, numFmt: "@" },
      ],
    },
    {
      name: "Measures",
      table: "Measures",
      columns: col("Measures"),
      rows: [
        [
          "DWELLING_BURGLARY",
          "Dwelling Burglary",
          PRIORITY_1,
          "lower is better",
          "below baseline",
          null,
          null,
          "1.1",
        ],
        [
          "THEFT_OF_VEHICLES",
          "Theft of Vehicles",
          PRIORITY_1,
          "lower is better",
          "below baseline",
          null,
          null,
          "2.1",
        ],
        [
          "THEFT_FROM_VEHICLES",
          "Theft from Vehicles",
          PRIORITY_1,
          "lower is better",
          "below baseline",
          null,
          null,
          "2.3",
        ],
        [
          "NI32",
          "NI 32: repeat incidents of domestic violence",
          PRIORITY_3,
          "lower is better",
          "at most",
          0.28,
          null,
          null,
        ],
        [
          "IDVAS_REFERRALS",
          "Referrals to the IDVAS",
          PRIORITY_3,
          "higher is better",
          "increase on baseline",
          0.5,
          null,
          null,
        ],
        [
          "DA_INCIDENTS",
          "Police domestic abuse incidents",
          PRIORITY_3,
          "lower is better",
          "none",
          null,
          null,
          null,
        ],
      ],
    },
    { name: "Monthly", table: "Monthly", columns: col("Monthly"), rows: monthlyRows() },
    { name: "Peers", table: "Peers", columns: col("Peers"), rows: peerRows() },
    {
      name: "MARAC",
      table: "MARAC",
      columns: col("MARAC"),
      rows: [
        // Cases as published (271, 399, 146) and Q1's 46 repeats; the full years' repeats are illustrative.
        ["2008-09", "Cambridgeshire", 271, 70],
        ["2009-10", "Cambridgeshire", 399, 110],
        ["Q1 2010-11", "Cambridgeshire", 146, 46],
      ],
    },
    {
      name: "Referrals",
      table: "Referrals",
      columns: col("Referrals"),
      rows: REFERRALS.flatMap(([area, values]) =>
        values.map((v, i) => [REFERRAL_PERIODS[i] as string, area, v] as Cell[])
      ),
    },
    {
      name: "About this sample",
      table: null,
      columns: [{ header: "About this sample", width: 110, kind: "text" }],
      rows: [
        [
          "South Cambridgeshire CDRP, Q1 2010-11, rebuilt from the published quarterly performance report (July 2010).",
        ],
        [
          "As published: the quarterly totals (dwelling burglary 105, 91 in 2008-09; thefts of vehicles 31, 49; thefts from vehicles 182, 158 the previous year, 179 in 2008-09),",
        ],
        [
          "the MARAC cases (271, 399, 146) with Q1's 46 repeats, and the IDVAS referrals by district.",
        ],
        [
          "Illustrative: the monthly splits, previous-year totals the report does not print, the full years' MARAC repeats and every peer rate.",
        ],
        [
          "They are chosen to agree with the report's text: 12th of 15 for burglary, 3rd then 4th for thefts of vehicles, 12th then 13th for thefts from vehicles.",
        ],
        [
          "Illustrative too: the police domestic abuse incidents per month (DA_INCIDENTS, April 2008 to June 2010). The report draws that chart but prints no figures.",
        ],
        [
          "The protective marking OFFICIAL-SENSITIVE (Settings) shows where a marking is printed on every page; the published report carries none.",
        ],
      ],
    },
  ];
}
