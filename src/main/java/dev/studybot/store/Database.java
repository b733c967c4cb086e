package dev.studybot.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.SQLExceptionOverride;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** An open, migrated database: its pooled connections and its dialect. */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final Dialect dialect;

    private Database(HikariDataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    /**
     * Opens (creating if needed) a SQLite file: WAL, immediate transactions so writers queue on
     * the busy timeout instead of failing, foreign keys on; then runs the migrations (Flyway, only
     * when the database is behind: its start-up costs more than the rest of the bot's).
     */
    public static Database sqlite(Path file, int busyTimeoutMillis) {
        Path parent = file.toAbsolutePath().getParent();
        try {
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the database folder " + parent, e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(busyTimeoutMillis);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        config.enforceForeignKeys(true);
        SQLiteDataSource sqlite = new SQLiteDataSource(config);
        sqlite.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        HikariConfig pool = new HikariConfig();
        pool.setDataSource(sqlite);
        pool.setPoolName("studybot-sqlite");
        pool.setMaximumPoolSize(4);
        pool.setMinimumIdle(1);
        // A BEGIN IMMEDIATE that timed out leaves sqlite-jdbc's connection unsure whether a
        // transaction is open; such a connection is dropped rather than handed out again.
        pool.setExceptionOverride(new SQLExceptionOverride() {
            @java.lang.Override
            public SQLExceptionOverride.Override adjudicate(SQLException e) {
                return Dialect.SQLITE.isBusy(e) ? SQLExceptionOverride.Override.MUST_EVICT : SQLExceptionOverride.Override.CONTINUE_EVICT;
            }
        });
        return migrate(new HikariDataSource(pool), Dialect.SQLITE);
    }

    /**
     * Connects to a PostgreSQL database ({@code jdbc:postgresql://host:port/name}) that already
     * exists and that the user may create tables in; then runs the migrations of
     * {@code db/migration/postgresql}, only when the database is behind. A server that cannot be
     * reached fails at once, naming its host and port.
     */
    public static Database postgres(String jdbcUrl, String user, String password) {
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(jdbcUrl);
        pool.setUsername(user);
        pool.setPassword(password);
        pool.setDriverClassName("org.postgresql.Driver");
        pool.setPoolName("studybot-postgresql");
        pool.setMaximumPoolSize(8);
        pool.setMinimumIdle(1);
        // a command waits this long for a lost server before it answers that nothing was changed
        pool.setConnectionTimeout(5_000);
        pool.addDataSourceProperty("connectTimeout", "10");
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(pool);
        } catch (RuntimeException e) {
            throw unreachable(jdbcUrl, e);
        }
        return migrate(dataSource, Dialect.POSTGRESQL);
    }

    /**
     * "PostgreSQL at db:5432 cannot be reached: Connection refused" for the network, or the
     * server's own word ("PostgreSQL at db:5432 refused the connection: FATAL: password
     * authentication failed for user ..."); never the URL's parameters, never a password.
     */
    private static IllegalStateException unreachable(String jdbcUrl, RuntimeException e) {
        String where = "PostgreSQL at " + hostAndPort(jdbcUrl);
        String server = null;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.UnknownHostException) {
                return new IllegalStateException(where + " cannot be reached: unknown host " + t.getMessage(), e);
            }
            if (t instanceof java.net.ConnectException || t instanceof java.net.SocketTimeoutException
                    || t instanceof java.net.NoRouteToHostException) {
                return new IllegalStateException(where + " cannot be reached: "
                        + (t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage()), e);
            }
            if (t instanceof SQLException && t.getMessage() != null) {
                server = t.getMessage();
            }
        }
        String reason = server != null ? server : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new IllegalStateException(where + " refused the connection: " + reason.lines().findFirst().orElse(reason), e);
    }

    /** The {@code host:port} of a PostgreSQL URL (port 5432 when it names none). */
    static String hostAndPort(String jdbcUrl) {
        String authority = jdbcUrl.replaceFirst("^jdbc:postgresql://", "").replaceFirst("[/?].*$", "");
        if (authority.isEmpty()) {
            return "localhost:5432";
        }
        return authority.matches(".*:\\d+$") || authority.contains(",") ? authority : authority + ":5432";
    }

    /** The newest migration's version (the same for every dialect); a database already there skips Flyway at start. */
    public static final int SCHEMA_VERSION = 10;

    static Database migrate(HikariDataSource dataSource, Dialect dialect) {
        try {
            int version = schemaVersion(dataSource);
            if (version == SCHEMA_VERSION) {
                return new Database(dataSource, dialect);
            }
            if (version > SCHEMA_VERSION) {
                throw new IllegalStateException("the database's schema is version " + version + ", newer than this studybot's "
                        + SCHEMA_VERSION + " (a newer studybot upgraded it): run that version or newer; nothing was changed");
            }
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations(dialect.migrations())
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return new Database(dataSource, dialect);
    }

    /**
     * How far the database's clock is ahead of {@code clock} (behind when negative), read at the
     * midpoint of one round trip; zero on SQLite, which runs on this machine's clock.
     */
    public Duration clockSkew(Clock clock) {
        if (dialect != Dialect.POSTGRESQL) {
            return Duration.ZERO;
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            Instant before = clock.instant();
            long sent = System.nanoTime();
            try (ResultSet rs = s.executeQuery("SELECT CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000000 AS BIGINT)")) {
                rs.next();
                Instant database = Instant.EPOCH.plus(rs.getLong(1), java.time.temporal.ChronoUnit.MICROS);
                Instant node = before.plusNanos((System.nanoTime() - sent) / 2);
                return Duration.between(node, database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database's clock: " + e.getMessage(), e);
        }
    }

    /** The version Flyway last applied successfully, or -1 for a new database. */
    static int schemaVersion(DataSource dataSource) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT MAX(CAST(version AS INTEGER)) FROM flyway_schema_history WHERE success")) {
            return rs.next() ? rs.getInt(1) : -1;
        } catch (SQLException e) {
            return -1;
        }
    }

    /** Whether the database answers now (the operations endpoint's readiness). */
    public boolean reachable() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Dialect dialect() {
        return dialect;
    }

    public Jdbc jdbc() {
        return new Jdbc(dataSource, dialect);
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
