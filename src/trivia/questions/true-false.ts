// True-or-false statements built from undisputed facts.
import type { Term } from "../../data/schema.js";
import { daysBetween } from "../../dates/calendar.js";
import { describeTermLength, durationBetween } from "../../dates/duration.js";
import { formatDay } from "../../query/format.js";
import {
  type Context,
  difficultyOf,
  firstTaken,
  gapDays,
  heldSentence,
  type Leader,
  officeName,
  onDate,
  personName,
  roleLabel,
  surname,
  termRange,
} from "./context.js";
import { lastTerm } from "./died.js";
import { cleanSources, type Draft } from "./draft.js";
import { ERA_DAYS, FALSE, LEADING_OFFICE, TRUE } from "./model.js";
import { officePeriods, otherOfficesNear, singleOfficeLeaders } from "./office-held.js";
import { cleanTerms, ownStarts } from "./took-office.js";

/** Whether a surely took the leading office before b, whatever the imprecision and disputes. */
export const surelyBefore = (a: Leader, b: Leader) => a.startWindow.to < b.startWindow.from;

export function trueFalseQuestions(ctx: Context): Draft[] {
  const { ds } = ctx;
  const drafts: Draft[] = [];
  const statement = (
    text: string,
    truth: boolean,
    slug: string,
    level: number,
    explanation: string[],
    sources: string[],
    subjects: string[],
  ) =>
    drafts.push({
      kind: "true-false",
      difficulty: difficultyOf(level),
      slug,
      prompt: `True or false: ${text}`,
      correct: truth ? TRUE : FALSE,
      wrong: [],
      explanation: [`${truth ? TRUE : FALSE}.`, ...explanation],
      sources,
      subjects,
    });
  const eligible = ctx.leaders.filter((l) => !l.deFactoOnly);

  // Died in office.
  for (const l of ctx.leaders) {
    if (l.endDisputed) continue;
    const name = l.person.name;
    const last = lastTerm(l);
    const died = l.died;
    statement(
      `${name} died while holding ${LEADING_OFFICE}.`,
      Boolean(died),
      surname(name),
      l.person.prominence,
      died?.end
        ? [`${name} died in office as ${roleLabel(ds, died)} ${onDate(died.end)}.`]
        : [
            `${name}'s time in ${LEADING_OFFICE} ended ${last.end ? `${onDate(last.end)} ` : ""}(${roleLabel(ds, last)}), not with death.`,
          ],
      cleanSources(ds, (died ?? last).sources),
      [l.person.id],
    );
  }

  // Who came first.
  for (const a of eligible) {
    for (const b of eligible) {
      if (a === b || !surelyBefore(a, b) || gapDays(a.span, b.span) > ERA_DAYS) continue;
      const explanation = [
        `${a.person.name} first held the office from ${firstTaken(ds, a)}; ${b.person.name} from ${firstTaken(ds, b)}.`,
      ];
      const sources = cleanSources(ds, (a.terms[0] as Term).sources, (b.terms[0] as Term).sources);
      const level = Math.max(a.person.prominence, b.person.prominence);
      statement(
        `${a.person.name} held ${LEADING_OFFICE} before ${b.person.name} did.`,
        true,
        surname(a.person.name),
        level,
        explanation,
        sources,
        [a.person.id, b.person.id],
      );
      statement(
        `${b.person.name} held ${LEADING_OFFICE} before ${a.person.name} did.`,
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
    const name = l.person.name;
    const held = [heldSentence(ds, name, l.terms)];
    const sources = cleanSources(ds, ...l.terms.map((t) => t.sources));
    statement(
      `${name} held the Central Committee office of ${officeName(ds, officeId)}.`,
      true,
      surname(name),
      l.person.prominence,
      held,
      sources,
      [l.person.id, officeId],
    );
    statement(
      `${name} held the Central Committee office of ${officeName(ds, other)}.`,
      false,
      surname(name),
      l.person.prominence,
      [...held, `${officeName(ds, other)} was the title in ${officePeriods(ctx, other)}.`],
      sources,
      [l.person.id, other],
    );
  }

  // Exact days (hard).
  const dates = [...ctx.boundaries.keys()].sort();
  for (const t of cleanTerms(ctx, false)) {
    const name = personName(ds, t.person);
    const office = officeName(ds, t.office);
    const real = formatDay(t.start);
    const near = dates
      .filter((d) => !ownStarts(ctx, t.person).has(d))
      .sort(
        (x, y) =>
          Math.abs(daysBetween(x, t.start.date)) - Math.abs(daysBetween(y, t.start.date)) ||
          x.localeCompare(y),
      )[0];
    const sources = cleanSources(ds, t.start.sources, t.sources);
    statement(
      `${name} became ${office} on ${real}.`,
      true,
      surname(name),
      3,
      [`${name} became ${office} on ${real}.`],
      sources,
      [t.person, t.office],
    );
    if (!near) continue;
    const wrongDay = formatDay({ date: near, precision: "day" });
    statement(
      `${name} became ${office} on ${wrongDay}.`,
      false,
      surname(name),
      3,
      [`${name} became ${office} on ${real}; ${wrongDay} is ${ctx.boundaries.get(near)}.`],
      sources,
      [t.person, t.office],
    );
  }

  // Which term lasted longer (hard).
  const timed = cleanTerms(ctx, true).map((t) => ({
    term: t,
    name: personName(ds, t.person),
    role: roleLabel(ds, t),
    text: describeTermLength(t.start, t.end as NonNullable<Term["end"]>),
    days: durationBetween(t.start.date, (t.end as NonNullable<Term["end"]>).date).totalDays,
  }));
  for (const a of timed) {
    for (const b of timed) {
      if (a.term.person === b.term.person || a.days <= b.days) continue;
      const explanation = [
        `${a.name} was ${a.role} ${termRange(a.term)}: ${a.text}.`,
        `${b.name} was ${b.role} ${termRange(b.term)}: ${b.text}.`,
      ];
      const sources = cleanSources(ds, a.term.sources, b.term.sources);
      const subjects = [a.term.person, b.term.person, a.term.office, b.term.office];
      // Years apart is common knowledge; weeks or months apart is a fine point.
      const level = a.days >= 3 * b.days ? 2 : 3;
      statement(
        `${a.name}'s term as ${a.role} lasted longer than ${b.name}'s term as ${b.role}.`,
        true,
        surname(a.name),
        level,
        explanation,
        sources,
        subjects,
      );
      statement(
        `${b.name}'s term as ${b.role} lasted longer than ${a.name}'s term as ${a.role}.`,
        false,
        surname(b.name),
        level,
        explanation,
        sources,
        [b.term.person, a.term.person, b.term.office, a.term.office],
      );
    }
  }
  return drafts;
}
