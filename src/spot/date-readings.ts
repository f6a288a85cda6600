// What a date the lookup found means, read on the spot where its form is plain: a day, a month, a
// year, a decade, a third of one, and ranges and open periods of those, as /when's parser reads
// them (src/dates/parse.ts). The parser still reads every other form; tests/spot.test.ts checks
// that for every date found both readings agree.
import { type DayInterval, isoDay, isRealDay, lastDayOfMonth, shiftDay } from "../dates/calendar.js";
import { OPEN_PERIOD } from "../dates/parse.js";

export const NOT_A_DATE = "not a date";

/** The first, middle or last third of a year (by months) or of a decade (by years). */
export function third(which: string, span: DayInterval, decade: boolean): DayInterval {
  const y = Number(span.from.slice(0, 4));
  if (decade) {
    const [a, b] = which === "early" ? [0, 3] : which === "late" ? [7, 9] : [4, 6];
    return { from: isoDay(y + a, 1, 1), to: isoDay(y + b, 12, 31) };
  }
  const [a, b] = which === "early" ? [1, 4] : which === "late" ? [9, 12] : [5, 8];
  return { from: isoDay(y, a, 1), to: isoDay(y, b, lastDayOfMonth(y, b)) };
}

/** A decade, or a third of it ("the early 80s"). */
export function decadeValue(start: number, part: string | undefined): DayInterval {
  const all = { from: isoDay(start, 1, 1), to: isoDay(start + 9, 12, 31) };
  return part ? third(part, all, true) : all;
}

export function dayValue(y: number, m: number, d: number): DayInterval | typeof NOT_A_DATE {
  if (!isRealDay(y, m, d)) return NOT_A_DATE;
  const iso = isoDay(y, m, d);
  return { from: iso, to: iso };
}

/** How the parser reads a period's opening word. */
const PERIOD_KINDS: Record<string, "after" | "since" | "before" | "until"> = {
  after: "after",
  после: "after",
  since: "since",
  с: "since",
  со: "since",
  before: "before",
  до: "before",
  until: "until",
  till: "until",
};

/** The joining words the parser reads after each opening word (none: no opening word). */
export function rangeJoinRead(opener: string | undefined, joiner: string, spacedDash: boolean): boolean {
  const dash = joiner === "-" || joiner === "–" || joiner === "—";
  if (opener === undefined) return dash || ["to", "until", "till", "through"].includes(joiner);
  if (opener === "between") return joiner === "and";
  if (opener === "from") return (dash && spacedDash) || ["to", "until", "till", "through"].includes(joiner);
  if (opener === "с") return joiner === "по";
  return false;
}

/** A range from one reading to another; NOT_A_DATE when it runs backwards. */
export function rangeValue(from: DayInterval, to: DayInterval): DayInterval | typeof NOT_A_DATE {
  return to.to < from.from ? NOT_A_DATE : { from: from.from, to: to.to };
}

/** "after", "since", "before", "until" (and their Russian words) a reading, within 1917–1991. */
export function periodValue(opener: string, p: DayInterval): DayInterval | typeof NOT_A_DATE {
  const kind = PERIOD_KINDS[opener];
  const span =
    kind === "after"
      ? { from: shiftDay(p.to, 1), to: OPEN_PERIOD.to }
      : kind === "since"
        ? { from: p.from, to: OPEN_PERIOD.to }
        : kind === "before"
          ? { from: OPEN_PERIOD.from, to: shiftDay(p.from, -1) }
          : { from: OPEN_PERIOD.from, to: p.to };
  return span.from > span.to ? NOT_A_DATE : span;
}
