/**
 * Trivia questions generated from the dataset: every fact, date and duration is read from the data
 * (terms, events, the leadership chain), never written by hand. The whole pool is deterministic; a
 * seed only chooses which questions to ask and in what order.
 *
 * What is left out on purpose, because the sources disagree on it:
 * - dates and durations of any term that carries a dispute, or whose person or id a dispute names;
 * - handovers at a boundary the sources dispute (Stasova's dates, Stalin's end, Khrushchev's start)
 *   and handovers to or from a de facto holding;
 * - "died in office" for someone whose end of office is disputed (Stalin);
 * - the office held by someone whose title is disputed (Sverdlov);
 * - events whose date a non-default claim contradicts (the founding of the General Secretary).
 */
import type { Dataset } from "../data/build.js";
import { termEnd } from "../data/build.js";
import type { HistoricalEvent, Person, Term } from "../data/schema.js";
import { claimBounds, type DayInterval, daysBetween, shiftDay } from "../dates/calendar.js";
import { describeTermLength, durationBetween } from "../dates/duration.js";
import { MONTHS_EN } from "../dates/parse.js";
import { formatDay } from "../query/format.js";
import { createRng, hashHex, hashString, type Rng, toSeed } from "./random.js";

export type Difficulty = "easy" | "medium" | "hard";
export type QuestionKind =
  | "successor"
  | "predecessor"
  | "holder-on-date"
  | "took-office"
  | "duration"
  | "office-held"
  | "died-in-office"
  | "event-on-date"
  | "true-false"
  | "order";

export interface Question {
  /** Stable and deterministic: `<kind>:<subject>:<hash>`, ≤ 40 chars of [a-z0-9-:]. */
  id: string;
  kind: QuestionKind;
  difficulty: Difficulty;
  /** ≤ 250 chars, neutral voice. */
  prompt: string;
  /** 2 ("True", "False") or 4 options, each ≤ 80 chars, all distinct. */
  choices: string[];
  /** Index of the right choice. */
  answer: number;
  /** ≤ 600 chars: why, with the dates. */
  explanation: string;
  /** Source ids from the dataset backing the answer (≥ 1). */
  sources: string[];
  /** Person, office and event ids the question is about; the main subject first. */
  subjects: string[];
}

export const QUESTION_KINDS: readonly QuestionKind[] = [
  "successor",
  "predecessor",
  "holder-on-date",
  "took-office",
  "duration",
  "office-held",
  "died-in-office",
  "event-on-date",
  "true-false",
  "order",
];

export const DIFFICULTIES: readonly Difficulty[] = ["easy", "medium", "hard"];

export const QUESTION_LIMITS = { id: 40, prompt: 250, choice: 80, explanation: 600 } as const;

const TRUE = "True";
const FALSE = "False";
const ERA_DAYS = Math.round(15 * 365.25);
const LEADING_OFFICE = "the party's leading office";

// ---------------------------------------------------------------------------------------------
// Reading the dataset

