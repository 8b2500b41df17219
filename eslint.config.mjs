/*
 * Read by `office-addin-lint check` (npm run lint), which prefers ./eslint.config.mjs to its own
 * bundled config and lints src/**\/*.{ts,tsx,js,jsx}. Same base as that bundled config:
 * eslint-plugin-office-addins' recommended set (eslint:recommended, the Office.js rules, prettier)
 * with the TypeScript parser.
 */
import officeAddins from "eslint-plugin-office-addins";
import tseslint from "typescript-eslint";

// The recommended block that carries the Office.js, TypeScript and prettier rules only matches
// js/ts files; widen it so the React task pane (.tsx) gets the same rules.
const recommended = officeAddins.configs.recommended.map((config) =>
  config.files ? { ...config, files: [...config.files, "**/*.{jsx,tsx}"] } : config
);

export default [
  { ignores: ["dist/**", "lib/**", "out/**", "coverage/**", "node_modules/**"] },
  ...recommended,
  {
    files: ["**/*.{ts,tsx,mts,cts}"],
    languageOptions: {
      parser: tseslint.parser,
      // Browser code: the recommended config's ecmaVersion 6 would reject newer syntax in plain JS.
      ecmaVersion: "latest",
      sourceType: "module",
    },
    rules: {
      // TypeScript already rejects undefined names and knows the Office, Excel and CustomFunctions
      // globals from @types; eslint's no-undef does not (typescript-eslint's advice).
      "no-undef": "off",
    },
  },
  {
    // The Office.js rules (load before read, sync before read) follow proxy objects. Outside the
    // Office.js host and the pane there are none: exceljs rows and cells there are plain objects.
    files: ["src/{core,workbook,xlsx,cli,functions,bench}/**/*.ts"],
    rules: {
      "office-addins/load-object-before-read": "off",
      "office-addins/call-sync-before-read": "off",
      "office-addins/call-sync-after-load": "off",
    },
  },
];
