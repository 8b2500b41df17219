import { existsSync, mkdirSync, readFileSync, writeFileSync } from "fs";
import path from "path";

const GOLDEN_DIR = path.join(__dirname, "..", "golden");

/**
 * Compares a value with tests/golden/<name>.json. `UPDATE_GOLDEN=1 npx jest` rewrites the file,
 * so a reviewer sees every change to generated output as a diff.
 */
export function expectGolden(name: string, value: unknown): void {
  const file = path.join(GOLDEN_DIR, `${name}.json`);
  const text = `${JSON.stringify(value, null, 2)}\n`;
  if (process.env.UPDATE_GOLDEN === "1" || !existsSync(file)) {
    if (process.env.CI === "true" && !existsSync(file)) throw new Error(`golden file ${file} is missing`);
    mkdirSync(GOLDEN_DIR, { recursive: true });
    writeFileSync(file, text);
  }
  expect(JSON.parse(text)).toEqual(JSON.parse(readFileSync(file, "utf8")));
}
