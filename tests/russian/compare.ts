// What a Russian text must keep of its English one (data/README.md, "Russian"): the same numbers,
// years and day-dates, the same months, the same named people, each quotation as a marked
// translation, and the glossary's Russian for each glossary term. Each rule reads both languages
// into the same terms ("6 August 1917" and "6 августа 1917 г." are both the day 6-8) and compares.

import type { GlossaryTerm, Person } from "../../src/data/schema.js";
import { MONTHS_EN } from "../../src/dates/parse.js";
import { text } from "../../src/i18n/index.js";
import { NUMBER_WORDS } from "../../src/query/stated.js";

/** An English text, its Russian, and how the Russian must read. */
export interface Pair {
  where: string;
  en: string;
  ru: string;
  /**
   * A sentence the cards may show after "According to ProleWiki, " (a fact, note, purpose, event
   * or characterisation): when the English reads on in lower case, so must the Russian.
   */
  readsOn?: true;
}

/** What the rules know besides the pair: the people and the glossary. */
export interface Context {
  people: readonly Pick<Person, "id" | "name" | "nameRu" | "fullName" | "variants">[];
  glossary: readonly GlossaryTerm[];
  /** Latin-script words a Russian text may contain: the sources' own names (ProleWiki, Wikipedia). */
  sourceNames: ReadonlySet<string>;
}

/** The mark that follows a quotation translated into Russian. */
export const TRANSLATED = "(пер. с англ.)";

const LETTER = "\\p{L}";
const word = (body: string, flags = "gu") =>
  new RegExp(`(?<![${LETTER}\\d])(?:${body})(?![${LETTER}\\d])`, flags);
const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** Russian compared without the ё/е distinction (a missing ё is its own rule below). */
const yo = (s: string) => s.replace(/ё/g, "е").replace(/Ё/g, "Е");

/** English cardinals two to twelve ("one" is left out: see numbersIn), as stated.ts reads them. */
const EN_NUMBER_WORDS = NUMBER_WORDS.slice(1);
/** Russian cardinals 2–12 in every case (and gender, for два/две). */
const RU_NUMBER_WORDS: readonly (readonly string[])[] = [
  ["два", "две", "двух", "двум", "двумя"],
  ["три", "трех", "трем", "тремя"],
  ["четыре", "четырех", "четырем", "четырьмя"],
  ["пять", "пяти", "пятью"],
  ["шесть", "шести", "шестью"],
  ["семь", "семи", "семью"],
  ["восемь", "восьми", "восемью", "восьмью"],
  ["девять", "девяти", "девятью"],
  ["десять", "десяти", "десятью"],
  ["одиннадцать", "одиннадцати", "одиннадцатью"],
  ["двенадцать", "двенадцати", "двенадцатью"],
];

const sorted = (xs: Iterable<string | number>) => [...xs].map(String).sort();

/**
 * The numbers a text states, in order of size: figures ("10,000" in English, "10 000" with a
 * no-break space in Russian; an ordinal's figure: "10th", "10-й") and the cardinals two to twelve
 * spelled out. "One" is left out: in English it is as often a pronoun ("a de jure one").
 */
export function numbersIn(text: string, lang: "en" | "ru"): string[] {
  const out: number[] = [];
  const figures = lang === "en" ? /\d+(?:,\d{3})*/g : /\d+(?:[\u00a0\u202f]\d{3})*/g;
  for (const m of text.matchAll(figures)) out.push(Number(m[0].replace(/[,\u00a0\u202f]/g, "")));
  const spelled = lang === "en" ? EN_NUMBER_WORDS.map((w) => [w]) : RU_NUMBER_WORDS;
  spelled.forEach((forms, i) => {
    const found = (lang === "ru" ? yo(text) : text).match(word(forms.join("|"), "giu"));
    for (const _ of found ?? []) out.push(i + 2);
  });
  return sorted(out);
}

