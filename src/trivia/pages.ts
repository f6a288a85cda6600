// The teacher's progress page: whether a scope has one, and the secret in its link. Only a hash of
// the secret is stored, so the link is shown once (to whoever enables the page) and a copy of the
// database opens nothing. A request's secret is hashed and looked up by that hash: the lookup learns
// nothing an attacker could steer byte by byte, and the final comparison takes constant time.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { Sql } from "../storage/sql.js";

/** 32 random bytes: 256 bits, far past guessing (the issue asks for at least 128). */
const SECRET_BYTES = 32;
/** What a secret looks like in a link: base64url of 32 bytes, nothing else. */
const SECRET_SHAPE = /^[A-Za-z0-9_-]{43}$/;

const hashOf = (secret: string): Buffer => createHash("sha256").update(secret, "utf8").digest();

export class PageStore {
  constructor(private readonly db: Sql) {}

  /** Makes a new secret for the scope's page, replacing any earlier one (whose link stops working). */
  async enable(scope: string, userId: string, now: number): Promise<string> {
    const secret = randomBytes(SECRET_BYTES).toString("base64url");
    await this.db.run(
      `INSERT INTO progress_pages (scope, secret_hash, created_by, created_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (scope) DO UPDATE SET secret_hash = excluded.secret_hash,
         created_by = excluded.created_by, created_at = excluded.created_at`,
      [scope, hashOf(secret).toString("hex"), userId, now],
    );
    return secret;
  }

  /** Takes the scope's page down; whether there was one. */
  async revoke(scope: string): Promise<boolean> {
    return (await this.db.run("DELETE FROM progress_pages WHERE scope = ?", [scope])).changes > 0;
  }

  /** The scope a link's secret opens, or undefined: malformed, guessed and revoked alike. */
  async scopeOf(secret: string): Promise<string | undefined> {
    if (!SECRET_SHAPE.test(secret)) return undefined;
    const given = hashOf(secret);
    const row = await this.db.get<{ scope: string; secret_hash: string }>(
      "SELECT scope, secret_hash FROM progress_pages WHERE secret_hash = ?",
      [given.toString("hex")],
    );
    if (!row) return undefined;
    const stored = Buffer.from(row.secret_hash, "hex");
    return stored.length === given.length && timingSafeEqual(stored, given) ? row.scope : undefined;
  }
}
