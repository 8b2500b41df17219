/** The ONS geography the police.uk import counts by (data/geography), parsed from its text. */
export * from "./names";
export * from "./geography";
