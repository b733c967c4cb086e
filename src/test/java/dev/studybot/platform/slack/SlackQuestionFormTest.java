package dev.studybot.platform.slack;

import static dev.studybot.platform.slack.SlackTestBot.ADMIN;
import static dev.studybot.platform.slack.SlackTestBot.CHANNEL;
import static dev.studybot.platform.slack.SlackTestBot.MEMBER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.studybot.analysis.LuceneTextAnalysis;
import dev.studybot.bank.BankCodec;
import dev.studybot.domain.QuestionDraft.Field;
import dev.studybot.port.out.QuestionCodec;
import dev.studybot.support.TeamQuestion;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The team's own questions on Slack, through Bolt in Socket Mode against the emulator: the question
 * form opens with views.open, a submission's problems come back in the ack as errors under each
 * input block (the modal stays open with what was typed), edit opens it filled in, and an exported
 * deck goes to the asker's direct messages as a file.
 */
class SlackQuestionFormTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    static final String QUESTION = TeamQuestion.QUESTION;
    static final String ANSWER = TeamQuestion.ANSWER;
    static final String CLAIMS = TeamQuestion.CLAIMS;

    @TempDir
    Path dir;
    SlackTestBot bot;

    @BeforeEach
    void start() throws Exception {
        bot = SlackTestBot.socketMode(dir);
        await().atMost(WAIT).until(bot.emu.socket::connected);
    }

    @AfterEach
    void stop() throws Exception {
        bot.close();
    }

    private SlackEmulator.Responded command(SlackEmulator.Member who, String text) throws Exception {
        return bot.command(who, text);
    }

    /** Opens the form with a slash command; the view Slack was asked to open. */
    private SlackEmulator.OpenedView open(String text) throws Exception {
        int before = bot.emu.views.size();
        bot.slack.overSocket(bot.slack.slash(ADMIN, CHANNEL, text)).get(5, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> bot.emu.views.size() > before);
        return bot.emu.views.get(before);
    }

    private static Map<String, String> typed(String question, String answer, String claims, String topic, String details) {
        return TeamQuestion.fields(SlackRenderer::questionBlock, question, answer, claims, topic, details);
    }

    private JsonNode submit(SlackEmulator.Member who, SlackEmulator.OpenedView view, Map<String, String> values) throws Exception {
        return bot.slack.overSocket(bot.slack.submit(who, view, values)).get(5, TimeUnit.SECONDS).payload();
    }

    private static Map<String, String> initialValues(JsonNode view) {
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode block : view.path("blocks")) {
            out.put(block.path("block_id").asText(), block.path("element").path("initial_value").asText(""));
        }
        return out;
    }

    @Test
    void problemsComeBackUnderTheirFieldsAndAGoodFormIsStored() throws Exception {
        SlackEmulator.OpenedView form = open("question add");
        assertThat(form.view().path("callback_id").asText()).isEqualTo(SlackRenderer.QUESTION_FORM);
        assertThat(form.view().path("title").path("text").asText()).isEqualTo("New question · team");
        assertThat(form.view().path("blocks")).hasSize(5);

        JsonNode rejected = submit(ADMIN, form, typed(QUESTION, ANSWER, "Gradients are clipped. | gradient clipping", "", "level: basic"));
        assertThat(rejected.path("response_action").asText()).isEqualTo("errors");
        assertThat(rejected.path("errors").path(SlackRenderer.questionBlock(Field.TOPIC)).asText()).contains("topic");
        assertThat(rejected.path("errors").path(SlackRenderer.questionBlock(Field.CLAIMS)).isMissingNode()).isTrue();
        JsonNode claims = submit(ADMIN, form, typed(QUESTION, ANSWER, "Gradients are clipped. | gradient clipping", "Team Practices", "basic"));
        assertThat(claims.path("errors").path(SlackRenderer.questionBlock(Field.CLAIMS)).asText()).contains("does not occur in the answer");
        assertThat(command(MEMBER, "decks").allText()).doesNotContain("`team`");

        JsonNode saved = submit(ADMIN, form, typed(QUESTION, ANSWER, CLAIMS, "Team Practices", "level: basic\nid: team-review"));
        assertThat(saved.path("response_action").isMissingNode()).as("the modal closes").isTrue();
        await().atMost(WAIT).until(() -> bot.emu.ephemerals.stream().anyMatch(e -> e.allText().contains("Added the question team-review"))
                || bot.emu.responses.stream().anyMatch(r -> r.allText().contains("Added the question team-review")));
        assertThat(command(MEMBER, "question team-review").allText()).contains(QUESTION);
    }

    @Test
    void aMemberGetsNoFormAndASubmissionFromAMemberStoresNothing() throws Exception {
        SlackEmulator.OpenedView form = open("question add");
        assertThat(command(MEMBER, "question add").allText()).contains("Only admins");
        assertThat(bot.emu.views).hasSize(1);
        JsonNode refused = submit(MEMBER, form, typed(QUESTION, ANSWER, CLAIMS, "Team Practices", "level: basic"));
        assertThat(refused.path("errors").path(SlackRenderer.questionBlock(Field.QUESTION)).asText()).contains("Only admins");
        assertThat(command(MEMBER, "decks").allText()).doesNotContain("`team`");
    }

    @Test
    void editOpensTheFormFilledInAndExportSendsTheDeckToDirectMessages() throws Exception {
        submit(ADMIN, open("question add"), typed(QUESTION, ANSWER, CLAIMS, "Team Practices", "level: basic\nid: team-review"));
        await().atMost(WAIT).until(() -> command(MEMBER, "decks").allText().contains("1 question"));

        SlackEmulator.OpenedView edit = open("question edit team-review");
        Map<String, String> filled = initialValues(edit.view());
        assertThat(filled.get(SlackRenderer.questionBlock(Field.QUESTION))).isEqualTo(QUESTION);
        assertThat(filled.get(SlackRenderer.questionBlock(Field.DETAILS))).contains("id: team-review");
        assertThat(edit.view().path("title").path("text").asText()).hasSizeLessThanOrEqualTo(SlackRenderer.TITLE_LIMIT);
        filled.put(SlackRenderer.questionBlock(Field.ANSWER), ANSWER + " Reviews also spread knowledge.");
        assertThat(submit(ADMIN, edit, filled).path("response_action").isMissingNode()).isTrue();

        SlackEmulator.Responded export = command(ADMIN, "bank export team");
        assertThat(export.responseType()).isEqualTo("ephemeral");
        assertThat(export.allText()).contains("team.yaml").contains("direct messages");
        SlackEmulator.Shared file = bot.emu.files.stream().filter(f -> f.filename().equals("team.yaml")).findFirst().orElseThrow();
        assertThat(file.channel()).isEqualTo("D" + ADMIN.id());
        QuestionCodec.Decoded back = new BankCodec(new LuceneTextAnalysis()).decode("team.yaml", new String(file.bytes(), StandardCharsets.UTF_8));
        assertThat(back.problems()).isEmpty();
        assertThat(back.questions()).singleElement().satisfies(q -> assertThat(q.answer()).contains("spread knowledge"));
    }
}
