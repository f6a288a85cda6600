// Partial input for autocomplete: names whose words start with what was typed ("krush" for
// Khrushchev, best known first), and fuse.js over the keys that share trigrams with it and could
// match by their letters.
import Fuse from "fuse.js";
import type { IndexCore } from "./core.js";
import { tokens } from "./normalize.js";
import { CharBounds, FUSE_OPTIONS, fuseChunks } from "./prefilter.js";
import { IntHeap } from "./scratch.js";
import { trigrams } from "./similarity.js";
import { type EntryKind, type IndexedKey, MAX_PARTIAL_POSTINGS, MAX_PREFIX_TOKENS } from "./types.js";

/**
 * The first `room` entries of `kind` with a key in which every query token starts a key token,
 * each with the note to show: entries matched by a key without a note (the name itself) first,
 * then the better known, then in the order a scan of the last token's matching tokens (at most
 * MAX_PREFIX_TOKENS of them) would find them. Walks keys best-known entries first, through the
 * query token whose prefix has the fewest keys, and stops once the list is full.
 */
export function prefixMatches(
  ix: IndexCore,

  qToks: string[],
  kind: EntryKind | undefined,
  room: number,
): [number, string | undefined][] {
  if (room <= 0) return [];
  const s = ix.scratch();
  const gen = ++s.acGen;
  const { acStamp, acFirst, acPlain, acNoteKey, tokStamp, tokPos } = s;
  const { keyEntry, rankedKeys, rankedEntries, rankedStart, rank, keyTokStart, keyToks } = ix;
  const last = qToks.length - 1;
  // The last token's matching tokens, in vocabulary order: a key must contain one of them.
  const [lastFrom, lastTo] = prefixRange(ix, qToks[last] as string, MAX_PREFIX_TOKENS);
  let walkFrom = lastFrom;
  let walkTo = lastTo;
  let walkBy = last;
  for (let i = 0; i < last; i++) {
    const [from, to] = prefixRange(ix, qToks[i] as string, Number.POSITIVE_INFINITY);
    if (prefixVolume(ix, from, to) < prefixVolume(ix, walkFrom, walkTo)) {
      walkFrom = from;
      walkTo = to;
      walkBy = i;
    }
  }
  const tokGen = ++s.tokGen;
  for (let i = lastFrom; i < lastTo; i++) {
    const t = ix.sortedVocab[i] as number;
    tokStamp[t] = tokGen;
    tokPos[t] = i - lastFrom;
  }
  const others = qToks.filter((_, i) => i !== last && i !== walkBy);

  const lists = walkTo - walkFrom;
  const at = new Int32Array(lists);
  const end = new Int32Array(lists);
  for (let c = 0; c < lists; c++) {
    const t = ix.sortedVocab[walkFrom + c] as number;
    at[c] = rankedStart[t] as number;
    end[c] = rankedStart[t + 1] as number;
  }
  const headRank = (c: number) => rank[rankedEntries[at[c]!]!] as number;
  const heap = new IntHeap((a, b) => headRank(a) < headRank(b));
  for (let c = 0; c < lists; c++) if ((at[c] as number) < (end[c] as number)) heap.push(c);
  // Keys without a note not walked yet: while there are some, one could still come first.
  let plainLeft = 0;
  for (let c = 0; c < lists; c++) plainLeft += ix.plainKeys[ix.sortedVocab[walkFrom + c] as number] as number;

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
      if ((ix.keys[keyId] as IndexedKey).note === undefined) plainLeft--;
      if (!ix.kindMatches(keyEntry[keyId] as number, kind)) continue;
      let first = -1;
      for (let p = keyTokStart[keyId] as number; p < (keyTokStart[keyId + 1] as number); p++) {
        const t = keyToks[p] as number;
        if (tokStamp[t] === tokGen && (first < 0 || (tokPos[t] as number) < first))
          first = tokPos[t] as number;
      }
      if (first < 0 || (others.length > 0 && !startsEveryToken(ix, keyId, others))) continue;
      level.push(first * ix.keys.length + keyId);
    }
    level.sort((a, b) => a - b);
    const found: number[] = [];
    for (let i = 0; i < level.length; i++) {
      if (i > 0 && level[i] === level[i - 1]) continue;
      const keyId = (level[i] as number) % ix.keys.length;
      const entry = keyEntry[keyId] as number;
      seq++;
      if (acStamp[entry] !== gen) {
        acStamp[entry] = gen;
        acFirst[entry] = seq;
        acPlain[entry] = -1;
        acNoteKey[entry] = keyId;
        found.push(entry);
      }
      if ((ix.keys[keyId] as IndexedKey).note === undefined && (acPlain[entry] as number) < 0)
        acPlain[entry] = seq;
    }
    if (found.length > 1) found.sort((a, b) => firstSeen(ix, a) - firstSeen(ix, b));
    for (const e of found) ((acPlain[e] as number) >= 0 ? plain : noted).push(e);
  }
  return [...plain, ...noted]
    .slice(0, room)
    .map((e) => [e, (acPlain[e] as number) >= 0 ? undefined : ix.noteOf(acNoteKey[e] as number)]);
}

