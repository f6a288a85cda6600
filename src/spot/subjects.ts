// The people and offices of the dataset as the message lookup sees them: each name in every script
// and spelling the search knows, split into what counts only in full and what counts alone.
import type { Dataset } from "../data/load.js";
import type { Office, Person } from "../data/schema.js";
import { transliterations } from "../search/translit.js";
import type { SpotSubject } from "./lexicon.js";

const lastWord = (text: string): string => text.trim().split(/\s+/).at(-1) ?? text;
const firstWord = (text: string): string => text.trim().split(/\s+/)[0] ?? text;
const wordCount = (text: string): number => text.trim().split(/\s+/).length;

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

function personSubject(p: Person): SpotSubject {
  const phrases = new Set<string>([p.name, p.fullName, p.nameRu]);
  const alone = new Set<string>([lastWord(p.name)]);
  const ru = p.nameRu.trim().split(/\s+/);
  const ruShort = ru.length > 2 ? `${ru[0]} ${ru.at(-1)}` : p.nameRu;
  phrases.add(ruShort);
  alone.add(lastWord(p.nameRu));
  phrases.add(`${firstWord(p.name)[0]} ${lastWord(p.name)}`);
  for (const t of transliterations(ruShort)) {
    phrases.add(t.text);
    alone.add(lastWord(t.text));
  }
  for (const v of p.variants) {
    if (wordCount(v.text) === 1) {
      alone.add(v.text);
    } else {
      phrases.add(v.text);
      // A nickname ("Iron Felix") counts only whole; a spelling's surname counts alone.
      if (v.kind !== "nickname") alone.add(lastWord(v.text));
    }
  }
  return { id: p.id, kind: "person", phrases: [...phrases], alone: [...alone] };
}

function officeSubject(o: Office): SpotSubject {
  const names = [o.name, o.nameRu, ...o.aliases, ...o.titles.map((t) => t.title)].filter(
    (n) => !TOO_GENERIC.has(n.toLowerCase()),
  );
  return {
    id: o.id,
    kind: "office",
    phrases: names.filter((n) => wordCount(n) > 1),
    alone: names.filter((n) => wordCount(n) === 1),
  };
}

export function spotSubjects(ds: Dataset): SpotSubject[] {
  return [...ds.people.map(personSubject), ...ds.offices.map(officeSubject)];
}
