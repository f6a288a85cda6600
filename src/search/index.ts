import Fuse from "fuse.js";
import { normalizeName, tokens } from "./normalize.js";
import { trigrams } from "./similarity.js";

export type EntryKind = "person" | "office";

/** One thing a user can type to mean an entry, and how to explain the match. */
export interface SearchKey {
  text: string;
  /** Shown when this key, not the display name, is what matched: "German spelling of Khrushchev". */
  note?: string;
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

interface IndexedKey {
  entry: number;
  norm: string;
  /** `norm` lower-cased again, as Fuse does (the same string unless that changes it). */
  lower: string;
  note: string | undefined;
}

/** A confident match needs this score and this lead over the next entry. */
export const CONFIDENT_SCORE = 0.8;
export const CONFIDENT_MARGIN = 0.05;
const MIN_RESULT_SCORE = 0.45;
const MAX_QUERY_TOKENS = 8;
const SOUND_ALIKE = 0.92;

/**
 * A rough sound-alike form of a Latin token: the spelling habits that differ between languages
 * and transliteration systems without changing how a Russian name sounds.
 */
export function soundKey(token: string): string {
  return token
    .replace(/tsch|tch|tsh|cz|ch/g, "c")
    .replace(/sch|sz|sh|ch/g, "s")
    .replace(/zh|ż/g, "z")
    .replace(/kh/g, "h")
    .replace(/ph/g, "f")
    .replace(/w/g, "v")
    .replace(/ks|x/g, "ks")
    .replace(/tz|ts/g, "c")
    .replace(/[yj]/g, "i")
    .replace(/ou/g, "u")
    .replace(/f+$/, "v")
    .replace(/(.)\1+/g, "$1");
}
const MAX_QUERY_LENGTH = 100;

/** Gram lists longer than this are too common to narrow anything down and are skipped. */
const MAX_GRAM_LIST = 20000;
/** Tokens a prefix may stand for: in autocomplete, and for an initial in search. */
const MAX_PREFIX_TOKENS = 2000;
const MAX_INITIAL_TOKENS = 5000;
/**
 * In the partial-match fallback, tokens on more keys than this (a first name shared by
 * thousands) are too common to narrow anything down and are not followed: keys that contain
 * them are still reached through their rarer tokens. (The real dataset's commonest token is on
 * a few dozen keys, so there this changes nothing; it bounds the work on very large datasets.)
 */
const MAX_PARTIAL_POSTINGS = 2000;

/** Rows for `similarity`, grown as needed. */
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

/** For `OsaPattern`: per character code, the positions where it occurs in the pattern, as bits. */
const peq = new Int32Array(65536);
/** The longest pattern `OsaPattern` handles (positions must fit in a 32-bit integer). */
const OSA_MAX_PATTERN = 30;

/**
 * Optimal-string-alignment distances from one pattern of at most OSA_MAX_PATTERN characters,
 * computed bit-parallel (Hyyrö's variant of Myers' algorithm with transpositions): the same
 * (optimal string alignment) distance, about ten times faster than a row-by-row table for short tokens.
 */
class OsaPattern {
  private readonly all: number;
  private readonly high: number;

  constructor(private readonly pattern: string) {
    const m = pattern.length;
    this.all = m === 31 ? 0x7fffffff : (1 << m) - 1;
    this.high = 1 << (m - 1);
    for (let i = 0; i < m; i++) {
      const c = pattern.charCodeAt(i);
      peq[c] = (peq[c] as number) | (1 << i);
    }
  }

  distance(text: string): number {
    const high = this.high;
    let vp = this.all;
    let vn = 0;
    let d = this.pattern.length;
    let d0prev = 0;
    let pmPrev = 0;
    for (let j = 0; j < text.length; j++) {
      const pm = peq[text.charCodeAt(j)] as number;
      const tr = ((~d0prev & pm) << 1) & pmPrev;
      const d0 = (((pm & vp) + vp) ^ vp) | pm | vn | tr;
      let hp = vn | ~(d0 | vp);
      const hn = vp & d0;
      if (hp & high) d++;
      else if (hn & high) d--;
      hp = (hp << 1) | 1;
      vp = (hn << 1) | ~(d0 | hp);
      vn = hp & d0;
      d0prev = d0;
      pmPrev = pm;
    }
    return d;
  }

  /** Clears the shared table; call when done with this pattern. */
  release(): void {
    for (let i = 0; i < this.pattern.length; i++) peq[this.pattern.charCodeAt(i)] = 0;
  }
}

/** Optimal-string-alignment distance (Levenshtein plus adjacent transpositions), capped at `max`. */
function osaDistance(a: string, b: string, max: number): number {
  const la = a.length;
  const lb = b.length;
  if (lb + 1 > rowA.length) {
    rowA = new Int32Array(2 * (lb + 1));
    rowB = new Int32Array(2 * (lb + 1));
    rowC = new Int32Array(2 * (lb + 1));
  }
  let prevPrev = rowA;
  let prev = rowB;
  let cur = rowC;
  for (let j = 0; j <= lb; j++) {
    prevPrev[j] = 0;
    prev[j] = j;
    cur[j] = 0;
  }
  for (let i = 1; i <= la; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      const cost = ca === cb ? 0 : 1;
      let v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        v = Math.min(v, (prevPrev[j - 2] as number) + 1);
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prevPrev;
    prevPrev = prev;
    prev = cur;
    cur = t;
  }
  return prev[lb] as number;
}

/**
 * Token similarity without allocating: 1 - distance / longer length, or 0
 * past half the longer length. `pattern`, when given, is `a` prepared for bit-parallel distances.
 * (The early exit of the capped distance only fires when the full distance is past the cap too,
 * so the full distance gives the same result.)
 */
function similarity(a: string, b: string, pattern?: OsaPattern): number {
  const la = a.length;
  const lb = b.length;
  const longer = Math.max(la, lb);
  if (longer === 0) return 1;
  const max = Math.floor(longer / 2);
  let d: number;
  if (a === b) d = 0;
  else if (Math.abs(la - lb) > max) d = max + 1;
  else if (la === 0) d = lb;
  else if (lb === 0) d = la;
  else d = pattern ? pattern.distance(b) : osaDistance(a, b, max);
  return d > max ? 0 : 1 - d / longer;
}

/**
 * fuse.js for partial, fuzzy autocomplete input ("krush"): a threshold of 0.3 errors per pattern
 * character, anywhere in the key, scored without Fuse's field-length norm (keys are short names).
 */
export const FUSE_OPTIONS = {
  includeScore: true,
  ignoreLocation: true,
  ignoreFieldNorm: true,
  threshold: 0.3,
  isCaseSensitive: true, // keys and pattern are lower-cased already
} as const;
/** Fuse's bitap pattern length limit: longer patterns are searched in chunks of this size. */
const BITAP_CHUNK = 32;

/** Fuse's split of a lower-cased pattern into chunks of at most 32 characters. */
export function fuseChunks(pattern: string): string[] {
  if (pattern.length <= BITAP_CHUNK) return [pattern];
  const chunks: string[] = [];
  const remainder = pattern.length % BITAP_CHUNK;
  const end = pattern.length - remainder;
  for (let i = 0; i < end; i += BITAP_CHUNK) chunks.push(pattern.slice(i, i + BITAP_CHUNK));
  if (remainder) chunks.push(pattern.slice(pattern.length - BITAP_CHUNK));
  return chunks;
}

/** For `CharBounds`: each character's slot among the pattern's distinct characters, plus one. */
const charSlot = new Int32Array(65536);

/**
 * Whether a key can match the pattern within Fuse's threshold at all, from character counts: an
 * occurrence of a chunk with k errors keeps at least (length - k) of the chunk's characters, so a
 * text holding only m of them needs at least (length - m) errors. Fuse finds a match when any chunk
 * does, so a key is worth scoring when some chunk is within the threshold by this count.
 */
export class CharBounds {
  private readonly codes: number[] = [];
  /** Per chunk, per slot: how many times the chunk has the character. */
  private readonly need: Int32Array;
  private readonly have: Int32Array;

