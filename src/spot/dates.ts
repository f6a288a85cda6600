// Dates and periods in running text: "14 Oct 1964", "march '53", "the 60s", "after 1985",
// "в марте 1953 года", "1953–64". Candidate spans are found by pattern, then read by the same
// parser as /when, so a date found in a message means what it would mean typed into /when.
import { DECADE_WORDS, MONTH_WORDS, parseFuzzyDate } from "../dates/parse.js";

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

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const alternation = (words: Iterable<string>) =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join("|");

const B = "(?<![\\p{L}\\p{N}])";
const E = "(?![\\p{L}\\p{N}])";
const MONTH = `(?:${alternation(MONTH_WORDS.keys())})\\.?`;
// Years the bot could be asked about: the nineteenth and twentieth centuries, or '53.
const YEAR4 = "1[89]\\d\\d";
const YEAR = `(?:${YEAR4}|['’‘]\\d\\d)`;
const DAY = "\\d{1,2}(?:st|nd|rd|th|-?го)?";
const PART = "(?:(?:early|mid|late)[\\s-]?)?";
const POINT = [
  `${DAY}\\s+(?:of\\s+)?${MONTH},?\\s+${YEAR}`,
  `${MONTH}\\s+${DAY},?\\s+${YEAR4}`,
  `${MONTH},?\\s+(?:of\\s+)?${YEAR}`,
  `${PART}${YEAR4}`,
].join("|");
const DECADE = `(?:the\\s+)?${PART}(?:1[89]\\d0|['’]?\\d0)(?:['’]?s|\\s?-?(?:е|х|x))`;
const SEASON = `(?:spring|summer|autumn|fall|winter|весной|летом|осенью|зимой)\\s+(?:of\\s+)?${YEAR}`;
const JOIN = "\\s*(?:-|–|—|to|until|till|through|and|по)\\s*";

// Ranges: "1953–1964", "from March 1953 to 1964", "between 1953 and 1964", "с 1953 по 1964", "1964-66".
const RANGE = new RegExp(
  `${B}(?:(?:between|from|с|со)\\s+)?(?:${POINT})${JOIN}(?:${POINT}|\\d{2})${E}`,
  "giu",
);
// Open periods: "after 1985", "since March 1953", "до 1953 года".
const OPEN_WORD = /(?:after|since|before|until|till|после|с|со|до)\s/iu;
const OPEN = new RegExp(`${B}(?:after|since|before|until|till|после|с|со|до)\\s+(?:${POINT})${E}`, "giu");
const ALWAYS: RegExp[] = [
  new RegExp(`${B}\\d{4}-\\d{2}-\\d{2}${E}`, "gu"),
  new RegExp(`${B}\\d{1,2}\\.\\d{1,2}\\.\\d{4}${E}`, "gu"),
  // Slashes: 15/06/1975, and 5/3/1953, which is both 5 March and 3 May.
  new RegExp(`${B}\\d{1,2}/\\d{1,2}/\\d{4}${E}`, "gu"),
  new RegExp(`${B}(?:${DECADE})${E}`, "giu"),
  new RegExp(`${B}(?:${POINT})${E}`, "giu"),
  new RegExp(`${B}${SEASON}${E}`, "giu"),
  // A year by its last two digits: "in '53".
  new RegExp(`['’‘]\\d\\d${E}`, "gu"),
];

/** The patterns worth trying on a stretch: a range needs two numbers, an open period its word. */
function patternsFor(part: string, numbers: number): RegExp[] {
  const out = numbers >= 2 ? [RANGE] : [];
  if (OPEN_WORD.test(part)) out.push(OPEN);
  return [...out, ...ALWAYS];
}

// The one form with no digit: "the sixties".
const DECADE_WORD = new RegExp(
  `${B}(?:the\\s+)?${PART}(?:${alternation(Object.keys(DECADE_WORDS))})${E}`,
  "giu",
);

/**
 * How far a date form reaches before its first digit ("between September 14", "после сентября ")
 * and after its last ("-х годов", "'s"); a range's far end has digits of its own.
 */
const REACH_BEFORE = 28;
const REACH_AFTER = 16;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * The stretches of text around digits, widened to whole words and merged: every date form but
 * "the sixties" has a digit, so the patterns need only read these, not the whole message.
 */
function digitWindows(text: string): [number, number, number][] {
  const out: [number, number, number][] = [];
  for (const m of text.matchAll(/\d+/g)) {
    const at = m.index ?? 0;
    let start = Math.max(0, at - REACH_BEFORE);
    let end = Math.min(text.length, at + m[0].length + REACH_AFTER);
    while (start > 0 && WORD_CHAR.test(text[start - 1] as string)) start--;
    while (end < text.length && WORD_CHAR.test(text[end] as string)) end++;
    const last = out.at(-1);
    if (last && start <= last[1]) {
      last[1] = Math.max(last[1], end);
      last[2]++;
    } else out.push([start, end, 1]);
  }
  return out;
}

/** Every date or period in the text, in order, none overlapping another. */
export function spotDates(text: string): SpottedDate[] {
  const candidates: { start: number; end: number }[] = [];
  const collect = (pattern: RegExp, part: string, offset: number) => {
    for (const m of part.matchAll(pattern)) {
      const start = offset + (m.index ?? 0);
      candidates.push({ start, end: start + m[0].length });
    }
  };
  for (const [from, to, numbers] of digitWindows(text)) {
    const part = text.slice(from, to);
    for (const pattern of patternsFor(part, numbers)) collect(pattern, part, from);
  }
  collect(DECADE_WORD, text, 0);
  // Longest first, so that "5 March 1953" wins over "March 1953" and a range over its ends.
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken: SpottedDate[] = [];
  for (const c of candidates) {
    if (taken.some((t) => c.start < t.end && t.start < c.end)) continue;
    const surface = text.slice(c.start, c.end);
    const parsed = parseFuzzyDate(surface);
    if (!parsed.ok) continue;
    // A date that reads two ways (5/3/1953) is given as both readings, in order.
    for (const r of parsed.readings)
      taken.push({ surface, start: c.start, end: c.end, from: r.from, to: r.to });
  }
  return taken.sort((a, b) => a.start - b.start || a.from.localeCompare(b.from));
}
