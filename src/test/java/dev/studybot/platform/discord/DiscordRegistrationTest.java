package dev.studybot.platform.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiscordRegistrationTest {
    @TempDir
    Path dir;

    @Test
    void registersOneStudyCommandGloballyWithTypedOptions() throws Exception {
        try (DiscordBotFixture bot = DiscordBotFixture.start(dir)) {
            JsonNode commands = bot.emu.commands("global").orElseThrow();
            assertThat(commands).hasSize(1);
            JsonNode study = commands.get(0);
            assertThat(study.path("name").asText()).isEqualTo("study");
            assertThat(study.path("contexts")).hasSize(1);
            assertThat(study.path("contexts").get(0).asText()).isEqualTo("0");
            List<String> subcommands = new ArrayList<>();
            study.path("options").forEach(o -> subcommands.add(o.path("name").asText() + ":" + o.path("type").asInt()));
            assertThat(subcommands).containsExactlyInAnyOrder("help:1", "today:1", "question:2", "decks:1", "random:1", "search:1", "topics:1",
                    "answer:1", "reveal:1", "leaderboard:1", "stats:1", "mastery:1", "post:1", "team:2", "schedule:2", "season:2", "review:2",
                    "history:1", "bank:2", "suggest:1", "suggestions:2");
            // a list to import is an attachment option
            assertThat(option(option(option(study, "bank"), "import"), "file").path("type").asInt()).isEqualTo(11);

            JsonNode random = option(study, "random");
            assertThat(option(random, "topic").path("autocomplete").asBoolean()).isTrue();
            List<String> levels = new ArrayList<>();
            option(random, "level").path("choices").forEach(c -> levels.add(c.path("value").asText()));
            assertThat(levels).containsExactly("basic", "intermediate", "advanced");
            assertThat(option(option(study, "stats"), "member").path("type").asInt()).isEqualTo(6);
            assertThat(option(option(study, "leaderboard"), "teams").path("type").asInt()).isEqualTo(5);
            assertThat(option(option(study, "answer"), "text").path("max_length").asInt()).isEqualTo(500);
            JsonNode set = option(option(study, "schedule"), "set");
            assertThat(option(set, "when").path("required").asBoolean()).isTrue();
            assertThat(option(set, "timezone").path("autocomplete").asBoolean()).isTrue();
            JsonNode review = option(study, "review");
            assertThat(option(option(review, "next"), "topic").path("autocomplete").asBoolean()).isTrue();
            assertThat(option(option(review, "answer"), "text").path("max_length").asInt()).isEqualTo(500);
            assertThat(option(option(review, "remind"), "timezone").path("autocomplete").asBoolean()).isTrue();
        }
    }

    @Test
    void registersPerGuildWhenConfigNamesGuilds() throws Exception {
        try (DiscordBotFixture bot = DiscordBotFixture.start(dir, (emu, g) -> { }, g -> Map.of("STUDYBOT_DISCORD_GUILDS", g.id()), h -> h)) {
            assertThat(bot.emu.commands("global")).isEmpty();
            JsonNode commands = bot.emu.commands(bot.guild.id()).orElseThrow();
            assertThat(commands).hasSize(1);
            assertThat(commands.get(0).path("name").asText()).isEqualTo("study");
        }
    }

    @Test
    void inviteUrlAsksForExactlyTheNeededScopesAndPermissions() throws Exception {
        try (DiscordBotFixture bot = DiscordBotFixture.start(dir)) {
            String url = bot.adapter.inviteUrl();
            assertThat(url).startsWith("https://discord.com/oauth2/authorize?client_id=" + bot.emu.botId());
            assertThat(url).contains("&scope=bot+applications.commands&");
            // send messages 2^11, embed links 2^14, attach files 2^15, read history 2^16, create public threads 2^35, send in threads 2^38
            long expected = (1L << 11) | (1L << 14) | (1L << 15) | (1L << 16) | (1L << 35) | (1L << 38);
            assertThat(url).endsWith("&permissions=" + expected);
        }
    }

    static JsonNode option(JsonNode parent, String name) {
        for (JsonNode o : parent.path("options")) {
            if (o.path("name").asText().equals(name)) {
                return o;
            }
        }
        throw new AssertionError("no option " + name + " in " + parent);
    }
}
