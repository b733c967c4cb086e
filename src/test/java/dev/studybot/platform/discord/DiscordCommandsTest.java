package dev.studybot.platform.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studybot.platform.discord.emulator.DiscordEmulator;
import dev.studybot.platform.discord.emulator.EmuGuild;
import dev.studybot.platform.discord.emulator.EmuUser;
import dev.studybot.port.in.CommandCatalog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every /study command through the real JDA client against the emulator: registration, who sees
 * which reply, autocomplete, role mentions. The scenarios every platform shares are in
 * {@link DiscordContractTest}.
 */
class DiscordCommandsTest {
    @TempDir
    Path dir;

    @Test
    void everyCommandOfTheDesignIsAnswered() throws Exception {
        try (DiscordBotFixture bot = DiscordBotFixture.start(dir)) {
            EmuUser mod = bot.emu.moderator(bot.guild, "Mod");
            EmuUser ada = bot.emu.member(bot.guild, "Ada");
            Map<String, Object[]> script = new LinkedHashMap<>();
            script.put("help", new Object[]{mod, Map.of(), "posts a deep-learning interview question"});
            script.put("schedule set", new Object[]{mod, Map.of("when", "weekdays 09:30", "timezone", "Europe/Berlin", "level", "basic"),
                    "Daily question: weekdays 09:30"});
            script.put("schedule show", new Object[]{ada, Map.of(), "Europe/Berlin"});
            script.put("post", new Object[]{mod, Map.of(), "Posted the next question"});
            script.put("today", new Object[]{ada, Map.of(), "What is dropout"});
            script.put("question show", new Object[]{ada, Map.of("id", "opt-adam"), "How does Adam combine"});
            script.put("random", new Object[]{ada, Map.of("topic", "Optimization", "level", "advanced"), "Why use learning rate warmup?"});
            script.put("search", new Object[]{ada, Map.of("words", "momentum"), "opt-adam"});
            script.put("topics", new Object[]{ada, Map.of(), "3 questions in 2 topics"});
            script.put("answer", new Object[]{ada, Map.of("text", "inverted dropout, an ensemble of thinned networks"), "You covered"});
            script.put("reveal", new Object[]{ada, Map.of("id", "opt-adam"), "bias correction"});
            script.put("leaderboard", new Object[]{ada, Map.of("period", "all"), "Leaderboard — all time"});
            script.put("stats", new Object[]{mod, Map.of("member", ada), "Stats for Ada"});
            script.put("mastery", new Object[]{mod, Map.of(), "Topic mastery in this channel"});
            script.put("review next", new Object[]{ada, Map.of("topic", "Regularization"), "What is dropout"});
            script.put("review answer", new Object[]{ada, Map.of("text", "an ensemble of thinned networks"), "Review of `reg-dropout`"});
            script.put("review remind", new Object[]{ada, Map.of("time", "08:30", "timezone", "Europe/Berlin"), "Review reminder set"});
            script.put("review off", new Object[]{ada, Map.of(), "Your reviews are off"});
            script.put("review on", new Object[]{ada, Map.of(), "Your reviews are on"});
            script.put("team create", new Object[]{ada, Map.of("name", "Owls"), "Ada created team Owls"});
            script.put("team join", new Object[]{mod, Map.of("name", "owls"), "Mod joined team Owls"});
            script.put("team list", new Object[]{ada, Map.of(), "Owls (2 members)"});
            script.put("team leave", new Object[]{mod, Map.of(), "You left team Owls"});
            script.put("season start", new Object[]{mod, Map.of("name", "Autumn"), "Autumn"});
            script.put("season end", new Object[]{mod, Map.of(), "Autumn"});
            script.put("season list", new Object[]{ada, Map.of(), "**Autumn** — "});
            script.put("schedule off", new Object[]{mod, Map.of(), "is off"});
            script.put("history", new Object[]{ada, Map.of("n", "5"), "Only today's question has been posted"});
            script.put("bank reload", new Object[]{mod, Map.of(), "3 questions in 2 topics · 0 new, 0 changed, 0 removed"});
            script.put("bank import", new Object[]{mod, Map.of("file", bot.emu.file("team.md", "text/markdown",
                    DiscordImportTest.LIST.getBytes(java.nio.charset.StandardCharsets.UTF_8))), "Import of team.md"});
            script.put("bank confirm", new Object[]{mod, Map.of(), "Stored 2 questions in deck imported"});
            script.put("suggest", new Object[]{ada, Map.of("question", "What is label smoothing?"), "Your suggestion is #2"});
            script.put("suggestions list", new Object[]{mod, Map.of(), "#2"});
            script.put("suggestions approve", new Object[]{mod, Map.of("n", "1", "deck", "team"), "Approved suggestion #1"});
            script.put("suggestions decline", new Object[]{mod, Map.of("n", "2", "reason", "We cover it in week 3"), "Declined suggestion #2"});
            bot.wiring.bot().handleText(bot.channel(bot.general), dev.studybot.domain.Actor.member(ada.id(), ada.name()),
                    DiscordImportTest.SUGGESTION);
            // the team's own questions: add and edit open the form (a modal), the rest answer in words
            script.put("question add", new Object[]{mod, Map.of("deck", "team"), null});
            script.put("question edit", new Object[]{mod, Map.of("id", "team-review"), null});
            script.put("decks", new Object[]{ada, Map.of(), "`team` — "});
            script.put("bank export", new Object[]{mod, Map.of("deck", "team"), "team.yaml"});
            script.put("question remove", new Object[]{mod, Map.of("id", "team-review"), "Removed the question team-review"});
            // the script covers every subcommand of the core's catalog, and Discord registered each of them
            assertThat(script.keySet()).containsExactlyInAnyOrderElementsOf(
                    CommandCatalog.specs().stream().map(CommandCatalog.Spec::path).toList());
            assertThat(bot.emu.registeredSubcommands()).containsExactlyInAnyOrderElementsOf(script.keySet());
            for (Map.Entry<String, Object[]> step : script.entrySet()) {
                @SuppressWarnings("unchecked")
                Map<String, ?> options = (Map<String, ?>) step.getValue()[1];
                if (step.getKey().equals("question edit")) {
                    // one own question to edit, export and remove, written after the posts above so that it never is today's
                    bot.reply(bot.emu.modalSubmit(mod, bot.guild, bot.general, "study:question-form:a:team", DiscordQuestionFormTest.fields(
                            DiscordQuestionFormTest.QUESTION, DiscordQuestionFormTest.ANSWER, DiscordQuestionFormTest.CLAIMS, "Team Practices",
                            "level: basic\nid: team-review")));
                }
                if (step.getValue()[2] == null) {
                    assertThat(bot.callback(bot.slash((EmuUser) step.getValue()[0], step.getKey(), options)).type()).as(step.getKey()).isEqualTo(9);
                    continue;
                }
                DiscordBotFixture.Reply reply = bot.reply(bot.slash((EmuUser) step.getValue()[0], step.getKey(), options));
                assertThat(reply.text()).as(step.getKey()).contains((String) step.getValue()[2]).doesNotContain("⚠");
            }
        }
    }