/** The months after a day ("6 августа"), as the bot writes them (the Russian table's). */
const RU_MONTHS_GENITIVE = text("ru").monthsAfterDay;
/** The stem of each Russian month and of its adjective ("март", "мартовский"; "сентябрьский"). */
const RU_MONTH_STEMS = [
  "январ",
  "феврал",
  "март",
  "апрел",
  "ма(?:й|я|е|ю|ем)(?![\\p{L}])",
  "июн",
  "июл",
  "август",
  "сентябр",
  "октябр",
  "ноябр",
  "декабр",
];

/**
 * The days a text names, as "day-month" ("6-8"): English "6 August" or "August 6", Russian
 * "6 августа". The year is among the numbers; a day named without its year is still a day.
 */
export function daysIn(text: string, lang: "en" | "ru"): string[] {
  const out: string[] = [];
  if (lang === "en") {
    const months = MONTHS_EN.join("|");
    for (const m of text.matchAll(new RegExp(`(?<!\\d)(\\d{1,2}) (${months})\\b`, "g")))
      out.push(`${Number(m[1])}-${MONTHS_EN.indexOf(m[2] as (typeof MONTHS_EN)[number]) + 1}`);
    for (const m of text.matchAll(new RegExp(`\\b(${months}) (\\d{1,2})(?!\\d)`, "g")))
      out.push(`${Number(m[2])}-${MONTHS_EN.indexOf(m[1] as (typeof MONTHS_EN)[number]) + 1}`);
  } else {
    for (const m of text.matchAll(
      new RegExp(`(?<!\\d)(\\d{1,2})[ \\u00a0](${RU_MONTHS_GENITIVE.join("|")})`, "gu"),
    ))
      out.push(`${Number(m[1])}-${RU_MONTHS_GENITIVE.indexOf(m[2] as string) + 1}`);
  }
  return sorted(out);
}

/**
 * The months a text names, with or without a day or a year, as numbers: "the September plenary
 * meeting" and "сентябрьский пленум" both name September; "the October Revolution" and
 * "Октябрьская революция" both name October.
 */
export function monthsIn(text: string, lang: "en" | "ru"): string[] {
  const out = new Set<number>();
  if (lang === "en") {
    for (const m of text.matchAll(new RegExp(`\\b(${MONTHS_EN.join("|")})\\b`, "g")))
      out.add(MONTHS_EN.indexOf(m[1] as (typeof MONTHS_EN)[number]) + 1);
  } else {
    RU_MONTH_STEMS.forEach((stem, i) => {
      if (new RegExp(`(?<![\\p{L}])${stem}`, "iu").test(text)) out.add(i + 1);
    });
  }
  return sorted(out);
}

/** A Russian surname's stem: its case endings vary ("Стасова", "Стасовой"), the stem does not. */
export function surnameStem(surname: string): string {
  let stem = yo(surname);
  while (stem.length > 4 && /[аеиоуыэюяйь]$/.test(stem)) stem = stem.slice(0, -1);
  return stem;
}

/** The English surnames a person goes by: their name's, their full name's and their spellings'. */
function englishSurnames(p: Context["people"][number]): string[] {
  const names = [p.name, p.fullName, ...p.variants.filter((v) => v.kind !== "nickname").map((v) => v.text)];
  return [...new Set(names.filter((n) => /[A-Za-z]/.test(n)).map((n) => n.split(" ").at(-1) as string))];
}

/** The people an English text names, by any of their English surnames (ids, in order). */
export function peopleInEnglish(ctx: Context, text: string): string[] {
  return ctx.people
    .filter((p) => englishSurnames(p).some((s) => word(literal(s), "u").test(text)))
    .map((p) => p.id)
    .sort();
}

/** The people a Russian text names, by their Cyrillic surname in any case. */
export function peopleInRussian(ctx: Context, text: string): string[] {
  const flat = yo(text);
  return ctx.people
    .filter((p) => {
      const stem = surnameStem(p.nameRu.split(" ").at(-1) as string);
      return new RegExp(`(?<![\\p{L}])${literal(stem)}\\p{L}{0,3}(?![\\p{L}])`, "u").test(flat);
    })
    .map((p) => p.id)
    .sort();
}

/** The quotations of an English text: “…”, "…" and '…' (an apostrophe inside a word is none). */
export function englishQuotations(text: string): string[] {
  return [...text.matchAll(/“([^”]+)”|"([^"]+)"|(?<![\p{L}\d])'([^']+)'(?![\p{L}\d])/gu)].map(
    (m) => (m[1] ?? m[2] ?? m[3]) as string,
  );
}

