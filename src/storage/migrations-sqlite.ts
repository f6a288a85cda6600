// The schema, as numbered migrations per database. Never edit one that has shipped: add the next,
// to both lists, so that migration N means the same tables on SQLite and on PostgreSQL. Both
// record how many have been applied (SQLite in PRAGMA user_version, PostgreSQL in apparat_schema).

/**
 * SQLite: versioned migrations, applied in order at start-up.
 */
export const SQLITE_MIGRATIONS: readonly string[] = [
  // 1: trivia rounds, the questions asked, answers (each user once per question) and scores.
  `
  CREATE TABLE rounds (
    id INTEGER PRIMARY KEY,
    guild_id TEXT,
    channel_id TEXT NOT NULL,
    starter_id TEXT NOT NULL,
    difficulty TEXT,
    seconds INTEGER NOT NULL,
    total INTEGER NOT NULL,
    seed INTEGER NOT NULL,
    started_at INTEGER NOT NULL,
    ended_at INTEGER,
    status TEXT NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'finished', 'stopped', 'interrupted'))
  );
  CREATE UNIQUE INDEX rounds_one_running_per_channel ON rounds(channel_id) WHERE status = 'running';
  CREATE TABLE asked (
    id INTEGER PRIMARY KEY,
    round_id INTEGER NOT NULL REFERENCES rounds(id),
    question_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    opened_at INTEGER NOT NULL,
    closes_at INTEGER NOT NULL,
    closed_at INTEGER,
    UNIQUE (round_id, position)
  );
  CREATE TABLE answers (
    asked_id INTEGER NOT NULL REFERENCES asked(id),
    user_id TEXT NOT NULL,
    guild_id TEXT NOT NULL,
    choice INTEGER NOT NULL,
    correct INTEGER NOT NULL,
    points INTEGER NOT NULL,
    answered_at INTEGER NOT NULL,
    PRIMARY KEY (asked_id, user_id)
  );
  CREATE TABLE scores (
    guild_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    points INTEGER NOT NULL DEFAULT 0,
    answered INTEGER NOT NULL DEFAULT 0,
    correct INTEGER NOT NULL DEFAULT 0,
    streak INTEGER NOT NULL DEFAULT 0,
    best_streak INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (guild_id, user_id)
  );
  `,
  // 2: spaced repetition for /study (Leitner boxes per user and question).
  `
  CREATE TABLE study (
    user_id TEXT NOT NULL,
    question_id TEXT NOT NULL,
    box INTEGER NOT NULL DEFAULT 1,
    due_at INTEGER NOT NULL,
    seen INTEGER NOT NULL DEFAULT 0,
    wrong INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (user_id, question_id)
  );
  CREATE INDEX study_due ON study(user_id, due_at);
  `,
  // 3: the language of the person who started a round, for the messages the round posts by itself.
  `
  ALTER TABLE rounds ADD COLUMN locale TEXT NOT NULL DEFAULT 'en-US';
  `,
  // 4: a server's own question sets (imported from JSON or CSV), and the set a round draws from.
  `
  CREATE TABLE question_sets (
    id INTEGER PRIMARY KEY,
    scope TEXT NOT NULL,
    name TEXT NOT NULL COLLATE NOCASE,
    created_by TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    UNIQUE (scope, name)
  );
  CREATE TABLE set_questions (
    set_id INTEGER NOT NULL REFERENCES question_sets(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    question TEXT NOT NULL,
    correct TEXT NOT NULL,
    wrong TEXT NOT NULL,
    explanation TEXT,
    source TEXT,
    category TEXT,
    difficulty TEXT,
    PRIMARY KEY (set_id, position)
  );
  ALTER TABLE rounds ADD COLUMN set_id INTEGER;
  ALTER TABLE rounds ADD COLUMN category TEXT;
  ALTER TABLE rounds ADD COLUMN questions TEXT;
  ALTER TABLE rounds ADD COLUMN hints INTEGER NOT NULL DEFAULT 0;
  CREATE TABLE trivia_settings (
    scope TEXT PRIMARY KEY,
    seconds INTEGER,
    difficulty TEXT,
    explanations INTEGER NOT NULL DEFAULT 1,
    channels TEXT NOT NULL DEFAULT '[]'
  );
  CREATE TABLE question_reports (
    id INTEGER PRIMARY KEY,
    scope TEXT NOT NULL,
    question_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    text TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'hidden', 'dismissed'))
  );
  CREATE INDEX question_reports_open ON question_reports(scope, status);
  CREATE TABLE hidden_questions (
    scope TEXT NOT NULL,
    question_id TEXT NOT NULL,
    PRIMARY KEY (scope, question_id)
  );
  CREATE TABLE player_names (
    scope TEXT NOT NULL,
    user_id TEXT NOT NULL,
    name TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (scope, user_id)
  );
  `,
  // 5: durable rounds. Whoever claims a question's reveal first (revealed_at, hinted_at) makes it,
  // so several processes never reveal twice; a round through an interaction's webhook keeps the
  // webhook (at most 15 minutes, cleared when the round ends) so a restarted process can go on.
  `
  ALTER TABLE asked ADD COLUMN revealed_at INTEGER;
  ALTER TABLE asked ADD COLUMN hinted_at INTEGER;
  UPDATE asked SET revealed_at = closed_at WHERE closed_at IS NOT NULL;
  ALTER TABLE rounds ADD COLUMN follow_up TEXT;
  CREATE INDEX asked_unrevealed ON asked(round_id) WHERE revealed_at IS NULL;
  `,
  // 6: delivery state. A round's own posts (the next question, a reveal, the standings, a closing
  // word) are recorded in the same transaction as the claim that makes them due, and marked done
  // once Discord has accepted them: a restarted process delivers what is still pending, never what
  // was delivered. A lease lets one process at a time try a post; the post's nonce (made from
  // round, position and kind) keeps a retried channel post from appearing twice.
  `
  CREATE TABLE round_posts (
    round_id INTEGER NOT NULL REFERENCES rounds(id),
    kind TEXT NOT NULL CHECK (kind IN ('question', 'reveal', 'standings', 'interrupted')),
    position INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    leased_until INTEGER,
    leased_by TEXT,
    done_at INTEGER,
    outcome TEXT,
    message_id TEXT,
    PRIMARY KEY (round_id, kind, position)
  );
  CREATE INDEX round_posts_pending ON round_posts(round_id) WHERE done_at IS NULL;
  `,
  // 7: resets of a scope's scores, so that everything agrees after one. A reset (and, later, the end
  // of a term) is a row here, and the answers it closed point at it: the leaderboard and
  // /trivia stats (scores) and the exports (answers with no reset_id) count the same answers.
  // Closed answers stay, for the rounds' own standings and for exports of a past term.
  `
  CREATE TABLE score_resets (
    id INTEGER PRIMARY KEY,
    scope TEXT NOT NULL,
    reset_at INTEGER NOT NULL
  );
  CREATE INDEX score_resets_scope ON score_resets(scope, id);
  ALTER TABLE answers ADD COLUMN reset_id INTEGER REFERENCES score_resets(id);
  CREATE INDEX answers_counted ON answers(guild_id) WHERE reset_id IS NULL;
  -- Answers from before this migration whose scores an earlier reset deleted: per player and
  -- scope, all but the newest scores.answered of them. Each scope with any gets one reset, dated
  -- at its last such answer (the reset itself came at some time after that).
  WITH ranked AS (
    SELECT asked_id, user_id, guild_id, answered_at,
      ROW_NUMBER() OVER (PARTITION BY guild_id, user_id ORDER BY answered_at DESC, asked_id DESC) AS newest
    FROM answers
  ), closed AS (
    SELECT r.asked_id, r.user_id, r.guild_id, r.answered_at FROM ranked r
    LEFT JOIN scores s ON s.guild_id = r.guild_id AND s.user_id = r.user_id
    WHERE r.newest > COALESCE(s.answered, 0)
  )
  INSERT INTO score_resets (scope, reset_at) SELECT guild_id, MAX(answered_at) FROM closed GROUP BY guild_id;
  WITH ranked AS (
    SELECT asked_id, user_id, guild_id,
      ROW_NUMBER() OVER (PARTITION BY guild_id, user_id ORDER BY answered_at DESC, asked_id DESC) AS newest
    FROM answers
  ), closed AS (
    SELECT r.asked_id, r.user_id FROM ranked r
    LEFT JOIN scores s ON s.guild_id = r.guild_id AND s.user_id = r.user_id
    WHERE r.newest > COALESCE(s.answered, 0)
  )
  UPDATE answers SET reset_id = (SELECT MAX(id) FROM score_resets r WHERE r.scope = answers.guild_id)
  WHERE (asked_id, user_id) IN (SELECT asked_id, user_id FROM closed);
  `,
  // 8: terms and rounds that count.
  // A term is a named stretch of a scope's answers (its leaderboard, stats and exports by default);
  // one runs at a time per scope, which the unique index decides however many processes start one.
  // A round's `counted` is decided once, in the transaction that ends it (how many distinct
  // players it had against the scope's min_players then), and never recomputed: null while it
  // runs, and 1 for every round that ended before this migration (they all counted).
  `
  CREATE TABLE terms (
    id INTEGER PRIMARY KEY,
    scope TEXT NOT NULL,
    name TEXT NOT NULL,
    started_at INTEGER NOT NULL,
    started_by TEXT NOT NULL,
    ended_at INTEGER,
    ended_by TEXT
  );
  CREATE UNIQUE INDEX terms_one_running ON terms(scope) WHERE ended_at IS NULL;
  CREATE INDEX terms_scope ON terms(scope, started_at);
  ALTER TABLE trivia_settings ADD COLUMN min_players INTEGER NOT NULL DEFAULT 1;
  ALTER TABLE rounds ADD COLUMN counted INTEGER;
  ALTER TABLE rounds ADD COLUMN players INTEGER;
  ALTER TABLE rounds ADD COLUMN min_players INTEGER;
  UPDATE rounds SET counted = 1 WHERE status <> 'running';
  CREATE INDEX answers_scope_time ON answers(guild_id, answered_at);
  `,
  // 9: a server's progress page for its teacher. Only a hash of
  // the link's secret is kept: the link itself is shown once, to whoever enabled the page, and a
  // copy of the database gives no way in. One page per scope; revoking deletes the row. The indexes
  // serve the page: the board a page at a time, and the answers per question of the group and of
  // one player, read from the index alone.
  `
  CREATE TABLE progress_pages (
    scope TEXT PRIMARY KEY,
    secret_hash TEXT NOT NULL UNIQUE,
    created_by TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX scores_board ON scores(guild_id, points DESC, correct DESC, user_id, answered);
  CREATE INDEX answers_player ON answers(guild_id, user_id, asked_id, correct) WHERE reset_id IS NULL;
  CREATE INDEX answers_tally ON answers(guild_id, asked_id, correct) WHERE reset_id IS NULL;
  `,
  // 10: the question of the day. A server's schedule (one per server) keeps the next local day it
  // owes a question and when that is due (next_due, indexed, so a tick reads only what is due). A
  // day's question is a round of one (rounds.daily_day), claimed in the same transaction as the
  // schedule moves on; the unique index on (guild_id, daily_day) makes it once per server and day
  // whatever runs. Such a round takes answers for hours, so it does not count as the channel's
  // running round (the index on channel_id leaves it out). Streaks: consecutive days right.
  `
  CREATE TABLE daily_schedules (
    guild_id TEXT PRIMARY KEY,
    channel_id TEXT NOT NULL,
    post_time TEXT NOT NULL,
    reveal_time TEXT,
    time_zone TEXT NOT NULL,
    difficulty TEXT,
    category TEXT,
    set_id INTEGER,
    locale TEXT NOT NULL,
    set_by TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    next_day TEXT,
    next_due INTEGER,
    paused TEXT,
    paused_at INTEGER
  );
  CREATE INDEX daily_schedules_due ON daily_schedules(next_due) WHERE next_due IS NOT NULL;
  CREATE TABLE daily_streaks (
    guild_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    current INTEGER NOT NULL DEFAULT 0,
    best INTEGER NOT NULL DEFAULT 0,
    last_day TEXT NOT NULL,
    PRIMARY KEY (guild_id, user_id)
  );
  ALTER TABLE rounds ADD COLUMN daily_day TEXT;
  ALTER TABLE rounds ADD COLUMN daily_due INTEGER;
  DROP INDEX rounds_one_running_per_channel;
  CREATE UNIQUE INDEX rounds_one_running_per_channel ON rounds(channel_id)
    WHERE status = 'running' AND daily_day IS NULL;
  CREATE UNIQUE INDEX rounds_one_daily_per_day ON rounds(guild_id, daily_day) WHERE daily_day IS NOT NULL;
  `,
];
