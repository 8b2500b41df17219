/* Builds the browser test page's script (tests/e2e/harness.ts) into dist-e2e/. Test-only. */
const path = require("path");

module.exports = {
  mode: "development",
  devtool: false,
  entry: { harness: path.join(__dirname, "harness.ts") },
  output: { path: path.join(__dirname, "..", "..", "dist-e2e"), filename: "[name].js", clean: true },
  resolve: { extensions: [".ts", ".js"] },
  module: {
    rules: [{ test: /\.ts$/, loader: "ts-loader", options: { transpileOnly: true, configFile: path.join(__dirname, "..", "..", "tsconfig.json") } }],
  },
};
