package dev.studybot.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studybot.domain.Actor;
import dev.studybot.domain.ChannelRef;
import dev.studybot.domain.QuestionDraft;
import dev.studybot.domain.Reply;
import dev.studybot.domain.words.Markup;
import dev.studybot.domain.words.MarkupRenderer;
import dev.studybot.port.in.Action;
import dev.studybot.port.in.Command;
import dev.studybot.support.FakePlatform;
import dev.studybot.support.Postgres;
import dev.studybot.support.TestBot;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One workspace's own decks and questions, written through the question form on the production
 * wiring, are invisible to another workspace and cannot be changed from it: on SQLite and on
 * PostgreSQL alike.
 */
class OwnQuestionsScopingTest {
    private static final MarkupRenderer PLAIN = new MarkupRenderer(Markup.PLAIN);
    private static final ChannelRef A = TestBot.channel("study");
    private static final ChannelRef B = new ChannelRef(TestBot.PLATFORM, "T-OTHER", "study");
    private static final Actor ADMIN_A = new Actor("ada", "ada", true, Set.of());
    private static final Actor ADMIN_B = new Actor("bea", "bea", true, Set.of());
    private static final String QUESTION = "Why do we review model changes before they ship?";

    @TempDir
    Path dir;

    @Test
    void onSqlite() {
        check(Wiring.Options.of(TestBot.config(Map.of()), Clock.systemUTC()).withPaths(dir.resolve("scoping.db"), TestBot.TEST_BANK));
    }

    @Test
    void onPostgres() {
        String url = Postgres.database("scoping");
        check(Wiring.Options.of(TestBot.config(Map.of("STUDYBOT_DATABASE_URL", url)), Clock.systemUTC())
                .withPaths(null, TestBot.TEST_BANK)
                .withDatabaseLogin(new Wiring.DatabaseLogin("postgres", "s3cret-pw")));
    }

    private static QuestionDraft draft(String question) {
        return new QuestionDraft("team", Optional.empty(), question,
                "A second engineer catches data leakage and silent metric regressions before users see them.",
                "A reviewer catches leaked test data. | data leakage; leaked test data", "Team Practices", "level: basic\nid: team-review");
    }

    private static void check(Wiring.Options options) {
        try (Wiring wiring = new Wiring(options)) {
            wiring.register(new FakePlatform(TestBot.PLATFORM));
            wiring.start();
            Reply saved = wiring.bot().handle(new Command(A, ADMIN_A, new Action.QuestionSubmit(draft(QUESTION)))).reply();
            assertThat(PLAIN.render(saved)).contains("Added the question team-review");

            // workspace A sees its question everywhere
            assertThat(say(wiring, A, ADMIN_A, "/study question team-review")).contains(QUESTION);
            assertThat(say(wiring, A, ADMIN_A, "/study search data leakage review")).contains("team-review");
            assertThat(say(wiring, A, ADMIN_A, "/study topics")).contains("Team Practices");
            assertThat(say(wiring, A, ADMIN_A, "/study random Team Practices")).contains(QUESTION);
            assertThat(say(wiring, A, ADMIN_A, "/study decks")).contains("team — 1 question");
            assertThat(say(wiring, A, ADMIN_A, "/study schedule set weekdays 09:30 deck:team")).contains("decks team");

            // workspace B sees none of it and can change none of it
            assertThat(say(wiring, B, ADMIN_B, "/study question team-review")).contains("No question has the id 'team-review'");
            assertThat(say(wiring, B, ADMIN_B, "/study search data leakage review")).doesNotContain("team-review");
            assertThat(say(wiring, B, ADMIN_B, "/study topics")).doesNotContain("Team Practices");
            assertThat(say(wiring, B, ADMIN_B, "/study random Team Practices")).contains("No topic matches");
            assertThat(say(wiring, B, ADMIN_B, "/study decks")).doesNotContain("team");
            assertThat(say(wiring, B, ADMIN_B, "/study question edit team-review")).contains("no question 'team-review' of its own");
            assertThat(say(wiring, B, ADMIN_B, "/study question remove team-review")).contains("no question 'team-review' of its own");
            assertThat(say(wiring, B, ADMIN_B, "/study bank export team")).contains("No deck is called 'team'");
            assertThat(say(wiring, B, ADMIN_B, "/study schedule set weekdays 09:30 deck:team")).contains("No deck is called 'team'");
            Reply editFromB = wiring.bot().handle(new Command(B, ADMIN_B,
                    new Action.QuestionSubmit(new QuestionDraft("team", Optional.of("team-review"), "Changed?", "x", "x | x", "x", "basic")))).reply();
            assertThat(PLAIN.render(editFromB)).contains("no question 'team-review' of its own");

            // B may use the same id and deck name for a question of its own; A's stays as it was
            String theirs = "What does a second pair of eyes find in a pull request?";
            assertThat(PLAIN.render(wiring.bot().handle(new Command(B, ADMIN_B, new Action.QuestionSubmit(draft(theirs)))).reply()))
                    .contains("Added the question team-review");
            assertThat(say(wiring, B, ADMIN_B, "/study question team-review")).contains(theirs);
            assertThat(say(wiring, A, ADMIN_A, "/study question team-review")).contains(QUESTION).doesNotContain(theirs);
            assertThat(say(wiring, B, ADMIN_B, "/study question remove team-review")).contains("Removed");
            assertThat(say(wiring, A, ADMIN_A, "/study decks")).contains("team — 1 question");
        }
    }

    private static String say(Wiring wiring, ChannelRef channel, Actor actor, String text) {
        return PLAIN.render(wiring.bot().handleText(channel, actor, text).reply());
    }
}
