package dev.studybot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.studybot.support.Cli;
import dev.studybot.domain.Actor;
import dev.studybot.domain.words.Markup;
import dev.studybot.domain.words.MarkupRenderer;
import dev.studybot.store.Database;
import dev.studybot.support.FakePlatform;
import dev.studybot.support.Postgres;
import dev.studybot.support.TestBot;
import dev.studybot.wiring.Wiring;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code studybot migrate}: a SQLite database with members, teams, answers, seasons and a schedule
 * moves to an empty PostgreSQL and the bot carries on there; a non-empty target is refused; a copy
 * that fails half-way leaves the target empty and runs again.
 */
class MigrateCommandTest {
    private static final List<String> TABLES = List.of("members", "posts", "submissions", "member_totals", "teams", "team_members",
            "seasons", "schedules", "memory_states", "reviewers", "qrtz_job_details", "qrtz_triggers", "qrtz_cron_triggers");
    private final MarkupRenderer plain = new MarkupRenderer(Markup.PLAIN);

    @TempDir
    Path dir;

    /** A few days of a study group on SQLite: a schedule, posts, answers, a reveal, teams, a season and a review reminder. */
    private Path studyGroup() {
        Path file = dir.resolve("studybot.db");
        try (TestBot bot = new TestBot(dir, Clock.systemUTC())) {
            bot.sayAsAdmin("ada", "general", "/study schedule set weekdays 09:30 Europe/Berlin");
            bot.sayAsAdmin("ada", "general", "/study season start Spring");
            bot.say("bob", "general", "/study team create owls");
            bot.say("cy", "general", "/study team join owls");
            bot.say("bob", "general", "/study review remind 08:00 Europe/Berlin");
            for (int day = 0; day < 3; day++) {
                bot.sayAsAdmin("ada", "general", "/study post");
                bot.say("bob", "general", "/study answer dropout zeroes random activations so units cannot co-adapt");
                bot.say("cy", "general", "/study reveal");
            }
            bot.sayAsAdmin("ada", "random", "/study post");
        }
        return file;
    }

    private static Map<String, Long> counts(Connection c) throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                rs.next();
                counts.put(table, rs.getLong(1));
            }
        }
        return counts;
    }

    private static String withLogin(String url) {
        return url + "?user=postgres&password=postgres";
    }

    @Test
    void aStudyGroupMovesToPostgresAndCarriesOnThere() throws Exception {
        Path sqlite = studyGroup();
        String url = Postgres.database("moved");
        Cli.Run run = Cli.run("migrate", "--from", sqlite.toString(), "--to", withLogin(url));
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("Copied " + sqlite + " to " + url + ": ").doesNotContain("password");

        Map<String, Long> before;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + sqlite)) {
            before = counts(c);
        }
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres")) {
            assertThat(counts(c)).isEqualTo(before);
        }
        assertThat(before.get("posts")).isEqualTo(4);
        assertThat(before.get("qrtz_cron_triggers")).isEqualTo(1);
        assertThat(before.get("memory_states")).isPositive();
        assertThat(before.get("reviewers")).isEqualTo(1);
        assertThat(run.out()).containsPattern("(?m)^posts +4$");

        // the bot on PostgreSQL: the same standings, the schedule and its trigger, and new posts after the copied ids
        Wiring.Options options = Wiring.Options.of(TestBot.config(Map.of("STUDYBOT_DATABASE_URL", url)), Clock.systemUTC())
                .withPaths(null, TestBot.TEST_BANK).withDatabaseLogin(new Wiring.DatabaseLogin("postgres", "postgres"));
        try (Wiring wiring = new Wiring(options)) {
            FakePlatform platform = new FakePlatform(TestBot.PLATFORM);
            wiring.register(platform);
            wiring.start();
            Actor ada = new Actor("ada", "ada", true, Set.of());
            assertThat(plain.render(wiring.bot().handleText(TestBot.channel("general"), ada, "/study leaderboard season").reply()))
                    .contains("1. bob");
            assertThat(plain.render(wiring.bot().handleText(TestBot.channel("general"), ada, "/study team list").reply()))
                    .contains("owls");
            assertThat(plain.render(wiring.bot().handleText(TestBot.channel("general"), ada, "/study schedule show").reply()))
                    .contains("09:30", "Europe/Berlin");
            assertThat(wiring.scheduler().next(TestBot.channel("general"))).isPresent();
            assertThat(plain.render(wiring.bot().handleText(TestBot.channel("general"), ada, "/study post").reply())).doesNotContain("wrong");
            assertThat(platform.dailyPosts()).hasSize(1);
            assertThat(wiring.database().jdbc().one("SELECT MAX(id) FROM posts", rs -> rs.getLong(1))).contains(5L);
            // the copied trigger's job runs on PostgreSQL's clustered Quartz
            wiring.scheduler().fire(TestBot.channel("general"), Instant.now().truncatedTo(ChronoUnit.SECONDS));
            await().atMost(Duration.ofSeconds(20)).until(() -> platform.dailyPosts().size() == 2);
        }

        Cli.Run again = Cli.run("migrate", "--from", sqlite.toString(), "--to", withLogin(url));
        assertThat(again.status()).isNotZero();
        assertThat(again.err().strip()).startsWith("studybot: the target is not empty (members: ")
                .endsWith("); migrate copies into an empty database only, and copied nothing");
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres")) {
            assertThat(counts(c).get("posts")).isEqualTo(6);
        }
    }

    @Test
    void aCopyThatFailsHalfWayLeavesTheTargetEmptyAndRunsAgain() throws Exception {
        Path sqlite = studyGroup();
        String url = Postgres.database("retried");
        // the target refuses the season, which comes after members, posts, answers and teams
        Database.postgres(url, "postgres", "postgres").close();
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres"); Statement s = c.createStatement()) {
            s.executeUpdate("ALTER TABLE seasons ADD CONSTRAINT no_spring CHECK (name <> 'Spring')");
        }
        Cli.Run failed = Cli.run("migrate", "--from", sqlite.toString(), "--to", withLogin(url));
        assertThat(failed.status()).isNotZero();
        assertThat(failed.err()).contains("no_spring").doesNotContain("password=");
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres"); Statement s = c.createStatement()) {
            assertThat(counts(c).values()).containsOnly(0L);
            s.executeUpdate("ALTER TABLE seasons DROP CONSTRAINT no_spring");
        }
        Cli.Run again = Cli.run("migrate", "--from", sqlite.toString(), "--to", withLogin(url));
        assertThat(again.status()).as(again.err()).isZero();
        try (Connection sqliteC = DriverManager.getConnection("jdbc:sqlite:" + sqlite);
             Connection c = DriverManager.getConnection(url, "postgres", "postgres")) {
            assertThat(counts(c)).isEqualTo(counts(sqliteC));
        }
    }

    @Test
    void aTargetThatIsNotPostgresIsRefused() {
        Cli.Run run = Cli.run("migrate", "--from", dir.resolve("x.db").toString(), "--to", "jdbc:mysql://db/studybot?password=x");
        assertThat(run.status()).isNotZero();
        assertThat(run.err().strip()).isEqualTo("studybot: --to: 'jdbc:mysql://db/studybot' is not a PostgreSQL URL (jdbc:postgresql://HOST:PORT/DB)");
    }
}
