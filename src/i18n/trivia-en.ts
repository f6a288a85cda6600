// Trivia's sentences in English (see trivia-words.ts). The wording is the one questions have
// always had: a question's id is a hash of its English prompt and answer, so a changed word here
// is a new question for every score, study box and report.
import type { Dataset } from "../data/build.js";
import type { DateClaim, Term } from "../data/schema.js";
import { describeTermLength } from "../dates/duration.js";
import { basisLabel, holdingLabel } from "../query/holding.js";
import { formatDate, formatEventDate } from "./dates.js";
import type { BoundaryItem, TriviaWords } from "./trivia-words.js";

/**
 * The chain of offices a question walks, worded as the sources frame it: the Secretariat's top
 * office, which before 1922-24 was technical rather than political, so "led the party" would not do.
 */
const LEADING_OFFICE = "the Secretariat's top office";

const date = (claim: Pick<DateClaim, "date" | "precision">) => formatDate("en", claim);
const isoDay = (iso: string) => date({ date: iso, precision: "day" });

/** "on 3 April 1922", "in March 1921", "in 1918". */
const onDate = (claim: DateClaim) => `${claim.precision === "day" ? "on" : "in"} ${date(claim)}`;

function termRange(t: Term): string {
  const from = date(t.start);
  if (!t.end) return `from ${from}`;
  return t.endedByDeath
    ? `from ${from} until death in office ${onDate(t.end)}`
    : `from ${from} to ${date(t.end)}`;
}

