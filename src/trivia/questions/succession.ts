// "Who succeeded X?" and "Who preceded X?" over the handovers no source disputes.
import type { Term } from "../../data/schema.js";
import { claimBounds, type DayInterval } from "../../dates/calendar.js";
import { type Context, difficultyOf, gapDays, personName, prominence, type Say, surname } from "./context.js";
import {
  cleanSources,
  type Draft,
  type DraftText,
  eventsOnDay,
  pickDistractors,
  questionRng,
} from "./draft.js";
import { ERA_DAYS } from "./model.js";

/** De jure to de jure (or acting) handovers at a boundary nobody disputes. */
export function usableHandovers(ctx: Context): [Term, Term][] {
  const { ds } = ctx;
  const out: [Term, Term][] = [];
  for (let i = 1; i < ds.leadership.length; i++) {
    const a = ds.leadership[i - 1];
    const b = ds.leadership[i];
    if (!a || !b || a.person === b.person || !a.end) continue;
    if (a.basis !== "de jure" || (b.basis !== "de jure" && b.basis !== "acting")) continue;
    const la = ctx.leaderById.get(a.person);
    const lb = ctx.leaderById.get(b.person);
    if (!la || !lb || la.endDisputed || lb.startDisputed) continue;
    // Holders whose order the sources dispute are never asked about in order.
    if (ds.chainByTerm.get(a.id)?.successorDisputed || ds.chainByTerm.get(b.id)?.predecessorDisputed)
      continue;
    // The chain must agree, and the new term must not start before the old one can have ended.
    if (ds.chainByTerm.get(a.id)?.successor?.id !== b.id) continue;
    if (ds.chainByTerm.get(b.id)?.predecessor?.id !== a.id) continue;
    if (claimBounds(b.start).to < claimBounds(a.end).from) continue;
    out.push([a, b]);
  }
  return out;
}

/** Other leaders, nearest in time to an interval first. */
export function leadersNear(ctx: Context, around: DayInterval, exclude: ReadonlySet<string>) {
  return ctx.leaders
    .filter((l) => !exclude.has(l.person.id))
    .map((l) => ({ leader: l, gap: gapDays(l.span, around) }))
    .sort((x, y) => x.gap - y.gap || x.leader.person.id.localeCompare(y.leader.person.id));
}

export function successionQuestions(ctx: Context): Draft[] {
  const { ds } = ctx;
  const drafts: Draft[] = [];
  for (const [a, b] of usableHandovers(ctx)) {
    const nameA = personName(ds, a.person);
    const nameB = personName(ds, b.person);
    const day = claimBounds(b.start).from;
    const exclude = new Set([a.person, b.person]);
    const events = eventsOnDay(ctx, b.start.date, b.person, b.office).filter(
      (e) => e.people.includes(a.person) || e.people.includes(b.person),
    );
    const explanation: Say<string[]> = (w) => [w.heldFromTo(a), w.becameOn(b), ...events.map(w.eventLine)];
    const sources = cleanSources(ds, a.sources, b.sources);
    const level = Math.max(prominence(ds, a.person), prominence(ds, b.person));
    const near = leadersNear(ctx, { from: day, to: day }, exclude);
    const within = (x: { gap: number }) => x.gap <= ERA_DAYS;

    const succWrong = pickDistractors(near, questionRng("successor", ctx.en.successorPrompt(a)), { within });
    const successor: Say<DraftText> = (w) => ({
      prompt: w.successorPrompt(a),
      correct: w.name(b.person),
      wrong: succWrong.map((x) => w.name(x.leader.person.id)),
      explanation: explanation(w),
    });
    drafts.push({
      kind: "successor",
      difficulty: difficultyOf(level),
      slug: surname(nameA),
      ...successor(ctx.en),
      ru: successor(ctx.ru),
      sources,
      subjects: [a.person, b.person, a.office, b.office],
    });

    const predWrong = pickDistractors(near, questionRng("predecessor", ctx.en.predecessorPrompt(b)), {
      within,
    });
    const predecessor: Say<DraftText> = (w) => ({
      prompt: w.predecessorPrompt(b),
      correct: w.name(a.person),
      wrong: predWrong.map((x) => w.name(x.leader.person.id)),
      explanation: explanation(w),
    });
    drafts.push({
      kind: "predecessor",
      difficulty: difficultyOf(level),
      slug: surname(nameB),
      ...predecessor(ctx.en),
      ru: predecessor(ctx.ru),
      sources,
      subjects: [b.person, a.person, b.office, a.office],
    });
  }
  return drafts;
}

/** Which leading terms can cover a day, given imprecise dates. */
