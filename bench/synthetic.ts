/**
 * Deterministic synthetic people for the search benchmark: Russian-like names built from first
 * names, patronymics and surname syllables, each with the kinds of keys the real entries have.
 */
import type { SearchEntry, SearchKey } from "../src/search/index.js";
import { transliterations } from "../src/search/translit.js";

/** mulberry32: a small, fast, seeded PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(rand: () => number, list: readonly T[]): T =>
  list[Math.floor(rand() * list.length)] as T;

const MALE_FIRST = [
  "Александр",
  "Алексей",
  "Анатолий",
  "Андрей",
  "Арсений",
  "Борис",
  "Вадим",
  "Валентин",
  "Валерий",
  "Василий",
  "Виктор",
  "Владимир",
  "Вячеслав",
  "Геннадий",
  "Георгий",
  "Григорий",
  "Дмитрий",
  "Евгений",
  "Иван",
  "Игорь",
  "Илья",
  "Иосиф",
  "Климент",
  "Константин",
  "Лаврентий",
  "Лазарь",
  "Лев",
  "Леонид",
  "Матвей",
  "Михаил",
  "Николай",
  "Олег",
  "Павел",
  "Пётр",
  "Семён",
  "Сергей",
  "Степан",
  "Фёдор",
  "Феликс",
  "Фрол",
  "Юрий",
  "Яков",
];

const FEMALE_FIRST = [
  "Анна",
  "Александра",
  "Валентина",
  "Галина",
  "Екатерина",
  "Елена",
  "Зинаида",
  "Клавдия",
  "Людмила",
  "Мария",
  "Надежда",
  "Нина",
  "Ольга",
  "Татьяна",
];

const PATRONYMICS = [
  "Александрович",
  "Алексеевич",
  "Андреевич",
  "Борисович",
  "Васильевич",
  "Викторович",
  "Виссарионович",
  "Григорьевич",
  "Дмитриевич",
  "Иванович",
  "Ильич",
  "Константинович",
  "Леонидович",
  "Максимилианович",
  "Михайлович",
  "Николаевич",
  "Павлович",
  "Петрович",
  "Сергеевич",
  "Степанович",
  "Устинович",
  "Фёдорович",
  "Яковлевич",
];

const COMMON_SURNAMES = [
  "Иванов",
  "Смирнов",
  "Кузнецов",
  "Попов",
  "Васильев",
  "Петров",
  "Соколов",
  "Михайлов",
  "Новиков",
  "Фёдоров",
  "Морозов",
  "Волков",
  "Алексеев",
  "Лебедев",
  "Семёнов",
  "Егоров",
  "Павлов",
  "Козлов",
  "Степанов",
  "Николаев",
];

const SYLLABLES = [
  "ба",
  "бе",
  "бо",
  "бре",
  "ва",
  "ве",
  "во",
  "га",
  "го",
  "гра",
  "гу",
  "да",
  "де",
  "до",
  "дзе",
  "жа",
  "жу",
  "за",
  "зи",
  "ка",
  "ко",
  "кра",
  "кру",
  "ку",
  "ла",
  "ле",
  "ло",
  "лю",
  "ма",
  "ме",
  "ми",
  "мо",
  "на",
  "не",
  "но",
  "па",
  "пе",
  "по",
  "ра",
  "ре",
  "ро",
  "са",
  "се",
  "со",
  "ста",
  "сте",
  "су",
  "та",
  "те",
  "ти",
  "то",
  "тре",
  "фе",
  "фо",
  "ха",
  "хо",
  "хру",
  "це",
  "ча",
  "че",
  "чу",
  "ша",
  "ше",
  "щу",
  "ю",
  "я",
];

const CODAS = ["", "", "", "б", "в", "г", "д", "з", "к", "л", "м", "н", "р", "с", "т", "х", "ш", "шк", "нк"];
const SUFFIXES = [
  "ов",
  "ев",
  "ёв",
  "ин",
  "ын",
  "ский",
  "цкий",
  "енко",
  "ук",
  "як",
  "ич",
  "ых",
  "ко",
  "ян",
  "швили",
];

function feminineSurname(s: string): string {
  if (/(ов|ев|ёв|ин|ын)$/.test(s)) return `${s}а`;
  if (/ский$/.test(s)) return s.replace(/ский$/, "ская");
  if (/цкий$/.test(s)) return s.replace(/цкий$/, "цкая");
  return s;
}

function femininePatronymic(p: string): string {
  if (p === "Ильич") return "Ильинична";
  return p.replace(/ович$/, "овна").replace(/евич$/, "евна");
}

function capitalize(s: string): string {
  return s.length === 0 ? s : s[0]!.toUpperCase() + s.slice(1);
}

function surname(rand: () => number): string {
  if (rand() < 0.12) return pick(rand, COMMON_SURNAMES);
  const n = 1 + Math.floor(rand() * 3);
  let root = "";
  for (let i = 0; i < n; i++) root += pick(rand, SYLLABLES);
  return capitalize(root + pick(rand, CODAS) + pick(rand, SUFFIXES));
}

/** Every Cyrillic letter: no two systems render it the same, so none is dropped as a duplicate. */
const PROBE = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя";

