// The dataset's own words in the reader's language. Every record keeps its Russian beside its
// English (`ru`, `titleRu`, `topicRu`, …; see data/README.md and src/data/schema.ts): a Russian
// reader gets the Russian, and the English only where a record has none yet (the loader will
// refuse such a record once the dataset is translated). Cards, answers and the timeline take the
// dataset's text from here and nowhere else, so no card can forget one of them.
import type { Claim, Dispute, HistoricalEvent, Office, Person, Source, Term } from "../data/schema.js";
import { claimBounds } from "../dates/calendar.js";
import type { Lang } from "./tables.js";

/** The Russian text for a Russian reader where the record has one; otherwise the English. */
export function inLang(lang: Lang, english: string, russian: string | undefined): string {
  return lang === "ru" && russian ? russian : english;
}

/** A sourced sentence (a fact, a purpose, a note, a stated duration). */
export function sourcedText(lang: Lang, item: { text: string; ru?: string | undefined }): string {
  return inLang(lang, item.text, item.ru);
}

/** "Nikita Khrushchev" / "Никита Хрущёв": a person as cards and answers name them. */
export function personName(lang: Lang, person: Pick<Person, "name" | "nameRu">): string {
  return lang === "ru" ? shortRussian(person.nameRu) : person.name;
}

/** "Nikita Sergeyevich Khrushchev" / "Никита Сергеевич Хрущёв". */
export function personFullName(lang: Lang, person: Pick<Person, "fullName" | "nameRu">): string {
  return lang === "ru" ? person.nameRu : person.fullName;
}

/** "Никита Хрущёв" from "Никита Сергеевич Хрущёв": first name and surname. */
export function shortRussian(nameRu: string): string {
  const parts = nameRu.trim().split(/\s+/);
  return parts.length > 2 ? `${parts[0]} ${parts.at(-1)}` : nameRu;
}

/** An office or body by its name: "General Secretary" / "Генеральный секретарь ЦК КПСС". */
export function officeName(lang: Lang, office: Pick<Office, "name" | "nameRu">): string {
  return lang === "ru" ? office.nameRu : office.name;
}

export function roleTitle(lang: Lang, role: Person["roles"][number]): string {
  return inLang(lang, role.title, role.titleRu);
}

export function roleNote(lang: Lang, role: Person["roles"][number]): string | undefined {
  return role.note === undefined ? undefined : inLang(lang, role.note, role.noteRu);
}

export function periodNote(lang: Lang, period: Office["periods"][number]): string | undefined {
  return period.note === undefined ? undefined : inLang(lang, period.note, period.noteRu);
}

export function titleText(lang: Lang, title: Office["titles"][number]): string {
  return inLang(lang, title.title, title.titleRu);
}

export function infoboxValue(lang: Lang, row: Office["infobox"][string]): string {
  return inLang(lang, row.value, row.valueRu);
}

export function disputeTopic(lang: Lang, dispute: Pick<Dispute, "topic" | "topicRu">): string {
  return inLang(lang, dispute.topic, dispute.topicRu);
}

export function disputeWhy(lang: Lang, dispute: Pick<Dispute, "why" | "whyRu">): string {
  return inLang(lang, dispute.why, dispute.whyRu);
}

export function claimValue(lang: Lang, claim: Dispute["claims"][number]): string {
  return inLang(lang, claim.value, claim.valueRu);
}

export function eventTitle(lang: Lang, event: Pick<HistoricalEvent, "title" | "titleRu">): string {
  return inLang(lang, event.title, event.titleRu);
}

export function sourceSummary(lang: Lang, source: Pick<Source, "summary" | "summaryRu">): string {
  return inLang(lang, source.summary, source.summaryRu);
}

/** A characterisation, written to follow its source's name: "ProleWiki calls …". */
export function characterisation(lang: Lang, claim: Pick<Claim, "text" | "ru">): string {
  return inLang(lang, claim.text, claim.ru);
}

/**
 * The party's abbreviation as the seeds' titles name the party: the Russian title of an office
 * held under one name of the party says that name (Stalin's 1922–1952 office is "…ЦК ВКП(б)",
 * as 003 heads it "…of the All-Union Communist Party (Bolsheviks)", not "…ЦК КПСС").
 */
const PARTIES: readonly [RegExp, string][] = [
  [/Russian Social Democratic Labour Party \(Bolsheviks\)/, "РСДРП(б)"],
  [/All-Union Communist Party \(Bolsheviks\)/, "ВКП(б)"],
  [/Russian Communist Party \(Bolsheviks\)/, "РКП(б)"],
  [/Communist Party of the Soviet Union/, "КПСС"],
];
const PARTY_RU = /(?<=ЦК )(?:РСДРП\(б\)|РКП\(б\)|ВКП\(б\)|КПСС)/;

/**
 * The party's name from each renaming on (the #24 contract's periods: РСДРП(б) to March 1918,
 * РКП(б) to December 1925, ВКП(б) to October 1952, КПСС after): for a holding outside its office's
 * own dates, which no title of the office covers (Stalin's de facto one after the office was
 * abolished in October 1952).
 */
const PARTY_SINCE: readonly [string, string][] = [
  ["1952-10", "КПСС"],
  ["1925-12", "ВКП(б)"],
  ["1918-03", "РКП(б)"],
  ["0000", "РСДРП(б)"],
];

/**
 * The party an office's Russian title names on a day: the office's title dated to cover it, or,
 * within the office's own periods, its first undated title (as the seeds head the terms: 003 heads
 * Stalin's 1922–1952 term "…of the All-Union Communist Party (Bolsheviks)"); outside them, the
 * party's name on that day.
 */
function partyOn(office: Office, day: string): string | undefined {
  const year = Number(day.slice(0, 4));
  const inPeriod = office.periods.some(
    (p) => claimBounds(p.from).from <= day && (p.to === null || day < claimBounds(p.to).from),
  );
  const title =
    office.titles.find(
      (t) => t.from !== undefined && Number(t.from) <= year && (t.to === undefined || year <= Number(t.to)),
    ) ?? (inPeriod ? office.titles.find((t) => t.from === undefined && t.to === undefined) : undefined);
  if (title)
    return title.titleRu?.match(PARTY_RU)?.[0] ?? PARTIES.find(([english]) => english.test(title.title))?.[1];
  return PARTY_SINCE.find(([since]) => day >= since)?.[1];
}

/**
 * What a holding was a holding of, by the name in force when it began. In Russian the office's
 * name carries the party's name ("Генеральный секретарь ЦК КПСС"), which changed over the years:
 * the title that covers the term's start gives it (its `titleRu`'s party where it names one, else
 * the party its English title names; see `partyOn`). English names the office as it always has.
 */
export function officeNameFor(lang: Lang, office: Office, term: Pick<Term, "start">): string {
  const name = officeName(lang, office);
  if (lang !== "ru" || !PARTY_RU.test(name)) return name;
  const party = partyOn(office, claimBounds(term.start).from);
  return party ? name.replace(PARTY_RU, party) : name;
}
