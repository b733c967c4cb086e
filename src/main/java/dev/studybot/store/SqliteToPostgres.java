package dev.studybot.store;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Copies a SQLite database into an empty PostgreSQL one, both at this binary's schema: the study
 * tables and Quartz's schedules, in one PostgreSQL transaction whose counts are checked before it
 * commits. A copy that fails leaves the target as empty as it found it, so it can simply be run
 * again; a target that already holds rows is refused before anything is written.
 */
public final class SqliteToPostgres {
    /** What is copied, parents before the rows that refer to them. */
    static final List<String> TABLES = List.of(
            "members", "posts", "submissions", "member_totals", "teams", "team_members", "seasons", "schedules", "memory_states",
            "reviewers", "decks", "deck_questions", "slack_installations", "suggestions", "pending_imports",
            "qrtz_job_details", "qrtz_triggers", "qrtz_simple_triggers", "qrtz_cron_triggers", "qrtz_simprop_triggers",
            "qrtz_blob_triggers", "qrtz_calendars", "qrtz_paused_trigger_grps");

    /**
     * What is not copied: each database's own migration history and id counters; Quartz's locks,
     * check-ins and firings in progress, which the nodes on the target make afresh; and the
     * delivery queue, leases and node list, which live only while nodes run; and Slack's OAuth
     * states, each good for minutes.
     */
    static final Set<String> NOT_COPIED = Set.of("flyway_schema_history", "sqlite_sequence",
            "qrtz_locks", "qrtz_scheduler_state", "qrtz_fired_triggers", "deliveries", "leases", "nodes",
            "slack_oauth_states");

    private static final int BATCH = 1000;

    /** One table's rows in the source and in the target after the copy. */
    public record Count(String table, long source, long target) {
        public boolean matches() {
            return source == target;
        }
    }

    private SqliteToPostgres() {
    }

