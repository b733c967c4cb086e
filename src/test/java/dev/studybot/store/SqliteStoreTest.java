package dev.studybot.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The store contract on SQLite, in a file of its own. */
class SqliteStoreTest extends StoreContract {
    private Path dir;

    @Override
    Database open() throws Exception {
        dir = Files.createTempDirectory("studybot-store");
        return Database.sqlite(dir.resolve("studybot.db"), 1000);
    }

    @Override
    void shutDown() throws Exception {
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
