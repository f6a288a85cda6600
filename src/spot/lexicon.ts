// What the message lookup can recognise: every name and title as a sequence of folded words, the
// ordinary words that look like them, and three ways a chat word can stand for a known word: as
// it is, inflected (a Russian case ending, an English plural or possessive), or with one typing
// slip where no ordinary word fits. Built once; a message word costs one map probe, a few more
// when it is Cyrillic or ends in s, and a short bucket scan when it may be a slip.
import { russianStem, type TextToken, textTokens } from "./tokens.js";
import {
  GIVEN_NAMES,
  ORDINARY_EN,
  ORDINARY_RU,
  OTHER_ORGANS,
  OUR_ORGANS,
  PLACE_AFTER,
  PLACE_BEFORE,
} from "./words.js";

export type SubjectKind = "person" | "office";

/** One person or office and the ways a message may name it. */
export interface SpotSubject {
  id: string;
  kind: SubjectKind;
  /** Names that count when written out in full ("Nikita Khrushchev", "general secretary"). */
  phrases: readonly string[];
  /** Single words that name it alone ("Khrushchev", "Хрущёв", "gensec"). */
  alone: readonly string[];
  /** A person's own given names, patronymics and initials: before a surname they confirm it. */
  own?: readonly string[];
  /** Words matched only as written or inflected, never with a slip ("Gorby" is not "Gorky"). */
  exact?: readonly string[];
  /** Phrases that count only where the message names something else for certain ("first sec"). */
  weak?: readonly string[];
}

/** How a chat word matched a known word: 0 as written, 1 inflected, 2 with one slip. */
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
  /** Counts only where the message names something else for certain. */
  weak: boolean;
}

/** What a known word is, as bits. */
export const WORD = {
  /** A word of some name or title. */
  name: 1,
  /** An everyday word (src/spot/words.ts). */
  ordinary: 2,
  /** Somebody's first name. */
  given: 4,
  /** After a name, makes it a place ("Street"). */
  placeAfter: 8,
  /** Before a name, makes it a place ("улица"). */
  placeBefore: 16,
  /** Never taken with a slip. */
  exact: 32,
  /** After "office of", one of our party's organs. */
  ourOrgan: 64,
  /** Before an office, another organisation. */
  otherOrgan: 128,
} as const;

export interface WordLists {
  ordinary?: readonly string[];
  given?: readonly string[];
  placeAfter?: readonly string[];
  placeBefore?: readonly string[];
  ourOrgans?: readonly string[];
  otherOrgans?: readonly string[];
}

/** The lists of src/spot/words.ts. */
export const WORD_LISTS: WordLists = {
  ordinary: [...ORDINARY_EN, ...ORDINARY_RU],
  given: GIVEN_NAMES,
  placeAfter: PLACE_AFTER,
  placeBefore: PLACE_BEFORE,
  ourOrgans: OUR_ORGANS,
  otherOrgans: OTHER_ORGANS,
};

/** A typing slip is looked for only in words this long: shorter ones have too many neighbours. */
export const MIN_SLIP_LENGTH = 5;
const MAX_CANDIDATES = 4;
const ID_BITS = 2 ** 21;

/**
 * Endings a Russian word may carry beyond a known word's stem (as folded: й is и, ь is gone):
 * the case endings of nouns, adjectives and surnames, singular and plural.
 */
const RU_ENDINGS = [
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
  "ых",
  "их",
  "ым",
  "им",
  "ом",
  "ем",
  "ую",
  "юю",
  "ая",
  "яя",
  "ое",
  "ее",
  "ые",
  "ие",
  "ах",
  "ях",
  "ам",
  "ям",
  "ов",
  "ев",
  "а",
  "я",
  "у",
  "ю",
  "е",
  "ы",
  "и",
];
const MIN_STEM = 4;
/** RU_ENDINGS by their last letter, so that a word is tried only with the endings it can have. */
const ENDINGS_BY_LAST = (() => {
  const map = new Map<number, string[]>();
  for (const e of RU_ENDINGS) {
    const c = e.charCodeAt(e.length - 1);
    const list = map.get(c);
    if (list) list.push(e);
    else map.set(c, [e]);
  }
  return map;
})();

const foldPhrase = (text: string): string[] => textTokens(text).map((t) => t.norm);

const NONE: readonly Candidate[] = Object.freeze([]);

function hasWord(candidates: readonly Candidate[], word: number): boolean {
  for (const c of candidates) if (c.word === word) return true;
  return false;
}

