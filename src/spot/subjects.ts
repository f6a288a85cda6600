// The people and offices of the dataset as the message lookup sees them: each name in every script
// and spelling the search knows, split into what counts only in full and what counts alone.
import type { Dataset } from "../data/load.js";
import type { Office, Person } from "../data/schema.js";
import { transliterations } from "../search/translit.js";
import type { SpotSubject } from "./lexicon.js";
import { foldWord } from "./tokens.js";
import { ORDINARY_EN, ORDINARY_RU } from "./words.js";

const lastWord = (text: string): string => text.trim().split(/\s+/).at(-1) ?? text;
const firstWord = (text: string): string => text.trim().split(/\s+/)[0] ?? text;
const wordCount = (text: string): number => text.trim().split(/\s+/).length;
const words = (text: string): string[] => text.trim().split(/\s+/);
const ORDINARY = new Set([...ORDINARY_EN, ...ORDINARY_RU]);

/**
 * Phrases that contain a name but name nobody: a lookup that turned "Molotov cocktail" into a card
 * of Molotov would be the confidently wrong match users complain of.
 */
export const NOT_NAMES: readonly string[] = [
  "Molotov cocktail",
  "Molotov cocktails",
  "коктейль Молотова",
  "коктейли Молотова",
  "коктейлем Молотова",
];

/**
 * Aliases the search accepts but chat uses for other things: "our party leader" is not the
 * General Secretary of the CPSU.
 */
const TOO_GENERIC = new Set(["party leader"]);

/**
 * A person's names as the lookup reads them. The patronymic is the middle word of the full
 * Latin and Russian names in data/people.json; "Leonid Ilyich" and "Никита Сергеевич" name the
 * man as Russians speak of him, and before a surname his own given name, patronymic or initial
 * confirms him where anybody else's marks another man ("Alexander Zinoviev").
 */
function personSubject(p: Person): SpotSubject {
  const phrases = new Set<string>([p.name, p.fullName, p.nameRu]);
  const alone = new Set<string>([lastWord(p.name)]);
  const own = new Set<string>();
  const exact = new Set<string>();
  const ru = words(p.nameRu);
  const full = words(p.fullName);
  const ruShort = ru.length > 2 ? `${ru[0]} ${ru.at(-1)}` : p.nameRu;
  phrases.add(ruShort);
  alone.add(lastWord(p.nameRu));
  phrases.add(`${firstWord(p.name)[0]} ${lastWord(p.name)}`);
  for (const t of transliterations(ruShort)) {
    phrases.add(t.text);
    alone.add(lastWord(t.text));
    own.add(firstWord(t.text));
  }
  own.add(firstWord(p.name));
  own.add(ru[0] as string);
  own.add(full[0] as string);
  if (ru.length > 2) {
    const named = `${ru[0]} ${ru[1]}`;
    phrases.add(named);
    own.add(ru[1] as string);
    for (const t of transliterations(named)) {
      phrases.add(t.text);
      for (const w of words(t.text)) own.add(w);
    }
    for (const t of transliterations(p.nameRu)) phrases.add(t.text);
  }
  if (full.length > 2) {
    const patronymic = full.slice(1, -1).join(" ");
    phrases.add(`${full[0]} ${patronymic}`);
    phrases.add(`${firstWord(p.name)} ${patronymic}`);
    own.add(patronymic);
  }
  for (const v of p.variants) {
    if (wordCount(v.text) === 1) {
      alone.add(v.text);
      // A nickname is matched as written: "Gorky" is a writer and a park, not "Gorby".
      if (v.kind === "nickname") exact.add(v.text);
    } else {
      phrases.add(v.text);
      // A nickname ("Iron Felix") counts only whole; a spelling's surname counts alone.
      if (v.kind !== "nickname") {
        alone.add(lastWord(v.text));
        for (const w of words(v.text).slice(0, -1)) own.add(w);
      }
    }
  }
  // Initials: "N. S. Khrushchev", "Н. С. Хрущёв".
  for (const w of [...own]) {
    const folded = foldWord(w);
    if (folded.length > 0) own.add(folded[0] as string);
  }
  return {
    id: p.id,
    kind: "person",
    phrases: [...phrases],
    alone: [...alone],
    own: [...own],
    exact: [...exact],
  };
}

/**
 * An office's names. An alias made only of everyday words, one of them a clipping of the title
 * ("first sec", "gen sec"), is also what chat says for other things ("the first sec of the
 * video"): it counts only where the message names something else for certain.
 */
function officeSubject(o: Office): SpotSubject {
  const full = [o.name, o.nameRu, ...o.titles.map((t) => t.title)];
  const names = [...full, ...o.aliases].filter((n) => !TOO_GENERIC.has(n.toLowerCase()));
  const fullWords = new Set(full.flatMap(words).map(foldWord));
  const weak = o.aliases.filter((a) => {
    const ws = words(a).map(foldWord);
    return ws.every((w) => ORDINARY.has(w) || fullWords.has(w)) && ws.some((w) => !fullWords.has(w));
  });
  return {
    id: o.id,
    kind: "office",
    phrases: names.filter((n) => wordCount(n) > 1),
    alone: names.filter((n) => wordCount(n) === 1),
    weak,
  };
}

export function spotSubjects(ds: Dataset): SpotSubject[] {
  return [...ds.people.map(personSubject), ...ds.offices.map(officeSubject)];
}
