import type { Dataset } from "../data/load.js";
import type { Office, Person, Variant } from "../data/schema.js";
import { type Messages, text } from "../i18n/index.js";
import { type SearchEntry, SearchIndex, type SearchKey, soundKey } from "./index.js";
import { normalizeName } from "./normalize.js";
import { transliterations } from "./translit.js";

const lastWord = (text: string): string => text.trim().split(/\s+/).at(-1) ?? text;
const firstWord = (text: string): string => text.trim().split(/\s+/)[0] ?? text;

type Notes = Messages["searchNotes"];
/**
 * A key with its note on what it is, in English and in Russian (en.ts, ru.ts `searchNotes`); an
 * empty note is none (a Russian reader who typed the Russian name typed the name itself).
 */
function noted(key: string, note: (notes: Notes) => string): SearchKey {
  const ru = note(text("ru").searchNotes);
  return { text: key, note: note(text("en").searchNotes), ...(ru ? { noteRu: ru } : {}) };
}

function variantNote(v: Variant, person: Person): (notes: Notes) => string {
  switch (v.kind) {
    case "exonym":
      return (n) => n.exonym({ person, lang: v.lang });
    case "birth-name":
      return (n) => n.birthName({ person });
    case "nickname":
      return (n) => n.nickname({ person });
    case "native-name":
      return (n) => n.nativeName({ person });
    default:
      return (n) => n.variant({ person });
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
  const person = p;
  const first = firstWord(p.name);
  const surname = lastWord(p.name);
  keys.push({ text: surname });
  keys.push({ text: `${surname} ${first}` });
  keys.push({ text: `${first[0]} ${surname}` });
  keys.push(noted(p.fullName, (n) => n.fullName({ person })));
  if (uniqueFirstNames.has(normalizeName(first))) keys.push(noted(first, (n) => n.firstName({ person })));

  const ru = russianParts(p.nameRu);
  keys.push(noted(p.nameRu, (n) => n.russianName({ person })));
  keys.push(noted(ru.short, (n) => n.russianName({ person })));
  keys.push(noted(ru.surname, (n) => n.russianSurname({ person })));
  keys.push(noted(`${ru.surname} ${ru.first}`, (n) => n.russianName({ person })));
  if (uniqueFirstNames.has(normalizeName(ru.first)))
    keys.push(noted(ru.first, (n) => n.firstName({ person })));
  for (const t of transliterations(ru.short)) {
    const system = t.system;
    keys.push(noted(t.text, (n) => n.transliteration({ person, system, surname: false })));
    keys.push(noted(lastWord(t.text), (n) => n.transliteration({ person, system, surname: true })));
  }
  for (const v of p.variants) {
    const note = variantNote(v, p);
    keys.push(noted(v.text, note));
    const vLast = lastWord(v.text);
    if (v.kind !== "nickname" && vLast !== v.text) {
      keys.push(noted(vLast, note));
      keys.push(noted(`${vLast} ${firstWord(v.text)}`, note));
    }
  }
  return keys;
}

function officeKeys(o: Office): SearchKey[] {
  const office = o;
  const keys: SearchKey[] = [noted(o.nameRu, (n) => n.officeRussianTitle({ office }))];
  for (const alias of o.aliases) keys.push(noted(alias, (n) => n.officeAlias({ office })));
  for (const t of o.titles) keys.push(noted(t.title, (n) => n.officeFullTitle({ office })));
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
