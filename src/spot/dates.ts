// Dates and periods in running text: "14 Oct 1964", "march '53", "the 60s", "after 1985",
// "в марте 1953 года", "1953–64". Candidate spans are found by walking the message's words once
// (a year, a month, a day, a decade and the words around them), then read by the same parser as
// /when, so a date found in a message means what it would mean typed into /when.
import { type DayInterval, monthInterval, yearInterval } from "../dates/calendar.js";
import { DECADE_WORDS, MONTH_WORDS, parseFuzzyDate } from "../dates/parse.js";
import {
  dayValue,
  decadeValue,
  NOT_A_DATE,
  periodValue,
  rangeJoinRead,
  rangeValue,
  third,
} from "./date-readings.js";
import { foldWord, type TextToken, textTokens } from "./tokens.js";

export interface SpottedDate {
  /** The text as written. */
  surface: string;
  /** JavaScript string indices into the text. */
  start: number;
  end: number;
  /** ISO days. */
  from: string;
  to: string;
}

const folded = (words: Iterable<string>) => new Set([...words].map(foldWord));
const MONTH_NUMBERS = new Map([...MONTH_WORDS].map(([w, n]) => [foldWord(w), n]));
const MONTHS = new Set(MONTH_NUMBERS.keys());
const DECADE_STARTS = new Map(Object.entries(DECADE_WORDS).map(([w, n]) => [foldWord(w), n]));
const DECADES = new Set(DECADE_STARTS.keys());
const SEASONS = folded([
  "spring",
  "summer",
  "autumn",
  "fall",
  "winter",
  "весной",
  "летом",
  "осенью",
  "зимой",
]);
const PARTS = new Set(["early", "mid", "late"]);
/** Words that open a range ("between 1953 and 1964", "с 1953 по 1964"). */
const RANGE_OPENERS = folded(["between", "from", "с", "со"]);
/** Words that open a period ("after 1985", "до 1953"). */
const PERIOD_OPENERS = folded(["after", "since", "before", "until", "till", "после", "с", "со", "до"]);
/** Words that join the two ends of a range. */
const JOINERS = folded(["to", "until", "till", "through", "and", "по"]);
/** What a word may start, by the word: every date form begins with one of these or a digit. */
const MAY_START = {
  range: 1,
  period: 2,
  decade: 4,
  point: 8,
  season: 16,
} as const;
const STARTERS = (() => {
  const map = new Map<string, number>();
  const add = (words: Iterable<string>, what: number) => {
    for (const w of words) map.set(w, (map.get(w) ?? 0) | what);
  };
  add(MONTHS, MAY_START.range | MAY_START.point);
  add(PARTS, MAY_START.range | MAY_START.point | MAY_START.decade);
  add(["the"], MAY_START.decade);
  add(DECADES, MAY_START.decade);
  add(SEASONS, MAY_START.season);
  add(RANGE_OPENERS, MAY_START.range);
  add(PERIOD_OPENERS, MAY_START.period);
  return map;
})();

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

function digits(s: string): number {
  let n = 0;
  while (n < s.length && isDigit(s.charCodeAt(n))) n++;
  return n;
}

const allDigits = (s: string, length?: number) =>
  s.length > 0 && digits(s) === s.length && (length === undefined || s.length === length);

const shortNumber = (s: string) => s.length <= 2 && allDigits(s);

const isYear4 = (s: string) =>
  s.length === 4 && allDigits(s) && s.charCodeAt(0) === 0x31 && (s[1] === "8" || s[1] === "9");

const isApostrophe = (c: number) => c === 0x27 || c === 0x2019 || c === 0x2018;

/** Whitespace only, at least one character. */
function blank(text: string, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0xa0 && (c < 0x09 || c > 0x0d) && c !== 0x2028 && c !== 0x2029) return false;
  }
  return true;
}

/**
 * One date form found: the span it covers, in characters, the word after it, and what it means
 * where its form is plain enough to read on the spot (a day, a month, a year, a decade, a range
 * or period of those): the days, or NOT_A_DATE ("31 February 1953"). Other forms are left to
 * the parser; tests/spot.test.ts checks that both readings always agree.
 */
interface Span {
  start: number;
  end: number;
  next: number;
  value?: DayInterval | typeof NOT_A_DATE;
}

