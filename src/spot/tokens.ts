// The words of a chat message, with where each stands in the text, folded the way names are
// folded for search (case, accents, ё/е, й/и, apostrophes), plus the Russian stem of each.
import { normalizeName } from "../search/normalize.js";

export interface TextToken {
  /** JavaScript string indices into the original text. */
  start: number;
  end: number;
  /** Folded: "Stalin's" → "stalins", "Хрущёва" → "хрущева". */
  norm: string;
  cyrillic: boolean;
}

const CYRILLIC = /[\u0400-\u04ff]/;

const PLAIN = /^[a-z0-9]+$/;
const PLAIN_CYRILLIC = /^[a-z0-9а-яё'’ʼ]+$/;
/** What folding changes in a plain Cyrillic word, and how. */
const CYRILLIC_FOLDS = /[ёйъь'’ʼ]/g;
const CYRILLIC_FOLDED: Record<string, string> = { ё: "е", й: "и" };

/**
 * `normalizeName` for one word, without its spaces. Most chat words are plain Latin or Cyrillic
 * letters, for which folding is a lower-casing and a few replacements; the full Unicode folding
 * (decomposition, accents, ß, ł …) is kept for the rest. tests/spot.test.ts checks they agree.
 */
export function foldWord(word: string): string {
  if (PLAIN.test(word)) return word;
  const lower = word.toLowerCase();
  if (PLAIN.test(lower)) return lower;
  if (PLAIN_CYRILLIC.test(lower)) return lower.replace(CYRILLIC_FOLDS, (c) => CYRILLIC_FOLDED[c] ?? "");
  return normalizeName(word).replace(/ /g, "");
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** Whether each code unit below U+0530 (Latin, Greek, Cyrillic) is a letter or digit, precomputed. */
const WORD_UNIT = (() => {
  const table = new Uint8Array(0x530);
  for (let c = 0; c < table.length; c++) table[c] = LETTER_OR_DIGIT.test(String.fromCharCode(c)) ? 1 : 0;
  return table;
})();

function isWordUnit(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x530) return WORD_UNIT[c] === 1;
  if (c >= 0xd800 && c <= 0xdbff) return LETTER_OR_DIGIT.test(text.slice(i, i + 2));
  if (c >= 0xdc00 && c <= 0xdfff) return LETTER_OR_DIGIT.test(text.slice(i - 1, i + 1));
  return LETTER_OR_DIGIT.test(text[i] as string);
}

const isApostrophe = (c: number) => c === 0x27 || c === 0x2019 || c === 0x2bc;

/** What a character asks of folding, as bits: nothing, lower-casing, a Cyrillic fold, or all of it. */
const LOWER = 1;
const CYRILLIC_LETTER = 2;
const FOLD = 4;
const FULL = 8;
const CHAR_FOLD = (() => {
  const table = new Uint8Array(0x530).fill(FULL);
  for (let c = 0x30; c <= 0x39; c++) table[c] = 0;
  for (let c = 0x61; c <= 0x7a; c++) table[c] = 0;
  for (let c = 0x41; c <= 0x5a; c++) table[c] = LOWER;
  for (let c = 0x430; c <= 0x44f; c++) table[c] = CYRILLIC_LETTER;
  for (let c = 0x410; c <= 0x42f; c++) table[c] = CYRILLIC_LETTER | LOWER;
  for (const c of [0x451, 0x439, 0x44a, 0x44c]) table[c] = CYRILLIC_LETTER | FOLD;
  for (const c of [0x401, 0x419, 0x42a, 0x42c]) table[c] = CYRILLIC_LETTER | FOLD | LOWER;
  table[0x27] = FOLD;
  return table;
})();

function charFold(c: number): number {
  if (c < 0x530) return CHAR_FOLD[c] as number;
  return isApostrophe(c) ? FOLD : FULL;
}

/** WORD_UNIT and CHAR_FOLD in one table: bit 0x80 for a letter or digit, the fold bits below. */
const WORD_BIT = 0x80;
const CHAR_CLASS = (() => {
  const table = new Uint8Array(0x530);
  for (let c = 0; c < table.length; c++) table[c] = (WORD_UNIT[c] ? WORD_BIT : 0) | (CHAR_FOLD[c] as number);
  return table;
})();

/** `foldWord`, told what the scanner saw in the word: most words need a slice and no more. */
function foldSeen(word: string, seen: number): string {
  if (seen === 0) return word;
  if (seen & FULL) return foldWord(word);
  const lower = seen & LOWER ? word.toLowerCase() : word;
  return seen & FOLD ? lower.replace(CYRILLIC_FOLDS, (c) => CYRILLIC_FOLDED[c] ?? "") : lower;
}

/**
 * The words of the text: runs of letters and digits, an apostrophe inside a word ("Stalin's")
 * kept in it. A scanner rather than a regular expression: it is the first pass over every
 * message, and builds no match objects.
 */
export function textTokens(text: string): TextToken[] {
  const out: TextToken[] = [];
  let i = 0;
  while (i < text.length) {
    if (!isWordUnit(text, i)) {
      i++;
      continue;
    }
    const start = i;
    let seen = 0;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      const cls = c < 0x530 ? (CHAR_CLASS[c] as number) : 0;
      if (cls & WORD_BIT) {
        seen |= cls & ~WORD_BIT;
        i++;
      } else if (c >= 0x530 && isWordUnit(text, i)) {
        seen |= charFold(c);
        i++;
      } else if (isApostrophe(text.charCodeAt(i)) && i + 1 < text.length && isWordUnit(text, i + 1)) {
        seen |= FOLD | charFold(text.charCodeAt(i + 1));
        i += 2;
      } else break;
    }
    const norm = foldSeen(text.slice(start, i), seen);
    const cyrillic = seen & (FULL | FOLD) ? CYRILLIC.test(norm) : (seen & CYRILLIC_LETTER) !== 0;
    if (norm.length > 0) out.push({ start, end: i, norm, cyrillic });
  }
  return out;
}

/**
 * Case endings of Russian nouns, adjectives and surnames, as `normalizeName` leaves them (й is и,
 * ь is gone), longest first. "Брежневе", "Хрущёва", "Сталиным", "Крестинского", "генерального
 * секретаря" all come down to the stem their dictionary form has.
 */
const ENDINGS = [
  "ого",
  "его",
  "ому",
  "ему",
  "ыми",
  "ими",
  "ами",
  "ями",
  "ыи",
  "ии",
  "ои",
  "еи",
  "ым",
  "им",
  "ом",
  "ем",
  "ую",
  "юю",
  "ая",
  "яя",
  "ах",
  "ях",
  "а",
  "я",
  "у",
  "ю",
  "е",
  "ы",
  "и",
];

/** A stem shorter than this is too short to tell names apart ("Бер" from "Берии"). */
const MIN_STEM = 4;

/** The Russian stem of a folded Cyrillic word; other words come back as they are. */
export function russianStem(norm: string): string {
  if (!CYRILLIC.test(norm)) return norm;
  for (const ending of ENDINGS) {
    if (norm.endsWith(ending) && norm.length - ending.length >= MIN_STEM) {
      return norm.slice(0, norm.length - ending.length);
    }
  }
  return norm;
}
