// "Who held the Secretariat's top office on <day>?", on days no boundary dispute touches.
import { termEnd } from "../../data/build.js";
import type { Term } from "../../data/schema.js";
import { claimBounds, daysBetween, shiftDay } from "../../dates/calendar.js";
import {
  type Context,
  containsDay,
  difficultyOf,
  personName,
  prominence,
  type Say,
  surname,
  termDisputed,
} from "./context.js";
import { cleanSources, type Draft, type DraftText, pickDistractors, questionRng } from "./draft.js";
import { ERA_DAYS } from "./model.js";
import { leadersNear } from "./succession.js";

export function possibleHolders(ctx: Context, day: string): Term[] {
  return ctx.ds.leadership.filter((t) => {
    const from = claimBounds(t.start).from;
    const to = termEnd(t) ?? ctx.ds.leadershipSpan.to;
    return from <= day && day <= to;
  });
}

export function isBoundaryDay(ctx: Context, day: string): boolean {
  return ctx.ds.leadership.some(
    (t) => containsDay(claimBounds(t.start), day) || (t.end !== null && containsDay(claimBounds(t.end), day)),
  );
}

export function holderQuestions(ctx: Context): Draft[] {
  const { ds } = ctx;
  const drafts: Draft[] = [];
  for (const t of ds.leadership) {
    if (t.basis === "de facto" || !t.end) continue;
    // The certain core of the term, kept well away from both ends (further for a disputed term,
    // whose disputes concern its ends, length or title, never its middle).
    const core = { from: claimBounds(t.start).to, to: claimBounds(t.end).from };
    const margin = termDisputed(ds, t) ? 365 : 30;
    const from = shiftDay(core.from, margin);
    const to = shiftDay(core.to, -margin);
    if (from > to) continue;
    const usable = daysBetween(from, to);
    const years = daysBetween(core.from, core.to) / 365.25;
    const points = Math.min(4, Math.floor(years / 4) + 1);
    const name = personName(ds, t.person);
    const level = prominence(ds, t.person);
    const difficulty = difficultyOf(level === 1 && years < 3 ? 2 : level);
    const link = ds.chainByTerm.get(t.id);
    for (let k = 0; k < points; k++) {
      const day = shiftDay(from, Math.floor((usable * (2 * k + 1)) / (2 * points)));
      const holders = possibleHolders(ctx, day);
      if (holders.length !== 1 || holders[0]?.id !== t.id || isBoundaryDay(ctx, day)) continue;
      const near = leadersNear(ctx, { from: day, to: day }, new Set([t.person]));
      // Only the neighbours no source orders differently (not Stasova before Krestinsky, whom
      // ProleWiki's account separates by Sverdlov's chairmanship).
      const after = link?.predecessor && !link.predecessorDisputed ? link.predecessor.person : null;
      const before = link?.successor && !link.successorDisputed ? link.successor.person : null;
      const wrong = pickDistractors(near, questionRng("holder-on-date", ctx.en.holderPrompt(day)), {
        within: (x) => x.gap <= ERA_DAYS,
      });
      const say: Say<DraftText> = (w) => ({
        prompt: w.holderPrompt(day),
        correct: w.name(t.person),
        wrong: wrong.map((x) => w.name(x.leader.person.id)),
        explanation: [w.holderOn(day, t), w.cameBetween(t.person, after, before)],
      });
      drafts.push({
        kind: "holder-on-date",
        difficulty,
        slug: surname(name),
        ...say(ctx.en),
        ru: say(ctx.ru),
        sources: cleanSources(ds, t.sources),
        subjects: [t.person, t.office],
      });
    }
  }
  return drafts;
}

/**
 * The days a person took any leading office: never offered as a wrong "took office" date, since
 * "became General Secretary" could be read as "became leader" (Brezhnev, 1964).
 */
