package dev.studybot.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studybot.domain.Reply;
import dev.studybot.port.in.Response;
import dev.studybot.port.in.Visibility;
import dev.studybot.support.MutableClock;
import dev.studybot.support.TestBot;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gets a clear, specific reply, only to the asker, and changes nothing. */
class BadInputTest {
    @TempDir
    Path dir;
    TestBot bot;

    @BeforeEach
    void boot() {
        bot = new TestBot(dir, new MutableClock(Instant.parse("2026-11-16T09:00:00Z")));
    }

    @AfterEach
    void close() {
        bot.close();
    }

    private String error(Response response) {
        assertThat(response.reply()).isInstanceOf(Reply.Error.class);
        assertThat(response.ephemeral()).as("errors go to the asker only").isTrue();
        return ((Reply.Error) response.reply()).text();
    }

    @Test
    void unknownSubcommandsAreNamedWithASuggestion() {
        assertThat(error(bot.say("bob", "c", "/study serch dropout"))).contains("Unknown command 'serch'").contains("Did you mean 'search'?");
        assertThat(error(bot.say("bob", "c", "/study team explode"))).contains("Unknown team subcommand 'explode'");
        assertThat(error(bot.say("bob", "c", "/study schedule sett daily 09:00"))).contains("Did you mean 'set'?");
        assertThat(error(bot.say("bob", "c", "/study leaderboard yesterday"))).contains("'yesterday' is not a leaderboard period");
    }

    @Test
    void missingArgumentsSayWhatIsNeeded() {
        assertThat(error(bot.say("bob", "c", "/study question"))).contains("/study question needs a question id");
        assertThat(error(bot.say("bob", "c", "/study search"))).contains("/study search needs words");
        assertThat(error(bot.say("bob", "c", "/study team create"))).contains("needs a team name");
        assertThat(error(bot.say("bob", "c", "/study team"))).contains("create, join, leave or list");
        assertThat(error(bot.sayAsAdmin("ada", "c", "/study schedule set"))).contains("needs a time");
        assertThat(error(bot.sayAsAdmin("ada", "c", "/study season start"))).contains("needs a season name");
    }

    @Test
    void anUnknownQuestionIdSuggestsTheClosest() {
        assertThat(error(bot.say("bob", "c", "/study question reg-dropot"))).contains("No question has the id 'reg-dropot'")
                .contains("Did you mean reg-dropout?");
        assertThat(error(bot.say("bob", "c", "/study reveal no-such-id"))).contains("No question has the id 'no-such-id'");
    }

    @Test
    void ftsSyntaxInSearchWordsIsSearchedAsText() {
        for (String words : new String[] {"\"", "dropout AND(", "*", "NEAR(dropout chain, 2)", "\"unbalanced quote", "^col:dropout", "dropout OR"}) {
            Response response = bot.say("bob", "c", "/study search " + words);
            assertThat(response.reply()).as(words).isInstanceOfAny(Reply.SearchResults.class, Reply.Error.class);
            if (response.reply() instanceof Reply.Error e) {
                assertThat(e.text()).contains("at least one word");
            }
        }
        Reply.SearchResults hits = (Reply.SearchResults) bot.say("bob", "c", "/study search dropout AND(").reply();
        assertThat(hits.hits()).extracting(h -> h.question().id()).first().isEqualTo("reg-dropout");
        Reply.SearchResults near = (Reply.SearchResults) bot.say("bob", "c", "/study search NEAR(chain rule)").reply();
        assertThat(near.hits()).extracting(h -> h.question().id()).contains("fund-backprop");
    }

    @Test
    void anOverlongAnswerIsRefusedAndNothingIsRecorded() {
        bot.sayAsAdmin("ada", "c", "/study post");
        String error = error(bot.say("bob", "c", "/study answer " + "x".repeat(10_000)));
        assertThat(error).contains("10,000 characters").contains("limit is 4,000").contains("Nothing was recorded");
        assertThat(bot.text(bot.say("bob", "c", "/study stats"))).contains("0 points · 0 answers");
    }

