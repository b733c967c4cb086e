package dev.studybot.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studybot.domain.Actor;
import dev.studybot.support.TestBot;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code database.url} naming a SQLite file, as a path or a JDBC URL, opens that file instead of {@code database.path}. */
class SqliteUrlTest {
    @TempDir
    Path dir;

    @Test
    void aJdbcSqliteUrlOrAPathIsTheDatabaseFile() {
        for (String url : new String[] {"jdbc:sqlite:" + dir.resolve("by-url.db"), dir.resolve("by-path.db").toString()}) {
            Wiring.Options chosen = Wiring.Options.of(TestBot.config(Map.of("STUDYBOT_DATABASE_URL", url)), Clock.systemUTC());
            Wiring.Options options = chosen.withPaths(chosen.databasePath(), TestBot.TEST_BANK);
            assertThat(options.scheduler().clustered()).isFalse();
            try (Wiring wiring = new Wiring(options)) {
                wiring.bot().handleText(TestBot.channel("c"), Actor.member("bob", "Bob"), "/study topics");
            }
        }
        assertThat(dir.resolve("by-url.db")).exists();
        assertThat(dir.resolve("by-path.db")).exists();
    }
}
