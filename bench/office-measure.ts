import { FakeExcel } from "../tests/fake-excel";
import { PlatformProfile } from "../tests/fake-excel/profiles";
import { bigPoliceImport } from "../tests/support/big-import";
import { checkWorkbook, generateReport, readWorkbook, resetTypedValues } from "../src/excel";
import { importIntoWorkbook } from "../src/excel/import";
import { DataSheet, templateWorkbook } from "../src/workbook";

/** What one host call cost against the in-memory Excel. */
export interface Requests {
  syncs: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
  requestBytes: number[];
}

function requests(fake: FakeExcel): Requests {
  return {
    syncs: fake.syncCount,
    maxRequestBytes: fake.maxRequestBytes,
    maxResponseBytes: fake.maxResponseBytes,
    requestBytes: [...fake.requestBytes],
  };
}

/** Runs a host call on a fake installed as `profile`, so isSetSupported answers as it would. */
async function onProfile<T>(fake: FakeExcel, body: () => Promise<T>): Promise<T> {
  const restore = fake.install();
  try {
    return await body();
  } finally {
    restore();
  }
}

/** A new Excel session on the profile with this workbook: the first call of a session is the worst. */
function session(profile: PlatformProfile, sheets: DataSheet[]): FakeExcel {
  resetTypedValues();
  return new FakeExcel({ currentYear: 2010, profile }).seed(sheets);
}

export interface WorkbookRequests {
  check: Requests;
  generate: Requests;
}

/** Check, then Generate (the first report of a new session, agreed where it clears Undo). */
export async function measureWorkbook(
  sheets: () => DataSheet[],
  profile: PlatformProfile
): Promise<WorkbookRequests> {
  const checking = session(profile, sheets());
  const checked = await onProfile(checking, () => checkWorkbook(checking.context));
  if (!checked.ok) throw new Error("the workbook does not pass the check");
  const writing = session(profile, sheets());
  const r = await onProfile(writing, () =>
    generateReport(writing.context, undefined, { undoLossConfirmed: true })
  );
  if (r.status !== "written") throw new Error(`the report was not written (${r.status})`);
  return { check: requests(checking), generate: requests(writing) };
}

/** The pane's import of `rows` Monthly rows into the template, in a new session. */
export async function measureImport(rows: number, profile: PlatformProfile): Promise<Requests> {
  const fake = session(profile, templateWorkbook());
  const imp = bigPoliceImport(rows, "South Cambridgeshire");
  await onProfile(fake, () => importIntoWorkbook(fake.context, imp));
  return requests(fake);
}

/** The check's read of a large workbook. */
export async function measureRead(
  sheets: DataSheet[],
  profile: PlatformProfile
): Promise<Requests> {
  const fake = session(profile, sheets);
  await onProfile(fake, () => readWorkbook(fake.context));
  return requests(fake);
}