  constructor(
    pattern: string,
    private readonly chunks: string[],
  ) {
    for (let i = 0; i < pattern.length; i++) {
      const code = pattern.charCodeAt(i);
      if (charSlot[code] === 0) {
        this.codes.push(code);
        charSlot[code] = this.codes.length;
      }
    }
    const slots = this.codes.length;
    this.need = new Int32Array(chunks.length * slots);
    this.have = new Int32Array(slots);
    chunks.forEach((chunk, c) => {
      for (let i = 0; i < chunk.length; i++) this.need[c * slots + charSlot[chunk.charCodeAt(i)]! - 1]!++;
    });
  }

  canMatch(text: string, threshold: number): boolean {
    const slots = this.codes.length;
    const have = this.have;
    have.fill(0);
    for (let i = 0; i < text.length; i++) {
      const slot = charSlot[text.charCodeAt(i)] as number;
      if (slot > 0) have[slot - 1]!++;
    }
    for (let c = 0; c < this.chunks.length; c++) {
      const length = (this.chunks[c] as string).length;
      let kept = 0;
      for (let slot = 0; slot < slots; slot++)
        kept += Math.min(this.need[c * slots + slot] as number, have[slot] as number);
      if ((length - kept) / length <= threshold) return true;
    }
    return false;
  }

  /** Clears the shared character slots. */
  release(): void {
    for (const code of this.codes) charSlot[code] = 0;
  }
}

/** Per-key columns collected while building, stored as typed arrays once built. */
interface KeyColumns {
  tokStart: number[];
  toks: number[];
  length: number[];
}

/**
 * Buffers reused by every query, indexed by entry, key or vocabulary id. A value is valid only
 * where its stamp equals the current query's, so nothing has to be cleared between queries.
 */
class Scratch {
  // Autocomplete prefix matches, per entry: first key seen, first key without a note seen.
  readonly acStamp: Int32Array;
  readonly acFirst: Int32Array;
  readonly acPlain: Int32Array;
  readonly acNoteKey: Int32Array;
  acGen = 0;
  // Scoring, per entry: the query tokens it may match, its best score, the key whose note goes
  // with it (-1: none), whether a key matched exactly, and its place in the scoring order.
  readonly sStamp: Int32Array;
  readonly sMask: Int32Array;
  readonly sExactKey: Int32Array;
  readonly sScore: Float64Array;
  readonly sNoteKey: Int32Array;
  readonly sExact: Uint8Array;
  readonly sSlot: Float64Array;
  /** Per entry and query token: the best similarity among the tokens it was found through. */
  readonly sBest: Float64Array;
  readonly sBound: Float64Array;
  /** 1 where the entry was found through a token at least 0.8 similar to some query token. */
  readonly sCovers: Uint8Array;
  sGen = 0;
  // Query-token similarities, per vocabulary id: a row with one value per query token.
  readonly relStamp: Int32Array;
  readonly relRow: Int32Array;
  rowVals = new Float64Array(1024);
  /** Where the token stands in each query token's list of similar tokens (-1: not there). */
  rowPos = new Int32Array(1024);
  rowCovered = new Uint8Array(128);
  relGen = 0;
  // Trigram counts, per vocabulary id, with the ids in the order first seen.
  readonly countStamp: Int32Array;
  readonly counts: Int32Array;
  readonly countTouched: Int32Array;
  countGen = 0;
  // Tokens the last query token's prefix matches, and their place in vocabulary order.
  readonly tokStamp: Int32Array;
  readonly tokPos: Int32Array;
  tokGen = 0;
  // Keys already taken as partial-match candidates.
  readonly keyStamp: Int32Array;
  readonly keyList: Int32Array;
  keyGen = 0;
  // One entry's candidate keys, with their order.
  keyOrder = new Float64Array(64);
  keyIds = new Int32Array(64);
  readonly perQuery = new Float64Array(MAX_QUERY_TOKENS);
  readonly bag = new Float64Array(MAX_QUERY_TOKENS);

  constructor(entries: number, keys: number, vocab: number) {
    this.keyStamp = new Int32Array(keys);
    this.keyList = new Int32Array(keys);
    this.acStamp = new Int32Array(entries);
    this.acFirst = new Int32Array(entries);
    this.acPlain = new Int32Array(entries);
    this.acNoteKey = new Int32Array(entries);
    this.sStamp = new Int32Array(entries);
    this.sMask = new Int32Array(entries);
    this.sExactKey = new Int32Array(entries);
    this.sScore = new Float64Array(entries);
    this.sNoteKey = new Int32Array(entries);
    this.sExact = new Uint8Array(entries);
    this.sSlot = new Float64Array(entries);
    this.sBest = new Float64Array(entries * MAX_QUERY_TOKENS);
    this.sBound = new Float64Array(entries);
    this.sCovers = new Uint8Array(entries);
    this.relStamp = new Int32Array(vocab);
    this.relRow = new Int32Array(vocab);
    this.countStamp = new Int32Array(vocab);
    this.counts = new Int32Array(vocab);
    this.countTouched = new Int32Array(vocab);
    this.tokStamp = new Int32Array(vocab);
    this.tokPos = new Int32Array(vocab);
  }
}

/** A binary min-heap of small integers under a comparison that may change only for popped items. */
class IntHeap {
  private items: number[] = [];
  constructor(private readonly less: (a: number, b: number) => boolean) {}
  get size(): number {
    return this.items.length;
  }
  peek(): number {
    return this.items[0] as number;
  }
  push(x: number): void {
    const a = this.items;
    let i = a.length;
    a.push(x);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(x, a[parent] as number)) break;
      a[i] = a[parent] as number;
      i = parent;
    }
    a[i] = x;
  }
  /** Restores the heap after the top item's key grew, or removes the top item. */
  fixTop(remove: boolean): void {
    const a = this.items;
    if (remove) {
      const last = a.pop() as number;
      if (a.length === 0) return;
      a[0] = last;
    }
    const x = a[0] as number;
    const n = a.length;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && this.less(a[r] as number, a[l] as number) ? r : l;
      if (!this.less(a[c] as number, x)) break;
      a[i] = a[c] as number;
      i = c;
    }
    a[i] = x;
  }
}

/**
 * Name search over people and offices. Built once at start-up; every query touches only the
 * keys that share a token, a trigram or a prefix with it, and ranks entries best known first,
 * so that it can stop once nothing left could change the answer.
 */
