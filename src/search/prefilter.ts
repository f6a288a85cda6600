// The candidate pre-filter for partial matching: fuse.js's options and its split of a pattern,
// and a bound on what a key's letters allow, so fuse.js scores only keys that could match.
/**
 * fuse.js for partial, fuzzy autocomplete input ("krush"): a threshold of 0.3 errors per pattern
 * character, anywhere in the key, scored without Fuse's field-length norm (keys are short names).
 */
export const FUSE_OPTIONS = {
  includeScore: true,
  ignoreLocation: true,
  ignoreFieldNorm: true,
  threshold: 0.3,
  isCaseSensitive: true, // keys and pattern are lower-cased already
} as const;
/** Fuse's bitap pattern length limit: longer patterns are searched in chunks of this size. */
const BITAP_CHUNK = 32;

/** Fuse's split of a lower-cased pattern into chunks of at most 32 characters. */
export function fuseChunks(pattern: string): string[] {
  if (pattern.length <= BITAP_CHUNK) return [pattern];
  const chunks: string[] = [];
  const remainder = pattern.length % BITAP_CHUNK;
  const end = pattern.length - remainder;
  for (let i = 0; i < end; i += BITAP_CHUNK) chunks.push(pattern.slice(i, i + BITAP_CHUNK));
  if (remainder) chunks.push(pattern.slice(pattern.length - BITAP_CHUNK));
  return chunks;
}

/** For `CharBounds`: each character's slot among the pattern's distinct characters, plus one. */
const charSlot = new Int32Array(65536);

/**
 * Whether a key can match the pattern within Fuse's threshold at all, from character counts: an
 * occurrence of a chunk with k errors keeps at least (length - k) of the chunk's characters, so a
 * text holding only m of them needs at least (length - m) errors. Fuse finds a match when any chunk
 * does, so a key is worth scoring when some chunk is within the threshold by this count.
 */
export class CharBounds {
  private readonly codes: number[] = [];
  /** Per chunk, per slot: how many times the chunk has the character. */
  private readonly need: Int32Array;
  private readonly have: Int32Array;

  constructor(
    pattern: string,
    private readonly chunks: string[],
  ) {
    for (let i = 0; i < pattern.length; i++) {
      const code = pattern.charCodeAt(i);
      if (charSlot[code] === 0) {
        this.codes.push(code);
        charSlot[code] = this.codes.length;
      }
    }
    const slots = this.codes.length;
    this.need = new Int32Array(chunks.length * slots);
    this.have = new Int32Array(slots);
    chunks.forEach((chunk, c) => {
      for (let i = 0; i < chunk.length; i++) this.need[c * slots + charSlot[chunk.charCodeAt(i)]! - 1]!++;
    });
  }

  canMatch(text: string, threshold: number): boolean {
    const slots = this.codes.length;
    const have = this.have;
    have.fill(0);
    for (let i = 0; i < text.length; i++) {
      const slot = charSlot[text.charCodeAt(i)] as number;
      if (slot > 0) have[slot - 1]!++;
    }
    for (let c = 0; c < this.chunks.length; c++) {
      const length = (this.chunks[c] as string).length;
      let kept = 0;
      for (let slot = 0; slot < slots; slot++)
        kept += Math.min(this.need[c * slots + slot] as number, have[slot] as number);
      if ((length - kept) / length <= threshold) return true;
    }
    return false;
  }

  /** Clears the shared character slots. */
  release(): void {
    for (const code of this.codes) charSlot[code] = 0;
  }
}
