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

// Letters and digits, with apostrophes inside a word ("Stalin's", "O'Brien") kept in it.
const WORD = /[\p{L}\p{N}]+(?:['’ʼ][\p{L}\p{N}]+)*/gu;
const CYRILLIC = /[\u0400-\u04ff]/;

export function textTokens(text: string): TextToken[] {
  const out: TextToken[] = [];
  for (const m of text.matchAll(WORD)) {
    const norm = normalizeName(m[0]).replace(/ /g, "");
    if (norm.length === 0) continue;
    const start = m.index ?? 0;
    out.push({ start, end: start + m[0].length, norm, cyrillic: CYRILLIC.test(norm) });
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
