-- Spaced repetition: each member's memory state of each question (FSRS stability in days,
-- difficulty 1 to 10, when it was last graded and when it is due, epoch milliseconds; forgotten: the
-- last graded answer was rated again), and each
-- member's review settings (the reminder at minutes after local midnight, the day of the last
-- reminder as an ISO date, the question of the review given and not yet answered).

CREATE TABLE memory_states (
    workspace   TEXT    NOT NULL,
    user_id     TEXT    NOT NULL,
    question_id TEXT    NOT NULL,
    stability   REAL    NOT NULL,
    difficulty  REAL    NOT NULL,
    reviews     INTEGER NOT NULL,
    lapses      INTEGER NOT NULL,
    last_review BIGINT  NOT NULL,
    due         BIGINT  NOT NULL,
    forgotten   INTEGER NOT NULL,
    PRIMARY KEY (workspace, user_id, question_id)
);
CREATE INDEX memory_states_due ON memory_states (workspace, user_id, due);

CREATE TABLE reviewers (
    workspace     TEXT    NOT NULL,
    user_id       TEXT    NOT NULL,
    reviews_on    INTEGER NOT NULL,
    remind_at     INTEGER,
    zone          TEXT,
    reminded_on   TEXT,
    open_question TEXT,
    PRIMARY KEY (workspace, user_id)
);
CREATE INDEX reviewers_reminded ON reviewers (reviews_on, remind_at);
