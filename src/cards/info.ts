import type { APIEmbed } from "discord-api-types/v10";
import type { Dataset } from "../data/load.js";
import { claimBounds } from "../dates/calendar.js";
import { officeName, officeNameFor, personName } from "../i18n/data-text.js";
import { formatDate, type Lang, t, text } from "../i18n/index.js";
import { basisLabel, COLOURS, sourcesFooter } from "./common.js";
import { fitEmbed, joinLines } from "./limits.js";

/** /timeline's summary: the terms in view, in order, one line each. */
export function timelineTextCard(
  ds: Dataset,
  lang: Lang,
  view: { from?: string; to?: string; office?: string } = {},
): APIEmbed {
  const from = view.from ?? "0000-01-01";
  const to = view.to ?? "9999-12-31";
  const terms = (view.office ? (ds.termsByOffice.get(view.office) ?? []) : ds.leadership).filter((term) => {
    const start = claimBounds(term.start).from;
    const end = term.end ? claimBounds(term.end).to : ds.leadershipSpan.to;
    return start <= to && end >= from;
  });
  const lines = terms.map((term) => {
    const person = ds.personById.get(term.person);
    const office = ds.officeById.get(term.office);
    const end = term.end ? formatDate(lang, term.end) : "?";
    return `\`${term.start.date.slice(0, 4)}\` **${person ? personName(lang, person) : term.person}** — ${office ? officeNameFor(lang, office, term) : term.office}${basisLabel(lang, term, ds)}: ${formatDate(lang, term.start)} – ${end}${term.endedByDeath ? " †" : ""}`;
  });
  const none = text(lang).noTermsInRange;
  const office = view.office ? ds.officeById.get(view.office) : undefined;
  // The title names what is shown and the range asked for, never the whole 1917–1991 of the default.
  const title =
    view.from || view.to || office
      ? text(lang).timelineView({
          what: office ? officeName(lang, office) : text(lang).timeline.leaders,
          from: formatDate(lang, { date: view.from ?? ds.leadershipSpan.from, precision: "day" }),
          to: formatDate(lang, { date: view.to ?? ds.leadershipSpan.banned, precision: "day" }),
        })
      : t(lang, "timelineTitle");
  return fitEmbed({
    title,
    description: lines.length ? joinLines(lines, 4096, lang) : none,
    color: COLOURS.info,
    footer: sourcesFooter(
      ds,
      terms.length ? terms.flatMap((x) => x.sources) : ds.leadership.flatMap((x) => x.sources),
      lang,
    ),
  });
}

/** /help: what the bot does, with examples people can copy. */
export function helpCard(lang: Lang): APIEmbed {
  const help = text(lang).help;
  return fitEmbed({
    title: help.title,
    description: help.description,
    color: COLOURS.info,
    fields: help.fields,
  });
}
