import type { Card } from "../cards/person.js";
import { sanitizeLine } from "../text/sanitize.js";
import { MessageFlags } from "./api.js";
import type { MessagePayload } from "./types.js";

/** Every message the bot sends pings nobody. */
export const NO_MENTIONS = { parse: [] } as { parse: [] };

export function cardPayload(
  card: Card,
  options: { ephemeral?: boolean; content?: string } = {},
): MessagePayload {
  const payload: MessagePayload = {
    embeds: [card.embed],
    components: card.components,
    allowed_mentions: NO_MENTIONS,
  };
  if (options.content) payload.content = options.content;
  if (options.ephemeral) payload.flags = MessageFlags.Ephemeral;
  return payload;
}

export function ephemeralText(content: string, extra: Partial<MessagePayload> = {}): MessagePayload {
  return {
    content: content.slice(0, 2000) || "…",
    flags: MessageFlags.Ephemeral,
    allowed_mentions: NO_MENTIONS,
    ...extra,
  };
}

/** A private note with a text file attached (an export: CSV or JSON). */
export function privateFile(content: string, file: { name: string; text: string }): MessagePayload {
  return ephemeralText(content, { files: [{ name: file.name, data: new TextEncoder().encode(file.text) }] });
}

/**
 * A character or spacing that quoteUserText changes: what the sanitiser removes, markdown and
 * mention syntax it escapes, whitespace other than single spaces between words.
 */
const QUOTE_CHANGES =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /[\\`*_~|>#[\]()\-@<\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|[^\S ]|\s\s|^\s|\s$/;

/**
 * Echoes user text safely: sanitised (no controls, escape sequences or direction overrides; see
 * src/text/sanitize.ts), no markdown tricks (spoilers, bold, headings, links), no mention syntax
 * that could render as a ping, no newlines, and not too long.
 */
export function quoteUserText(text: string, max = 80): string {
  // Ordinary words ("March 1953", "Хрущёв") need none of the work below: one scan says so.
  if (text.length <= max && !QUOTE_CHANGES.test(text)) return text;
  const flat = sanitizeLine(text).replace(/\s+/g, " ").trim();
  const clipped = flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
  return clipped
    .replace(/([\\`*_~|>#[\]()-])/g, "\\$1")
    .replace(/@/g, "@\u200b")
    .replace(/<(?=[@#:a])/g, "<\u200b");
}