/** Reads the forms of a date word by word; every method takes a word index and returns a Span or null. */
class DateReader {
  /** point() by word index: ranges, periods and the scan itself ask for the same points. */
  private readonly points: (Span | null | undefined)[] = [];

  constructor(
    private readonly text: string,
    private readonly tokens: readonly TextToken[],
  ) {}

  private norm(i: number): string | undefined {
    return this.tokens[i]?.norm;
  }

  /** What stands between word i-1 and word i (the apostrophe of '53 is the year's). */
  private gap(i: number): [number, number] {
    const a = this.tokens[i - 1] as TextToken;
    const b = this.tokens[i] as TextToken;
    const apostrophe = isDigit(b.norm.charCodeAt(0)) && isApostrophe(this.text.charCodeAt(b.start - 1));
    return [a.end, apostrophe ? b.start - 1 : b.start];
  }

  private spaced(i: number): boolean {
    if (i <= 0 || i >= this.tokens.length) return false;
    const [a, b] = this.gap(i);
    return blank(this.text, a, b);
  }

  /** Spaces, or a comma and spaces ("March, 1953", "October 14th, 1964"). */
  private commaSpaced(i: number): boolean {
    if (i <= 0 || i >= this.tokens.length) return false;
    const [a, b] = this.gap(i);
    return blank(this.text, a, b) || (this.text.charCodeAt(a) === 0x2c && blank(this.text, a + 1, b));
  }

  /** Exactly this one character between two words ("1982-11-10", "mid-1953"). */
  private joinedBy(i: number, chars: string): boolean {
    if (i <= 0 || i >= this.tokens.length) return false;
    const [a, b] = this.gap(i);
    return b - a === 1 && chars.includes(this.text[a] as string);
  }

  private isApostropheYear(i: number): boolean {
    const t = this.tokens[i];
    return t !== undefined && allDigits(t.norm, 2) && isApostrophe(this.text.charCodeAt(t.start - 1));
  }

  private span(first: number, last: number, value?: Span["value"], withApostrophe = false): Span {
    const start = (this.tokens[first] as TextToken).start - (withApostrophe ? 1 : 0);
    return { start, end: (this.tokens[last] as TextToken).end, next: last + 1, value };
  }

  /** The year a year word stands for: 1953, or '53 as 1953. */
  private yearOf(i: number): number {
    const n = this.norm(i) as string;
    return n.length === 2 ? 1900 + Number(n) : Number(n);
  }

  /** A year as the end of a date: 1953, or '53. */
  private year(i: number): number {
    const n = this.norm(i);
    if (n === undefined) return -1;
    return isYear4(n) || this.isApostropheYear(i) ? i : -1;
  }

  /** A day: 14, 14th, 12го, 12-го; returns the index of its last word. */
  private day(i: number): number {
    const n = this.norm(i);
    if (n === undefined) return -1;
    const d = digits(n);
    if (d < 1 || d > 2) return -1;
    const rest = n.slice(d);
    if (rest === "" && this.norm(i + 1) === "го" && this.joinedBy(i + 1, "-")) return i + 1;
    return rest === "" || rest === "st" || rest === "nd" || rest === "rd" || rest === "th" || rest === "го"
      ? i
      : -1;
  }

  /** A point in time, as the old patterns read it: the longest of its forms starting at word i. */
  point(i: number): Span | null {
    let p = this.points[i];
    if (p === undefined) {
      p = this.readPoint(i);
      this.points[i] = p;
    }
    return p;
  }

