// Trivia's sentences in Russian (see trivia-words.ts): the same facts as trivia-en.ts, in the
// case each sentence needs ("после Никиты Хрущёва", "стал Первым секретарём") and the gender of
// its person ("стала", "умерла"). Every case form is the dataset's own (people's and offices'
// `nameRuForms`, titles' `titleRuForms`): nothing here declines a name.
import type { Dataset } from "../data/build.js";
import type { DateClaim, Office, RussianForms, Term } from "../data/schema.js";
import { describeTermLength } from "../dates/duration.js";
import { basisLabel } from "../query/holding.js";
import { formatDate, formatDateFrom, formatEventDate, formatOnDate, localiseDuration } from "./dates.js";
import { pluralRu } from "./ru.js";
import type { BoundaryItem, TriviaWords } from "./trivia-words.js";

type Forms = RussianForms & { nom: string };

/** The Secretariat's top office (see trivia-en.ts), in the accusative and the genitive/prepositional. */
const TOP_ACC = "высшую должность Секретариата";
const TOP_PREP = "высшей должности Секретариата";

/** "глава" in its cases: a body's holding is named as the head of the body ("глава Секретариата ЦК КПСС"). */
const HEAD: Forms = { nom: "глава", gen: "главы", dat: "главе", acc: "главу", ins: "главой", prep: "главе" };

const date = (claim: Pick<DateClaim, "date" | "precision">) => formatDate("ru", claim);
const isoDay = (iso: string) => date({ date: iso, precision: "day" });
const from = (claim: DateClaim) => formatDateFrom("ru", claim);
const on = (claim: DateClaim) => formatOnDate("ru", claim);

function termRange(t: Term): string {
  if (!t.end) return `с ${from(t.start)}`;
  return t.endedByDeath
    ? `с ${from(t.start)} до смерти в должности ${on(t.end)}`
    : `с ${from(t.start)} по ${date(t.end)}`;
}

const year = (iso: string) => Number(iso.slice(0, 4));

/**
 * An office's Russian title for a year, as the seeds title it then: a title given for a period
 * that covers the year, else the first title without a period that shares a source with what is
 * named (a holding's or a period's sources), else the office's Russian name.
 */
function titleAt(office: Office, at: number, sources: readonly string[]): Forms {
  const titled = office.titles.filter((x) => x.titleRu && x.titleRuForms);
  const covering = titled.find((x) => x.from && Number(x.from) <= at && (!x.to || at <= Number(x.to)));
  const open = titled.filter((x) => !x.from && !x.to);
  const chosen = covering ?? open.find((x) => x.sources.some((s) => sources.includes(s))) ?? open[0];
  if (chosen?.titleRu && chosen.titleRuForms) return { nom: chosen.titleRu, ...chosen.titleRuForms };
  const own = office.nameRuForms;
  return own
    ? { nom: office.nameRu, ...own }
    : {
        nom: office.nameRu,
        gen: office.nameRu,
        dat: office.nameRu,
        acc: office.nameRu,
        ins: office.nameRu,
        prep: office.nameRu,
      };
}

/** A date's "г." also ends the sentence it closes: "… 16 марта 1921 г.", never "… г..". */
const oneStop = (s: string) => s.replace(/ г\.\./g, " г.");

/** The table with every sentence passed through `oneStop`. */
function withOneStop(words: TriviaWords): TriviaWords {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(words)) {
    out[key] =
      typeof value === "function"
        ? (...args: unknown[]) => oneStop((value as (...a: unknown[]) => string)(...args))
        : value;
  }
  return out as unknown as TriviaWords;
}

