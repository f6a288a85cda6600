/**
 * Trivia questions generated from the dataset: every fact, date and duration is read from the data
 * (terms, events, the leadership chain), never written by hand. Each is worded in English and in
 * Russian (src/i18n/trivia-en.ts, trivia-ru.ts); its id comes from the English. The whole pool is deterministic; a
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
import { buildContext, type Context } from "./questions/context.js";
import { diedQuestions } from "./questions/died.js";
import { type Draft, finish } from "./questions/draft.js";
import { durationQuestions } from "./questions/duration.js";
import { eventQuestions } from "./questions/event.js";
import { holderQuestions } from "./questions/holder.js";
import { type Difficulty, QUESTION_KINDS, type Question, type QuestionKind } from "./questions/model.js";
import { officeHeldQuestions } from "./questions/office-held.js";
import { orderQuestions } from "./questions/order.js";
import { successionQuestions } from "./questions/succession.js";
import { tookOfficeQuestions } from "./questions/took-office.js";
import { trueFalseQuestions } from "./questions/true-false.js";
import { createRng, toSeed } from "./random.js";

export {
  DIFFICULTIES,
  type Difficulty,
  QUESTION_KINDS,
  QUESTION_LIMITS,
  type Question,
  type QuestionKind,
  type QuestionText,
  questionText,
} from "./questions/model.js";

// ---------------------------------------------------------------------------------------------
// Public API

interface Pool {
  list: Question[];
  byId: Map<string, Question>;
}

const pools = new WeakMap<Dataset, Pool>();

/** Every kind's drafts, in the order the pool takes them (the first of two equal drafts wins). */
export function allDrafts(ctx: Context): Draft[] {
  return [
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
}

function pool(ds: Dataset): Pool {
  const cached = pools.get(ds);
  if (cached) return cached;
  const drafts = allDrafts(buildContext(ds));
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
  ...(q.ru ? { ru: { ...q.ru, choices: [...q.ru.choices] } } : {}),
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
  options: {
    seed: number;
    count: number;
    difficulty?: Difficulty;
    kinds?: QuestionKind[];
    /** Only questions this accepts (a category: an era). */
    only?: (q: Question) => boolean;
  },
): Question[] {
  const rng = createRng(toSeed(options.seed));
  const count = Number.isFinite(options.count) ? Math.max(0, Math.floor(options.count)) : 0;
  const kinds = options.kinds && options.kinds.length > 0 ? new Set(options.kinds) : null;
  const buckets = new Map<QuestionKind, Question[]>();
  for (const q of pool(ds).list) {
    if (options.difficulty && q.difficulty !== options.difficulty) continue;
    if (kinds && !kinds.has(q.kind)) continue;
    if (options.only && !options.only(q)) continue;
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