/** The tokens beginning with `prefix`: positions [from, to) in `sortedVocab`, at most `cap`. */
export function prefixRange(ix: IndexCore, prefix: string, cap: number): [number, number] {
  const { vocab, sortedVocab } = ix;
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
export function prefixVolume(ix: IndexCore, from: number, to: number): number {
  return (ix.sortedVolume[to] as number) - (ix.sortedVolume[from] as number);
}

/** Whether every query token starts some token of the key. */
export function startsEveryToken(ix: IndexCore, keyId: number, qToks: string[]): boolean {
  const from = ix.keyTokStart[keyId] as number;
  const to = ix.keyTokStart[keyId + 1] as number;
  return qToks.every((q) => {
    for (let p = from; p < to; p++)
      if ((ix.vocab[ix.keyToks[p] as number] as string).startsWith(q)) return true;
    return false;
  });
}

/** When a prefix scan first met the entry: its first key without a note, else its first key. */
export function firstSeen(ix: IndexCore, entry: number): number {
  const { acPlain, acFirst } = ix.scratch();
  return ((acPlain[entry] as number) >= 0 ? acPlain[entry] : acFirst[entry]) as number;
}

/**
 * fuse.js's fuzzy search over the keys that share trigrams with the query, less those that
 * cannot match by character counts (which Fuse would reject anyway). A Fuse index of every key
 * would be scanned whole on every keystroke: over a second per keystroke at 100k people.
 */
export function fusePartial(ix: IndexCore, norm: string, kind: EntryKind | undefined, limit: number) {
  // Keys of tokens similar to any query token, in the order first met.
  const s = ix.scratch();
  const gen = ++s.keyGen;
  const { keyStamp, keyList } = s;
  let count = 0;
  for (const q of tokens(norm)) {
    for (const id of similarTokensLoose(ix, q)) {
      const keys = ix.postings[id] as number[];
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
      if (!ix.kindMatches(ix.keyEntry[keyId] as number, kind)) continue;
      const text = (ix.keys[keyId] as IndexedKey).lower;
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
    const key = ix.keys[ids[refIndex] as number] as IndexedKey;
    return { entry: key.entry, score: 0.7 * (1 - (score ?? 1)), note: key.note };
  });
}

/** Tokens sharing at least two trigrams with a partial query token. */
export function similarTokensLoose(ix: IndexCore, q: string): number[] {
  const touched = ix.countGrams(new Set(trigrams(q).slice(0, -1)));
  const { counts, countTouched } = ix.scratch();
  const found: number[] = [];
  for (let i = 0; i < touched; i++) {
    const id = countTouched[i] as number;
    if ((counts[id] as number) >= 2) found.push(id);
  }
  // Most shared first; ties keep the order first seen (the sort is stable).
  return found.sort((a, b) => (counts[b] as number) - (counts[a] as number)).slice(0, 200);
}
