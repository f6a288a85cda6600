// Buffers a query reuses instead of allocating (one set per index, sized to it), and a small
// integer heap for ranking.
import { MAX_QUERY_TOKENS } from "./types.js";

/** Per-key columns collected while building, stored as typed arrays once built. */
export interface KeyColumns {
  tokStart: number[];
  toks: number[];
  length: number[];
}

/**
 * Buffers reused by every query, indexed by entry, key or vocabulary id. A value is valid only
 * where its stamp equals the current query's, so nothing has to be cleared between queries.
 */
export class Scratch {
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
export class IntHeap {
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
