// A round's own posts as the database keeps them (table round_posts): each is recorded in the same
// transaction as the claim that makes it due (a reveal claimed, a question opened, a round ended),
// and marked done once it has been delivered or can never be. What is pending after a crash is
// delivered by whichever process picks the round up; what is done is never posted again.
import type { Sql } from "../storage/sql.js";

export type PostKind = "question" | "reveal" | "standings" | "interrupted";

export interface PostRow {
  round_id: number;
  kind: PostKind;
  /** The question's position; for the standings or a closing word, the round's length. */
  position: number;
  created_at: number;
  leased_until: number | null;
  /** Which process holds the lease (a random id per process). */
  leased_by: string | null;
  done_at: number | null;
  /** "posted", "gone" (the channel or webhook can no longer be reached), "unknown" or "abandoned". */
  outcome: string | null;
  message_id: string | null;
}

export type PostOutcome = "posted" | "gone" | "unknown" | "abandoned";

/** Records a post as due; a second record of the same post is nothing (the primary key). */
export function recordPost(
  tx: Sql,
  roundId: number,
  kind: PostKind,
  position: number,
  now: number,
): Promise<{ changes: number }> {
  return tx.run(
    "INSERT INTO round_posts (round_id, kind, position, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
    [roundId, kind, position, now],
  );
}

/**
 * The nonce Discord uses to tell a retried post from a new one: the same for every attempt at the
 * same post, different for any other (at most 25 characters, as Discord allows).
 */
export function nonceOf(post: Pick<PostRow, "round_id" | "kind" | "position">): string {
  return `apr${post.round_id}.${post.position}${post.kind[0]}`.slice(0, 25);
}

export class RoundPosts {
  constructor(private readonly db: Sql) {}

  /** What the round still has to post, in the order the channel should see it. */
  pending(roundId: number): Promise<PostRow[]> {
    return this.db.all<PostRow>(
      "SELECT * FROM round_posts WHERE round_id = ? AND done_at IS NULL ORDER BY position, kind",
      [roundId],
    );
  }

  /**
   * Takes a post for delivery until `until`: true for one process at a time (and again for the
   * process that holds it). Another process that finds it taken waits for the lease to run out
   * (its holder may have died) before trying itself.
   */
  async lease(post: PostRow, now: number, until: number, by: string): Promise<boolean> {
    const taken = await this.db.run(
      `UPDATE round_posts SET leased_until = ?, leased_by = ?
       WHERE round_id = ? AND kind = ? AND position = ? AND done_at IS NULL
         AND (leased_until IS NULL OR leased_until <= ? OR leased_by = ?)`,
      [until, by, post.round_id, post.kind, post.position, now, by],
    );
    return taken.changes > 0;
  }

  async done(post: PostRow, outcome: PostOutcome, messageId: string | null, now: number): Promise<void> {
    await this.db.run(
      `UPDATE round_posts SET done_at = ?, outcome = ?, message_id = ?, leased_until = NULL
       WHERE round_id = ? AND kind = ? AND position = ? AND done_at IS NULL`,
      [now, outcome, messageId, post.round_id, post.kind, post.position],
    );
  }

  /** Gives a post back (a failed attempt) so that the next try, here or elsewhere, may take it. */
  async release(post: PostRow): Promise<void> {
    await this.db.run(
      "UPDATE round_posts SET leased_until = NULL WHERE round_id = ? AND kind = ? AND position = ? AND done_at IS NULL",
      [post.round_id, post.kind, post.position],
    );
  }

  /** Rounds that have something left to do: running, or ended with posts still to deliver. */
  roundsToDrive(): Promise<{ id: number }[]> {
    return this.db.all<{ id: number }>(
      `SELECT id FROM rounds WHERE status = 'running'
       UNION SELECT DISTINCT round_id AS id FROM round_posts WHERE done_at IS NULL ORDER BY id`,
    );
  }
}
