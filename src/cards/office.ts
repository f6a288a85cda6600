import type { APIButtonComponent, APIEmbed, APIEmbedField } from "discord-api-types/v10";
import type { Dataset } from "../data/load.js";
import type { Dispute, Office } from "../data/schema.js";
import {
  characterisation,
  disputeTopic,
  infoboxValue,
  officeName,
  periodNote,
  personName,
  roleTitle,
  titleText,
} from "../i18n/data-text.js";
import { formatDate, type Lang, t, text } from "../i18n/index.js";
import { ComponentType } from "../interactions/api.js";
import {
  basisLabel,
  COLOURS,
  disputeFields,
  openButton,
  sourceList,
  sourceName,
  sourcesFooter,
  termSpan,
  voiced,
} from "./common.js";
import { embedLength, fitEmbed, joinLines, LIMITS } from "./limits.js";
import type { Card } from "./person.js";

/** An office's card: titles, dates, purpose, holders in order with their terms, what it became. */
export function officeCard(
  ds: Dataset,
  office: Office,
  options: { lang: Lang; asker: string; matched?: string },
): Card {
  const { lang } = options;
  const cited = new Set<string>(office.sources);
  const fields: APIEmbedField[] = [];
  const termsOffice = office.kind === "title" && office.partOf ? office.partOf : office.id;
  const terms = (ds.termsByOffice.get(termsOffice) ?? []).filter(
    (x) => office.kind !== "title" || x.basis === "acting",
  );

  if (office.titles.length > 0) {
    fields.push({
      name: t(lang, "titles"),
      value: joinLines(
        office.titles.map((x) => `• ${titleText(lang, x)}${x.from ? ` (${x.from}–${x.to ?? ""})` : ""}`),
        LIMITS.fieldValue,
        lang,
      ),
    });
  }
  if (office.periods.length > 0) {
    fields.push({
      name: t(lang, "existed"),
      value: joinLines(
        office.periods.map((p) => {
          const note = periodNote(lang, p);
          return `• ${formatDate(lang, p.from)} – ${p.to ? formatDate(lang, p.to) : "?"}${note ? ` — ${voiced(ds, { text: note, sources: p.noteSources ?? [] }, lang)}` : ""}`;
        }),
        LIMITS.fieldValue,
        lang,
      ),
    });
  }
  if (terms.length > 0) {
    fields.push({
      name: t(lang, "holders"),
      value: joinLines(
        terms.map((term) => {
          for (const s of term.sources) cited.add(s);
          const holder = ds.personById.get(term.person);
          return `• **${holder ? personName(lang, holder) : term.person}**${basisLabel(lang, term, ds)}: ${termSpan(lang, term)}`;
        }),
        LIMITS.fieldValue,
        lang,
      ),
    });
  }
  const roleHolders = ds.people.filter((p) => p.roles.some((r) => r.office === office.id));
  if (roleHolders.length > 0) {
    fields.push({
      name: text(lang).membersUndated,
      value: joinLines(
        roleHolders.map((p) => {
          const role = p.roles.find((r) => r.office === office.id);
          return `• ${personName(lang, p)} — ${role ? roleTitle(lang, role) : ""}`;
        }),
        LIMITS.fieldValue,
        lang,
      ),
    });
  }
  const infobox = Object.entries(office.infobox);
  if (infobox.length > 0) {
    // Rows that come from the same sources are named once, after the last of them.
    const lines = infobox.map(([key, v], i) => {
      for (const s of v.sources) cited.add(s);
      const by = sourceList(ds, v.sources, lang);
      const next = infobox[i + 1]?.[1];
      const last = !next || sourceList(ds, next.sources, lang) !== by;
      return `${text(lang).infoboxLabels[key] ?? key}: ${infoboxValue(lang, v)}${last ? ` (${by})` : ""}`;
    });
    fields.push({ name: t(lang, "infobox"), value: joinLines(lines, LIMITS.fieldValue, lang) });
  }
  if (office.facts.length > 0)
    fields.push({
      name: t(lang, "facts"),
      value: joinLines(
        office.facts.map((f) => `• ${voiced(ds, f, lang)}`),
        LIMITS.fieldValue,
        lang,
      ),
    });
  const disputes = ds.disputesBySubject.get(office.id) ?? [];
  const at = fields.length;
  const claims = ds.claimsBySubject.get(office.id) ?? [];
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
  // The offices on either side, as the sources give them; a side they order differently says so.
  const predecessor = office.predecessor ? ds.officeById.get(office.predecessor) : undefined;
  const successor = office.successor ? ds.officeById.get(office.successor) : undefined;
  const side = (label: "precededByOffice" | "followedBy", next: typeof successor, disputeId?: string) => {
    const dispute = disputeId ? ds.disputeById.get(disputeId) : undefined;
    if (dispute)
      return `${t(lang, label)}: ${text(lang).neighbourDisputed({ topic: disputeTopic(lang, dispute) })}`;
    return next ? `${t(lang, label)}: ${officeName(lang, next)}` : "";
  };
  const chain = [
    side("precededByOffice", predecessor, office.predecessorDisputed),
    side("followedBy", successor, office.successorDisputed),
  ].filter(Boolean);
  if (chain.length > 0) fields.push({ name: "↔", value: chain.join("\n") });

  // English cards name the office in both languages; Russian ones in Russian only.
  const description = [
    ...(lang === "ru" ? [] : [`*${office.nameRu}*`]),
    ...office.purpose.map((p) => voiced(ds, p, lang)),
    ...(options.matched ? [`${t(lang, "matched")}: ${options.matched}`] : []),
  ];
  const card = (block: APIEmbedField[]): APIEmbed => ({
    title: lang === "ru" ? officeName(lang, office) : `${office.name} · ${office.nameRu}`,
    description: joinLines(description, 4096, lang),
    color: COLOURS.office,
    fields: [...fields.slice(0, at), ...block, ...fields.slice(at)],
    footer: sourcesFooter(ds, cited, lang),
  });
  // Every disagreement in full where the card has room. Where it has not (the General Secretary's),
  // those about a holder are named, and given in full on that holder's card, rather than anything
  // being dropped from this one.
  const full = card(disputeFields(ds, disputes, lang));
  const aboutPeople = (d: Dispute) => d.subjects.some((x) => ds.personById.has(x));
  const elsewhere = disputes.filter(aboutPeople);
  const embed = fitEmbed(
    embedLength(full) <= LIMITS.total || elsewhere.length === 0
      ? full
      : card([
          ...disputeFields(
            ds,
            disputes.filter((d) => !aboutPeople(d)),
            lang,
          ),
          {
            name: text(lang).disputesOfHolders,
            value: text(lang).disputesOnHoldersCards({
              topics: elsewhere.map((d) => `*${disputeTopic(lang, d)}*`).join("; "),
            }),
          },
        ]),
  );

  const buttons: APIButtonComponent[] = [];
  if (predecessor && !office.predecessorDisputed)
    buttons.push(
      openButton(
        officeName(lang, predecessor),
        { kind: "office", id: predecessor.id, asker: options.asker, slot: 0 },
        "◀️",
      ),
    );
  if (successor && !office.successorDisputed && successor.id !== predecessor?.id) {
    buttons.push(
      openButton(
        officeName(lang, successor),
        { kind: "office", id: successor.id, asker: options.asker, slot: 1 },
        "▶️",
      ),
    );
  }
  const people = [...new Set(terms.map((x) => x.person))];
  for (const [i, id] of people.slice(0, 5 - buttons.length).entries()) {
    const p = ds.personById.get(id);
    if (p)
      buttons.push(
        openButton(personName(lang, p), { kind: "person", id: p.id, asker: options.asker, slot: 2 + i }),
      );
  }
  return {
    embed,
    components: buttons.length ? [{ type: ComponentType.ActionRow, components: buttons }] : [],
  };
}
