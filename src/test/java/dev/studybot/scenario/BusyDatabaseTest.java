package dev.studybot.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studybot.domain.Reply;
import dev.studybot.port.in.Response;
import dev.studybot.port.in.Visibility;
import dev.studybot.support.MutableClock;
import dev.studybot.support.TestBot;
import dev.studybot.wiring.Wiring;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Another process holds the database's write lock past the busy timeout: a clear reply, nothing half-done. */
class BusyDatabaseTest {
    @TempDir
    Path dir;

    @Test
    void aBusyDatabaseIsReportedAndNothingChanges() throws Exception {
        Path db = dir.resolve("studybot.db");
        UnaryOperator<Wiring.Options> shortTimeout = o -> new Wiring.Options(TestBot.config(Map.of("STUDYBOT_DATABASE_BUSY_TIMEOUT", "200ms")),
                o.clock(), o.databasePath(), o.bankPath(), o.scheduler());
        try (TestBot bot = new TestBot(db, TestBot.TEST_BANK, new MutableClock(Instant.parse("2026-11-16T09:00:00Z")), shortTimeout)) {
            bot.say("alice", "c", "/study topics");
            try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = other.createStatement()) {
                s.execute("BEGIN IMMEDIATE");
                Response response = bot.say("alice", "c", "/study team create Busy Bees");
                assertThat(response.reply()).isInstanceOf(Reply.Error.class);
                assertThat(((Reply.Error) response.reply()).text()).contains("The database is busy right now; nothing was changed");
                // said where team create answers, as the core chose before it asked the store
                assertThat(response.visibility()).isEqualTo(Visibility.CHANNEL);
                s.execute("ROLLBACK");
            }
            assertThat(bot.text(bot.say("alice", "c", "/study team list"))).contains("No teams yet");
            assertThat(bot.text(bot.say("alice", "c", "/study team create Busy Bees"))).contains("created team Busy Bees");
        }
    }
}
