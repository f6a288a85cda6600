// What the question kinds read from the dataset, worked out once: the leaders with their terms and
// windows, which boundaries and events the sources dispute, and wording helpers.
import type { Dataset } from "../../data/build.js";
import { eventSpan, termEnd } from "../../data/build.js";
import type { HistoricalEvent, Person, Term } from "../../data/schema.js";
import { claimBounds, type DayInterval, daysBetween } from "../../dates/calendar.js";
import { MONTHS_EN } from "../../dates/parse.js";
import { formatDay } from "../../query/format.js";
import { basisLabel, holdingLabel } from "../../query/holding.js";
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
  boundaries: Map<string, string>;
}

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

export function officeName(ds: Dataset, id: string): string {
  return ds.officeById.get(id)?.name ?? id;
}

/**
 * A holding named as the cards name it: "General Secretary (acting)", "First Secretary (de facto,
 * before the office was created on 14 September 1953)", "General Secretary (title disputed from
 * 1934)". Never a rank or a title the sources dispute, stated plainly.
 */
export function roleLabel(ds: Dataset, t: Term): string {
  return holdingLabel(ds, t, "en");
}

/** "1917 (according to ProleWiki) or March 1919": when a person first held the leading office,
 * every account's date where the sources disagree on their place in the order. */
export function firstTaken(ds: Dataset, l: Leader): string {
  const dates: string[] = [];
  for (const t of l.terms) {
    dates.push(`${formatDay(t.start)}${basisLabel("en", t, ds)}`);
    if (!t.orderDisputed) break;
  }
  return dates.join(" or ");
}

/** "on 3 April 1922", "in March 1921", "in 1918". */
export function onDate(claim: Term["start"]): string {
  return `${claim.precision === "day" ? "on" : "in"} ${formatDay(claim)}`;
}

export function termRange(t: Term): string {
  const from = formatDay(t.start);
  if (!t.end) return `from ${from}`;
  return t.endedByDeath
    ? `from ${from} until death in office ${onDate(t.end)}`
    : `from ${from} to ${formatDay(t.end)}`;
}

/** "X was Technical Secretary from 1917 to 1918, and again from March 1919 to December 1919." */
export function heldSentence(ds: Dataset, name: string, terms: readonly Term[]): string {
  const parts = terms.map((t, i) => {
    const role = roleLabel(ds, t);
    if (i === 0) return `${role} ${termRange(t)}`;
    return role === roleLabel(ds, terms[i - 1] as Term)
      ? `and again ${termRange(t)}`
      : `then ${role} ${termRange(t)}`;
  });
  return `${name} was ${parts.join(", ")}.`;
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

export function describeBoundaries(ds: Dataset): Map<string, string> {
  const parts = new Map<string, string[]>();
  const add = (day: string, text: string) => {
    const list = parts.get(day);
    if (!list) parts.set(day, [text]);
    else if (!list.includes(text)) list.push(text);
  };
  // Where one person's de facto holding meets their de jure one (Stalin's on 16 October 1952,
  // Khrushchev's on 14 September 1953), the day is the de jure term's: the de facto side adds
  // nothing but a second name for the same change.
  const dejure = (person: string, day: string) =>
    ds.leadership.some(
      (x) => x.person === person && x.basis !== "de facto" && (x.start.date === day || x.end?.date === day),
    );
  for (const t of ds.leadership) {
    const name = personName(ds, t.person);
    const aside = (day: string) => t.basis === "de facto" && dejure(t.person, day);
    if (t.end?.precision === "day" && (t.endedByDeath || !aside(t.end.date))) {
      add(t.end.date, t.endedByDeath ? `${name} died` : `${name}'s term as ${roleLabel(ds, t)} ended`);
    }
    if (t.start.precision === "day" && !aside(t.start.date))
      add(t.start.date, `${name} became ${roleLabel(ds, t)}`);
  }
  return new Map([...parts].map(([day, list]) => [day, `the day ${list.join(" and ")}`]));
}

export function buildContext(ds: Dataset): Context {
  const leaders = analyseLeaders(ds);
  return {
    ds,
    leaders,
    leaderById: new Map(leaders.map((l) => [l.person.id, l])),
    boundaries: describeBoundaries(ds),
  };
}
