package dev.studybot.platform.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.studybot.app.DailyPosts;
import dev.studybot.domain.Actor;
import dev.studybot.domain.Reply;
import dev.studybot.port.in.Action;
import dev.studybot.port.in.Command;
import dev.studybot.port.in.Response;
import dev.studybot.platform.discord.emulator.DiscordEmulator;
import dev.studybot.platform.discord.emulator.EmuUser;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daily post where Discord differs from other platforms: its thread, the bot's permissions and
 * cache against what Discord says, gateway sessions, server errors. The scenarios every platform
 * shares are in {@link DiscordContractTest}.
 */
class DiscordDailyPostTest {
    @TempDir
    Path dir;

    @Test
    void aPostCarriesItsIdsInTheButtonsAndOpensAThreadNamedAfterItsQuestion() throws Exception {
        try (DiscordBotFixture bot = DiscordBotFixture.start(dir)) {
            ObjectNode post = postNow(bot);

            JsonNode buttons = post.path("components").get(0).path("components");
            assertThat(buttons.get(0).path("custom_id").asText()).startsWith("study:answer:");
            assertThat(buttons.get(1).path("custom_id").asText()).isEqualTo("study:reveal:" + postId(post));
            assertThat(post.path("allowed_mentions_seen").path("parse")).isEmpty();

            ObjectNode thread = bot.emu.thread(post.path("id").asText()).orElseThrow();
            assertThat(thread.path("parent_id").asText()).isEqualTo(bot.general);
            assertThat(thread.path("name").asText()).isEqualTo("What is dropout, and why does it reduce overfitting?");
            assertThat(thread.path("thread_metadata").path("auto_archive_duration").asInt()).isEqualTo(10080);
        }
    }

    @Test
    void aChannelWhereTheBotCannotOpenThreadsPausesTheScheduleWithAReason() throws Exception {
        String[] noThreads = new String[1];
        try (DiscordBotFixture bot = DiscordBotFixture.start(dir,
                (emu, g) -> noThreads[0] = emu.addChannel(g, "no-threads", DiscordEmulator.CREATE_PUBLIC_THREADS), g -> Map.of(), h -> h)) {
            EmuUser mod = bot.emu.moderator(bot.guild, "Mod");
            bot.reply(bot.emu.slash(mod, bot.guild, noThreads[0], "schedule set", Map.of("when", "daily 09:00")));

            DailyPosts.Outcome outcome = bot.wiring.dailyPosts().postScheduled(bot.channel(noThreads[0]), Instant.now().truncatedTo(ChronoUnit.SECONDS));

            assertThat(outcome).isEqualTo(DailyPosts.Outcome.PAUSED);
            assertThat(bot.emu.messages(noThreads[0]).stream().filter(m -> !m.path("components").isEmpty())).isEmpty();
            String shown = bot.reply(bot.emu.slash(mod, bot.guild, noThreads[0], "schedule show", Map.of())).text();
            assertThat(shown).contains("Paused", "Create Public Threads", "#no-threads");
            assertThat(bot.emu.directMessages(mod.id())).as("the admin who set the schedule hears why").singleElement()
                    .satisfies(dm -> assertThat(dm.toString()).contains("is paused").contains("Create Public Threads"));
        }
    }

    @Test
    void aChannelDeletedBehindTheBotsBackPausesTheSchedule() throws Exception {
        String[] old = new String[1];
        try (DiscordBotFixture bot = DiscordBotFixture.start(dir, (emu, g) -> old[0] = emu.addChannel(g, "old", 0), g -> Map.of(), h -> h)) {
            EmuUser mod = bot.emu.moderator(bot.guild, "Mod");
            bot.reply(bot.emu.slash(mod, bot.guild, old[0], "schedule set", Map.of("when", "daily 09:00")));
            bot.emu.deleteChannelSilently(bot.guild, old[0]);

            DailyPosts.Outcome outcome = bot.wiring.dailyPosts().postScheduled(bot.channel(old[0]), Instant.now().truncatedTo(ChronoUnit.SECONDS));

            assertThat(outcome).isEqualTo(DailyPosts.Outcome.PAUSED);
            Response shown = bot.wiring.bot().handle(new Command(bot.channel(old[0]), Actor.member(mod.id(), "Mod"), new Action.ScheduleShow()));
            Reply.ScheduleInfo info = (Reply.ScheduleInfo) shown.reply();
            assertThat(info.schedule().orElseThrow().pausedReason().orElseThrow()).contains("no longer exists or studybot cannot see it");
        }
    }

