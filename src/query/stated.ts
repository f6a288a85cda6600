// Whether a duration a source states ("five days", "1 year, 3 months", "0–1 years") is the length
// of the term's own dates. The seeds spell small numbers out and count in days, months or a range
// of years; each is compared in its own unit, so a stated figure that equals the computed one is
// never reported as a mismatch.
import type { DateClaim, Term } from "../data/schema.js";
import { claimBounds } from "../dates/calendar.js";
import { durationBetween, formatYearsDays, formatYearsMonths } from "../dates/duration.js";

/** English cardinals one to twelve as sources spell durations ("five days"). */
export const NUMBER_WORDS = [
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
];
const NUMBER_WORD = new RegExp(`\\b(${NUMBER_WORDS.join("|")})\\b`, "gi");

/** "Five days," → "5 days": figures, no commas, lower case. */
function normalised(text: string): string {
  return text
    .toLowerCase()
    .replace(NUMBER_WORD, (w) => String(NUMBER_WORDS.indexOf(w.toLowerCase()) + 1))
    .replace(/,/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** The term's length in the unit the stated figure uses, worded as the figure would be. */
function computedLike(stated: string, start: DateClaim, end: DateClaim): string {
  if (/^\d+–\d+ years$/.test(stated)) {
    const min = durationBetween(claimBounds(start).to, claimBounds(end).from);
    const max = durationBetween(claimBounds(start).from, claimBounds(end).to);
    return `${Math.max(0, min.totalDays < 0 ? 0 : min.years)}–${max.years} years`;
  }
  if (/month/.test(stated))
    return formatYearsMonths(durationBetween(`${start.date.slice(0, 7)}-01`, `${end.date.slice(0, 7)}-01`));
  return formatYearsDays(durationBetween(start.date, end.date));
}

/**
 * A stated duration beside the one the term's own dates give, worded in the stated figure's unit
 * ("1 year, 18 days" for "291 days"); undefined for a term with no end.
 */
export function statedVersusComputed(
  term: Pick<Term, "start" | "end">,
  stated: string,
): { agrees: boolean; computed: string; range: boolean } | undefined {
  if (!term.end) return undefined;
  const text = normalised(stated);
  const computed = computedLike(text, term.start, term.end);
  return { agrees: normalised(computed) === text, computed, range: /^\d+–\d+ years$/.test(text) };
}

/** True when the stated duration is what the term's own dates give. */
export function statedAgrees(term: Pick<Term, "start" | "end">, stated: string): boolean {
  return statedVersusComputed(term, stated)?.agrees ?? false;
}
