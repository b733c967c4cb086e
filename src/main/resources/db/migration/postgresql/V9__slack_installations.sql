-- Slack installations and OAuth states, as db/migration/sqlite/V9.

CREATE TABLE slack_installations (
    id                 BIGSERIAL PRIMARY KEY,
    app_id             TEXT COLLATE "C",
    enterprise_id      TEXT COLLATE "C" NOT NULL,
    enterprise_url     TEXT COLLATE "C",
    team_id            TEXT COLLATE "C" NOT NULL,
    enterprise_install INTEGER NOT NULL,
    installer_user_id  TEXT COLLATE "C",
    bot_id             TEXT COLLATE "C",
    bot_user_id        TEXT COLLATE "C",
    bot_scopes         TEXT COLLATE "C",
    bot_token          TEXT COLLATE "C",
    bot_refresh_token  TEXT COLLATE "C",
    bot_expires_at     BIGINT,
    installed_at       BIGINT  NOT NULL
);
CREATE INDEX slack_installations_workspace ON slack_installations (enterprise_id, team_id, id);

CREATE TABLE slack_oauth_states (
    state      TEXT COLLATE "C" PRIMARY KEY,
    expires_at BIGINT NOT NULL
);
