// What the name search stores and answers, and the limits it works within.

export type EntryKind = "person" | "office";

/** One thing a user can type to mean an entry, and how to explain the match. */
export interface SearchKey {
  text: string;
  /** Shown when this key, not the display name, is what matched: "German spelling of Khrushchev". */
  note?: string;
  /** The same note for a Russian reader: "немецкое написание фамилии Никиты Хрущёва". */
  noteRu?: string;
}

export interface SearchEntry {
  id: string;
  kind: EntryKind;
  label: string;
  /** Lower is better known: used to order ties and partial matches. */
  prominence: number;
  /** Position in the default list (the leaders in order); entries without one come after. */
  order: number;
  keys: SearchKey[];
}

export interface SearchHit {
  id: string;
  kind: EntryKind;
  label: string;
  score: number;
  /** What the query matched, when that was not the display name. */
  matched?: string;
  /** The same in Russian. */
  matchedRu?: string;
}

export interface SearchResult {
  query: string;
  /** The id of the top hit when the engine is confident it is what the user meant. */
  best: string | null;
  results: SearchHit[];
}

export interface SearchOptions {
  kind?: EntryKind;
  limit?: number;
}

export interface IndexedKey {
  entry: number;
  norm: string;
  /** `norm` lower-cased again, as Fuse does (the same string unless that changes it). */
  lower: string;
  note: string | undefined;
}

/** A confident match needs this score and this lead over the next entry. */
export const CONFIDENT_SCORE = 0.8;
export const CONFIDENT_MARGIN = 0.05;
export const MIN_RESULT_SCORE = 0.45;
export const MAX_QUERY_TOKENS = 8;
export const SOUND_ALIKE = 0.92;
export const MAX_QUERY_LENGTH = 100;

/** Gram lists longer than this are too common to narrow anything down and are skipped. */
export const MAX_GRAM_LIST = 20000;
/** Tokens a prefix may stand for: in autocomplete, and for an initial in search. */
export const MAX_PREFIX_TOKENS = 2000;
export const MAX_INITIAL_TOKENS = 5000;
/**
 * In the partial-match fallback, tokens on more keys than this (a first name shared by
 * thousands) are too common to narrow anything down and are not followed: keys that contain
 * them are still reached through their rarer tokens. (The real dataset's commonest token is on
 * a few dozen keys, so there this changes nothing; it bounds the work on very large datasets.)
 */
export const MAX_PARTIAL_POSTINGS = 2000;
