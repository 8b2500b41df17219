/** Open data in: police.uk street-level crime -> the contract's tables (spec/open-data.md). */
export * from "./police-format";
export * from "./police-reader";
export * from "./police-tally";
export * from "./police-import";
export * from "./police-areas";
export * from "./police-area-rows";
export { LsoaTally, PLACE_LIMIT } from "./lsoa-tally";
export * from "./police-settings";
export { buildPeers } from "./police-peers";
export * from "./tables";
export * from "./merge";
export * from "./nearest";
export * from "./area-lists";
export * from "./sources";
export * from "./zip";