  private readPoint(i: number): Span | null {
    const n = this.norm(i);
    if (n === undefined) return null;
    // 14 Oct 1964, 10th of November 1982, 12 ноября 1982
    const d = this.day(i);
    if (d >= 0) {
      let m = d + 1;
      if (this.norm(m) === "of" && this.spaced(m)) m++;
      if (this.spaced(m) && MONTHS.has(this.norm(m) ?? "")) {
        const y = this.year(m + 1);
        if (y >= 0 && this.monthThenSpace(m, y)) {
          const month = MONTH_NUMBERS.get(this.norm(m) as string) as number;
          return this.span(i, y, dayValue(this.yearOf(y), month, Number.parseInt(n, 10)));
        }
      }
    }
    if (MONTHS.has(n)) {
      // October 14th, 1964
      const dd = this.day(i + 1);
      if (
        dd >= 0 &&
        this.monthThenSpace(i, i + 1, false) &&
        isYear4(this.norm(dd + 1) ?? "") &&
        this.commaSpaced(dd + 1)
      ) {
        const day = Number.parseInt(this.norm(i + 1) as string, 10);
        return this.span(i, dd + 1, dayValue(this.yearOf(dd + 1), MONTH_NUMBERS.get(n) as number, day));
      }
      // March 1953, march '53, May of 1983
      let y = i + 1;
      if (this.norm(y) === "of" && this.monthThenSpace(i, y)) y++;
      if (this.year(y) >= 0 && (y === i + 1 ? this.monthThenSpace(i, y) : this.spaced(y)))
        return this.span(i, y, monthInterval(this.yearOf(y), MONTH_NUMBERS.get(n) as number));
      return null;
    }
    // early 1953, mid-1953, 1953
    if (PARTS.has(n) && isYear4(this.norm(i + 1) ?? "") && this.joinedBy(i + 1, " -"))
      return this.span(i, i + 1, third(n, yearInterval(this.yearOf(i + 1)), false));
    if (isYear4(n)) return this.span(i, i, yearInterval(Number(n)));
    return null;
  }

  /** Between a month word and what follows: spaces, after an optional full stop or comma. */
  private monthThenSpace(month: number, next: number, comma = true): boolean {
    if (next >= this.tokens.length) return false;
    const [a, b] = this.gap(next);
    let k = a;
    if (this.text.charCodeAt(k) === 0x2e) k++;
    if (comma && this.text.charCodeAt(k) === 0x2c) k++;
    return month === next - 1 && blank(this.text, k, b);
  }

  /** "1953–1964", "between 1953 and 1964", "с 1953 по 1964", "1964-66". */
  range(i: number): Span | null {
    let from = i;
    if (RANGE_OPENERS.has(this.norm(i) ?? "") && this.spaced(i + 1)) from = i + 1;
    const left = this.point(from);
    if (!left) return null;
    let right = -1;
    let joiner = "";
    let spacedDash = false;
    const j = left.next;
    if (j < this.tokens.length) {
      const [a, b] = this.gap(j);
      const between = this.text.slice(a, b);
      joiner = between.trim();
      if (joiner === "-" || joiner === "–" || joiner === "—") {
        right = j;
        spacedDash = between.length > 2 && between.startsWith(" ") && between.endsWith(" ");
      } else if (blank(this.text, a, b) && JOINERS.has(this.norm(j) ?? "") && this.spaced(j + 1)) {
        right = j + 1;
        joiner = this.norm(j) as string;
      }
    }
    if (right < 0) return null;
    const start = (this.tokens[i] as TextToken).start;
    const end = this.point(right);
    if (end) {
      const opener = from === i ? undefined : this.norm(i);
      const value =
        rangeJoinRead(opener, joiner, spacedDash) &&
        typeof left.value === "object" &&
        typeof end.value === "object"
          ? rangeValue(left.value, end.value)
          : undefined;
      return { start, end: end.end, next: end.next, value };
    }
    if (allDigits(this.norm(right) ?? "", 2)) {
      return { start, end: (this.tokens[right] as TextToken).end, next: right + 1 };
    }
    return null;
  }

  /** "after 1985", "since March 1953", "до 1953 года". */
  period(i: number): Span | null {
    if (!PERIOD_OPENERS.has(this.norm(i) ?? "") || !this.spaced(i + 1)) return null;
    const p = this.point(i + 1);
    if (!p) return null;
    const value = typeof p.value === "object" ? periodValue(this.norm(i) as string, p.value) : undefined;
    return { start: (this.tokens[i] as TextToken).start, end: p.end, next: p.next, value };
  }

