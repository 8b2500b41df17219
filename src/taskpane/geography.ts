import forces from "../../data/geography/police-uk-forces.csv";
import lookup from "../../data/geography/lad-csp-pfa-dec2023.csv";
import population from "../../data/geography/ons-mye23-population-lad.csv";
import { Geography } from "../workbook/geography";

let parsed: Geography | null = null;

/**
 * The ONS tables the command line reads from data/geography, bundled into the pane's import chunk
 * as text (about 27 KB gzipped) and parsed by the same code: the same districts, CSPs, forces and
 * populations in both hosts.
 */
export function paneGeography(): Geography {
  if (!parsed) parsed = new Geography({ lookup, population, forces });
  return parsed;
}