    /**
     * Copies {@code sqlite} into the PostgreSQL database at {@code url} (migrated first, if new) and
     * returns each table's counts. Throws, having changed nothing in the target, when the target
     * is not empty, a count differs, or a row cannot be written.
     */
    public static List<Count> copy(Path sqlite, String url, String user, String password) {
        if (!Files.isRegularFile(sqlite)) {
            throw new IllegalArgumentException("no SQLite database at " + sqlite.toAbsolutePath());
        }
        // both at this binary's schema: the source migrated forward if it is behind, either refused if newer
        Database.sqlite(sqlite, 10_000).close();
        try (Database target = Database.postgres(url, user, password);
             Connection from = DriverManager.getConnection("jdbc:sqlite:" + sqlite.toAbsolutePath());
             Connection to = target.dataSource().getConnection()) {
            unknownTables(from);
            // one read transaction: a consistent snapshot of the source, even if something still writes to it
            from.setAutoCommit(false);
            to.setAutoCommit(false);
            try {
                refuseRows(to);
                List<Count> counts = new ArrayList<>();
                for (String table : TABLES) {
                    long source = copyTable(from, to, table);
                    counts.add(new Count(table, source, count(to, table)));
                }
                resetIds(to);
                List<Count> differ = counts.stream().filter(c -> !c.matches()).toList();
                if (!differ.isEmpty()) {
                    throw new IllegalStateException("counts differ after the copy (" + differ.stream()
                            .map(c -> c.table() + " " + c.source() + " in the source, " + c.target() + " copied")
                            .collect(Collectors.joining("; ")) + "); nothing was kept");
                }
                to.commit();
                return counts;
            } catch (SQLException | RuntimeException e) {
                to.rollback();
                throw e;
            } finally {
                from.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the copy failed, and the target was left as it was: " + e.getMessage(), e);
        }
    }

    /** A table this binary does not know how to copy would be lost: refuse rather than leave it behind. */
    private static void unknownTables(Connection from) throws SQLException {
        Set<String> unknown = new TreeSet<>();
        try (Statement s = from.createStatement();
             ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")) {
            while (rs.next()) {
                String name = rs.getString(1).toLowerCase(Locale.ROOT);
                if (!TABLES.contains(name) && !NOT_COPIED.contains(name)) {
                    unknown.add(name);
                }
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("the source has tables this studybot does not copy: " + String.join(", ", unknown));
        }
    }

    private static void refuseRows(Connection to) throws SQLException {
        Map<String, Long> taken = new LinkedHashMap<>();
        for (String table : TABLES) {
            long n = count(to, table);
            if (n > 0) {
                taken.put(table, n);
            }
        }
        if (!taken.isEmpty()) {
            throw new IllegalStateException("the target is not empty (" + taken.entrySet().stream()
                    .map(e -> e.getKey() + ": " + e.getValue() + (e.getValue() == 1 ? " row" : " rows"))
                    .collect(Collectors.joining(", ")) + "); migrate copies into an empty database only, and copied nothing");
        }
    }

    private static long count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Copies one table's rows, column by column as the target types them; returns how many the source has. */
    private static long copyTable(Connection from, Connection to, String table) throws SQLException {
        Map<String, Integer> targetTypes = new LinkedHashMap<>();
        try (Statement s = to.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
            ResultSetMetaData m = rs.getMetaData();
            for (int i = 1; i <= m.getColumnCount(); i++) {
                targetTypes.put(m.getColumnName(i).toLowerCase(Locale.ROOT), m.getColumnType(i));
            }
        }
        long rows = 0;
        try (Statement s = from.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
            ResultSetMetaData m = rs.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= m.getColumnCount(); i++) {
                String column = m.getColumnName(i).toLowerCase(Locale.ROOT);
                if (!targetTypes.containsKey(column)) {
                    throw new IllegalStateException(table + "." + column + " has no column to go to in the target");
                }
                columns.add(column);
            }
            String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                    + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
            try (PreparedStatement insert = to.prepareStatement(sql)) {
                while (rs.next()) {
                    for (int i = 0; i < columns.size(); i++) {
                        bind(insert, i + 1, rs, i + 1, targetTypes.get(columns.get(i)), table, columns.get(i));
                    }
                    insert.addBatch();
                    if (++rows % BATCH == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
        }
        return rows;
    }

    /** SQLite keeps few types (integers for booleans, text or numbers anywhere); PostgreSQL wants each column's own. */
    private static void bind(PreparedStatement insert, int at, ResultSet rs, int column, int type, String table, String name)
            throws SQLException {
        Object value = rs.getObject(column);
        if (value == null) {
            insert.setNull(at, type);
            return;
        }
        switch (type) {
            case Types.BIT, Types.BOOLEAN -> insert.setBoolean(at, value instanceof Number n ? n.longValue() != 0
                    : Set.of("1", "true", "t").contains(value.toString().toLowerCase(Locale.ROOT)));
            case Types.BIGINT -> insert.setLong(at, rs.getLong(column));
            case Types.INTEGER, Types.SMALLINT -> insert.setInt(at, rs.getInt(column));
            case Types.NUMERIC, Types.DECIMAL -> insert.setBigDecimal(at, new BigDecimal(value.toString()));
            case Types.DOUBLE, Types.FLOAT, Types.REAL -> insert.setDouble(at, rs.getDouble(column));
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> insert.setBytes(at, rs.getBytes(column));
            case Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR, Types.NVARCHAR -> insert.setString(at, triggerState(table, name, rs.getString(column)));
            default -> insert.setObject(at, value);
        }
    }

    /**
     * A trigger the source had taken up when it stopped waits again, as Quartz itself recovers it on
     * a single node: the target's nodes never saw that firing.
     */
    private static String triggerState(String table, String column, String value) {
        if (!table.equals("qrtz_triggers") || !column.equals("trigger_state")) {
            return value;
        }
        return switch (value) {
            case "ACQUIRED", "BLOCKED" -> "WAITING";
            case "PAUSED_BLOCKED" -> "PAUSED";
            default -> value;
        };
    }

    /** The copied rows kept their ids: each id sequence continues after the highest. */
    private static void resetIds(Connection to) throws SQLException {
        List<String[]> serials = new ArrayList<>();
        try (Statement s = to.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() "
                        + "AND column_default LIKE 'nextval(%'")) {
            while (rs.next()) {
                serials.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        for (String[] serial : serials) {
            if (!TABLES.contains(serial[0])) {
                continue;
            }
            try (Statement s = to.createStatement()) {
                s.execute("SELECT setval(pg_get_serial_sequence('" + serial[0] + "', '" + serial[1] + "'), COALESCE(MAX(" + serial[1]
                        + "), 0) + 1, false) FROM " + serial[0]);
            }
        }
    }
}