/** The rendering of one word in every system, memoised: first names and patronymics repeat a lot. */
const wordCache = new Map<string, Map<string, string>>();
function translitWord(word: string): Map<string, string> {
  let systems = wordCache.get(word);
  if (!systems) {
    const all = transliterations(`${word} ${PROBE}`);
    systems = new Map(all.map((t) => [t.system, t.text.slice(0, t.text.indexOf(" "))]));
    wordCache.set(word, systems);
  }
  return systems;
}

/**
 * Every distinct rendering of a Cyrillic name, word by word (the same as transliterating the
 * whole text: every rule looks at most one letter back and a space starts a word).
 */
export function translitName(words: string[]): { system: string; text: string }[] {
  const perWord = words.map(translitWord);
  const seen = new Set<string>();
  const out: { system: string; text: string }[] = [];
  for (const system of perWord[0]?.keys() ?? []) {
    const text = perWord.map((m) => m.get(system) as string).join(" ");
    if (!seen.has(text)) {
      seen.add(text);
      out.push({ system, text });
    }
  }
  return out;
}

const SYSTEM_LABEL: Record<string, string> = {
  german: "German-style",
  french: "French-style",
  polish: "Polish-style",
  spanish: "Spanish-style",
  scholarly: "scholarly",
  iso9: "ISO 9",
  simple: "simplified",
};
const OTHER_SYSTEMS = Object.keys(SYSTEM_LABEL);

/** The parts of one synthetic person, kept for building queries. */
export interface SyntheticPerson {
  label: string;
  first: string;
  surname: string;
  firstRu: string;
  surnameRu: string;
  fullName: string;
}

export interface SyntheticDataset {
  entries: SearchEntry[];
  people: SyntheticPerson[];
  keyCount: number;
}

/** `count` people with 8–15 keys each: surname, "first surname", reversed, initials, Cyrillic, transliterations. */
export function syntheticDataset(count: number, seed: number): SyntheticDataset {
  const rand = mulberry32(seed);
  const entries: SearchEntry[] = [];
  const people: SyntheticPerson[] = [];
  let keyCount = 0;
  for (let i = 0; i < count; i++) {
    const female = rand() < 0.15;
    const firstRu = female ? pick(rand, FEMALE_FIRST) : pick(rand, MALE_FIRST);
    const patroRu = female ? femininePatronymic(pick(rand, PATRONYMICS)) : pick(rand, PATRONYMICS);
    const baseSurname = surname(rand);
    const surnameRu = female ? feminineSurname(baseSurname) : baseSurname;
    const shortRu = `${firstRu} ${surnameRu}`;
    const fullRu = `${firstRu} ${patroRu} ${surnameRu}`;

    const translits = translitName([firstRu, patroRu, surnameRu]);
    const english = translits.find((t) => t.system === "english")?.text ?? fullRu;
    const [first = "", patronymic = "", last = ""] = english.split(" ");
    const label = `${first} ${last}`;
    const fullName = english;

    const keys: SearchKey[] = [
      { text: last },
      { text: `${last} ${first}` },
      { text: `${first[0]} ${last}` },
      { text: `${first[0]}. ${patronymic[0]}. ${last}`, note: `initials of ${label}` },
      { text: fullName, note: `full name of ${label}` },
      { text: fullRu, note: `Russian name of ${label}` },
      { text: shortRu, note: `Russian name of ${label}` },
      { text: surnameRu, note: `Russian spelling of ${last}` },
      { text: `${surnameRu} ${firstRu}`, note: `Russian name of ${label}` },
    ];
    // A couple of other transliterations of the short name, with their surnames.
    const systems = new Set<string>();
    const wanted = 1 + Math.floor(rand() * 3);
    while (systems.size < wanted) systems.add(pick(rand, OTHER_SYSTEMS));
    for (const t of translitName([firstRu, surnameRu])) {
      if (!systems.has(t.system)) continue;
      const note = `${SYSTEM_LABEL[t.system]} transliteration of ${shortRu}`;
      keys.push({ text: t.text, note });
      keys.push({ text: t.text.split(" ").at(-1) ?? t.text, note });
    }
    keyCount += keys.length + 1;
    entries.push({
      id: `p${i}`,
      kind: "person",
      label,
      prominence: 1 + Math.floor(rand() * 3),
      order: i < 12 ? i : Number.POSITIVE_INFINITY,
      keys,
    });
    people.push({ label, first, surname: last, firstRu, surnameRu, fullName });
  }
  return { entries, people, keyCount };
}
