import { coreSection } from "./section-core";
import { engineSection } from "./section-engine";
import { functionsSection } from "./section-functions";
import { reportSection } from "./section-report";
import { batchSection } from "./section-batch";
import { officeSection } from "./section-office";
import { hardeningSection } from "./section-hardening";
import { openDataSection } from "./section-open-data";
import { Section } from "./types";

/**
 * Every section of the bench, in the order it runs and prints. A new figure (the .xlsx report end
 * to end, Office.js sync counts and bytes per sync against the fake host) is a new module exporting
 * a Section, added here; its result lands under its key in the JSON output.
 */
export const SECTIONS: readonly Section[] = [
  functionsSection,
  coreSection,
  engineSection,
  reportSection,
  batchSection,
  officeSection,
  hardeningSection,
  openDataSection,
];
