/**
 * Custom ids carry everything a button or menu needs, so they keep working after a restart:
 * `v1|<action>|<target>|<asker>`. Discord allows 100 characters.
 */
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

export function cardId(target: CardTarget): string {
  const parts = ["v1", "open", `${KIND_CODE[target.kind]}${target.slot ?? ""}`, target.id, target.asker];
  if (target.office) parts.push(target.office);
  return parts.join("|").slice(0, 100);
}

export function pickId(kind: CardKind, asker: string): string {
  return ["v1", "pick", KIND_CODE[kind], asker].join("|");
}

export type ParsedId =
  | { action: "open"; target: CardTarget }
  | { action: "pick"; kind: CardKind; asker: string }
  | { action: "unknown" };

export function parseId(customId: string): ParsedId {
  const parts = customId.split("|");
  if (parts[0] !== "v1") return { action: "unknown" };
  if (parts[1] === "open" && parts.length >= 5) {
    const kind = CODE_KIND[(parts[2] ?? "").charAt(0)];
    if (!kind) return { action: "unknown" };
    const target: CardTarget = { kind, id: parts[3] as string, asker: parts[4] as string };
    if (parts[5]) target.office = parts[5];
    return { action: "open", target };
  }
  if (parts[1] === "pick" && parts.length === 4) {
    const kind = CODE_KIND[parts[2] ?? ""];
    if (kind) return { action: "pick", kind, asker: parts[3] as string };
  }
  return { action: "unknown" };
}
