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
  toks: string[];
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

/**
 * Name search over people and offices. Built once at start-up; every query touches only the
 * keys that share a token, a trigram or a prefix with it, so cost does not grow with the data.
 */
export class SearchIndex {
  private readonly entries: SearchEntry[];
  private readonly keys: IndexedKey[] = [];
  private readonly exact = new Map<string, number[]>();
  private readonly vocab: string[] = [];
  private readonly vocabId = new Map<string, number>();
  private readonly postings: number[][] = [];
  private readonly gramIndex = new Map<string, number[]>();
  private readonly soundIndex = new Map<string, number[]>();
  /** Vocabulary ids sorted by token, for prefix ranges. */
  private readonly sortedVocab: number[];
  private readonly defaults: Record<EntryKind | "all", number[]>;

  constructor(entries: readonly SearchEntry[]) {
    this.entries = entries.slice();
    this.entries.forEach((entry, entryIndex) => {
      const seen = new Set<string>();
      const add = (text: string, note: string | undefined) => {
        const norm = normalizeName(text).slice(0, MAX_QUERY_LENGTH);
        if (!norm || seen.has(norm)) return;
        seen.add(norm);
        const toks = tokens(norm);
        const keyId = this.keys.length;
        this.keys.push({
          entry: entryIndex,
          norm,
          toks,
          length: toks.reduce((n, t) => n + t.length, 0),
          note,
        });
        const list = this.exact.get(norm);
        if (list) list.push(keyId);
        else this.exact.set(norm, [keyId]);
        for (const tok of new Set(toks)) this.posting(tok).push(keyId);
      };
      add(entry.label, undefined);
      for (const key of entry.keys) add(key.text, key.note);
    });
    this.sortedVocab = this.vocab.map((_, i) => i).sort((a, b) => (this.vocab[a]! < this.vocab[b]! ? -1 : 1));
    const byDefault = (kind?: EntryKind) =>
      this.entries
        .map((e, i) => ({ e, i }))
        .filter(({ e }) => (kind ? e.kind === kind : true))
        .sort((a, b) => this.compareDefault(a.e, b.e))
        .map(({ i }) => i);
    this.defaults = { all: byDefault(), person: byDefault("person"), office: byDefault("office") };
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

  private posting(token: string): number[] {
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
    return this.postings[id] as number[];
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

  /** Vocabulary tokens similar to `q`, each with its similarity. */
  private similarTokens(q: string): Map<number, number> {
    const sims = new Map<number, number>();
    const exactId = this.vocabId.get(q);
    if (exactId !== undefined) sims.set(exactId, 1);
    if (q.length <= 2) {
      // One or two letters are an initial: "K. Chernenko", "Yu. V. Andropov".
      for (const id of this.prefixTokens(q, 5000)) sims.set(id, 1);
      return sims;
    }
    // Spellings that sound alike ("Andropoff", "Molotow", "Breschnew") count almost as exact.
    for (const id of this.soundIndex.get(soundKey(q)) ?? []) {
      if (!sims.has(id)) sims.set(id, SOUND_ALIKE);
    }
    const grams = [...new Set(trigrams(q))];
    const counts = new Map<number, number>();
    for (const g of grams) {
      const list = this.gramIndex.get(g);
      if (!list || list.length > 20000) continue;
      for (const id of list) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    const needed = Math.max(1, Math.floor(grams.length * 0.3));
    for (const [id, count] of counts) {
      if (count < needed || (sims.get(id) ?? 0) >= 1) continue;
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

    const scored = this.scoreEntries(norm, qToks, options.kind);
    const ranked = [...scored.values()]
      .filter((s) => s.score >= MIN_RESULT_SCORE)
      .sort((a, b) => b.score - a.score || this.compareEntries(a.entry, b.entry));
    const results = ranked.slice(0, limit).map((s) => this.hit(s.entry, s.score, s.note));
    const top = ranked[0];
    const second = ranked[1];
    const confident =
      top !== undefined &&
      top.score >= CONFIDENT_SCORE &&
      (top.exact || norm.replace(/ /g, "").length >= 4) &&
      (second === undefined || top.score - second.score >= CONFIDENT_MARGIN);
    return { query, best: confident && top ? (this.entries[top.entry] as SearchEntry).id : null, results };
  }

  private compareEntries(a: number, b: number): number {
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

  private scoreEntries(norm: string, qToks: string[], kind: EntryKind | undefined) {
    type Scored = { entry: number; score: number; note: string | undefined; exact: boolean };
    const best = new Map<number, Scored>();
    const consider = (entry: number, score: number, note: string | undefined, exact: boolean) => {
      if (kind && this.entries[entry]?.kind !== kind) return;
      const prev = best.get(entry);
      if (!prev || score > prev.score || (score === prev.score && !note && prev.note)) {
        best.set(entry, { entry, score, note, exact: exact || (prev?.exact ?? false) });
      }
    };
    for (const keyId of this.exact.get(norm) ?? []) {
      const key = this.keys[keyId] as IndexedKey;
      consider(key.entry, 1, key.note, true);
    }

    const sims = qToks.map((q) => this.similarTokens(q));
    const weights = qToks.map((q) => (q.length <= 2 ? 0.5 : Math.min(q.length, 8)));
    const totalWeight = weights.reduce((a, b) => a + b, 0);
    const candidateKeys = new Set<number>();
    for (const m of sims)
      for (const tokenId of m.keys()) for (const k of this.postings[tokenId] ?? []) candidateKeys.add(k);

    // Per entry: the best similarity of each query token anywhere in the entry's keys (the "bag").
    const bags = new Map<number, number[]>();
    for (const keyId of candidateKeys) {
      const key = this.keys[keyId] as IndexedKey;
      const perQuery = qToks.map((_, qi) => {
        let s = 0;
        const m = sims[qi] as Map<number, number>;
        for (const t of key.toks) {
          const v = m.get(this.vocabId.get(t) as number) ?? 0;
          if (v > s) s = v;
        }
        return s;
      });
      let covered = 0;
      for (const t of key.toks) {
        const id = this.vocabId.get(t) as number;
        if (sims.some((m) => (m.get(id) ?? 0) >= 0.8)) covered += t.length;
      }
      const qMatch = perQuery.reduce((acc, s, qi) => acc + s * (weights[qi] as number), 0) / totalWeight;
      const coverage = key.length === 0 ? 0 : covered / key.length;
      consider(key.entry, qMatch * (0.75 + 0.25 * coverage), key.note, false);
      const bag = bags.get(key.entry);
      if (!bag) bags.set(key.entry, perQuery);
      else
        perQuery.forEach((s, qi) => {
          if (s > (bag[qi] as number)) bag[qi] = s;
        });
    }
    if (qToks.length > 1) {
      for (const [entry, bag] of bags) {
        const qMatch = bag.reduce((acc, s, qi) => acc + s * (weights[qi] as number), 0) / totalWeight;
        consider(entry, qMatch * 0.9, undefined, false);
      }
    }
    return best;
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
    const last = qToks[qToks.length - 1] as string;
    const prefixed: { entry: number; note: string | undefined; isLabel: boolean }[] = [];
    const lastIds = this.prefixTokens(last, 2000);
    const seenKeys = new Set<number>();
    for (const id of lastIds) {
      for (const keyId of this.postings[id] ?? []) {
        if (seenKeys.has(keyId)) continue;
        seenKeys.add(keyId);
        const key = this.keys[keyId] as IndexedKey;
        if (qToks.every((q) => key.toks.some((t) => t.startsWith(q)))) {
          prefixed.push({ entry: key.entry, note: key.note, isLabel: key.note === undefined });
        }
      }
    }
    prefixed.sort((a, b) => Number(b.isLabel) - Number(a.isLabel) || this.compareEntries(a.entry, b.entry));
    const prefixEntries = new Map<number, string | undefined>();
    for (const p of prefixed) {
      if (!prefixEntries.has(p.entry)) prefixEntries.set(p.entry, p.note);
    }
    [...prefixEntries.entries()]
      .sort(
        (a, b) => Number(a[1] !== undefined) - Number(b[1] !== undefined) || this.compareEntries(a[0], b[0]),
      )
      .forEach(([entry, note]) => push(entry, 0.95, note));

    // 2. Fuzzy whole-name matches from the scorer ("krushchev").
    const fuzzy = this.search(query, { limit, ...(kind ? { kind } : {}) });
    for (const h of fuzzy.results) {
      const idx = this.entries.findIndex((e) => e.id === h.id);
      if (idx >= 0) push(idx, h.score, h.matched);
    }

    // 3. Fuzzy partial input ("krush"): Fuse's bitap over keys sharing a trigram with the query.
    if (out.size < limit && norm.length >= 3)
      for (const f of this.fusePartial(norm, kind, limit)) push(f.entry, f.score, f.note);
    return [...out.values()];
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
    const counts = new Map<number, number>();
    for (const g of new Set(trigrams(q).slice(0, -1))) {
      const list = this.gramIndex.get(g);
      if (!list || list.length > 20000) continue;
      for (const id of list) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return [...counts.entries()]
      .filter(([, c]) => c >= 2)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 200)
      .map(([id]) => id);
  }
}
