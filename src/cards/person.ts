import type {
  APIActionRowComponent,
  APIButtonComponent,
  APIEmbed,
  APIEmbedField,
} from "discord-api-types/v10";
import type { Dataset } from "../data/load.js";
import type { Dispute, Person, Term } from "../data/schema.js";
import {
  characterisation,
  disputeTopic,
  officeName,
  personFullName,
  personName,
  roleNote,
  roleTitle,
  shortRussian,
} from "../i18n/data-text.js";
import { formatDate, type Lang, t, text } from "../i18n/index.js";
import { ComponentType } from "../interactions/api.js";
import {
  basisLabel,
  COLOURS,
  disputeFields,
  holdingName,
  openButton,
  sourceList,
  sourceName,
  sourcesFooter,
  statedDurationNotes,
  termSpan,
  voiced,
} from "./common.js";
import { fitEmbed, joinLines, LIMITS, packedFields } from "./limits.js";

export interface Card {
  embed: APIEmbed;
  components: APIActionRowComponent<APIButtonComponent>[];
}

/**
 * The people on either side of the person's holdings in the leading office's chain: before the
 * first holding that has a predecessor, after the last that has a successor. Every neighbour a card
 * names gets its button.
 */
function chainNeighbours(ds: Dataset, person: Person) {
  const links = (ds.termsByPerson.get(person.id) ?? []).flatMap((x) => {
    const link = ds.chainByTerm.get(x.id);
    return link ? [link] : [];
  });
  const before = links.find((l) => l.predecessor && l.predecessor.person !== person.id)?.predecessor;
  const after = links.findLast((l) => l.successor && l.successor.person !== person.id)?.successor;
  return {
    predecessor: before ? ds.personById.get(before.person) : undefined,
    successor: after ? ds.personById.get(after.person) : undefined,
  };
}

/** The sources of the account a dispute marks as used: the one the chain of holders follows. */
function usedAccount(ds: Dataset, d: Dispute, lang: Lang): string {
  return sourceList(
    ds,
    d.claims.filter((c) => c.default).flatMap((c) => c.sources),
    lang,
  );
}

/**
 * "Preceded by: Joseph Stalin"; where the sources order these people differently, the neighbour
 * as the used account gives it, saying so; where no account the bot follows names one, "disputed".
 */
function neighbourLine(
  ds: Dataset,
  lang: Lang,
  side: "predecessor" | "successor",
  neighbour: Term | null,
  disputeId: string | null,
): string | null {
  const dispute = disputeId ? ds.disputeById.get(disputeId) : undefined;
  const person = neighbour ? ds.personById.get(neighbour.person) : undefined;
  const name = person ? personName(lang, person) : undefined;
  if (name && !dispute) return `${t(lang, side)}: ${name}`;
  if (name && dispute)
    return `${t(lang, side)}: ${text(lang).chainAccount({ name, sources: usedAccount(ds, dispute, lang), topic: disputeTopic(lang, dispute) })}`;
  if (dispute)
    return `${t(lang, side)}: ${text(lang).neighbourDisputed({ topic: disputeTopic(lang, dispute) })}`;
  return null;
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
      // Name a neighbour only where the chain passes to or from someone else. Plain neighbours share
      // a line; one given as a single account among several gets a line of its own.
      const link = ds.chainByTerm.get(term.id);
      const plain: string[] = [];
      const accounts: string[] = [];
      const own = term.orderDisputed ? ds.disputeById.get(term.orderDisputed) : undefined;
      if (own) accounts.push(text(lang).orderDisputed({ topic: disputeTopic(lang, own) }));
      else if (link) {
        const before = ds.leadership[link.index - 1];
        const after = ds.leadership[link.index + 1];
        const sides = [
          before && before.person !== person.id
            ? {
                line: neighbourLine(ds, lang, "predecessor", link.predecessor, link.predecessorDisputed),
                disputed: link.predecessorDisputed,
              }
            : null,
          after && after.person !== person.id
            ? {
                line: neighbourLine(ds, lang, "successor", link.successor, link.successorDisputed),
                disputed: link.successorDisputed,
              }
            : null,
        ];
        for (const side of sides) if (side?.line) (side.disputed ? accounts : plain).push(side.line);
      }
      const around = [...(plain.length ? [plain.join(" · ")] : []), ...accounts];
      return [
        `**${holdingName(ds, term, lang)}${basisLabel(lang, term, ds)}**`,
        `${termSpan(lang, term)}${term.endedByDeath ? ` (${t(lang, "diedInOffice")})` : ""}`,
        ...around,
        ...statedDurationNotes(ds, term, lang),
      ];
    });
    fields.push({ name: t(lang, "offices"), value: joinLines(lines, LIMITS.fieldValue, lang) });
  }

  // Term notes often restate a fact; show only those that add something.
  const notes = terms
    .flatMap((term) => term.notes)
    .filter((note) => !person.facts.some((f) => similarWords(f.text, note.text) >= 0.5))
    .map((note) => `• ${voiced(ds, note, lang)}`);
  if (person.facts.length > 0 || notes.length > 0) {
    const facts = person.facts.map((f) => `• ${voiced(ds, f, lang)}`);
    fields.push(...packedFields(t(lang, "facts"), [...facts, ...notes], 2, lang));
  }
  if (person.roles.length > 0) {
    fields.push({
      name: t(lang, "roles"),
      value: joinLines(
        person.roles.map((r) => {
          const note = roleNote(lang, r);
          return `• ${roleTitle(lang, r)}${note ? ` — ${note}` : ""}`;
        }),
        LIMITS.fieldValue,
        lang,
      ),
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
      value: joinLines(
        claims.map((c) => `• ${sourceName(ds, c.source, lang)} ${characterisation(lang, c)}`),
        LIMITS.fieldValue,
        lang,
      ),
    });
  }

  // English cards name the person in both scripts; Russian ones in Russian only.
  const description: string[] = [
    lang === "ru" ? `*${personFullName(lang, person)}*` : `*${person.fullName}* · ${person.nameRu}`,
  ];
  if (options.matched) description.push(`${t(lang, "matched")}: ${options.matched}`);

  const embed = fitEmbed({
    title: lang === "ru" ? personName(lang, person) : `${person.name} · ${shortRussian(person.nameRu)}`,
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
        personName(lang, predecessor),
        { kind: "person", id: predecessor.id, asker: options.asker, slot: 0 },
        "◀️",
      ),
    );
  if (successor)
    buttons.push(
      openButton(
        personName(lang, successor),
        { kind: "person", id: successor.id, asker: options.asker, slot: 1 },
        "▶️",
      ),
    );
  const offices = [...new Set(terms.map((x) => x.office))];
  for (const [i, officeId] of offices.slice(0, 5 - buttons.length).entries()) {
    const office = ds.officeById.get(officeId);
    if (office)
      buttons.push(
        openButton(
          officeName(lang, office),
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

/** Share of distinct words two sentences have in common (Jaccard), to skip near-repeats. */
function similarWords(a: string, b: string): number {
  const words = (s: string) => new Set(s.toLowerCase().match(/[a-z0-9]{4,}/g) ?? []);
  const wa = words(a);
  const wb = words(b);
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  return shared / Math.max(1, Math.min(wa.size, wb.size));
}
