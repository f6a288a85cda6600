import type { APIButtonComponent, APIEmbedField } from "discord-api-types/v10";
import type { Dataset } from "../data/load.js";
import { claimBounds } from "../dates/calendar.js";
import { claimValue, disputeTopic, eventTitle, officeName, personName } from "../i18n/data-text.js";
import { formatEventDate, readingLabel } from "../i18n/dates.js";
import { formatDate, type Lang, t, text } from "../i18n/index.js";
import { ComponentType } from "../interactions/api.js";
import { quoteUserText } from "../interactions/payload.js";
import type { WhenAnswer } from "../query/when.js";
import {
  basisLabel,
  COLOURS,
  holdingName,
  openButton,
  sourceList,
  sourcesFooter,
  termSpan,
  voiced,
} from "./common.js";
import { fitEmbed, joinLines, LIMITS } from "./limits.js";
import type { Card } from "./person.js";

const day = (lang: Lang, date: string) => formatDate(lang, { date, precision: "day" });

/** The first day of the General Secretary, and the last day of the year of Lenin's death. */
function milestones(ds: Dataset) {
  const gensec = ds.officeById.get("general-secretary")?.periods[0]?.from;
  const lenin = ds.personById.get("vladimir-lenin")?.died;
  return {
    generalSecretary: gensec ? claimBounds(gensec).from : "1922-04-03",
    leninDied: lenin ? claimBounds(lenin).to : "1924-12-31",
  };
}

/**
 * "Who led the party", or, for a time before Lenin's death in 1924, "Who held the Secretariat's top
 * office": the sources do not make its earlier holders the party's leaders.
 */
function whoHeading(ds: Dataset, a: WhenAnswer | undefined, lang: Lang): string {
  return t(lang, a && a.reading.from <= milestones(ds).leninDied ? "whoHeldTop" : "whoLed");
}

/** What the sources say of the Secretariat's top office before Stalin (cited on the card). */
const EARLY_OFFICES_SOURCES = ["wp-gensec-text", "wp-gensec-page"];

/** Why an answer may surprise: imprecise dates, a time before the Secretariat or after the party. */
function contextLines(ds: Dataset, a: WhenAnswer, lang: Lang, cited: Set<string>): string[] {
  const words = text(lang);
  const span = ds.leadershipSpan;
  const lines = a.holders.some((h) => !h.certain) ? [words.contextImprecise] : [];
  if (a.reading.from < milestones(ds).generalSecretary && a.holders.length > 0) {
    lines.push(words.contextEarlyOffices);
    for (const s of EARLY_OFFICES_SOURCES) cited.add(s);
  }
  const orders = new Set(a.holders.flatMap((h) => (h.term.orderDisputed ? [h.term.orderDisputed] : [])));
  for (const id of orders) {
    const d = ds.disputeById.get(id);
    if (!d) continue;
    lines.push(words.contextOrderDisputed({ topic: disputeTopic(lang, d) }));
    for (const c of d.claims) {
      lines.push(`• ${claimValue(lang, c)} — ${sourceList(ds, c.sources, lang)}`);
      for (const s of c.sources) cited.add(s);
    }
  }
  for (const o of a.outside) {
    if (o.kind === "before-founding") lines.push(words.contextBeforeFounding({ date: day(lang, span.from) }));
    // After the suspension and after the ban alike: the office was abolished on the day the
    // party's activities were suspended, as the seed that dates its end puts it (003).
    else {
      const end = abolition(ds);
      const line = words.contextAbolished({
        date: formatDate(lang, end.date),
        banned: day(lang, span.banned),
      });
      if (!lines.includes(line)) lines.push(line);
      for (const s of end.sources) cited.add(s);
    }
  }
  return lines;
}

/** The day the leading office was abolished, with the seeds that date it and the party's ban. */
function abolition(ds: Dataset) {
  const to = ds.officeById.get("general-secretary")?.periods.at(-1)?.to;
  const banned = ds.events.find((e) => e.id === "party-banned");
  return {
    date: to ?? { date: ds.leadershipSpan.suspended, precision: "day" as const, sources: [] },
    sources: [...(to?.sources ?? []), ...(banned?.sources ?? [])],
  };
}

