// "Look up in Apparat": every person, office and date a chat message mentions. Names are matched
// whole (the longest known phrase at each word), forgiving case, Russian endings, plurals,
// possessives and one typing slip, but never by mere resemblance: a word that is an ordinary word,
// or would fit two people equally, finds nothing; a surname after somebody else's first name is
// somebody else; a name that is part of a place's name is the place. A wrong card is worse than none.
import { type SpottedDate, spotDates } from "./dates.js";
import { type Candidate, type Quality, type SpotLexicon, type SubjectKind, WORD } from "./lexicon.js";
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

/** The words outside every date, in one walk over both (each is in the order of the text). */
function outsideDates(tokens: TextToken[], dates: readonly SpottedDate[]): TextToken[] {
  if (dates.length === 0) return tokens;
  const out: TextToken[] = [];
  let d = 0;
  for (const t of tokens) {
    while (d < dates.length && (dates[d] as SpottedDate).end <= t.start) d++;
    const date = dates[d];
    if (date && date.start < t.end && t.start < date.end) continue;
    out.push(t);
  }
  return out;
}

/** Whether only spaces stand between two words ("Alexander Zinoviev", not "Alexander, Zinoviev"). */
function spaced(text: string, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0xa0 && (c < 0x09 || c > 0x0d)) return false;
  }
  return true;
}

/** Whether two words may be read as one name: spaces, hyphens or an initial's full stop between. */
function glued(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2e || c === 0x2d || c === 0x2010 || c === 0x20 || c === 0xa0 || (c >= 0x09 && c <= 0x0d))
      continue;
    return false;
  }
  return true;
}

/** A Russian patronymic in any case and spelling: "Ilyich", "Сергеевича", "Nikolayevna". */
const PATRONYMIC =
  /(?:ovich|evich|ovitch|evitch|owitsch|ewitsch|owicz|ewicz|ovna|evna|ichna|ilyich|ilich|ilitch|iljitsch|ович|евич|овна|евна|ична|илич|кузмич|лукич|фомич|никитич|саввич)(?:а|у|ем|е|ом|ои|ы|ою)?$/;

interface Mention {
  subject: number;
  start: number;
  end: number;
  weak: boolean;
}

interface PhraseMatch {
  length: number;
  quality: Quality;
  subjects: number[];
  blocked: boolean;
  weak: boolean;
}

export class Spotter {
  /** The words of the message being read and, by word, what each may stand for (worked out once). */
  private words: readonly TextToken[] = [];
  private known: (readonly Candidate[] | undefined)[] = [];

  constructor(private readonly lexicon: SpotLexicon) {}

  private candidatesAt(i: number): readonly Candidate[] {
    let c = this.known[i];
    if (!c) {
      c = this.lexicon.candidates(this.words[i] as TextToken);
      this.known[i] = c;
    }
    return c;
  }

  spot(fullText: string): SpotResult {
    const text = fullText.length > MAX_SPOT_TEXT ? fullText.slice(0, MAX_SPOT_TEXT) : fullText;
    const all = textTokens(text);
    const dates = spotDates(text, all);
    // Words inside a date ("March", "после") are the date's, not names.
    const tokens = outsideDates(all, dates);
    this.words = tokens;
    this.known = [];
    const mentions: Mention[] = [];
    let i = 0;
    while (i < tokens.length) {
      const chosen = this.bestAt(text, tokens, i);
      if (!chosen) {
        i++;
        continue;
      }
      const subject = chosen.subjects[0] as number;
      if (!chosen.blocked && !this.restrained(text, tokens, i, chosen, subject)) {
        const start = (tokens[i] as TextToken).start;
        const end = (tokens[i + chosen.length - 1] as TextToken).end;
        mentions.push({ subject, start, end, weak: chosen.weak });
      }
      i += chosen.length;
    }
    // A weak mention ("first sec", "козлов") counts only beside something named for certain.
    const certain = dates.length > 0 || mentions.some((m) => !m.weak);
    const entities: SpottedEntity[] = [];
    const seen = new Set<number>();
    for (const m of mentions) {
      if ((m.weak && !certain) || seen.has(m.subject)) continue;
      seen.add(m.subject);
      const subject = this.lexicon.subjects[m.subject];
      if (!subject) continue;
      entities.push({
        id: subject.id,
        kind: subject.kind,
        surface: text.slice(m.start, m.end),
        start: m.start,
        end: m.end,
      });
    }
    this.words = [];
    this.known = [];
    return { text: fullText, entities, dates };
  }

  private hasFlag(candidates: readonly Candidate[], bit: number): boolean {
    for (const c of candidates) if (this.lexicon.flagsOf(c.word) & bit) return true;
    return false;
  }

