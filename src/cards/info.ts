import type { APIEmbed } from "discord-api-types/v10";
import type { Dataset } from "../data/load.js";
import { claimBounds } from "../dates/calendar.js";
import { formatDate, type Lang, localName, t, text } from "../i18n/index.js";
import { basisLabel, COLOURS, sourceList, sourcesFooter } from "./common.js";
import { clip, fitEmbed, fitMessage, joinLines } from "./limits.js";

/** /sources: the documents, what kind each is, and where they disagree. */
export function sourcesCard(ds: Dataset, lang: Lang): APIEmbed[] {
  const documents = fitEmbed({
    title: text(lang).sourcesTitle,
    description: text(lang).sourcesIntro,
    color: COLOURS.info,
    fields: ds.sources.map((s) => ({
      name: `${s.publisher}: ${s.title}`,
      value: `*${text(lang).sourceKinds[s.kind] ?? s.kind}*${s.file ? ` · \`${s.file}\`` : ""}\n${clip(s.summary, 200)}`,
    })),
  });
  const disputes = fitEmbed({
    title: t(lang, "disputes"),
    description: text(lang).disputesIntro,
    color: COLOURS.info,
    fields: ds.disputes.map((d) => ({
      name: d.topic,
      value: joinLines(
        d.claims.map(
          (c) =>
            `• ${clip(c.value, 110)} — ${sourceList(ds, c.sources)}${c.default ? ` (${t(lang, "used")})` : ""}`,
        ),
      ),
    })),
  });
  return fitMessage([documents, disputes]);
}

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
    return `\`${term.start.date.slice(0, 4)}\` **${person?.name}** — ${office ? localName(lang, office) : term.office}${basisLabel(lang, term, ds)}: ${formatDate(lang, term.start)} – ${end}${term.endedByDeath ? " †" : ""}`;
  });
  const range = view.from || view.to ? ` (${view.from ?? "…"} – ${view.to ?? "…"})` : "";
  const none = text(lang).noTermsInRange;
  return fitEmbed({
    title: `${t(lang, "timelineTitle")}${range}`,
    description: lines.length ? joinLines(lines, 4096) : none,
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
