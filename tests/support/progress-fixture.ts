// A scope's trivia history made directly in the database, for the teacher's page: one finished
// round asking built-in questions from every era, players who answered some of them (right or
// wrong by a fixed rule), their totals in `scores`, and the names they answered under. Rows go in
// many at a time, so 10,000 players take seconds on either database (the benchmark's page).
import type { Dataset } from "../../src/data/build.js";
import type { Sql, SqlValue } from "../../src/storage/sql.js";
import { ERAS, type EraId, eraOf } from "../../src/trivia/categories.js";
import { generateQuestions } from "../../src/trivia/questions.js";

export interface FixtureOptions {
  scope: string;
  players: number;
  /** Questions per era the round asked. */
  perEra?: number;
  /** Each player's name; by default "Player <n>". */
  nameOf?: (i: number) => string;
  /** A player's Discord id; by default a snowflake-like number from the index. */
  userOf?: (i: number) => string;
}

/** Questions of each era, picked from the generator's pool with a fixed seed. */
export function questionsByEra(ds: Dataset, perEra: number): Map<EraId, string[]> {
  const out = new Map<EraId, string[]>(ERAS.map((e) => [e.id, []]));
  for (const q of generateQuestions(ds, { seed: 7, count: 400 })) {
    const era = eraOf(ds, q);
    const list = era && out.get(era);
    if (list && list.length < perEra) list.push(q.id);
  }
  for (const [era, list] of out)
    if (list.length < perEra) throw new Error(`only ${list.length} questions of ${era}`);
  return out;
}

export const fixtureUser = (i: number) => String(100_000_000_000_000_000n + BigInt(i));

/** Whether player i got question j right: a fixed pattern, different per era. */
export const fixtureCorrect = (i: number, j: number) => (i * 7 + j * 3) % 5 < 3;

async function insertMany(sql: Sql, head: string, width: number, rows: SqlValue[][]): Promise<void> {
  const batch = Math.floor(900 / width);
  for (let i = 0; i < rows.length; i += batch) {
    const part = rows.slice(i, i + batch);
    const one = `(${Array(width).fill("?").join(", ")})`;
    await sql.run(`${head} VALUES ${part.map(() => one).join(", ")}`, part.flat());
  }
}

/** Makes the history; returns the question ids asked, in order, and each player's user id. */
export async function seedProgress(
  sql: Sql,
  ds: Dataset,
  o: FixtureOptions,
): Promise<{ questions: string[]; users: string[] }> {
  const userOf = o.userOf ?? fixtureUser;
  const nameOf = o.nameOf ?? ((i: number) => `Player ${i}`);
  const questions = [...questionsByEra(ds, o.perEra ?? 2).values()].flat();
  const started = 1_800_000_000_000;
  const round = (await sql.get<{ id: number }>(
    `INSERT INTO rounds (guild_id, channel_id, starter_id, seconds, total, seed, started_at, ended_at, status)
     VALUES (?, ?, ?, 20, ?, 1, ?, ?, 'finished') RETURNING id`,
    [o.scope, `${o.scope}-channel`, userOf(0), questions.length, started, started + 60_000],
  )) as { id: number };
  const asked: number[] = [];
  for (const [position, question] of questions.entries()) {
    const row = (await sql.get<{ id: number }>(
      `INSERT INTO asked (round_id, question_id, position, opened_at, closes_at, closed_at, revealed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      [round.id, question, position, started, started + 20_000, started + 20_000, started + 20_000],
    )) as { id: number };
    asked.push(row.id);
  }
  const answers: SqlValue[][] = [];
  const scores: SqlValue[][] = [];
  const names: SqlValue[][] = [];
  const users: string[] = [];
  for (let i = 0; i < o.players; i++) {
    const user = userOf(i);
    users.push(user);
    // Player i answered the first (i % n) + 1 questions: the board has every kind of total.
    const count = (i % questions.length) + 1;
    let points = 0;
    let correct = 0;
    for (let j = 0; j < count; j++) {
      const right = fixtureCorrect(i, j);
      const p = right ? 100 : 0;
      points += p;
      correct += right ? 1 : 0;
      answers.push([asked[j] as number, user, o.scope, 0, right ? 1 : 0, p, started + 1000 + j]);
    }
    scores.push([o.scope, user, points, count, correct]);
    names.push([o.scope, user, nameOf(i), started]);
  }
  await sql.transaction(async (tx) => {
    await insertMany(
      tx,
      "INSERT INTO answers (asked_id, user_id, guild_id, choice, correct, points, answered_at)",
      7,
      answers,
    );
    await insertMany(tx, "INSERT INTO scores (guild_id, user_id, points, answered, correct)", 5, scores);
    await insertMany(tx, "INSERT INTO player_names (scope, user_id, name, updated_at)", 4, names);
  });
  return { questions, users };
}
