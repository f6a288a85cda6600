// What the question kinds read from the dataset, worked out once: the leaders with their terms and
// windows, which boundaries and events the sources dispute, and the wording in each language
// (src/i18n/trivia-en.ts, trivia-ru.ts).
import type { Dataset } from "../../data/build.js";
import { eventSpan, termEnd } from "../../data/build.js";
import type { HistoricalEvent, Person, Term } from "../../data/schema.js";
import { claimBounds, type DayInterval, daysBetween } from "../../dates/calendar.js";
import { MONTHS_EN } from "../../dates/parse.js";
import { triviaEn } from "../../i18n/trivia-en.js";
import { triviaRu } from "../../i18n/trivia-ru.js";
import type { BoundaryItem, TriviaWords } from "../../i18n/trivia-words.js";
import { formatDay } from "../../query/format.js";
import { holdingLabel } from "../../query/holding.js";
import type { Difficulty } from "./model.js";

// ---------------------------------------------------------------------------------------------
// Reading the dataset

export interface Leader {
  person: Person;
  /** Leading terms, in chain order. */
  terms: Term[];
  /** Earliest possible start to latest possible end of all the person's leading terms. */
  span: DayInterval;
  /** The days on which the person may first have taken the office (wider when disputed). */
  startWindow: DayInterval;
  startDisputed: boolean;
  endDisputed: boolean;
  deFactoOnly: boolean;
  /** The term that ended with the person's death, if any. */
  died: Term | undefined;
  /** Distinct leading offices, in order of first holding. */
  offices: string[];
}

export interface Context {
  ds: Dataset;
  leaders: Leader[];
  leaderById: Map<string, Leader>;
  /** Day-precision dates at which a leading term starts or ends, with what happened. */
  boundaries: Map<string, BoundaryItem[]>;
  /** The wording: English (which ids are made from) and Russian. */
  en: TriviaWords;
  ru: TriviaWords;
}

/** Both languages' wording of one draft text: `say(ctx.en)` and `say(ctx.ru)`. */
export type Say<T> = (words: TriviaWords) => T;

export const minDay = (a: string, b: string) => (a < b ? a : b);
export const maxDay = (a: string, b: string) => (a > b ? a : b);

export function gapDays(a: DayInterval, b: DayInterval): number {
  if (a.to < b.from) return daysBetween(a.to, b.from);
  if (b.to < a.from) return daysBetween(b.to, a.from);
  return 0;
}

export const containsDay = (i: DayInterval, day: string) => i.from <= day && day <= i.to;

export function personName(ds: Dataset, id: string): string {
  return ds.personById.get(id)?.name ?? id;
}

export function surname(name: string): string {
  return name.split(" ").at(-1) ?? name;
}

/**
 * A holding named as the cards name it, in English: "General Secretary (acting)". Only to tell
 * holdings apart; what a reader sees is worded by src/i18n/trivia-*.ts.
 */
export function roleLabel(ds: Dataset, t: Term): string {
  return holdingLabel(ds, t, "en");
}

export function prominence(ds: Dataset, personId: string): number {
  return ds.personById.get(personId)?.prominence ?? 3;
}

export function difficultyOf(level: number): Difficulty {
  return level <= 1 ? "easy" : level === 2 ? "medium" : "hard";
}

/**
 * Whether a term's dates or length are in question: it carries a dispute, a dispute names its
 * person or the term itself, or a dispute about its office quotes one of its dates.
 */
export function termDisputed(ds: Dataset, t: Term): boolean {
  if (t.disputes.length > 0) return true;
  const dates = [formatDay(t.start), ...(t.end ? [formatDay(t.end)] : [])];
  return ds.disputes.some(
    (d) =>
      d.subjects.includes(t.person) ||
      d.subjects.includes(t.id) ||
      (d.subjects.includes(t.office) && d.claims.some((c) => dates.some((x) => c.value.includes(x)))),
  );
}

export const MONTH_PATTERN = MONTHS_EN.join("|");
export const DATE_IN_TEXT = new RegExp(`(?:(\\d{1,2}) )?(?:(${MONTH_PATTERN}) )?(\\d{4})`, "g");

/** The dates a claim's wording mentions ("3 April 1922", "March 1919", "1919"), as day intervals. */
export function datesInText(text: string): DayInterval[] {
  const out: DayInterval[] = [];
  for (const m of text.matchAll(DATE_IN_TEXT)) {
    const [, day, month, year] = m;
    const monthIndex = month ? MONTHS_EN.indexOf(month as (typeof MONTHS_EN)[number]) + 1 : 0;
    const mm = String(monthIndex).padStart(2, "0");
    if (day && monthIndex) {
      const d = `${year}-${mm}-${day.padStart(2, "0")}`;
      out.push({ from: d, to: d });
    } else if (monthIndex) {
      out.push(claimBounds({ date: `${year}-${mm}`, precision: "month" }));
    } else {
      out.push(claimBounds({ date: String(year), precision: "year" }));
    }
  }
  return out;
}

