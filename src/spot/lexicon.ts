// What the message lookup can recognise: every name and title as a sequence of folded words, and
// three ways a chat word can stand for a known word: as it is, by its Russian case ending or
// English possessive, or with one typing slip. Built once; every lookup is a few map probes, so
// a long message costs well under a millisecond even with a hundred thousand people.
import { osaDistance } from "../search/distance.js";
import { russianStem, type TextToken, textTokens } from "./tokens.js";

export type SubjectKind = "person" | "office";

/** One person or office and the ways a message may name it. */
export interface SpotSubject {
  id: string;
  kind: SubjectKind;
  /** Names that count when written out in full ("Nikita Khrushchev", "general secretary"). */
  phrases: readonly string[];
  /** Single words that name it alone ("Khrushchev", "Хрущёв", "gensec"). */
  alone: readonly string[];
}

/** How a chat word matched a known word: 0 as written, 1 by its ending, 2 with one slip. */
export type Quality = 0 | 1 | 2;

export interface Candidate {
  word: number;
  quality: Quality;
}

export interface PhraseEntry {
  /** Indices of the subjects this sequence of words names (more than one: ambiguous). */
  subjects: number[];
  /** A phrase that names nobody although it contains a name ("Molotov cocktail"). */
  blocked: boolean;
}

/** A typing slip is looked for only in words this long: shorter ones have too many neighbours. */
export const MIN_SLIP_LENGTH = 5;
const MAX_CANDIDATES = 4;
const ID_BITS = 2 ** 21;

