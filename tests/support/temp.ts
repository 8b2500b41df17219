import { mkdtempSync, rmSync } from "fs";
import os from "os";
import path from "path";

/** A fresh temporary folder per test file, removed afterwards. */
export function tempDir(prefix: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), `cdrp-${prefix}-`));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
