// The answer to "Look up in Apparat": what a message mentions, each in a line (a person's offices
// and dates, an office's years and holders, who held office at each date or period), and a menu
// that opens any of them as a full card.
import type { APIActionRowComponent, APIEmbedField, APIStringSelectComponent } from "discord-api-types/v10";
import type { Dataset } from "../data/load.js";
import { claimBounds } from "../dates/calendar.js";
import { officeName, personName, roleTitle } from "../i18n/data-text.js";
import { termDates } from "../i18n/dates.js";
import { type Lang, text } from "../i18n/index.js";
import { ComponentType } from "../interactions/api.js";
import { type CardKind, spotMenuId, spotValue } from "../interactions/custom-id.js";
import { NO_MENTIONS, quoteUserText } from "../interactions/payload.js";
import type { MessagePayload } from "../interactions/types.js";
import { answerWhen } from "../query/when.js";
import type { SpotResult, SpottedDate } from "../spot/index.js";
import { sanitizeLine } from "../text/sanitize.js";
import { basisLabel, COLOURS, holdingName, sourcesFooter } from "./common.js";
import { clip, fitEmbed, joinLines, LIMITS } from "./limits.js";

/** How many of each kind the summary lists; the menu offers up to 25 in all. */
const MAX_LINES = 10;

/** A line of the summary and the sources it rests on. */
interface Line {
  text: string;
  sources: readonly string[];
}

/**
 * Every person's and office's line and every holding's label, in one language: they depend on
 * the dataset alone, so they are worked out once, for all of them, the first time a lookup in that
 * language needs one, and a lookup only picks its lines out of the table.
 */
interface Lines {
  people: Map<string, Line>;
  offices: Map<string, Line>;
  holders: Map<string, string>;
}

const tables = new WeakMap<Dataset, Partial<Record<Lang, Lines>>>();

function linesOf(ds: Dataset, lang: Lang): Lines {
  let byLang = tables.get(ds);
  if (!byLang) {
    byLang = {};
    tables.set(ds, byLang);
  }
  let lines = byLang[lang];
  if (!lines) {
    lines = {
      people: new Map(ds.people.map((p) => [p.id, personLine(ds, p.id, lang)])),
      offices: new Map(ds.offices.map((o) => [o.id, officeLine(ds, o.id, lang)])),
      holders: new Map(
        ds.terms.map((t) => [
          t.id,
          `${personOrId(ds, t.person, lang)}, ${holdingName(ds, t, lang)}${basisLabel(lang, t, ds)}`,
        ]),
      ),
    };
    byLang[lang] = lines;
  }
  return lines;
}

function personOrId(ds: Dataset, id: string, lang: Lang): string {
  const person = ds.personById.get(id);
  return person ? personName(lang, person) : id;
}

function officeOrId(ds: Dataset, id: string, lang: Lang): string {
  const office = ds.officeById.get(id);
  return office ? officeName(lang, office) : id;
}

function personLine(ds: Dataset, id: string, lang: Lang): Line {
  const person = ds.personById.get(id);
  if (!person) return { text: id, sources: [] };
  const terms = ds.termsByPerson.get(id) ?? [];
  const held = terms
    .slice(0, 3)
    .map((t) => `${holdingName(ds, t, lang)}${basisLabel(lang, t, ds)}, ${termDates(t, lang)}`);
  const more = terms.length > 3 ? ` ${text(lang).spotMore({ count: terms.length - 3 })}` : "";
  const role = person.roles[0];
  const what = held.length > 0 ? held.join("; ") : role ? roleTitle(lang, role) : text(lang).spotNoOffice;
  return {
    text: `**${personName(lang, person)}** — ${what}${more}`,
    sources: terms.flatMap((t) => t.sources),
  };
}

