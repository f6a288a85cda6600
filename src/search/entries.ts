import type { Dataset } from "../data/load.js";
import type { Office, Person, Variant } from "../data/schema.js";
import { type SearchEntry, SearchIndex, type SearchKey, soundKey } from "./index.js";
import { normalizeName } from "./normalize.js";
import { transliterations } from "./translit.js";

const LANGUAGES: Record<string, string> = {
  de: "German",
  fr: "French",
  es: "Spanish",
  pl: "Polish",
};

const SYSTEM_NAMES: Record<string, string> = {
  english: "English-style",
  simple: "simplified",
  scholarly: "scholarly",
  iso9: "ISO 9",
  german: "German-style",
  french: "French-style",
  polish: "Polish-style",
  spanish: "Spanish-style",
};

const lastWord = (text: string): string => text.trim().split(/\s+/).at(-1) ?? text;
const firstWord = (text: string): string => text.trim().split(/\s+/)[0] ?? text;

function variantNote(v: Variant, person: Person): string {
  const surname = lastWord(person.name);
  switch (v.kind) {
    case "exonym":
      return `${LANGUAGES[v.lang ?? ""] ?? "foreign"} spelling of ${surname}`;
    case "birth-name":
      return `birth name of ${person.name}`;
    case "nickname":
      return `nickname of ${person.name}`;
    case "native-name":
      return `native spelling of ${person.name}`;
    default:
      return `variant spelling of ${person.name}`;
  }
}

/** Russian "first last" and surname, from the full Russian name with its patronymic. */
function russianParts(nameRu: string): { short: string; surname: string; first: string } {
  const parts = nameRu.trim().split(/\s+/);
  const first = parts[0] ?? nameRu;
  const surname = parts.at(-1) ?? nameRu;
  return { short: parts.length > 2 ? `${first} ${surname}` : nameRu, surname, first };
}

function personKeys(p: Person, uniqueFirstNames: ReadonlySet<string>): SearchKey[] {
  const keys: SearchKey[] = [];
  const first = firstWord(p.name);
  const surname = lastWord(p.name);
  keys.push({ text: surname });
  keys.push({ text: `${surname} ${first}` });
  keys.push({ text: `${first[0]} ${surname}` });
  keys.push({ text: p.fullName, note: `full name of ${p.name}` });
  if (uniqueFirstNames.has(normalizeName(first))) keys.push({ text: first, note: `first name of ${p.name}` });

  const ru = russianParts(p.nameRu);
  keys.push({ text: p.nameRu, note: `Russian name of ${p.name}` });
  keys.push({ text: ru.short, note: `Russian name of ${p.name}` });
  keys.push({ text: ru.surname, note: `Russian spelling of ${surname}` });
  keys.push({ text: `${ru.surname} ${ru.first}`, note: `Russian name of ${p.name}` });
  if (uniqueFirstNames.has(normalizeName(ru.first)))
    keys.push({ text: ru.first, note: `first name of ${p.name}` });
  for (const t of transliterations(ru.short)) {
    const system = SYSTEM_NAMES[t.system] ?? t.system;
    keys.push({ text: t.text, note: `${system} transliteration of ${ru.short}` });
    keys.push({ text: lastWord(t.text), note: `${system} transliteration of ${ru.surname}` });
  }
  for (const v of p.variants) {
    const note = variantNote(v, p);
    keys.push({ text: v.text, note });
    const vLast = lastWord(v.text);
    if (v.kind !== "nickname" && vLast !== v.text) {
      keys.push({ text: vLast, note });
      keys.push({ text: `${vLast} ${firstWord(v.text)}`, note });
    }
  }
  return keys;
}

function officeKeys(o: Office): SearchKey[] {
  const keys: SearchKey[] = [{ text: o.nameRu, note: `Russian title of ${o.name}` }];
  for (const alias of o.aliases) keys.push({ text: alias, note: `another name for ${o.name}` });
  for (const t of o.titles) keys.push({ text: t.title, note: `full title of ${o.name}` });
  return keys;
}

/**
 * First names that belong to exactly one person, in English or Russian: these alone may find
 * them. Names that sound alike ("Nikolai", "Nikolay") count as one, so neither is unique.
 */
function uniqueFirstNames(people: readonly Person[]): Set<string> {
  const owners = new Map<string, Set<string>>();
  const forms = new Map<string, Set<string>>();
  for (const p of people) {
    const names = new Set([normalizeName(firstWord(p.name)), normalizeName(russianParts(p.nameRu).first)]);
    for (const v of p.variants) {
      if (v.kind !== "birth-name" && v.kind !== "nickname") names.add(normalizeName(firstWord(v.text)));
    }
    for (const n of names) {
      const sound = soundKey(n);
      owners.set(sound, (owners.get(sound) ?? new Set()).add(p.id));
      forms.set(sound, (forms.get(sound) ?? new Set()).add(n));
    }
  }
  return new Set(
    [...owners].filter(([, ids]) => ids.size === 1).flatMap(([sound]) => [...(forms.get(sound) ?? [])]),
  );
}

/** Everything a user could type for each person and office in the dataset. */
export function buildSearchEntries(ds: Dataset): SearchEntry[] {
  const leaderOrder = new Map<string, number>();
  for (const t of ds.leadership) if (!leaderOrder.has(t.person)) leaderOrder.set(t.person, leaderOrder.size);
  const unique = uniqueFirstNames(ds.people);
  const people: SearchEntry[] = ds.people.map((p) => ({
    id: p.id,
    kind: "person",
    label: p.name,
    prominence: p.prominence,
    order: leaderOrder.get(p.id) ?? Number.POSITIVE_INFINITY,
    keys: personKeys(p, unique),
  }));
  const officeOrder = [
    "secretariat",
    "technical-secretary",
    "chairman-of-the-secretariat",
    "responsible-secretary",
    "general-secretary",
    "first-secretary",
    "acting-general-secretary",
    "deputy-general-secretary",
    "second-secretary",
  ];
  const offices: SearchEntry[] = ds.offices.map((o) => ({
    id: o.id,
    kind: "office",
    label: o.name,
    prominence: o.leading ? 1 : 2,
    order: officeOrder.includes(o.id) ? officeOrder.indexOf(o.id) : Number.POSITIVE_INFINITY,
    keys: officeKeys(o),
  }));
  return [...people, ...offices];
}

export function buildSearchIndex(ds: Dataset): SearchIndex {
  return new SearchIndex(buildSearchEntries(ds));
}