/** The answer to /when: how the date was read, the holders, vacancies and events around then. */
export function whenCard(
  ds: Dataset,
  query: string,
  answers: WhenAnswer[],
  options: { lang: Lang; asker: string; office?: string },
): Card {
  const { lang } = options;
  const cited = new Set<string>();
  const fields: APIEmbedField[] = [];
  const ambiguous = answers.length > 1;
  const office = options.office ? ds.officeById.get(options.office) : undefined;

  for (const a of answers) {
    const heading = ambiguous ? `${readingLabel(lang, a.reading)}: ` : "";
    const lines = a.holders.map((h) => {
      for (const s of h.term.sources) cited.add(s);
      const unsure = h.certain ? "" : text(lang).datesImprecise;
      return `• **${personName(lang, h.person)}** — ${holdingName(ds, h.term, lang)}${basisLabel(lang, h.term, ds)}\n  ${termSpan(lang, h.term)}${unsure}`;
    });
    for (const v of a.vacancies) {
      const range = v.from === v.to ? day(lang, v.from) : `${day(lang, v.from)} – ${day(lang, v.to)}`;
      lines.push(`• ${t(lang, "vacant")}: ${range}`);
    }
    if (lines.length === 0) lines.push(t(lang, "noHolder"));
    fields.push({
      name: `${heading}${office ? officeName(lang, office) : whoHeading(ds, a, lang)}`,
      value: joinLines(lines, LIMITS.fieldValue, lang),
    });
    const context = contextLines(ds, a, lang, cited);
    if (context.length > 0) fields.push({ name: "ℹ️", value: joinLines(context, LIMITS.fieldValue, lang) });
  }

  const events = new Map(answers.flatMap((a) => a.events.map((e) => [e.id, e] as const)));
  if (events.size > 0) {
    fields.push({
      name: t(lang, "aroundThen"),
      value: joinLines(
        [...events.values()].slice(0, 12).map((e) => {
          for (const s of e.sources) cited.add(s);
          // An event the sources disagree on says so, as a holding in a disputed order does.
          const disputed = (e.disputes ?? []).flatMap((id) => {
            const d = ds.disputeById.get(id);
            return d ? [disputeTopic(lang, d)] : [];
          });
          const note = disputed.map((topic) => ` · ${text(lang).neighbourDisputed({ topic })}`).join("");
          return `• ${formatEventDate(lang, e)} — ${voiced(ds, { text: eventTitle(lang, e), sources: e.sources }, lang)}${note}`;
        }),
        LIMITS.fieldValue,
        lang,
      ),
    });
  }

  const readings = answers
    .map(
      (a) =>
        `${readingLabel(lang, a.reading)} (${text(lang).readingPrecision({ precision: a.reading.precision })})`,
    )
    .join(text(lang).or);
  const description = ambiguous
    ? text(lang).readTwoWays({ query: quoteUserText(query), readings })
    : `${t(lang, "interpretation")}: ${readings}`;

  const embed = fitEmbed({
    title: `${office ? officeName(lang, office) : whoHeading(ds, answers[0], lang)} — ${answers.map((a) => readingLabel(lang, a.reading)).join(" / ")}`,
    description,
    color: COLOURS.when,
    fields,
    footer: sourcesFooter(ds, cited.size ? cited : ds.sources.filter((s) => s.file).map((s) => s.id), lang),
  });
  // Holders first, then the people on either side of a vacancy, so a gap still leads somewhere.
  const people = [
    ...new Set([
      ...answers.flatMap((a) => a.holders.map((h) => h.person)),
      ...answers.flatMap((a) =>
        a.vacancies.flatMap((v) =>
          [v.before, v.after].filter((x) => x !== null).map((x) => ds.personById.get(x.person)),
        ),
      ),
    ]),
  ].filter((p) => p !== undefined);
  const buttons: APIButtonComponent[] = people
    .slice(0, 5)
    .map((p, i) =>
      openButton(personName(lang, p), { kind: "person", id: p.id, asker: options.asker, slot: i }),
    );
  return {
    embed,
    components: buttons.length ? [{ type: ComponentType.ActionRow, components: buttons }] : [],
  };
}
