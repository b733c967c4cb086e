package dev.studybot.platform.slack;

import static dev.studybot.platform.slack.SlackTestBot.ADMIN;
import static dev.studybot.platform.slack.SlackTestBot.CHANNEL;
import static dev.studybot.platform.slack.SlackTestBot.MEMBER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Questions from chat on Slack, through the real Bolt app in Socket Mode against the emulator: a
 * file an admin shares with the app is found with files.info, downloaded with the bot token,
 * reported and stored by the Confirm button; a suggestion is a modal, and the member hears of the
 * decision by direct message.
 */
class SlackImportTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String DM = "D0ADMINDM";

    @TempDir
    Path dir;
    SlackTestBot bot;

    @BeforeEach
    void start() throws Exception {
        // the tests' own bank, which covers one question of the list, not the built-in one, which covers them all
        bot = SlackTestBot.start(dir, true, Map.of("STUDYBOT_BANK_PATH", "src/test/resources/bank"));
        await().atMost(WAIT).until(bot.emu.socket::connected);
    }

    @AfterEach
    void stop() throws Exception {
        bot.close();
    }

    private static byte[] list() throws IOException {
        return Files.readAllBytes(Path.of("src/test/resources/import/chat/team-list.md"));
    }

    private SlackEmulator.Ephemeral ephemeralTo(SlackEmulator.Member m, String channel, int index) {
        await().atMost(WAIT).until(() -> ephemerals(m, channel).size() > index);
        return ephemerals(m, channel).get(index);
    }

    private List<SlackEmulator.Ephemeral> ephemerals(SlackEmulator.Member m, String channel) {
        return bot.emu.ephemerals.stream().filter(e -> e.user().equals(m.id()) && e.channel().equals(channel)).toList();
    }

    private SlackEmulator.Responded command(SlackEmulator.Member who, String text) throws Exception {
        return bot.command(who, text);
    }

    @Test
    void aFileSharedInTheAppsDirectMessagesIsReportedAndStoredByTheConfirmButton() throws Exception {
        assertThat(command(ADMIN, "bank import").allText()).contains("share the file with studybot in a direct message");

        SlackEmulator.MemberFile file = bot.emu.memberFile("team.md", "text/markdown", list());
        bot.slack.overSocket(bot.slack.fileShared(ADMIN, DM, file)).get(5, TimeUnit.SECONDS);
        SlackEmulator.Ephemeral report = ephemeralTo(ADMIN, DM, 0);
        assertThat(bot.emu.calls).contains("files.info");
        assertThat(bot.emu.downloads).hasValue(1);
        assertThat(report.allText()).contains("Import of team.md", "2 new", "1 already covered", "1 unanswered", "team.md:14: ");

        SlackRequests.Request click = bot.slack.button(ADMIN, report, SlackRenderer.IMPORT_CONFIRM_ACTION);
        bot.slack.overSocket(click).get(5, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> !bot.emu.responsesTo(click.responseUrl()).isEmpty());
        assertThat(bot.emu.responsesTo(click.responseUrl()).get(0).allText()).contains("Stored 2 questions in deck imported");
        assertThat(command(MEMBER, "question gradient-clipping-needed").allText()).contains("gradient clipping");
    }

    @Test
    void aFileMentioningTheAppInAChannelIsImportedAndOtherFilesThereAreLeftAlone() throws Exception {
        SlackEmulator.MemberFile file = bot.emu.memberFile("team.md", "text/markdown", list());
        bot.slack.overSocket(bot.slack.fileShared(ADMIN, CHANNEL, file)).get(5, TimeUnit.SECONDS);
        // a file studybot shares itself is no list to import
        bot.slack.overSocket(bot.slack.fileShared(SlackEmulator.Member.plain(SlackEmulator.BOT_USER, "studybot"), DM, file))
                .get(5, TimeUnit.SECONDS);
        bot.slack.overSocket(bot.slack.mentionWithFile(ADMIN, CHANNEL, file)).get(5, TimeUnit.SECONDS);
        assertThat(ephemeralTo(ADMIN, CHANNEL, 0).allText()).contains("Import of team.md");
        assertThat(bot.emu.downloads).as("neither the file shared without a mention nor studybot's own was read").hasValue(1);
        assertThat(bot.emu.ephemerals).hasSize(1);
    }

    @Test
    void aMemberCannotImportAndBadFilesAreRefusedByName() throws Exception {
        SlackEmulator.MemberFile file = bot.emu.memberFile("team.md", "text/markdown", list());
        bot.slack.overSocket(bot.slack.fileShared(MEMBER, "D0MEMBERDM", file)).get(5, TimeUnit.SECONDS);
        assertThat(ephemeralTo(MEMBER, "D0MEMBERDM", 0).allText()).contains("Only admins");

        SlackEmulator.MemberFile big = bot.emu.memberFile("big.yaml", "text/yaml", new byte[8], 2L * 1024 * 1024);
        bot.slack.overSocket(bot.slack.fileShared(ADMIN, DM, big)).get(5, TimeUnit.SECONDS);
        assertThat(ephemeralTo(ADMIN, DM, 0).allText()).contains("'big.yaml' is 2 MB; a list may be at most 1 MB");
        SlackEmulator.MemberFile latin = bot.emu.memberFile("list.txt", "text/plain", "caf\u00e9?".getBytes(StandardCharsets.ISO_8859_1));
        bot.slack.overSocket(bot.slack.fileShared(ADMIN, DM, latin)).get(5, TimeUnit.SECONDS);
        assertThat(ephemeralTo(ADMIN, DM, 1).allText()).contains("'list.txt' is not text (it is not valid UTF-8)");
        assertThat(bot.emu.downloads).as("only the file within the limit was downloaded").hasValue(1);
    }

    @Test
    void aSuggestionIsAModalAndTheMemberIsToldOfTheDecision() throws Exception {
        SlackRequests.Request open = bot.slack.slash(MEMBER, CHANNEL, "suggest");
        bot.slack.overSocket(open).get(5, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> !bot.emu.views.isEmpty());
        SlackEmulator.OpenedView view = bot.emu.views.get(0);
        assertThat(view.view().path("callback_id").asText()).isEqualTo(SlackRenderer.SUGGEST_FORM);

        SlackRequests.Request submitted = bot.slack.submit(MEMBER, view, Map.of(
                "question", "Why does learning rate warmup help large batches? <!channel>",
                "answer", "Early steps use small learning rates so that Adam's moment estimates settle before full steps.",
                "claims", "moment estimates settle\nsmall learning rates",
                "topic", "Optimization", "level", "advanced"));
        bot.slack.overSocket(submitted).get(5, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> !bot.emu.responsesTo(open.responseUrl()).isEmpty());
        assertThat(bot.emu.responsesTo(open.responseUrl()).get(0).allText()).contains("Your suggestion is #1");

        assertThat(command(ADMIN, "suggestions").allText()).contains("#1", "by bob");
        assertThat(command(ADMIN, "suggestions approve 1").allText()).contains("Approved suggestion #1", "Its author was told");
        await().atMost(WAIT).until(() -> bot.emu.posts.stream().anyMatch(p -> p.channel().equals(MEMBER.id()) && p.allText().contains("was approved")));
        assertThat(bot.emu.pings()).isEmpty();
    }
}
