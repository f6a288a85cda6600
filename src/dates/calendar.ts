import { parseISO } from "date-fns/parseISO";
import type { DateClaim } from "../data/schema.js";

/** A calendar day as an ISO string, "YYYY-MM-DD". Strings compare in date order. */
export type IsoDay = string;

export type Precision = "day" | "month" | "year" | "season" | "decade" | "range";

/** An inclusive span of whole days. */
export interface DayInterval {
  from: IsoDay;
  to: IsoDay;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

export function isoDay(year: number, month: number, day: number): IsoDay {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** True when year/month/day name a day that exists in the (proleptic Gregorian) calendar. */
export function isRealDay(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= lastDayOfMonth(year, month)
  );
}

export function lastDayOfMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (MONTH_DAYS[month - 1] ?? 31);
}

// Day arithmetic on plain integers (days since 1970-01-01, proleptic Gregorian), because it runs
// for every term on every /when and date-fns would build and format a Date each time.
// The conversion is the well-known "days from civil" algorithm: years start in March, so the leap
// day falls at the end of a year and each 400-year era has exactly 146,097 days.

/** Days since 1970-01-01 of an ISO day. */
export function dayNumber(day: IsoDay): number {
  let y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  const d = Number(day.slice(8, 10));
  if (m <= 2) y -= 1;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** [year, month, day] of the day `n` days after 1970-01-01. */
export function dayParts(n: number): [number, number, number] {
  const iso = dayFromNumber(n);
  return [Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))];
}

/** The ISO day that is `n` days after 1970-01-01. */
export function dayFromNumber(n: number): IsoDay {
  const z = n + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const d = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return isoDay(yearOfEra + era * 400 + (m <= 2 ? 1 : 0), m, d);
}

export function monthInterval(year: number, month: number): DayInterval {
  return { from: isoDay(year, month, 1), to: isoDay(year, month, lastDayOfMonth(year, month)) };
}

export function yearInterval(year: number): DayInterval {
  return { from: isoDay(year, 1, 1), to: isoDay(year, 12, 31) };
}

/** The earliest and latest day a sourced date can mean, given its precision. */
export function claimBounds(claim: Pick<DateClaim, "date" | "precision">): DayInterval {
  const [y, m] = claim.date.split("-").map(Number) as [number, number?];
  if (claim.precision === "day") return { from: claim.date, to: claim.date };
  if (claim.precision === "month") return monthInterval(y, m ?? 1);
  return yearInterval(y);
}

/** Whether a sourced date names a real calendar day (or month/year). */
export function isRealClaim(claim: Pick<DateClaim, "date" | "precision">): boolean {
  const [y, m, d] = claim.date.split("-").map(Number);
  if (y === undefined || Number.isNaN(y)) return false;
  if (claim.precision === "year") return true;
  if (m === undefined || m < 1 || m > 12) return false;
  if (claim.precision === "month") return true;
  return d !== undefined && isRealDay(y, m, d);
}

export function toDate(day: IsoDay): Date {
  return parseISO(day);
}

export function shiftDay(day: IsoDay, days: number): IsoDay {
  return dayFromNumber(dayNumber(day) + days);
}

export function daysBetween(from: IsoDay, to: IsoDay): number {
  return dayNumber(to) - dayNumber(from);
}

export function overlaps(a: DayInterval, b: DayInterval): boolean {
  return a.from <= b.to && b.from <= a.to;
}