export function triviaRu(ds: Dataset): TriviaWords {
  const person = (id: string): Forms & { female: boolean } => {
    const p = ds.personById.get(id);
    if (!p) return { nom: id, gen: id, dat: id, acc: id, ins: id, prep: id, female: false };
    const words = p.nameRu.split(" ");
    const nom = words.length > 2 ? `${words[0]} ${words.at(-1)}` : p.nameRu;
    const forms = p.nameRuForms ?? { gen: nom, dat: nom, acc: nom, ins: nom, prep: nom };
    return { nom, ...forms, female: p.gender === "f" };
  };
  /** A verb or pronoun in the person's gender: said(id, "стал", "стала"). */
  const said = (id: string, m: string, f: string) => (person(id).female ? f : m);

  /** The title of a term's office as the seeds give it in the term's period, without qualifiers. */
  const title = (t: Term): Forms => {
    const office = ds.officeById.get(t.office);
    if (!office)
      return { nom: t.office, gen: t.office, dat: t.office, acc: t.office, ins: t.office, prep: t.office };
    if (office.kind === "body") {
      const body = office.nameRuForms?.gen ?? office.nameRu;
      const head = (c: keyof Forms) => `${HEAD[c]} ${body}`;
      return {
        nom: head("nom"),
        gen: head("gen"),
        dat: head("dat"),
        acc: head("acc"),
        ins: head("ins"),
        prep: head("prep"),
      };
    }
    return titleAt(office, year(t.start.date), t.sources);
  };
  /** A holding named as the cards name it, in a case: the title and its neutral qualifiers. */
  const role = (t: Term, c: keyof Forms) => `${title(t)[c]}${basisLabel("ru", t, ds)}`;

  /** An office compared with a term: the term's own title, or the office's in its period nearest the term. */
  const officeNear = (officeId: string, near: Term): Forms => {
    if (near.office === officeId) return title(near);
    const office = ds.officeById.get(officeId);
    if (!office) return title(near);
    const at = year(near.start.date);
    const distance = (p: Office["periods"][number]) => {
      const a = year(p.from.date);
      const b = p.to ? year(p.to.date) : a;
      return at < a ? a - at : at > b ? at - b : 0;
    };
    const period = [...office.periods].sort((x, y) => distance(x) - distance(y))[0];
    return period ? titleAt(office, year(period.from.date), period.from.sources) : titleAt(office, at, []);
  };

  /** "Генеральный секретарь ЦК ВКП(б) (1922–1952); Генеральный секретарь ЦК КПСС (1966–1991)". */
  const periods = (officeId: string) => {
    const office = ds.officeById.get(officeId);
    if (!office) return officeId;
    const groups: { title: string; years: string[] }[] = [];
    for (const p of office.periods) {
      const a = p.from.date.slice(0, 4);
      const b = p.to ? p.to.date.slice(0, 4) : "";
      const name = titleAt(office, year(p.from.date), p.from.sources).nom;
      const span = a === b ? a : `${a}–${b}`;
      const last = groups.at(-1);
      if (last?.title === name) last.years.push(span);
      else groups.push({ title: name, years: [span] });
    }
    return groups.map((g) => `${g.title} (${g.years.join(", ")})`).join("; ");
  };

  const length = (t: Term) => localiseDuration("ru", describeTermLength(t.start, t.end as DateClaim));
  const firstTaken = (terms: readonly Term[], style: "on" | "bare") => {
    const dates: string[] = [];
    for (const t of terms) {
      dates.push(`${style === "on" ? on(t.start) : date(t.start)}${basisLabel("ru", t, ds)}`);
      if (!t.orderDisputed) break;
    }
    return dates.join(" или ");
  };
  const boundary = (what: readonly BoundaryItem[]) =>
    `день, когда ${what
      .map(({ kind, term }) =>
        kind === "died"
          ? `${said(term.person, "умер", "умерла")} ${person(term.person).nom}`
          : kind === "ended"
            ? `прекратились полномочия ${person(term.person).gen} как ${role(term, "gen")}`
            : `${person(term.person).nom} ${said(term.person, "стал", "стала")} ${role(term, "ins")}`,
      )
      .join(" и ")}`;
  const heldSentence = (personId: string, terms: readonly Term[]) => {
    const parts = terms.map((t, i) => {
      if (i === 0) return `${role(t, "ins")} ${termRange(t)}`;
      return role(t, "ins") === role(terms[i - 1] as Term, "ins")
        ? `и снова ${termRange(t)}`
        : `затем ${role(t, "ins")} ${termRange(t)}`;
    });
    return `${person(personId).nom} ${said(personId, "был", "была")} ${parts.join(", ")}.`;
  };
  const was = (id: string) => said(id, "был", "была");
  const became = (id: string) => said(id, "стал", "стала");

  return withOneStop({
    true: "Верно",
    false: "Неверно",
    name: (id) => person(id).nom,
    surname: (id) => person(id).nom.split(" ").at(-1) ?? id,
    day: isoDay,
    office: (id, near) => officeNear(id, near).nom,
    termLength: length,
    eventTitle: (e) => e.titleRu ?? e.title,

    successorPrompt: (a) => `Кто занял ${TOP_ACC} после ${person(a.person).gen}, ${role(a, "gen")}?`,
    predecessorPrompt: (b) =>
      `Кого ${said(b.person, "сменил", "сменила")} ${person(b.person).nom}, ${role(b, "nom")}, на ${TOP_PREP}?`,
    heldFromTo: (t) => `${person(t.person).nom} ${was(t.person)} ${role(t, "ins")} ${termRange(t)}.`,
    becameOn: (t) => `${person(t.person).nom} ${became(t.person)} ${role(t, "ins")} ${on(t.start)}.`,
    eventLine: (e) => `${formatEventDate("ru", e)}: ${e.titleRu ?? e.title}.`,

    holderPrompt: (day) => `Кто занимал ${TOP_ACC} ${isoDay(day)}?`,
    holderOn: (day, t) =>
      `${isoDay(day)} ${person(t.person).nom} ${was(t.person)} ${role(t, "ins")}, ${termRange(t)}.`,
    cameBetween: (personId, after, before) => {
      const around = [
        after ? `после ${person(after).gen}` : "",
        before ? `до ${person(before).gen}` : "",
      ].filter(Boolean);
      return around.length
        ? `${person(personId).nom} ${said(personId, "занимал", "занимала")} эту должность ${around.join(" и ")}.`
        : "";
    },

    tookOfficePrompt: (t) => `В какой день ${person(t.person).nom} ${became(t.person)} ${title(t).ins}?`,
    tookOffice: (t, previous) =>
      `${person(t.person).nom} ${became(t.person)} ${title(t).ins} ${date(t.start)}${
        previous ? `, а до этого с ${from(previous.start)} ${was(t.person)} ${role(previous, "ins")}` : ""
      }.`,
    previousEnded: (before) =>
      `Полномочия ${person(before.person).gen} как ${role(before, "gen")} прекратились ${
        before.endedByDeath ? `с ${said(before.person, "его", "её")} смертью ` : ""
      }${before.end ? on(before.end) : ""}.`,
    dayWas: (day, what) => `${isoDay(day)} — ${boundary(what)}.`,

    durationPrompt: (t) => `Как долго ${person(t.person).nom} ${was(t.person)} ${role(t, "ins")}?`,
    durationIs: (t, days) =>
      `${person(t.person).nom} ${was(t.person)} ${role(t, "ins")} ${termRange(t)}: ${length(t)} (${days} ${pluralRu(
        days,
        "день",
        "дня",
        "дней",
      )}).`,
    otherFigures: (terms) =>
      `Другие варианты: ${terms.map((t) => `${length(t)} (${person(t.person).nom}, ${role(t, "nom")})`).join("; ")}.`,

    officeHeldPrompt: (personId, acting) =>
      acting
        ? `Обязанности какой должности Секретариата ЦК ${said(personId, "исполнял", "исполняла")} ${person(personId).nom}?`
        : `Какую должность в Секретариате ЦК ${said(personId, "занимал", "занимала")} ${person(personId).nom}?`,
    heldSentence,
    otherTitles: (officeIds) =>
      `Другие названия относятся к другим периодам: ${officeIds.map((o) => periods(o)).join("; ")}.`,

    diedPrompt: `Кто из этих людей умер, занимая ${TOP_ACC}?`,
    diedInOffice: (t) =>
      `${person(t.person).nom} ${said(t.person, "умер", "умерла")} в должности ${role(t, "gen")} ${t.end ? on(t.end) : ""}.`,
    othersAlive: (terms) =>
      `Остальные покинули должность при жизни: ${terms
        .map((t) => `${person(t.person).nom} (${role(t, "nom")} до ${t.end ? from(t.end) : "конца"})`)
        .join("; ")}.`,

    eventPrompt: (day) => `Что произошло ${date(day)}?`,
    eventOn: (e) => `${date(e.date)}: ${e.titleRu ?? e.title}.`,
    otherEvents: (options) =>
      `Другие варианты: ${options.map((x) => `${x.text} (${formatEventDate("ru", x.event)})`).join("; ")}.`,

    trueOrFalse: (statement) => `Верно или неверно: ${statement}`,
    verdict: (truth) => (truth ? "Верно." : "Неверно."),
    diedHolding: (personId) =>
      `${person(personId).nom} ${said(personId, "умер", "умерла")}, занимая ${TOP_ACC}.`,
    endedAlive: (last) =>
      `Пребывание ${person(last.person).gen} на ${TOP_PREP} (${role(last, "nom")}) закончилось${
        last.end ? ` ${on(last.end)}` : ""
      }, но не смертью.`,
    heldBefore: (a, b) =>
      `${person(a).nom} ${said(a, "занимал", "занимала")} ${TOP_ACC} раньше, чем ${person(b).nom}.`,
    firstHeld: (a, b) => {
      const pa = (a[0] as Term).person;
      const pb = (b[0] as Term).person;
      return `${person(pa).nom} впервые ${said(pa, "занял", "заняла")} эту должность ${firstTaken(a, "on")}; ${
        person(pb).nom
      } — ${firstTaken(b, "on")}.`;
    },
    heldOffice: (personId, officeId, near) =>
      `${person(personId).nom} ${said(personId, "занимал", "занимала")} должность ${officeNear(officeId, near).gen}.`,
    titleIn: (officeId) => `Это название должности относится к другим годам: ${periods(officeId)}.`,
    becameOfficeOn: (t, day) => `${person(t.person).nom} ${became(t.person)} ${title(t).ins} ${isoDay(day)}.`,
    becameNotOn: (t, wrongDay, what) =>
      `${person(t.person).nom} ${became(t.person)} ${title(t).ins} ${date(t.start)}; ${isoDay(wrongDay)} — ${boundary(what)}.`,
    lastedLonger: (a, b) =>
      `срок ${person(a.person).gen} в должности ${role(a, "gen")} был дольше, чем срок ${person(b.person).gen} в должности ${role(b, "gen")}.`,
    heldForLength: (t) =>
      `${person(t.person).nom} ${was(t.person)} ${role(t, "ins")} ${termRange(t)}: ${length(t)}.`,

    orderPrompt: `В каком порядке эти люди впервые занимали ${TOP_ACC}?`,
    orderExplanation: (people) =>
      `В порядке первого вступления в ${TOP_ACC}: ${people
        .map((p) => `${person(p.personId).nom} — ${firstTaken(p.terms, "bare")}`)
        .join("; ")}.`,
  });
}
