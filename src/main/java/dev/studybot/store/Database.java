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
     * {@code db/migration/postgresql}, only when the database is behind.
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
        return migrate(new HikariDataSource(pool), Dialect.POSTGRESQL);
    }

    /** The newest migration's version (the same for every dialect); a database already there skips Flyway at start. */
    public static final int SCHEMA_VERSION = 7;

    static Database migrate(HikariDataSource dataSource, Dialect dialect) {
        try {
            if (schemaVersion(dataSource) == SCHEMA_VERSION) {
                return new Database(dataSource, dialect);
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

    /** The version Flyway last applied successfully, or -1 for a new database. */
    static int schemaVersion(DataSource dataSource) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT MAX(CAST(version AS INTEGER)) FROM flyway_schema_history WHERE success")) {
            return rs.next() ? rs.getInt(1) : -1;
        } catch (SQLException e) {
            return -1;
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