export class SearchIndex {
  private readonly entries: SearchEntry[];
  private readonly entryById = new Map<string, number>();
  private readonly keys: IndexedKey[] = [];
  /** The entry of each key. Each entry's keys have consecutive ids, from `entryKeys[entry]`. */
  private keyEntry: Int32Array = new Int32Array(0);
  private readonly entryKeys: Int32Array;
  /** Each key's token ids: `keyToks[keyTokStart[key] .. keyTokStart[key + 1]]`, in order, repeats kept. */
  private keyTokStart: Int32Array = new Int32Array(0);
  private keyToks: Int32Array = new Int32Array(0);
  /** Total characters of each key's tokens, for coverage. */
  private keyLength: Int32Array = new Int32Array(0);
  /** 1 where the key has a (non-empty) note. */
  private keyNoted: Uint8Array = new Uint8Array(0);
  private readonly vocabLength: Int32Array;
  /** 1 for offices, 0 for people. */
  private readonly entryIsOffice: Uint8Array;
  /** Keys by normalised text: one key id, or several. */
  private readonly exact = new Map<string, number | number[]>();
  private readonly vocab: string[] = [];
  private readonly vocabId = new Map<string, number>();
  /** Keys containing each token, by key id. */
  private readonly postings: number[][] = [];
  /** The same keys, better-known entries first: `rankedKeys[rankedStart[t] .. rankedStart[t + 1]]`. */
  private readonly rankedStart: Int32Array;
  private readonly rankedKeys: Int32Array;
  /** The entry of each key in `rankedKeys`, so that walking them reads one array in order. */
  private readonly rankedEntries: Int32Array;
  private readonly gramIndex = new Map<string, number[]>();
  private readonly soundIndex = new Map<string, number[]>();
  /** Vocabulary ids sorted by token, for prefix ranges. */
  private readonly sortedVocab: number[];
  /** Per token: how many of its keys have no note. */
  private readonly plainKeys: Int32Array;
  /** Keys on the first i tokens of `sortedVocab`, counted with repeats. */
  private readonly sortedVolume: Float64Array;
  private readonly defaults: Record<EntryKind | "all", number[]>;
  /** Each entry's place in `compareEntriesByFields` order; entries that compare equal share a rank. */
  private readonly rank: Int32Array;
  /** Entries in rank order (equal ranks by index). */
  private readonly byRank: Int32Array;
  private scratchBuffers: Scratch | undefined;

  constructor(entries: readonly SearchEntry[]) {
    this.entries = entries.slice();
    const n = this.entries.length;
    this.entryKeys = new Int32Array(n + 1);
    this.entryIsOffice = new Uint8Array(n);
    const keyEntry: number[] = [];
    const flat: KeyColumns = { tokStart: [0], toks: [], length: [] };
    for (let entryIndex = 0; entryIndex < n; entryIndex++) {
      const entry = this.entries[entryIndex] as SearchEntry;
      if (!this.entryById.has(entry.id)) this.entryById.set(entry.id, entryIndex);
      this.entryIsOffice[entryIndex] = entry.kind === "office" ? 1 : 0;
      this.entryKeys[entryIndex] = this.keys.length;
      const seen = new Set<string>();
      this.addKey(entryIndex, seen, entry.label, undefined, flat);
      for (const key of entry.keys) this.addKey(entryIndex, seen, key.text, key.note, flat);
      while (keyEntry.length < this.keys.length) keyEntry.push(entryIndex);
    }
    this.entryKeys[n] = this.keys.length;
    this.keyEntry = Int32Array.from(keyEntry);
    this.keyTokStart = Int32Array.from(flat.tokStart);
    this.keyToks = Int32Array.from(flat.toks);
    this.keyLength = Int32Array.from(flat.length);
    this.keyNoted = Uint8Array.from(this.keys, (k) => (k.note ? 1 : 0));
    this.vocabLength = Int32Array.from(this.vocab, (t) => t.length);
    this.sortedVocab = this.vocab.map((_, i) => i).sort((a, b) => (this.vocab[a]! < this.vocab[b]! ? -1 : 1));
    this.plainKeys = new Int32Array(this.vocab.length);
    this.postings.forEach((keys, t) => {
      for (const k of keys) if ((this.keys[k] as IndexedKey).note === undefined) this.plainKeys[t]!++;
    });
    this.sortedVolume = new Float64Array(this.vocab.length + 1);
    this.sortedVocab.forEach((t, i) => {
      this.sortedVolume[i + 1] = (this.sortedVolume[i] as number) + (this.postings[t] as number[]).length;
    });

    const all = this.entries.map((_, i) => i);
    // One stable sort; filtering it keeps the order sorting each kind on its own would give.
    const byDefault = all.slice().sort((a, b) => this.compareDefault(this.entries[a]!, this.entries[b]!));
    this.defaults = {
      all: byDefault,
      person: byDefault.filter((i) => this.entries[i]!.kind === "person"),
      office: byDefault.filter((i) => this.entries[i]!.kind === "office"),
    };

    const byRank = all.sort((a, b) => this.compareEntriesByFields(a, b));
    this.byRank = Int32Array.from(byRank);
    this.rank = new Int32Array(n);
    let r = 0;
    byRank.forEach((entry, i) => {
      if (i > 0 && this.compareEntriesByFields(byRank[i - 1]!, entry) !== 0) r++;
      this.rank[entry] = r;
    });

    // Postings again, in rank order: entries in rank order, each entry's keys in id order.
    this.rankedStart = new Int32Array(this.vocab.length + 1);
    for (let t = 0; t < this.vocab.length; t++)
      this.rankedStart[t + 1] = (this.rankedStart[t] as number) + (this.postings[t] as number[]).length;
    this.rankedKeys = new Int32Array(this.rankedStart[this.vocab.length] as number);
    this.rankedEntries = new Int32Array(this.rankedKeys.length);
    const fill = this.rankedStart.slice(0, this.vocab.length);
    for (const entry of byRank) {
      for (let keyId = this.entryKeys[entry]!; keyId < this.entryKeys[entry + 1]!; keyId++) {
        const toks = this.keyToks.subarray(this.keyTokStart[keyId], this.keyTokStart[keyId + 1]);
        toks.forEach((t, i) => {
          if (toks.indexOf(t) === i) {
            this.rankedEntries[fill[t] as number] = entry;
            this.rankedKeys[fill[t]!++] = keyId;
          }
        });
      }
    }
  }

  private addKey(
    entry: number,
    seen: Set<string>,
    text: string,
    note: string | undefined,
    flat: KeyColumns,
  ): void {
    const norm = normalizeName(text).slice(0, MAX_QUERY_LENGTH);
    if (!norm || seen.has(norm)) return;
    seen.add(norm);
    const keyId = this.keys.length;
    const first = flat.toks.length;
    let length = 0;
    for (const tok of tokens(norm)) {
      length += tok.length;
      const id = this.tokenId(tok);
      // Each distinct token posts the key once.
      if (flat.toks.indexOf(id, first) < 0) (this.postings[id] as number[]).push(keyId);
      flat.toks.push(id);
    }
    flat.tokStart.push(flat.toks.length);
    flat.length.push(length);
    const lower = norm.toLowerCase();
    this.keys.push({ entry, norm, lower: lower === norm ? norm : lower, note });
    const list = this.exact.get(norm);
    if (list === undefined) this.exact.set(norm, keyId);
    else if (typeof list === "number") this.exact.set(norm, [list, keyId]);
    else list.push(keyId);
  }

