import type {
  APIActionRowComponent,
  APIButtonComponent,
  APIEmbed,
  APIEmbedField,
} from "discord-api-types/v10";
import type { Dataset } from "../data/load.js";
import type { Person, Term } from "../data/schema.js";
import { formatDate, type Lang, localName, t, text } from "../i18n/index.js";
import { ComponentType } from "../interactions/api.js";
import {
  basisLabel,
  COLOURS,
  disputeFields,
  holdingName,
  openButton,
  sourceName,
  sourcesFooter,
  statedDurationNotes,
  termSpan,
} from "./common.js";
import { fitEmbed, joinLines, packedFields } from "./limits.js";

export interface Card {
  embed: APIEmbed;
  components: APIActionRowComponent<APIButtonComponent>[];
}

/** The person's first and last terms in the party's leading office chain. */
function chainNeighbours(ds: Dataset, person: Person) {
  const terms = (ds.termsByPerson.get(person.id) ?? []).filter((x) => ds.chainByTerm.has(x.id));
  const first = terms[0] ? ds.chainByTerm.get(terms[0].id) : undefined;
  const last = terms.at(-1) ? ds.chainByTerm.get((terms.at(-1) as Term).id) : undefined;
  return {
    predecessor: first?.predecessor ? ds.personById.get(first.predecessor.person) : undefined,
    successor: last?.successor ? ds.personById.get(last.successor.person) : undefined,
  };
}

/** A person's card: names in both scripts, offices with computed durations, disputes, sources. */
export function personCard(
  ds: Dataset,
  person: Person,
  options: { lang: Lang; asker: string; matched?: string },
): Card {
  const { lang } = options;
  const cited = new Set<string>(person.sources);
  const terms = ds.termsByPerson.get(person.id) ?? [];
  const fields: APIEmbedField[] = [];

  if (terms.length > 0) {
    const lines = terms.flatMap((term) => {
      for (const s of term.sources) cited.add(s);
      // Name a neighbour only where the chain passes to or from someone else.
      const link = ds.chainByTerm.get(term.id);
      const around: string[] = [];
      const before = link ? ds.leadership[link.index - 1] : undefined;
      const after = link ? ds.leadership[link.index + 1] : undefined;
      if (link?.predecessor && before && before.person !== person.id) {
        around.push(`${t(lang, "predecessor")}: ${ds.personById.get(link.predecessor.person)?.name}`);
      }
      if (link?.successor && after && after.person !== person.id) {
        around.push(`${t(lang, "successor")}: ${ds.personById.get(link.successor.person)?.name}`);
      }
      const disputed = link?.orderDisputed ? ds.disputeById.get(link.orderDisputed) : undefined;
      if (disputed && term.orderDisputed) {
        around.push(text(lang).orderDisputed({ topic: disputed.topic }));
      } else if (disputed) {
        // The neighbour on the disputed side is named by no source as such: say it is disputed.
        const side = before?.orderDisputed ? "predecessor" : "successor";
        const line = `${t(lang, side)}: ${text(lang).neighbourDisputed({ topic: disputed.topic })}`;
        if (side === "predecessor") around.unshift(line);
        else around.push(line);
      }
      return [
        `**${holdingName(ds, term, lang)}${basisLabel(lang, term, ds)}**`,
        `${termSpan(lang, term)}${term.endedByDeath ? ` (${t(lang, "diedInOffice")})` : ""}`,
        ...(around.length ? [around.join(" · ")] : []),
        ...statedDurationNotes(ds, term, lang),
      ];
    });
    fields.push({ name: t(lang, "offices"), value: joinLines(lines) });
  }

  // Term notes often restate a fact; show only those that add something.
  const notes = terms
    .flatMap((term) => term.notes.map((n) => n.text))
    .filter((text) => !person.facts.some((f) => similarWords(f.text, text) >= 0.5))
    .map((text) => `• ${text}`);
  if (person.facts.length > 0 || notes.length > 0) {
    fields.push(...packedFields(t(lang, "facts"), [...person.facts.map((f) => `• ${f.text}`), ...notes], 2));
  }
  if (person.roles.length > 0) {
    fields.push({
      name: t(lang, "roles"),
      value: joinLines(person.roles.map((r) => `• ${r.title}${r.note ? ` — ${r.note}` : ""}`)),
    });
  }
  if (person.died) {
    fields.push({ name: t(lang, "died"), value: formatDate(lang, person.died), inline: true });
  }

  const disputeIds = new Set<string>(terms.flatMap((x) => x.disputes));
  for (const d of ds.disputesBySubject.get(person.id) ?? []) disputeIds.add(d.id);
  const disputes = [...disputeIds].map((id) => ds.disputeById.get(id)).filter((d) => d !== undefined);
  if (disputes.length > 0) {
    fields.push(...disputeFields(ds, disputes, lang));
    for (const d of disputes) for (const c of d.claims) for (const s of c.sources) cited.add(s);
  }
  const claims = ds.claimsBySubject.get(person.id) ?? [];
  if (claims.length > 0) {
    fields.push({
      name: t(lang, "characterisations"),
      value: joinLines(claims.map((c) => `• ${sourceName(ds, c.source)} ${c.text}`)),
    });
  }

  const description: string[] = [`*${person.fullName}* · ${person.nameRu}`];
  if (options.matched) description.push(`${t(lang, "matched")}: ${options.matched}`);

  const embed = fitEmbed({
    title: `${person.name} · ${shortRussian(person.nameRu)}`,
    description: description.join("\n"),
    color: COLOURS.person,
    fields,
    footer: sourcesFooter(ds, cited, lang),
  });

  const buttons: APIButtonComponent[] = [];
  const { predecessor, successor } = chainNeighbours(ds, person);
  if (predecessor)
    buttons.push(
      openButton(
        predecessor.name,
        { kind: "person", id: predecessor.id, asker: options.asker, slot: 0 },
        "◀️",
      ),
    );
  if (successor)
    buttons.push(
      openButton(successor.name, { kind: "person", id: successor.id, asker: options.asker, slot: 1 }, "▶️"),
    );
  const offices = [...new Set(terms.map((x) => x.office))];
  for (const [i, officeId] of offices.slice(0, 5 - buttons.length).entries()) {
    const office = ds.officeById.get(officeId);
    if (office)
      buttons.push(
        openButton(
          localName(lang, office),
          { kind: "office", id: office.id, asker: options.asker, slot: 2 + i },
          "🏛️",
        ),
      );
  }
  return {
    embed,
    components: buttons.length ? [{ type: ComponentType.ActionRow, components: buttons }] : [],
  };
}

/** "Никита Хрущёв" from "Никита Сергеевич Хрущёв". */
export function shortRussian(nameRu: string): string {
  const parts = nameRu.split(/\s+/);
  return parts.length > 2 ? `${parts[0]} ${parts.at(-1)}` : nameRu;
}

/** Share of distinct words two sentences have in common (Jaccard), to skip near-repeats. */
function similarWords(a: string, b: string): number {
  const words = (s: string) => new Set(s.toLowerCase().match(/[a-z0-9]{4,}/g) ?? []);
  const wa = words(a);
  const wb = words(b);
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  return shared / Math.max(1, Math.min(wa.size, wb.size));
}