    @Test
    void badTeamNamesAreRefused() {
        assertThat(error(bot.say("bob", "c", "/study team create " + "a".repeat(200)))).contains("at most 32 characters").contains("has 200");
        assertThat(error(bot.say("bob", "c", "/study team create @everyone"))).contains("cannot contain mentions");
        assertThat(error(bot.say("bob", "c", "/study team create <!channel> team"))).contains("cannot contain mentions");
        assertThat(error(bot.say("bob", "c", "/study team create <@U123>"))).contains("cannot contain mentions");
        assertThat(error(bot.say("bob", "c", "/study team create **bold**"))).contains("letters, digits");
        assertThat(bot.text(bot.say("bob", "c", "/study team list"))).contains("No teams yet");
    }

    @Test
    void aTakenTeamNameIsRefusedWhateverItsCase() {
        bot.say("alice", "c", "/study team create Tensors");
        // only the store knows the name is taken, so the refusal is said where team create answers: in the channel
        Response taken = bot.say("bob", "c", "/study team create tensors");
        assertThat(taken.reply()).isInstanceOf(Reply.Error.class);
        assertThat(taken.visibility()).isEqualTo(Visibility.CHANNEL);
        assertThat(((Reply.Error) taken.reply()).text()).contains("already exists").contains("join it");
        assertThat(bot.text(bot.say("bob", "c", "/study team list"))).contains("Tensors (1 member)");
    }

    @Test
    void invalidTimezonesAndCronsAreExplainedAndNothingIsScheduled() {
        assertThat(error(bot.sayAsAdmin("ada", "c", "/study schedule set daily 09:00 Mars/Olympus_Mons"))).contains("Unknown timezone 'Mars/Olympus_Mons'");
        assertThat(error(bot.sayAsAdmin("ada", "c", "/study schedule set daily 25:00"))).contains("'25:00' is not a time of day");
        assertThat(error(bot.sayAsAdmin("ada", "c", "/study schedule set 0 0 0 30 2 ?"))).contains("never fires");
        assertThat(error(bot.sayAsAdmin("ada", "c", "/study schedule set 0 0 9 ? * MON-FRI 1999"))).contains("never fires");
        assertThat(error(bot.sayAsAdmin("ada", "c", "/study schedule set 0 99 9 * * ?"))).contains("not a valid cron expression");
        assertThat(error(bot.sayAsAdmin("ada", "c", "/study schedule set fortnightly 09:00"))).contains("is not a day list");
        assertThat(error(bot.sayAsAdmin("ada", "c", "/study schedule set 0 9 * * 1-5"))).contains("name the days");
        assertThat(bot.text(bot.say("x", "c", "/study schedule show"))).contains("No daily question is scheduled");
        assertThat(bot.wiring().scheduler().next(TestBot.channel("c"))).isEmpty();
    }

    @Test
    void membersCannotRunAdminCommands() {
        for (String command : new String[] {"/study schedule set daily 09:00", "/study schedule off", "/study post",
                "/study season start Spring", "/study season end"}) {
            assertThat(error(bot.say("bob", "c", command))).as(command).contains("Only admins can do that").contains("Nothing was changed");
        }
        assertThat(bot.text(bot.say("x", "c", "/study schedule show"))).contains("No daily question is scheduled");
        assertThat(bot.platform().dailyPosts()).isEmpty();
        // the leaderboard answers the channel; that no season ran is the store's to say, so the channel sees it too
        Response board = bot.say("bob", "c", "/study leaderboard season");
        assertThat(board.visibility()).isEqualTo(Visibility.CHANNEL);
        assertThat(bot.text(board)).contains("No season");
    }

    @Test
    void aConfiguredRoleMakesAMemberAnAdmin() {
        Response response = bot.wiring().bot().handleText(TestBot.channel("c"),
                new dev.studybot.domain.Actor("carol", "carol", false, java.util.Set.of("StudyBot-Admin")), "/study post");
        assertThat(response.reply()).isInstanceOf(Reply.Notice.class);
        assertThat(bot.platform().dailyPosts()).hasSize(1);
    }

    @Test
    void answeringOrRevealingWithoutAPostSaysSo() {
        assertThat(error(bot.say("bob", "c", "/study answer something"))).contains("No question has been posted in this channel yet");
        assertThat(error(bot.say("bob", "c", "/study reveal"))).contains("No question has been posted");
        assertThat(error(bot.say("bob", "c", "/study random quantum-chemistry"))).contains("No topic matches");
        assertThat(error(bot.say("bob", "c", "/study stats nobody"))).contains("No member called 'nobody'");
    }
}
