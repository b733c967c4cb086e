-- Slack installations, one row each time a workspace (or an Enterprise Grid organisation, with
-- enterprise_install 1 and no team) adds the app: the latest row of a workspace with a bot token
-- is the one in use; older rows are its history. Uninstalling or revoking the tokens clears the
-- token columns of every row of that workspace and keeps the rows. Tokens may be encrypted
-- (then "v1:" and base64). Times are epoch milliseconds. enterprise_id and team_id are '' when
-- absent, so the index below can look either up.
--
-- OAuth states: each "Add to Slack" link carries one; the redirect back is accepted once, before
-- expires_at.

CREATE TABLE slack_installations (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    app_id             TEXT,
    enterprise_id      TEXT    NOT NULL,
    enterprise_url     TEXT,
    team_id            TEXT    NOT NULL,
    enterprise_install INTEGER NOT NULL,
    installer_user_id  TEXT,
    bot_id             TEXT,
    bot_user_id        TEXT,
    bot_scopes         TEXT,
    bot_token          TEXT,
    bot_refresh_token  TEXT,
    bot_expires_at     BIGINT,
    installed_at       BIGINT  NOT NULL
);
CREATE INDEX slack_installations_workspace ON slack_installations (enterprise_id, team_id, id);

CREATE TABLE slack_oauth_states (
    state      TEXT   PRIMARY KEY,
    expires_at BIGINT NOT NULL
);
