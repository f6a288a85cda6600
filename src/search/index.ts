import Fuse from "fuse.js";
import { normalizeName, tokens } from "./normalize.js";
import { tokenSimilarity, trigrams } from "./similarity.js";

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
  /** Vocabulary ids of the key's tokens, in order, repeats kept. */
  tokIds: number[];
  /** Total characters of the key's tokens, for coverage. */
  length: number;
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

/**
 * The `k` first of `items[0..n)` in the order `cmp` (which must never return 0 for two different
 * items), sorted. Keeps a short sorted list instead of sorting every candidate.
 */
function firstK(
  items: ArrayLike<number>,
  n: number,
  k: number,
  cmp: (a: number, b: number) => number,
): number[] {
  if (k <= 0) return [];
  if (k >= n) {
    const all: number[] = [];
    for (let i = 0; i < n; i++) all.push(items[i] as number);
    return all.sort(cmp);
  }
  const best: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = items[i] as number;
    if (best.length === k) {
      if (cmp(x, best[k - 1] as number) >= 0) continue;
      best.pop();
    }
    let j = best.length;
    best.push(x);
    while (j > 0 && cmp(x, best[j - 1] as number) < 0) {
      best[j] = best[j - 1] as number;
      j--;
    }
    best[j] = x;
  }
  return best;
}

/**
 * Buffers reused by every query, indexed by entry, key or vocabulary id. A value is valid only
 * where its stamp equals the current query's, so nothing has to be cleared between queries.
 */
class Scratch {
  // Autocomplete prefix matches, per entry.
  readonly acStamp: Int32Array;
  readonly acFirst: Int32Array;
  readonly acPlain: Int32Array;
  readonly acNoteKey: Int32Array;
  readonly acTouched: Int32Array;
  acGen = 0;
  // Scoring, per entry: best score, the key whose note goes with it (-1: none), exact match, bag.
  readonly sStamp: Int32Array;
  readonly sSlot: Int32Array;
  readonly sScore: Float64Array;
  readonly sNoteKey: Int32Array;
  readonly sExact: Uint8Array;
  readonly sTouched: Int32Array;
  readonly bagHas: Uint8Array;
  readonly bagVals: Float64Array;
  sGen = 0;
  // Candidate keys already scored in this query.
  readonly keyStamp: Int32Array;
  keyGen = 0;
  // Query-token similarities, per vocabulary id: a row of one value per query token.
  readonly relStamp: Int32Array;
  readonly relRow: Int32Array;
  rowVals = new Float64Array(1024);
  rowCovered = new Uint8Array(128);
  relGen = 0;
  // Trigram counts, per vocabulary id, with the ids in the order first seen.
  readonly countStamp: Int32Array;
  readonly counts: Int32Array;
  readonly countTouched: Int32Array;
  countGen = 0;

  constructor(entries: number, keys: number, vocab: number) {
    this.acStamp = new Int32Array(entries);
    this.acFirst = new Int32Array(entries);
    this.acPlain = new Int32Array(entries);
    this.acNoteKey = new Int32Array(entries);
    this.acTouched = new Int32Array(entries);
    this.sStamp = new Int32Array(entries);
    this.sSlot = new Int32Array(entries);
    this.sScore = new Float64Array(entries);
    this.sNoteKey = new Int32Array(entries);
    this.sExact = new Uint8Array(entries);
    this.sTouched = new Int32Array(entries);
    this.bagHas = new Uint8Array(entries);
    this.bagVals = new Float64Array(entries * MAX_QUERY_TOKENS);
    this.keyStamp = new Int32Array(keys);
    this.relStamp = new Int32Array(vocab);
    this.relRow = new Int32Array(vocab);
    this.countStamp = new Int32Array(vocab);
    this.counts = new Int32Array(vocab);
    this.countTouched = new Int32Array(vocab);
  }
}

/**
 * Name search over people and offices. Built once at start-up; every query touches only the
 * keys that share a token, a trigram or a prefix with it, so cost does not grow with the data.
 */
export class SearchIndex {
  private readonly entries: SearchEntry[];
  private readonly entryById = new Map<string, number>();
  private readonly keys: IndexedKey[] = [];
  /** Keys by normalised text: one key id, or several. */
  private readonly exact = new Map<string, number | number[]>();
  private readonly vocab: string[] = [];
  private readonly vocabId = new Map<string, number>();
  private readonly postings: number[][] = [];
  private readonly gramIndex = new Map<string, number[]>();
  private readonly soundIndex = new Map<string, number[]>();
  /** Vocabulary ids sorted by token, for prefix ranges. */
  private readonly sortedVocab: number[];
  private readonly defaults: Record<EntryKind | "all", number[]>;
  /** Each entry's place in `compareEntriesByFields` order; equal entries share a rank. */
  private readonly rank: Int32Array;
  private scratchBuffers: Scratch | undefined;

