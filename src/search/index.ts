import { IndexCore } from "./core.js";
import { normalizeName, tokens } from "./normalize.js";
import { fusePartial, prefixMatches } from "./partial.js";
import { rankEntries } from "./ranking.js";
import {
  CONFIDENT_MARGIN,
  CONFIDENT_SCORE,
  MAX_QUERY_LENGTH,
  MAX_QUERY_TOKENS,
  type SearchEntry,
  type SearchHit,
  type SearchOptions,
  type SearchResult,
} from "./types.js";

export { soundKey } from "./distance.js";

/** How many autocomplete answers, and how many search results, are kept (a few hundred kB at most). */
const CHOICES_KEPT = 5000;

export { CharBounds, FUSE_OPTIONS, fuseChunks } from "./prefilter.js";
export * from "./types.js";

/**
 * Name search over people and offices. Built once at start-up; every query touches only the
 * keys that share a token, a trigram or a prefix with it, and ranks entries best known first,
 * so that it can stop once nothing left could change the answer.
 */
export class SearchIndex extends IndexCore {
  /** Ranked, scored matches for a name or title, and the confident best match if there is one. */
  search(query: string, options: SearchOptions = {}): SearchResult {
    // The same names are asked for again and again ("krushchev"): results are kept, like choices.
    const key = `${options.kind ?? "all"}|${options.limit ?? 10}|${query}`;
    const kept = this.resultsKept.get(key);
    if (kept) return kept;
    const result = Object.freeze(this.searchUncached(query, options));
    if (this.resultsKept.size >= CHOICES_KEPT) {
      const oldest = this.resultsKept.keys().next().value;
      if (oldest !== undefined) this.resultsKept.delete(oldest);
    }
    this.resultsKept.set(key, result);
    return result;
  }

  /** Search results already worked out, by kind, limit and the query as typed (oldest first). */
  private readonly resultsKept = new Map<string, SearchResult>();

  private searchUncached(query: string, options: SearchOptions): SearchResult {
    const limit = options.limit ?? 10;
    const norm = normalizeName(query).slice(0, MAX_QUERY_LENGTH);
    const qToks = tokens(norm).slice(0, MAX_QUERY_TOKENS);
    if (qToks.length === 0) return { query, best: null, results: [] };

    // Only the results and the runner-up are needed, unless `limit` is not a plain count.
    const needed = Number.isInteger(limit) && limit >= 0 ? Math.max(limit, 2) : Number.POSITIVE_INFINITY;
    const ranked = rankEntries(this, norm, qToks, options.kind, needed);
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

  /**
   * Choices for Discord autocomplete: prefix matches on any name first ("khr", "Бре", "sta"), then
   * fuzzy ones, at most 25; an empty query offers the default list (the leaders in order).
   */
  autocomplete(query: string, options: SearchOptions = {}): readonly SearchHit[] {
    const limit = Math.min(options.limit ?? 25, 25);
    const kind = options.kind;
    const norm = normalizeName(query).slice(0, MAX_QUERY_LENGTH);
    // Everyone typing "st" gets the same list: answers are kept, the most recent few thousand.
    const key = `${kind ?? "all"}|${limit}|${norm}`;
    const kept = this.choicesKept.get(key);
    if (kept) return kept;
    const hits = Object.freeze(this.autocompleteUncached(norm, limit, kind));
    if (this.choicesKept.size >= CHOICES_KEPT) {
      const oldest = this.choicesKept.keys().next().value;
      if (oldest !== undefined) this.choicesKept.delete(oldest);
    }
    this.choicesKept.set(key, hits);
    return hits;
  }

  /** Autocomplete answers already worked out, by kind, limit and normalised query (oldest first). */
  private readonly choicesKept = new Map<string, readonly SearchHit[]>();

  private autocompleteUncached(norm: string, limit: number, kind: SearchOptions["kind"]): SearchHit[] {
    const query = norm;
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
    for (const [entry, note] of prefixMatches(this, qToks, kind, room)) push(entry, 0.95, note);
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
      for (const f of fusePartial(this, norm, kind, limit)) push(f.entry, f.score, f.note);
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
    return prefixMatches(this, qToks, options.kind, limit).map(([entry, note]) =>
      this.hit(entry, 0.95, note),
    );
  }
}
