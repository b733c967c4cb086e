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

/** The daily post on Discord: embed, buttons, thread, modal answers, ephemeral reveal, results at close. */
class DiscordDailyPostTest {
    @TempDir
    Path dir;

    @Test
    void scheduledPostArrivesWithItsButtonsAndAThread() throws Exception {
        try (DiscordBotFixture bot = DiscordBotFixture.start(dir)) {
            schedule(bot, bot.general);
            Instant slot = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            assertThat(bot.wiring.dailyPosts().postScheduled(bot.channel(bot.general), slot)).isEqualTo(DailyPosts.Outcome.POSTED);

            List<ObjectNode> messages = bot.emu.messages(bot.general);
            ObjectNode post = messages.get(messages.size() - 1);
            String text = DiscordBotFixture.text(post);
            assertThat(text).contains("Question of the day", "What is dropout, and why does it reduce overfitting?", "Regularization",
                    "basic", "reg-dropout");
            JsonNode buttons = post.path("components").get(0).path("components");
            assertThat(buttons.get(0).path("label").asText()).isEqualTo("Answer");
            assertThat(buttons.get(0).path("custom_id").asText()).startsWith("study:answer:");
            assertThat(buttons.get(1).path("label").asText()).isEqualTo("Reveal answer");
            assertThat(buttons.get(1).path("custom_id").asText()).startsWith("study:reveal:");
            assertThat(post.path("allowed_mentions_seen").path("parse")).isEmpty();

            ObjectNode thread = bot.emu.thread(post.path("id").asText()).orElseThrow();
            assertThat(thread.path("parent_id").asText()).isEqualTo(bot.general);
            assertThat(thread.path("name").asText()).isEqualTo("What is dropout, and why does it reduce overfitting?");
            assertThat(thread.path("thread_metadata").path("auto_archive_duration").asInt()).isEqualTo(10080);

            // the same slot again (a second fire, a retry): never a second post
            assertThat(bot.wiring.dailyPosts().postScheduled(bot.channel(bot.general), slot)).isEqualTo(DailyPosts.Outcome.ALREADY_POSTED);
            assertThat(bot.emu.messages(bot.general)).hasSize(messages.size());
        }
    }

    @Test
    void memberAnswersThroughTheModalIsGradedAndSeesResultsInTheThreadAtClose() throws Exception {
        try (DiscordBotFixture bot = DiscordBotFixture.start(dir)) {
            ObjectNode post = postNow(bot);
            String postId = postId(post);
            EmuUser ada = bot.emu.member(bot.guild, "Ada");

            DiscordEmulator.Sent click = bot.emu.button(ada, bot.guild, post.path("id").asText(), "study:answer:" + postId);
            DiscordEmulator.Callback modal = bot.callback(click);
            assertThat(modal.type()).isEqualTo(9);
            assertThat(modal.data().path("custom_id").asText()).isEqualTo("study:answer-form:" + postId);
            JsonNode field = textInput(modal.data());
            assertThat(field.path("custom_id").asText()).isEqualTo("answer");
            assertThat(field.path("max_length").asInt()).isEqualTo(500);
            assertThat(modal.data().toString()).contains("What is dropout");

            DiscordEmulator.Sent submit = bot.emu.modalSubmit(ada, bot.guild, bot.general, "study:answer-form:" + postId, "answer",
                    "Dropout randomly zeroes activations during training so neurons cannot co-adapt.");
            DiscordBotFixture.Reply graded = bot.reply(submit);
            assertThat(graded.ephemeral()).isTrue();
            assertThat(graded.text()).contains("You covered **2 of 4** key points").contains("+6 points");

            // an answer over the configured limit is refused, not recorded
            DiscordBotFixture.Reply tooLong = bot.reply(bot.emu.modalSubmit(ada, bot.guild, bot.general, "study:answer-form:" + postId,
                    "answer", "dropout ".repeat(80)));
            assertThat(tooLong.text()).contains("the limit is 500");

            // the next post closes this one: model answer and results in its thread
            postNow(bot);
            String threadId = post.path("id").asText();
            await().atMost(DiscordBotFixture.WAIT).until(() -> !bot.emu.messages(threadId).isEmpty());
            String results = DiscordBotFixture.text(bot.emu.messages(threadId).get(0));
            assertThat(results).contains("Closed:", "Results", "Ada", "6 points (2/4 key points)", "randomly zeroes activations");
        }
    }

