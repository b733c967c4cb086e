package dev.studybot.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studybot.domain.Actor;
import dev.studybot.domain.ChannelRef;
import dev.studybot.domain.Reply;
import dev.studybot.domain.Upload;
import dev.studybot.domain.words.Markup;
import dev.studybot.domain.words.MarkupRenderer;
import dev.studybot.port.in.Action;
import dev.studybot.port.in.Command;
import dev.studybot.support.FakePlatform;
import dev.studybot.support.Postgres;
import dev.studybot.support.TestBot;
import dev.studybot.wiring.Wiring;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Suggestions and pending imports belong to one workspace, through the production wiring on both
 * databases: workspace B neither sees nor decides A's suggestions, nor confirms A's import, even
 * with the same admin id and numbers; what B does stays in B.
 */
class ContributionScopeTest {
    private static final MarkupRenderer PLAIN = new MarkupRenderer(Markup.PLAIN);
    private static final ChannelRef A = TestBot.channel("study");
    private static final ChannelRef B = new ChannelRef(TestBot.PLATFORM, "W-OTHER", "study");
    private static final Actor ADMIN = new Actor("ada", "ada", true, Set.of());
    private static final Actor MEMBER = Actor.member("bob", "bob");

    @TempDir
    static Path dir;

    static Stream<Arguments> databases() {
        return Stream.of(Arguments.of("sqlite"), Arguments.of("postgres"));
    }

    private static Wiring.Options options(String database) {
        if (database.equals("sqlite")) {
            return Wiring.Options.of(TestBot.config(Map.of()), Clock.systemUTC()).withPaths(dir.resolve("scope-" + System.nanoTime() + ".db"),
                    TestBot.TEST_BANK);
        }
        return Wiring.Options.of(TestBot.config(Map.of("STUDYBOT_DATABASE_URL", Postgres.database("scope"))), Clock.systemUTC())
                .withPaths(null, TestBot.TEST_BANK).withDatabaseLogin(new Wiring.DatabaseLogin(Postgres.USER, Postgres.PASSWORD));
    }

    private static String say(Wiring wiring, ChannelRef channel, Actor actor, String text) {
        return PLAIN.render(wiring.bot().handleText(channel, actor, text).reply());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anotherWorkspaceNeitherSeesNorActsOnSuggestionsOrImports(String database) throws Exception {
        byte[] list = Files.readAllBytes(Path.of("src/test/resources/import/chat/team-list.md"));
        try (Wiring wiring = new Wiring(options(database))) {
            FakePlatform platform = new FakePlatform(TestBot.PLATFORM);
            wiring.register(platform);
            wiring.start();

            assertThat(say(wiring, A, MEMBER, "/study suggest What is label smoothing?")).contains("#1");
            assertThat(say(wiring, B, ADMIN, "/study suggestions")).contains("No suggestions are waiting");
            assertThat(say(wiring, B, ADMIN, "/study suggestions decline 1 not ours")).contains("no suggestion #1 waiting");
            assertThat(say(wiring, B, ADMIN, "/study suggestions approve 1")).contains("no suggestion #1 waiting");
            assertThat(platform.told()).isEmpty();

            Upload file = new Upload("team.md", list.length, limit -> Arrays.copyOf(list, (int) Math.min(list.length, limit + 1)));
            Reply report = wiring.bot().handle(new Command(A, ADMIN, new Action.BankImport(Optional.empty(), Optional.of(file)))).reply();
            assertThat(report).isInstanceOf(Reply.ImportChecked.class);
            assertThat(say(wiring, B, ADMIN, "/study bank import confirm")).contains("You have no import waiting");
            assertThat(say(wiring, B, MEMBER, "/study question gradient-clipping-needed")).contains("No question has the id");

            // B's own suggestion is B's #1; A's queue still holds only A's
            assertThat(say(wiring, B, MEMBER, "/study suggest Why normalize inputs?")).contains("#1");
            assertThat(say(wiring, A, ADMIN, "/study suggestions")).contains("label smoothing").doesNotContain("normalize inputs");

            assertThat(say(wiring, A, ADMIN, "/study bank import confirm")).contains("Stored 2 questions in deck imported");
            assertThat(say(wiring, A, MEMBER, "/study question gradient-clipping-needed")).contains("gradient clipping");
            assertThat(say(wiring, B, MEMBER, "/study question gradient-clipping-needed")).contains("No question has the id");
            assertThat(say(wiring, A, ADMIN, "/study suggestions decline 1 covered in week 2")).contains("Declined suggestion #1");
            assertThat(platform.told()).singleElement().satisfies(t -> assertThat(t.workspace()).isEqualTo(A.workspaceRef()));
            assertThat(say(wiring, B, ADMIN, "/study suggestions")).contains("normalize inputs");
        }
    }
}
