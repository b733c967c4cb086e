package dev.studybot.platform.slack;

import static dev.studybot.platform.slack.SlackTestBot.ADMIN;
import static dev.studybot.platform.slack.SlackTestBot.CHANNEL;
import static dev.studybot.platform.slack.SlackTestBot.GROUP_ADMIN;
import static dev.studybot.platform.slack.SlackTestBot.MEMBER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.studybot.domain.KeyPoint;
import dev.studybot.domain.Question;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real Bolt app in Socket Mode against the emulator: posts, buttons, the modal, rights, escaping, outages. */
class SlackSocketModeTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** A ping Slack would act on: a special mention, or a bare broadcast word. */
    static final Pattern PING = Pattern.compile("<!|<@|<#|@(?i:channel|here|everyone)\\b");

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

    /** Sends a slash command, checks it was acked, and returns what the app said through its response_url. */
    private SlackEmulator.Responded command(SlackEmulator.Member who, String text) throws Exception {
        SlackRequests.Request r = bot.slack.slash(who, CHANNEL, text);
        bot.slack.overSocket(r).get(5, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> !bot.emu.responsesTo(r.responseUrl()).isEmpty());
        return bot.emu.responsesTo(r.responseUrl()).get(0);
    }

    private SlackEmulator.Posted awaitCard(int index) {
        await().atMost(WAIT).until(() -> cards().size() > index);
        return cards().get(index);
    }

    private List<SlackEmulator.Posted> cards() {
        return bot.emu.postsIn(CHANNEL).stream().filter(p -> p.threadTs() == null).toList();
    }

    private Question questionOf(SlackEmulator.Posted card) {
        String text = card.allText();
        return bot.wiring.bank().all().stream().filter(q -> text.contains("`" + q.id() + "`")).findFirst().orElseThrow();
    }

    @Test
    void aScheduledPostIsBlockKitWithQuestionTopicLevelIdAndBothButtons() throws Exception {
        SlackEmulator.Responded set = command(ADMIN, "schedule set daily 09:00 UTC");
        assertThat(set.allText()).contains("Daily question");
        bot.wiring.scheduler().fire(bot.channel(), Instant.now().truncatedTo(ChronoUnit.SECONDS));

        SlackEmulator.Posted card = awaitCard(0);
        Question q = questionOf(card);
        JsonNode blocks = card.blocks();
        assertThat(blocks.get(0).path("type").asText()).isEqualTo("section");
        assertThat(blocks.get(0).path("text").path("type").asText()).isEqualTo("mrkdwn");
        assertThat(blocks.get(0).path("text").path("verbatim").asBoolean()).isTrue();
        assertThat(card.allText()).contains("Question of the day", SlackMarkup.escape(q.text()), SlackMarkup.escape(q.topic()),
                q.level().label(), q.id());
        JsonNode actions = blocks.get(blocks.size() - 1);
        assertThat(actions.path("type").asText()).isEqualTo("actions");
        List<String> labels = new ArrayList<>();
        actions.path("elements").forEach(b -> labels.add(b.path("action_id").asText() + "=" + b.path("text").path("text").asText()));
        assertThat(labels).containsExactly("studybot-answer=Answer", "studybot-reveal=Reveal answer");
        assertThat(actions.path("elements").get(0).path("value").asText()).matches("\\d+")
                .isEqualTo(actions.path("elements").get(1).path("value").asText());
        assertThat(card.text()).contains(q.id());
    }

    @Test
    void aMemberAnswersThroughTheModalIsGradedAndTheResultsCloseInTheThread() throws Exception {
        command(ADMIN, "post");
        SlackEmulator.Posted card = awaitCard(0);
        Question q = questionOf(card);

        SlackRequests.Request click = bot.slack.button(MEMBER, card, SlackRenderer.ANSWER_ACTION);
        bot.slack.overSocket(click).get(5, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> bot.emu.views.stream().anyMatch(v -> v.triggerId().equals(click.triggerId())));
        SlackEmulator.OpenedView modal = bot.emu.views.get(0);
        assertThat(modal.view().path("callback_id").asText()).isEqualTo(SlackRenderer.ANSWER_FORM);
        assertThat(SlackEmulator.texts(modal.view().path("blocks"))).contains(SlackMarkup.escape(q.text()));
        JsonNode input = modal.view().path("blocks").get(2);
        assertThat(input.path("type").asText()).isEqualTo("input");
        assertThat(input.path("element").path("max_length").asInt()).isBetween(1, SlackRenderer.INPUT_LIMIT);

        List<KeyPoint> points = q.keyPoints();
        String answer = "My answer: " + points.get(0).phrasings().get(0) + ", and also " + points.get(1).phrasings().get(0) + ".";
        bot.slack.overSocket(bot.slack.submit(MEMBER, modal, answer)).get(5, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> !bot.emu.responsesTo(click.responseUrl()).isEmpty());
        SlackEmulator.Responded graded = bot.emu.responsesTo(click.responseUrl()).get(0);
        assertThat(graded.responseType()).isEqualTo("ephemeral");
        assertThat(graded.allText()).contains("You covered", "of " + points.size(), "points");

        command(ADMIN, "post");
        await().atMost(WAIT).until(() -> bot.emu.postsIn(CHANNEL).stream().anyMatch(p -> card.ts().equals(p.threadTs())));
        SlackEmulator.Posted results = bot.emu.postsIn(CHANNEL).stream().filter(p -> card.ts().equals(p.threadTs())).findFirst().orElseThrow();
        assertThat(results.allText()).contains("Closed", "Results", "bob", "What a full answer shows");
        assertThat(cards()).hasSize(2);
    }

    @Test
    void answerWithoutTextOpensTheFormAndTheGradeComesBackToTheCommand() throws Exception {
        command(ADMIN, "post");
        awaitCard(0);
        SlackRequests.Request typed = bot.slack.slash(MEMBER, CHANNEL, "answer");
        bot.slack.overSocket(typed).get(5, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> bot.emu.views.stream().anyMatch(v -> v.triggerId().equals(typed.triggerId())));
        SlackEmulator.OpenedView modal = bot.emu.views.get(0);
        bot.slack.overSocket(bot.slack.submit(MEMBER, modal, "no idea")).get(5, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> !bot.emu.responsesTo(typed.responseUrl()).isEmpty());
        SlackEmulator.Responded graded = bot.emu.responsesTo(typed.responseUrl()).get(0);
        assertThat(graded.responseType()).isEqualTo("ephemeral");
        assertThat(graded.allText()).contains("You covered *0 of");
    }

    @Test
    void revealIsEphemeralToWhoeverClicked() throws Exception {
        command(ADMIN, "post");
        SlackEmulator.Posted card = awaitCard(0);
        int before = bot.emu.posts.size();

        SlackRequests.Request click = bot.slack.button(MEMBER, card, SlackRenderer.REVEAL_ACTION);
        bot.slack.overSocket(click).get(5, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> !bot.emu.responsesTo(click.responseUrl()).isEmpty());
        SlackEmulator.Responded reveal = bot.emu.responsesTo(click.responseUrl()).get(0);
        assertThat(reveal.responseType()).isEqualTo("ephemeral");
        assertThat(reveal.body().path("replace_original").asBoolean(true)).isFalse();
        assertThat(reveal.allText()).contains("Model answer", questionOf(card).id(), "no points");
        assertThat(bot.emu.posts).hasSize(before);
    }

    @Test
    void adminCommandsNeedAWorkspaceAdminOrTheConfiguredUserGroup() throws Exception {
        SlackEmulator.Responded refused = command(MEMBER, "schedule set daily 09:00");
        assertThat(refused.responseType()).isEqualTo("ephemeral");
        assertThat(refused.allText()).contains("Only admins").contains("Nothing was changed");
        assertThat(bot.wiring.scheduler().next(bot.channel())).isEmpty();
        assertThat(command(MEMBER, "post").allText()).contains("Only admins");
        assertThat(bot.emu.postsIn(CHANNEL)).isEmpty();

        assertThat(command(GROUP_ADMIN, "schedule set weekdays 09:30 Europe/Berlin").allText()).contains("Daily question");
        assertThat(bot.wiring.scheduler().next(bot.channel())).isPresent();
        assertThat(command(ADMIN, "schedule off").allText()).doesNotContain("Only admins");
        assertThat(bot.wiring.scheduler().next(bot.channel())).isEmpty();
    }

    @Test
    void mentionsInTeamNamesAndDisplayNamesNeverPing() throws Exception {
        // Slack sends what was typed as @channel in a command as <!channel>
        SlackEmulator.Responded refused = command(MEMBER, "team create <!channel> crew");
        assertThat(refused.allText()).contains("cannot contain mentions");
        SlackEmulator.Responded typed = command(MEMBER, "team create &lt;!here&gt; &amp; co");
        assertThat(typed.allText()).contains("cannot contain mentions");
        assertThat(command(MEMBER, "team list").allText()).contains("No teams yet");

        SlackEmulator.Member mallory = new SlackEmulator.Member("U0MALLORY", "mallory", "<!everyone> Mallory <@U0ADMIN> <!subteam^S1>", false, false);
        bot.emu.addMember(mallory);
        SlackEmulator.Responded created = command(mallory, "team create Crew");
        assertThat(created.responseType()).isEqualTo("in_channel");
        assertThat(created.allText()).contains("Mallory", "Crew", "&lt;");
        // typed as "zebra & <b>", sent by Slack with entities, shown as typed
        assertThat(command(MEMBER, "search zebra &amp; &lt;b&gt;").allText()).contains("zebra &amp; &lt;b&gt;");

        List<String> everything = new ArrayList<>();
        bot.emu.responses.forEach(r -> everything.add(r.allText()));
        bot.emu.posts.forEach(p -> everything.add(p.allText()));
        assertThat(everything).isNotEmpty().allSatisfy(text -> assertThat(PING.matcher(text).find()).as(text).isFalse());
    }

    @Test
    void aRedeliveredEnvelopeIsAckedButNotActedOnTwice() throws Exception {
        command(ADMIN, "post");
        SlackEmulator.Posted card = awaitCard(0);
        SlackRequests.Request click = bot.slack.button(MEMBER, card, SlackRenderer.REVEAL_ACTION);
        bot.slack.overSocket(click).get(5, TimeUnit.SECONDS);
        bot.slack.overSocketAgain(click, 1).get(5, TimeUnit.SECONDS);
        // a later request of the same member runs after the first one: once it is answered, so is the first
        SlackEmulator.Responded later = command(MEMBER, "topics");
        assertThat(later.allText()).contains("topics");
        assertThat(bot.emu.responsesTo(click.responseUrl())).hasSize(1);
    }

    @Test
    void aPostDueWhileTheConnectionIsDroppedGoesOutOnceWhenSlackIsBack() throws Exception {
        command(ADMIN, "schedule set daily 09:00 UTC");
        int connections = bot.emu.socket.connectionsOpened();
        bot.emu.outage(true);
        // the post comes due during the outage, and Slack does not take it
        bot.wiring.scheduler().fire(bot.channel(), Instant.now().truncatedTo(ChronoUnit.SECONDS));
        await().atMost(WAIT).until(() -> bot.emu.calls.contains("chat.postMessage"));
        assertThat(bot.emu.posts).isEmpty();
        bot.emu.outage(false);

        SlackEmulator.Posted card = awaitCard(0);
        assertThat(card.blocks().toString()).contains(SlackRenderer.ANSWER_ACTION);
        await().atMost(Duration.ofSeconds(40)).until(() -> bot.emu.socket.connectionsOpened() > connections && bot.emu.socket.connected());
        assertThat(command(MEMBER, "today").allText()).contains(questionOf(card).id());
        assertThat(cards()).hasSize(1);
    }
}
