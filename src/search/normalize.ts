/**
 * The one normaliser for names: queries and index keys both pass through it, so that case,
 * accents, ё/е, й/и, punctuation, markup and stray spaces never decide a match.
 */
export function normalizeName(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[ßẞ]/g, "ss")
    .replace(/ł/g, "l")
    .replace(/đ/g, "d")
    .replace(/ø/g, "o")
    .replace(/æ/g, "ae")
    .replace(/œ/g, "oe")
    .replace(/ı/g, "i")
    .replace(/[ъь’'ʹʼ`]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

export function tokens(normalized: string): string[] {
  return normalized.length === 0 ? [] : normalized.split(" ");
}
