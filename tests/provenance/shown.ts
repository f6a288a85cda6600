// Everything the bot shows a reader from the dataset, as text: every person's and office's card,
// every page of /sources, /when for every year and every day something began or ended, /timeline
// (its summary and the words in its picture), /help, in both languages; and every trivia question.
import type { APIEmbed } from "discord-api-types/v10";
import type { Engine } from "../../src/app.js";
import { helpCard, timelineTextCard } from "../../src/cards/info.js";
import { officeCard } from "../../src/cards/office.js";
import { personCard } from "../../src/cards/person.js";
import { sourcesPages } from "../../src/cards/sources.js";
import { whenCard } from "../../src/cards/when.js";
import type { Dataset } from "../../src/data/load.js";
import { type Lang, t } from "../../src/i18n/index.js";
import { answerWhen } from "../../src/query/when.js";
import { buildTimelineSvg } from "../../src/timeline/svg.js";

export interface Shown {
  where: string;
  lang: Lang;
  text: string;
  /** What the user typed, which the card may quote back. */
  user?: string;
  /** The person whose card this is (their holdings name no one). */
  owner?: string;
  /** The button labels under it. */
  buttons?: string[];
  /** Lines that name holders and their holdings (/when, /timeline, an office's holders). */
  holdings?: true;
}

export const LANGS: Lang[] = ["en", "ru"];

/** An embed's texts, one per part a reader sees: title, description, each field, footer. */
export function embedTexts(e: APIEmbed): string[] {
  return [
    e.title ?? "",
    e.description ?? "",
    ...(e.fields ?? []).map((f) => `${f.name}\n${f.value}`),
    e.footer?.text ?? "",
  ].filter(Boolean);
}

/** The /when questions asked: every year, every day a holding began or ended, and a few periods. */
export function whenQueries(ds: Dataset): string[] {
  const days = new Set<string>();
  for (const t of ds.terms) {
    if (t.start.precision === "day") days.add(t.start.date);
    if (t.end?.precision === "day") days.add(t.end.date);
  }
  for (const e of ds.events) if (e.date.precision === "day") days.add(e.date.date);
  const years = Array.from({ length: 1991 - 1917 + 1 }, (_, i) => String(1917 + i));
  return [
    ...years,
    ...[...days].sort(),
    "spring 1953",
    "03/05/1953",
    "the 1950s",
    "1917 to 1991",
    "1900",
    "1995",
    "1 October 1991",
  ];
}

/** The words a timeline picture draws (its <text> elements). */
function svgTexts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) =>
    (m[1] as string)
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, "&"),
  );
}

export function shownCards(engine: Engine): Shown[] {
  const ds = engine.dataset;
  const out: Shown[] = [];
  const asker = "200000000000000001";
  const labels = (card: { components: { components: unknown[] }[] }) =>
    card.components.flatMap((r) =>
      r.components.flatMap((b) => (typeof b === "object" && b && "label" in b ? [String(b.label)] : [])),
    );
  for (const lang of LANGS) {
    for (const p of ds.people) {
      const card = personCard(ds, p, { lang, asker });
      for (const text of embedTexts(card.embed))
        out.push({ where: `/who ${p.id} (${lang})`, lang, text, owner: p.id, buttons: labels(card) });
    }
    for (const o of ds.offices) {
      const card = officeCard(ds, o, { lang, asker });
      const holders = `${t(lang, "holders")}\n`;
      for (const text of embedTexts(card.embed))
        out.push({
          where: `/office ${o.id} (${lang})`,
          lang,
          text,
          buttons: labels(card),
          ...(text.startsWith(holders) ? { holdings: true as const } : {}),
        });
    }
    sourcesPages(ds, lang).forEach((page, i) => {
      for (const e of page)
        for (const text of embedTexts(e)) out.push({ where: `/sources page ${i + 1} (${lang})`, lang, text });
    });
    const offices = [undefined, ...ds.offices.filter((o) => o.leading).map((o) => o.id)];
    for (const q of whenQueries(ds))
      for (const office of offices) {
        if (office && !/^\d{4}$/.test(q)) continue;
        const { answers } = answerWhen(ds, q, office ? { office } : {});
        if (answers.length === 0) continue;
        const card = whenCard(ds, q, answers, { lang, asker, ...(office ? { office } : {}) });
        const events = `${t(lang, "aroundThen")}\n`;
        for (const text of embedTexts(card.embed))
          out.push({
            where: `/when ${q}${office ? ` office:${office}` : ""} (${lang})`,
            lang,
            text,
            user: q,
            ...(text.startsWith(events) ? {} : { holdings: true as const }),
          });
      }
    const views = [{}, { from: "1950-01-01", to: "1970-12-31" }, { from: "1917-01-01", to: "1925-12-31" }];
    for (const view of [...views, ...offices.flatMap((office) => (office ? [{ office }] : []))]) {
      const where = `/timeline ${JSON.stringify(view)} (${lang})`;
      for (const text of embedTexts(timelineTextCard(ds, lang, view)))
        out.push({ where, lang, text, holdings: true });
      for (const text of svgTexts(buildTimelineSvg(ds, { ...view, lang }).svg))
        out.push({ where: `${where} picture`, lang, text, holdings: true });
    }
    for (const text of embedTexts(helpCard(lang))) out.push({ where: `/help (${lang})`, lang, text });
  }
  return out;
}
