package dev.studybot.store;

import dev.studybot.domain.WorkspaceRef;
import dev.studybot.port.out.MemberStore;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;

/**
 * Members in portable SQL. On SQLite, which one process owns, a name this process wrote last is
 * not written again. On PostgreSQL other nodes write names too, so no such memory holds: every
 * name goes to the database, whose upsert changes nothing when the name is already current.
 */
public final class SqlMemberStore implements MemberStore {
    private final Jdbc jdbc;
    private final Map<String, String> known = new ConcurrentHashMap<>();
    private final boolean ownsDatabase;

    public SqlMemberStore(Jdbc jdbc) {
        this.jdbc = jdbc;
        this.ownsDatabase = jdbc.dialect() == Dialect.SQLITE;
    }

    @Override
    public void remember(WorkspaceRef workspace, String userId, String displayName) {
        String key = workspace.key() + "\n" + userId;
        if (ownsDatabase && displayName.equals(known.get(key))) {
            return;
        }
        jdbc.update("INSERT INTO members (workspace, user_id, display_name, name_key) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT (workspace, user_id) DO UPDATE SET display_name = excluded.display_name, name_key = excluded.name_key "
                        + "WHERE members.display_name <> excluded.display_name",
                workspace.key(), userId, displayName, displayName.toLowerCase(Locale.ROOT));
        if (ownsDatabase) {
            known.put(key, displayName);
        }
    }

    @Override
    public Optional<String> displayName(WorkspaceRef workspace, String userId) {
        return jdbc.one("SELECT display_name FROM members WHERE workspace = ? AND user_id = ?", rs -> rs.getString(1), workspace.key(), userId);
    }

    @Override
    public Optional<String> find(WorkspaceRef workspace, String idOrName) {
        return jdbc.one("SELECT user_id FROM members WHERE workspace = ? AND (user_id = ? OR name_key = ?) ORDER BY user_id LIMIT 1",
                rs -> rs.getString(1), workspace.key(), idOrName, idOrName.toLowerCase(Locale.ROOT));
    }
}
