// One module per function: the package's index loads all of date-fns (≈20 MB in a running bot).
import { addMonths } from "date-fns/addMonths";
import { addYears } from "date-fns/addYears";
import { differenceInCalendarDays } from "date-fns/differenceInCalendarDays";
import { differenceInMonths } from "date-fns/differenceInMonths";
import { differenceInYears } from "date-fns/differenceInYears";
import type { DateClaim } from "../data/schema.js";
import { claimBounds, toDate } from "./calendar.js";

export interface Duration {
  years: number;
  months: number;
  /** Days after the whole years (the way the seeds' list counts: "16 years, 216 days"). */
  daysAfterYears: number;
  /** Days after the whole years and months. */
  daysAfterMonths: number;
  totalDays: number;
}

/** Calendar distance between two days, counted as the seeds' list counts it. */
export function durationBetween(from: string, to: string): Duration {
  const a = toDate(from);
  const b = toDate(to);
  const years = differenceInYears(b, a);
  const afterYears = addYears(a, years);
  const months = differenceInMonths(b, afterYears);
  return {
    years,
    months,
    daysAfterYears: differenceInCalendarDays(b, afterYears),
    daysAfterMonths: differenceInCalendarDays(b, addMonths(afterYears, months)),
    totalDays: differenceInCalendarDays(b, a),
  };
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

/** "16 years, 216 days", "291 days", "5 days". */
export function formatYearsDays(d: Duration): string {
  if (d.years === 0) return plural(d.daysAfterYears, "day");
  if (d.daysAfterYears === 0) return plural(d.years, "year");
  return `${plural(d.years, "year")}, ${plural(d.daysAfterYears, "day")}`;
}

/** "1 year, 3 months", "9 months": for dates known only to the month. */
export function formatYearsMonths(d: Duration): string {
  if (d.years === 0) return plural(d.months, "month");
  if (d.months === 0) return plural(d.years, "year");
  return `${plural(d.years, "year")}, ${plural(d.months, "month")}`;
}

/**
 * The length of a term as the bot states it, honest about precision: exact in days when both ends
 * are known to the day, in months when known to the month, otherwise a range of years.
 */
export function describeTermLength(start: DateClaim, end: DateClaim): string {
  const key = `${start.date}/${start.precision}|${end.date}/${end.precision}`;
  let text = termLengths.get(key);
  if (text === undefined) {
    text = computeTermLength(start, end);
    // Terms are few and fixed, so this stays small; the bound guards against other callers.
    if (termLengths.size < 10_000) termLengths.set(key, text);
  }
  return text;
}

/** Term lengths already worked out: every card that shows a term asks again. */
const termLengths = new Map<string, string>();

function computeTermLength(start: DateClaim, end: DateClaim): string {
  if (start.precision === "day" && end.precision === "day") {
    return formatYearsDays(durationBetween(start.date, end.date));
  }
  if (start.precision !== "year" && end.precision !== "year") {
    return formatYearsMonths(durationBetween(`${start.date.slice(0, 7)}-01`, `${end.date.slice(0, 7)}-01`));
  }
  const shortest = durationBetween(claimBounds(start).to, claimBounds(end).from);
  const longest = durationBetween(claimBounds(start).from, claimBounds(end).to);
  const lo = shortest.totalDays < 0 ? 0 : shortest.years;
  const hi = longest.years;
  return lo === hi ? plural(lo, "year") : `${lo}–${hi} years`;
}
