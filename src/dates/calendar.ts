import { addDays, differenceInCalendarDays, endOfMonth, format, isExists, parseISO } from "date-fns";
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

/** True when year/month/day name a day that exists in the (proleptic Gregorian) calendar. */
export function isRealDay(year: number, month: number, day: number): boolean {
  return isExists(year, month - 1, day);
}

export function lastDayOfMonth(year: number, month: number): number {
  return endOfMonth(new Date(year, month - 1, 1)).getDate();
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
  return format(addDays(parseISO(day), days), "yyyy-MM-dd");
}

export function daysBetween(from: IsoDay, to: IsoDay): number {
  return differenceInCalendarDays(parseISO(to), parseISO(from));
}

export function overlaps(a: DayInterval, b: DayInterval): boolean {
  return a.from <= b.to && b.from <= a.to;
}