/** FNV-1a over UTF-16 code units: a 32-bit key for the deletion index. */
function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** hash32 of the word with its `skip`-th letter left out, without building that string. */
function hashWithout(word: string, skip: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) {
    if (i === skip) continue;
    h ^= word.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The hashes of the word and of each form of it with one letter left out. */
function slipHashes(word: string): number[] {
  const out = [hash32(word)];
  for (let i = 0; i < word.length; i++) out.push(hashWithout(word, i));
  return out;
}

const foldPhrase = (text: string): string[] => textTokens(text).map((t) => t.norm);

const NONE: readonly Candidate[] = Object.freeze([]);

function hasWord(candidates: readonly Candidate[], word: number): boolean {
  for (const c of candidates) if (c.word === word) return true;
  return false;
}

/**
 * A phrase's key: one word is its id, two are a number above every id, longer ones a string.
 * Numbers for the common short phrases spare a string per probe.
 */
function phraseKey(words: readonly number[]): number | string {
  if (words.length === 1) return words[0] as number;
  if (words.length === 2) return ((words[0] as number) + 1) * ID_BITS + (words[1] as number);
  return words.join(",");
}

export class SpotLexicon {
  readonly subjects: readonly SpotSubject[];
  private readonly words: string[] = [];
  private readonly wordIds = new Map<string, number>();
  /** Russian stem → words with that stem. */
  private readonly stems = new Map<string, number[]>();
  /** Phrases by `phraseKey` of their word ids. */
  private readonly phrases = new Map<number | string, PhraseEntry>();
  /** Every proper beginning of a phrase ("nikita" of "nikita khrushchev"), as joined word ids. */
  private readonly prefixes = new Set<number | string>();
  /** The longest phrase that starts with a word, by word id. */
  private readonly longestFrom = new Map<number, number>();
  /**
   * The symmetric-deletion index for one typing slip: (hash of a word or of the word less one
   * letter) × 2^21 + word id, sorted, so that a probe is a binary search with no strings kept.
   */
  private readonly slips: Float64Array;
  private readonly scratch: Candidate[] = [];

  constructor(subjects: readonly SpotSubject[], blockers: readonly string[] = []) {
    this.subjects = subjects;
    subjects.forEach((s, index) => {
      for (const phrase of s.phrases) this.addPhrase(foldPhrase(phrase), index, 2);
      for (const word of s.alone) this.addPhrase(foldPhrase(word), index, 1);
    });
    for (const b of blockers) this.addPhrase(foldPhrase(b), -1, 1);
    this.slips = this.buildSlips();
  }

  private wordId(word: string): number {
    let id = this.wordIds.get(word);
    if (id === undefined) {
      id = this.words.length;
      if (id >= ID_BITS) throw new RangeError("too many distinct words for the spotting index");
      this.words.push(word);
      this.wordIds.set(word, id);
      const stem = russianStem(word);
      if (stem !== word || /[\u0400-\u04ff]/.test(word)) {
        const list = this.stems.get(stem);
        if (list) list.push(id);
        else this.stems.set(stem, [id]);
      }
    }
    return id;
  }

  /** `minWords`: a single word counts only where it was given as naming the subject alone. */
  private addPhrase(words: string[], subject: number, minWords: number): void {
    if (words.length < minWords || words.length === 0) return;
    const ids = words.map((w) => this.wordId(w));
    const key = phraseKey(ids);
    let entry = this.phrases.get(key);
    if (!entry) {
      entry = { subjects: [], blocked: false };
      this.phrases.set(key, entry);
    }
    if (subject < 0) entry.blocked = true;
    else if (!entry.subjects.includes(subject)) entry.subjects.push(subject);
    for (let n = 1; n < ids.length; n++) this.prefixes.add(phraseKey(ids.slice(0, n)));
    const first = ids[0] as number;
    this.longestFrom.set(first, Math.max(this.longestFrom.get(first) ?? 0, ids.length));
  }

  private buildSlips(): Float64Array {
    const keys: number[] = [];
    this.words.forEach((word, id) => {
      if (word.length < MIN_SLIP_LENGTH) return;
      for (const h of slipHashes(word)) keys.push(h * ID_BITS + id);
    });
    return Float64Array.from(keys).sort();
  }

  /** The first index in the deletion index whose hash is `h` or more. */
  private lowerBound(h: number): number {
    const low = h * ID_BITS;
    let lo = 0;
    let hi = this.slips.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.slips[mid] as number) < low) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Known words within one slip of `word`, with the same first letter. A known word followed by
   * more letters is not a slip but another word: "хрущёвка" (a kind of building) is not
   * "Хрущёв", nor "Kozlova" "Kozlov". (Loops rather than iterators: this runs for most long
   * words of every message, and must not allocate.)
   */
  private slipsOf(word: string, into: Candidate[]): void {
    if (word.length < MIN_SLIP_LENGTH) return;
    for (let skip = -1; skip < word.length; skip++) {
      const h = skip < 0 ? hash32(word) : hashWithout(word, skip);
      const low = h * ID_BITS;
      for (let i = this.lowerBound(h); i < this.slips.length; i++) {
        const key = this.slips[i] as number;
        if (key - low >= ID_BITS) break;
        const id = key - low;
        if (into.length >= MAX_CANDIDATES) return;
        if (hasWord(into, id)) continue;
        const known = this.words[id] as string;
        if (known.charCodeAt(0) !== word.charCodeAt(0) || word.startsWith(known)) continue;
        if (osaDistance(word, known, 1) <= 1) into.push({ word: id, quality: 2 });
      }
    }
  }

  /** The known words a word of the message may stand for, best first. */
  candidates(token: TextToken): readonly Candidate[] {
    const exact = this.wordIds.get(token.norm);
    // Most words of a message: unknown, too short for a slip, not a possessive. No allocation.
    if (
      exact === undefined &&
      !token.cyrillic &&
      token.norm.length < MIN_SLIP_LENGTH &&
      !token.norm.endsWith("s")
    )
      return NONE;
    // Filled in a reused array and copied only when something is found: most words find nothing.
    const out = this.scratch;
    out.length = 0;
    if (exact !== undefined) out.push({ word: exact, quality: 0 });
    if (token.cyrillic) {
      // Other cases of the same word: "секретаря" is also "секретарь" in "первый секретарь".
      for (const id of this.stems.get(russianStem(token.norm)) ?? []) {
        if (id !== exact && out.length < MAX_CANDIDATES) out.push({ word: id, quality: 1 });
      }
    } else if (exact === undefined && token.norm.endsWith("s")) {
      // The possessive, its apostrophe folded away: "Stalin's" → "stalins".
      const bare = this.wordIds.get(token.norm.slice(0, -1));
      if (bare !== undefined) out.push({ word: bare, quality: 1 });
    }
    if (out.length > 0) return out.slice();
    this.slipsOf(token.norm, out);
    // A slip in a declined or possessive name: "Хрушёва", "krushchev's".
    if (out.length === 0 && token.cyrillic) this.slipsOf(russianStem(token.norm), out);
    if (out.length === 0 && !token.cyrillic && token.norm.endsWith("s"))
      this.slipsOf(token.norm.slice(0, -1), out);
    return out.length > 0 ? out.slice() : NONE;
  }

  longestPhraseFrom(word: number): number {
    return this.longestFrom.get(word) ?? 0;
  }

  isPrefix(words: readonly number[]): boolean {
    return this.prefixes.has(phraseKey(words));
  }

  phrase(words: readonly number[]): PhraseEntry | undefined {
    return this.phrases.get(phraseKey(words));
  }

  get size(): { subjects: number; words: number; phrases: number } {
    return { subjects: this.subjects.length, words: this.words.length, phrases: this.phrases.size };
  }
}