interface Leader {
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

interface Context {
  ds: Dataset;
  leaders: Leader[];
  leaderById: Map<string, Leader>;
  /** Day-precision dates at which a leading term starts or ends, with what happened. */
  boundaries: Map<string, string>;
}

const minDay = (a: string, b: string) => (a < b ? a : b);
const maxDay = (a: string, b: string) => (a > b ? a : b);

function gapDays(a: DayInterval, b: DayInterval): number {
  if (a.to < b.from) return daysBetween(a.to, b.from);
  if (b.to < a.from) return daysBetween(b.to, a.from);
  return 0;
}

const containsDay = (i: DayInterval, day: string) => i.from <= day && day <= i.to;

function personName(ds: Dataset, id: string): string {
  return ds.personById.get(id)?.name ?? id;
}

function surname(name: string): string {
  return name.split(" ").at(-1) ?? name;
}

function officeName(ds: Dataset, id: string): string {
  return ds.officeById.get(id)?.name ?? id;
}

/** "General Secretary", "acting General Secretary", "de facto head of the Secretariat". */
function roleLabel(ds: Dataset, t: Term): string {
  if (t.basis === "acting") return `acting ${officeName(ds, t.office)}`;
  if (t.basis === "de facto") return "de facto head of the Secretariat";
  return officeName(ds, t.office);
}

/** "on 3 April 1922", "in March 1921", "in 1918". */
function onDate(claim: Term["start"]): string {
  return `${claim.precision === "day" ? "on" : "in"} ${formatDay(claim)}`;
}

function termRange(t: Term): string {
  const from = formatDay(t.start);
  if (!t.end) return `from ${from}`;
  return t.endedByDeath
    ? `from ${from} until death in office ${onDate(t.end)}`
    : `from ${from} to ${formatDay(t.end)}`;
}

/** "X was Technical Secretary from 1917 to 1918, and again from March 1919 to December 1919." */
function heldSentence(ds: Dataset, name: string, terms: readonly Term[]): string {
  const parts = terms.map((t, i) => {
    const role = roleLabel(ds, t);
    if (i === 0) return `${role} ${termRange(t)}`;
    return role === roleLabel(ds, terms[i - 1] as Term)
      ? `and again ${termRange(t)}`
      : `then ${role} ${termRange(t)}`;
  });
  return `${name} was ${parts.join(", ")}.`;
}

function prominence(ds: Dataset, personId: string): number {
  return ds.personById.get(personId)?.prominence ?? 3;
}

function difficultyOf(level: number): Difficulty {
  return level <= 1 ? "easy" : level === 2 ? "medium" : "hard";
}

/**
 * Whether a term's dates or length are in question: it carries a dispute, a dispute names its
 * person or the term itself, or a dispute about its office quotes one of its dates.
 */
function termDisputed(ds: Dataset, t: Term): boolean {
  if (t.disputes.length > 0) return true;
  const dates = [formatDay(t.start), ...(t.end ? [formatDay(t.end)] : [])];
  return ds.disputes.some(
    (d) =>
      d.subjects.includes(t.person) ||
      d.subjects.includes(t.id) ||
      (d.subjects.includes(t.office) && d.claims.some((c) => dates.some((x) => c.value.includes(x)))),
  );
}

const MONTH_PATTERN = MONTHS_EN.join("|");
const DATE_IN_TEXT = new RegExp(`(?:(\\d{1,2}) )?(?:(${MONTH_PATTERN}) )?(\\d{4})`, "g");

/** The dates a claim's wording mentions ("3 April 1922", "March 1919", "1919"), as day intervals. */
function datesInText(text: string): DayInterval[] {
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
function eventDisputed(ds: Dataset, e: HistoricalEvent): boolean {
  const label = formatDay(e.date);
  const involved = new Set([...e.people, ...e.offices, e.id]);
  const bounds = claimBounds(e.date);
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

function analyseLeaders(ds: Dataset): Leader[] {
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

function describeBoundaries(ds: Dataset): Map<string, string> {
  const parts = new Map<string, string[]>();
  const add = (day: string, text: string) => {
    const list = parts.get(day);
    if (!list) parts.set(day, [text]);
    else if (!list.includes(text)) list.push(text);
  };
  for (const t of ds.leadership) {
    const name = personName(ds, t.person);
    if (t.end?.precision === "day") {
      add(t.end.date, t.endedByDeath ? `${name} died` : `${name}'s term as ${roleLabel(ds, t)} ended`);
    }
    if (t.start.precision === "day") add(t.start.date, `${name} became ${roleLabel(ds, t)}`);
  }
  return new Map([...parts].map(([day, list]) => [day, `the day ${list.join(" and ")}`]));
}

function buildContext(ds: Dataset): Context {
  const leaders = analyseLeaders(ds);
  return {
    ds,
    leaders,
    leaderById: new Map(leaders.map((l) => [l.person.id, l])),
    boundaries: describeBoundaries(ds),
  };
}

// ---------------------------------------------------------------------------------------------
// Assembling questions

interface Draft {
  kind: QuestionKind;
  difficulty: Difficulty;
  /** Short subject for the id: a surname or an event id. */
  slug: string;
  prompt: string;
  /** The right choice ("True"/"False" for true-false). */
  correct: string;
  /** Wrong choices: three for four-choice questions, none for true-false. */
  wrong: string[];
  explanation: string[];
  sources: readonly string[];
  subjects: readonly string[];
}

const draftKey = (kind: QuestionKind, prompt: string, correct: string) => `${kind}\n${prompt}\n${correct}`;

/** A generator for one question's own choices: the same question always gets the same ones. */
const questionRng = (kind: QuestionKind, prompt: string, salt = "") =>
  createRng(hashString(`${kind}\n${prompt}\n${salt}`));

function makeId(kind: QuestionKind, slug: string, key: string, salt: number): string {
  const hash = hashHex(salt === 0 ? key : `${key}#${salt}`);
  const room = QUESTION_LIMITS.id - kind.length - hash.length - 2;
  const clean =
    slug
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, "-")
      .slice(0, room)
      .replace(/^-+|-+$/g, "") || "x";
  return `${kind}:${clean}:${hash}`;
}

/** Joins sentences while they fit the limit; a first sentence that does not fit is shortened. */
function joinWithin(parts: readonly string[], max: number): string {
  let out = "";
  for (const part of parts) {
    if (!part) continue;
    const next = out ? `${out} ${part}` : part;
    if (next.length > max) {
      if (!out) return shorten(part, max);
      break;
    }
    out = next;
  }
  return out;
}

/**
 * Shortens a title to fit a choice: at the first clause break ("; ", ": "), before a trailing
 * modifier (", with …"), without a leading "The ", and only then at a word, with "…".
 */
function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  for (const sep of ["; ", ": "]) {
    const i = text.indexOf(sep);
    if (i >= 20 && i <= max) return text.slice(0, i);
  }
  const modifier = /, (?:with|which|who|as|after|before) /.exec(text);
  if (modifier && modifier.index >= 20 && modifier.index <= max) return text.slice(0, modifier.index);
  if (text.startsWith("The ") && text.length - 4 <= max) return text.slice(4);
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[,;:]$/, "")}…`;
}

/** True the first time a key is seen (adds it to the set). */
function firstSeen(seen: Set<string>, key: string): boolean {
  if (seen.has(key)) return false;
  seen.add(key);
  return true;
}

function cleanSources(ds: Dataset, ...lists: readonly (readonly string[])[]): string[] {
  const out = new Set<string>();
  for (const list of lists) {
    for (const id of list) if (id !== "editorial" && ds.sourceById.has(id)) out.add(id);
  }
  return [...out];
}

/** Turns a draft into a question, or null when it would break a limit (never throws). */
function finish(draft: Draft, taken: Map<string, string>): Question | null {
  const tf = draft.kind === "true-false";
  const choices = tf ? [TRUE, FALSE] : [draft.correct, ...draft.wrong];
  if (!tf && (draft.wrong.length !== 3 || draft.wrong.includes(draft.correct))) return null;
  if (tf && draft.correct !== TRUE && draft.correct !== FALSE) return null;
  if (new Set(choices).size !== choices.length) return null;
  if (choices.some((c) => c.length === 0 || c.length > QUESTION_LIMITS.choice)) return null;
  if (draft.prompt.length > QUESTION_LIMITS.prompt || draft.sources.length === 0) return null;
  const explanation = joinWithin(draft.explanation, QUESTION_LIMITS.explanation);
  if (!explanation) return null;

  const key = draftKey(draft.kind, draft.prompt, draft.correct);
  let id = makeId(draft.kind, draft.slug, key, 0);
  for (let salt = 1; taken.has(id) && taken.get(id) !== key; salt++) {
    id = makeId(draft.kind, draft.slug, key, salt);
  }
  if (taken.has(id)) return null; // the very same question twice: keep the first
  taken.set(id, key);

  const ordered = tf ? choices : createRng(hashString(id)).shuffle(choices);
  return {
    id,
    kind: draft.kind,
    difficulty: draft.difficulty,
    prompt: draft.prompt,
    choices: ordered,
    answer: ordered.indexOf(draft.correct),
    explanation,
    sources: [...draft.sources],
    subjects: [...new Set(draft.subjects)],
  };
}

/**
 * Up to `count` distractors from candidates sorted best first: those within the era window if there
 * are enough, otherwise the nearest; then a seeded pick among the closest few.
 */
function pickDistractors<T>(
  sorted: readonly T[],
  rng: Rng,
  options: { count?: number; pool?: number; within?: (item: T) => boolean },
): T[] {
  const count = options.count ?? 3;
  const inside = options.within ? sorted.filter(options.within) : sorted.slice();
  const base = inside.length >= count ? inside : sorted.slice(0, Math.max(count, inside.length));
  const pool = base.slice(0, Math.max(count, options.pool ?? 5));
  const chosen = rng.shuffle(pool).slice(0, count);
  // Keep the chosen ones in their order of closeness: the final order is shuffled anyway.
  return pool.filter((x) => chosen.includes(x));
}

/** Events on a day that add something beyond "X took office" (a removal, a renaming, a resignation). */
function eventsOnDay(ctx: Context, day: string, person: string, office: string): HistoricalEvent[] {
  return ctx.ds.events.filter(
    (e) =>
      e.date.precision === "day" &&
      e.date.date === day &&
      !eventDisputed(ctx.ds, e) &&
      (e.people.some((p) => p !== person) || e.offices.some((o) => o !== office)),
  );
}

const eventLine = (e: HistoricalEvent) => `${formatDay(e.date)}: ${e.title}.`;

// ---------------------------------------------------------------------------------------------
// Kinds

/** De jure to de jure (or acting) handovers at a boundary nobody disputes. */
function usableHandovers(ctx: Context): [Term, Term][] {
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
    // The chain must agree, and the new term must not start before the old one can have ended.
    if (ds.chainByTerm.get(a.id)?.successor?.id !== b.id) continue;
    if (ds.chainByTerm.get(b.id)?.predecessor?.id !== a.id) continue;
    if (claimBounds(b.start).to < claimBounds(a.end).from) continue;
    out.push([a, b]);
  }
  return out;
}

/** Other leaders, nearest in time to an interval first. */
function leadersNear(ctx: Context, around: DayInterval, exclude: ReadonlySet<string>) {
  return ctx.leaders
    .filter((l) => !exclude.has(l.person.id))
    .map((l) => ({ leader: l, gap: gapDays(l.span, around) }))
    .sort((x, y) => x.gap - y.gap || x.leader.person.id.localeCompare(y.leader.person.id));
}

function successionQuestions(ctx: Context): Draft[] {
  const { ds } = ctx;
  const drafts: Draft[] = [];
  for (const [a, b] of usableHandovers(ctx)) {
    const nameA = personName(ds, a.person);
    const nameB = personName(ds, b.person);
    const day = claimBounds(b.start).from;
    const exclude = new Set([a.person, b.person]);
    const explanation = [
      `${nameA} was ${roleLabel(ds, a)} ${termRange(a)}.`,
      `${nameB} became ${roleLabel(ds, b)} ${onDate(b.start)}.`,
      ...eventsOnDay(ctx, b.start.date, b.person, b.office)
        .filter((e) => e.people.includes(a.person) || e.people.includes(b.person))
        .map(eventLine),
    ];
    const sources = cleanSources(ds, a.sources, b.sources);
    const level = Math.max(prominence(ds, a.person), prominence(ds, b.person));
    const near = leadersNear(ctx, { from: day, to: day }, exclude);
    const within = (x: { gap: number }) => x.gap <= ERA_DAYS;

    const succPrompt = `Who succeeded ${nameA} (${roleLabel(ds, a)}) in ${LEADING_OFFICE}?`;
    drafts.push({
      kind: "successor",
      difficulty: difficultyOf(level),
      slug: surname(nameA),
      prompt: succPrompt,
      correct: nameB,
      wrong: pickDistractors(near, questionRng("successor", succPrompt), { within }).map(
        (x) => x.leader.person.name,
      ),
      explanation,
      sources,
      subjects: [a.person, b.person, a.office, b.office],
    });

    const predPrompt = `Who held ${LEADING_OFFICE} immediately before ${nameB} (${roleLabel(ds, b)})?`;
    drafts.push({
      kind: "predecessor",
      difficulty: difficultyOf(level),
      slug: surname(nameB),
      prompt: predPrompt,
      correct: nameA,
      wrong: pickDistractors(near, questionRng("predecessor", predPrompt), { within }).map(
        (x) => x.leader.person.name,
      ),
      explanation,
      sources,
      subjects: [b.person, a.person, b.office, a.office],
    });
  }
  return drafts;
}

/** Which leading terms can cover a day, given imprecise dates. */
function possibleHolders(ctx: Context, day: string): Term[] {
  return ctx.ds.leadership.filter((t) => {
    const from = claimBounds(t.start).from;
    const to = termEnd(t) ?? ctx.ds.leadershipSpan.to;
    return from <= day && day <= to;
  });
}

function isBoundaryDay(ctx: Context, day: string): boolean {
  return ctx.ds.leadership.some(
    (t) => containsDay(claimBounds(t.start), day) || (t.end !== null && containsDay(claimBounds(t.end), day)),
  );
}

function holderQuestions(ctx: Context): Draft[] {
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
      const around = [
        link?.predecessor ? `after ${personName(ds, link.predecessor.person)}` : "",
        link?.successor ? `before ${personName(ds, link.successor.person)}` : "",
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
function ownStarts(ctx: Context, personId: string): Set<string> {
  return new Set(ctx.leaderById.get(personId)?.terms.map((t) => t.start.date) ?? []);
}

/** De jure terms whose start (and, for durations, end) is known to the day and undisputed. */
function cleanTerms(ctx: Context, needEnd: boolean): Term[] {
  return ctx.ds.leadership.filter(
    (t) =>
      t.basis === "de jure" &&
      t.start.precision === "day" &&
      (!needEnd || t.end?.precision === "day") &&
      !termDisputed(ctx.ds, t),
  );
}

function tookOfficeQuestions(ctx: Context): Draft[] {
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
        `${name} became ${office} on ${answer}${previous ? `, after leading the party as ${roleLabel(ds, previous)} since ${formatDay(previous.start)}` : ""}.`,
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

function durationQuestions(ctx: Context): Draft[] {
  const { ds } = ctx;
  const drafts: Draft[] = [];
  const all = ds.leadership
    .filter((t) => t.start.precision === "day" && t.end?.precision === "day")
    .map((t) => ({
      term: t,
      text: describeTermLength(t.start, t.end as NonNullable<Term["end"]>),
      days: Math.max(1, durationBetween(t.start.date, (t.end as NonNullable<Term["end"]>).date).totalDays),
    }));
  for (const t of cleanTerms(ctx, true)) {
    const end = t.end;
    if (!end) continue;
    const name = personName(ds, t.person);
    const office = roleLabel(ds, t);
    const answer = describeTermLength(t.start, end);
    const days = Math.max(1, durationBetween(t.start.date, end.date).totalDays);
    const prompt = `How long was ${name} ${office}?`;
    const seen = new Set([answer]);
    const candidates = all
      .filter((x) => x.term.person !== t.person)
      .sort(
        (x, y) =>
          Math.abs(Math.log(x.days / days)) - Math.abs(Math.log(y.days / days)) ||
          x.term.id.localeCompare(y.term.id),
      )
      .filter((x) => firstSeen(seen, x.text));
    const wrong = pickDistractors(candidates, questionRng("duration", prompt), {});
    drafts.push({
      kind: "duration",
      difficulty: "hard",
      slug: surname(name),
      prompt,
      correct: answer,
      wrong: wrong.map((x) => x.text),
      explanation: [
        `${name} was ${office} ${termRange(t)}: ${answer} (${days} days).`,
        `The other figures: ${wrong.map((x) => `${x.text} (${personName(ds, x.term.person)}, ${roleLabel(ds, x.term)})`).join("; ")}.`,
      ],
      sources: cleanSources(ds, t.start.sources, end.sources, t.sources),
      subjects: [t.person, t.office],
    });
  }
  return drafts;
}

function officePeriods(ctx: Context, officeId: string): string {
  const office = ctx.ds.officeById.get(officeId);
  const years = (office?.periods ?? []).map((p) => {
    const from = p.from.date.slice(0, 4);
    const to = p.to ? p.to.date.slice(0, 4) : "";
    return from === to ? from : `${from}–${to}`;
  });
  return years.join(", ");
}

/** People who held exactly one leading office, not only de facto, with no dispute over its title. */
function singleOfficeLeaders(ctx: Context): Leader[] {
  const { ds } = ctx;
  return ctx.leaders.filter((l) => {
    if (l.offices.length !== 1 || l.deFactoOnly) return false;
    const disputes = ds.disputes.filter(
      (d) => d.subjects.includes(l.person.id) || l.terms.some((t) => t.disputes.includes(d.id)),
    );
    return !disputes.some((d) => d.subjects.filter((s) => ds.officeById.get(s)?.leading).length > 1);
  });
}

/** The other leading offices, nearest in time to a person's holding first. */
function otherOfficesNear(ctx: Context, leader: Leader): string[] {
  const { ds } = ctx;
  return ds.offices
    .filter((o) => o.leading && !leader.offices.includes(o.id))
    .map((o) => {
      const terms = ds.termsByOffice.get(o.id) ?? [];
      const from = terms.reduce((m, t) => minDay(m, claimBounds(t.start).from), "9999-12-31");
      const to = terms.reduce((m, t) => maxDay(m, termEnd(t) ?? ds.leadershipSpan.to), "0000-01-01");
      return { id: o.id, gap: terms.length ? gapDays({ from, to }, leader.span) : Number.MAX_SAFE_INTEGER };
    })
    .sort((a, b) => a.gap - b.gap || a.id.localeCompare(b.id))
    .map((x) => x.id);
}

function officeHeldQuestions(ctx: Context): Draft[] {
  const { ds } = ctx;
  const drafts: Draft[] = [];
  for (const l of singleOfficeLeaders(ctx)) {
    const officeId = l.offices[0] as string;
    const name = l.person.name;
    const acting = l.terms.every((t) => t.basis === "acting");
    const prompt = acting
      ? `${name} was acting holder of which leading Central Committee office?`
      : `Which leading Central Committee office did ${name} hold?`;
    const others = otherOfficesNear(ctx, l).slice(0, 3);
    drafts.push({
      kind: "office-held",
      difficulty: difficultyOf(l.person.prominence),
      slug: surname(name),
      prompt,
      correct: officeName(ds, officeId),
      wrong: others.map((o) => officeName(ds, o)),
      explanation: [
        heldSentence(ds, name, l.terms),
        `The other titles belong to other periods: ${others.map((o) => `${officeName(ds, o)} (${officePeriods(ctx, o)})`).join("; ")}.`,
      ],
      sources: cleanSources(ds, ...l.terms.map((t) => t.sources)),
      subjects: [l.person.id, officeId],
    });
  }
  return drafts;
}

function lastTerm(l: Leader): Term {
  return l.terms.at(-1) as Term;
}

function diedQuestions(ctx: Context): Draft[] {
  const { ds } = ctx;
  const drafts: Draft[] = [];
  const alive = ctx.leaders.filter((l) => !l.died && !l.endDisputed);
  for (const l of ctx.leaders) {
    const died = l.died;
    if (!died?.end || l.endDisputed) continue;
    const prompt = "Which of these leaders died while holding the party's leading office?";
    const scored = alive
      .map((o) => ({
        leader: o,
        score: gapDays(o.span, l.span) / 365.25 + 10 * Math.abs(o.person.prominence - l.person.prominence),
      }))
      .sort((a, b) => a.score - b.score || a.leader.person.id.localeCompare(b.leader.person.id));
    const wrong = pickDistractors(scored, questionRng("died-in-office", prompt, l.person.id), { pool: 4 });
    drafts.push({
      kind: "died-in-office",
      difficulty: difficultyOf(l.person.prominence),
      slug: surname(l.person.name),
      prompt,
      correct: l.person.name,
      wrong: wrong.map((x) => x.leader.person.name),
      explanation: [
        `${l.person.name} died in office as ${roleLabel(ds, died)} ${onDate(died.end)}.`,
        `The others left office alive: ${wrong
          .map((x) => {
            const t = lastTerm(x.leader);
            return `${x.leader.person.name} (${roleLabel(ds, t)} until ${t.end ? formatDay(t.end) : "the end"})`;
          })
          .join("; ")}.`,
      ],
      sources: cleanSources(
        ds,
        died.end.sources,
        died.sources,
        ...wrong.map((x) => lastTerm(x.leader).sources),
      ),
      subjects: [l.person.id, ...wrong.map((x) => x.leader.person.id)],
    });
  }
  return drafts;
}

function eventQuestions(ctx: Context): Draft[] {
  const { ds } = ctx;
  const drafts: Draft[] = [];
  for (const e of ds.events) {
    if (e.date.precision !== "day" || eventDisputed(ds, e)) continue;
    const day = e.date.date;
    const label = formatDay(e.date);
    const correct = shorten(e.title, QUESTION_LIMITS.choice);
    const prompt = `What happened on ${label}?`;
    const seen = new Set([correct]);
    const candidates = ds.events
      .filter((o) => o.id !== e.id && !containsDay(claimBounds(o.date), day))
      .map((o) => ({
        event: o,
        text: shorten(o.title, QUESTION_LIMITS.choice),
        gap: gapDays(claimBounds(o.date), { from: day, to: day }),
      }))
      .sort((a, b) => a.gap - b.gap || a.event.id.localeCompare(b.event.id))
      .filter((x) => firstSeen(seen, x.text));
    const wrong = pickDistractors(candidates, questionRng("event-on-date", prompt), {
      pool: 6,
      within: (x) => x.gap <= ERA_DAYS,
    });
    const lead = e.people[0];
    drafts.push({
      kind: "event-on-date",
      difficulty: lead ? difficultyOf(prominence(ds, lead)) : "medium",
      slug: e.id,
      prompt,
      correct,
      wrong: wrong.map((x) => x.text),
      explanation: [
        `On ${label}: ${e.title}.`,
        `The other options: ${wrong.map((x) => `${x.text} (${formatDay(x.event.date)})`).join("; ")}.`,
      ],
      sources: cleanSources(ds, e.date.sources, e.sources),
      subjects: [e.id, ...e.people, ...e.offices],
    });
  }
  return drafts;
}

/** "14 March 1953 (de facto)": when a person first held the leading office. */
function firstTaken(l: Leader): string {
  const first = l.terms[0] as Term;
  return `${formatDay(first.start)}${first.basis === "de jure" ? "" : ` (${first.basis})`}`;
}

/** Whether a surely took the leading office before b, whatever the imprecision and disputes. */
const surelyBefore = (a: Leader, b: Leader) => a.startWindow.to < b.startWindow.from;

function trueFalseQuestions(ctx: Context): Draft[] {
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
        `${a.person.name} first held the office from ${firstTaken(a)}; ${b.person.name} from ${firstTaken(b)}.`,
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

function orderQuestions(ctx: Context): Draft[] {
  const { ds } = ctx;
  const eligible = ctx.leaders.filter((l) => !l.deFactoOnly);
  const sets: Leader[][] = [];
  for (const stride of [1, 2]) {
    for (let i = 0; i + 3 * stride < eligible.length; i++) {
      sets.push([0, 1, 2, 3].map((k) => eligible[i + k * stride] as Leader));
    }
  }
  const famous = eligible.filter((l) => l.person.prominence === 1);
  for (let a = 0; a < famous.length; a++)
    for (let b = a + 1; b < famous.length; b++)
      for (let c = b + 1; c < famous.length; c++)
        for (let d = c + 1; d < famous.length; d++)
          sets.push([famous[a], famous[b], famous[c], famous[d]] as Leader[]);

  const surnames = eligible.map((l) => surname(l.person.name));
  const short = new Set(surnames).size === surnames.length;
  const label = (l: Leader) => (short ? surname(l.person.name) : l.person.name);
  const prompt = "In which order did these leaders first hold the party's leading office?";
  const drafts: Draft[] = [];
  const seen = new Set<string>();
  for (const set of sets) {
    if (!set.every((l, i) => i === 0 || surelyBefore(set[i - 1] as Leader, l))) continue;
    const key = set.map((l) => l.person.id).join(",");
    if (seen.has(key)) continue;
    seen.add(key);
    const correct = set.map(label).join(" → ");
    const rng = questionRng("order", prompt, key);
    const swapAt = rng.nextInt(3);
    const swapped = set.slice();
    [swapped[swapAt], swapped[swapAt + 1]] = [swapped[swapAt + 1] as Leader, swapped[swapAt] as Leader];
    const others = rng
      .shuffle(permutations(set))
      .map((p) => p.map(label).join(" → "))
      .filter((p) => p !== correct && p !== swapped.map(label).join(" → "));
    drafts.push({
      kind: "order",
      difficulty: difficultyOf(Math.max(...set.map((l) => l.person.prominence))),
      slug: set.map((l) => surname(l.person.name).slice(0, 4)).join("-"),
      prompt,
      correct,
      wrong: [swapped.map(label).join(" → "), ...others.slice(0, 2)],
      explanation: [
        `In order of first taking ${LEADING_OFFICE}: ${set.map((l) => `${l.person.name}, ${firstTaken(l)}`).join("; ")}.`,
      ],
      sources: cleanSources(ds, ...set.map((l) => (l.terms[0] as Term).start.sources)),
      subjects: set.map((l) => l.person.id),
    });
  }
  return drafts;
}

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [items.slice()];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}

// ---------------------------------------------------------------------------------------------
// Public API

interface Pool {
  list: Question[];
  byId: Map<string, Question>;
}

const pools = new WeakMap<Dataset, Pool>();

function pool(ds: Dataset): Pool {
  const cached = pools.get(ds);
  if (cached) return cached;
  const ctx = buildContext(ds);
  const drafts = [
    ...successionQuestions(ctx),
    ...holderQuestions(ctx),
    ...tookOfficeQuestions(ctx),
    ...durationQuestions(ctx),
    ...officeHeldQuestions(ctx),
    ...diedQuestions(ctx),
    ...eventQuestions(ctx),
    ...trueFalseQuestions(ctx),
    ...orderQuestions(ctx),
  ];
  const taken = new Map<string, string>();
  const list: Question[] = [];
  for (const draft of drafts) {
    const q = finish(draft, taken);
    if (q) list.push(q);
  }
  list.sort((a, b) => QUESTION_KINDS.indexOf(a.kind) - QUESTION_KINDS.indexOf(b.kind));
  const built = { list, byId: new Map(list.map((q) => [q.id, q])) };
  pools.set(ds, built);
  return built;
}

const copy = (q: Question): Question => ({
  ...q,
  choices: [...q.choices],
  sources: [...q.sources],
  subjects: [...q.subjects],
});

/** Every question the generator can make, each once, in a fixed order (by kind, then by data). */
export function allQuestions(ds: Dataset): Question[] {
  return pool(ds).list.map(copy);
}

/** The question with this id, recomputed from the dataset; undefined for an unknown id. */
export function questionById(ds: Dataset, id: string): Question | undefined {
  const q = pool(ds).byId.get(id);
  return q ? copy(q) : undefined;
}

/**
 * `count` questions for a seed, without duplicates, kinds mixed (never the same kind twice in a row
 * while another is left). Filters by difficulty and kinds (an empty `kinds` means all). Returns fewer
 * only when the filtered pool runs out; never throws.
 */
export function generateQuestions(
  ds: Dataset,
  options: { seed: number; count: number; difficulty?: Difficulty; kinds?: QuestionKind[] },
): Question[] {
  const rng = createRng(toSeed(options.seed));
  const count = Number.isFinite(options.count) ? Math.max(0, Math.floor(options.count)) : 0;
  const kinds = options.kinds && options.kinds.length > 0 ? new Set(options.kinds) : null;
  const buckets = new Map<QuestionKind, Question[]>();
  for (const q of pool(ds).list) {
    if (options.difficulty && q.difficulty !== options.difficulty) continue;
    if (kinds && !kinds.has(q.kind)) continue;
    const list = buckets.get(q.kind);
    if (list) list.push(q);
    else buckets.set(q.kind, [q]);
  }
  for (const [kind, list] of buckets) buckets.set(kind, rng.shuffle(list));

  const out: Question[] = [];
  let lastKind: QuestionKind | null = null;
  let lastSubject: string | undefined;
  while (out.length < count) {
    const live = QUESTION_KINDS.filter((k) => (buckets.get(k)?.length ?? 0) > 0);
    if (live.length === 0) break;
    const choosable = live.length > 1 ? live.filter((k) => k !== lastKind) : live;
    const kind = rng.pick(choosable);
    const bucket = buckets.get(kind) as Question[];
    // Prefer a question about someone other than the previous question's main subject.
    const index = Math.max(
      0,
      bucket.findIndex((q) => q.subjects[0] !== lastSubject),
    );
    const [q] = bucket.splice(index, 1);
    if (!q) break;
    out.push(copy(q));
    lastKind = kind;
    lastSubject = q.subjects[0];
  }
  return out;
}
