// The one module that words dates for people: sourced dates at their precision, day numbers in the
// timeline, durations, the readings of what a user typed and what was wrong with it.
import type { DateClaim, HistoricalEvent, Term } from "../data/schema.js";
import { dayNumber, dayParts } from "../dates/calendar.js";
import type { DateProblemInfo, DateReading } from "../dates/parse.js";
import { pluralRu } from "./ru.js";
import { type Lang, text } from "./tables.js";

/** "10 November 1982", "March 1919", "1918" (or "10 ноября 1982 г."): a date at its own precision. */
export function formatDate(lang: Lang, claim: Pick<DateClaim, "date" | "precision">): string {
  const [y, m, d] = claim.date.split("-").map(Number) as [number, number?, number?];
  const words = text(lang);
  if (claim.precision === "year" || m === undefined) return `${y}${words.yearSuffix}`;
  if (claim.precision === "month" || d === undefined) return `${words.months[m - 1]} ${y}${words.yearSuffix}`;
  return `${d} ${words.monthsAfterDay[m - 1]} ${y}${words.yearSuffix}`;
}

/** An event's date, or its span when it lasted: "March–April 1922", "март–апрель 1922 г.". */
export function formatEventDate(lang: Lang, e: Pick<HistoricalEvent, "date" | "until">): string {
  if (!e.until) return formatDate(lang, e.date);
  const words = text(lang);
  const [y1, m1] = e.date.date.split("-").map(Number) as [number, number?];
  const [y2, m2] = e.until.date.split("-").map(Number) as [number, number?];
  if (e.date.precision === "month" && e.until.precision === "month" && y1 === y2 && m1 && m2)
    return `${words.months[m1 - 1]}–${words.months[m2 - 1]} ${y1}${words.yearSuffix}`;
  return `${formatDate(lang, e.date)} – ${formatDate(lang, e.until)}`;
}

/** An ISO day ("1982-11-10") in words. */
export function formatIsoDay(lang: Lang, iso: string): string {
  return formatDate(lang, { date: iso, precision: "day" });
}

/** "day", "месяц": a precision's name. */
export function precisionName(lang: Lang, precision: string): string {
  return text(lang).precisionNames[precision] ?? precision;
}

/**
 * How a reading of the user's text is worded. English keeps the parser's own label ("spring
 * 1984", "the 1970s"); Russian words the interval by its precision.
 */
export function readingLabel(lang: Lang, reading: DateReading): string {
  if (lang === "en") return reading.label;
  if (reading.precision === "day" || reading.precision === "month" || reading.precision === "year")
    return formatDate(lang, { date: reading.from, precision: reading.precision });
  if (reading.precision === "decade") return text(lang).decade({ decade: Number(reading.from.slice(0, 4)) });
  return text(lang).dayRange({ from: formatIsoDay(lang, reading.from), to: formatIsoDay(lang, reading.to) });
}

/**
 * What was wrong with a date the user typed, and which forms work, in the user's language. `quote`
 * makes the user's own text safe to show (Discord markdown escaped where it is echoed).
 */
export function dateProblemText(
  lang: Lang,
  problem: DateProblemInfo,
  quote: (userText: string) => string = (s) => s,
): string {
  const words = text(lang).dateProblem;
  const month = (m: number) => text(lang).months[m - 1] ?? String(m);
  let sentence: string;
  switch (problem.code) {
    case "empty":
      sentence = words.empty;
      break;
    case "too-long":
      sentence = words.tooLong;
      break;
    case "unreadable":
      sentence = words.unreadable({ text: quote(problem.text) });
      break;
    default: {
      const detail =
        problem.code === "not-a-month"
          ? words.notMonth({ month: problem.month })
          : problem.code === "not-a-real-day"
            ? words.notRealDay({
                day: formatIsoDay(lang, problem.iso),
                month: `${month(problem.month)} ${problem.year}${text(lang).yearSuffix}`,
                days: problem.days,
              })
            : problem.code === "not-a-real-numeric-date"
              ? words.notRealNumeric({ text: quote(problem.text) })
              : problem.code === "month-without-year"
                ? words.monthWithoutYear({ month: month(problem.month) })
                : words.rangeBackwards({
                    from: readingLabel(lang, problem.from),
                    to: readingLabel(lang, problem.to),
                  });
      sentence = words.understoodBut({ text: quote(problem.understood), problem: detail });
    }
  }
  return `${sentence} ${words.formsHelp}`;
}

