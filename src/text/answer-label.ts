// How an answer looks on its button: "B. Malenkov", sanitised and clipped to Discord's limit for a
// button label. The cards render buttons with it and the import checks a set's answers with it, so
// that what the check calls "the same button" is always what a player would see.
import { clip } from "./clip.js";
import { sanitizeLine } from "./sanitize.js";

/** The letters of the answers; an imported question has up to five (one right, four wrong). */
export const LETTERS = ["A", "B", "C", "D", "E"] as const;

/** Discord's limit for a button's label, in characters. */
export const BUTTON_LABEL_MAX = 80;

export const letter = (i: number): string => LETTERS[i] ?? "?";

const prefix = (i: number) => `${letter(i)}. `;

/** The label of answer `i`'s button. */
export function answerLabel(i: number, choice: string): string {
  return clip(`${prefix(i)}${sanitizeLine(choice)}`, BUTTON_LABEL_MAX);
}

/** How many characters of an answer a button shows when it has to cut it (the letter and "…" aside). */
export const ANSWER_SHOWN_MAX = BUTTON_LABEL_MAX - prefix(0).length - 1;

/** What answer `i`'s button shows after its letter (every letter is as long, so `i` changes nothing). */
export function answerLabelText(i: number, choice: string): string {
  return answerLabel(i, choice).slice(prefix(i).length);
}