    @Test
    void repliesThatConcernOneMemberAreEphemeralAndChannelNoticesArePublic() throws Exception {
        try (DiscordBotFixture bot = DiscordBotFixture.start(dir)) {
            EmuUser ada = bot.emu.member(bot.guild, "Ada");
            DiscordBotFixture.Reply stats = bot.reply(bot.slash(ada, "stats"));
            assertThat(stats.ephemeral()).isTrue();

            DiscordBotFixture.Reply created = bot.reply(bot.slash(ada, "team create", Map.of("name", "Owls")));
            assertThat(created.ephemeral()).isFalse();
            assertThat(bot.emu.messages(bot.general)).anySatisfy(m -> assertThat(DiscordBotFixture.text(m)).contains("Ada created team Owls"));

            // a channel-visible subcommand answers in the channel, refusals included; the reply is never deleted and re-posted
            DiscordBotFixture.Reply taken = bot.reply(bot.slash(ada, "team create", Map.of("name", "Owls")));
            assertThat(taken.ephemeral()).isFalse();
            assertThat(taken.text()).contains("already exists");

            DiscordBotFixture.Reply board = bot.reply(bot.slash(ada, "leaderboard"));
            assertThat(board.ephemeral()).isFalse();
            assertThat(board.text()).contains("Leaderboard");
            assertThat(bot.emu.requests()).noneMatch(r -> r.method().equals("DELETE"));

            // an admin subcommand refused to a member is the asker's alone, from the acknowledgement on
            DiscordBotFixture.Reply refused = bot.reply(bot.slash(ada, "season start", Map.of("name", "Spring")));
            assertThat(refused.ephemeral()).isTrue();
            assertThat(refused.text()).contains("Only admins");
        }
    }

