-- A workspace's own question sets (decks), beside the bank built into the jar or read from the
-- question folder. Each own question is kept as the bank YAML it was written in (one 'topic:' and
-- 'questions:' document holding it), so it is read and checked exactly as a bank file is and
-- exported as one. A removed question keeps its row (removed_at set): its id is never given to
-- another question, and posts, answers and points go on naming it. revision rises with every
-- change in the workspace, so a node sees at once whether its copy of the decks is current.

CREATE TABLE decks (
    workspace   TEXT   NOT NULL,
    name        TEXT   NOT NULL,
    created_by  TEXT   NOT NULL,
    created_at  BIGINT NOT NULL,
    PRIMARY KEY (workspace, name)
);

CREATE TABLE deck_questions (
    workspace   TEXT    NOT NULL,
    id          TEXT    NOT NULL,
    deck        TEXT    NOT NULL,
    body        TEXT    NOT NULL,
    written_by  TEXT    NOT NULL,
    written_at  BIGINT  NOT NULL,
    removed_at  BIGINT,
    revision    BIGINT  NOT NULL,
    PRIMARY KEY (workspace, id)
);
CREATE INDEX deck_questions_revision ON deck_questions (workspace, revision);

-- the decks a channel's schedule draws from, comma-separated; none means every deck of the workspace
ALTER TABLE schedules ADD COLUMN decks TEXT;
