/** Colours as Excel takes them (#RRGGBB or an HTML name) and returns them (#RRGGBB, upper case). */
import { richError } from "./errors";

const NAMED: Record<string, string> = {
  black: "#000000",
  white: "#FFFFFF",
  red: "#FF0000",
  green: "#008000",
  lime: "#00FF00",
  blue: "#0000FF",
  yellow: "#FFFF00",
  orange: "#FFA500",
  purple: "#800080",
  gray: "#808080",
  grey: "#808080",
  silver: "#C0C0C0",
  navy: "#000080",
  teal: "#008080",
  maroon: "#800000",
  olive: "#808000",
  aqua: "#00FFFF",
  cyan: "#00FFFF",
  fuchsia: "#FF00FF",
  magenta: "#FF00FF",
  pink: "#FFC0CB",
  brown: "#A52A2A",
  lightgray: "#D3D3D3",
  lightgrey: "#D3D3D3",
  darkgray: "#A9A9A9",
  darkgrey: "#A9A9A9",
};

export function normalizeColor(v: unknown, location: string): string {
  if (typeof v === "string") {
    const s = v.trim();
    if (/^#[0-9a-fA-F]{6}$/.test(s)) return s.toUpperCase();
    if (/^#[0-9a-fA-F]{3}$/.test(s))
      return `#${[...s.slice(1)].map((ch) => ch + ch).join("")}`.toUpperCase();
    const named = NAMED[s.toLowerCase()];
    if (named) return named;
  }
  throw richError("InvalidArgument", location, `"${String(v)}" is not a colour Excel understands.`);
}

export function checkEnum(v: unknown, allowed: readonly string[], location: string): string {
  if (typeof v !== "string" || !allowed.includes(v))
    throw richError(
      "InvalidArgument",
      location,
      `"${String(v)}" is not one of ${allowed.join(", ")}.`
    );
  return v;
}

export function checkNumber(v: unknown, min: number, max: number, location: string): number {
  if (typeof v !== "number" || !Number.isFinite(v) || v < min || v > max)
    throw richError("InvalidArgument", location, `${String(v)} is not between ${min} and ${max}.`);
  return v;
}
