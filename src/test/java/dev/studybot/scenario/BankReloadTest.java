package dev.studybot.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.studybot.domain.Question;
import dev.studybot.domain.Reply;
import dev.studybot.domain.SearchHit;
import dev.studybot.domain.TopicCount;
import dev.studybot.port.in.DailyPostUseCase;
import dev.studybot.support.MutableClock;
import dev.studybot.support.TestBot;
import dev.studybot.wiring.Wiring;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The question folder changes while the bot runs, over a real SQLite file: {@code /study bank
 * reload} and the folder's watcher take the new files, a broken file keeps its last good version,
 * the open post keeps its question, and search sees what was reloaded.
 */
class BankReloadTest {
    private static final Instant MONDAY = Instant.parse("2026-11-16T09:00:00Z");
    private static final String NEW_QUESTION = """
              - id: attn-heads
                question: Why does a Transformer use several attention heads?
                level: intermediate
                answer: |
                  Each head attends in its own learned subspace, so the layer can follow several kinds of
                  relation between tokens at once.
                key_points:
                  - [own learned subspace, subspaces]
                  - [several kinds of relation, different relations]
                tags: [attention, multi-head]
            """;

    @TempDir
    Path dir;
    private Path questions;
    private MutableClock clock;
    private TestBot bot;

    @BeforeEach
    void start() throws IOException {
        questions = Files.createDirectory(dir.resolve("questions"));
        try (Stream<Path> files = Files.list(TestBot.TEST_BANK)) {
            for (Path f : files.toList()) {
                Files.copy(f, questions.resolve(f.getFileName()));
            }
        }
        clock = new MutableClock(MONDAY);
        bot = bot(Wiring.Options::withoutBankWatch);
    }

    private TestBot bot(UnaryOperator<Wiring.Options> tweak) {
        return new TestBot(dir.resolve("studybot.db"), questions, clock, tweak);
    }

    @AfterEach
    void close() {
        bot.close();
    }

    @Test
    void aReloadTakesTheNewFilesKeepsABrokenOnesLastGoodVersionAndTheOpenPostsQuestion() throws IOException {
        bot.sayAsAdmin("ada", "study", "/study schedule set daily 09:00 UTC topic:Regularization");
        assertThat(bot.wiring().dailyPosts().postScheduled(TestBot.channel("study"), MONDAY)).isEqualTo(DailyPostUseCase.Outcome.POSTED);
        Question open = ((Reply.QuestionCard) bot.say("bob", "study", "/study today").reply()).question();
        assertThat(open.topic()).isEqualTo("Regularization");
        assertThat(search("positional encoding")).contains("attn-positional");

        // the open post's file broken, and another file with one question gone and one new
        Path regularization = questions.resolve("regularization.yaml");
        Files.writeString(regularization, Files.readString(regularization).replaceFirst("level: basic", "level: [basic"));
        Path transformers = questions.resolve("transformers.yaml");
        String attention = Files.readString(transformers);
        Files.writeString(transformers, attention.substring(0, attention.indexOf("  - id: attn-positional")) + NEW_QUESTION);

        String report = bot.text(bot.sayAsAdmin("ada", "study", "/study bank reload"));
        assertThat(report).contains("Question bank reloaded: 8 questions in 3 topics · 1 new, 0 changed, 1 removed.",
                "Removed: attn-positional.", "The last good version stays live for " + regularization + ".",
                "1 problem:\n• " + regularization + ":");
        assertThat(report).containsPattern(java.util.regex.Pattern.quote(regularization.toString()) + ":\\d+: YAML syntax");

        // the open post is answered as before; the new question is found, the removed one only by its id
        assertThat(bot.say("bob", "study", "/study answer " + String.join(". ", open.keyPoints().get(0).phrasings())).reply())
                .isInstanceOf(Reply.Graded.class);
        assertThat(bot.say("bob", "study", "/study question attn-heads").reply()).isInstanceOf(Reply.QuestionCard.class);
        assertThat(search("several attention heads")).first().isEqualTo("attn-heads");
        assertThat(search("positional encoding")).doesNotContain("attn-positional");
        assertThat(bot.say("bob", "study", "/study question attn-positional").reply()).isInstanceOf(Reply.QuestionCard.class);
        assertThat(bot.wiring().bank().all()).extracting(Question::id).doesNotContain("attn-positional").contains(open.id(), "attn-heads");
        assertThat(((Reply.Topics) bot.say("bob", "study", "/study topics").reply()).topics()).extracting(TopicCount::total)
                .containsExactly(2, 3, 3);

        // fixed, with one question reworded: it changes in place under the same id
        Files.writeString(regularization, Files.readString(TestBot.TEST_BANK.resolve("regularization.yaml"))
                .replace("How do L1 and L2 regularization differ?", "How do L1 and L2 penalties differ?"));
        assertThat(bot.text(bot.sayAsAdmin("ada", "study", "/study bank reload")))
                .contains("8 questions in 3 topics · 0 new, 1 changed, 0 removed.").doesNotContain("problem", "last good version");
        assertThat(((Reply.QuestionCard) bot.say("bob", "study", "/study question reg-l1-l2").reply()).question().text())
                .isEqualTo("How do L1 and L2 penalties differ?");

        // after a restart, an id that left the files is gone
        bot.restart();
        assertThat(bot.say("bob", "study", "/study question attn-positional").reply()).isInstanceOf(Reply.Error.class);
        assertThat(bot.say("bob", "study", "/study today").reply()).isInstanceOf(Reply.QuestionCard.class);
    }

    @Test
    void aFolderWithNoQuestionLeftChangesNothing() throws IOException {
        try (Stream<Path> files = Files.list(questions)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        assertThat(bot.text(bot.sayAsAdmin("ada", "study", "/study bank reload")))
                .contains("Nothing was reloaded: the question files hold no question now, so the bank stays as it was.");
        assertThat(bot.wiring().bank().all()).hasSize(8);
    }

    @Test
    void theWatcherReloadsAChangedFolderAndABrokenFileKeepsItsLastGoodVersion() throws IOException {
        bot.close();
        bot = bot(UnaryOperator.identity());
        Path extra = questions.resolve("extra.yaml");
        Files.writeString(extra, "topic: Attention and Transformers\nquestions:\n" + NEW_QUESTION);
        await().atMost(Duration.ofSeconds(20)).until(() -> bot.say("bob", "study", "/study question attn-heads").reply()
                instanceof Reply.QuestionCard);
        assertThat(search("several attention heads")).first().isEqualTo("attn-heads");

        // broken, then another file: the reload that sees the second has read the broken one
        Files.writeString(extra, "topic: Attention and Transformers\nquestions:\n  - id: [attn-heads\n");
        Files.writeString(questions.resolve("more.yaml"), "topic: Attention and Transformers\nquestions:\n"
                + NEW_QUESTION.replace("attn-heads", "attn-more"));
        await().atMost(Duration.ofSeconds(20)).until(() -> bot.wiring().bank().all().stream().anyMatch(q -> q.id().equals("attn-more")));
        assertThat(bot.wiring().bank().all()).extracting(Question::id).contains("attn-heads", "attn-more");
    }

    private List<String> search(String words) {
        return ((Reply.SearchResults) bot.say("bob", "study", "/study search " + words).reply()).hits().stream()
                .map(SearchHit::question).map(Question::id).toList();
    }
}
