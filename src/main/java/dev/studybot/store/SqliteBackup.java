package dev.studybot.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * A consistent copy of a SQLite database that may be in use: {@code VACUUM INTO} reads one
 * snapshot (what was committed, the write-ahead log included; nothing uncommitted) into a new,
 * compact file, while the bot goes on reading and writing. Copying the file alone loses what is
 * still in the log.
 */
public final class SqliteBackup {
    private SqliteBackup() {
    }

    /** Copies {@code source} into {@code target}, which must not exist; returns the copy's size in bytes. */
    public static long copy(Path source, Path target) {
        if (!Files.isRegularFile(source)) {
            throw new IllegalArgumentException("no SQLite database at " + source.toAbsolutePath());
        }
        if (Files.exists(target)) {
            throw new IllegalArgumentException(target.toAbsolutePath() + " already exists; a backup never overwrites a file");
        }
        Path folder = target.toAbsolutePath().getParent();
        try {
            if (folder != null) {
                Files.createDirectories(folder);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder " + folder, e);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + source.toAbsolutePath());
             PreparedStatement s = c.prepareStatement("VACUUM INTO ?")) {
            // a writer holding the lock a while is waited for, as the bot's own connections do
            try (var pragma = c.createStatement()) {
                pragma.execute("PRAGMA busy_timeout = 10000");
            }
            s.setString(1, target.toAbsolutePath().toString());
            s.execute();
            return Files.size(target);
        } catch (SQLException | IOException e) {
            try {
                Files.deleteIfExists(target);
            } catch (IOException ignored) {
                // the message below says what failed; a partial file is removed where it can be
            }
            throw new IllegalStateException("the backup of " + source + " failed: " + e.getMessage(), e);
        }
    }
}
