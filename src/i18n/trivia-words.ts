// What a trivia question says, as one table per language (trivia-en.ts, trivia-ru.ts): the
// generators in src/trivia/questions choose the people, terms, days and events, and the table
// words them. Each sentence takes the dataset's own items, not English text, so that a language
// with cases and genders (Russian) can put every name in the form its sentence needs.
import type { DateClaim, HistoricalEvent, Term } from "../data/schema.js";

/** What happened on a day at which a leading term starts or ends (for "… is the day X died"). */
export interface BoundaryItem {
  kind: "died" | "ended" | "became";
  term: Term;
}

export interface TriviaWords {
  readonly true: string;
  readonly false: string;

  // — the choices —
  /** A person as an option: "Joseph Stalin", "Иосиф Сталин". */
  name(personId: string): string;
  /** A person in a chain of surnames ("Stalin → Khrushchev"). */
  surname(personId: string): string;
  /** A day as an option. */
  day(iso: string): string;
  /** An office as an option; `near` is the term it is compared with (a title depends on the period). */
  office(officeId: string, near: Term): string;
  /** How long a term lasted, as an option. */
  termLength(t: Term): string;
  /** An event's title in this language (the dataset's Russian where it has one). */
  eventTitle(e: HistoricalEvent): string;

  // — who came before or after whom —
  successorPrompt(a: Term): string;
  predecessorPrompt(b: Term): string;
  /** "X was ROLE from … to …." */
  heldFromTo(t: Term): string;
  /** "X became ROLE on …." */
  becameOn(t: Term): string;
  /** "14 October 1964: <event title>." */
  eventLine(e: HistoricalEvent): string;

  // — who held office on a day —
  holderPrompt(day: string): string;
  holderOn(day: string, t: Term): string;
  /** "X came after A and before B.", or "" with neither. */
  cameBetween(personId: string, after: string | null, before: string | null): string;

  // — when someone took office —
  tookOfficePrompt(t: Term): string;
  tookOffice(t: Term, previous: Term | undefined): string;
  previousEnded(before: Term): string;
  /** "5 March 1953 is the day Joseph Stalin died." */
  dayWas(day: string, what: readonly BoundaryItem[]): string;

  // — how long —
  durationPrompt(t: Term): string;
  durationIs(t: Term, days: number): string;
  otherFigures(terms: readonly Term[]): string;

  // — which office —
  officeHeldPrompt(personId: string, acting: boolean): string;
  heldSentence(personId: string, terms: readonly Term[]): string;
  otherTitles(officeIds: readonly string[], near: Term): string;

  // — who died in office —
  readonly diedPrompt: string;
  diedInOffice(t: Term): string;
  /** The others' last terms. */
  othersAlive(lastTerms: readonly Term[]): string;

  // — what happened on a day —
  eventPrompt(day: DateClaim): string;
  eventOn(e: HistoricalEvent): string;
  /** The wrong options with their dates: `text` is each one as shown among the choices. */
  otherEvents(options: readonly { text: string; event: HistoricalEvent }[]): string;

  // — true or false —
  trueOrFalse(statement: string): string;
  verdict(truth: boolean): string;
  diedHolding(personId: string): string;
  endedAlive(last: Term): string;
  heldBefore(a: string, b: string): string;
  /** When each first held the office: every account's date where their order is disputed. */
  firstHeld(a: readonly Term[], b: readonly Term[]): string;
  heldOffice(personId: string, officeId: string, near: Term): string;
  titleIn(officeId: string, near: Term): string;
  becameOfficeOn(t: Term, day: string): string;
  becameNotOn(t: Term, wrongDay: string, what: readonly BoundaryItem[]): string;
  lastedLonger(a: Term, b: Term): string;
  heldForLength(t: Term): string;

  // — in which order —
  readonly orderPrompt: string;
  orderExplanation(people: readonly { personId: string; terms: readonly Term[] }[]): string;
}
