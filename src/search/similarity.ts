/** Padded character trigrams, so that short tokens and token edges take part. */
export function trigrams(token: string): string[] {
  const padded = ` ${token} `;
  const grams: string[] = [];
  for (let i = 0; i + 3 <= padded.length; i++) grams.push(padded.slice(i, i + 3));
  return grams;
}
