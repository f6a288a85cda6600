// "Look up in Apparat": every person, office and date a chat message mentions. Names are matched
// whole (the longest known phrase at each word), forgiving case, Russian endings, possessives and
// one typing slip, but never by mere resemblance: a word that is not within one slip of a known
// name, or that would fit two people equally, finds nothing. A wrong card is worse than none.
import { type SpottedDate, spotDates } from "./dates.js";
import type { Candidate, Quality, SpotLexicon, SubjectKind } from "./lexicon.js";
import { type TextToken, textTokens } from "./tokens.js";

export type { SpottedDate } from "./dates.js";
export { NOT_NAMES, spotSubjects } from "./subjects.js";

export interface SpottedEntity {
  id: string;
  kind: SubjectKind;
  /** The words as written. */
  surface: string;
  /** JavaScript string indices into the text. */
  start: number;
  end: number;
}

export interface SpotResult {
  text: string;
  /** Each person or office once, at its first mention, in the order of the text. */
  entities: SpottedEntity[];
  dates: SpottedDate[];
}

/** Longer messages are read up to here: a lookup answers in milliseconds whatever it is given. */
export const MAX_SPOT_TEXT = 20_000;

function insideAny(dates: readonly SpottedDate[], t: TextToken): boolean {
  for (const d of dates) if (t.start < d.end && d.start < t.end) return true;
  return false;
}

interface PhraseMatch {
  length: number;
  quality: Quality;
  subjects: number[];
  blocked: boolean;
}

export class Spotter {
  constructor(private readonly lexicon: SpotLexicon) {}

  spot(fullText: string): SpotResult {
    const text = fullText.length > MAX_SPOT_TEXT ? fullText.slice(0, MAX_SPOT_TEXT) : fullText;
    const dates = spotDates(text);
    // Words inside a date ("March", "после") are the date's, not names.
    const all = textTokens(text);
    const tokens = dates.length === 0 ? all : all.filter((t) => !insideAny(dates, t));
    const entities: SpottedEntity[] = [];
    const seen = new Set<string>();
    const cache: (readonly Candidate[] | undefined)[] = [];
    const candidatesAt = (i: number) => {
      let c = cache[i];
      if (!c) {
        c = this.lexicon.candidates(tokens[i] as TextToken);
        cache[i] = c;
      }
      return c;
    };
    let i = 0;
    while (i < tokens.length) {
      const chosen = this.bestAt(tokens, i, candidatesAt);
      if (!chosen) {
        i++;
        continue;
      }
      if (!chosen.blocked) {
        const subject = this.lexicon.subjects[chosen.subjects[0] as number];
        if (subject && !seen.has(subject.id)) {
          seen.add(subject.id);
          const start = (tokens[i] as TextToken).start;
          const end = (tokens[i + chosen.length - 1] as TextToken).end;
          entities.push({ id: subject.id, kind: subject.kind, surface: text.slice(start, end), start, end });
        }
      }
      i += chosen.length;
    }
    return { text: fullText, entities, dates };
  }

  /**
   * The match to take at word `i`: the longest phrase that names exactly one subject (or a
   * blocking phrase), the closest spelling first; null when nothing starting here names anyone.
   */
  private bestAt(
    tokens: readonly TextToken[],
    i: number,
    candidatesAt: (i: number) => readonly Candidate[],
  ): PhraseMatch | null {
    const firsts = candidatesAt(i);
    if (firsts.length === 0) return null;
    const matches: PhraseMatch[] = [];
    for (const first of firsts) {
      const longest = Math.min(this.lexicon.longestPhraseFrom(first.word), tokens.length - i);
      this.extend([first.word], first.quality, i, longest, candidatesAt, matches);
    }
    matches.sort((a, b) => b.length - a.length || a.quality - b.quality);
    for (const m of matches) {
      if (m.blocked) return m;
      // Among the best matches of this length, one subject only: otherwise try a shorter one.
      const rivals = matches.filter((x) => x.length === m.length && x.quality === m.quality);
      const subjects = new Set(rivals.flatMap((x) => x.subjects));
      if (subjects.size === 1) return m;
    }
    return null;
  }

  private extend(
    words: number[],
    quality: Quality,
    i: number,
    longest: number,
    candidatesAt: (i: number) => readonly Candidate[],
    out: PhraseMatch[],
  ): void {
    const entry = this.lexicon.phrase(words);
    if (entry && (entry.blocked || entry.subjects.length > 0)) {
      out.push({ length: words.length, quality, subjects: entry.subjects, blocked: entry.blocked });
    }
    if (words.length >= longest || !this.lexicon.isPrefix(words)) return;
    for (const next of candidatesAt(i + words.length)) {
      words.push(next.word);
      this.extend(words, Math.max(quality, next.quality) as Quality, i, longest, candidatesAt, out);
      words.pop();
    }
  }
}
