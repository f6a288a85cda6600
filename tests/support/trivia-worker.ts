// One bot process's trivia, as a child process for the multi-process tests: the real game over
// the real storage (SQLite file or PostgreSQL URL), owning the rounds of some shards. It resumes
// them at start, takes answers sent over IPC, and reports every round event it publishes.
//   node --import tsx tests/support/trivia-worker.ts <sqlite|postgres> <path or URL> <shard ids> <count>
import { loadShippedDataset } from "../../src/data/shipped.js";
import { shardOfGuild } from "../../src/interactions/shards.js";
import { openPostgres } from "../../src/storage/postgres.js";
import { openSqlite } from "../../src/storage/sqlite.js";
import { systemClock } from "../../src/trivia/clock.js";
import { type RoundEvent, TriviaGame } from "../../src/trivia/game.js";
import { TriviaStore } from "../../src/trivia/store.js";

export type WorkerMessage =
  | { type: "ready"; resumed: number }
  | { type: "event"; kind: RoundEvent["kind"]; round: number; position?: number }
  | { type: "answered"; id: number; status: string };

export interface AnswerRequest {
  id: number;
  userId: string;
  guildId: string;
  channelId: string;
  askedId: number;
  choice: number;
}

const [kind, where, ids, count] = process.argv.slice(2);
const send = (m: WorkerMessage) => process.send?.(m);
const shards = (ids ?? "0").split(",").map(Number);
const storage = kind === "postgres" ? await openPostgres(where as string) : openSqlite(where as string);
const roundOf = (e: RoundEvent) =>
  e.kind === "reveal"
    ? e.reveal.round
    : e.kind === "question" || e.kind === "hint"
      ? e.opened.round
      : e.round;
const game = new TriviaGame(await loadShippedDataset(), new TriviaStore(storage.sql), systemClock, {
  publish: async (_route, event) => {
    const position =
      event.kind === "reveal"
        ? event.reveal.asked.position
        : event.kind === "question"
          ? event.opened.asked.position
          : undefined;
    send({
      type: "event",
      kind: event.kind,
      round: roundOf(event).id,
      ...(position !== undefined ? { position } : {}),
    });
  },
});
process.on("message", (m: AnswerRequest) => {
  const player = { userId: m.userId, guildId: m.guildId, channelId: m.channelId, locale: "en-US" };
  game.answer(player, m.askedId, m.choice).then(
    (r) => send({ type: "answered", id: m.id, status: r.status }),
    (err: unknown) => send({ type: "answered", id: m.id, status: `error: ${(err as Error).message}` }),
  );
});
process.on("disconnect", () => {
  game.shutdown();
  void storage.close().then(() => process.exit(0));
});
const { resumed } = await game.resume((round) =>
  shards.includes(shardOfGuild(round.guild_id, Number(count ?? 1))),
);
send({ type: "ready", resumed });
