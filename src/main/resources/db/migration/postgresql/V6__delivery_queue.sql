-- Posts that are due and not sent yet: a schedule's trigger adds its slot, a sender on any node
-- claims it for a while (claimed_by, claimed_until) and deletes it once the post is out.
CREATE TABLE deliveries (
    platform      TEXT    NOT NULL,
    workspace     TEXT    NOT NULL,
    channel       TEXT    NOT NULL,
    slot          BIGINT  NOT NULL,
    not_before    BIGINT  NOT NULL,
    attempts      INTEGER NOT NULL DEFAULT 0,
    claimed_by    TEXT,
    claimed_until BIGINT,
    PRIMARY KEY (platform, workspace, channel, slot)
);
CREATE INDEX deliveries_due ON deliveries (not_before);

-- The nodes sharing this database, seen alive at seen_at.
CREATE TABLE nodes (
    id         TEXT   PRIMARY KEY,
    started_at BIGINT NOT NULL,
    seen_at    BIGINT NOT NULL
);

-- What one node at a time holds, until expires_at.
CREATE TABLE leases (
    name       TEXT   PRIMARY KEY,
    holder     TEXT   NOT NULL,
    expires_at BIGINT NOT NULL
);
