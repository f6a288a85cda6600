// What a trivia question is: its kinds, difficulties and limits.
import type { Lang } from "../../i18n/index.js";
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
  | "order"
  /** From a server's own question set (not generated; see src/question-sets). */
  | "custom";

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
  /**
   * The same question in Russian, its choices in the same order (the same `answer`): every
   * generated question has it. A server's own question has none: it is shown as it was written.
   */
  ru?: QuestionText;
  /** Source ids from the dataset backing the answer (≥ 1). */
  sources: string[];
  /** Person, office and event ids the question is about; the main subject first. */
  subjects: string[];
  /** Written by a server's members, not by the bot: always shown escaped. */
  userText?: true;
  /** The source a custom question names, in its author's words. */
  sourceNote?: string;
}

/** What a reader sees of a question in one language. */
export interface QuestionText {
  prompt: string;
  choices: string[];
  explanation: string;
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

export const TRUE = "True";
export const FALSE = "False";
export const ERA_DAYS = Math.round(15 * 365.25);

/** A question as a reader of `lang` sees it: its Russian where it has one, else as written. */
export function questionText(q: Question, lang: Lang): QuestionText {
  return lang === "ru" && q.ru ? q.ru : { prompt: q.prompt, choices: q.choices, explanation: q.explanation };
}