  /** "the 60s", "1960s", "'60s", "60-е", "the early 80s", "the sixties". */
  decade(i: number): Span | null {
    let k = i;
    if (this.norm(k) === "the" && this.spaced(k + 1)) k++;
    const part = this.norm(k) ?? "";
    const hasPart = PARTS.has(part) && this.joinedBy(k + 1, " -");
    if (hasPart) k++;
    const n = this.norm(k);
    if (n === undefined) return null;
    if (DECADES.has(n))
      return this.span(i, k, decadeValue(DECADE_STARTS.get(n) as number, hasPart ? part : undefined));
    const d = digits(n);
    const tens = d === 4 ? isYear4(n.slice(0, 4)) && n[3] === "0" : d === 2 && n[1] === "0";
    if (!tens) return null;
    const apostrophe =
      d === 2 && k === i && isApostrophe(this.text.charCodeAt((this.tokens[k] as TextToken).start - 1));
    const rest = n.slice(d);
    const start = d === 4 ? Number(n.slice(0, 4)) : 1900 + Number(n.slice(0, 2));
    if (rest === "s" || rest === "е" || rest === "х" || rest === "x")
      return this.span(i, k, decadeValue(start, hasPart ? part : undefined), apostrophe);
    if (rest !== "") return null;
    // 1960-е, 60 -х, 60-x
    const suffix = this.norm(k + 1);
    if (suffix !== "е" && suffix !== "х" && suffix !== "x") return null;
    const [a, b] = this.gap(k + 1);
    const between = this.text.slice(a, b);
    if (between === "-" || between === " " || between === " -")
      return this.span(i, k + 1, decadeValue(start, hasPart ? part : undefined), apostrophe);
    return null;
  }

  /** "spring 1953", "весной 1953", "winter of '53". */
  season(i: number): Span | null {
    if (!SEASONS.has(this.norm(i) ?? "") || !this.spaced(i + 1)) return null;
    let y = i + 1;
    if (this.norm(y) === "of" && this.spaced(y + 1)) y++;
    return this.year(y) >= 0 ? this.span(i, y) : null;
  }

  /** 1982-11-10, 10.11.1982, 5/3/1953. */
  numeric(i: number): Span | null {
    const a = this.norm(i);
    const b = this.norm(i + 1);
    const c = this.norm(i + 2);
    if (a === undefined || b === undefined || c === undefined) return null;
    if (
      allDigits(a, 4) &&
      allDigits(b, 2) &&
      allDigits(c, 2) &&
      this.joinedBy(i + 1, "-") &&
      this.joinedBy(i + 2, "-")
    )
      return this.span(i, i + 2);
    if (!shortNumber(a) || !shortNumber(b) || !allDigits(c, 4)) return null;
    for (const sep of [".", "/"])
      if (this.joinedBy(i + 1, sep) && this.joinedBy(i + 2, sep)) return this.span(i, i + 2);
    return null;
  }

  /** A year by its last two digits: "in '53". */
  apostropheYear(i: number): Span | null {
    return this.isApostropheYear(i) ? this.span(i, i, yearInterval(this.yearOf(i)), true) : null;
  }
}

function push(spans: Span[], span: Span | null): void {
  if (span) spans.push(span);
}

/** Every date or period in the text, in order, none overlapping another. */
export function spotDates(text: string, words: readonly TextToken[] = textTokens(text)): SpottedDate[] {
  const reader = new DateReader(text, words);
  const candidates: Span[] = [];
  for (let i = 0; i < words.length; i++) {
    const n = (words[i] as TextToken).norm;
    if (isDigit(n.charCodeAt(0))) {
      push(candidates, reader.range(i));
      push(candidates, reader.numeric(i));
      push(candidates, reader.decade(i));
      push(candidates, reader.point(i));
      push(candidates, reader.apostropheYear(i));
      continue;
    }
    const may = STARTERS.get(n);
    if (may === undefined) continue;
    if (may & MAY_START.range) push(candidates, reader.range(i));
    if (may & MAY_START.period) push(candidates, reader.period(i));
    if (may & MAY_START.decade) push(candidates, reader.decade(i));
    if (may & MAY_START.point) push(candidates, reader.point(i));
    if (may & MAY_START.season) push(candidates, reader.season(i));
  }
  if (candidates.length === 0) return [];
  // Longest first, so that "5 March 1953" wins over "March 1953" and a range over its ends.
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken: SpottedDate[] = [];
  for (const c of candidates) {
    if (taken.some((t) => c.start < t.end && t.start < c.end)) continue;
    const surface = text.slice(c.start, c.end);
    if (c.value === NOT_A_DATE) continue;
    if (c.value) {
      taken.push({ surface, start: c.start, end: c.end, from: c.value.from, to: c.value.to });
      continue;
    }
    const parsed = parseFuzzyDate(surface);
    if (!parsed.ok) continue;
    // A date that reads two ways (5/3/1953) is given as both readings, in order.
    for (const r of parsed.readings)
      taken.push({ surface, start: c.start, end: c.end, from: r.from, to: r.to });
  }
  return taken.sort((a, b) => a.start - b.start || a.from.localeCompare(b.from));
}