  /**
   * Whether the words around a match make it something else: a place named after the person
   * ("улица Ленина", "Lenin Street"), another man of the same surname ("Alexander Zinoviev",
   * "A. Zinoviev", "Сергей Никитич Хрущёв"), another organisation's office ("the UN secretariat",
   * "first secretary of the embassy").
   */
  private restrained(
    text: string,
    tokens: readonly TextToken[],
    i: number,
    m: PhraseMatch,
    subject: number,
  ): boolean {
    const first = tokens[i] as TextToken;
    const last = tokens[i + m.length - 1] as TextToken;
    const prev = i > 0 ? (tokens[i - 1] as TextToken) : undefined;
    const next = tokens[i + m.length];
    const prevSpaced = prev !== undefined && spaced(text, prev.end, first.start);
    const nextSpaced = next !== undefined && glued(text, last.end, next.start) && last.end < next.start;
    if (this.lexicon.subjects[subject]?.kind === "office") {
      if (prevSpaced && this.hasFlag(this.candidatesAt(i - 1), WORD.otherOrgan)) return true;
      return next !== undefined && nextSpaced && this.ofAnotherOrgan(text, tokens, i + m.length);
    }
    if (prevSpaced && prev.cyrillic && this.hasFlag(this.candidatesAt(i - 1), WORD.placeBefore)) return true;
    if (nextSpaced && !next.cyrillic && this.hasFlag(this.candidatesAt(i + m.length), WORD.placeAfter))
      return true;
    if (m.length !== 1 || !prev) return false;
    // "A. Zinoviev", "Н. С. Хрущёв": an initial, its full stop, then the surname.
    if (
      prev.norm.length === 1 &&
      text.charCodeAt(prev.end) === 0x2e &&
      spaced(text, prev.end + 1, first.start)
    ) {
      return !this.candidatesAt(i - 1).some((c) => c.quality === 0 && this.lexicon.isOwnOf(subject, c.word));
    }
    if (!prevSpaced) return false;
    const before = this.candidatesAt(i - 1);
    if (before.some((c) => c.quality < 2 && this.lexicon.isOwnOf(subject, c.word))) return false;
    if (before.some((c) => c.quality < 2 && this.lexicon.flagsOf(c.word) & WORD.given)) return true;
    return PATRONYMIC.test(prev.norm) && !this.hasFlag(before, WORD.name);
  }

  /** "… of the embassy": the word after "of" (and an article) is none of our party's organs. */
  private ofAnotherOrgan(text: string, tokens: readonly TextToken[], at: number): boolean {
    if (tokens[at]?.norm !== "of") return false;
    let k = at + 1;
    const article = tokens[k]?.norm;
    if (article === "the" || article === "a" || article === "our") k++;
    const word = tokens[k];
    const before = tokens[k - 1] as TextToken;
    if (!word || !spaced(text, before.end, word.start)) return false;
    return !this.hasFlag(this.candidatesAt(k), WORD.ourOrgan);
  }

  /**
   * The match to take at word `i`: the longest phrase that names exactly one subject (or a
   * blocking phrase), the closest spelling first; null when nothing starting here names anyone.
   */
  private bestAt(text: string, tokens: readonly TextToken[], i: number): PhraseMatch | null {
    const firsts = this.candidatesAt(i);
    if (firsts.length === 0) return null;
    const matches: PhraseMatch[] = [];
    for (const first of firsts) {
      if (!(this.lexicon.flagsOf(first.word) & WORD.name)) continue;
      const longest = Math.min(this.lexicon.longestPhraseFrom(first.word), tokens.length - i);
      this.extend(text, tokens, [first.word], first.quality, i, longest, matches);
    }
    if (matches.length === 0) return null;
    // Most often one phrase matches here: it is the match unless it names two people.
    if (matches.length === 1) {
      const m = matches[0] as PhraseMatch;
      return m.blocked || m.subjects.length === 1 ? m : null;
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
    text: string,
    tokens: readonly TextToken[],
    words: number[],
    quality: Quality,
    i: number,
    longest: number,
    out: PhraseMatch[],
  ): void {
    const entry = this.lexicon.phrase(words);
    if (entry && (entry.blocked || entry.subjects.length > 0)) {
      out.push({
        length: words.length,
        quality,
        subjects: entry.subjects,
        blocked: entry.blocked,
        weak: entry.weak,
      });
    }
    if (words.length >= longest || !this.lexicon.isPrefix(words)) return;
    const at = i + words.length;
    const before = tokens[at - 1] as TextToken;
    if (!glued(text, before.end, (tokens[at] as TextToken).start)) return;
    for (const next of this.candidatesAt(at)) {
      words.push(next.word);
      this.extend(text, tokens, words, Math.max(quality, next.quality) as Quality, i, longest, out);
      words.pop();
    }
  }
}
