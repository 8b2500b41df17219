/** What the pane is waiting for; one action at a time, and the words its progress indicator shows. */
export type Busy = "check" | "generate" | "template" | "sample" | "import";

export const BUSY_LABELS: Record<Busy, string> = {
  check: "Reading the workbook…",
  // PaneHost.generate() is one call (read, validate, write) with no progress events, so its label
  // names the whole step rather than pretending to know which phase Excel is in.
  generate: "Writing the report…",
  template: "Adding the template sheets…",
  sample: "Adding the sample sheets…",
  import: "Importing the police.uk data…",
};
