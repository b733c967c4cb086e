package dev.studybot.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.studybot.cli.StudybotCommand;
import dev.studybot.store.Database;
import dev.studybot.support.Postgres;
import dev.studybot.support.TestBot;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** What stops a start, and what only warns: a server out of reach, a schema from a newer studybot, a clock off the database's. */
class StartConditionsTest {

    @TempDir
    Path dir;

    private static Wiring.Options options(String url, Clock clock) {
        return Wiring.Options.of(TestBot.config(Map.of("STUDYBOT_DATABASE_URL", url)), clock)
                .withPaths(null, TestBot.TEST_BANK)
                .withDatabaseLogin(new Wiring.DatabaseLogin("postgres", "postgres"));
    }

    @Test
    void anUnreachableServerStopsTheStartWithOneLineNamingHostAndPort() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Path config = dir.resolve("studybot.yaml");
        Files.writeString(config, Files.readString(Path.of("config/studybot.yaml"))
                .replace("path: data/studybot.db", "path: " + dir.resolve("studybot.db"))
                .replace("\n  url: \"\"", "\n  url: jdbc:postgresql://127.0.0.1:" + closed + "/studybot?password=hidden"));
        StringWriter err = new StringWriter();
        CommandLine cl = StudybotCommand.commandLine();
        cl.setErr(new PrintWriter(err));
        int status = cl.execute("run", "--config", config.toString(), "--questions", TestBot.TEST_BANK.toString());
        assertThat(status).isNotZero();
        assertThat(err.toString().strip()).startsWith("studybot: PostgreSQL at 127.0.0.1:" + closed + " cannot be reached: ")
                .doesNotContain("hidden").doesNotContain("\n");
    }

    @Test
    void aServerThatAnswersButRefusesSaysSoInItsOwnWords() {
        assertThatThrownBy(() -> new Wiring(options("jdbc:postgresql://localhost:" + Postgres.port() + "/nowhere", Clock.systemUTC())))
                .hasMessageStartingWith("PostgreSQL at localhost:" + Postgres.port() + " refused the connection: ")
                .hasMessageContaining("\"nowhere\" does not exist");
    }

    @Test
    void aSchemaFromANewerStudybotIsRefusedOnEitherDatabase() throws Exception {
        String url = Postgres.database("newer");
        new Wiring(options(url, Clock.systemUTC())).close();
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres"); Statement s = c.createStatement()) {
            s.executeUpdate(future());
        }
        assertThatThrownBy(() -> new Wiring(options(url, Clock.systemUTC())))
                .hasMessage("the database's schema is version " + (Database.SCHEMA_VERSION + 1) + ", newer than this studybot's "
                        + Database.SCHEMA_VERSION + " (a newer studybot upgraded it): run that version or newer; nothing was changed");

        Path file = dir.resolve("newer.db");
        Database.sqlite(file, 1000).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.executeUpdate(future());
        }
        assertThatThrownBy(() -> Database.sqlite(file, 1000)).hasMessageContaining("newer than this studybot's");
    }

    /** A migration this binary does not have, as a newer studybot would have recorded it. */
    private static String future() {
        int v = Database.SCHEMA_VERSION + 1;
        return "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, "
                + "installed_on, execution_time, success) SELECT installed_rank + 100, '" + v + "', 'future', type, 'V" + v
                + "__future.sql', checksum, installed_by, installed_on, execution_time, success FROM flyway_schema_history WHERE version = '1'";
    }

    @Test
    void aClockMoreThanASecondOffTheDatabasesIsWarnedAbout() throws Exception {
        String url = Postgres.database("skew");
        Logger log = (Logger) LoggerFactory.getLogger(Wiring.class);
        ListAppender<ILoggingEvent> seen = new ListAppender<>();
        seen.start();
        log.addAppender(seen);
        try {
            try (Wiring wiring = new Wiring(options(url, Clock.systemUTC()))) {
                assertThat(wiring.database().clockSkew(Clock.systemUTC()).abs()).isLessThan(Duration.ofSeconds(1));
            }
            assertThat(seen.list).extracting(ILoggingEvent::getFormattedMessage).noneMatch(m -> m.contains("clock"));
            try (Wiring wiring = new Wiring(options(url, Clock.offset(Clock.systemUTC(), Duration.ofSeconds(5))))) {
                assertThat(wiring.database().clockSkew(Clock.offset(Clock.systemUTC(), Duration.ofSeconds(-3))).toMillis())
                        .isBetween(2000L, 4000L);
            }
            assertThat(seen.list).extracting(ILoggingEvent::getFormattedMessage)
                    .anyMatch(m -> m.matches("This node's clock is [45]\\.\\d s ahead of the database's: .*NTP.*"));
        } finally {
            log.detachAppender(seen);
        }
    }
}
