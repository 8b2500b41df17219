import { CoreError } from "./errors";

/**
 * Dates as Excel stores them: serial day numbers in the 1900 date system (1 = 1900-01-01).
 * Excel keeps Lotus 1-2-3's phantom 29 Feb 1900 as serial 60, so serials from 61 on are
 * days since 1899-12-30 and serials 1..59 are days since 1899-12-31.
 */
export interface Ymd {
  year: number;
  month: number; // 1..12
  day: number; // 1..31
}

const MS_PER_DAY = 86_400_000;
const EPOCH_AFTER_LEAP_BUG = Date.UTC(1899, 11, 30);
const EPOCH_BEFORE_LEAP_BUG = Date.UTC(1899, 11, 31);

export function serialToYmd(serial: number): Ymd {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2_958_466) {
    throw new CoreError("VALUE", `${serial} is not an Excel date.`);
  }
  const whole = Math.floor(serial);
  if (whole === 60) return { year: 1900, month: 2, day: 29 };
  const epoch = whole > 60 ? EPOCH_AFTER_LEAP_BUG : EPOCH_BEFORE_LEAP_BUG;
  const d = new Date(epoch + whole * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function ymdToSerial({ year, month, day }: Ymd): number {
  const ms = Date.UTC(year, month - 1, day);
  const serial = Math.round((ms - EPOCH_AFTER_LEAP_BUG) / MS_PER_DAY);
  return serial > 60 ? serial : serial - 1;
}

export function isValidYmd({ year, month, day }: Ymd): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isoDate({ year, month, day }: Ymd): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Parses "2010-06-30" (the only text form we accept where a machine wrote the date). */
export function parseIsoDate(text: string): Ymd | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const ymd = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return isValidYmd(ymd) ? ymd : null;
}

/** The same calendar date `months` later (negative: earlier), clamped to the month's last day. */
export function addMonths({ year, month, day }: Ymd, months: number): Ymd {
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return { year: y, month: m, day: Math.min(day, daysInMonth(y, m)) };
}

export const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

export function monthName(month: number): string {
  return MONTH_NAMES[month - 1] ?? String(month);
}

/** "30 June 2010" */
export function longDate({ year, month, day }: Ymd): string {
  return `${day} ${monthName(month)} ${year}`;
}
