// From a draft to a question: stable ids, texts within their limits, sources cleaned, duplicates
// dropped; plausible wrong answers; events on a day.
import type { Dataset } from "../../data/build.js";
import type { HistoricalEvent } from "../../data/schema.js";
import { createRng, hashHex, hashString, type Rng } from "../random.js";
import { type Context, eventDisputed } from "./context.js";
import { type Difficulty, FALSE, QUESTION_LIMITS, type Question, type QuestionKind, TRUE } from "./model.js";

// ---------------------------------------------------------------------------------------------
// Assembling questions

/** What a question says in one language, before its choices are shuffled. */
export interface DraftText {
  prompt: string;
  /** The right choice ("True"/"False" for true-false). */
  correct: string;
  /** Wrong choices: three for four-choice questions, the other verdict for true-false. */
  wrong: string[];
  explanation: string[];
}

/** A question in English (which its id is made from) and in Russian, the same items in each. */
export interface Draft extends DraftText {
  kind: QuestionKind;
  difficulty: Difficulty;
  /** Short subject for the id: a surname or an event id. */
  slug: string;
  ru: DraftText;
  sources: readonly string[];
  subjects: readonly string[];
}

export const draftKey = (kind: QuestionKind, prompt: string, correct: string) =>
  `${kind}\n${prompt}\n${correct}`;

/** A generator for one question's own choices: the same question always gets the same ones. */
export const questionRng = (kind: QuestionKind, prompt: string, salt = "") =>
  createRng(hashString(`${kind}\n${prompt}\n${salt}`));

export function makeId(kind: QuestionKind, slug: string, key: string, salt: number): string {
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
export function joinWithin(parts: readonly string[], max: number): string {
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
export function shorten(text: string, max: number): string {
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
export function firstSeen(seen: Set<string>, key: string): boolean {
  if (seen.has(key)) return false;
  seen.add(key);
  return true;
}

export function cleanSources(ds: Dataset, ...lists: readonly (readonly string[])[]): string[] {
  const out = new Set<string>();
  for (const list of lists) {
    for (const id of list) if (id !== "editorial" && ds.sourceById.has(id)) out.add(id);
  }
  return [...out];
}

/** A language's choices in their draft order (right one first), or null when one breaks a rule. */
function checkedChoices(text: DraftText, tf: boolean): string[] | null {
  const choices = [text.correct, ...text.wrong];
  if (choices.length !== (tf ? 2 : 4) || text.wrong.includes(text.correct)) return null;
  if (new Set(choices).size !== choices.length) return null;
  if (choices.some((c) => c.length === 0 || c.length > QUESTION_LIMITS.choice)) return null;
  if (text.prompt.length > QUESTION_LIMITS.prompt) return null;
  return choices;
}

/**
 * Turns a draft into a question, or null when it would break a limit in either language (never
 * throws). The id comes from the English alone, so it is the same question in every language.
 */
export function finish(draft: Draft, taken: Map<string, string>): Question | null {
  const tf = draft.kind === "true-false";
  if (tf && draft.correct !== TRUE && draft.correct !== FALSE) return null;
  const en = checkedChoices(draft, tf);
  const ru = checkedChoices(draft.ru, tf);
  if (!en || !ru || draft.sources.length === 0) return null;
  const explanation = joinWithin(draft.explanation, QUESTION_LIMITS.explanation);
  const explanationRu = joinWithin(draft.ru.explanation, QUESTION_LIMITS.explanation);
  if (!explanation || !explanationRu) return null;

  const key = draftKey(draft.kind, draft.prompt, draft.correct);
  let id = makeId(draft.kind, draft.slug, key, 0);
  for (let salt = 1; taken.has(id) && taken.get(id) !== key; salt++) {
    id = makeId(draft.kind, draft.slug, key, salt);
  }
  if (taken.has(id)) return null; // the very same question twice: keep the first
  taken.set(id, key);

  // True or false keeps its order ("True", "False"); four choices are shuffled by the id, the
  // same way in both languages.
  const order = tf
    ? draft.correct === TRUE
      ? [0, 1]
      : [1, 0]
    : createRng(hashString(id)).shuffle(en.map((_, i) => i));
  return {
    id,
    kind: draft.kind,
    difficulty: draft.difficulty,
    prompt: draft.prompt,
    choices: order.map((i) => en[i] as string),
    answer: order.indexOf(0),
    explanation,
    ru: { prompt: draft.ru.prompt, choices: order.map((i) => ru[i] as string), explanation: explanationRu },
    sources: [...draft.sources],
    subjects: [...new Set(draft.subjects)],
  };
}

/**
 * Up to `count` distractors from candidates sorted best first: those within the era window if there
 * are enough, otherwise the nearest; then a seeded pick among the closest few.
 */
export function pickDistractors<T>(
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
export function eventsOnDay(ctx: Context, day: string, person: string, office: string): HistoricalEvent[] {
  return ctx.ds.events.filter(
    (e) =>
      e.date.precision === "day" &&
      e.date.date === day &&
      !eventDisputed(ctx.ds, e) &&
      (e.people.some((p) => p !== person) || e.offices.some((o) => o !== office)),
  );
}
