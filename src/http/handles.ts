// A player's page is addressed without their Discord id: the id, as a 64-bit number with 8 zero
// bytes after it, is one AES block encrypted under a key made from the page's secret. The handle
// is the same each time (a stable link), says nothing without the secret, changes with a new link,
// and decrypts straight back to the id; anything that does not end in the zeros is refused.
import { createCipheriv, createDecipheriv, createHash } from "node:crypto";

const keyOf = (secret: string) => createHash("sha256").update(`apparat-player-handle:${secret}`).digest();
const MAX_ID = (1n << 64n) - 1n;

export function playerHandle(secret: string, userId: string): string | undefined {
  if (!/^\d{1,20}$/.test(userId) || BigInt(userId) > MAX_ID) return undefined;
  const block = Buffer.alloc(16);
  block.writeBigUInt64BE(BigInt(userId), 0);
  const cipher = createCipheriv("aes-256-ecb", keyOf(secret), null).setAutoPadding(false);
  return Buffer.concat([cipher.update(block), cipher.final()]).toString("base64url");
}

export function userOfHandle(secret: string, handle: string): string | undefined {
  if (!/^[A-Za-z0-9_-]{22}$/.test(handle)) return undefined;
  const sealed = Buffer.from(handle, "base64url");
  if (sealed.length !== 16) return undefined;
  const decipher = createDecipheriv("aes-256-ecb", keyOf(secret), null).setAutoPadding(false);
  const block = Buffer.concat([decipher.update(sealed), decipher.final()]);
  if (block.readBigUInt64BE(8) !== 0n) return undefined;
  return block.readBigUInt64BE(0).toString();
}
