/** Types for scripts/addin-base.js (plain Node: webpack.config.js and scripts/package.js load it). */

/** The base the repository's manifest.xml is written for: https://localhost:3000/. */
export declare const DEV_BASE_URL: string;

/** A configuration mistake; its message is the one sentence the build prints. */
export declare class BuildSettingError extends Error {}

/** ADDIN_BASE_URL normalised to end in "/"; unset or empty gives DEV_BASE_URL. */
export declare function parseBaseUrl(raw: string | undefined): string;

/** package.json's version as a manifest <Version>: 1.2.3 -> 1.2.3.0. */
export declare function manifestVersion(packageVersion: string): string;

/** manifest.xml with its dev-server URLs moved under baseUrl and its <Version> replaced. */
export declare function rewriteManifest(
  xml: string,
  target: { baseUrl: string; version: string }
): string;
