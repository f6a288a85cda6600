/**
 * A small seeded pseudo-random generator for the trivia generator: the same seed always gives the
 * same sequence, on every platform, unlike the global random source.
 */

/** A 32-bit unsigned integer from any number: non-finite values become 0. */
export function toSeed(seed: number): number {
  if (!Number.isFinite(seed)) return 0;
  return Math.trunc(seed) >>> 0;
}

/** FNV-1a over the UTF-16 code units of a string: a stable 32-bit hash. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The hash as 8 lowercase hex digits. */
export function hashHex(text: string): string {
  return hashString(text).toString(16).padStart(8, "0");
}

/** mulberry32: a fast 32-bit generator; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = toSeed(seed);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, maxExclusive); 0 when maxExclusive ≤ 1. */
  nextInt(maxExclusive: number): number;
  /** One item of a non-empty list; throws a RangeError on an empty one. */
  pick<T>(items: readonly T[]): T;
  /** A shuffled copy (Fisher–Yates); the input is left untouched. */
  shuffle<T>(items: readonly T[]): T[];
}

export function createRng(seed: number): Rng {
  const next = mulberry32(seed);
  const nextInt = (maxExclusive: number): number => {
    const n = Math.floor(maxExclusive);
    if (!(n > 1)) return 0;
    return Math.floor(next() * n);
  };
  return {
    next,
    nextInt,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new RangeError("pick from an empty list");
      return items[nextInt(items.length)] as T;
    },
    shuffle<T>(items: readonly T[]): T[] {
      const copy = items.slice();
      for (let i = copy.length - 1; i > 0; i--) {
        const j = nextInt(i + 1);
        [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
      }
      return copy;
    },
  };
}

/**
 * A stable shuffle by a seed: the same items and seed give the same order (a user's study pool,
 * a round drawn from a set, the answers of an imported question).
 */
export function shuffleBySeed<T>(items: readonly T[], seed: number): T[] {
  const out = items.slice();
  let s = seed >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s ^ (s >>> 15), 1 | s) + 0x6d2b79f5) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
