/**
 * Choices the person asked the pane to remember, kept in the browser's localStorage on this computer
 * under Office's partition key where there is one (office-js-docs-pr
 * docs/develop/persisting-add-in-state-and-settings.md, "Browser storage" and "Storage
 * partitioning"). Nothing is sent anywhere. Where storage is unavailable the pane simply asks again.
 */
const REPLACE_KEY = "cdrp.replaceReportWithoutAsking";

/** Office.context.partitionKey: undefined where storage is not partitioned (Windows webviews). */
function key(): string {
  const office = (globalThis as { Office?: { context?: { partitionKey?: unknown } } }).Office;
  const partition = office?.context?.partitionKey;
  return typeof partition === "string" && partition !== "" ? partition + REPLACE_KEY : REPLACE_KEY;
}

function storage(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null; // a browser that refuses storage to this page
  }
}

/** The person chose "Don't ask again" when replacing a report (and so clearing Undo). */
export function replaceWithoutAsking(): boolean {
  try {
    return storage()?.getItem(key()) === "yes";
  } catch {
    return false;
  }
}

export function rememberReplaceWithoutAsking(): void {
  try {
    storage()?.setItem(key(), "yes");
  } catch {
    // Storage full or refused: the pane asks again next time, which is safe.
  }
}

/** For tests and for a person who wants the question back (not offered in the pane yet). */
export function forgetReplaceWithoutAsking(): void {
  try {
    storage()?.removeItem(key());
  } catch {
    // nothing to forget
  }
}
