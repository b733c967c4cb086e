package dev.studybot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @TempDir
    Path dir;

    @Test
    void theSchemaVersionIsTheNewestMigration() throws IOException {
        assertThat(Database.SCHEMA_VERSION).isEqualTo(migrations().stream().mapToInt(Integer::intValue).max().orElseThrow());
    }

    @Test
    void migrationsAreNumberedWithoutGapsAndAlikeForBothDatabases() throws IOException {
        // start-up skips Flyway at the newest version, so a number left out and added later would never run
        assertThat(migrations()).containsExactlyInAnyOrderElementsOf(
                java.util.stream.IntStream.rangeClosed(1, Database.SCHEMA_VERSION).boxed().toList());
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration/postgresql"))) {
            assertThat(files.map(f -> f.getFileName().toString().replaceFirst("__.*", ""))).as("PostgreSQL has each migration SQLite has")
                    .containsExactlyInAnyOrderElementsOf(migrations().stream().map(v -> "V" + v).toList());
        }
    }

    private static java.util.List<Integer> migrations() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration/sqlite"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .map(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).toList();
        }
    }

    @Test
    void aNewFileIsMigratedInWalModeAndReopensWithoutMigrating() throws Exception {
        Path file = dir.resolve("sub/folder/studybot.db");
        try (Database db = Database.sqlite(file, 1000)) {
            assertThat(Database.schemaVersion(db.dataSource())).isEqualTo(Database.SCHEMA_VERSION);
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("wal");
            }
        }
        // a changed checksum fails Flyway's validation, so the second open can only succeed if Flyway does not run
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            assertThat(s.executeUpdate("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '1'")).isEqualTo(1);
        }
        try (Database db = Database.sqlite(file, 1000)) {
            assertThat(db.jdbc().one("SELECT COUNT(*) FROM flyway_schema_history", rs -> rs.getInt(1))).contains(migrations().size());
        }
    }
}
