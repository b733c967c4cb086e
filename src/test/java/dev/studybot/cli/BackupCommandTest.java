package dev.studybot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studybot.support.Cli;
import dev.studybot.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code studybot backup}: a copy taken while other connections write holds what they committed, and only that. */
class BackupCommandTest {
    @TempDir
    Path dir;

    /** The members in a database file; 0 where even the table is not in the file yet. */
    private static int members(Path file) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            try (ResultSet t = s.executeQuery("SELECT COUNT(*) FROM sqlite_master WHERE name = 'members'")) {
                if (t.next() && t.getInt(1) == 0) {
                    return 0;
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM members")) {
                return rs.next() ? rs.getInt(1) : -1;
            }
        }
    }

    @Test
    void aCopyTakenWhileTheLogHoldsCommittedRowsAndAWriterIsMidTransactionRestoresWhatWasCommitted() throws Exception {
        Path live = dir.resolve("studybot.db");
        Path copy = dir.resolve("backups/studybot-copy.db");
        try (Database db = Database.sqlite(live, 1000);
             Connection writer = db.dataSource().getConnection();
             Connection uncommitted = DriverManager.getConnection("jdbc:sqlite:" + live)) {
            try (Statement s = writer.createStatement()) {
                // committed rows stay in the write-ahead log: nothing moves them into the database file
                s.execute("PRAGMA wal_autocheckpoint = 0");
                for (int i = 0; i < 50; i++) {
                    s.executeUpdate("INSERT INTO members (workspace, user_id, display_name, name_key) VALUES ('slack:T1', 'U" + i + "', 'n', 'n')");
                }
            }
            uncommitted.setAutoCommit(false);
            try (Statement s = uncommitted.createStatement()) {
                s.executeUpdate("INSERT INTO members (workspace, user_id, display_name, name_key) VALUES ('slack:T1', 'pending', 'p', 'p')");
            }
            assertThat(Files.size(Path.of(live + "-wal"))).isPositive();

            // what a plain copy of the database file would have: none of the committed rows (here, not even the tables)
            Path plain = dir.resolve("plain.db");
            Files.copy(live, plain);
            assertThat(members(plain)).isZero();

            Cli.Run run = Cli.run("backup", "--db", live.toString(), copy.toString());
            assertThat(run.status()).as(run.err()).isZero();
            assertThat(run.out()).startsWith("Backed up " + live + " to " + copy + " (");
            uncommitted.rollback();
        }
        assertThat(members(copy)).isEqualTo(50);
        try (Database restored = Database.sqlite(copy, 1000)) {
            assertThat(restored.jdbc().one("PRAGMA integrity_check", rs -> rs.getString(1))).contains("ok");
            assertThat(restored.jdbc().one("SELECT COUNT(*) FROM members WHERE user_id = 'pending'", rs -> rs.getInt(1))).contains(0);
            // the newest migration, by version
            assertThat(restored.jdbc().one("SELECT MAX(CAST(version AS INTEGER)) FROM flyway_schema_history WHERE success", rs -> rs.getInt(1)))
                    .contains(Database.SCHEMA_VERSION);
        }
    }

    @Test
    void anExistingTargetOrAMissingSourceIsRefusedWithOneLine() throws Exception {
        Path live = dir.resolve("studybot.db");
        Database.sqlite(live, 1000).close();
        Path existing = Files.writeString(dir.resolve("taken.db"), "keep me");
        Cli.Run taken = Cli.run("backup", "--db", live.toString(), existing.toString());
        assertThat(taken.status()).isNotZero();
        assertThat(taken.err().strip()).isEqualTo("studybot: " + existing.toAbsolutePath() + " already exists; a backup never overwrites a file");
        assertThat(Files.readString(existing)).isEqualTo("keep me");

        Cli.Run missing = Cli.run("backup", "--db", dir.resolve("nowhere.db").toString(), dir.resolve("out.db").toString());
        assertThat(missing.status()).isNotZero();
        assertThat(missing.err().strip()).isEqualTo("studybot: no SQLite database at " + dir.resolve("nowhere.db").toAbsolutePath());
        assertThat(dir.resolve("nowhere.db")).doesNotExist();
    }
}