export function triviaEn(ds: Dataset): TriviaWords {
  const name = (id: string) => ds.personById.get(id)?.name ?? id;
  const office = (id: string) => ds.officeById.get(id)?.name ?? id;
  /** A holding named as the cards name it: "General Secretary (title disputed from 1934)". */
  const role = (t: Term) => holdingLabel(ds, t, "en");
  const length = (t: Term) => describeTermLength(t.start, t.end as DateClaim);
  /** "1917 (according to ProleWiki) or March 1919": every account's date where the order is disputed. */
  const firstTaken = (terms: readonly Term[]) => {
    const dates: string[] = [];
    for (const t of terms) {
      dates.push(`${date(t.start)}${basisLabel("en", t, ds)}`);
      if (!t.orderDisputed) break;
    }
    return dates.join(" or ");
  };
  const periods = (officeId: string) =>
    (ds.officeById.get(officeId)?.periods ?? [])
      .map((p) => {
        const from = p.from.date.slice(0, 4);
        const to = p.to ? p.to.date.slice(0, 4) : "";
        return from === to ? from : `${from}–${to}`;
      })
      .join(", ");
  const boundary = (what: readonly BoundaryItem[]) =>
    `the day ${what
      .map(({ kind, term }) =>
        kind === "died"
          ? `${name(term.person)} died`
          : kind === "ended"
            ? `${name(term.person)}'s term as ${role(term)} ended`
            : `${name(term.person)} became ${role(term)}`,
      )
      .join(" and ")}`;
  const heldSentence = (personId: string, terms: readonly Term[]) => {
    const parts = terms.map((t, i) => {
      if (i === 0) return `${role(t)} ${termRange(t)}`;
      return role(t) === role(terms[i - 1] as Term)
        ? `and again ${termRange(t)}`
        : `then ${role(t)} ${termRange(t)}`;
    });
    return `${name(personId)} was ${parts.join(", ")}.`;
  };

  return {
    true: "True",
    false: "False",
    name,
    surname: (id) => name(id).split(" ").at(-1) ?? name(id),
    day: isoDay,
    office: (id) => office(id),
    termLength: length,
    eventTitle: (e) => e.title,

    successorPrompt: (a) => `Who succeeded ${name(a.person)}, ${role(a)}, in ${LEADING_OFFICE}?`,
    predecessorPrompt: (b) => `Who held ${LEADING_OFFICE} immediately before ${name(b.person)}, ${role(b)}?`,
    heldFromTo: (t) => `${name(t.person)} was ${role(t)} ${termRange(t)}.`,
    becameOn: (t) => `${name(t.person)} became ${role(t)} ${onDate(t.start)}.`,
    eventLine: (e) => `${formatEventDate("en", e)}: ${e.title}.`,

    holderPrompt: (day) => `Who held ${LEADING_OFFICE} on ${isoDay(day)}?`,
    holderOn: (day, t) => `On ${isoDay(day)} ${name(t.person)} was ${role(t)}, ${termRange(t)}.`,
    cameBetween: (personId, after, before) => {
      const around = [after ? `after ${name(after)}` : "", before ? `before ${name(before)}` : ""].filter(
        Boolean,
      );
      return around.length ? `${name(personId)} came ${around.join(" and ")}.` : "";
    },

    tookOfficePrompt: (t) => `On which day did ${name(t.person)} become ${office(t.office)}?`,
    tookOffice: (t, previous) =>
      `${name(t.person)} became ${office(t.office)} on ${date(t.start)}${
        previous ? `, after serving as ${role(previous)} since ${date(previous.start)}` : ""
      }.`,
    previousEnded: (before) =>
      `${name(before.person)}'s term as ${role(before)} had ended ${before.endedByDeath ? "with death in office " : ""}${
        before.end ? onDate(before.end) : ""
      }.`,
    dayWas: (day, what) => `${isoDay(day)} is ${boundary(what)}.`,

    durationPrompt: (t) => `How long was ${name(t.person)} ${role(t)}?`,
    durationIs: (t, days) => `${name(t.person)} was ${role(t)} ${termRange(t)}: ${length(t)} (${days} days).`,
    otherFigures: (terms) =>
      `The other figures: ${terms.map((t) => `${length(t)} (${name(t.person)}, ${role(t)})`).join("; ")}.`,

    officeHeldPrompt: (personId, acting) =>
      acting
        ? `${name(personId)} was acting holder of which office of the Central Committee's Secretariat?`
        : `Which office of the Central Committee's Secretariat did ${name(personId)} hold?`,
    heldSentence,
    otherTitles: (officeIds) =>
      `The other titles belong to other periods: ${officeIds.map((o) => `${office(o)} (${periods(o)})`).join("; ")}.`,

    diedPrompt: "Which of these people died while holding the Secretariat's top office?",
    diedInOffice: (t) => `${name(t.person)} died in office as ${role(t)} ${t.end ? onDate(t.end) : ""}.`,
    othersAlive: (terms) =>
      `The others left office alive: ${terms
        .map((t) => `${name(t.person)} (${role(t)} until ${t.end ? date(t.end) : "the end"})`)
        .join("; ")}.`,

    eventPrompt: (day) => `What happened on ${date(day)}?`,
    eventOn: (e) => `On ${date(e.date)}: ${e.title}.`,
    otherEvents: (options) =>
      `The other options: ${options.map((x) => `${x.text} (${formatEventDate("en", x.event)})`).join("; ")}.`,

    trueOrFalse: (statement) => `True or false: ${statement}`,
    verdict: (truth) => `${truth ? "True" : "False"}.`,
    diedHolding: (personId) => `${name(personId)} died while holding ${LEADING_OFFICE}.`,
    endedAlive: (last) =>
      `${name(last.person)}'s time in ${LEADING_OFFICE} ended ${last.end ? `${onDate(last.end)} ` : ""}(${role(last)}), not with death.`,
    heldBefore: (a, b) => `${name(a)} held ${LEADING_OFFICE} before ${name(b)} did.`,
    firstHeld: (a, b) =>
      `${name((a[0] as Term).person)} first held the office from ${firstTaken(a)}; ${name((b[0] as Term).person)} from ${firstTaken(b)}.`,
    heldOffice: (personId, officeId) =>
      `${name(personId)} held the Central Committee office of ${office(officeId)}.`,
    titleIn: (officeId) => `${office(officeId)} was the title in ${periods(officeId)}.`,
    becameOfficeOn: (t, day) => `${name(t.person)} became ${office(t.office)} on ${isoDay(day)}.`,
    becameNotOn: (t, wrongDay, what) =>
      `${name(t.person)} became ${office(t.office)} on ${date(t.start)}; ${isoDay(wrongDay)} is ${boundary(what)}.`,
    lastedLonger: (a, b) =>
      `${name(a.person)}'s term as ${role(a)} lasted longer than ${name(b.person)}'s term as ${role(b)}.`,
    heldForLength: (t) => `${name(t.person)} was ${role(t)} ${termRange(t)}: ${length(t)}.`,

    orderPrompt: "In which order did these people first hold the Secretariat's top office?",
    orderExplanation: (people) =>
      `In order of first taking ${LEADING_OFFICE}: ${people
        .map((p) => `${name(p.personId)}, ${firstTaken(p.terms)}`)
        .join("; ")}.`,
  };
}
