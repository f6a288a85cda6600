// "When did X take office?", for terms whose start no source disputes.
import type { Term } from "../../data/schema.js";
import { daysBetween } from "../../dates/calendar.js";
import { formatDay } from "../../query/format.js";
import { type Context, officeName, onDate, personName, roleLabel, surname, termDisputed } from "./context.js";
import { cleanSources, type Draft, eventLine, eventsOnDay, pickDistractors, questionRng } from "./draft.js";
import { ERA_DAYS } from "./model.js";

export function ownStarts(ctx: Context, personId: string): Set<string> {
  return new Set(ctx.leaderById.get(personId)?.terms.map((t) => t.start.date) ?? []);
}

/** De jure terms whose start (and, for durations, end) is known to the day and undisputed. */
export function cleanTerms(ctx: Context, needEnd: boolean): Term[] {
  return ctx.ds.leadership.filter(
    (t) =>
      t.basis === "de jure" &&
      t.start.precision === "day" &&
      (!needEnd || t.end?.precision === "day") &&
      !termDisputed(ctx.ds, t),
  );
}

export function tookOfficeQuestions(ctx: Context): Draft[] {
  const { ds } = ctx;
  const drafts: Draft[] = [];
  const dates = [...ctx.boundaries.keys()].sort();
  for (const t of cleanTerms(ctx, false)) {
    const name = personName(ds, t.person);
    const office = officeName(ds, t.office);
    const answer = formatDay(t.start);
    const prompt = `On which day did ${name} become ${office}?`;
    const candidates = dates
      .filter((d) => !ownStarts(ctx, t.person).has(d))
      .map((d) => ({ d, gap: Math.abs(daysBetween(d, t.start.date)) }))
      .sort((x, y) => x.gap - y.gap || x.d.localeCompare(y.d));
    const wrong = pickDistractors(candidates, questionRng("took-office", prompt), {
      pool: 6,
      within: (x) => x.gap <= ERA_DAYS,
    });
    const previous = ds.termsByPerson
      .get(t.person)
      ?.find((p) => p.id !== t.id && p.end?.date === t.start.date && ds.chainByTerm.has(p.id));
    const link = ds.chainByTerm.get(t.id);
    const before = link?.predecessor && !previous ? link.predecessor : null;
    drafts.push({
      kind: "took-office",
      difficulty: "hard",
      slug: surname(name),
      prompt,
      correct: answer,
      wrong: wrong.map((x) => formatDay({ date: x.d, precision: "day" })),
      explanation: [
        `${name} became ${office} on ${answer}${previous ? `, after serving as ${roleLabel(ds, previous)} since ${formatDay(previous.start)}` : ""}.`,
        before?.end
          ? `${personName(ds, before.person)}'s term as ${roleLabel(ds, before)} had ended ${before.endedByDeath ? "with death in office " : ""}${onDate(before.end)}.`
          : "",
        ...eventsOnDay(ctx, t.start.date, t.person, t.office).map(eventLine),
        ...wrong.map((x) => `${formatDay({ date: x.d, precision: "day" })} is ${ctx.boundaries.get(x.d)}.`),
      ],
      sources: cleanSources(ds, t.start.sources, t.sources),
      subjects: [t.person, t.office],
    });
  }
  return drafts;
}
