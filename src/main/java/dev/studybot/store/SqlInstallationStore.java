package dev.studybot.store;

import dev.studybot.port.out.InstallationStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Installations in {@code slack_installations}, one row per install; the latest row of a
 * workspace with a token is the one in use. Absent enterprise and team ids are stored as ''.
 */
public final class SqlInstallationStore implements InstallationStore {
    private static final String COLUMNS = "id, app_id, enterprise_id, enterprise_url, team_id, enterprise_install, installer_user_id, bot_id, "
            + "bot_user_id, bot_scopes, bot_token, bot_refresh_token, bot_expires_at, installed_at";
    private static final String IN_USE = "SELECT " + COLUMNS + " FROM slack_installations WHERE enterprise_id = ? AND team_id = ? "
            + "AND bot_token IS NOT NULL ORDER BY id DESC LIMIT 1";

    private final Jdbc jdbc;

    public SqlInstallationStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void save(Installation i) {
        jdbc.update("INSERT INTO slack_installations (app_id, enterprise_id, enterprise_url, team_id, enterprise_install, installer_user_id, "
                        + "bot_id, bot_user_id, bot_scopes, bot_token, bot_refresh_token, bot_expires_at, installed_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                i.appId().orElse(null), id(i.enterprise()), i.enterpriseUrl().orElse(null), id(i.team()), i.enterpriseInstall() ? 1 : 0,
                i.installer().orElse(null), i.botId().orElse(null), i.botUserId().orElse(null), i.botScopes(), i.botToken(),
                i.refreshToken().orElse(null), i.expiresAt().map(Instant::toEpochMilli).orElse(null), i.installedAt().toEpochMilli());
    }

    @Override
    public Optional<Installation> find(Optional<String> enterprise, Optional<String> team) {
        Optional<Installation> own = jdbc.one(IN_USE, SqlInstallationStore::map, id(enterprise), id(team));
        if (own.isPresent() || enterprise.isEmpty() || team.isEmpty()) {
            return own;
        }
        // a workspace of an organisation that installed the app once for all its workspaces
        return jdbc.one(IN_USE, SqlInstallationStore::map, id(enterprise), "");
    }

    @Override
    public boolean rotate(Optional<String> enterprise, Optional<String> team, String botToken, Optional<String> refreshToken,
                          Optional<Instant> expiresAt) {
        return jdbc.update("UPDATE slack_installations SET bot_token = ?, bot_refresh_token = ?, bot_expires_at = ? WHERE id = "
                        + "(SELECT MAX(id) FROM slack_installations WHERE enterprise_id = ? AND team_id = ? AND bot_token IS NOT NULL)",
                botToken, refreshToken.orElse(null), expiresAt.map(Instant::toEpochMilli).orElse(null), id(enterprise), id(team)) == 1;
    }

    @Override
    public int removeTokens(Optional<String> enterprise, Optional<String> team) {
        return jdbc.update("UPDATE slack_installations SET bot_token = NULL, bot_refresh_token = NULL, bot_expires_at = NULL "
                + "WHERE enterprise_id = ? AND team_id = ? AND bot_token IS NOT NULL", id(enterprise), id(team));
    }

    @Override
    public List<Installation> installed() {
        return jdbc.list("SELECT " + COLUMNS + " FROM slack_installations i WHERE bot_token IS NOT NULL AND id = "
                + "(SELECT MAX(id) FROM slack_installations o WHERE o.enterprise_id = i.enterprise_id AND o.team_id = i.team_id "
                + "AND o.bot_token IS NOT NULL) ORDER BY id", SqlInstallationStore::map);
    }

    private static String id(Optional<String> id) {
        return id.orElse("");
    }

    private static Optional<String> optional(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getString(column)).filter(s -> !s.isEmpty());
    }

    private static Installation map(ResultSet rs) throws SQLException {
        Long expires = Jdbc.longOrNull(rs, "bot_expires_at");
        return new Installation(optional(rs, "app_id"), optional(rs, "enterprise_id"), optional(rs, "enterprise_url"),
                optional(rs, "team_id"), rs.getInt("enterprise_install") == 1, optional(rs, "installer_user_id"), optional(rs, "bot_id"),
                optional(rs, "bot_user_id"), rs.getString("bot_scopes"), rs.getString("bot_token"), optional(rs, "bot_refresh_token"),
                Optional.ofNullable(expires).map(Instant::ofEpochMilli), Instant.ofEpochMilli(rs.getLong("installed_at")));
    }
}