  constructor(entries: readonly SearchEntry[]) {
    this.entries = entries.slice();
    for (let entryIndex = 0; entryIndex < this.entries.length; entryIndex++) {
      const entry = this.entries[entryIndex] as SearchEntry;
      if (!this.entryById.has(entry.id)) this.entryById.set(entry.id, entryIndex);
      const seen = new Set<string>();
      this.addKey(entryIndex, seen, entry.label, undefined);
      for (const key of entry.keys) this.addKey(entryIndex, seen, key.text, key.note);
    }
    this.sortedVocab = this.vocab.map((_, i) => i).sort((a, b) => (this.vocab[a]! < this.vocab[b]! ? -1 : 1));

    const all = this.entries.map((_, i) => i);
    // One stable sort; filtering it keeps the order sorting each kind on its own would give.
    const byDefault = all.slice().sort((a, b) => this.compareDefault(this.entries[a]!, this.entries[b]!));
    this.defaults = {
      all: byDefault,
      person: byDefault.filter((i) => this.entries[i]!.kind === "person"),
      office: byDefault.filter((i) => this.entries[i]!.kind === "office"),
    };

    this.rank = new Int32Array(this.entries.length);
    const byRank = all.sort((a, b) => this.compareEntriesByFields(a, b));
    let r = 0;
    byRank.forEach((entry, i) => {
      if (i > 0 && this.compareEntriesByFields(byRank[i - 1]!, entry) !== 0) r++;
      this.rank[entry] = r;
    });
  }

  private addKey(entry: number, seen: Set<string>, text: string, note: string | undefined): void {
    const norm = normalizeName(text).slice(0, MAX_QUERY_LENGTH);
    if (!norm || seen.has(norm)) return;
    seen.add(norm);
    const toks = tokens(norm);
    const keyId = this.keys.length;
    const tokIds: number[] = [];
    let length = 0;
    for (const tok of toks) {
      length += tok.length;
      const id = this.tokenId(tok);
      // Each distinct token posts the key once.
      if (!tokIds.includes(id)) (this.postings[id] as number[]).push(keyId);
      tokIds.push(id);
    }
    this.keys.push({ entry, norm, tokIds, length, note });
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
    if (q.length === 1) {
      // A lone letter is an initial: "K. Chernenko".
      for (const id of this.prefixTokens(q, 5000)) sims.set(id, 1);
      return sims;
    }
    if (q.length < 3) return sims;
    // Spellings that sound alike ("Andropoff", "Molotow", "Breschnew") count almost as exact.
    for (const id of this.soundIndex.get(soundKey(q)) ?? []) {
      if (!sims.has(id)) sims.set(id, SOUND_ALIKE);
    }
    const grams = new Set(trigrams(q));
    const touched = this.countGrams(grams);
    const { counts, countTouched } = this.scratch();
    const needed = Math.max(1, Math.floor(grams.size * 0.3));
    for (let i = 0; i < touched; i++) {
      const id = countTouched[i] as number;
      if ((counts[id] as number) < needed || (sims.get(id) ?? 0) >= 1) continue;
      const s = tokenSimilarity(q, this.vocab[id] as string);
      if (s >= 0.5 && s > (sims.get(id) ?? 0)) sims.set(id, s);
    }
    return sims;
  }

