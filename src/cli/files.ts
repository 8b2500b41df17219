import { Stats, constants as fsConstants, promises as fs, rmSync } from "fs";
import path from "path";
import { LIMITS, megabytes } from "../xlsx/limits";
import { WorkbookReadError } from "../xlsx/errors";

/** Temporary files this process is writing: removed if it is interrupted (SIGINT, SIGTERM). */
const pending = new Set<string>();

/** `.cdrp-tmp-<pid>-<ms>-<random>.xlsx`: the owner's pid and start time say when a leftover is stale. */
const TEMP_NAME = /^\.cdrp-tmp-(\d+)-(\d+)-[a-z0-9]+\.xlsx$/;

/** A leftover older than this is stale even if its pid is alive again (pids are reused). */
export const STALE_TEMP_MS = 60 * 60 * 1000;

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM"; // exists, owned by someone else
  }
}

/**
 * Removes our own temporary files left in `dir` by a run that was killed (SIGKILL, a power cut):
 * those whose process is gone, or older than STALE_TEMP_MS. Nothing else is touched.
 */
export async function sweepStaleTemps(dir: string, now = Date.now()): Promise<string[]> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = TEMP_NAME.exec(name);
    if (!m) continue;
    const full = path.join(dir, name);
    if (pending.has(full)) continue;
    const pid = Number(m[1]);
    const started = Number(m[2]);
    if (alive(pid) && now - started < STALE_TEMP_MS) continue;
    await fs.rm(full, { force: true });
    removed.push(full);
  }
  return removed;
}

/** A fresh temporary file name beside `target`, registered for removal on SIGINT/SIGTERM. */
export function tempFor(target: string): string {
  const dir = path.dirname(path.resolve(target));
  const tmp = path.join(
    dir,
    `.cdrp-tmp-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.xlsx`
  );
  pending.add(tmp);
  return tmp;
}

function removePendingSync(): void {
  for (const tmp of pending) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // best effort: the next run sweeps what is left
    }
  }
  pending.clear();
}

let installed = false;

/**
 * On Ctrl-C, SIGTERM or SIGHUP, removes the temporary files being written, then ends the process
 * by the same signal (the shell sees 130, 143, 129). Installed by the `cdrp` entry point, not by
 * library callers. process.exit() is not enough: it waits for Node's I/O threads, and one blocked
 * for ever (an open() of a fifo no one writes to) would keep the process alive; a signal with its
 * default action ends it whatever it is waiting on.
 */
export function installSignalCleanup(): void {
  if (installed) return;
  installed = true;
  const codes: Record<string, number> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
  for (const [name, code] of Object.entries(codes)) {
    const signal = name as NodeJS.Signals;
    const onSignal = () => {
      removePendingSync();
      process.removeListener(signal, onSignal);
      process.kill(process.pid, signal);
      // Only if something else still handles the signal (it was not our listener alone).
      setTimeout(() => process.exit(code), 200).unref();
    };
    process.on(signal, onSignal);
  }
}

/**
 * Writes a file whole or not at all: to a temporary file beside the target, then a rename (atomic
 * on one file system). A failure or an interruption leaves no partial file behind; stale temporary
 * files of earlier killed runs are swept first.
 */
/** Folders whose stale temporary files this process has swept. */
const swept = new Set<string>();

export async function writeAtomic(target: string, data: Buffer): Promise<void> {
  const dir = path.dirname(path.resolve(target));
  await fs.mkdir(dir, { recursive: true });
  // Once a folder per run: a batch writes many reports into one.
  if (!swept.has(dir)) {
    swept.add(dir);
    await sweepStaleTemps(dir);
  }
  const tmp = tempFor(target);
  try {
    await fs.writeFile(tmp, data, { flag: "wx" });
    await fs.rename(tmp, target);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  } finally {
    pending.delete(tmp);
  }
}

/**
 * What a path is known by: its absolute form, its real path (its folder's, when it does not exist
 * yet: the folder may be a link to another) and, when it exists, its device and inode. Two paths
 * name the same file when they share one.
 */
export async function fileKeys(p: string): Promise<string[]> {
  const abs = path.resolve(p);
  const keys = [abs];
  try {
    keys.push(await fs.realpath(abs));
  } catch {
    try {
      keys.push(path.join(await fs.realpath(path.dirname(abs)), path.basename(abs)));
    } catch {
      // Neither it nor its folder is there: its absolute form is all there is.
    }
  }
  try {
    const st = await fs.stat(abs);
    keys.push(`inode ${st.dev}:${st.ino}`);
  } catch {
    // Not there yet.
  }
  return keys;
}

/** True when two paths name the same file (so an input is never overwritten, even via another path). */
export async function sameFile(a: string, b: string): Promise<boolean> {
  if (path.resolve(a) === path.resolve(b)) return true;
  const [ka, kb] = await Promise.all([fileKeys(a), fileKeys(b)]);
  return ka.some((k) => kb.includes(k));
}

/** O_NONBLOCK where the platform has it: opening a fifo then returns at once instead of waiting. */
const OPEN_NONBLOCK = fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0);

/**
 * Reads an input workbook: a regular file (not a device such as /dev/zero, a pipe or a folder) no
 * larger than LIMITS.fileBytes, read with that cap even if the file grows while being read. The
 * path is looked at before it is opened, and opened without blocking: opening a fifo waits for a
 * writer, for ever, and a process waiting there cannot even exit cleanly.
 */
export async function readInput(file: string): Promise<Buffer> {
  const cannot = (why: string) => new WorkbookReadError(`Cannot read ${file}: ${why}.`);
  const notRegular = "it is not a regular file (a device, a pipe or a socket)";
  const why = (e: unknown) => {
    const code = (e as NodeJS.ErrnoException).code;
    return code === "ENOENT"
      ? "there is no such file"
      : code === "EISDIR"
        ? "it is a folder"
        : code === "EACCES"
          ? "permission denied"
          : String(e);
  };
  let before: Stats;
  try {
    before = await fs.stat(file);
  } catch (e) {
    throw cannot(why(e));
  }
  if (before.isDirectory()) throw cannot("it is a folder");
  if (!before.isFile()) throw cannot(notRegular);
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, OPEN_NONBLOCK);
  } catch (e) {
    throw cannot(why(e));
  }
  try {
    const st = await handle.stat();
    // The path may have been swapped between the look and the open: read only what was looked at.
    if (!st.isFile() || st.ino !== before.ino || st.dev !== before.dev) throw cannot(notRegular);
    const limit = LIMITS.fileBytes;
    const tooBig = () =>
      new WorkbookReadError(
        `${file} is over the ${megabytes(limit)} cdrp reads. Split the workbook (one partnership or year per file).`
      );
    if (st.size > limit) throw tooBig();
    const buf = Buffer.alloc(Math.min(st.size, limit) + 1);
    let got = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buf, got, buf.length - got, got);
      if (bytesRead === 0) break;
      got += bytesRead;
      if (got > limit) throw tooBig();
      if (got === buf.length) break;
    }
    return buf.subarray(0, got);
  } finally {
    await handle.close();
  }
}