  private scratch(): Scratch {
    this.scratchBuffers ??= new Scratch(this.entries.length, this.keys.length, this.vocab.length);
    return this.scratchBuffers;
  }

  /** The default list: entries with an order (the leaders, in order) first, then the best known. */
  private compareDefault(a: SearchEntry, b: SearchEntry): number {
    const ao = Number.isFinite(a.order) ? a.order : Number.MAX_SAFE_INTEGER;
    const bo = Number.isFinite(b.order) ? b.order : Number.MAX_SAFE_INTEGER;
    return ao - bo || a.prominence - b.prominence || a.label.localeCompare(b.label);
  }

  get size(): number {
    return this.entries.length;
  }

  private tokenId(token: string): number {
    let id = this.vocabId.get(token);
    if (id === undefined) {
      id = this.vocab.length;
      this.vocab.push(token);
      this.vocabId.set(token, id);
      this.postings.push([]);
      const sound = soundKey(token);
      const same = this.soundIndex.get(sound);
      if (same) same.push(id);
      else this.soundIndex.set(sound, [id]);
      for (const g of new Set(trigrams(token))) {
        const list = this.gramIndex.get(g);
        if (list) list.push(id);
        else this.gramIndex.set(g, [id]);
      }
    }
    return id;
  }

  private kindMatches(entry: number, kind: EntryKind | undefined): boolean {
    return !kind || (this.entryIsOffice[entry] === 1) === (kind === "office");
  }

