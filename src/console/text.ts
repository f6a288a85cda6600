import type { APIEmbed } from "discord-api-types/v10";
import { type Lang, text } from "../i18n/index.js";
import { ComponentType, MessageFlags } from "../interactions/api.js";
import type { MessagePayload, ModalPayload } from "../interactions/types.js";
import { sanitizeLine, sanitizeText } from "../text/sanitize.js";

// Everything shown here may hold a user's or an imported set's text, and a terminal would obey
// control characters and escape sequences in it: every piece goes through the sanitiser (on one
// line for titles and labels), so that nothing but text reaches the terminal.
const line = sanitizeLine;

/** A Discord timestamp (`<t:1765184400:f>`, shown in each reader's zone) as the terminal's UTC. */
const moment = (_: string, seconds: string) =>
  `${new Date(Number(seconds) * 1000).toISOString().slice(0, 16).replace("T", " ")} UTC`;

const plain = (s: string) =>
  sanitizeText(s)
    .replace(/<t:(\d{1,12})(?::[tTdDfFR])?>/g, moment)
    .replace(/\*\*(.+?)\*\*/g, "$1")
    .replace(/(^|[^*])\*(.+?)\*/g, "$1$2")
    .replace(/\\([\\`*_~|>#[\]()-])/g, "$1");

function embedText(e: APIEmbed, width: number, lang: Lang): string[] {
  const rule = "─".repeat(Math.min(width, 72));
  const lines = [rule];
  if (e.title) lines.push(`▌ ${line(plain(e.title))}`);
  if (e.description) lines.push(plain(e.description));
  for (const f of e.fields ?? []) {
    lines.push(
      "",
      `▸ ${line(plain(f.name))}`,
      ...plain(f.value)
        .split("\n")
        .map((l) => `  ${l}`),
    );
  }
  if (e.image?.url) lines.push("", text(lang).consoleImage({ url: line(e.image.url) }));
  if (e.footer) lines.push("", `  ${sanitizeText(e.footer.text)}`);
  lines.push(rule);
  return lines;
}

/** A message as a person would read it in Discord, for the console and the CLI. */
export function payloadToText(payload: MessagePayload, width = 72, lang: Lang = "en"): string {
  const words = text(lang);
  const lines: string[] = [];
  if ((payload.flags ?? 0) & MessageFlags.Ephemeral) lines.push(words.consoleOnlyYou);
  if (payload.content) lines.push(plain(payload.content));
  for (const e of payload.embeds ?? []) lines.push(...embedText(e, width, lang));
  let n = 0;
  for (const row of payload.components ?? []) {
    for (const c of row.components) {
      if (c.type === ComponentType.Button) {
        n++;
        const emoji = "emoji" in c && c.emoji?.name ? `${c.emoji.name} ` : "";
        lines.push(`  [${n}] ${line(`${emoji}${"label" in c ? (c.label ?? "") : ""}`)}`);
      } else if (c.type === ComponentType.StringSelect) {
        lines.push(`  ${line(c.placeholder ?? words.consoleChoose)}`);
        for (const o of c.options) {
          n++;
          lines.push(`  [${n}] ${line(`${o.label}${o.description ? ` — ${o.description}` : ""}`)}`);
        }
      }
    }
  }
  for (const f of payload.files ?? [])
    lines.push(`  ${words.consoleAttachment({ name: line(f.name), bytes: f.data.length })}`);
  return lines.join("\n");
}

/** The custom id and values that pressing item `n` of a message's components would send. */
export function componentAt(
  payload: MessagePayload,
  n: number,
): { customId: string; values: string[] } | null {
  let i = 0;
  for (const row of payload.components ?? []) {
    for (const c of row.components) {
      if (c.type === ComponentType.Button) {
        i++;
        if (i === n && "custom_id" in c) return { customId: c.custom_id, values: [] };
      } else if (c.type === ComponentType.StringSelect) {
        for (const o of c.options) {
          i++;
          if (i === n) return { customId: c.custom_id, values: [o.value] };
        }
      }
    }
  }
  return null;
}

/** A form (modal) as the terminal shows it: its title and what to type. */
export function modalToText(modal: ModalPayload, lang: Lang = "en"): string {
  const inputs = modal.components.flatMap((row) => row.components);
  return [
    `📝 ${line(modal.title)}`,
    ...inputs.map((i) => `  ${line(i.label ?? i.custom_id)} ${text(lang).consoleTypeBelow}`),
  ].join("\n");
}

/** Submitting a form with one line of text: what Discord sends for a modal with one text input. */
export function formSubmission(
  modal: ModalPayload,
  line: string,
): { customId: string; values: string[]; fields: Record<string, string> } {
  const first = modal.components[0]?.components[0];
  return { customId: modal.custom_id, values: [], fields: first ? { [first.custom_id]: line } : {} };
}
