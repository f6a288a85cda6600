import {
  type DayInterval,
  isoDay,
  isRealDay,
  lastDayOfMonth,
  monthInterval,
  type Precision,
  shiftDay,
  yearInterval,
} from "./calendar.js";
import { DECADE_WORDS, MONTH_WORDS, MONTHS_EN, SEASON_WORDS, type Season } from "./words.js";

export { DECADE_WORDS, MONTH_WORDS, MONTHS_EN } from "./words.js";

/** One way of reading what the user wrote. */
export interface DateReading extends DayInterval {
  precision: Precision;
  /** Human wording of this reading, in English: "10 November 1982", "spring 1984". */
  label: string;
}

/**
 * What was wrong with a date, as a code and its values; `src/i18n/dates.ts` words it in the user's
 * language. `understood` is the tidied text the parser read.
 */
export type DateProblemInfo =
  | { code: "empty" }
  | { code: "too-long" }
  | { code: "unreadable"; text: string }
  | { code: "not-a-month"; understood: string; month: number }
  | { code: "not-a-real-day"; understood: string; iso: string; year: number; month: number; days: number }
  | { code: "not-a-real-numeric-date"; understood: string; text: string }
  | { code: "month-without-year"; understood: string; month: number }
  | { code: "range-backwards"; understood: string; from: DateReading; to: DateReading };

type ProblemDetail = DateProblemInfo extends infer P
  ? P extends { understood: string }
    ? Omit<P, "understood">
    : never
  : never;

export type ParsedDate =
  | { ok: true; query: string; readings: DateReading[]; ambiguous: boolean }
  | { ok: false; query: string; problem: DateProblemInfo };

class DateProblem extends Error {
  constructor(readonly detail: ProblemDetail) {
    super(detail.code);
  }
}

const ROMAN: Record<string, string> = {
  i: "1",
  ii: "2",
  iii: "3",
  iv: "4",
  v: "5",
  vi: "6",
  vii: "7",
  viii: "8",
  ix: "9",
  x: "10",
  xi: "11",
  xii: "12",
};

/** "early", "mid" and "late" take the first, middle and last third of a year or decade. */
function part(which: string, reading: DateReading): DateReading {
  const [y0] = reading.from.split("-").map(Number) as [number];
  if (reading.precision === "decade") {
    const [a, b] = which === "early" ? [0, 3] : which === "late" ? [7, 9] : [4, 6];
    return {
      from: isoDay(y0 + a, 1, 1),
      to: isoDay(y0 + b, 12, 31),
      precision: "range",
      label: `${which} ${reading.label.replace(/^the /, "")}`,
    };
  }
  const [a, b] = which === "early" ? [1, 4] : which === "late" ? [9, 12] : [5, 8];
  return {
    from: isoDay(y0, a, 1),
    to: isoDay(y0, b, lastDayOfMonth(y0, b)),
    precision: "range",
    label: `${which} ${reading.label}`,
  };
}

const dayLabel = (y: number, m: number, d: number) => `${d} ${MONTHS_EN[m - 1]} ${y}`;

