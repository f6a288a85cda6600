// True-or-false statements built from undisputed facts.
import type { Term } from "../../data/schema.js";
import { daysBetween } from "../../dates/calendar.js";
import { durationBetween } from "../../dates/duration.js";
import type { TriviaWords } from "../../i18n/trivia-words.js";
import {
  type Context,
  difficultyOf,
  gapDays,
  type Leader,
  personName,
  type Say,
  surname,
} from "./context.js";
import { lastTerm } from "./died.js";
import { cleanSources, type Draft } from "./draft.js";
import { ERA_DAYS } from "./model.js";
import { otherOfficesNear, singleOfficeLeaders } from "./office-held.js";
import { cleanTerms, ownStarts } from "./took-office.js";

/** Whether a surely took the leading office before b, whatever the imprecision and disputes. */
export const surelyBefore = (a: Leader, b: Leader) => a.startWindow.to < b.startWindow.from;

export function trueFalseQuestions(ctx: Context): Draft[] {
  const { ds } = ctx;
  const drafts: Draft[] = [];
  /** A statement and why it is true or false, each worded by `text` in both languages. */
  const statement = (
    text: Say<string>,
    truth: boolean,
    slug: string,
    level: number,
    explanation: Say<string[]>,
    sources: string[],
    subjects: string[],
  ) => {
    const say = (w: TriviaWords) => ({
      prompt: w.trueOrFalse(text(w)),
      correct: truth ? w.true : w.false,
      wrong: [truth ? w.false : w.true],
      explanation: [w.verdict(truth), ...explanation(w)],
    });
    drafts.push({
      kind: "true-false",
      difficulty: difficultyOf(level),
      slug,
      ...say(ctx.en),
      ru: say(ctx.ru),
      sources,
      subjects,
    });
  };
  const eligible = ctx.leaders.filter((l) => !l.deFactoOnly);

  // Died in office.
  for (const l of ctx.leaders) {
    if (l.endDisputed) continue;
    const id = l.person.id;
    const last = lastTerm(l);
    const died = l.died;
    statement(
      (w) => w.diedHolding(id),
      Boolean(died),
      surname(l.person.name),
      l.person.prominence,
      (w) => (died?.end ? [w.diedInOffice(died)] : [w.endedAlive(last)]),
      cleanSources(ds, (died ?? last).sources),
      [id],
    );
  }

  // Who came first.
  for (const a of eligible) {
    for (const b of eligible) {
      if (a === b || !surelyBefore(a, b) || gapDays(a.span, b.span) > ERA_DAYS) continue;
      const explanation: Say<string[]> = (w) => [w.firstHeld(a.terms, b.terms)];
      const sources = cleanSources(ds, (a.terms[0] as Term).sources, (b.terms[0] as Term).sources);
      const level = Math.max(a.person.prominence, b.person.prominence);
      statement(
        (w) => w.heldBefore(a.person.id, b.person.id),
        true,
        surname(a.person.name),
        level,
        explanation,
        sources,
        [a.person.id, b.person.id],
      );
      statement(
        (w) => w.heldBefore(b.person.id, a.person.id),
        false,
        surname(b.person.name),
        level,
        explanation,
        sources,
        [b.person.id, a.person.id],
      );
    }
  }

  // Which title.
  for (const l of singleOfficeLeaders(ctx)) {
    if (l.terms.every((t) => t.basis !== "de jure")) continue;
    const officeId = l.offices[0] as string;
    const other = otherOfficesNear(ctx, l)[0];
    if (!other) continue;
    const id = l.person.id;
    const first = l.terms[0] as Term;
    const held: Say<string[]> = (w) => [w.heldSentence(id, l.terms)];
    const sources = cleanSources(ds, ...l.terms.map((t) => t.sources));
    statement(
      (w) => w.heldOffice(id, officeId, first),
      true,
      surname(l.person.name),
      l.person.prominence,
      held,
      sources,
      [id, officeId],
    );
    statement(
      (w) => w.heldOffice(id, other, first),
      false,
      surname(l.person.name),
      l.person.prominence,
      (w) => [...held(w), w.titleIn(other, first)],
      sources,
      [id, other],
    );
  }

  // Exact days (hard).
  const dates = [...ctx.boundaries.keys()].sort();
  for (const t of cleanTerms(ctx, false)) {
    const name = personName(ds, t.person);
    const near = dates
      .filter((d) => !ownStarts(ctx, t.person).has(d))
      .sort(
        (x, y) =>
          Math.abs(daysBetween(x, t.start.date)) - Math.abs(daysBetween(y, t.start.date)) ||
          x.localeCompare(y),
      )[0];
    const sources = cleanSources(ds, t.start.sources, t.sources);
    statement(
      (w) => w.becameOfficeOn(t, t.start.date),
      true,
      surname(name),
      3,
      (w) => [w.becameOfficeOn(t, t.start.date)],
      sources,
      [t.person, t.office],
    );
    if (!near) continue;
    statement(
      (w) => w.becameOfficeOn(t, near),
      false,
      surname(name),
      3,
      (w) => [w.becameNotOn(t, near, ctx.boundaries.get(near) ?? [])],
      sources,
      [t.person, t.office],
    );
  }

  // Which term lasted longer (hard).
  const timed = cleanTerms(ctx, true).map((t) => ({
    term: t,
    name: personName(ds, t.person),
    days: durationBetween(t.start.date, (t.end as NonNullable<Term["end"]>).date).totalDays,
  }));
  for (const a of timed) {
    for (const b of timed) {
      if (a.term.person === b.term.person || a.days <= b.days) continue;
      const explanation: Say<string[]> = (w) => [w.heldForLength(a.term), w.heldForLength(b.term)];
      const sources = cleanSources(ds, a.term.sources, b.term.sources);
      const subjects = [a.term.person, b.term.person, a.term.office, b.term.office];
      // Years apart is common knowledge; weeks or months apart is a fine point.
      const level = a.days >= 3 * b.days ? 2 : 3;
      statement(
        (w) => w.lastedLonger(a.term, b.term),
        true,
        surname(a.name),
        level,
        explanation,
        sources,
        subjects,
      );
      statement((w) => w.lastedLonger(b.term, a.term), false, surname(b.name), level, explanation, sources, [
        b.term.person,
        a.term.person,
        b.term.office,
        a.term.office,
      ]);
    }
  }
  return drafts;
}
