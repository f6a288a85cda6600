/**
 * The one custom-id codec. Every button and menu the bot sends carries `v1|<prefix>|<arg>|…`: the
 * version of this format, the prefix of the component handler that owns it, and the arguments that
 * handler needs, so a button keeps working after a restart with no state kept anywhere. Arguments
 * escape `%` and `|` as `%25` and `%7C`; ids are at most 100 characters (Discord's limit).
 *
 * Anything that does not decode (another version, a forged or truncated id) decodes to null, and
 * the router answers it politely; a handler that gets arguments it cannot use does the same.
 */
export const ID_VERSION = "v1";
export const MAX_ID_LENGTH = 100;
const PREFIX = /^[a-z][a-z0-9-]{0,15}$/;

export interface DecodedId {
  prefix: string;
  args: string[];
}

const escapeArg = (arg: string) => arg.replace(/%/g, "%25").replace(/\|/g, "%7C");

function unescapeArg(arg: string): string | null {
  // Only the two escapes this codec writes; any other `%` means the id was not made here.
  if (/%(?!25|7C)/.test(arg)) return null;
  return arg.replace(/%7C/g, "|").replace(/%25/g, "%");
}

/** Encodes an id; throws a RangeError for a bad prefix or an id past Discord's 100 characters. */
export function encodeId(prefix: string, args: readonly string[]): string {
  if (!PREFIX.test(prefix)) throw new RangeError(`bad custom-id prefix: ${prefix}`);
  const id = [ID_VERSION, prefix, ...args.map(escapeArg)].join("|");
  if (id.length > MAX_ID_LENGTH) throw new RangeError(`custom id longer than ${MAX_ID_LENGTH}: ${id}`);
  return id;
}

/** The prefix and arguments of an id this codec made; null for anything else. */
export function decodeId(customId: string): DecodedId | null {
  if (customId.length > MAX_ID_LENGTH) return null;
  const [version, prefix, ...raw] = customId.split("|");
  if (version !== ID_VERSION || prefix === undefined || !PREFIX.test(prefix)) return null;
  const args: string[] = [];
  for (const r of raw) {
    const arg = unescapeArg(r);
    if (arg === null) return null;
    args.push(arg);
  }
  return { prefix, args };
}

// — card navigation: `open` (a button that opens a card) and `pick` (a "did you mean" menu) —

export type CardKind = "person" | "office" | "when";

const KIND_CODE: Record<CardKind, string> = { person: "p", office: "o", when: "w" };
const CODE_KIND: Record<string, CardKind> = { p: "person", o: "office", w: "when" };

export interface CardTarget {
  kind: CardKind;
  /** A person or office id, or the date text for `when`. */
  id: string;
  /** The user whose card this is; others get their own copy instead of changing it. */
  asker: string;
  /** Office filter for `when` cards. */
  office?: string;
  /** Makes ids unique within one message (Discord rejects duplicates). */
  slot?: number;
}

export const OPEN_PREFIX = "open";
export const PICK_PREFIX = "pick";

export function cardId(target: CardTarget): string {
  const args = [`${KIND_CODE[target.kind]}${target.slot ?? ""}`, target.id, target.asker];
  if (target.office) args.push(target.office);
  return encodeId(OPEN_PREFIX, args);
}

/** The target of an `open` id's arguments; null when they are not a card's. */
export function cardTargetOf(args: readonly string[]): CardTarget | null {
  const [kindSlot, id, asker, office] = args;
  const kind = CODE_KIND[(kindSlot ?? "").charAt(0)];
  if (!kind || !id || !asker || args.length > 4) return null;
  return { kind, id, asker, ...(office ? { office } : {}) };
}

export function pickId(kind: CardKind, asker: string): string {
  return encodeId(PICK_PREFIX, [KIND_CODE[kind], asker]);
}

/** The menu under a message lookup: `v1|spot|<asker>`; each option's value is a `spotValue`. */
export const SPOT_PREFIX = "spot";

export function spotMenuId(asker: string): string {
  return encodeId(SPOT_PREFIX, [asker]);
}

/** A menu option's value: "p:<person id>", "o:<office id>" or "w:<date text>" (≤ 100 characters). */
export function spotValue(kind: CardKind, id: string): string {
  return `${KIND_CODE[kind]}:${id}`.slice(0, 100);
}

/** The card a menu option opens; null for a value this version did not make. */
export function spotTarget(value: string, asker: string): CardTarget | null {
  const kind = CODE_KIND[value.slice(0, 1)];
  const id = value.slice(2);
  if (!kind || value[1] !== ":" || id.length === 0) return null;
  return { kind, id, asker };
}

/** The card kind and asker of a `pick` id's arguments; null when they are not a menu's. */
export function pickOf(args: readonly string[]): { kind: CardKind; asker: string } | null {
  const [code, asker] = args;
  const kind = CODE_KIND[code ?? ""];
  if (!kind || !asker || args.length !== 2) return null;
  return { kind, asker };
}
