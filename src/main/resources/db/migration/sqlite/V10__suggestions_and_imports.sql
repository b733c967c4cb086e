-- Questions the team brings in from chat. suggestions: each workspace's queue of questions members
-- proposed, numbered per workspace (#1, #2, ...); a decided one keeps its row with the outcome (the
-- id it became, or the reason it was declined). pending_imports: a question list an admin checked
-- with /study bank import and has not confirmed yet, one per admin, with the bank YAML a confirm
-- stores; kept here so that any node can take the confirm, and gone once taken or expired.

CREATE TABLE suggestions (
    workspace   TEXT    NOT NULL,
    number      BIGINT  NOT NULL,
    user_id     TEXT    NOT NULL,
    user_name   TEXT    NOT NULL,
    question    TEXT    NOT NULL,
    answer      TEXT    NOT NULL,
    -- one claim a line, its phrasings separated by tabs
    claims      TEXT    NOT NULL,
    topic       TEXT    NOT NULL,
    level       TEXT    NOT NULL,
    created_at  BIGINT  NOT NULL,
    decided_at  BIGINT,
    decided_by  TEXT,
    approved    INTEGER,
    outcome     TEXT,
    PRIMARY KEY (workspace, number)
);
CREATE INDEX suggestions_open ON suggestions (workspace, decided_at, number);

CREATE TABLE pending_imports (
    workspace   TEXT    NOT NULL,
    user_id     TEXT    NOT NULL,
    file        TEXT    NOT NULL,
    deck        TEXT    NOT NULL,
    yaml        TEXT    NOT NULL,
    questions   INTEGER NOT NULL,
    expires_at  BIGINT  NOT NULL,
    PRIMARY KEY (workspace, user_id)
);
