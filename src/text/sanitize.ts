// One sanitiser for every text a user or an imported file controls, wherever the bot shows it: in
// Discord (embed titles, descriptions and fields, button labels, menu options, forms, autocomplete
// choices) and in the terminal of the console and the CLI. It is applied where such text comes in
// (an import, a display name, a report) and again where it is rendered, so that text stored before
// this existed is shown safely too. It removes:
//   - bidirectional controls (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069), which reorder
//     the text around them ("…\u202Etxt.exe" reads as "…exe.txt");
//   - C0 controls (U+0000–U+001F) but the newline where one is kept, DEL, and C1 controls
//     (U+0080–U+009F): a bell, a backspace that overwrites, an escape;
//   - and so terminal escape sequences: a CSI sequence (ESC [ or U+009B, its parameters and its
//     final byte) goes whole, so that neither it nor its tail reaches a terminal or a message.
// Tabs, carriage returns and other line breaks become a space (or, where newlines are kept, a
// newline), so that words on either side of them stay apart. Everything else is kept as written:
// letters of any script, punctuation, emoji with their joiners and variation selectors.
// biome-ignore-all lint/suspicious/noControlCharactersInRegex: finding control characters is the point

/** A CSI escape sequence, as a terminal reads it: introducer, parameters, intermediates, final byte. */
const CSI = /(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?/g;
/** Line breaks and tabs, to a space (one line) or a newline (several). */
const BREAKS_IN_LINE = /\r\n|[\t\n\v\f\r\x85]/g;
const BREAKS_IN_TEXT = /\r\n?|\x85/g;
/** What is removed after that: every control but the newline kept, DEL, C1, bidi controls. */
const REMOVED_IN_LINE = /[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/**
 * Any character sanitizeLine changes: the removed ones, which include every line break and both CSI
 * introducers (ESC, U+009B), and U+0085.
 */
const UNSAFE_IN_LINE = /[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const REMOVED_IN_TEXT = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Whether a character is one the sanitiser never lets through (with `newlines`, "\n" is allowed). */
export function isUnsafeChar(c: string, newlines = false): boolean {
  if (newlines && c === "\n") return false;
  return /^[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]$/.test(c);
}

/**
 * Text a user or an imported file controls, made safe to show on one line (a title, a label, a
 * menu option, a terminal line): no controls, no escape sequences, no bidi overrides, no line
 * breaks (they become spaces). Idempotent; ordinary text comes out unchanged.
 */
export function sanitizeLine(text: string): string {
  // Most text has nothing to remove: one scan says so, where the three replacements would scan thrice.
  if (!UNSAFE_IN_LINE.test(text)) return text;
  return text.replace(CSI, "").replace(BREAKS_IN_LINE, " ").replace(REMOVED_IN_LINE, "");
}

/**
 * The same for text that may run over several lines (an explanation, a description, a terminal
 * message): newlines are kept (CRLF and CR become "\n"); tabs become spaces.
 */
export function sanitizeText(text: string): string {
  return text
    .replace(CSI, "")
    .replace(BREAKS_IN_TEXT, "\n")
    .replace(/[\t\v\f]/g, " ")
    .replace(REMOVED_IN_TEXT, "");
}
