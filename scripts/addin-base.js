/**
 * Where the add-in is served from, decided at build time. The manifest in the repository points at
 * the developer's https://localhost:3000/; `ADDIN_BASE_URL=https://host/path/ npm run build` writes
 * a dist/manifest.xml whose every URL is under that base instead, and whose <Version> follows
 * package.json. The built pages load their scripts by relative URLs, so only the manifest changes.
 *
 * Plain Node with no dependencies: webpack.config.js and scripts/package.js both use it, and the
 * tests call it directly. Errors are thrown as one sentence the build prints as it stops.
 */
"use strict";

/** The base the repository's manifest.xml is written for (`npm run dev-server`). */
const DEV_BASE_URL = "https://localhost:3000/";
const EXAMPLE_BASE = "https://intranet.example/addins/cdrp/";

/** A configuration mistake: the build prints the message alone, without a stack. */
class BuildSettingError extends Error {
  constructor(message) {
    super(message);
    this.name = "BuildSettingError";
  }
}

/**
 * The base URL the add-in is built for, normalised to end in "/".
 * @param {string | undefined} raw ADDIN_BASE_URL as given; unset or empty means the dev server
 * @returns {string}
 */
function parseBaseUrl(raw) {
  if (raw === undefined || raw.trim() === "") return DEV_BASE_URL;
  const given = raw.trim();
  let url;
  try {
    url = new URL(given);
  } catch {
    throw new BuildSettingError(
      `ADDIN_BASE_URL "${given}" is not a URL: give the https address the add-in's files will ` +
        `be served from, for example ADDIN_BASE_URL=${EXAMPLE_BASE}`
    );
  }
  if (url.protocol !== "https:") {
    throw new BuildSettingError(
      `ADDIN_BASE_URL "${given}" is not https: Office only loads add-ins over https, so give an ` +
        `address such as ${EXAMPLE_BASE}`
    );
  }
  if (url.username !== "" || url.password !== "") {
    throw new BuildSettingError(
      `ADDIN_BASE_URL "${given}" holds a user name or password: the manifest is readable by ` +
        "every user, so give the plain https address of the files."
    );
  }
  if (url.search !== "" || url.hash !== "") {
    throw new BuildSettingError(
      `ADDIN_BASE_URL "${given}" has a query or fragment: file names are appended to the base, ` +
        `so give a folder address such as ${EXAMPLE_BASE}`
    );
  }
  // A folder: "https://host/addins/cdrp" means the same place as ".../cdrp/".
  if (!url.pathname.endsWith("/")) url.pathname += "/";
  return url.href;
}

/**
 * The manifest <Version> for a package.json version: Office takes up to four dotted numbers of at
 * most five digits each, so 1.2.3 becomes 1.2.3.0 and a pre-release cannot be expressed.
 * @param {string} packageVersion
 * @returns {string}
 */
function manifestVersion(packageVersion) {
  const match = /^(\d{1,5})\.(\d{1,5})\.(\d{1,5})$/.exec(String(packageVersion).trim());
  if (!match) {
    throw new BuildSettingError(
      `package.json version "${packageVersion}" cannot be a manifest <Version>, which is up to ` +
        "four dotted numbers of at most five digits: use a plain version such as 1.2.0 " +
        "(no pre-release or build suffix)."
    );
  }
  return `${match[1]}.${match[2]}.${match[3]}.0`;
}

function escapeXmlAttribute(s) {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

function lineOf(text, index) {
  return text.slice(0, index).split("\n").length;
}

/**
 * The repository's manifest rewritten for a base URL and a version. The <Id> and everything else
 * are left as they are: a new Id would make Office treat each release as another add-in.
 * @param {string} xml manifest.xml as written for DEV_BASE_URL
 * @param {{ baseUrl: string, version: string }} target baseUrl from parseBaseUrl, version from
 *   manifestVersion
 * @returns {string}
 */
function rewriteManifest(xml, { baseUrl, version }) {
  const devUrls = xml.split(DEV_BASE_URL).length - 1;
  if (devUrls === 0) {
    throw new BuildSettingError(
      `manifest.xml has no URL under ${DEV_BASE_URL}: its URLs must be written for the dev ` +
        "server so the build can move them to ADDIN_BASE_URL."
    );
  }
  const versions = xml.match(/<Version>[^<]*<\/Version>/g) || [];
  if (versions.length !== 1) {
    throw new BuildSettingError(
      `manifest.xml has ${versions.length} <Version> elements, expected exactly one.`
    );
  }
  const out = xml
    .split(DEV_BASE_URL)
    .join(escapeXmlAttribute(baseUrl))
    .replace(/<Version>[^<]*<\/Version>/, `<Version>${version}</Version>`);
  if (new URL(baseUrl).hostname !== "localhost") {
    const left = out.search(/localhost/i);
    if (left >= 0) {
      throw new BuildSettingError(
        `manifest.xml line ${lineOf(out, left)} still names localhost after moving its URLs to ` +
          `${baseUrl}: write every URL there as ${DEV_BASE_URL}<file>.`
      );
    }
  }
  return out;
}

module.exports = {
  DEV_BASE_URL,
  BuildSettingError,
  parseBaseUrl,
  manifestVersion,
  rewriteManifest,
};
