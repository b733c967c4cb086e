package dev.studybot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.studybot.port.out.StoreException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The store contract on PostgreSQL (an embedded server for the class), and what only PostgreSQL has. */
class PostgresStoreTest extends StoreContract {
    private EmbeddedPostgres postgres;

    @Override
    Database open() throws Exception {
        postgres = EmbeddedPostgres.start();
        return Database.postgres(url("postgres"), "postgres", "postgres");
    }

    @Override
    void shutDown() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    private String url(String database) {
        return postgres.getJdbcUrl("postgres", database);
    }

    @Test
    void bothDialectsHaveTheSameMigrationVersions() throws IOException {
        assertThat(versions("postgresql")).isEqualTo(versions("sqlite"));
        assertThat(versions("postgresql")).last().isEqualTo(Database.SCHEMA_VERSION);
    }

    private static List<Integer> versions(String folder) throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration", folder))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .map(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).sorted().toList();
        }
    }

    @Test
    void aMigratedDatabaseReopensWithoutMigrating() throws Exception {
        try (Connection c = DriverManager.getConnection(url("postgres"), "postgres", "postgres"); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE DATABASE reopened");
        }
        String url = url("reopened");
        try (Database db = Database.postgres(url, "postgres", "postgres")) {
            assertThat(db.dialect()).isSameAs(Dialect.POSTGRESQL);
            assertThat(Database.schemaVersion(db.dataSource())).isEqualTo(Database.SCHEMA_VERSION);
            assertThat(db.jdbc().one("SELECT COUNT(*) FROM qrtz_locks", rs -> rs.getInt(1))).contains(0);
        }
        // a changed checksum fails Flyway's validation, so the second open can only succeed if Flyway does not run
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres"); Statement s = c.createStatement()) {
            assertThat(s.executeUpdate("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '1'")).isEqualTo(1);
        }
        try (Database db = Database.postgres(url, "postgres", "postgres")) {
            assertThat(db.jdbc().one("SELECT COUNT(*) FROM flyway_schema_history", rs -> rs.getInt(1))).contains(versions("postgresql").size());
        }
        // and a database behind is migrated: here the checksum check proves Flyway did run
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres"); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM flyway_schema_history WHERE version = '" + Database.SCHEMA_VERSION + "'");
        }
        assertThatThrownBy(() -> Database.postgres(url, "postgres", "postgres")).hasMessageContaining("checksum");
    }

    @Test
    void aLockHeldPastTheTimeoutIsBusy() throws Exception {
        posts.reserve(CHANNEL, "q1", 1, T0, T0, null).orElseThrow();
        try (Connection holder = database().dataSource().getConnection()) {
            holder.setAutoCommit(false);
            try (Statement s = holder.createStatement()) {
                s.executeUpdate("UPDATE posts SET message_ref = 'held'");
            }
            Jdbc jdbc = database().jdbc();
            assertThatThrownBy(() -> jdbc.inTransaction(c -> {
                Jdbc.update(c, "SET LOCAL lock_timeout = '50ms'");
                return Jdbc.update(c, "UPDATE posts SET message_ref = 'waiting'");
            })).isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.busy()).isTrue());
            holder.rollback();
        }
        assertThatThrownBy(() -> database().jdbc().update("INSERT INTO nowhere VALUES (1)"))
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.busy()).isFalse());
    }

    @Test
    void aNameChangedBackOnAnotherNodeIsWritten() {
        SqlMemberStore first = new SqlMemberStore(database().jdbc());
        SqlMemberStore second = new SqlMemberStore(database().jdbc());
        first.remember(WS, "U1", "Ada");
        second.remember(WS, "U1", "Ada L.");
        first.remember(WS, "U1", "Ada");
        assertThat(second.displayName(WS, "U1")).contains("Ada");
        assertThat(first.find(WS, "ada")).contains("U1");
        assertThat(first.find(WS, "ada l.")).isEmpty();
    }
}
