import { existsSync, readFileSync } from "fs";
import path from "path";
import { GEOGRAPHY_FILES, Geography, GeographyText } from "../workbook/geography";

/**
 * The shipped ONS tables (data/geography), read once. The folder sits beside lib/ (and src/) in
 * the repository and in the command line's package, so it is found from this file's own place
 * (one level further up from the bench's build, lib-bench/src/cli).
 */
export const GEOGRAPHY_DIR =
  [
    path.resolve(__dirname, "..", "..", "data", "geography"),
    path.resolve(__dirname, "..", "..", "..", "data", "geography"),
  ].find((d) => existsSync(d)) ?? path.resolve(__dirname, "..", "..", "data", "geography");

let loaded: Geography | null = null;

export function geographyText(dir: string = GEOGRAPHY_DIR): GeographyText {
  const read = (name: string) => readFileSync(path.join(dir, name), "utf8");
  return {
    lookup: read(GEOGRAPHY_FILES.lookup),
    population: read(GEOGRAPHY_FILES.population),
    forces: read(GEOGRAPHY_FILES.forces),
  };
}

export function loadGeography(): Geography {
  if (!loaded) loaded = new Geography(geographyText());
  return loaded;
}
