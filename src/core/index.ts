/** The pure core: every number of metrics.md, computed once. No Office, no DOM, no I/O. */
export * from "./errors";
export * from "./rounding";
export * from "./dates";
export * from "./periods";
export * from "./change";
export * from "./status";
export * from "./significance";
export * from "./rate";
export * from "./ni32";
export * from "./peers";
export * from "./narrative";
export * from "./spc";
export * from "./spc-text";
export * from "./areas";
export * from "./areas-text";
