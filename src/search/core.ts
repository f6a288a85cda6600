import { OSA_MAX_PATTERN, OsaPattern, similarity, soundKey } from "./distance.js";
import { normalizeName, tokens } from "./normalize.js";
import { type KeyColumns, Scratch } from "./scratch.js";
import { trigrams } from "./similarity.js";
import {
  type EntryKind,
  type IndexedKey,
  MAX_GRAM_LIST,
  MAX_INITIAL_TOKENS,
  MAX_QUERY_LENGTH,
  type SearchEntry,
  type SearchHit,
  SOUND_ALIKE,
} from "./types.js";

/**
 * The built index: entries, keys, token and trigram postings in rank order, and the small lookups
 * the query algorithms share. Its members are public only to this folder: `SearchIndex` (./index.ts)
 * answers queries with ./ranking.ts and ./partial.ts, which read them.
 */
export class IndexCore {
  readonly entries: SearchEntry[];
  readonly entryById = new Map<string, number>();
  readonly keys: IndexedKey[] = [];
  /** The entry of each key. Each entry's keys have consecutive ids, from `entryKeys[entry]`. */
  keyEntry: Int32Array = new Int32Array(0);
  readonly entryKeys: Int32Array;
  /** Each key's token ids: `keyToks[keyTokStart[key] .. keyTokStart[key + 1]]`, in order, repeats kept. */
  keyTokStart: Int32Array = new Int32Array(0);
  keyToks: Int32Array = new Int32Array(0);
  /** Total characters of each key's tokens, for coverage. */
  keyLength: Int32Array = new Int32Array(0);
  /** 1 where the key has a (non-empty) note. */
  keyNoted: Uint8Array = new Uint8Array(0);
  readonly vocabLength: Int32Array;
  /** 1 for offices, 0 for people. */
  readonly entryIsOffice: Uint8Array;
  /** Keys by normalised text: one key id, or several. */
  readonly exact = new Map<string, number | number[]>();
  readonly vocab: string[] = [];
  readonly vocabId = new Map<string, number>();
  /** Keys containing each token, by key id. */
  readonly postings: number[][] = [];
  /** The same keys, better-known entries first: `rankedKeys[rankedStart[t] .. rankedStart[t + 1]]`. */
  readonly rankedStart: Int32Array;
  readonly rankedKeys: Int32Array;
  /** The entry of each key in `rankedKeys`, so that walking them reads one array in order. */
  readonly rankedEntries: Int32Array;
  readonly gramIndex = new Map<string, number[]>();
  readonly soundIndex = new Map<string, number[]>();
  /** Vocabulary ids sorted by token, for prefix ranges. */
  readonly sortedVocab: number[];
  /** Per token: how many of its keys have no note. */
  readonly plainKeys: Int32Array;
  /** Keys on the first i tokens of `sortedVocab`, counted with repeats. */
  readonly sortedVolume: Float64Array;
  readonly defaults: Record<EntryKind | "all", number[]>;
  /** Each entry's place in `compareEntriesByFields` order; entries that compare equal share a rank. */
  readonly rank: Int32Array;
  /** Entries in rank order (equal ranks by index). */
  readonly byRank: Int32Array;
  scratchBuffers: Scratch | undefined;

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

  addKey(entry: number, seen: Set<string>, text: string, note: string | undefined, flat: KeyColumns): void {
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

  scratch(): Scratch {
    this.scratchBuffers ??= new Scratch(this.entries.length, this.keys.length, this.vocab.length);
    return this.scratchBuffers;
  }

  /** The default list: entries with an order (the leaders, in order) first, then the best known. */
  compareDefault(a: SearchEntry, b: SearchEntry): number {
    const ao = Number.isFinite(a.order) ? a.order : Number.MAX_SAFE_INTEGER;
    const bo = Number.isFinite(b.order) ? b.order : Number.MAX_SAFE_INTEGER;
    return ao - bo || a.prominence - b.prominence || a.label.localeCompare(b.label);
  }

  get size(): number {
    return this.entries.length;
  }

  tokenId(token: string): number {
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

  kindMatches(entry: number, kind: EntryKind | undefined): boolean {
    return !kind || (this.entryIsOffice[entry] === 1) === (kind === "office");
  }

  /** Vocabulary tokens beginning with `prefix`, at most `cap` of them. */
  prefixTokens(prefix: string, cap: number): number[] {
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
  countGrams(grams: Iterable<string>): number {
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
  similarTokens(q: string): Map<number, number> {
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

  noteOf(keyId: number): string | undefined {
    return keyId < 0 ? undefined : (this.keys[keyId] as IndexedKey).note;
  }

  /** Better known first: prominence, then list order, then label. */
  compareEntriesByFields(a: number, b: number): number {
    const ea = this.entries[a] as SearchEntry;
    const eb = this.entries[b] as SearchEntry;
    return ea.prominence - eb.prominence || ea.order - eb.order || ea.label.localeCompare(eb.label);
  }

  hit(entryIndex: number, score: number, note: string | undefined): SearchHit {
    const e = this.entries[entryIndex] as SearchEntry;
    const hit: SearchHit = { id: e.id, kind: e.kind, label: e.label, score: Math.round(score * 1000) / 1000 };
    if (note) {
      hit.matched = note;
      // The key's Russian note, found by its English one: only the few hits shown look it up.
      const ru = e.keys.find((k) => k.note === note)?.noteRu;
      if (ru) hit.matchedRu = ru;
    }
    return hit;
  }
}
