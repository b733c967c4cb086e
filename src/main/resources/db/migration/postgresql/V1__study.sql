-- studybot's tables on PostgreSQL: the same columns, keys and indexes as db/migration/sqlite/V1.
-- Times are epoch milliseconds; workspace is "platform:workspace-id". Ids are BIGSERIAL; text
-- columns compare bytewise (COLLATE "C"), as SQLite's BINARY does, so orderings and ties match.
-- No search table: SQLite's FTS5 index has no counterpart here.

CREATE TABLE members (
    workspace    TEXT COLLATE "C" NOT NULL,
    user_id      TEXT COLLATE "C" NOT NULL,
    display_name TEXT COLLATE "C" NOT NULL,
    name_key     TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (workspace, user_id)
);
CREATE INDEX members_by_name ON members (workspace, name_key);

CREATE TABLE posts (
    id          BIGSERIAL PRIMARY KEY,
    workspace   TEXT COLLATE "C" NOT NULL,
    channel     TEXT COLLATE "C" NOT NULL,
    question_id TEXT COLLATE "C" NOT NULL,
    cycle       INTEGER NOT NULL,
    slot        BIGINT  NOT NULL,
    posted_at   BIGINT  NOT NULL,
    closes_at   BIGINT,
    closed_at   BIGINT,
    message_ref TEXT COLLATE "C",
    thread_ref  TEXT COLLATE "C",
    UNIQUE (workspace, channel, slot)
);
CREATE INDEX posts_by_channel ON posts (workspace, channel, id);
CREATE INDEX posts_open ON posts (closed_at, closes_at);

CREATE TABLE submissions (
    post_id     BIGINT  NOT NULL REFERENCES posts (id),
    user_id     TEXT COLLATE "C" NOT NULL,
    workspace   TEXT COLLATE "C" NOT NULL,
    topic       TEXT COLLATE "C" NOT NULL,
    answer      TEXT COLLATE "C",
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
    workspace TEXT COLLATE "C" NOT NULL,
    user_id   TEXT COLLATE "C" NOT NULL,
    points    BIGINT NOT NULL,
    answers   BIGINT NOT NULL,
    PRIMARY KEY (workspace, user_id)
);
CREATE INDEX member_totals_by_points ON member_totals (workspace, points, user_id);

CREATE TABLE teams (
    id        BIGSERIAL PRIMARY KEY,
    workspace TEXT COLLATE "C" NOT NULL,
    name      TEXT COLLATE "C" NOT NULL,
    name_key  TEXT COLLATE "C" NOT NULL,
    UNIQUE (workspace, name_key)
);

CREATE TABLE team_members (
    workspace TEXT COLLATE "C" NOT NULL,
    user_id   TEXT COLLATE "C" NOT NULL,
    team_id   BIGINT NOT NULL REFERENCES teams (id),
    PRIMARY KEY (workspace, user_id)
);
CREATE INDEX team_members_by_team ON team_members (team_id);

CREATE TABLE seasons (
    id         BIGSERIAL PRIMARY KEY,
    workspace  TEXT COLLATE "C" NOT NULL,
    name       TEXT COLLATE "C" NOT NULL,
    started_at BIGINT NOT NULL,
    ended_at   BIGINT
);
CREATE INDEX seasons_by_workspace ON seasons (workspace, id);

CREATE TABLE schedules (
    workspace     TEXT COLLATE "C" NOT NULL,
    channel       TEXT COLLATE "C" NOT NULL,
    when_text     TEXT COLLATE "C" NOT NULL,
    cron          TEXT COLLATE "C" NOT NULL,
    zone          TEXT COLLATE "C" NOT NULL,
    topic         TEXT COLLATE "C",
    level         TEXT COLLATE "C",
    paused_reason TEXT COLLATE "C",
    PRIMARY KEY (workspace, channel)
);
