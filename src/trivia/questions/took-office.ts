// "When did X take office?", for terms whose start no source disputes.
import type { Term } from "../../data/schema.js";
import { daysBetween } from "../../dates/calendar.js";
import { type Context, personName, type Say, surname, termDisputed } from "./context.js";
import {
  cleanSources,
  type Draft,
  type DraftText,
  eventsOnDay,
  pickDistractors,
  questionRng,
} from "./draft.js";
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
    const candidates = dates
      .filter((d) => !ownStarts(ctx, t.person).has(d))
      .map((d) => ({ d, gap: Math.abs(daysBetween(d, t.start.date)) }))
      .sort((x, y) => x.gap - y.gap || x.d.localeCompare(y.d));
    const wrong = pickDistractors(candidates, questionRng("took-office", ctx.en.tookOfficePrompt(t)), {
      pool: 6,
      within: (x) => x.gap <= ERA_DAYS,
    });
    const previous = ds.termsByPerson
      .get(t.person)
      ?.find((p) => p.id !== t.id && p.end?.date === t.start.date && ds.chainByTerm.has(p.id));
    const link = ds.chainByTerm.get(t.id);
    const before = link?.predecessor && !previous ? link.predecessor : null;
    const events = eventsOnDay(ctx, t.start.date, t.person, t.office);
    const say: Say<DraftText> = (w) => ({
      prompt: w.tookOfficePrompt(t),
      correct: w.day(t.start.date),
      wrong: wrong.map((x) => w.day(x.d)),
      explanation: [
        w.tookOffice(t, previous),
        before?.end ? w.previousEnded(before) : "",
        ...events.map(w.eventLine),
        ...wrong.map((x) => w.dayWas(x.d, ctx.boundaries.get(x.d) ?? [])),
      ],
    });
    drafts.push({
      kind: "took-office",
      difficulty: "hard",
      slug: surname(name),
      ...say(ctx.en),
      ru: say(ctx.ru),
      sources: cleanSources(ds, t.start.sources, t.sources),
      subjects: [t.person, t.office],
    });
  }
  return drafts;
}
