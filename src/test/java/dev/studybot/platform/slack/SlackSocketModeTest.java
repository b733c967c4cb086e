package dev.studybot.platform.slack;

import static dev.studybot.platform.slack.SlackTestBot.ADMIN;
import static dev.studybot.platform.slack.SlackTestBot.CHANNEL;
import static dev.studybot.platform.slack.SlackTestBot.MEMBER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.studybot.domain.Question;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Bolt app in Socket Mode against the emulator, where Slack differs from other platforms:
 * Block Kit, Slack's markup in names and typed text, redelivered envelopes. The scenarios every
 * platform shares are in {@link SlackContractTest}.
 */
class SlackSocketModeTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

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
        return bot.command(who, text);
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
    void aPostIsBlockKitInVerbatimMrkdwnWithThePostIdOnBothButtons() throws Exception {
        command(ADMIN, "post");
        SlackEmulator.Posted card = awaitCard(0);
        Question q = questionOf(card);

        JsonNode blocks = card.blocks();
        assertThat(blocks.get(0).path("type").asText()).isEqualTo("section");
        assertThat(blocks.get(0).path("text").path("type").asText()).isEqualTo("mrkdwn");
        assertThat(blocks.get(0).path("text").path("verbatim").asBoolean()).isTrue();
        JsonNode actions = blocks.get(blocks.size() - 1);
        assertThat(actions.path("type").asText()).isEqualTo("actions");
        List<String> ids = new ArrayList<>();
        actions.path("elements").forEach(b -> ids.add(b.path("action_id").asText()));
        assertThat(ids).containsExactly(SlackRenderer.ANSWER_ACTION, SlackRenderer.REVEAL_ACTION);
        assertThat(actions.path("elements").get(0).path("value").asText()).matches("\\d+")
                .isEqualTo(actions.path("elements").get(1).path("value").asText());
        // the notification and screen-reader fallback names the question too
        assertThat(card.text()).contains(q.id());
    }

    @Test
    void slackMarkupInTypedTextAndDisplayNamesShowsAsTypedAndPingsNobody() throws Exception {
        // typed literally as "<!here> & co", which Slack sends as entities
        assertThat(command(MEMBER, "team create &lt;!here&gt; &amp; co").allText()).contains("cannot contain mentions");
        assertThat(command(MEMBER, "team list").allText()).contains("No teams yet");

        SlackEmulator.Member mallory = new SlackEmulator.Member("U0MALLORY", "mallory", "<!everyone> Mallory <@U0ADMIN> <!subteam^S1>", false, false);
        bot.emu.addMember(mallory);
        SlackEmulator.Responded created = command(mallory, "team create Crew");
        assertThat(created.responseType()).isEqualTo("in_channel");
        assertThat(created.allText()).contains("&lt;!everyone&gt; Mallory &lt;@U0ADMIN&gt; &lt;!subteam^S1&gt; created team Crew");
        // typed as "zebra & <b>", sent by Slack with entities, shown as typed
        assertThat(command(MEMBER, "search zebra &amp; &lt;b&gt;").allText()).contains("zebra &amp; &lt;b&gt;");

        assertThat(bot.emu.responses).isNotEmpty();
        assertThat(bot.emu.pings()).isEmpty();
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
}
