package dev.studybot.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.studybot.domain.Actor;
import dev.studybot.domain.Reply;
import dev.studybot.domain.words.Markup;
import dev.studybot.domain.words.MarkupRenderer;
import dev.studybot.support.FakePlatform;
import dev.studybot.support.TestBot;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PostgreSQL lost while the bot runs: commands say nothing was changed, and work again once it is back, with what was there. */
class PostgresLostTest {
    @TempDir
    Path data;

    private EmbeddedPostgres server(int port) throws Exception {
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();
    }

    @Test
    void commandsChangeNothingWhileTheServerIsGoneAndWorkWhenItIsBack() throws Exception {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).start();
        int port = postgres.getPort();
        Wiring.Options options = Wiring.Options.of(TestBot.config(Map.of("STUDYBOT_DATABASE_URL",
                        "jdbc:postgresql://localhost:" + port + "/postgres")), Clock.systemUTC())
                .withPaths(null, TestBot.TEST_BANK)
                .withDatabaseLogin(new Wiring.DatabaseLogin("postgres", "postgres"));
        MarkupRenderer plain = new MarkupRenderer(Markup.PLAIN);
        try (Wiring wiring = new Wiring(options)) {
            wiring.register(new FakePlatform(TestBot.PLATFORM));
            wiring.start();
            Actor bob = Actor.member("bob", "bob");
            assertThat(plain.render(wiring.bot().handleText(TestBot.channel("c"), bob, "/study team create owls").reply()))
                    .contains("owls");

            postgres.close();
            Reply lost = wiring.bot().handleText(TestBot.channel("c"), Actor.member("eve", "eve"), "/study team create hawks").reply();
            assertThat(plain.render(lost)).contains("nothing was changed");

            postgres = server(port);
            EmbeddedPostgres back = postgres;
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    plain.render(wiring.bot().handleText(TestBot.channel("c"), bob, "/study team list").reply()).contains("owls"));
            assertThat(plain.render(wiring.bot().handleText(TestBot.channel("c"), bob, "/study team list").reply())).doesNotContain("hawks");
            assertThat(back.getPort()).isEqualTo(port);
        } finally {
            postgres.close();
        }
    }
}