function day(y: number, m: number, d: number): DateReading {
  if (m < 1 || m > 12) throw new DateProblem({ code: "not-a-month", month: m });
  if (d < 1 || !isRealDay(y, m, d)) {
    const iso = `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
    throw new DateProblem({ code: "not-a-real-day", iso, year: y, month: m, days: lastDayOfMonth(y, m) });
  }
  const iso = isoDay(y, m, d);
  return { from: iso, to: iso, precision: "day", label: dayLabel(y, m, d) };
}

function month(y: number, m: number): DateReading {
  if (m < 1 || m > 12) throw new DateProblem({ code: "not-a-month", month: m });
  return { ...monthInterval(y, m), precision: "month", label: `${MONTHS_EN[m - 1]} ${y}` };
}

function year(y: number): DateReading {
  return { ...yearInterval(y), precision: "year", label: String(y) };
}

function season(s: Season, y: number): DateReading {
  if (s === "winter") {
    // Winter straddles the new year: "winter 1953" is read as December 1952 to February 1953.
    return {
      from: isoDay(y - 1, 12, 1),
      to: isoDay(y, 2, lastDayOfMonth(y, 2)),
      precision: "season",
      label: `winter ${y - 1}–${String(y).slice(2)}`,
    };
  }
  const first = s === "spring" ? 3 : s === "summer" ? 6 : 9;
  return {
    from: isoDay(y, first, 1),
    to: isoDay(y, first + 2, lastDayOfMonth(y, first + 2)),
    precision: "season",
    label: `${s} ${y}`,
  };
}

function decade(start: number): DateReading {
  return {
    from: isoDay(start, 1, 1),
    to: isoDay(start + 9, 12, 31),
    precision: "decade",
    label: `the ${start}s`,
  };
}

/** 1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st, 22nd. */
export function englishOrdinal(n: number): string {
  const tens = n % 100;
  const suffix =
    tens >= 11 && tens <= 13 ? "th" : n % 10 === 1 ? "st" : n % 10 === 2 ? "nd" : n % 10 === 3 ? "rd" : "th";
  return `${n}${suffix}`;
}

/** Years people write with two digits are read in this bot's century: "82" is 1982. */
function fullYear(text: string): number {
  const n = Number(text);
  return text.length <= 2 ? 1900 + n : n;
}

function monthWord(word: string): number | undefined {
  return MONTH_WORDS.get(word.replace(/\.$/, ""));
}

/** Lower-cases, folds accents and ё, and strips the words and marks that carry no date. */
function tidy(text: string): string {
  return (
    text
      .normalize("NFKD")
      // й is a letter of its own in Russian ("май", "весной"), not и with an accent to fold away.
      .replace(/([иИ])\u0306/g, (_, i: string) => (i === "и" ? "й" : "Й"))
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .replace(/^(\d{4}-\d{2}-\d{2})t[\d:.]+(?:z|[+-]\d{2}:?\d{2})?$/, "$1")
      .replace(
        /\.(x{0,1}(?:i{1,3}|iv|v|vi{1,3}|ix|x|xi{1,2}))\./g,
        (_, roman: string) => `.${ROMAN[roman] ?? roman}.`,
      )
      .replace(/['’‘](\d{2})(?!\d)/g, "19$1")
      .replace(/(^|\s)(\d{1,2})-?го(?=\s|$)/gu, "$1$2")
      .replace(/(\d)-(?=\p{L})(?!е(?:\s|$)|x(?:\s|$)|х(?:\s|$))/gu, "$1 ")
      .replace(/(\p{L})-(?=\d)/gu, "$1 ")

      .replace(/ё/g, "е")
      .replace(/[‐‑‒–—―]/g, "-")
      .replace(/(\d)\s*(?:st|nd|rd|th)\b/g, "$1")
      .replace(/\b(?:on|in|of|the|year|around|about|circa|ca?\.)(?=\s|$)/g, " ")
      .replace(/(^|\s)(?:в|во|году|года|год|годы|годов|годах|годам|г\.|гг\.|г|гг)(?=\s|$)/gu, " ")
      .replace(/[,]/g, " ")
      .replace(/\s+/g, " ")
      .trim()
  );
}

const WORD = "([a-zа-я]+\\.?)";

/** Parses one point in time (not a range). Returns null when the text is not a date form at all. */
function parsePoint(t: string): DateReading[] | null {
  let m: RegExpMatchArray | null;
  // Early / mid / late 1953 or 1960s
  if ((m = t.match(/^(early|mid|late)[ -]?(.+)$/))) {
    const inner = parsePoint(m[2]!.trim());
    if (inner?.length === 1 && (inner[0]!.precision === "year" || inner[0]!.precision === "decade"))
      return [part(m[1]!, inner[0]!)];
    return null;
  }
  // ISO and year-first: 1982-11-10, 1982/11/10, 1982.11.10
  if ((m = t.match(/^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/))) return [day(+m[1]!, +m[2]!, +m[3]!)];
  // Year-month: 1983-05, 1983/05 (but 1964-66 is a range of years, handled by parseRange)
  if ((m = t.match(/^(\d{4})[-/](\d{1,2})$/)) && +m[2]! >= 1 && +m[2]! <= 12) return [month(+m[1]!, +m[2]!)];
  // Month/year: 05/1983, 5.1983
  if ((m = t.match(/^(\d{1,2})[/.](\d{4})$/))) return [month(+m[2]!, +m[1]!)];
  // Day-first with dots: 10.11.1982 (the European and Russian habit)
  if ((m = t.match(/^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$/))) {
    const [d, mo, y] = [+m[1]!, +m[2]!, fullYear(m[3]!)];
    if (mo > 12 && d <= 12 && isRealDay(y, d, mo)) return [day(y, d, mo)];
    return [day(y, mo, d)];
  }
  // Slashes or dashes: 15/06/1975 (only day-first is valid), 03/05/1953 (both are)
  if ((m = t.match(/^(\d{1,2})[/-](\d{1,2})[/-](\d{2}|\d{4})$/))) {
    const [a, b, y] = [+m[1]!, +m[2]!, fullYear(m[3]!)];
    const dayFirst = b >= 1 && b <= 12 && isRealDay(y, b, a);
    const monthFirst = a >= 1 && a <= 12 && isRealDay(y, a, b);
    if (dayFirst && monthFirst && a !== b) return [day(y, b, a), day(y, a, b)];
    if (dayFirst) return [day(y, b, a)];
    if (monthFirst) return [day(y, a, b)];
    throw new DateProblem({ code: "not-a-real-numeric-date", text: `${a}/${b}/${y}` });
  }
  // 10 November 1982, 10 nov 1982, 12 ноября 1982
  if ((m = t.match(new RegExp(`^(\\d{1,2}) ${WORD} (\\d{4})$`, "u")))) {
    const mo = monthWord(m[2]!);
    if (mo) return [day(+m[3]!, mo, +m[1]!)];
    return null;
  }
  // November 10 1982, Nov 10 1982
  if ((m = t.match(new RegExp(`^${WORD} (\\d{1,2}) (\\d{4})$`, "u")))) {
    const mo = monthWord(m[1]!);
    if (mo) return [day(+m[3]!, mo, +m[2]!)];
    return null;
  }
  // 1982 November 10
  if ((m = t.match(new RegExp(`^(\\d{4}) ${WORD} (\\d{1,2})$`, "u")))) {
    const mo = monthWord(m[2]!);
    if (mo) return [day(+m[1]!, mo, +m[3]!)];
    return null;
  }
  // May 1983, ноябрь 1982, spring 1984
  if ((m = t.match(new RegExp(`^${WORD} (\\d{4})$`, "u")))) {
    const mo = monthWord(m[1]!);
    if (mo) return [month(+m[2]!, mo)];
    const s = SEASON_WORDS.get(m[1]!);
    if (s) return [season(s, +m[2]!)];
    return null;
  }
  // 1983 May
  if ((m = t.match(new RegExp(`^(\\d{4}) ${WORD}$`, "u")))) {
    const mo = monthWord(m[2]!);
    if (mo) return [month(+m[1]!, mo)];
    const s = SEASON_WORDS.get(m[2]!);
    if (s) return [season(s, +m[1]!)];
    return null;
  }
  // Quarters: Q1 1984
  if ((m = t.match(/^q([1-4]) (\d{4})$/))) {
    const q = +m[1]!;
    const y = +m[2]!;
    return [
      {
        from: isoDay(y, q * 3 - 2, 1),
        to: isoDay(y, q * 3, lastDayOfMonth(y, q * 3)),
        precision: "range",
        label: `Q${q} ${y}`,
      },
    ];
  }
  // Centuries: 20th century
  if ((m = t.match(/^(\d{1,2}) century$/))) {
    const start = (+m[1]! - 1) * 100;
    return [
      {
        from: isoDay(start, 1, 1),
        to: isoDay(start + 99, 12, 31),
        precision: "range",
        label: `the ${englishOrdinal(+m[1]!)} century`,
      },
    ];
  }
  // Decades: 1970s, 1970's, '70s, 70s, 1970-е, the seventies
  if ((m = t.match(/^(\d{3})0(?:'?s| ?-?е| ?-?x| ?-?х)$/u))) return [decade(+`${m[1]}0`)];
  if (DECADE_WORDS[t]) return [decade(DECADE_WORDS[t])];
  if ((m = t.match(/^'?(\d)0'?s$/))) return [decade(1900 + +`${m[1]}0`)];
  // Russian two-digit decades: 60-е, 60-х ("в 60-е", "в 60-х годах")
  if ((m = t.match(/^(\d)0 ?-?(?:е|x|х)$/u))) return [decade(1900 + +`${m[1]}0`)];
  // A bare year
  if ((m = t.match(/^(\d{4})$/))) return [year(+m[1]!)];
  // A month name with a day but no year, or a bare month, are not enough.
  if ((m = t.match(new RegExp(`^(?:\\d{1,2} )?${WORD}(?: \\d{1,2})?$`, "u"))) && monthWord(m[1]!)) {
    throw new DateProblem({ code: "month-without-year", month: monthWord(m[1]!)! });
  }
  return null;
}

const RANGE_PATTERNS: RegExp[] = [
  /^between (.+) and (.+)$/u,
  /^from (.+?) (?:to|until|till|through|-) (.+)$/u,
  /^(.+?) (?:to|until|till|through) (.+)$/u,
  /^с (.+?) по (.+)$/u,
];

function tryPoint(t: string): DateReading[] | null {
  try {
    return parsePoint(t);
  } catch (err) {
    if (err instanceof DateProblem) return null;
    throw err;
  }
}

function spanLabel(a: DateReading, b: DateReading): string {
  return `${a.label} – ${b.label}`;
}

/** Every way of cutting the text at a hyphen into two non-empty sides, leftmost first. */
function dashSplits(t: string): RegExpMatchArray[] {
  const splits: RegExpMatchArray[] = [];
  for (let i = t.indexOf("-"); i > 0; i = t.indexOf("-", i + 1)) {
    const left = t.slice(0, i).trim();
    const right = t.slice(i + 1).trim();
    if (left && right)
      splits.push(Object.assign([t, left, right], { index: 0, input: t }) as RegExpMatchArray);
  }
  return splits;
}

function parseRange(t: string): DateReading[] | null {
  // 1964-66: a year range with a short end.
  const short = t.match(/^(\d{4}) ?- ?(\d{2})$/);
  if (short) {
    const a = +short[1]!;
    const b = Math.floor(a / 100) * 100 + +short[2]!;
    return [joinRange(year(a), year(b))];
  }
  const candidates = [
    ...RANGE_PATTERNS.map((pattern) => t.match(pattern)).filter((m): m is RegExpMatchArray => m !== null),
    ...dashSplits(t),
  ];
  for (const m of candidates) {
    let left = tryPoint(m[1]!.trim());
    const right = tryPoint(m[2]!.trim());
    // "5 March to 14 March 1953": the left side borrows the right side's year.
    const yearRight = m[2]!.trim().match(/(\d{4})$/);
    if (!left && right && yearRight) left = tryPoint(`${m[1]!.trim()} ${yearRight[1]}`);
    // "9–13 February 1984": a bare day on the left borrows the right side's month and year.
    const bareDay = m[1]!.trim().match(/^(\d{1,2})$/);
    const monthYearRight = m[2]!.trim().match(/^\d{1,2} (\D.*)$/u);
    if (!left && right && bareDay && monthYearRight) left = tryPoint(`${bareDay[1]} ${monthYearRight[1]}`);
    if (!left || !right) continue;
    return [joinRange(left[0]!, right[right.length - 1]!)];
  }
  return null;
}

/**
 * Where an open period ("after 1985", "before 1953") stops: the years this bot covers, from the
 * Secretariat's founding year to the end of the Soviet Union's last year.
 */
export const OPEN_PERIOD: DayInterval = { from: "1917-01-01", to: "1991-12-31" };

const OPEN_WORDS: Record<string, "after" | "since" | "before" | "until"> = {
  after: "after",
  since: "since",
  before: "before",
  until: "until",
  till: "until",
  после: "after",
  с: "since",
  со: "since",
  до: "before",
};

/** "after 1985", "since March 1953", "before 1953", "до 1953": a period open at one end. */
function parseOpen(t: string): DateReading[] | null {
  const m = t.match(/^(\p{L}+) (.+)$/u);
  const kind = m ? OPEN_WORDS[m[1]!] : undefined;
  if (!m || !kind) return null;
  const inner = tryPoint(m[2]!);
  if (!inner) return null;
  const first = inner[0]!;
  const last = inner[inner.length - 1]!;
  const start = { from: OPEN_PERIOD.from, to: OPEN_PERIOD.from, precision: "day", label: "1917" } as const;
  const end = {
    from: OPEN_PERIOD.to,
    to: OPEN_PERIOD.to,
    precision: "day",
    label: "the end of 1991",
  } as const;
  const label = `${m[1]} ${first.label}`;
  let span: DayInterval;
  if (kind === "after") span = { from: shiftDay(last.to, 1), to: OPEN_PERIOD.to };
  else if (kind === "since") span = { from: first.from, to: OPEN_PERIOD.to };
  else if (kind === "before") span = { from: OPEN_PERIOD.from, to: shiftDay(first.from, -1) };
  else span = { from: OPEN_PERIOD.from, to: last.to };
  if (span.from > span.to) {
    const from = kind === "after" || kind === "since" ? first : start;
    throw new DateProblem({
      code: "range-backwards",
      from,
      to: kind === "after" || kind === "since" ? end : first,
    });
  }
  return [{ ...span, precision: "range", label }];
}

function joinRange(a: DateReading, b: DateReading): DateReading {
  if (b.to < a.from) {
    throw new DateProblem({ code: "range-backwards", from: a, to: b });
  }
  return { from: a.from, to: b.to, precision: "range", label: spanLabel(a, b) };
}

/**
 * Turns what people write ("10th November 1982", "May 1983", "the 1970s", "1964-1966",
 * "12 ноября 1982") into one or more day intervals with a precision. Two readings come back
 * only when a numeric date is valid both day-first and month-first (03/05/1953).
 */
export function parseFuzzyDate(text: string): ParsedDate {
  const query = text;
  const t = tidy(text);
  if (t.length === 0) return { ok: false, query, problem: { code: "empty" } };
  if (t.length > 100) return { ok: false, query, problem: { code: "too-long" } };
  try {
    // "1964-66" is a range of years; "1984-02" is a month (ISO wins when it could be one).
    const short = t.match(/^\d{4} ?- ?(\d{2})$/);
    const range = short && +short[1]! > 12 ? parseRange(t) : null;
    if (range) return { ok: true, query, readings: range, ambiguous: false };
    const point = parsePoint(t);
    if (point) return { ok: true, query, readings: point, ambiguous: point.length > 1 };
    const span = parseRange(t) ?? parseOpen(t);
    if (span) return { ok: true, query, readings: span, ambiguous: false };
  } catch (err) {
    if (err instanceof DateProblem) {
      return { ok: false, query, problem: { ...err.detail, understood: t } as DateProblemInfo };
    }
    throw err;
  }
  return {
    ok: false,
    query,
    problem: { code: "unreadable", text: text.trim().slice(0, 80) },
  };
}
