// Days as integers for the timeline's x axis (days since 1970-01-01, via src/dates/calendar), so
// that laying out a picture never builds a Date.
import { dayFromNumber, dayNumber, dayParts, isoDay, isRealDay } from "../dates/calendar.js";

/** [year, month, day] of a day number. */
export const numParts = dayParts;

export const dayNum = (y: number, m: number, d: number): number => dayNumber(isoDay(y, m, d));

/** The day number of an ISO day the caller has checked (see `isIsoDay`). */
export const isoNum = (iso: string): number => dayNumber(iso);

export const isoOf = (n: number): string => dayFromNumber(n);

/** Whether `text` is a real day written YYYY-MM-DD. */
export function isIsoDay(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return m !== null && isRealDay(Number(m[1]), Number(m[2]), Number(m[3]));
}
