import type { Dataset } from "../data/build.js";
import { eventSpan, termEnd, termStart } from "../data/build.js";
import type { HistoricalEvent, Office, Person, Term } from "../data/schema.js";
import { claimBounds, type DayInterval, overlaps, shiftDay } from "../dates/calendar.js";
import { type DateReading, parseFuzzyDate } from "../dates/parse.js";
import { formatDay } from "./format.js";
import { holdingName, holdingQualifiers } from "./holding.js";

/** A term that overlaps the asked interval. */
export interface HolderHit {
  term: Term;
  person: Person;
  office: Office;
  /** Earliest day the term can have started (its start date at its precision). */
  start: string;
  /** Latest day it can have ended; null when the sources give no end. */
  end: string | null;
  /** False when the overlap depends on an imprecise date (a month or year) or an unknown end. */
  certain: boolean;
}

export interface Vacancy extends DayInterval {
  before: Term | null;
  after: Term | null;
}

export type Existence = "existed" | "before-founding" | "suspended" | "after-ban";

export interface WhenAnswer {
  reading: DateReading;
  holders: HolderHit[];
  vacancies: Vacancy[];
  /** Parts of the interval in which the office did not exist or the party was suspended. */
  outside: { kind: Exclude<Existence, "existed">; from: string; to: string }[];
  events: HistoricalEvent[];
  note: string;
}

export interface WhenOptions {
  /** Restrict to one office's terms; by default, the party's leading office in all its forms. */
  office?: string;
}

export function termsFor(ds: Dataset, office: string | undefined): readonly Term[] {
  if (!office) return ds.leadership;
  const record = ds.officeById.get(office);
  if (record?.kind === "title" && record.partOf) {
    return (ds.termsByOffice.get(record.partOf) ?? []).filter((t) => t.basis === "acting");
  }
  return ds.termsByOffice.get(office) ?? [];
}

/** The certain core of a term: the days it surely covers, given imprecise dates. */
function certainSpan(t: Term): DayInterval | null {
  const from = claimBounds(t.start).to;
  const to = t.end ? claimBounds(t.end).from : null;
  if (to === null || from > to) return null;
  return { from, to };
}

function describeHit(ds: Dataset, h: HolderHit): string {
  // The holding named as the cards name it (src/query/holding.ts), in the note's English.
  const words = holdingQualifiers(ds, h.term, "en");
  if (h.term.orderDisputed) words.push("its place in the order is disputed");
  const basis = words.length ? ` (${words.join("; ")})` : "";
  const end = h.term.end ? formatDay(h.term.end) : "end unknown";
  const died = h.term.endedByDeath ? ", died in office" : "";
  return `${h.person.name}, ${holdingName(ds, h.term, "en")}${basis}, ${formatDay(h.term.start)} – ${end}${died}`;
}

/** De facto heads of the Secretariat as a body: holdings that are not an office of the chain. */
function secretariatHeads(ds: Dataset): Term[] {
  return ds.terms.filter((t) => ds.officeById.get(t.office)?.kind === "body" && t.basis === "de facto");
}

/** Who held the office (or the party's leading office) at any time within the interval. */
export function findHolders(ds: Dataset, reading: DateReading, options: WhenOptions = {}): WhenAnswer {
  const interval: DayInterval = { from: reading.from, to: reading.to };
  // The party's leading office in all its forms; and, where no office is asked for, whoever headed
  // the Secretariat de facto while that office stood empty (Malenkov in March 1953).
  const terms = options.office ? termsFor(ds, options.office) : [...ds.leadership, ...secretariatHeads(ds)];
  const holders: HolderHit[] = [];
  // Only the days on which the party's leadership existed can have a holder: an imprecise date
  // ("1917") must not place anyone in office before the Secretariat was founded.
  const span = ds.leadershipSpan;
  const within: DayInterval = { from: maxDay(interval.from, span.from), to: minDay(interval.to, span.to) };
  for (const term of within.from > within.to ? [] : terms) {
    const start = termStart(term);
    const end = termEnd(term);
    const possible: DayInterval = { from: start, to: end ?? ds.leadershipSpan.to };
    if (!overlaps(possible, within)) continue;
    const core = certainSpan(term);
    const certain = core !== null && overlaps(core, within);
    holders.push({
      term,
      person: ds.personById.get(term.person) as Person,
      office: ds.officeById.get(term.office) as Office,
      start,
      end,
      certain,
    });
  }

  // In the order they began: whoever took office first is named first.
  holders.sort((a, b) => a.start.localeCompare(b.start) || (a.end ?? "9999").localeCompare(b.end ?? "9999"));
  const outside: WhenAnswer["outside"] = [];
  if (interval.from < span.from) {
    outside.push({
      kind: "before-founding",
      from: interval.from,
      to: minDay(interval.to, shiftDay(span.from, -1)),
    });
  }
  if (interval.to > span.suspended && interval.from < span.banned) {
    outside.push({
      kind: "suspended",
      from: maxDay(interval.from, shiftDay(span.suspended, 1)),
      to: minDay(interval.to, shiftDay(span.banned, -1)),
    });
  }
  if (interval.to >= span.banned) {
    outside.push({ kind: "after-ban", from: maxDay(interval.from, span.banned), to: interval.to });
  }

  const vacancies = options.office ? [] : findVacancies(ds, interval);
  const events = ds.events.filter((e) => overlaps(eventSpan(e), widen(interval)));
  return {
    reading,
    holders,
    vacancies,
    outside,
    events,
    note: composeNote(ds, reading, holders, vacancies, outside),
  };
}