/** A 31-bit set of the letters of a word: two words one slip apart differ in at most two bits. */
function letterMask(word: string): number {
  let m = 0;
  for (let i = 0; i < word.length; i++) m |= 1 << (word.charCodeAt(i) % 31);
  return m;
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * Whether `a` becomes `b` with at most one slip: a letter changed, added, left out, or two
 * neighbours swapped. Linear: past the common beginning and end, what is left must be that slip.
 */
export function withinOneSlip(a: string, b: string): boolean {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === la && i === lb) return true;
  let ja = la - 1;
  let jb = lb - 1;
  while (ja >= i && jb >= i && a.charCodeAt(ja) === b.charCodeAt(jb)) {
    ja--;
    jb--;
  }
  const restA = ja - i + 1;
  const restB = jb - i + 1;
  if (restA <= 1 && restB <= 1) return true;
  // Two neighbours swapped: "stailn".
  return (
    restA === 2 &&
    restB === 2 &&
    a.charCodeAt(i) === b.charCodeAt(i + 1) &&
    a.charCodeAt(i + 1) === b.charCodeAt(i)
  );
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
  private flags = new Uint8Array(1024);
  /** Russian stem (and whole word) → Cyrillic words with that stem. */
  private readonly stems = new Map<string, number[]>();
  /** Phrases by `phraseKey` of their word ids. */
  private readonly phrases = new Map<number | string, PhraseEntry>();
  /** Every proper beginning of a phrase ("nikita" of "nikita khrushchev"), as joined word ids. */
  private readonly prefixes = new Set<number | string>();
  /** The longest phrase that starts with a word, by word id. */
  private readonly longestFrom = new Map<number, number>();
  /** A person's own given names, patronymics and initials, by subject index. */
  private readonly own: (Set<number> | undefined)[] = [];
  /** Name words that may be reached by a slip, by first letter and length; and their letter sets. */
  private readonly slipBuckets = new Map<number, number[]>();
  private readonly masks: number[] = [];
  private readonly scratch: Candidate[] = [];

  constructor(
    subjects: readonly SpotSubject[],
    blockers: readonly string[] = [],
    lists: WordLists = WORD_LISTS,
  ) {
    this.subjects = subjects;
    const mark = (words: readonly string[] | undefined, bit: number) => {
      for (const w of words ?? []) for (const norm of foldPhrase(w)) this.setFlag(this.wordId(norm), bit);
    };
    mark(lists.ordinary, WORD.ordinary);
    mark(lists.given, WORD.given);
    mark(lists.placeAfter, WORD.placeAfter);
    mark(lists.placeBefore, WORD.placeBefore);
    mark(lists.ourOrgans, WORD.ourOrgan);
    mark(lists.otherOrgans, WORD.otherOrgan);
    subjects.forEach((s, index) => {
      const weak = new Set((s.weak ?? []).map((p) => foldPhrase(p).join(" ")));
      for (const phrase of s.phrases) {
        const words = foldPhrase(phrase);
        this.addPhrase(words, index, 2, weak.has(words.join(" ")));
      }
      for (const word of s.alone) {
        const words = foldPhrase(word);
        this.addPhrase(words, index, 1, weak.has(words.join(" ")));
      }
      mark(s.exact, WORD.exact);
      if (s.own && s.own.length > 0) {
        const own = new Set<number>();
        for (const w of s.own) for (const norm of foldPhrase(w)) own.add(this.wordId(norm));
        this.own[index] = own;
      }
    });
    for (const b of blockers) this.addPhrase(foldPhrase(b), -1, 1, false);
    this.buildSlips();
  }

  private setFlag(id: number, bit: number): void {
    if (id >= this.flags.length) {
      const grown = new Uint8Array(Math.max(id + 1, this.flags.length * 2));
      grown.set(this.flags);
      this.flags = grown;
    }
    this.flags[id] = (this.flags[id] as number) | bit;
  }

  flagsOf(word: number): number {
    return this.flags[word] ?? 0;
  }

  private wordId(word: string): number {
    let id = this.wordIds.get(word);
    if (id === undefined) {
      id = this.words.length;
      if (id >= ID_BITS) throw new RangeError("too many distinct words for the spotting index");
      this.words.push(word);
      this.wordIds.set(word, id);
      this.setFlag(id, 0);
      if (/[\u0400-\u04ff]/.test(word)) {
        for (const stem of new Set([word, russianStem(word)])) {
          const list = this.stems.get(stem);
          if (list) list.push(id);
          else this.stems.set(stem, [id]);
        }
      }
    }
    return id;
  }

  /** `minWords`: a single word counts only where it was given as naming the subject alone. */
  private addPhrase(words: string[], subject: number, minWords: number, weak: boolean): void {
    if (words.length < minWords || words.length === 0) return;
    const ids = words.map((w) => this.wordId(w));
    for (const id of ids) this.setFlag(id, WORD.name);
    const key = phraseKey(ids);
    let entry = this.phrases.get(key);
    if (!entry) {
      entry = { subjects: [], blocked: false, weak };
      this.phrases.set(key, entry);
    } else if (!weak) entry.weak = false;
    if (subject < 0) entry.blocked = true;
    else if (!entry.subjects.includes(subject)) entry.subjects.push(subject);
    for (let n = 1; n < ids.length; n++) this.prefixes.add(phraseKey(ids.slice(0, n)));
    const first = ids[0] as number;
    this.longestFrom.set(first, Math.max(this.longestFrom.get(first) ?? 0, ids.length));
  }

  /**
   * Single words that are also ordinary words are weak ("козлов" is also goats), whoever's name
   * they are; the slip buckets hold every name word long enough, ordinary or not.
   */
  private buildSlips(): void {
    for (const [key, entry] of this.phrases) {
      if (typeof key === "number" && key < ID_BITS && this.flagsOf(key) & WORD.ordinary) entry.weak = true;
    }
    this.words.forEach((word, id) => {
      this.masks.push(letterMask(word));
      const f = this.flagsOf(id);
      if (!(f & WORD.name) || f & WORD.exact || word.length < MIN_SLIP_LENGTH) return;
      const bucket = (word.charCodeAt(0) << 6) | Math.min(word.length, 63);
      const list = this.slipBuckets.get(bucket);
      if (list) list.push(id);
      else this.slipBuckets.set(bucket, [id]);
    });
  }

  /**
   * Name words within one slip of `word`, with the same first letter. A known word followed by
   * more letters is not a slip but another word ("хрущёвка", a kind of building, is not
   * "Хрущёв"), nor is a known word cut short ("стали" is not "Сталин").
   */
  private slipsOf(word: string, into: Candidate[]): void {
    if (word.length < MIN_SLIP_LENGTH) return;
    const mask = letterMask(word);
    const first = word.charCodeAt(0) << 6;
    for (let len = word.length - 1; len <= word.length + 1; len++) {
      const bucket = this.slipBuckets.get(first | Math.min(len, 63));
      if (!bucket) continue;
      for (const id of bucket) {
        if (popcount(mask ^ (this.masks[id] as number)) > 2) continue;
        const known = this.words[id] as string;
        if (word.startsWith(known) || known.startsWith(word)) continue;
        if (!withinOneSlip(word, known) || hasWord(into, id)) continue;
        into.push({ word: id, quality: 2 });
        if (into.length >= MAX_CANDIDATES) return;
      }
    }
  }

  /**
   * The known words a word of the message may stand for, best first: names, and also the
   * ordinary words, first names and place words it is, so that a caller can tell "Alexander"
   * from a name. A slip is tried only when the word is no known word in any form.
   */
  candidates(token: TextToken): readonly Candidate[] {
    const norm = token.norm;
    const exact = this.wordIds.get(norm);
    // Most words of a message: unknown, too short for a slip, not inflected. No allocation.
    if (exact === undefined && !token.cyrillic && norm.length < MIN_SLIP_LENGTH && !norm.endsWith("s"))
      return NONE;
    const out = this.scratch;
    out.length = 0;
    if (exact !== undefined) out.push({ word: exact, quality: 0 });
    if (token.cyrillic) this.russianForms(norm, exact, out);
    else if (norm.endsWith("s") && norm.length > 3) this.englishForms(norm, out);
    if (out.length > 0) return out.slice();
    this.slipsOf(norm, out);
    // A slip in a declined or possessive name: "Хрушёва", "krushchev's".
    if (out.length === 0 && token.cyrillic) {
      const stem = russianStem(norm);
      if (stem !== norm) this.slipsOf(stem, out);
    }
    if (out.length === 0 && !token.cyrillic && norm.endsWith("s")) this.slipsOf(norm.slice(0, -1), out);
    return out.length > 0 ? out.slice() : NONE;
  }

  /** Other cases of the same word: "секретаря" and "секретарей" are "секретарь". */
  private russianForms(norm: string, exact: number | undefined, out: Candidate[]): void {
    if (norm.length < MIN_STEM) return;
    this.stemForms(norm, exact, out);
    for (const ending of ENDINGS_BY_LAST.get(norm.charCodeAt(norm.length - 1)) ?? []) {
      if (norm.length - ending.length < MIN_STEM || !norm.endsWith(ending)) continue;
      this.stemForms(norm.slice(0, norm.length - ending.length), exact, out);
    }
  }

  private stemForms(stem: string, exact: number | undefined, out: Candidate[]): void {
    const words = this.stems.get(stem);
    if (!words) return;
    for (const id of words) {
      if (id === exact || hasWord(out, id)) continue;
      if (out.length < MAX_CANDIDATES) out.push({ word: id, quality: 1 });
    }
  }

  /** The possessive (its apostrophe folded away) and the plural: "Stalin's", "secretaries". */
  private englishForms(norm: string, out: Candidate[]): void {
    const bare = this.wordIds.get(norm.slice(0, -1));
    if (bare !== undefined && !hasWord(out, bare)) out.push({ word: bare, quality: 1 });
    if (norm.endsWith("ies")) {
      const y = this.wordIds.get(`${norm.slice(0, -3)}y`);
      if (y !== undefined && !hasWord(out, y)) out.push({ word: y, quality: 1 });
    } else if (norm.endsWith("es")) {
      const e = this.wordIds.get(norm.slice(0, -2));
      if (e !== undefined && !hasWord(out, e)) out.push({ word: e, quality: 1 });
    }
  }

  /** Whether the word is one of a person's own given names, patronymics or initials. */
  isOwnOf(subject: number, word: number): boolean {
    return this.own[subject]?.has(word) ?? false;
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

  wordOf(id: number): string {
    return this.words[id] as string;
  }

  get size(): { subjects: number; words: number; phrases: number } {
    return { subjects: this.subjects.length, words: this.words.length, phrases: this.phrases.size };
  }
}
