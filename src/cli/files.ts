import { promises as fs } from "fs";
import path from "path";

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
