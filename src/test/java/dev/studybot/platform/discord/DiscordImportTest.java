package dev.studybot.platform.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.studybot.platform.discord.emulator.DiscordEmulator;
import dev.studybot.platform.discord.emulator.EmuFile;
import dev.studybot.platform.discord.emulator.EmuUser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Questions from chat on Discord, through the real JDA client against the emulator: a list attached
 * to /study bank import is downloaded from the CDN, reported and stored by the Confirm button; a
 * suggestion is a modal, and the member hears of the decision by direct message.
 */
class DiscordImportTest {
    static final String LIST = read("team-list.md");
    static final String SUGGESTION = "/study suggest question: Why does learning rate warmup help large batches? "
            + "answer: Early steps use small learning rates so that Adam's moment estimates settle before full steps. "
            + "claims: moment estimates settle; small learning rates topic: Optimization level: advanced";

    @TempDir
    Path dir;

    static String read(String name) {
        try {
            return Files.readString(Path.of("src/test/resources/import/chat", name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void anAttachedListIsDownloadedReportedAndStoredByTheConfirmButton() throws Exception {
        try (DiscordBotFixture bot = DiscordBotFixture.start(dir)) {
            EmuUser mod = bot.emu.moderator(bot.guild, "Mod");
            EmuFile list = bot.emu.file("team.md", "text/markdown; charset=utf-8", LIST.getBytes(StandardCharsets.UTF_8));
            DiscordEmulator.Sent sent = bot.slash(mod, "bank import", Map.of("file", list, "deck", "team"));
            DiscordBotFixture.Reply report = bot.reply(sent);

            assertThat(report.ephemeral()).isTrue();
            assertThat(bot.emu.cdnDownloads()).isEqualTo(1);
            assertThat(report.text()).contains("Import of team.md", "2 new", "1 already covered", "1 unanswered", "team.md:14: ", "reg-dropout");
            List<String> buttons = new ArrayList<>();
            report.message().path("components").forEach(row -> row.path("components").forEach(b -> buttons.add(b.path("custom_id").asText())));
            assertThat(buttons).containsExactly(DiscordIds.IMPORT_CONFIRM_BUTTON);

            DiscordBotFixture.Reply stored = bot.reply(bot.emu.buttonOnReply(mod, bot.guild, sent, DiscordIds.IMPORT_CONFIRM_BUTTON));
            assertThat(stored.ephemeral()).isTrue();
            assertThat(stored.text()).contains("Stored 2 questions in deck team");
            assertThat(bot.reply(bot.slash(mod, "question show", Map.of("id", "gradient-clipping-needed"))).text()).contains("gradient clipping");
            assertThat(bot.reply(bot.emu.buttonOnReply(mod, bot.guild, sent, DiscordIds.IMPORT_CONFIRM_BUTTON)).text()).as("taken once")
                    .contains("You have no import waiting");
        }
    }

    @Test
    void aFileOverTheLimitOrNotTextIsRefusedAndAMemberCannotImport() throws Exception {
        try (DiscordBotFixture bot = DiscordBotFixture.start(dir)) {
            EmuUser mod = bot.emu.moderator(bot.guild, "Mod");
            EmuUser ada = bot.emu.member(bot.guild, "Ada");
            EmuFile big = bot.emu.file("big.md", "text/markdown", new byte[16], 3L * 1024 * 1024);
            assertThat(bot.reply(bot.slash(mod, "bank import", Map.of("file", big))).text()).contains("'big.md' is 3 MB; a list may be at most 1 MB");
            assertThat(bot.emu.cdnDownloads()).as("refused from the declared size, before any download").isZero();

            EmuFile png = bot.emu.file("chart.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0});
            assertThat(bot.reply(bot.slash(mod, "bank import", Map.of("file", png))).text()).contains("'chart.png' is not a question list");
            EmuFile binary = bot.emu.file("list.md", "text/markdown", new byte[] {'#', ' ', 0, 1, 2});
            assertThat(bot.reply(bot.slash(mod, "bank import", Map.of("file", binary))).text()).contains("it holds NUL bytes");

            EmuFile list = bot.emu.file("team.md", "text/markdown", LIST.getBytes(StandardCharsets.UTF_8));
            DiscordBotFixture.Reply refused = bot.reply(bot.slash(ada, "bank import", Map.of("file", list)));
            assertThat(refused.ephemeral()).isTrue();
            assertThat(refused.text()).contains("Only admins");
            assertThat(bot.reply(bot.slash(mod, "bank confirm")).text()).contains("You have no import waiting");
        }
    }

    @Test
    void aSuggestionIsAModalAndTheMemberIsToldOfTheDecision() throws Exception {
        try (DiscordBotFixture bot = DiscordBotFixture.start(dir)) {
            EmuUser mod = bot.emu.moderator(bot.guild, "Mod");
            EmuUser ada = bot.emu.member(bot.guild, "Ada");
            DiscordEmulator.Callback modal = bot.callback(bot.slash(ada, "suggest"));
            assertThat(modal.type()).as("a modal").isEqualTo(9);
            assertThat(modal.data().path("custom_id").asText()).isEqualTo(DiscordIds.SUGGEST_FORM);
            List<String> fields = new ArrayList<>();
            modal.data().path("components").forEach(c -> fields.add(c.path("component").path("custom_id").asText()));
            assertThat(fields).containsExactly("question", "answer", "claims", "topic", "level");

            Map<String, String> form = new LinkedHashMap<>();
            form.put("question", "Why does learning rate warmup help large batches? @everyone");
            form.put("answer", "Early steps use small learning rates so that Adam's moment estimates settle before full steps.");
            form.put("claims", "moment estimates settle\nsmall learning rates");
            form.put("topic", "Optimization");
            form.put("level", "advanced");
            DiscordBotFixture.Reply queued = bot.reply(bot.emu.modalSubmit(ada, bot.guild, bot.general, DiscordIds.SUGGEST_FORM, form));
            assertThat(queued.ephemeral()).isTrue();
            assertThat(queued.text()).contains("Your suggestion is #1");

            DiscordBotFixture.Reply queue = bot.reply(bot.slash(mod, "suggestions list"));
            assertThat(queue.text()).contains("#1", "by Ada", "Looks like `opt-lr-warmup`").doesNotContain(" @everyone");
            assertThat(bot.reply(bot.slash(mod, "suggestions approve", Map.of("n", "1"))).text()).contains("Approved suggestion #1",
                    "Its author was told");
            await().atMost(DiscordBotFixture.WAIT).until(() -> !bot.emu.directMessages(ada.id()).isEmpty());
            JsonNode dm = bot.emu.directMessages(ada.id()).get(0);
            assertThat(DiscordBotFixture.text(dm)).contains("was approved", "deck suggested");
            assertThat(bot.emu.pings()).isEmpty();

            Map<String, String> bad = new LinkedHashMap<>(form);
            bad.put("claims", "vanishing gradients");
            assertThat(bot.reply(bot.emu.modalSubmit(ada, bot.guild, bot.general, DiscordIds.SUGGEST_FORM, bad)).text())
                    .contains("Your suggestion was not queued", "does not occur in the answer");
        }
    }
}