    @Test
    void aPostDueWhileTheGatewayIsDownGoesOutOnceAndTheSessionResumes() throws Exception {
        try (DiscordBotFixture bot = DiscordBotFixture.start(dir)) {
            schedule(bot, bot.general);
            bot.emu.gatewayOutage(true);
            bot.emu.dropGateway();
            await().atMost(DiscordBotFixture.WAIT).until(() -> !bot.emu.gatewayConnected());
            Instant slot = Instant.now().truncatedTo(ChronoUnit.SECONDS);

            DailyPosts.Outcome during = bot.wiring.dailyPosts().postScheduled(bot.channel(bot.general), slot);

            bot.emu.gatewayOutage(false);
            await().atMost(DiscordBotFixture.WAIT).until(() -> bot.emu.resumes() == 1 && bot.emu.gatewayConnected());
            // the trigger fires again after the outage (a misfire or a retry): the slot already has its post
            DailyPosts.Outcome after = bot.wiring.dailyPosts().postScheduled(bot.channel(bot.general), slot);

            assertThat(during).isEqualTo(DailyPosts.Outcome.POSTED);
            assertThat(after).isEqualTo(DailyPosts.Outcome.ALREADY_POSTED);
            assertThat(bot.emu.identifies()).isEqualTo(1);
            assertThat(bot.emu.messages(bot.general).stream().filter(m -> !m.path("components").isEmpty())).hasSize(1);
            // and the bot answers interactions on the resumed session
            assertThat(bot.reply(bot.slash(bot.emu.member(bot.guild, "Cy"), "today")).text()).contains("What is dropout");
        }
    }

    @Test
    void quartzFiresTheScheduleAndAServerErrorIsRetriedNotPaused() throws Exception {
        try (DiscordBotFixture bot = DiscordBotFixture.start(dir)) {
            bot.emu.fail("POST", "^channels/" + bot.general + "/messages$", 500, 0, "500: Internal Server Error", 1);
            EmuUser mod = bot.emu.moderator(bot.guild, "Mod");
            bot.reply(bot.slash(mod, "schedule set", Map.of("when", "daily 09:00")));
            bot.wiring.scheduler().fire(bot.channel(bot.general), Instant.now().truncatedTo(ChronoUnit.SECONDS));

            await().atMost(DiscordBotFixture.WAIT).until(() -> bot.emu.messages(bot.general).stream().anyMatch(m -> !m.path("components").isEmpty()));
            bot.reply(bot.slash(mod, "schedule off"));

            assertThat(bot.emu.requests().stream().filter(r -> r.method().equals("POST") && r.path().equals("channels/" + bot.general + "/messages"))
                    .count()).isGreaterThanOrEqualTo(2);
            ObjectNode post = bot.emu.messages(bot.general).stream().filter(m -> !m.path("components").isEmpty()).findFirst().orElseThrow();
            assertThat(bot.emu.thread(post.path("id").asText())).isPresent();
        }
    }

    @Test
    void aServerErrorLeavesTheScheduleRunning() throws Exception {
        try (DiscordBotFixture bot = DiscordBotFixture.start(dir)) {
            schedule(bot, bot.general);
            bot.emu.fail("POST", "^channels/" + bot.general + "/messages$", 500, 0, "500: Internal Server Error", 1);
            Instant slot = Instant.now().truncatedTo(ChronoUnit.SECONDS);

            assertThat(bot.wiring.dailyPosts().postScheduled(bot.channel(bot.general), slot)).isEqualTo(DailyPosts.Outcome.RETRY_LATER);
            assertThat(bot.emu.messages(bot.general).stream().filter(m -> !m.path("components").isEmpty())).isEmpty();
            assertThat(bot.wiring.dailyPosts().postScheduled(bot.channel(bot.general), slot)).isEqualTo(DailyPosts.Outcome.POSTED);
            assertThat(bot.emu.messages(bot.general).stream().filter(m -> !m.path("components").isEmpty())).hasSize(1);
        }
    }

    static void schedule(DiscordBotFixture bot, String channelId) {
        EmuUser mod = bot.emu.moderator(bot.guild, "Mod");
        String reply = bot.reply(bot.emu.slash(mod, bot.guild, channelId, "schedule set",
                Map.of("when", "daily 09:00", "topic", "Regularization"))).text();
        assertThat(reply).contains("Daily question");
    }

    /** An admin's /study post; returns the post's message. */
    static ObjectNode postNow(DiscordBotFixture bot) {
        schedule(bot, bot.general);
        int before = (int) bot.emu.messages(bot.general).stream().filter(m -> !m.path("components").isEmpty()).count();
        EmuUser mod = bot.emu.moderator(bot.guild, "Mod");
        assertThat(bot.reply(bot.slash(mod, "post")).text()).contains("Posted the next question");
        List<ObjectNode> posts = bot.emu.messages(bot.general).stream().filter(m -> !m.path("components").isEmpty()).toList();
        assertThat(posts).hasSize(before + 1);
        return posts.get(posts.size() - 1);
    }

    static String postId(ObjectNode post) {
        return post.path("components").get(0).path("components").get(0).path("custom_id").asText().substring("study:answer:".length());
    }
}
