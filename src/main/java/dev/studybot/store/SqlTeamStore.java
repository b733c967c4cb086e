package dev.studybot.store;

import dev.studybot.domain.Team;
import dev.studybot.domain.WorkspaceRef;
import dev.studybot.port.out.TeamStore;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Teams in portable SQL; (workspace, lower-case name) is unique. */
public final class SqlTeamStore implements TeamStore {
    private final Jdbc jdbc;

    public SqlTeamStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Team> create(WorkspaceRef workspace, String name) {
        return jdbc.one("INSERT INTO teams (workspace, name, name_key) VALUES (?, ?, ?) ON CONFLICT (workspace, name_key) DO NOTHING RETURNING id",
                rs -> new Team(rs.getLong(1), workspace, name), workspace.key(), name, key(name));
    }

    @Override
    public Optional<Team> find(WorkspaceRef workspace, String name) {
        return jdbc.one("SELECT id, name FROM teams WHERE workspace = ? AND name_key = ?",
                rs -> new Team(rs.getLong(1), workspace, rs.getString(2)), workspace.key(), key(name));
    }

    @Override
    public Optional<Team> teamOf(WorkspaceRef workspace, String userId) {
        return jdbc.one("SELECT t.id, t.name FROM team_members m JOIN teams t ON t.id = m.team_id WHERE m.workspace = ? AND m.user_id = ?",
                rs -> new Team(rs.getLong(1), workspace, rs.getString(2)), workspace.key(), userId);
    }

    @Override
    public void join(Team team, String userId) {
        jdbc.update("INSERT INTO team_members (workspace, user_id, team_id) VALUES (?, ?, ?) "
                + "ON CONFLICT (workspace, user_id) DO UPDATE SET team_id = excluded.team_id", team.workspace().key(), userId, team.id());
    }

    @Override
    public boolean leave(WorkspaceRef workspace, String userId) {
        return jdbc.update("DELETE FROM team_members WHERE workspace = ? AND user_id = ?", workspace.key(), userId) > 0;
    }

    @Override
    public List<TeamSize> list(WorkspaceRef workspace) {
        return jdbc.list("SELECT t.id, t.name, COUNT(m.user_id) FROM teams t JOIN team_members m ON m.team_id = t.id "
                        + "WHERE t.workspace = ? GROUP BY t.id, t.name ORDER BY t.name_key",
                rs -> new TeamSize(new Team(rs.getLong(1), workspace, rs.getString(2)), rs.getInt(3)), workspace.key());
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