function officeLine(ds: Dataset, id: string, lang: Lang): Line {
  const office = ds.officeById.get(id);
  if (!office) return { text: id, sources: [] };
  const years = office.periods
    .map((p) => {
      const from = claimBounds(p.from).from.slice(0, 4);
      const to = p.to ? claimBounds(p.to).to.slice(0, 4) : "";
      return from === to ? from : `${from}–${to}`;
    })
    .join(", ");
  const holders = new Set((ds.termsByOffice.get(id) ?? []).map((t) => t.person)).size;
  const parts = [years, holders > 0 ? text(lang).spotHolders({ count: holders }) : ""].filter(Boolean);
  return {
    text: `**${officeName(lang, office)}**${parts.length ? ` — ${parts.join(" · ")}` : ""}`,
    sources: office.sources,
  };
}

function pick(table: Map<string, Line>, id: string, cited: Set<string>): string | null {
  const line = table.get(id);
  if (!line) return null;
  for (const s of line.sources) cited.add(s);
  return line.text;
}

/** Who held office at a date or within a period the message gives: /when's answer for its words. */
function dateLine(ds: Dataset, surface: string, lines: Lines, lang: Lang, cited: Set<string>): string {
  const { answers } = answerWhen(ds, surface);
  const holders = new Map<string, string>();
  for (const a of answers)
    for (const h of a.holders) {
      for (const s of h.term.sources) cited.add(s);
      holders.set(h.term.id, lines.holders.get(h.term.id) ?? h.term.id);
    }
  const who = holders.size > 0 ? [...holders.values()].slice(0, 6).join("; ") : text(lang).spotNobody;
  return `**${quoteUserText(surface, 40)}** — ${who}`;
}

/** The public summary of what a message mentions, or null when it mentions nothing known. */
export function spotSummary(
  ds: Dataset,
  found: SpotResult,
  lang: Lang,
  asker: string,
): MessagePayload | null {
  const words = text(lang);
  const lines = linesOf(ds, lang);
  const cited = new Set<string>();
  const people = found.entities.filter((e) => e.kind === "person").slice(0, MAX_LINES);
  const offices = found.entities.filter((e) => e.kind === "office").slice(0, MAX_LINES);
  // A date read two ways (5/3/1953) is one line: its answer covers both readings.
  const dates: SpottedDate[] = [];
  for (const d of found.dates) {
    if (dates.length < MAX_LINES && dates.at(-1)?.start !== d.start) dates.push(d);
  }
  const fields: APIEmbedField[] = [];
  const add = (name: string, lines: (string | null)[]) => {
    const kept = lines.filter((l): l is string => l !== null);
    if (kept.length > 0) fields.push({ name, value: joinLines(kept, LIMITS.fieldValue, lang) });
  };
  add(
    words.spotPeople,
    people.map((e) => pick(lines.people, e.id, cited)),
  );
  add(
    words.spotOffices,
    offices.map((e) => pick(lines.offices, e.id, cited)),
  );
  add(
    words.spotDates,
    dates.map((d) => dateLine(ds, d.surface, lines, lang, cited)),
  );
  if (fields.length === 0) return null;

  const options: { kind: CardKind; id: string; label: string }[] = [
    ...people.map((e) => ({
      kind: "person" as const,
      id: e.id,
      label: personOrId(ds, e.id, lang),
    })),
    ...offices.map((e) => ({
      kind: "office" as const,
      id: e.id,
      label: officeOrId(ds, e.id, lang),
    })),
    ...dates.map((d) => ({ kind: "when" as const, id: d.surface.slice(0, 98), label: d.surface })),
  ];
  const menu: APIStringSelectComponent = {
    type: ComponentType.StringSelect,
    custom_id: spotMenuId(asker),
    placeholder: words.spotOpen,
    min_values: 1,
    max_values: 1,
    options: options.slice(0, LIMITS.selectOptions).map((o) => ({
      label: clip(o.kind === "when" ? `📅 ${sanitizeLine(o.label)}` : o.label, LIMITS.selectLabel),
      value: spotValue(o.kind, o.id),
    })),
  };
  const row: APIActionRowComponent<APIStringSelectComponent> = {
    type: ComponentType.ActionRow,
    components: [menu],
  };
  return {
    embeds: [
      fitEmbed({
        title: words.spotTitle,
        color: COLOURS.when,
        fields,
        footer: sourcesFooter(ds, cited.size ? cited : ["wp-gensec-page"], lang),
      }),
    ],
    components: [row],
    allowed_mentions: NO_MENTIONS,
  };
}
