-- studybot's tables. Times are epoch milliseconds; workspace is "platform:workspace-id".
-- Kept to SQL that SQLite and PostgreSQL share, except the id columns and the search index.

CREATE TABLE members (
    workspace    TEXT NOT NULL,
    user_id      TEXT NOT NULL,
    display_name TEXT NOT NULL,
    name_key     TEXT NOT NULL,
    PRIMARY KEY (workspace, user_id)
);
CREATE INDEX members_by_name ON members (workspace, name_key);

CREATE TABLE posts (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    workspace   TEXT    NOT NULL,
    channel     TEXT    NOT NULL,
    question_id TEXT    NOT NULL,
    cycle       INTEGER NOT NULL,
    slot        BIGINT  NOT NULL,
    posted_at   BIGINT  NOT NULL,
    closes_at   BIGINT,
    closed_at   BIGINT,
    message_ref TEXT,
    thread_ref  TEXT,
    UNIQUE (workspace, channel, slot)
);
CREATE INDEX posts_by_channel ON posts (workspace, channel, id);
CREATE INDEX posts_open ON posts (closed_at, closes_at);

CREATE TABLE submissions (
    post_id     BIGINT  NOT NULL REFERENCES posts (id),
    user_id     TEXT    NOT NULL,
    workspace   TEXT    NOT NULL,
    topic       TEXT    NOT NULL,
    answer      TEXT,
    answered    INTEGER NOT NULL,
    covered     INTEGER NOT NULL,
    key_points  INTEGER NOT NULL,
    points      INTEGER NOT NULL,
    streak      INTEGER NOT NULL,
    answered_at BIGINT,
    revealed_at BIGINT,
    practice    INTEGER NOT NULL,
    scored_at   BIGINT  NOT NULL,
    PRIMARY KEY (post_id, user_id)
);
CREATE INDEX submissions_by_time ON submissions (workspace, scored_at, user_id, points, answered);
CREATE INDEX submissions_by_member ON submissions (workspace, user_id, points, answered);
CREATE INDEX submissions_of_member ON submissions (user_id, post_id);

-- Running all-time totals per member, kept in step with submissions in the same transaction,
-- so the all-time boards are a top-N read instead of a sum over every answer.
CREATE TABLE member_totals (
    workspace TEXT   NOT NULL,
    user_id   TEXT   NOT NULL,
    points    BIGINT NOT NULL,
    answers   BIGINT NOT NULL,
    PRIMARY KEY (workspace, user_id)
);
CREATE INDEX member_totals_by_points ON member_totals (workspace, points, user_id);

CREATE TABLE teams (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    workspace TEXT NOT NULL,
    name      TEXT NOT NULL,
    name_key  TEXT NOT NULL,
    UNIQUE (workspace, name_key)
);

CREATE TABLE team_members (
    workspace TEXT   NOT NULL,
    user_id   TEXT   NOT NULL,
    team_id   BIGINT NOT NULL REFERENCES teams (id),
    PRIMARY KEY (workspace, user_id)
);
CREATE INDEX team_members_by_team ON team_members (team_id);

CREATE TABLE seasons (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    workspace  TEXT   NOT NULL,
    name       TEXT   NOT NULL,
    started_at BIGINT NOT NULL,
    ended_at   BIGINT
);
CREATE INDEX seasons_by_workspace ON seasons (workspace, id);

CREATE TABLE schedules (
    workspace     TEXT NOT NULL,
    channel       TEXT NOT NULL,
    when_text     TEXT NOT NULL,
    cron          TEXT NOT NULL,
    zone          TEXT NOT NULL,
    topic         TEXT,
    level         TEXT,
    paused_reason TEXT,
    PRIMARY KEY (workspace, channel)
);

-- Derived from the question files at every start.
CREATE VIRTUAL TABLE question_fts USING fts5(
    id UNINDEXED, question, answer, topic, tags,
    tokenize = 'porter unicode61 remove_diacritics 2'
);
