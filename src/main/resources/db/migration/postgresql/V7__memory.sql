-- Spaced repetition, as db/migration/sqlite/V7: each member's memory state of each question and
-- each member's review settings.

CREATE TABLE memory_states (
    workspace   TEXT COLLATE "C" NOT NULL,
    user_id     TEXT COLLATE "C" NOT NULL,
    question_id TEXT COLLATE "C" NOT NULL,
    stability   DOUBLE PRECISION NOT NULL,
    difficulty  DOUBLE PRECISION NOT NULL,
    reviews     INTEGER NOT NULL,
    lapses      INTEGER NOT NULL,
    last_review BIGINT  NOT NULL,
    due         BIGINT  NOT NULL,
    forgotten   INTEGER NOT NULL,
    PRIMARY KEY (workspace, user_id, question_id)
);
CREATE INDEX memory_states_due ON memory_states (workspace, user_id, due);

CREATE TABLE reviewers (
    workspace     TEXT COLLATE "C" NOT NULL,
    user_id       TEXT COLLATE "C" NOT NULL,
    reviews_on    INTEGER NOT NULL,
    remind_at     INTEGER,
    zone          TEXT COLLATE "C",
    reminded_on   TEXT COLLATE "C",
    open_question TEXT COLLATE "C",
    PRIMARY KEY (workspace, user_id)
);
CREATE INDEX reviewers_reminded ON reviewers (reviews_on, remind_at);