/** The quotations of a Russian text: «…», each marked as a translation or not. */
export function russianQuotations(text: string): { text: string; marked: boolean }[] {
  return [...text.matchAll(/«([^»]+)»( \(пер\. с англ\.\))?/g)].map((m) => ({
    text: m[1] as string,
    marked: m[2] !== undefined,
  }));
}

/** The glossary terms an English text uses (ids). */
export function termsInEnglish(ctx: Context, text: string): GlossaryTerm[] {
  return ctx.glossary.filter((t) => t.en.some((phrase) => word(literal(phrase), "iu").test(text)));
}

/** Whether a Russian text uses one of a term's Russian forms. */
export function usesTerm(term: GlossaryTerm, text: string): boolean {
  return term.ruForms.some((form) => word(literal(yo(form)), "iu").test(yo(text)));
}

const same = (a: string[], b: string[]) => a.join(",") === b.join(",");

/** Everything a pair's Russian says differently from its English, as readable findings. */
export function pairFindings(ctx: Context, pair: Pair): string[] {
  const { en, ru, where } = pair;
  const out: string[] = [];
  const differ = (what: string, e: string[], r: string[]) => {
    if (!same(e, r))
      out.push(`${where}: ${what} differ: English [${e.join(", ")}], Russian [${r.join(", ")}]`);
  };
  differ("numbers", numbersIn(en, "en"), numbersIn(ru, "ru"));
  differ("days", daysIn(en, "en"), daysIn(ru, "ru"));
  differ("months", monthsIn(en, "en"), monthsIn(ru, "ru"));
  differ("people", peopleInEnglish(ctx, en), peopleInRussian(ctx, ru));

  const quotes = englishQuotations(en);
  const translations = russianQuotations(ru);
  for (const q of translations.filter((t) => !t.marked))
    out.push(`${where}: «${q.text}» is not marked as a translation: follow it with "${TRANSLATED}"`);
  const marked = translations.filter((t) => t.marked).length;
  if (marked !== quotes.length)
    out.push(
      `${where}: ${quotes.length} quotation(s) in English, ${marked} marked translation(s) in Russian`,
    );

  for (const term of termsInEnglish(ctx, en))
    if (!usesTerm(term, ru))
      out.push(
        `${where}: English uses "${term.en.join('" / "')}"; Russian has none of ${term.ruForms.join(", ")}`,
      );

  for (const latin of ru.match(/[A-Za-z][A-Za-z'-]*/g) ?? [])
    if (!ctx.sourceNames.has(latin)) out.push(`${where}: Latin-script word "${latin}" in Russian`);
  for (const p of ctx.people) {
    const surname = p.nameRu.split(" ").at(-1) as string;
    if (surname.includes("ё") && ru.includes(yo(surname)))
      out.push(`${where}: "${yo(surname)}" is written "${surname}"`);
  }
  if (/г\.\./.test(ru)) out.push(`${where}: "г.." (the year's abbreviation ends the sentence)`);
  // A date reads "6 августа 1917 г.", "в марте 1921 г.": the year after a month takes "г." (or "года").
  const monthWord =
    /(?<![\p{L}])(?:январ|феврал|март|апрел|ма[йяе]|июн|июл|август|сентябр|октябр|ноябр|декабр)\p{L}{0,2}/u;
  for (const m of ru.matchAll(new RegExp(`${monthWord.source} (\\d{4})(?! г\\.| гг\\.| год)`, "gu")))
    out.push(`${where}: "${m[0]}" without "г." after the year`);
  // A text that reads on after "According to ProleWiki, " reads on after "По данным ProleWiki, ".
  if (
    pair.readsOn &&
    /^[a-z]/.test(en) &&
    !/^[а-яё]/.test(ru) &&
    peopleInRussian(ctx, ru.split(/\s/)[0] ?? "").length === 0
  )
    out.push(`${where}: English reads on after an attribution, Russian starts "${ru.split(" ")[0]}"`);
  return out;
}
