// "Who held the Secretariat's top office on <day>?", on days no boundary dispute touches.
import { termEnd } from "../../data/build.js";
import type { Term } from "../../data/schema.js";
import { claimBounds, daysBetween, shiftDay } from "../../dates/calendar.js";
import { formatDay } from "../../query/format.js";
import {
  type Context,
  containsDay,
  difficultyOf,
  personName,
  prominence,
  roleLabel,
  surname,
  termDisputed,
  termRange,
} from "./context.js";
import { cleanSources, type Draft, pickDistractors, questionRng } from "./draft.js";
import { ERA_DAYS, LEADING_OFFICE } from "./model.js";
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
      const label = formatDay({ date: day, precision: "day" });
      const prompt = `Who held ${LEADING_OFFICE} on ${label}?`;
      const near = leadersNear(ctx, { from: day, to: day }, new Set([t.person]));
      // Only the neighbours no source orders differently (not Stasova before Krestinsky, whom
      // ProleWiki's account separates by Sverdlov's chairmanship).
      const around = [
        link?.predecessor && !link.predecessorDisputed
          ? `after ${personName(ds, link.predecessor.person)}`
          : "",
        link?.successor && !link.successorDisputed ? `before ${personName(ds, link.successor.person)}` : "",
      ].filter(Boolean);
      drafts.push({
        kind: "holder-on-date",
        difficulty,
        slug: surname(name),
        prompt,
        correct: name,
        wrong: pickDistractors(near, questionRng("holder-on-date", prompt), {
          within: (x) => x.gap <= ERA_DAYS,
        }).map((x) => x.leader.person.name),
        explanation: [
          `On ${label} ${name} was ${roleLabel(ds, t)}, ${termRange(t)}.`,
          around.length ? `${name} came ${around.join(" and ")}.` : "",
        ],
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
