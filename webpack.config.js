/*
 * Builds the add-in into dist/, laid out like the yo office templates (Office-Addin-TaskPane-React,
 * Excel-Custom-Functions shared runtime):
 *   taskpane.html  loads taskpane.js AND functions.js: with the shared runtime the task pane page is
 *                  also the custom functions page (manifest: Runtime / Page / FunctionFile).
 *   functions.js   one self-contained script, because Excel loads the functions Script URL alone.
 *   functions.json generated from the JSDoc in src/functions/functions.ts.
 *   commands.html  the template's commands page.
 *   support.html   the manifest's SupportUrl: a static help page.
 *   manifest.xml, assets/*
 * ADDIN_BASE_URL=https://host/path/ moves the manifest's URLs from https://localhost:3000/ to that
 * base and `--output-path <dir>` builds elsewhere than dist/ (scripts/addin-base.js, README
 * "Deploying for your team"). The pages load their scripts by relative URLs, so no other file
 * names the host.
 */
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { Compilation, WebpackError, sources } = require("webpack");
const {
  BuildSettingError,
  manifestVersion,
  parseBaseUrl,
  rewriteManifest,
} = require("./scripts/addin-base.js");
const { version: packageVersion } = require("./package.json");

const DEV_PORT = Number(process.env.npm_package_config_dev_server_port || 3000);
const FUNCTIONS_SOURCE = "./src/functions/functions.ts";
const FUNCTIONS_METADATA = "functions.json";

/**
 * Sets `"allowErrorForDataTypeAny": true` in functions.json once the metadata plugin has emitted it,
 * and removes `allowCustomDataForDataTypeAny` (below).
 * Without it Excel short-circuits any call whose `any` arguments contain an error (#N/A in a range)
 * and never runs our code, so a function could not skip or report bad cells itself. The metadata
 * generator only writes allowCustomDataForDataTypeAny.
 */
class AllowErrorsForAnyPlugin {
  apply(compiler) {
    const name = "AllowErrorsForAnyPlugin";
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      compilation.hooks.processAssets.tap(
        { name, stage: Compilation.PROCESS_ASSETS_STAGE_PRE_PROCESS },
        () => {
          const asset = compilation.getAsset(FUNCTIONS_METADATA);
          if (!asset) {
            // The metadata plugin reports its own errors; complain only if it vanished silently.
            if (compilation.errors.length === 0) {
              compilation.errors.push(
                new WebpackError(`${name}: ${FUNCTIONS_METADATA} was not generated`)
              );
            }
            return;
          }
          const metadata = JSON.parse(asset.source.source().toString());
          // allowCustomDataForDataTypeAny is dropped: it needs CustomFunctionsRuntime 1.4, which
          // perpetual Office lacks (custom-functions-requirement-sets.md), and no CDRP function
          // takes or returns data types. The manifest declares 1.3 (scripts/check-manifest.js).
          // eslint-disable-next-line no-unused-vars
          const { allowCustomDataForDataTypeAny, ...rest } = metadata;
          const updated = { allowErrorForDataTypeAny: true, ...rest };
          compilation.updateAsset(
            FUNCTIONS_METADATA,
            new sources.RawSource(JSON.stringify(updated, null, 4))
          );
        }
      );
    });
  }
}

/**
 * HTTPS for the dev server from the certificates `npx office-addin-dev-certs install` leaves in
 * ~/.office-addin-dev-certs. Read as files: the package's getHttpsServerOptions() fails where the
 * certificates cannot be trusted (Linux without sudo). Office refuses http add-ins, hence the warning.
 */
function devServerTransport() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const file = (name) => path.join(dir, name);
  if (!fs.existsSync(file("localhost.crt")) || !fs.existsSync(file("localhost.key"))) {
    console.warn(
      `\n[webpack] No certificates in ${dir}: serving plain http on localhost:${DEV_PORT}.\n` +
        "          Office only loads https add-ins; run `npx office-addin-dev-certs install` first.\n"
    );
    return { type: "http" };
  }
  return {
    type: "https",
    options: {
      cert: fs.readFileSync(file("localhost.crt")),
      key: fs.readFileSync(file("localhost.key")),
      ...(fs.existsSync(file("ca.crt")) ? { ca: fs.readFileSync(file("ca.crt")) } : {}),
    },
  };
}

/** The manifest's base URL and version, or the build stops here with the sentence alone. */
function manifestTarget() {
  try {
    return {
      baseUrl: parseBaseUrl(process.env.ADDIN_BASE_URL),
      version: manifestVersion(packageVersion),
    };
  } catch (err) {
    if (!(err instanceof BuildSettingError)) throw err;
    // Before webpack starts: a stack trace would bury the one thing to fix.
    console.error(`\n[webpack] ${err.message}\n`);
    process.exit(1);
  }
}

module.exports = (env, argv) => {
  const production = argv.mode === "production";
  const target = manifestTarget();
  return {
    mode: production ? "production" : "development",
    devtool: "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      // No async chunks: Excel fetches the functions Script URL on its own, so it must be one file.
      functions: { import: FUNCTIONS_SOURCE, asyncChunks: false },
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      // Lets sources import "./x.js" for a "./x.ts" file, as Node-style ESM TypeScript does.
      extensionAlias: { ".js": [".ts", ".tsx", ".js"] },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          loader: "ts-loader",
          // Type errors only from bundled files: tests and scripts are checked by `npm run typecheck`.
          options: { onlyCompileBundledFiles: true },
        },
        // The ONS tables of data/geography, bundled as text for the pane's import.
        { test: /\.csv$/, type: "asset/source" },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ input: FUNCTIONS_SOURCE, output: FUNCTIONS_METADATA }),
      new AllowErrorsForAnyPlugin(),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane", "functions"],
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext]" },
          // The manifest's SupportUrl: a static help page (no scripts).
          { from: "src/support/support.html", to: "support.html" },
          // By exact name: a manifest*.xml glob at the root makes webpack watch the whole project.
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => rewriteManifest(content.toString("utf8"), target),
          },
        ],
      }),
    ],
    performance: {
      // The budget is 350 KB gzipped (DESIGN.md, checked by the bench); ~1 MB minified is its
      // raw-size equivalent, so webpack warns before the bench would fail.
      hints: production ? "warning" : false,
      maxEntrypointSize: 1024 * 1024,
      maxAssetSize: 1024 * 1024,
      assetFilter: (file) => file.endsWith(".js"),
    },
    devServer:
      env && env.WEBPACK_SERVE
        ? {
            host: "localhost",
            port: DEV_PORT,
            server: devServerTransport(),
            // Excel on the web fetches functions.json and the scripts from its own origin.
            headers: { "Access-Control-Allow-Origin": "*" },
            // Serve the build only, never the project folder (it may hold real partnership data).
            static: false,
            // A full reload re-registers the custom functions; React hot swapping is not set up.
            hot: false,
          }
        : undefined,
  };
};
