// /sources: the documents, what kind each is, and every point on which they disagree. Nothing is
// cut to fit: the disagreements go onto as many pages as Discord's 6,000 characters per message
// need, with buttons to turn them.
import type {
  APIActionRowComponent,
  APIButtonComponent,
  APIEmbed,
  APIEmbedField,
} from "discord-api-types/v10";
import type { Dataset } from "../data/load.js";
import type { Dispute } from "../data/schema.js";
import { disputeTopic, sourceSummary } from "../i18n/data-text.js";
import { type Lang, t, text } from "../i18n/index.js";
import { ButtonStyle, ComponentType } from "../interactions/api.js";
import { encodeId } from "../interactions/custom-id.js";
import { COLOURS, disputeClaimLine, sourceName } from "./common.js";
import { embedLength, LIMITS } from "./limits.js";

/** The buttons that turn the pages: `v1|sources|<page>|<asker>`. */
export const SOURCES_PREFIX = "sources";

/** Room kept on each page for its footer ("Page 2 of 3"). */
const FOOTER_ROOM = 40;

/** The documents, by the names the cards' footers use, each with its title, publisher and kind. */
function documentsEmbed(ds: Dataset, lang: Lang): APIEmbed {
  return {
    title: text(lang).sourcesTitle,
    description: text(lang).sourcesIntro,
    color: COLOURS.info,
    fields: ds.sources.map((s) => ({
      name: sourceName(ds, s.id, lang),
      value: `*${s.title}* — ${s.publisher}, ${text(lang).sourceKinds[s.kind] ?? s.kind}\n${sourceSummary(lang, s)}`,
    })),
  };
}

/** One disagreement as fields: its topic, then every claimed value with its sources, whole. */
function disputeFieldsOf(ds: Dataset, d: Dispute, lang: Lang): APIEmbedField[] {
  const lines = d.claims.map((c) => disputeClaimLine(ds, c, lang));
  const topic = disputeTopic(lang, d);
  const fields: APIEmbedField[] = [];
  for (const line of lines) {
    const last = fields.at(-1);
    if (last && last.value.length + 1 + line.length <= LIMITS.fieldValue) last.value += `\n${line}`;
    else fields.push({ name: fields.length === 0 ? topic : `${topic} (${fields.length + 1})`, value: line });
  }
  return fields;
}

const total = (embeds: readonly APIEmbed[]) => embeds.reduce((n, e) => n + embedLength(e), 0);

/** Every page: the documents first, then the disagreements, each whole on one page. */
export function sourcesPages(ds: Dataset, lang: Lang): APIEmbed[][] {
  const disputesEmbed = (first: boolean): APIEmbed => ({
    title: t(lang, "disputes"),
    ...(first ? { description: text(lang).disputesIntro } : {}),
    color: COLOURS.info,
    fields: [],
  });
  const pages: APIEmbed[][] = [[documentsEmbed(ds, lang), disputesEmbed(true)]];
  for (const d of ds.disputes) {
    const fields = disputeFieldsOf(ds, d, lang);
    let page = pages.at(-1) as APIEmbed[];
    let embed = page.at(-1) as APIEmbed;
    const size = fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
    const full =
      total(page) + size + FOOTER_ROOM > LIMITS.total ||
      (embed.fields?.length ?? 0) + fields.length > LIMITS.fields;
    if (full && (embed.fields?.length ?? 0) > 0) {
      embed = disputesEmbed(false);
      page = [embed];
      pages.push(page);
    }
    embed.fields?.push(...fields);
  }
  return pages.map((page, i) =>
    page.map((e, j) =>
      j === page.length - 1 && pages.length > 1
        ? { ...e, footer: { text: text(lang).sourcesPage({ page: i + 1, total: pages.length }) } }
        : e,
    ),
  );
}

/** One page of /sources for the person who asked, with the buttons to the pages beside it. */
export function sourcesMessage(
  ds: Dataset,
  lang: Lang,
  page: number,
  asker: string,
): { embeds: APIEmbed[]; components: APIActionRowComponent<APIButtonComponent>[] } {
  const pages = sourcesPages(ds, lang);
  const at = Math.min(Math.max(0, page), pages.length - 1);
  const button = (to: number, label: string, emoji: string): APIButtonComponent => ({
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    label,
    emoji: { name: emoji },
    custom_id: encodeId(SOURCES_PREFIX, [String(to), asker]),
  });
  const buttons = [
    ...(at > 0 ? [button(at - 1, text(lang).sourcesPrevious, "◀️")] : []),
    ...(at < pages.length - 1 ? [button(at + 1, text(lang).sourcesNext, "▶️")] : []),
  ];
  return {
    embeds: pages[at] as APIEmbed[],
    components: buttons.length ? [{ type: ComponentType.ActionRow, components: buttons }] : [],
  };
}
