/** Jest: a bundled text file (data/geography/*.csv) becomes a module exporting its text, as webpack's asset/source does. */
module.exports = {
  process(source) {
    return { code: `module.exports = { __esModule: true, default: ${JSON.stringify(source)} };` };
  },
};