    @Test
    void aRoleMentionInTypedTextIsDefusedInTheReply() throws Exception {
        try (DiscordBotFixture bot = DiscordBotFixture.start(dir)) {
            EmuUser ada = bot.emu.member(bot.guild, "Ada");
            String role = bot.guild.role("Moderators");
            DiscordBotFixture.Reply join = bot.reply(bot.slash(ada, "team join", Map.of("name", "crew <@&" + role + ">")));
            assertThat(join.text()).contains("\\<@&" + role).doesNotContain(" <@&");
            assertThat(join.message().path("allowed_mentions_seen").path("parse")).isEmpty();
            assertThat(bot.emu.pings()).isEmpty();
        }
    }

    @Test
    void autocompleteSuggestsTopicsQuestionIdsAndTimezones() throws Exception {
        try (DiscordBotFixture bot = DiscordBotFixture.start(dir)) {
            EmuUser ada = bot.emu.member(bot.guild, "Ada");
            assertThat(choices(bot, bot.emu.autocomplete(ada, bot.guild, bot.general, "random", Map.of("topic", "opt"), "topic")))
                    .containsExactly("Optimization");
            assertThat(choices(bot, bot.emu.autocomplete(ada, bot.guild, bot.general, "question show", Map.of("id", "opt-"), "id")))
                    .containsExactly("opt-adam", "opt-lr-warmup");
            assertThat(choices(bot, bot.emu.autocomplete(ada, bot.guild, bot.general, "schedule set",
                    Map.of("when", "daily 09:00", "timezone", "berl"), "timezone"))).contains("Europe/Berlin");

            // a reloaded bank is what autocomplete suggests from
            java.nio.file.Files.writeString(dir.resolve("questions/optimization.yaml"), DiscordBotFixture.BANK_2.replace("opt-lr-warmup", "opt-momentum"));
            assertThat(bot.wiring.reloadBank()).isPresent();
            assertThat(choices(bot, bot.emu.autocomplete(ada, bot.guild, bot.general, "question show", Map.of("id", "opt-"), "id")))
                    .containsExactly("opt-adam", "opt-momentum");
        }
    }

    @Test
    void autocompleteSuggestsAServersOwnQuestionsThereAndNowhereElse() throws Exception {
        EmuGuild[] other = new EmuGuild[1];
        try (DiscordBotFixture bot = DiscordBotFixture.start(dir, (emu, guild) -> other[0] = emu.addGuild("Other Group"), g -> Map.of(),
                h -> h)) {
            EmuUser ada = bot.emu.member(bot.guild, "Ada");
            EmuUser zed = bot.emu.member(other[0], "Zed");
            dev.studybot.app.Decks.Written written = bot.wiring.decks().write(bot.channel(bot.general).workspaceRef(),
                    java.util.Optional.of("team"), "form", dev.studybot.support.TeamQuestion.YAML, dev.studybot.app.Decks.Mode.ADD, "U1",
                    java.time.Instant.now());
            assertThat(written.problems()).isEmpty();
            assertThat(choices(bot, bot.emu.autocomplete(ada, bot.guild, bot.general, "question show", Map.of("id", "team-"), "id")))
                    .containsExactly("team-review");
            assertThat(choices(bot, bot.emu.autocomplete(ada, bot.guild, bot.general, "random", Map.of("topic", "team"), "topic")))
                    .containsExactly("Team Practices");
            String elsewhere = other[0].channel("general");
            assertThat(choices(bot, bot.emu.autocomplete(zed, other[0], elsewhere, "question show", Map.of("id", "team-"), "id"))).isEmpty();
            assertThat(choices(bot, bot.emu.autocomplete(zed, other[0], elsewhere, "random", Map.of("topic", "team"), "topic"))).isEmpty();
        }
    }

    private static List<String> choices(DiscordBotFixture bot, DiscordEmulator.Sent sent) {
        DiscordEmulator.Callback callback = bot.callback(sent);
        assertThat(callback.type()).isEqualTo(8);
        List<String> values = new ArrayList<>();
        callback.data().path("choices").forEach(c -> values.add(c.path("value").asText()));
        return values;
    }
}