  /** Ranked, scored matches for a name or title, and the confident best match if there is one. */
  search(query: string, options: SearchOptions = {}): SearchResult {
    const limit = options.limit ?? 10;
    const norm = normalizeName(query).slice(0, MAX_QUERY_LENGTH);
    const qToks = tokens(norm).slice(0, MAX_QUERY_TOKENS);
    if (qToks.length === 0) return { query, best: null, results: [] };

    const touched = this.scoreEntries(norm, qToks, options.kind);
    const { sTouched, sScore, sSlot, sNoteKey, sExact } = this.scratch();
    const passing: number[] = [];
    for (let i = 0; i < touched; i++) {
      const entry = sTouched[i] as number;
      if ((sScore[entry] as number) >= MIN_RESULT_SCORE) passing.push(entry);
    }
    // Best score first, then better known; entries that tie on both keep the order first scored.
    const byRank = (a: number, b: number) =>
      (sScore[b] as number) - (sScore[a] as number) ||
      this.compareEntries(a, b) ||
      (sSlot[a] as number) - (sSlot[b] as number);
    // Only the results and the runner-up are needed, unless `limit` is not a plain count.
    const needed = Number.isInteger(limit) && limit >= 0 ? Math.max(limit, 2) : Number.POSITIVE_INFINITY;
    const ranked = firstK(passing, passing.length, needed, byRank);
    const noteOf = (entry: number) => this.noteOf(sNoteKey[entry] as number);
    const results = ranked.slice(0, limit).map((e) => this.hit(e, sScore[e] as number, noteOf(e)));
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

  /** `compareEntriesByFields`, from the ranks computed once at build. */
  private compareEntries(a: number, b: number): number {
    return (this.rank[a] as number) - (this.rank[b] as number);
  }

  private hit(entryIndex: number, score: number, note: string | undefined): SearchHit {
    const e = this.entries[entryIndex] as SearchEntry;
    const hit: SearchHit = { id: e.id, kind: e.kind, label: e.label, score: Math.round(score * 1000) / 1000 };
    if (note) hit.matched = note;
    return hit;
  }

  /**
   * Scores every entry with a key that shares a similar token with the query: its best key, and
   * for several query tokens the "bag" of its keys. Leaves, in the scratch buffers, each scored
   * entry's best score, the key whose note goes with it and whether a key matched exactly, and
   * returns how many entries it scored (in `sTouched`, in the order first scored).
   */
  private scoreEntries(norm: string, qToks: string[], kind: EntryKind | undefined): number {
    const s = this.scratch();
    const gen = ++s.sGen;
    const { sStamp, sSlot, sScore, sNoteKey, sExact, sTouched, bagHas, bagVals } = s;
    let touched = 0;
    /** Keeps the better of this and the entry's previous score; `noteKey` -1 means no note. */
    const consider = (entry: number, score: number, noteKey: number, exact: boolean) => {
      if (kind && this.entries[entry]?.kind !== kind) return;
      if (sStamp[entry] !== gen) {
        sStamp[entry] = gen;
        sSlot[entry] = touched;
        sTouched[touched++] = entry;
        sScore[entry] = score;
        sNoteKey[entry] = noteKey;
        sExact[entry] = exact ? 1 : 0;
        bagHas[entry] = 0;
        return;
      }
      const prevScore = sScore[entry] as number;
      if (
        score > prevScore ||
        (score === prevScore && !this.noteOf(noteKey) && this.noteOf(sNoteKey[entry] as number))
      ) {
        sScore[entry] = score;
        sNoteKey[entry] = noteKey;
        if (exact) sExact[entry] = 1;
      }
    };
    const exactKeys = this.exact.get(norm);
    for (const keyId of typeof exactKeys === "number" ? [exactKeys] : (exactKeys ?? [])) {
      consider((this.keys[keyId] as IndexedKey).entry, 1, keyId, true);
    }

    const nq = qToks.length;
    const sims = qToks.map((q) => this.similarTokens(q));
    const weights = qToks.map((q) => (q.length === 1 ? 0.5 : Math.min(q.length, 8)));
    const totalWeight = weights.reduce((a, b) => a + b, 0);

    // One row per token similar to any query token: its similarity to each query token.
    const relGen = ++s.relGen;
    let rows = 0;
    sims.forEach((m, qi) => {
      for (const [id, v] of m) {
        if (s.relStamp[id] !== relGen) {
          s.relStamp[id] = relGen;
          s.relRow[id] = rows;
          if ((rows + 1) * nq > s.rowVals.length) {
            const grown = new Float64Array(s.rowVals.length * 2 + nq);
            grown.set(s.rowVals);
            s.rowVals = grown;
          }
          s.rowVals.fill(0, rows * nq, (rows + 1) * nq);
          rows++;
        }
        s.rowVals[(s.relRow[id] as number) * nq + qi] = v;
      }
    });
    if (rows > s.rowCovered.length) s.rowCovered = new Uint8Array(rows * 2);
    const { relStamp, relRow, rowVals, rowCovered, keyStamp } = s;
    for (let row = 0; row < rows; row++) {
      let covers = 0;
      for (let qi = 0; qi < nq; qi++) if ((rowVals[row * nq + qi] as number) >= 0.8) covers = 1;
      rowCovered[row] = covers;
    }

    // Per entry: the best similarity of each query token anywhere in the entry's keys (the "bag").
    const keyGen = ++s.keyGen;
    const perQuery = new Float64Array(nq);
    for (const m of sims)
      for (const tokenId of m.keys())
        for (const keyId of this.postings[tokenId] ?? []) {
          if (keyStamp[keyId] === keyGen) continue;
          keyStamp[keyId] = keyGen;
          const key = this.keys[keyId] as IndexedKey;
          const entry = key.entry;
          if (kind && this.entries[entry]?.kind !== kind) continue;
          perQuery.fill(0);
          let covered = 0;
          for (const t of key.tokIds) {
            if (relStamp[t] !== relGen) continue;
            const base = (relRow[t] as number) * nq;
            for (let qi = 0; qi < nq; qi++) {
              const v = rowVals[base + qi] as number;
              if (v > (perQuery[qi] as number)) perQuery[qi] = v;
            }
            if (rowCovered[relRow[t] as number]) covered += (this.vocab[t] as string).length;
          }
          let acc = 0;
          for (let qi = 0; qi < nq; qi++) acc = acc + (perQuery[qi] as number) * (weights[qi] as number);
          const qMatch = acc / totalWeight;
          const coverage = key.length === 0 ? 0 : covered / key.length;
          consider(entry, qMatch * (0.75 + 0.25 * coverage), keyId, false);
          if (nq > 1) {
            const base = entry * MAX_QUERY_TOKENS;
            if (!bagHas[entry]) {
              bagHas[entry] = 1;
              for (let qi = 0; qi < nq; qi++) bagVals[base + qi] = perQuery[qi] as number;
            } else
              for (let qi = 0; qi < nq; qi++)
                if ((perQuery[qi] as number) > (bagVals[base + qi] as number))
                  bagVals[base + qi] = perQuery[qi] as number;
          }
        }
    if (nq > 1) {
      for (let i = 0; i < touched; i++) {
        const entry = sTouched[i] as number;
        if (!bagHas[entry]) continue;
        const base = entry * MAX_QUERY_TOKENS;
        let acc = 0;
        for (let qi = 0; qi < nq; qi++) acc = acc + (bagVals[base + qi] as number) * (weights[qi] as number);
        consider(entry, (acc / totalWeight) * 0.9, -1, false);
      }
    }
    return touched;
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

    // 3. Fuzzy partial input ("krush"): Fuse's bitap over keys sharing a trigram with the query.
    if (out.size < limit && norm.length >= 3)
      for (const f of this.fusePartial(norm, kind, limit)) push(f.entry, f.score, f.note);
    return [...out.values()];
  }

  /**
   * The first `room` entries of `kind` with a key in which every query token starts a key token,
   * each with the note to show: entries matched by a key without a note (the name itself) first,
   * then the better known, then in the order found.
   */
  private prefixMatches(
    qToks: string[],
    kind: EntryKind | undefined,
    room: number,
  ): [number, string | undefined][] {
    const s = this.scratch();
    const gen = ++s.acGen;
    const { acStamp, acFirst, acPlain, acNoteKey, acTouched } = s;
    const last = qToks[qToks.length - 1] as string;
    let touched = 0;
    let seq = 0;
    for (const id of this.prefixTokens(last, 2000)) {
      for (const keyId of this.postings[id] as number[]) {
        const key = this.keys[keyId] as IndexedKey;
        const entry = key.entry;
        if (kind && this.entries[entry]?.kind !== kind) continue;
        // The last token is matched by construction; check the others.
        if (
          qToks.length > 1 &&
          !qToks.every((q) => key.tokIds.some((t) => (this.vocab[t] as string).startsWith(q)))
        )
          continue;
        seq++;
        if (acStamp[entry] !== gen) {
          acStamp[entry] = gen;
          acFirst[entry] = seq;
          acPlain[entry] = -1;
          acNoteKey[entry] = keyId;
          acTouched[touched++] = entry;
        }
        if (key.note === undefined && (acPlain[entry] as number) < 0) acPlain[entry] = seq;
      }
    }
    const group = (e: number) => ((acPlain[e] as number) >= 0 ? 0 : 1);
    const firstSeen = (e: number) => ((acPlain[e] as number) >= 0 ? acPlain[e] : acFirst[e]) as number;
    const order = (a: number, b: number) =>
      group(a) - group(b) || this.compareEntries(a, b) || firstSeen(a) - firstSeen(b);
    return firstK(acTouched, touched, room, order).map((e) => [
      e,
      group(e) === 0 ? undefined : this.noteOf(acNoteKey[e] as number),
    ]);
  }

  private fusePartial(norm: string, kind: EntryKind | undefined, limit: number) {
    const keyIds = new Set<number>();
    for (const q of tokens(norm)) {
      for (const id of this.similarTokensLoose(q)) for (const k of this.postings[id] ?? []) keyIds.add(k);
    }
    const candidates = [...keyIds]
      .map((id) => this.keys[id] as IndexedKey)
      .filter((k) => !kind || this.entries[k.entry]?.kind === kind);
    if (candidates.length === 0) return [];
    const fuse = new Fuse(candidates, {
      keys: ["norm"],
      includeScore: true,
      ignoreLocation: true,
      ignoreFieldNorm: true,
      threshold: 0.3,
    });
    return fuse
      .search(norm, { limit: limit * 2 })
      .map((r) => ({ entry: r.item.entry, score: 0.7 * (1 - (r.score ?? 1)), note: r.item.note }));
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