/** An event is contested when a dispute about its subjects quotes its day and a non-default claim gives another. */
export function eventDisputed(ds: Dataset, e: HistoricalEvent): boolean {
  const label = formatDay(e.date);
  const involved = new Set([...e.people, ...e.offices, e.id]);
  const bounds = eventSpan(e);
  return ds.disputes.some(
    (d) =>
      d.subjects.some((s) => involved.has(s)) &&
      d.claims.some((c) => c.value.includes(label)) &&
      d.claims.some(
        (c) =>
          !c.default &&
          !c.value.includes(label) &&
          datesInText(c.value).some((i) => i.to < bounds.from || i.from > bounds.to),
      ),
  );
}

export function analyseLeaders(ds: Dataset): Leader[] {
  const byPerson = new Map<string, Term[]>();
  for (const t of ds.leadership) {
    const list = byPerson.get(t.person);
    if (list) list.push(t);
    else byPerson.set(t.person, [t]);
  }
  const leaders: Leader[] = [];
  for (const [id, terms] of byPerson) {
    const person = ds.personById.get(id);
    const first = terms[0];
    if (!person || !first) continue;
    const startWindow = { ...claimBounds(first.start) };
    let startDisputed = false;
    let endDisputed = false;
    // A dispute shared by two terms of one person is about the boundary between them: a de facto
    // holding before a de jure one disputes the start (Khrushchev), one after it the end (Stalin).
    terms.forEach((a, i) => {
      for (const b of terms.slice(i + 1)) {
        if (!a.disputes.some((d) => b.disputes.includes(d))) continue;
        const aJure = a.basis === "de jure";
        const bJure = b.basis === "de jure";
        if (aJure && !bJure) {
          endDisputed = true;
        } else {
          startDisputed = true;
          startWindow.to = maxDay(startWindow.to, claimBounds(b.start).to);
          if (aJure === bJure) endDisputed = true;
        }
      }
    });
    // A holding outside the order of holders (Stasova's 1917 term, ProleWiki's alone) leaves the
    // person's first start open until their next holding: no question may order them by it.
    if (terms.some((t) => t.orderDisputed)) {
      startDisputed = true;
      for (const t of terms) startWindow.to = maxDay(startWindow.to, claimBounds(t.start).to);
    }
    let to = startWindow.to;
    for (const t of terms) to = maxDay(to, termEnd(t) ?? ds.leadershipSpan.to);
    leaders.push({
      person,
      terms,
      span: { from: startWindow.from, to },
      startWindow,
      startDisputed,
      endDisputed,
      deFactoOnly: terms.every((t) => t.basis === "de facto"),
      died: terms.find((t) => t.endedByDeath),
      offices: [...new Set(terms.map((t) => t.office))],
    });
  }
  return leaders.sort(
    (a, b) => a.startWindow.from.localeCompare(b.startWindow.from) || a.person.id.localeCompare(b.person.id),
  );
}

export function describeBoundaries(ds: Dataset): Map<string, BoundaryItem[]> {
  const parts = new Map<string, BoundaryItem[]>();
  const add = (day: string, item: BoundaryItem) => {
    const list = parts.get(day);
    const same = (x: BoundaryItem) =>
      x.kind === item.kind &&
      x.term.person === item.term.person &&
      (x.kind === "died" || roleLabel(ds, x.term) === roleLabel(ds, item.term));
    if (!list) parts.set(day, [item]);
    else if (!list.some(same)) list.push(item);
  };
  // Where one person's de facto holding meets their de jure one (Stalin's on 16 October 1952,
  // Khrushchev's on 14 September 1953), the day is the de jure term's: the de facto side adds
  // nothing but a second name for the same change.
  const dejure = (person: string, day: string) =>
    ds.leadership.some(
      (x) => x.person === person && x.basis !== "de facto" && (x.start.date === day || x.end?.date === day),
    );
  for (const t of ds.leadership) {
    const aside = (day: string) => t.basis === "de facto" && dejure(t.person, day);
    if (t.end?.precision === "day" && (t.endedByDeath || !aside(t.end.date))) {
      add(t.end.date, { kind: t.endedByDeath ? "died" : "ended", term: t });
    }
    if (t.start.precision === "day" && !aside(t.start.date)) add(t.start.date, { kind: "became", term: t });
  }
  return parts;
}

export function buildContext(ds: Dataset): Context {
  const leaders = analyseLeaders(ds);
  return {
    ds,
    leaders,
    leaderById: new Map(leaders.map((l) => [l.person.id, l])),
    boundaries: describeBoundaries(ds),
    en: triviaEn(ds),
    ru: triviaRu(ds),
  };
}
