import { promises as fs } from "fs";
import path from "path";
import { LIMITS, WorkbookReadError } from "../xlsx";
import { megabytes } from "../xlsx/limits";

/**
 * Writes a file whole or not at all: to a temporary file beside the target, then a rename (atomic
 * on one file system). A failure leaves no partial file behind.
 */
export async function writeAtomic(target: string, data: Buffer): Promise<void> {
  const dir = path.dirname(path.resolve(target));
  await fs.mkdir(dir, { recursive: true });
  const tmp = path.join(
    dir,
    `.cdrp-tmp-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.xlsx`
  );
  try {
    await fs.writeFile(tmp, data, { flag: "wx" });
    await fs.rename(tmp, target);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
}

/** True when two paths name the same file (so the input is never overwritten, even via another path). */
export async function sameFile(a: string, b: string): Promise<boolean> {
  const ra = path.resolve(a);
  const rb = path.resolve(b);
  if (ra === rb) return true;
  try {
    const [sa, sb] = await Promise.all([fs.stat(ra), fs.stat(rb)]);
    return sa.ino === sb.ino && sa.dev === sb.dev;
  } catch {
    return false;
  }
}

/**
 * Reads an input workbook: a regular file (not a device such as /dev/zero, a pipe or a folder) no
 * larger than LIMITS.fileBytes, read with that cap even if the file grows while being read.
 */
export async function readInput(file: string): Promise<Buffer> {
  const cannot = (why: string) => new WorkbookReadError(`Cannot read ${file}: ${why}.`);
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, "r");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw cannot(
      code === "ENOENT"
        ? "there is no such file"
        : code === "EISDIR"
          ? "it is a folder"
          : code === "EACCES"
            ? "permission denied"
            : String(e)
    );
  }
  try {
    const st = await handle.stat();
    if (st.isDirectory()) throw cannot("it is a folder");
    if (!st.isFile()) throw cannot("it is not a regular file (a device, a pipe or a socket)");
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