    @Test
    void revealIsEphemeralAndPostsNothingInTheChannel() throws Exception {
        try (DiscordBotFixture bot = DiscordBotFixture.start(dir)) {
            ObjectNode post = postNow(bot);
            int before = bot.emu.messages(bot.general).size();
            EmuUser bo = bot.emu.member(bot.guild, "Bo");

            DiscordEmulator.Sent click = bot.emu.button(bo, bot.guild, post.path("id").asText(), "study:reveal:" + postId(post));
            DiscordEmulator.Callback ack = bot.callback(click);
            assertThat(ack.type()).isEqualTo(5);
            assertThat(ack.ephemeral()).isTrue();
            DiscordBotFixture.Reply reply = bot.reply(click);
            assertThat(reply.ephemeral()).isTrue();
            assertThat(reply.text()).contains("Model answer", "randomly zeroes activations", "no points for this question");
            assertThat(bot.emu.messages(bot.general)).hasSize(before);
        }
    }

    @Test
    void aRateLimitedPostWaitsAndGoesOutOnce() throws Exception {
        try (DiscordBotFixture bot = DiscordBotFixture.start(dir)) {
            schedule(bot, bot.general);
            String path = "^channels/" + bot.general + "/messages$";
            bot.emu.rateLimit("POST", path, 1.0, 1);

            DailyPosts.Outcome outcome = bot.wiring.dailyPosts().postScheduled(bot.channel(bot.general), Instant.now().truncatedTo(ChronoUnit.SECONDS));

            assertThat(outcome).isEqualTo(DailyPosts.Outcome.POSTED);
            assertThat(bot.emu.messages(bot.general).stream().filter(m -> !m.path("components").isEmpty())).hasSize(1);
            assertThat(bot.emu.requests().stream().filter(r -> r.method().equals("POST") && r.path().matches(path))).hasSize(2);
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
    void discordRefusingThePostPausesTheScheduleEvenWhenTheCacheSaidYes() throws Exception {
        try (DiscordBotFixture bot = DiscordBotFixture.start(dir)) {
            schedule(bot, bot.general);
            bot.emu.fail("POST", "^channels/" + bot.general + "/messages$", 403, 50013, "Missing Permissions", 1);

            DailyPosts.Outcome outcome = bot.wiring.dailyPosts().postScheduled(bot.channel(bot.general), Instant.now().truncatedTo(ChronoUnit.SECONDS));

            assertThat(outcome).isEqualTo(DailyPosts.Outcome.PAUSED);
            String shown = bot.reply(bot.slash(bot.emu.member(bot.guild, "Ada"), "schedule show")).text();
            assertThat(shown).contains("Paused", "Missing Permissions", "#general");
        }
    }

    @Test
    void answerWithoutTextOpensTheModalForTodaysPost() throws Exception {
        try (DiscordBotFixture bot = DiscordBotFixture.start(dir)) {
            String postId = postId(postNow(bot));
            EmuUser ada = bot.emu.member(bot.guild, "Ada");
            DiscordEmulator.Callback modal = bot.callback(bot.slash(ada, "answer"));
            assertThat(modal.type()).isEqualTo(9);
            assertThat(modal.data().path("custom_id").asText()).isEqualTo("study:answer-form:" + postId);
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

    private static JsonNode textInput(JsonNode modal) {
        for (JsonNode c : modal.path("components")) {
            if (c.path("type").asInt() == 18) {
                return c.path("component");
            }
        }
        throw new AssertionError("no label with a text input in " + modal);
    }
}
