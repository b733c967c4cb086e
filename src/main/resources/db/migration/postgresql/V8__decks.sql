-- A workspace's own question sets, as db/migration/sqlite/V8.

CREATE TABLE decks (
    workspace   TEXT COLLATE "C" NOT NULL,
    name        TEXT COLLATE "C" NOT NULL,
    created_by  TEXT COLLATE "C" NOT NULL,
    created_at  BIGINT NOT NULL,
    PRIMARY KEY (workspace, name)
);

CREATE TABLE deck_questions (
    workspace   TEXT COLLATE "C" NOT NULL,
    id          TEXT COLLATE "C" NOT NULL,
    deck        TEXT COLLATE "C" NOT NULL,
    body        TEXT NOT NULL,
    written_by  TEXT COLLATE "C" NOT NULL,
    written_at  BIGINT NOT NULL,
    removed_at  BIGINT,
    revision    BIGINT NOT NULL,
    PRIMARY KEY (workspace, id)
);
CREATE INDEX deck_questions_revision ON deck_questions (workspace, revision);

ALTER TABLE schedules ADD COLUMN decks TEXT COLLATE "C";
