package dev.studybot.platform.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.studybot.platform.discord.emulator.DiscordEmulator;
import dev.studybot.platform.discord.emulator.EmuUser;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interactions are acknowledged within Discord's 3 seconds even while the database is locked by
 * another writer for longer than that: the reply is deferred at once and edited when the core is done.
 */
class DiscordSlowDatabaseTest {
    private static final long ACK_WINDOW_NANOS = Duration.ofSeconds(3).toNanos();

    @TempDir
    Path dir;

    @Test
    void revealIsAcknowledgedAtOnceAndAnsweredWhenTheLockIsGone() throws Exception {
        try (DiscordBotFixture bot = DiscordBotFixture.start(dir, (emu, g) -> { }, g -> Map.of("STUDYBOT_DATABASE_BUSY_TIMEOUT", "20s"), h -> h)) {
            ObjectNode post = DiscordDailyPostTest.postNow(bot);
            EmuUser bo = bot.emu.member(bot.guild, "Bo");
            DiscordEmulator.Sent click;
            try (Connection lock = writeLock(bot)) {
                click = bot.emu.button(bo, bot.guild, post.path("id").asText(), "study:reveal:" + DiscordDailyPostTest.postId(post));
                assertThat(bot.callback(click).type()).isEqualTo(5);
                // keep the database locked until Discord's window for a first answer has closed
                await().atMost(DiscordBotFixture.WAIT).until(() -> System.nanoTime() - click.sentNanos() > ACK_WINDOW_NANOS);
                assertThat(bot.emu.original(click.token()).orElseThrow().path("flags").asInt() & 128).isEqualTo(128);
                release(lock);
            }
            DiscordBotFixture.Reply reply = bot.reply(click);
            assertThat(reply.ephemeral()).isTrue();
            assertThat(reply.text()).contains("Model answer");
        }
    }

    @Test
    void answerButtonOpensTheModalEvenWhenTheCoreCannotSayInTime() throws Exception {
        try (DiscordBotFixture bot = DiscordBotFixture.start(dir, (emu, g) -> { }, g -> Map.of("STUDYBOT_DATABASE_BUSY_TIMEOUT", "20s"), h -> h)) {
            ObjectNode post = DiscordDailyPostTest.postNow(bot);
            String postId = DiscordDailyPostTest.postId(post);
            EmuUser ada = bot.emu.member(bot.guild, "Ada");
            try (Connection lock = writeLock(bot)) {
                DiscordEmulator.Sent click = bot.emu.button(ada, bot.guild, post.path("id").asText(), "study:answer:" + postId);
                DiscordEmulator.Callback modal = bot.callback(click);
                assertThat(modal.type()).isEqualTo(9);
                assertThat(modal.data().path("custom_id").asText()).isEqualTo("study:answer-form:" + postId);
                release(lock);
            }
            DiscordBotFixture.Reply graded = bot.reply(bot.emu.modalSubmit(ada, bot.guild, bot.general, "study:answer-form:" + postId,
                    "answer", "an ensemble of thinned networks"));
            assertThat(graded.text()).contains("You covered **1 of 4** claims");
        }
    }

    private static void release(Connection lock) throws Exception {
        try (Statement s = lock.createStatement()) {
            s.execute("ROLLBACK");
        }
    }

    /** Another writer holding SQLite's write lock, as a long transaction or a backup would. */
    private static Connection writeLock(DiscordBotFixture bot) throws Exception {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + bot.config.database().path());
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = 5000");
            s.execute("BEGIN IMMEDIATE");
        }
        return c;
    }
}
