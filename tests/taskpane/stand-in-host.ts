/** A stand-in for the Excel host: the real sample's model, crafted issues, and controllable calls. */
import type { CheckResult, GenerateOptions, GenerateResult } from "../../src/excel/generate";
import type { PaneHost } from "../../src/taskpane/pane-host";
import { analyse, snapshotOfData, sampleWorkbook, type Issue } from "../../src/workbook";

const sample = analyse(snapshotOfData(sampleWorkbook()));
if (!sample.model) throw new Error("the sample workbook should produce a model");
export const sampleModel = sample.model;

/** Errors and warnings on two sheets, deliberately out of order (the pane sorts them). */
export const craftedIssues: Issue[] = [
  {
    severity: "warning",
    code: "MONTH_MISSING",
    sheet: "Monthly",
    cell: "B20",
    message: "DWELLING_BURGLARY has no row for May 2009, inside the compared windows.",
  },
  {
    severity: "error",
    code: "COUNT_NOT_INTEGER",
    sheet: "Monthly",
    cell: "C7",
    message: "The count 12.5 is not a whole number; enter the recorded count.",
  },
  {
    severity: "warning",
    code: "PEER_COUNTS_MISSING",
    sheet: "Peers",
    cell: "E2",
    message: "Peers has rates but no counts, so the bands use the standard deviation.",
  },
  {
    severity: "error",
    code: "PEER_RATE_INVALID",
    sheet: "Peers",
    cell: "D9",
    message: "The rate -1 is not a positive number.",
  },
  {
    severity: "error",
    code: "COUNT_NEGATIVE",
    sheet: "Monthly",
    cell: "C3",
    message: "The count -4 is negative; counts are zero or more.",
  },
];

export const checkWithErrors: CheckResult = {
  issues: craftedIssues,
  ok: false,
  model: null,
  empty: false,
};

export const checkOk: CheckResult = { issues: [], ok: true, model: sampleModel, empty: false };

export const checkEmpty: CheckResult = {
  issues: [
    {
      severity: "error",
      code: "TABLE_MISSING",
      sheet: "Settings",
      cell: "A1",
      message: 'The workbook has no table or sheet named "Settings".',
    },
  ],
  ok: false,
  model: null,
  empty: true,
};

export const reportSheets = [
  "Summary",
  "1 Reducing Serious Acquisitive Crime",
  "3 Reduce Domestic Violence",
  "Domestic Abuse",
];

export const written: GenerateResult = {
  status: "written",
  sheets: reportSheets,
  model: sampleModel,
  issues: [],
  plan: { sheets: [] } as unknown as Extract<GenerateResult, { status: "written" }>["plan"],
  syncs: 4,
  requestEstimates: [1000],
};

/** A promise the test settles by hand, to look at the pane while the host is still working. */
export interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (reason: unknown) => void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

export type StandInHost = {
  [K in keyof PaneHost]: jest.Mock<ReturnType<PaneHost[K]>, Parameters<PaneHost[K]>>;
};

/** Every call resolves with these defaults unless a test overrides it with mockResolvedValueOnce etc. */
export function standInHost(check: CheckResult = checkWithErrors): StandInHost {
  return {
    check: jest.fn<Promise<CheckResult>, []>(() => Promise.resolve(check)),
    generate: jest.fn<Promise<GenerateResult>, [GenerateOptions?]>(() => Promise.resolve(written)),
    insertTemplate: jest.fn<Promise<string[]>, []>(() =>
      Promise.resolve(["Settings", "Measures", "Monthly", "Peers", "MARAC", "Referrals"])
    ),
    insertSample: jest.fn<Promise<string[]>, []>(() =>
      Promise.resolve(["Settings", "Measures", "Monthly", "Peers", "MARAC", "Referrals"])
    ),
    goTo: jest.fn<Promise<void>, [string, string]>(() => Promise.resolve()),
  };
}
