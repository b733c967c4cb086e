-- Questions the team brings in from chat, as db/migration/sqlite/V10.

CREATE TABLE suggestions (
    workspace   TEXT COLLATE "C" NOT NULL,
    number      BIGINT NOT NULL,
    user_id     TEXT COLLATE "C" NOT NULL,
    user_name   TEXT NOT NULL,
    question    TEXT NOT NULL,
    answer      TEXT NOT NULL,
    claims      TEXT NOT NULL,
    topic       TEXT NOT NULL,
    level       TEXT COLLATE "C" NOT NULL,
    created_at  BIGINT NOT NULL,
    decided_at  BIGINT,
    decided_by  TEXT COLLATE "C",
    approved    INTEGER,
    outcome     TEXT,
    PRIMARY KEY (workspace, number)
);
CREATE INDEX suggestions_open ON suggestions (workspace, decided_at, number);

CREATE TABLE pending_imports (
    workspace   TEXT COLLATE "C" NOT NULL,
    user_id     TEXT COLLATE "C" NOT NULL,
    file        TEXT NOT NULL,
    deck        TEXT COLLATE "C" NOT NULL,
    yaml        TEXT NOT NULL,
    questions   INTEGER NOT NULL,
    expires_at  BIGINT NOT NULL,
    PRIMARY KEY (workspace, user_id)
);
