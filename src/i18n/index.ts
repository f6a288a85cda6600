// Single-function and single-locale modules: the package's indexes load all of date-fns and every locale.
import { format } from "date-fns/format";
import { ru } from "date-fns/locale/ru";
import type { DateClaim } from "../data/schema.js";
import { formatDay } from "../query/format.js";

export type Lang = "en" | "ru";

/** Discord sends locales such as "en-US", "en-GB", "ru"; anything but Russian gets English. */
export function langOf(locale: string | null | undefined): Lang {
  return locale?.toLowerCase().startsWith("ru") ? "ru" : "en";
}

const STRINGS = {
  en: {
    offices: "Offices held",
    roles: "Other roles",
    facts: "Facts",
    disputes: "Where the sources disagree",
    characterisations: "How the sources characterise it",
    holders: "Holders in order",
    purpose: "Purpose",
    existed: "Existed",
    titles: "Titles",
    infobox: "In brief",
    predecessor: "Preceded by",
    successor: "Succeeded by",
    followedBy: "Became",
    precededByOffice: "Grew out of",
    diedInOffice: "died in office",
    deFacto: "de facto",
    acting: "acting",
    endUnknown: "end not given by the sources",
    sources: "Sources",
    matched: "Matched",
    interpretation: "Read as",
    precision: "precision",
    vacant: "Vacant",
    aroundThen: "Around then",
    noHolder: "No one held the office",
    whoLed: "Who led the party",
    used: "used by default",
    died: "Died",
    notFound: "I couldn't find",
    didYouMean: "Did you mean one of these?",
    pick: "Choose an entry…",
    error: "Sorry — something went wrong on my side while answering. Please try again in a moment.",
    notYours: "These buttons belong to someone else's card, so here is your own copy.",
    timelineTitle: "The party's leaders, 1917–1991",
  },
  ru: {
    offices: "Должности",
    roles: "Другие роли",
    facts: "Факты",
    disputes: "Где источники расходятся",
    characterisations: "Оценки источников",
    holders: "Занимали должность",
    purpose: "Назначение",
    existed: "Существовала",
    titles: "Названия",
    infobox: "Кратко",
    predecessor: "Предшественник",
    successor: "Преемник",
    followedBy: "Стала",
    precededByOffice: "Выросла из",
    diedInOffice: "умер в должности",
    deFacto: "де-факто",
    acting: "и. о.",
    endUnknown: "дата окончания не указана в источниках",
    sources: "Источники",
    matched: "Найдено по",
    interpretation: "Понято как",
    precision: "точность",
    vacant: "Вакантно",
    aroundThen: "События рядом",
    noHolder: "Должность никто не занимал",
    whoLed: "Кто руководил партией",
    used: "используется по умолчанию",
    died: "Умер",
    notFound: "Не нашёл",
    didYouMean: "Возможно, вы имели в виду:",
    pick: "Выберите…",
    error: "Извините, у меня что-то пошло не так. Попробуйте ещё раз чуть позже.",
    notYours: "Эти кнопки относятся к чужой карточке, поэтому вот ваша копия.",
    timelineTitle: "Руководители партии, 1917–1991",
  },
} as const;

export type StringKey = keyof (typeof STRINGS)["en"];

export function t(lang: Lang, key: StringKey): string {
  return STRINGS[lang][key];
}

const PRECISION_RU: Record<string, string> = {
  day: "день",
  month: "месяц",
  year: "год",
  season: "сезон",
  decade: "десятилетие",
  range: "промежуток",
};

export function precisionName(lang: Lang, precision: string): string {
  return lang === "ru" ? (PRECISION_RU[precision] ?? precision) : precision;
}

/** A sourced date at its own precision, in the reader's language. */
export function formatDate(lang: Lang, claim: Pick<DateClaim, "date" | "precision">): string {
  if (lang === "en") return formatDay(claim);
  const [y, m, d] = claim.date.split("-").map(Number) as [number, number?, number?];
  if (claim.precision === "year" || m === undefined) return `${y} г.`;
  const date = new Date(y, m - 1, d ?? 1);
  if (claim.precision === "month" || d === undefined) return format(date, "LLLL yyyy 'г.'", { locale: ru });
  return format(date, "d MMMM yyyy 'г.'", { locale: ru });
}

/** "16 years, 216 days" → "16 лет, 216 дней". */
export function localiseDuration(lang: Lang, text: string): string {
  if (lang === "en") return text;
  return text.replace(
    /(\d+)(–\d+)? (years?|months?|days?)/g,
    (_, n: string, range: string | undefined, unit: string) => {
      const count = Number(n);
      const forms: Record<string, [string, string, string]> = {
        year: ["год", "года", "лет"],
        month: ["месяц", "месяца", "месяцев"],
        day: ["день", "дня", "дней"],
      };
      const [one, few, many] = forms[unit.replace(/s$/, "")] as [string, string, string];
      const last = range ? Number(range.slice(1)) : count;
      const mod10 = last % 10;
      const mod100 = last % 100;
      const word =
        mod10 === 1 && mod100 !== 11
          ? one
          : mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)
            ? few
            : many;
      return `${n}${range ?? ""} ${word}`;
    },
  );
}
