// Ranking for `SearchIndex.search`: the entries whose keys share tokens, trigrams or sounds with
// the query, scored by how well each query token is covered, best first, walked in rank order so
// that the search stops once nothing left could change the answer.
import type { IndexCore } from "./core.js";
import { IntHeap } from "./scratch.js";
import { type EntryKind, MAX_QUERY_TOKENS, MIN_RESULT_SCORE } from "./types.js";

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
export function rankEntries(
  ix: IndexCore,
  norm: string,
  qToks: string[],
  kind: EntryKind | undefined,
  needed: number,
): number[] {
  const s = ix.scratch();
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
  const exactKeys = ix.exact.get(norm);
  const exactList = typeof exactKeys === "number" ? [exactKeys] : (exactKeys ?? []);
  exactList.forEach((keyId, i) => {
    const entry = ix.keyEntry[keyId] as number;
    if (!ix.kindMatches(entry, kind)) return;
    if (sStamp[entry] !== gen) mark(entry);
    if ((sExactKey[entry] as number) < 0) {
      sExactKey[entry] = keyId;
      sSlot[entry] = i - exactList.length;
    }
  });

  // Similar tokens per query token: one row per token, one column per query token.
  const sims = qToks.map((q) => ix.similarTokens(q));
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
    return rankByRankOrder(
      ix,
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
  const { rankedStart, rankedEntries } = ix;
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
          if (!ix.kindMatches(entry, kind)) continue;
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
    bound(b) - bound(a) || (ix.rank[a] as number) - (ix.rank[b] as number);
  let queue: number[];
  if (candidates.length > ix.entries.length >> 4) {
    // Many candidates: walk all entries in rank order once, bucketed by bound.
    const buckets = new Map<number, number[]>();
    for (const entry of ix.byRank) {
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
      if (b < lastScore || (b === lastScore && (ix.rank[entry] as number) > (ix.rank[last] as number)))
        continue;
    }
    scoreEntry(ix, entry, nq, weights, totalWeight, relGen, width);
    insertRanked(ix, best, entry, needed);
  }
  return best;
}

/**
 * For a query of one initial: walks the keys of its tokens best-known entries first (after
 * the exact matches in `scored`), scoring each new entry, and stops once the list is full of
 * entries scoring 1, which later (worse-known) entries could only tie and follow.
 */
export function rankByRankOrder(
  ix: IndexCore,

  scored: number[],
  sims: ReadonlyMap<number, number>,
  kind: EntryKind | undefined,
  needed: number,
  weights: number[],
  totalWeight: number,
  relGen: number,
  width: number,
): number[] {
  const s = ix.scratch();
  const { sStamp, sExactKey, sScore } = s;
  const gen = s.sGen;
  const { rankedEntries, rankedStart, rank } = ix;
  const best: number[] = [];
  const keep = (entry: number) => {
    scoreEntry(ix, entry, 1, weights, totalWeight, relGen, width);
    insertRanked(ix, best, entry, needed);
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
    if (sStamp[entry] === gen || !ix.kindMatches(entry, kind)) continue;
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
export function insertRanked(ix: IndexCore, best: number[], entry: number, needed: number): void {
  const { sScore, sSlot } = ix.scratch();
  if ((sScore[entry] as number) < MIN_RESULT_SCORE) return;
  const before = (a: number, b: number) =>
    ((sScore[b] as number) - (sScore[a] as number) ||
      (ix.rank[a] as number) - (ix.rank[b] as number) ||
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
export function scoreEntry(
  ix: IndexCore,

  entry: number,
  nq: number,
  weights: number[],
  totalWeight: number,
  relGen: number,
  width: number,
): void {
  const s = ix.scratch();
  const { relStamp, relRow, rowVals, rowPos, rowCovered, sScore, sNoteKey, sExact, sSlot, sExactKey } = s;
  const { keyTokStart, keyToks, keyLength, keyNoted, vocabLength } = ix;
  // Of equal scores the first wins, except that a key without a note beats one with a note.
  let score = -1;
  let noteKey = -1;
  const exactKey = sExactKey[entry] as number;
  if (exactKey >= 0) {
    score = 1;
    noteKey = exactKey;
  }

  // Candidate keys, and where a scan of the similar tokens' postings would first meet each.
  const from = ix.entryKeys[entry] as number;
  const to = ix.entryKeys[entry + 1] as number;
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
        const at = (qi * width + pos) * ix.keys.length + keyId;
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
