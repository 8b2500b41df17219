/**
 * Stand-in for office-addin-manifest under Jest (see jest.config.js moduleNameMapper).
 * office-addin-mock only reads the OfficeApp enum from it, but the real package pulls in ESM-only
 * dependencies that Jest 30 on Node 20 cannot require. Values copied from
 * office-addin-manifest 3.0.0 lib/officeApp.js (they must stay lower case).
 */
"use strict";

const OfficeApp = Object.freeze({
  Excel: "excel",
  OneNote: "onenote",
  Outlook: "outlook",
  PowerPoint: "powerpoint",
  Project: "project",
  Word: "word",
});

module.exports = { OfficeApp };
