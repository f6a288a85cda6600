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

/** The word with each one of its letters left out in turn. */
function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

const foldPhrase = (text: string): string[] => textTokens(text).map((t) => t.norm);

export class SpotLexicon {
  readonly subjects: readonly SpotSubject[];
  private readonly words: string[] = [];
  private readonly wordIds = new Map<string, number>();
  /** Russian stem → words with that stem. */
  private readonly stems = new Map<string, number[]>();
  /** Phrases by their word ids joined with ",". */
  private readonly phrases = new Map<string, PhraseEntry>();
  /** Every proper beginning of a phrase ("nikita" of "nikita khrushchev"), as joined word ids. */
  private readonly prefixes = new Set<string>();
  /** The longest phrase that starts with a word, by word id. */
  private readonly longestFrom = new Map<number, number>();
  /**
   * The symmetric-deletion index for one typing slip: (hash of a word or of the word less one
   * letter) × 2^21 + word id, sorted, so that a probe is a binary search with no strings kept.
   */
  private readonly slips: Float64Array;

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
    const key = ids.join(",");
    let entry = this.phrases.get(key);
    if (!entry) {
      entry = { subjects: [], blocked: false };
      this.phrases.set(key, entry);
    }
    if (subject < 0) entry.blocked = true;
    else if (!entry.subjects.includes(subject)) entry.subjects.push(subject);
    for (let n = 1; n < ids.length; n++) this.prefixes.add(ids.slice(0, n).join(","));
    const first = ids[0] as number;
    this.longestFrom.set(first, Math.max(this.longestFrom.get(first) ?? 0, ids.length));
  }

  private buildSlips(): Float64Array {
    const keys: number[] = [];
    this.words.forEach((word, id) => {
      if (word.length < MIN_SLIP_LENGTH) return;
      keys.push(hash32(word) * ID_BITS + id);
      for (const d of deletions(word)) keys.push(hash32(d) * ID_BITS + id);
    });
    return Float64Array.from(keys).sort();
  }

  /** Word ids whose word or whose less-one-letter form hashes to `h`. */
  private *probe(h: number): Generator<number> {
    const low = h * ID_BITS;
    let lo = 0;
    let hi = this.slips.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.slips[mid] as number) < low) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.slips.length; i++) {
      const key = this.slips[i] as number;
      if (Math.floor(key / ID_BITS) !== h) return;
      yield key - low;
    }
  }

  /**
   * Known words within one slip of `word`, with the same first letter. A known word followed by
   * more letters is not a slip but another word: "хрущёвка" (a kind of building) is not
   * "Хрущёв", nor "Kozlova" "Kozlov".
   */
  private slipsOf(word: string, into: Candidate[]): void {
    if (word.length < MIN_SLIP_LENGTH) return;
    const seen = new Set<number>();
    for (const form of [word, ...deletions(word)]) {
      for (const id of this.probe(hash32(form))) {
        if (seen.has(id) || into.length >= MAX_CANDIDATES) continue;
        seen.add(id);
        const known = this.words[id] as string;
        if (known[0] !== word[0] || word.startsWith(known)) continue;
        if (osaDistance(word, known, 1) <= 1) into.push({ word: id, quality: 2 });
      }
    }
  }

  /** The known words a word of the message may stand for, best first. */
  candidates(token: TextToken): Candidate[] {
    const exact = this.wordIds.get(token.norm);
    const out: Candidate[] = exact === undefined ? [] : [{ word: exact, quality: 0 }];
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
    if (out.length > 0) return out;
    this.slipsOf(token.norm, out);
    // A slip in a declined or possessive name: "Хрушёва", "krushchev's".
    if (out.length === 0 && token.cyrillic) this.slipsOf(russianStem(token.norm), out);
    if (out.length === 0 && !token.cyrillic && token.norm.endsWith("s"))
      this.slipsOf(token.norm.slice(0, -1), out);
    return out;
  }

  longestPhraseFrom(word: number): number {
    return this.longestFrom.get(word) ?? 0;
  }

  isPrefix(words: readonly number[]): boolean {
    return this.prefixes.has(words.join(","));
  }

  phrase(words: readonly number[]): PhraseEntry | undefined {
    return this.phrases.get(words.join(","));
  }

  get size(): { subjects: number; words: number; phrases: number } {
    return { subjects: this.subjects.length, words: this.words.length, phrases: this.phrases.size };
  }
}
