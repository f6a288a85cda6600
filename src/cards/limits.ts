import type { APIEmbed, APIEmbedField } from "discord-api-types/v10";
import { type Lang, text } from "../i18n/index.js";
import { BUTTON_LABEL_MAX } from "../text/answer-label.js";
import { clip } from "../text/clip.js";

/** Discord's documented embed limits. */
export const LIMITS = {
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  total: 6000,
  buttonsPerRow: 5,
  rows: 5,
  customId: 100,
  buttonLabel: BUTTON_LABEL_MAX,
  selectOptions: 25,
  selectLabel: 100,
  selectDescription: 100,
  choiceName: 100,
  content: 2000,
} as const;

export { clip } from "../text/clip.js";

/** Joins lines into one field value, dropping whole lines (with a count) rather than cutting one. */
export function joinLines(
  lines: readonly string[],
  max: number = LIMITS.fieldValue,
  lang: Lang = "en",
): string {
  const out: string[] = [];
  let used = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = clip(lines[i] as string, max);
    const reserve = i < lines.length - 1 ? 20 : 0;
    if (used + line.length + reserve > max) {
      out.push(text(lang).moreLines({ count: lines.length - i }));
      break;
    }
    out.push(line);
    used += line.length + 1;
  }
  return out.join("\n");
}

/**
 * Blocks of lines under one heading, packed whole into as few fields as they need (up to
 * `maxFields`; the later ones headed "Facts (2)"), so that nothing is cut to "… and 1 more" while
 * the embed has room. fitEmbed still drops whole fields from the end if the embed is too long.
 */
export function packedFields(
  name: string,
  blocks: readonly string[],
  maxFields = 3,
  lang: Lang = "en",
): APIEmbedField[] {
  const values: string[][] = [];
  for (const block of blocks) {
    const current = values.at(-1);
    if (current && [...current, block].join("\n").length <= LIMITS.fieldValue) current.push(block);
    else if (!current || values.length < maxFields) values.push([block]);
    else current.push(block);
  }
  return values.map((v, i) => ({
    name: i === 0 ? name : `${name} (${i + 1})`,
    value: joinLines(
      v.flatMap((b) => b.split("\n")),
      LIMITS.fieldValue,
      lang,
    ),
  }));
}

export function embedLength(e: APIEmbed): number {
  return (
    (e.title?.length ?? 0) +
    (e.description?.length ?? 0) +
    (e.footer?.text.length ?? 0) +
    (e.author?.name.length ?? 0) +
    (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

/** Clips every part of an embed to Discord's limits, dropping trailing fields if the total is too long. */
export function fitEmbed(e: APIEmbed): APIEmbed {
  const fields: APIEmbedField[] = (e.fields ?? [])
    .filter((f) => f.value.trim().length > 0)
    .slice(0, LIMITS.fields)
    .map((f) => ({ ...f, name: clip(f.name, LIMITS.fieldName), value: clip(f.value, LIMITS.fieldValue) }));
  const out: APIEmbed = { ...e, fields };
  if (out.title) out.title = clip(out.title, LIMITS.title);
  if (out.description) out.description = clip(out.description, LIMITS.description);
  if (out.footer) out.footer = { ...out.footer, text: clip(out.footer.text, LIMITS.footer) };
  while (embedLength(out) > LIMITS.total && (out.fields?.length ?? 0) > 0) out.fields?.pop();
  if (embedLength(out) > LIMITS.total && out.description) {
    out.description = clip(out.description, out.description.length - (embedLength(out) - LIMITS.total));
  }
  if (out.fields?.length === 0) delete out.fields;
  return out;
}

/** Keeps a whole message within the 6,000-character budget Discord applies across all its embeds. */
export function fitMessage(embeds: APIEmbed[]): APIEmbed[] {
  const out = embeds.map((e) => ({ ...e, fields: [...(e.fields ?? [])] }));
  const total = () => out.reduce((n, e) => n + embedLength(e), 0);
  for (let i = out.length - 1; i >= 0 && total() > LIMITS.total; i--) {
    const fields = out[i]?.fields ?? [];
    while (fields.length > 0 && total() > LIMITS.total) fields.pop();
  }
  return out.map((e) => {
    if (e.fields.length === 0) {
      const { fields: _, ...rest } = e;
      return rest;
    }
    return e;
  });
}