/** "16 years, 216 days" → "16 лет, 216 дней". */
export function localiseDuration(lang: Lang, english: string): string {
  if (lang === "en") return english;
  const forms: Record<string, [string, string, string]> = {
    year: ["год", "года", "лет"],
    month: ["месяц", "месяца", "месяцев"],
    day: ["день", "дня", "дней"],
  };
  return english.replace(
    /(\d+)(–\d+)? (years?|months?|days?)/g,
    (_, n: string, range: string | undefined, unit: string) => {
      const [one, few, many] = forms[unit.replace(/s$/, "")] as [string, string, string];
      const last = range ? Number(range.slice(1)) : Number(n);
      return `${n}${range ?? ""} ${pluralRu(last, one, few, many)}`;
    },
  );
}

// — compact forms, for tight spaces such as the timeline's labels; days as numbers since
// 1970-01-01 —

const shortMonth = (m: number, lang: Lang) => text(lang).monthsShortAfterDay[m - 1] ?? "";

/** A compact inclusive range of day numbers: "11 Nov 1982", "10–12 Feb 1984", "16 Oct 1952 – 5 Mar 1953". */
export function compactRange(a: number, b: number, lang: Lang): string {
  const [y1, m1, d1] = dayParts(a);
  const [y2, m2, d2] = dayParts(b);
  const suffix = text(lang).yearSuffix;
  if (a === b) return `${d1} ${shortMonth(m1, lang)} ${y1}${suffix}`;
  if (y1 === y2 && m1 === m2) return `${d1}–${d2} ${shortMonth(m1, lang)} ${y1}${suffix}`;
  if (y1 === y2) return `${d1} ${shortMonth(m1, lang)} – ${d2} ${shortMonth(m2, lang)} ${y1}${suffix}`;
  return `${d1} ${shortMonth(m1, lang)} ${y1} – ${d2} ${shortMonth(m2, lang)} ${y2}${suffix}`;
}

/** A term's own dates, compactly, at their precision: "14 Mar – 14 Sep 1953", "Dec 1919 – Mar 1921". */
export function termDates(term: Term, lang: Lang): string {
  const s = term.start;
  const e = term.end;
  if (s.precision === "day" && e?.precision === "day")
    return compactRange(dayNumber(s.date), dayNumber(e.date), lang);
  const claim = (c: Term["start"]) => {
    const [y, m, d] = c.date.split("-").map(Number) as [number, number?, number?];
    if (c.precision === "year" || m === undefined) return String(y);
    if (c.precision === "month" || d === undefined) return `${text(lang).monthsShort[m - 1]} ${y}`;
    return `${d} ${shortMonth(m, lang)} ${y}`;
  };
  if (!e) return `${claim(s)} –`;
  const a = claim(s);
  const b = claim(e);
  return a === b ? a : /^\d{4}$/.test(a) && /^\d{4}$/.test(b) ? `${a}–${b}` : `${a} – ${b}`;
}

// — dates inside sentences (trivia's explanations): after a preposition Russian changes the month's
// case, English does not —

/** A date after "from" / "с": "March 1919", "с марта 1919 г." (the day and year forms as formatDate's). */
export function formatDateFrom(lang: Lang, claim: Pick<DateClaim, "date" | "precision">): string {
  const [y, m] = claim.date.split("-").map(Number) as [number, number?];
  if (claim.precision !== "month" || m === undefined) return formatDate(lang, claim);
  return `${text(lang).monthsAfterDay[m - 1]} ${y}${text(lang).yearSuffix}`;
}

/** When something happened: "on 3 April 1922", "in March 1919", "in 1918"; "3 апреля 1922 г.", "в марте 1919 г.". */
export function formatOnDate(lang: Lang, claim: Pick<DateClaim, "date" | "precision">): string {
  const [y, m] = claim.date.split("-").map(Number) as [number, number?];
  const words = text(lang);
  if (claim.precision === "day") return words.onDay({ date: formatDate(lang, claim) });
  if (claim.precision === "month" && m !== undefined)
    return words.inPeriod({ when: `${words.monthsIn[m - 1]} ${y}${words.yearSuffix}` });
  return words.inPeriod({ when: `${y}${words.yearSuffix}` });
}

/**
 * A moment (epoch ms) as Discord's own date markup: each reader's client words it in their
 * language and time zone (a term's start), so the bot words nothing itself.
 */
export function discordDay(ms: number): string {
  return `<t:${Math.floor(ms / 1000)}:D>`;
}

/**
 * How long after the previous message one would be posted (the console's and `cli run`'s virtual
 * clock): seconds, or hours and minutes for a day's question. "15 h 9 min", "15 ч 9 мин".
 */
export function waitWords(lang: Lang, seconds: number): string {
  const { seconds: s, minutes: min, hours: h } = text(lang).waitUnits;
  if (seconds < 120) return `${seconds} ${s}`;
  const minutes = Math.round(seconds / 60);
  return minutes < 60 ? `${minutes} ${min}` : `${Math.floor(minutes / 60)} ${h} ${minutes % 60} ${min}`;
}
