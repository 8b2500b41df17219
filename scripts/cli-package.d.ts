/** Types for scripts/cli-package.js (plain Node, used by scripts/package.js). */

export declare function jsFiles(dir: string): string[];
/** The npm package a require() specifier names, or null for Node built-ins and relative paths. */
export declare function packageOf(specifier: string): string | null;
export declare function requiredPackages(sources: string[]): string[];
export declare function pinnedDependencies(
  names: string[],
  rootPackage: { dependencies?: Record<string, string> }
): Record<string, string>;
export interface CliPackageJson {
  name: string;
  version: string;
  description: string;
  license: string;
  private: true;
  engines: Record<string, string>;
  bin: Record<string, string>;
  files: string[];
  dependencies: Record<string, string>;
  bundleDependencies: string[];
}
export declare function cliPackageJson(
  rootPackage: { version: string; license?: string; engines?: Record<string, string> },
  dependencies: Record<string, string>
): CliPackageJson;
export interface LockEntry {
  version?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  [key: string]: unknown;
}
export declare function runtimeTree(
  lock: { packages?: Record<string, LockEntry> },
  dependencies: Record<string, string>
): string[];
export declare function CLI_README(version: string): string;
