package dev.studybot.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.studybot.domain.Actor;
import dev.studybot.domain.Reply;
import dev.studybot.domain.words.Markup;
import dev.studybot.domain.words.MarkupRenderer;
import dev.studybot.support.FakePlatform;
import dev.studybot.support.Postgres;
import dev.studybot.support.TestBot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The production wiring on PostgreSQL, chosen by {@code database.url}: migrations, the stores,
 * and Quartz's clustered JDBC job store firing a post; credentials never in what is logged.
 */
class PostgresWiringTest {

    private static Wiring.Options options(String url) {
        return Wiring.Options.of(TestBot.config(Map.of("STUDYBOT_DATABASE_URL", url)), Clock.systemUTC())
                .withPaths(null, TestBot.TEST_BANK)
                .withDatabaseLogin(new Wiring.DatabaseLogin("postgres", "s3cret-pw"));
    }

    @Test
    void aWeekdayOnPostgresPostsThroughClusteredQuartzAndScores() {
        String url = Postgres.database("wiring");
        Wiring.Options options = options(url);
        assertThat(options.scheduler().clustered()).isTrue();
        assertThat(options.toString()).doesNotContain("s3cret-pw").contains(url);
        MarkupRenderer plain = new MarkupRenderer(Markup.PLAIN);
        try (Wiring wiring = new Wiring(options)) {
            FakePlatform platform = new FakePlatform(TestBot.PLATFORM);
            wiring.register(platform);
            wiring.start();
            Actor admin = new Actor("ada", "ada", true, Set.of());
            assertThat(plain.render(wiring.bot().handleText(TestBot.channel("pg"), admin, "/study schedule set daily 09:00 UTC").reply()))
                    .contains("Daily question");
            wiring.scheduler().fire(TestBot.channel("pg"), Instant.now().truncatedTo(ChronoUnit.SECONDS));
            await().atMost(Duration.ofSeconds(20)).until(() -> platform.dailyPosts().size() == 1);
            Reply graded = wiring.bot().handleText(TestBot.channel("pg"), Actor.member("bob", "bob"), "/study answer something").reply();
            assertThat(graded).isInstanceOf(Reply.Graded.class);
            assertThat(plain.render(wiring.bot().handleText(TestBot.channel("pg"), Actor.member("bob", "bob"), "/study leaderboard").reply()))
                    .contains("1. bob");
        }
    }

    @Test
    void aUrlThatIsNotPostgresIsRefusedWithItsKey() {
        assertThatThrownBy(() -> TestBot.config(Map.of("STUDYBOT_DATABASE_URL", "jdbc:mysql://x/y")))
                .hasMessageContaining("database.url");
    }
}