  /** Vocabulary tokens beginning with `prefix`, at most `cap` of them. */
  private prefixTokens(prefix: string, cap: number): number[] {
    let lo = 0;
    let hi = this.sortedVocab.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.vocab[this.sortedVocab[mid]!] as string) < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: number[] = [];
    for (let i = lo; i < this.sortedVocab.length && out.length < cap; i++) {
      const id = this.sortedVocab[i]!;
      if (!(this.vocab[id] as string).startsWith(prefix)) break;
      out.push(id);
    }
    return out;
  }

  /**
   * How many of `grams` each vocabulary token shares, skipping grams too common to help. Fills
   * the scratch counts and returns how many ids it touched (in `countTouched`, first seen first).
   */
  private countGrams(grams: Iterable<string>): number {
    const s = this.scratch();
    const gen = ++s.countGen;
    let n = 0;
    for (const g of grams) {
      const list = this.gramIndex.get(g);
      if (!list || list.length > MAX_GRAM_LIST) continue;
      for (const id of list) {
        if (s.countStamp[id] !== gen) {
          s.countStamp[id] = gen;
          s.counts[id] = 1;
          s.countTouched[n++] = id;
        } else s.counts[id]!++;
      }
    }
    return n;
  }

  /** Vocabulary tokens similar to `q`, each with its similarity. */
  private similarTokens(q: string): Map<number, number> {
    const sims = new Map<number, number>();
    const exactId = this.vocabId.get(q);
    if (exactId !== undefined) sims.set(exactId, 1);
    if (q.length <= 2) {
      // One or two letters are an initial: "K. Chernenko", "Yu. V. Andropov".
      for (const id of this.prefixTokens(q, MAX_INITIAL_TOKENS)) sims.set(id, 1);
      return sims;
    }
    // Spellings that sound alike ("Andropoff", "Molotow", "Breschnew") count almost as exact.
    for (const id of this.soundIndex.get(soundKey(q)) ?? []) {
      if (!sims.has(id)) sims.set(id, SOUND_ALIKE);
    }
    const grams = new Set(trigrams(q));
    const touched = this.countGrams(grams);
    const { counts, countTouched } = this.scratch();
    const needed = Math.max(1, Math.floor(grams.size * 0.3));
    const pattern = q.length <= OSA_MAX_PATTERN ? new OsaPattern(q) : undefined;
    const { vocabLength } = this;
    try {
      for (let i = 0; i < touched; i++) {
        const id = countTouched[i] as number;
        if ((counts[id] as number) < needed || (sims.get(id) ?? 0) >= 1) continue;
        // Lengths too far apart score 0 (checked here without loading the token).
        const length = vocabLength[id] as number;
        if (Math.abs(q.length - length) > Math.floor(Math.max(q.length, length) / 2)) continue;
        const s = similarity(q, this.vocab[id] as string, pattern);
        if (s >= 0.5 && s > (sims.get(id) ?? 0)) sims.set(id, s);
      }
    } finally {
      pattern?.release();
    }
    return sims;
  }

  /** Ranked, scored matches for a name or title, and the confident best match if there is one. */
  search(query: string, options: SearchOptions = {}): SearchResult {
    const limit = options.limit ?? 10;
    const norm = normalizeName(query).slice(0, MAX_QUERY_LENGTH);
    const qToks = tokens(norm).slice(0, MAX_QUERY_TOKENS);
    if (qToks.length === 0) return { query, best: null, results: [] };

    // Only the results and the runner-up are needed, unless `limit` is not a plain count.
    const needed = Number.isInteger(limit) && limit >= 0 ? Math.max(limit, 2) : Number.POSITIVE_INFINITY;
    const ranked = this.rankEntries(norm, qToks, options.kind, needed);
    const { sScore, sNoteKey, sExact } = this.scratch();
    const results = ranked
      .slice(0, limit)
      .map((e) => this.hit(e, sScore[e] as number, this.noteOf(sNoteKey[e]!)));
    const top = ranked[0];
    const second = ranked[1];
    const confident =
      top !== undefined &&
      (sScore[top] as number) >= CONFIDENT_SCORE &&
      (sExact[top] === 1 || norm.replace(/ /g, "").length >= 4) &&
      (second === undefined || (sScore[top] as number) - (sScore[second] as number) >= CONFIDENT_MARGIN);
    return {
      query,
      best: confident && top !== undefined ? (this.entries[top] as SearchEntry).id : null,
      results,
    };
  }

  private noteOf(keyId: number): string | undefined {
    return keyId < 0 ? undefined : (this.keys[keyId] as IndexedKey).note;
  }

  /** Better known first: prominence, then list order, then label. */
  private compareEntriesByFields(a: number, b: number): number {
    const ea = this.entries[a] as SearchEntry;
    const eb = this.entries[b] as SearchEntry;
    return ea.prominence - eb.prominence || ea.order - eb.order || ea.label.localeCompare(eb.label);
  }

  private hit(entryIndex: number, score: number, note: string | undefined): SearchHit {
    const e = this.entries[entryIndex] as SearchEntry;
    const hit: SearchHit = { id: e.id, kind: e.kind, label: e.label, score: Math.round(score * 1000) / 1000 };
    if (note) hit.matched = note;
    return hit;
  }

  /**
   * The `needed` best entries scoring at least MIN_RESULT_SCORE, best first: by score, then the
   * better known, then the one scored first. An entry's score is the best of its keys' scores
   * (a key matching the whole query exactly scores 1; otherwise it is how well the query tokens
   * match the key's tokens, weighted by their length, and how much of the key they cover) and,
   * for several query tokens, of the "bag" of all its keys' tokens.
   *
   * Scores, notes and exact flags are left in the scratch buffers. Entries are scored one at a
   * time, those that could score highest first, and skipped once even their best possible score
   * could not make the list; the result is the same as scoring every entry.
   */
  private rankEntries(norm: string, qToks: string[], kind: EntryKind | undefined, needed: number): number[] {
    const s = this.scratch();
    const gen = ++s.sGen;
    const { sStamp, sMask, sExactKey, sScore, sSlot } = s;
    const nq = qToks.length;
    const candidates: number[] = [];
    const { sCovers } = s;
    const mark = (entry: number) => {
      sStamp[entry] = gen;
      sMask[entry] = 0;
      sCovers[entry] = 0;
      sExactKey[entry] = -1;
      candidates.push(entry);
    };

    // Keys that are the whole query score 1 and come first.
    const exactKeys = this.exact.get(norm);
    const exactList = typeof exactKeys === "number" ? [exactKeys] : (exactKeys ?? []);
    exactList.forEach((keyId, i) => {
      const entry = this.keyEntry[keyId] as number;
      if (!this.kindMatches(entry, kind)) return;
      if (sStamp[entry] !== gen) mark(entry);
      if ((sExactKey[entry] as number) < 0) {
        sExactKey[entry] = keyId;
        sSlot[entry] = i - exactList.length;
      }
    });

    // Similar tokens per query token: one row per token, one column per query token.
    const sims = qToks.map((q) => this.similarTokens(q));
    const weights = qToks.map((q) => (q.length <= 2 ? 0.5 : Math.min(q.length, 8)));
    const totalWeight = weights.reduce((a, b) => a + b, 0);
    const relGen = ++s.relGen;
    let rows = 0;
    let widest = 0;
    const maxSim = new Float64Array(nq);
    sims.forEach((m, qi) => {
      widest = Math.max(widest, m.size);
      let pos = 0;
      for (const [id, v] of m) {
        if (s.relStamp[id] !== relGen) {
          s.relStamp[id] = relGen;
          s.relRow[id] = rows;
          if ((rows + 1) * nq > s.rowVals.length) {
            const vals = new Float64Array(s.rowVals.length * 2 + nq);
            vals.set(s.rowVals);
            s.rowVals = vals;
            const positions = new Int32Array(s.rowPos.length * 2 + nq);
            positions.set(s.rowPos);
            s.rowPos = positions;
          }
          s.rowVals.fill(0, rows * nq, (rows + 1) * nq);
          s.rowPos.fill(-1, rows * nq, (rows + 1) * nq);
          rows++;
        }
        const cell = (s.relRow[id] as number) * nq + qi;
        s.rowVals[cell] = v;
        s.rowPos[cell] = pos++;
        if (v > (maxSim[qi] as number)) maxSim[qi] = v;
      }
    });
    if (rows > s.rowCovered.length) s.rowCovered = new Uint8Array(rows * 2);
    const { rowVals, rowCovered } = s;
    for (let row = 0; row < rows; row++) {
      let covers = 0;
      for (let qi = 0; qi < nq; qi++) if ((rowVals[row * nq + qi] as number) >= 0.8) covers = 1;
      rowCovered[row] = covers;
    }

    // The most entries matching only some query tokens could score: the same sum as a key's
    // score, with each of those tokens at its best similarity.
    const boundOf = new Float64Array(1 << nq);
    for (let mask = 0; mask < 1 << nq; mask++) {
      let acc = 0;
      for (let qi = 0; qi < nq; qi++)
        acc = acc + (mask & (1 << qi) ? (maxSim[qi] as number) : 0) * weights[qi]!;
      boundOf[mask] = acc / totalWeight;
    }

    // A lone initial ("a", "yu"): every candidate could score 1, so take them best known first.
    if (nq === 1 && (qToks[0] as string).length <= 2)
      return this.rankByRankOrder(
        candidates,
        sims[0] as ReadonlyMap<number, number>,
        kind,
        needed,
        weights,
        totalWeight,
        relGen,
        Math.max(1, widest),
      );

    // Every entry with a key containing a similar token, and which query tokens it can match.
    // Entries that match only query tokens too light to reach MIN_RESULT_SCORE together (the
    // initials in "V. I. Lenin") cannot be results, so those tokens' keys are not walked: the
    // entries found through the others are assumed to match them too.
    const { rankedStart, rankedEntries } = this;
    const volume = sims.map((m) => {
      let n = 0;
      for (const tokenId of m.keys())
        n += (rankedStart[tokenId + 1] as number) - (rankedStart[tokenId] as number);
      return n;
    });
    // Worth it for tokens that add little to any bound (initials) or have more keys than all the
    // others together: skipping a selective token would leave loose bounds on all the rest.
    let skipped = 0;
    let walked = volume.reduce((a, b) => a + b, 0);
    for (const qi of qToks.map((_, i) => i).sort((a, b) => volume[b]! - volume[a]!)) {
      const rest = walked - (volume[qi] as number);
      const light = (boundOf[1 << qi] as number) <= 0.1;
      if (
        (light || (volume[qi] as number) > rest) &&
        (boundOf[skipped | (1 << qi)] as number) < MIN_RESULT_SCORE
      ) {
        skipped |= 1 << qi;
        walked = rest;
      }
    }
    const { sBest } = s;
    sims.forEach((m, qi) => {
      const bit = 1 << qi;
      if (skipped & bit) return;
      for (const [tokenId, v] of m) {
        const covers = rowCovered[s.relRow[tokenId] as number] as number;
        for (let p = rankedStart[tokenId] as number; p < (rankedStart[tokenId + 1] as number); p++) {
          const entry = rankedEntries[p] as number;
          if (sStamp[entry] !== gen) {
            if (!this.kindMatches(entry, kind)) continue;
            mark(entry);
          }
          sCovers[entry] = (sCovers[entry] as number) | covers;
          const cell = entry * MAX_QUERY_TOKENS + qi;
          if (!((sMask[entry] as number) & bit)) {
            sMask[entry] = (sMask[entry] as number) | bit;
            sBest[cell] = v;
          } else if (v > (sBest[cell] as number)) sBest[cell] = v;
        }
      }
    });
    // The most an entry can score: the same sum as a key's score, with each query token at the
    // best similarity of the tokens the entry was found through (any token, for those skipped),
    // which none of its keys, nor its bag, can exceed. A key none of whose tokens is at least 0.8
    // similar covers nothing and keeps at most 0.75 of that; a bag keeps at most 0.9.
    const uncovered = skipped === 0 ? (nq > 1 ? 0.9 : 0.75) : 1;
    const bounds = s.sBound;
    for (const entry of candidates) {
      if ((sExactKey[entry] as number) >= 0) {
        bounds[entry] = 1;
        continue;
      }
      const mask = sMask[entry] as number;
      let acc = 0;
      for (let qi = 0; qi < nq; qi++) {
        const bit = 1 << qi;
        const v =
          skipped & bit
            ? (maxSim[qi] as number)
            : mask & bit
              ? (sBest[entry * MAX_QUERY_TOKENS + qi] as number)
              : 0;
        acc = acc + v * weights[qi]!;
      }
      bounds[entry] = sCovers[entry] ? acc / totalWeight : (acc / totalWeight) * uncovered;
    }
    const bound = (entry: number) => bounds[entry] as number;

    // Highest bound first, then best known, so the list fills early with entries hard to beat.
    const order = (a: number, b: number) =>
      bound(b) - bound(a) || (this.rank[a] as number) - (this.rank[b] as number);
    let queue: number[];
    if (candidates.length > this.entries.length >> 4) {
      // Many candidates: walk all entries in rank order once, bucketed by bound.
      const buckets = new Map<number, number[]>();
      for (const entry of this.byRank) {
        if (sStamp[entry] !== gen) continue;
        const b = bound(entry);
        if (b < MIN_RESULT_SCORE) continue;
        const list = buckets.get(b);
        if (list) list.push(entry);
        else buckets.set(b, [entry]);
      }
      queue = [...buckets.keys()].sort((a, b) => b - a).flatMap((b) => buckets.get(b) as number[]);
    } else queue = candidates.filter((e) => bound(e) >= MIN_RESULT_SCORE).sort(order);

    // Score in that order, keeping the `needed` best; skip entries that cannot beat the last.
    const best: number[] = [];
    const width = Math.max(1, widest);
    for (const entry of queue) {
      if (best.length >= needed) {
        const last = best[best.length - 1] as number;
        const b = bound(entry);
        const lastScore = sScore[last] as number;
        if (b < lastScore || (b === lastScore && (this.rank[entry] as number) > (this.rank[last] as number)))
          continue;
      }
      this.scoreEntry(entry, nq, weights, totalWeight, relGen, width);
      this.insertRanked(best, entry, needed);
    }
    return best;
  }

  /**
   * For a query of one initial: walks the keys of its tokens best-known entries first (after
   * the exact matches in `scored`), scoring each new entry, and stops once the list is full of
   * entries scoring 1, which later (worse-known) entries could only tie and follow.
   */
  private rankByRankOrder(
    scored: number[],
    sims: ReadonlyMap<number, number>,
    kind: EntryKind | undefined,
    needed: number,
    weights: number[],
    totalWeight: number,
    relGen: number,
    width: number,
  ): number[] {
    const s = this.scratch();
    const { sStamp, sExactKey, sScore } = s;
    const gen = s.sGen;
    const { rankedEntries, rankedStart, rank } = this;
    const best: number[] = [];
    const keep = (entry: number) => {
      this.scoreEntry(entry, 1, weights, totalWeight, relGen, width);
      this.insertRanked(best, entry, needed);
    };
    for (const entry of scored) keep(entry);
    const lists = [...sims.keys()];
    const at = new Int32Array(lists.length);
    const end = new Int32Array(lists.length);
    lists.forEach((t, i) => {
      at[i] = rankedStart[t] as number;
      end[i] = rankedStart[t + 1] as number;
    });
    const headRank = (c: number) => rank[rankedEntries[at[c]!]!] as number;
    const heap = new IntHeap((a, b) => headRank(a) < headRank(b));
    for (let c = 0; c < lists.length; c++) if ((at[c] as number) < (end[c] as number)) heap.push(c);
    while (heap.size > 0) {
      const c = heap.peek();
      const entry = rankedEntries[at[c]!] as number;
      if (best.length >= needed) {
        const last = best[best.length - 1] as number;
        if ((sScore[last] as number) >= 1 && (rank[entry] as number) > (rank[last] as number)) break;
      }
      at[c]!++;
      heap.fixTop(at[c] === end[c]);
      if (sStamp[entry] === gen || !this.kindMatches(entry, kind)) continue;
      sStamp[entry] = gen;
      sExactKey[entry] = -1;
      keep(entry);
    }
    return best;
  }

  /**
   * Adds a scored entry to `best` if it makes the first `needed`: by score, then the better
   * known, then the one a scan of the postings meets first.
   */
  private insertRanked(best: number[], entry: number, needed: number): void {
    const { sScore, sSlot } = this.scratch();
    if ((sScore[entry] as number) < MIN_RESULT_SCORE) return;
    const before = (a: number, b: number) =>
      ((sScore[b] as number) - (sScore[a] as number) ||
        (this.rank[a] as number) - (this.rank[b] as number) ||
        (sSlot[a] as number) - (sSlot[b] as number)) < 0;
    if (best.length >= needed && !before(entry, best[best.length - 1] as number)) return;
    if (best.length >= needed) best.pop();
    let j = best.length;
    best.push(entry);
    while (j > 0 && before(entry, best[j - 1] as number)) {
      best[j] = best[j - 1] as number;
      j--;
    }
    best[j] = entry;
  }

  /**
   * Scores one entry: its exact key, then its keys that contain a similar token, in the order a
   * scan of the similar tokens' postings would meet them, then its bag. Of equal scores the
   * first wins, except that a key without a note beats one with a note.
   */
  private scoreEntry(
    entry: number,
    nq: number,
    weights: number[],
    totalWeight: number,
    relGen: number,
    width: number,
  ): void {
    const s = this.scratch();
    const { relStamp, relRow, rowVals, rowPos, rowCovered, sScore, sNoteKey, sExact, sSlot, sExactKey } = s;
    const { keyTokStart, keyToks, keyLength, keyNoted, vocabLength } = this;
    // Of equal scores the first wins, except that a key without a note beats one with a note.
    let score = -1;
    let noteKey = -1;
    const exactKey = sExactKey[entry] as number;
    if (exactKey >= 0) {
      score = 1;
      noteKey = exactKey;
    }

    // Candidate keys, and where a scan of the similar tokens' postings would first meet each.
    const from = this.entryKeys[entry] as number;
    const to = this.entryKeys[entry + 1] as number;
    if (to - from > s.keyIds.length) {
      s.keyIds = new Int32Array((to - from) * 2);
      s.keyOrder = new Float64Array((to - from) * 2);
    }
    const { keyIds, keyOrder } = s;
    let n = 0;
    for (let keyId = from; keyId < to; keyId++) {
      let first = Number.POSITIVE_INFINITY;
      for (let p = keyTokStart[keyId] as number; p < (keyTokStart[keyId + 1] as number); p++) {
        const t = keyToks[p] as number;
        if (relStamp[t] !== relGen) continue;
        const base = (relRow[t] as number) * nq;
        for (let qi = 0; qi < nq; qi++) {
          const pos = rowPos[base + qi] as number;
          if (pos < 0) continue;
          const at = (qi * width + pos) * this.keys.length + keyId;
          if (at < first) first = at;
          break;
        }
      }
      if (first === Number.POSITIVE_INFINITY) continue;
      let j = n++;
      while (j > 0 && (keyOrder[j - 1] as number) > first) {
        keyOrder[j] = keyOrder[j - 1] as number;
        keyIds[j] = keyIds[j - 1] as number;
        j--;
      }
      keyOrder[j] = first;
      keyIds[j] = keyId;
    }

    const { perQuery, bag } = s;
    bag.fill(0);
    for (let i = 0; i < n; i++) {
      const keyId = keyIds[i] as number;
      perQuery.fill(0);
      let covered = 0;
      for (let p = keyTokStart[keyId] as number; p < (keyTokStart[keyId + 1] as number); p++) {
        const t = keyToks[p] as number;
        if (relStamp[t] !== relGen) continue;
        const base = (relRow[t] as number) * nq;
        for (let qi = 0; qi < nq; qi++) {
          const v = rowVals[base + qi] as number;
          if (v > (perQuery[qi] as number)) perQuery[qi] = v;
        }
        if (rowCovered[relRow[t] as number]) covered += vocabLength[t] as number;
      }
      let acc = 0;
      for (let qi = 0; qi < nq; qi++) acc = acc + (perQuery[qi] as number) * (weights[qi] as number);
      const qMatch = acc / totalWeight;
      const length = keyLength[keyId] as number;
      const coverage = length === 0 ? 0 : covered / length;
      const value = qMatch * (0.75 + 0.25 * coverage);
      if (
        score < 0 ||
        value > score ||
        (value === score && !keyNoted[keyId] && noteKey >= 0 && keyNoted[noteKey])
      ) {
        score = value;
        noteKey = keyId;
      }
      for (let qi = 0; qi < nq; qi++)
        if ((perQuery[qi] as number) > (bag[qi] as number)) bag[qi] = perQuery[qi] as number;
    }
    if (nq > 1 && n > 0) {
      let acc = 0;
      for (let qi = 0; qi < nq; qi++) acc = acc + (bag[qi] as number) * (weights[qi] as number);
      const value = (acc / totalWeight) * 0.9;
      if (value > score || (value === score && noteKey >= 0 && keyNoted[noteKey])) {
        score = value;
        noteKey = -1;
      }
    }
    sScore[entry] = score;
    sNoteKey[entry] = noteKey;
    sExact[entry] = exactKey >= 0 ? 1 : 0;
    if (exactKey < 0) sSlot[entry] = keyOrder[0] as number;
  }

  /**
   * Choices for Discord autocomplete: prefix matches on any name first ("khr", "Бре", "sta"), then
   * fuzzy ones, at most 25; an empty query offers the default list (the leaders in order).
   */
  autocomplete(query: string, options: SearchOptions = {}): SearchHit[] {
    const limit = Math.min(options.limit ?? 25, 25);
    const kind = options.kind;
    const norm = normalizeName(query).slice(0, MAX_QUERY_LENGTH);
    const qToks = tokens(norm).slice(0, MAX_QUERY_TOKENS);
    const out = new Map<number, SearchHit>();
    const push = (entry: number, score: number, note: string | undefined) => {
      if (out.size >= limit && !out.has(entry)) return;
      const e = this.entries[entry] as SearchEntry;
      if (kind && e.kind !== kind) return;
      const prev = out.get(entry);
      if (!prev) out.set(entry, this.hit(entry, score, note));
    };
    if (qToks.length === 0) {
      for (const i of this.defaults[kind ?? "all"]) push(i, 1, undefined);
      return [...out.values()];
    }

    // 1. Keys in which every query token starts a key token.
    const room = Number.isNaN(limit) ? Number.POSITIVE_INFINITY : Math.max(0, Math.ceil(limit));
    for (const [entry, note] of this.prefixMatches(qToks, kind, room)) push(entry, 0.95, note);
    // Once the list is full nothing below can change it.
    if (out.size >= limit) return [...out.values()];

    // 2. Fuzzy whole-name matches from the scorer ("krushchev").
    const fuzzy = this.search(query, { limit, ...(kind ? { kind } : {}) });
    for (const h of fuzzy.results) {
      const idx = this.entryById.get(h.id) ?? -1;
      if (idx >= 0) push(idx, h.score, h.matched);
    }

    // 3. Fuzzy partial input ("krush"): fuse.js over keys sharing trigrams with the query.
    if (out.size < limit && norm.length >= 3)
      for (const f of this.fusePartial(norm, kind, limit)) push(f.entry, f.score, f.note);
    return [...out.values()];
  }

  /**
   * Entries with a name in which every word of the query starts a word ("Nik" → Nikita
   * Khrushchev, Nikolai Krestinsky): the candidates a "did you mean" menu offers when the query is
   * too short or too partial to score as a whole name.
   */
  startsOfNames(query: string, options: SearchOptions = {}): SearchHit[] {
    const norm = normalizeName(query).slice(0, MAX_QUERY_LENGTH);
    const qToks = tokens(norm).slice(0, MAX_QUERY_TOKENS);
    if (qToks.length === 0) return [];
    const limit = Math.max(0, Math.min(options.limit ?? 25, 25));
    return this.prefixMatches(qToks, options.kind, limit).map(([entry, note]) => this.hit(entry, 0.95, note));
  }

  /**
   * The first `room` entries of `kind` with a key in which every query token starts a key token,
   * each with the note to show: entries matched by a key without a note (the name itself) first,
   * then the better known, then in the order a scan of the last token's matching tokens (at most
   * MAX_PREFIX_TOKENS of them) would find them. Walks keys best-known entries first, through the
   * query token whose prefix has the fewest keys, and stops once the list is full.
   */
  private prefixMatches(
    qToks: string[],
    kind: EntryKind | undefined,
    room: number,
  ): [number, string | undefined][] {
    if (room <= 0) return [];
    const s = this.scratch();
    const gen = ++s.acGen;
    const { acStamp, acFirst, acPlain, acNoteKey, tokStamp, tokPos } = s;
    const { keyEntry, rankedKeys, rankedEntries, rankedStart, rank, keyTokStart, keyToks } = this;
    const last = qToks.length - 1;
    // The last token's matching tokens, in vocabulary order: a key must contain one of them.
    const [lastFrom, lastTo] = this.prefixRange(qToks[last] as string, MAX_PREFIX_TOKENS);
    let walkFrom = lastFrom;
    let walkTo = lastTo;
    let walkBy = last;
    for (let i = 0; i < last; i++) {
      const [from, to] = this.prefixRange(qToks[i] as string, Number.POSITIVE_INFINITY);
      if (this.prefixVolume(from, to) < this.prefixVolume(walkFrom, walkTo)) {
        walkFrom = from;
        walkTo = to;
        walkBy = i;
      }
    }
    const tokGen = ++s.tokGen;
    for (let i = lastFrom; i < lastTo; i++) {
      const t = this.sortedVocab[i] as number;
      tokStamp[t] = tokGen;
      tokPos[t] = i - lastFrom;
    }
    const others = qToks.filter((_, i) => i !== last && i !== walkBy);

    const lists = walkTo - walkFrom;
    const at = new Int32Array(lists);
    const end = new Int32Array(lists);
    for (let c = 0; c < lists; c++) {
      const t = this.sortedVocab[walkFrom + c] as number;
      at[c] = rankedStart[t] as number;
      end[c] = rankedStart[t + 1] as number;
    }
    const headRank = (c: number) => rank[rankedEntries[at[c]!]!] as number;
    const heap = new IntHeap((a, b) => headRank(a) < headRank(b));
    for (let c = 0; c < lists; c++) if ((at[c] as number) < (end[c] as number)) heap.push(c);
    // Keys without a note not walked yet: while there are some, one could still come first.
    let plainLeft = 0;
    for (let c = 0; c < lists; c++)
      plainLeft += this.plainKeys[this.sortedVocab[walkFrom + c] as number] as number;

    const plain: number[] = [];
    const noted: number[] = [];
    let seq = 0;
    const level: number[] = [];
    while (heap.size > 0 && plain.length < room && (plainLeft > 0 || plain.length + noted.length < room)) {
      // All keys of the next rank (one entry, or several that compare equal), in the order the
      // last token's scan meets them: by its first matching token, then by id.
      const r = headRank(heap.peek());
      level.length = 0;
      while (heap.size > 0 && headRank(heap.peek()) === r) {
        const c = heap.peek();
        const keyId = rankedKeys[at[c]!] as number;
        at[c]!++;
        heap.fixTop(at[c] === end[c]);
        if ((this.keys[keyId] as IndexedKey).note === undefined) plainLeft--;
        if (!this.kindMatches(keyEntry[keyId] as number, kind)) continue;
        let first = -1;
        for (let p = keyTokStart[keyId] as number; p < (keyTokStart[keyId + 1] as number); p++) {
          const t = keyToks[p] as number;
          if (tokStamp[t] === tokGen && (first < 0 || (tokPos[t] as number) < first))
            first = tokPos[t] as number;
        }
        if (first < 0 || (others.length > 0 && !this.startsEveryToken(keyId, others))) continue;
        level.push(first * this.keys.length + keyId);
      }
      level.sort((a, b) => a - b);
      const found: number[] = [];
      for (let i = 0; i < level.length; i++) {
        if (i > 0 && level[i] === level[i - 1]) continue;
        const keyId = (level[i] as number) % this.keys.length;
        const entry = keyEntry[keyId] as number;
        seq++;
        if (acStamp[entry] !== gen) {
          acStamp[entry] = gen;
          acFirst[entry] = seq;
          acPlain[entry] = -1;
          acNoteKey[entry] = keyId;
          found.push(entry);
        }
        if ((this.keys[keyId] as IndexedKey).note === undefined && (acPlain[entry] as number) < 0)
          acPlain[entry] = seq;
      }
      if (found.length > 1) found.sort((a, b) => this.firstSeen(a) - this.firstSeen(b));
      for (const e of found) ((acPlain[e] as number) >= 0 ? plain : noted).push(e);
    }
    return [...plain, ...noted]
      .slice(0, room)
      .map((e) => [e, (acPlain[e] as number) >= 0 ? undefined : this.noteOf(acNoteKey[e] as number)]);
  }

  /** The tokens beginning with `prefix`: positions [from, to) in `sortedVocab`, at most `cap`. */
  private prefixRange(prefix: string, cap: number): [number, number] {
    const { vocab, sortedVocab } = this;
    let lo = 0;
    let hi = sortedVocab.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((vocab[sortedVocab[mid]!] as string) < prefix) lo = mid + 1;
      else hi = mid;
    }
    // Tokens with the prefix come first among those not before it.
    let end = lo;
    hi = sortedVocab.length;
    while (end < hi) {
      const mid = (end + hi) >> 1;
      if ((vocab[sortedVocab[mid]!] as string).startsWith(prefix)) end = mid + 1;
      else hi = mid;
    }
    return [lo, Math.min(end, lo + cap)];
  }

  /** How many keys the tokens at [from, to) of `sortedVocab` are on, counted with repeats. */
  private prefixVolume(from: number, to: number): number {
    return (this.sortedVolume[to] as number) - (this.sortedVolume[from] as number);
  }

  /** Whether every query token starts some token of the key. */
  private startsEveryToken(keyId: number, qToks: string[]): boolean {
    const from = this.keyTokStart[keyId] as number;
    const to = this.keyTokStart[keyId + 1] as number;
    return qToks.every((q) => {
      for (let p = from; p < to; p++)
        if ((this.vocab[this.keyToks[p] as number] as string).startsWith(q)) return true;
      return false;
    });
  }

  /** When a prefix scan first met the entry: its first key without a note, else its first key. */
  private firstSeen(entry: number): number {
    const { acPlain, acFirst } = this.scratch();
    return ((acPlain[entry] as number) >= 0 ? acPlain[entry] : acFirst[entry]) as number;
  }

  /**
   * fuse.js's fuzzy search over the keys that share trigrams with the query, less those that
   * cannot match by character counts (which Fuse would reject anyway). A Fuse index of every key
   * would be scanned whole on every keystroke: over a second per keystroke at 100k people.
   */
  private fusePartial(norm: string, kind: EntryKind | undefined, limit: number) {
    // Keys of tokens similar to any query token, in the order first met.
    const s = this.scratch();
    const gen = ++s.keyGen;
    const { keyStamp, keyList } = s;
    let count = 0;
    for (const q of tokens(norm)) {
      for (const id of this.similarTokensLoose(q)) {
        const keys = this.postings[id] as number[];
        if (keys.length > MAX_PARTIAL_POSTINGS) continue;
        for (const k of keys) {
          if (keyStamp[k] === gen) continue;
          keyStamp[k] = gen;
          keyList[count++] = k;
        }
      }
    }
    // Fuse keeps the best `limit` by score, then by position in the list.
    const keep = limit * 2 > 0 ? Math.ceil(limit * 2) : 0;
    if (keep === 0) return [];
    const pattern = norm.toLowerCase();
    // Fuse scores only the keys that can match at all: a key lacking too many of the pattern's
    // characters cannot be within the threshold, whatever their order (see CharBounds).
    const texts: string[] = [];
    const ids: number[] = [];
    const bounds = new CharBounds(pattern, fuseChunks(pattern));
    try {
      for (let i = 0; i < count; i++) {
        const keyId = keyList[i] as number;
        if (!this.kindMatches(this.keyEntry[keyId] as number, kind)) continue;
        const text = (this.keys[keyId] as IndexedKey).lower;
        if (text !== pattern && !bounds.canMatch(text, FUSE_OPTIONS.threshold)) continue;
        texts.push(text);
        ids.push(keyId);
      }
    } finally {
      // The character slots are shared: leave them clean for the next query.
      bounds.release();
    }
    if (texts.length === 0) return [];
    const results = new Fuse(texts, FUSE_OPTIONS).search(pattern, { limit: keep });
    return results.map(({ refIndex, score }) => {
      const key = this.keys[ids[refIndex] as number] as IndexedKey;
      return { entry: key.entry, score: 0.7 * (1 - (score ?? 1)), note: key.note };
    });
  }

  /** Tokens sharing at least two trigrams with a partial query token. */
  private similarTokensLoose(q: string): number[] {
    const touched = this.countGrams(new Set(trigrams(q).slice(0, -1)));
    const { counts, countTouched } = this.scratch();
    const found: number[] = [];
    for (let i = 0; i < touched; i++) {
      const id = countTouched[i] as number;
      if ((counts[id] as number) >= 2) found.push(id);
    }
    // Most shared first; ties keep the order first seen (the sort is stable).
    return found.sort((a, b) => (counts[b] as number) - (counts[a] as number)).slice(0, 200);
  }
}