/** Events are shown for the asked interval and, for a single day, a week either side. */
function widen(interval: DayInterval): DayInterval {
  if (interval.from !== interval.to) return interval;
  return { from: shiftDay(interval.from, -7), to: shiftDay(interval.to, 7) };
}

const minDay = (a: string, b: string) => (a < b ? a : b);
const maxDay = (a: string, b: string) => (a > b ? a : b);

/** Days within the interval (and within the party's existence) that no leading term can cover. */
function findVacancies(ds: Dataset, interval: DayInterval): Vacancy[] {
  const from = maxDay(interval.from, ds.leadershipSpan.from);
  const to = minDay(interval.to, ds.leadershipSpan.to);
  if (from > to) return [];
  const covering = ds.leadership
    .map((t) => ({ term: t, from: termStart(t), to: termEnd(t) ?? ds.leadershipSpan.to }))
    .sort((a, b) => a.from.localeCompare(b.from));
  const vacancies: Vacancy[] = [];
  let cursor = from;
  let previous: Term | null = null;
  for (const c of covering) {
    if (c.to < cursor) {
      previous = c.term;
      continue;
    }
    if (c.from > cursor) {
      vacancies.push({ from: cursor, to: minDay(shiftDay(c.from, -1), to), before: previous, after: c.term });
    }
    if (c.from > to) return vacancies;
    cursor = shiftDay(c.to, 1);
    previous = c.term;
    if (cursor > to) return vacancies;
  }
  vacancies.push({ from: cursor, to, before: previous, after: null });
  return vacancies;
}

function composeNote(
  ds: Dataset,
  reading: DateReading,
  holders: HolderHit[],
  vacancies: Vacancy[],
  outside: WhenAnswer["outside"],
): string {
  const parts: string[] = [`${reading.label} (${reading.precision} precision).`];
  if (holders.length > 0) {
    parts.push(`Held by: ${holders.map((h) => describeHit(ds, h)).join("; ")}.`);
    if (holders.some((h) => !h.certain)) {
      parts.push(
        "Some of these dates are known only to the month or year, so those holdings may not cover every day asked.",
      );
    }
  }
  for (const v of vacancies) {
    const who = [
      v.before ? `after ${ds.personById.get(v.before.person)?.name}` : "",
      v.after ? `before ${ds.personById.get(v.after.person)?.name}` : "",
    ]
      .filter(Boolean)
      .join(", ");
    const range =
      v.from === v.to
        ? formatDay({ date: v.from, precision: "day" })
        : `${formatDay({ date: v.from, precision: "day" })} – ${formatDay({ date: v.to, precision: "day" })}`;
    parts.push(`Vacant ${range}${who ? ` (${who})` : ""}.`);
  }
  const span = ds.leadershipSpan;
  for (const o of outside) {
    if (o.kind === "before-founding") {
      parts.push(
        `The office did not exist before the Secretariat was established on ${formatDay({ date: span.from, precision: "day" })}.`,
      );
    } else {
      // The office's end as the seed that dates it puts it (003: abolished on 29 August 1991, the
      // day the party's activities were suspended), whether the time asked is before or after the ban.
      const line = `The office was abolished on ${formatDay({ date: span.suspended, precision: "day" })}, the day the party's activities were suspended; the party was banned on ${formatDay({ date: span.banned, precision: "day" })}.`;
      if (!parts.includes(line)) parts.push(line);
    }
  }
  if (holders.length === 0 && vacancies.length === 0 && outside.length === 0) {
    parts.push("No holder is recorded for this office at that time.");
  }
  return parts.join(" ");
}

/** The `at` command's answer: parse, then look up, for every reading of an ambiguous date. */
export function answerWhen(ds: Dataset, text: string, options: WhenOptions = {}): WhenResult {
  // The answer depends only on the dataset and the words: people ask for the same dates again
  // and again, so answers are kept (the most recent few thousand), and never changed by a reader.
  let kept = keptAnswers.get(ds);
  if (!kept) {
    kept = new Map();
    keptAnswers.set(ds, kept);
  }
  const key = `${options.office ?? ""}|${text}`;
  const found = kept.get(key);
  if (found) return found;
  const parsed = parseFuzzyDate(text);
  const result: WhenResult = parsed.ok
    ? { parsed, answers: parsed.readings.map((r) => findHolders(ds, r, options)) }
    : { parsed, answers: [] };
  if (kept.size >= ANSWERS_KEPT) {
    const oldest = kept.keys().next().value;
    if (oldest !== undefined) kept.delete(oldest);
  }
  kept.set(key, result);
  return result;
}

export interface WhenResult {
  parsed: ReturnType<typeof parseFuzzyDate>;
  answers: WhenAnswer[];
}

const ANSWERS_KEPT = 2000;
const keptAnswers = new WeakMap<Dataset, Map<string, WhenResult>>();
