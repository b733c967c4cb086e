package dev.studybot.platform.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.studybot.analysis.LuceneTextAnalysis;
import dev.studybot.bank.BankCodec;
import dev.studybot.domain.QuestionDraft.Field;
import dev.studybot.platform.discord.emulator.DiscordEmulator;
import dev.studybot.platform.discord.emulator.EmuUser;
import dev.studybot.port.out.QuestionCodec;
import dev.studybot.support.TeamQuestion;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The team's own questions on Discord, through the real JDA client and the emulator: the question
 * form as a modal of five text inputs, a rejected form answered privately with every field as typed
 * and a button that opens it again filled in, edit, remove, and a deck exported as a file.
 */
class DiscordQuestionFormTest {
    static final String QUESTION = TeamQuestion.QUESTION;
    static final String ANSWER = TeamQuestion.ANSWER;
    static final String CLAIMS = TeamQuestion.CLAIMS;

    @TempDir
    Path dir;

    static Map<String, String> fields(String question, String answer, String claims, String topic, String details) {
        return TeamQuestion.fields(DiscordIds::questionField, question, answer, claims, topic, details);
    }

    /** The value of each text input of a modal callback, by custom id. */
    static Map<String, String> values(JsonNode modal) {
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode label : modal.path("components")) {
            JsonNode input = label.path("component");
            out.put(input.path("custom_id").asText(), input.path("value").asText(""));
        }
        return out;
    }

    @Test
    void anAdminAddsAQuestionThroughTheModalAndAMemberIsRefused() throws Exception {
        try (DiscordBotFixture bot = DiscordBotFixture.start(dir)) {
            EmuUser mod = bot.emu.moderator(bot.guild, "Mod");
            EmuUser ada = bot.emu.member(bot.guild, "Ada");

            DiscordEmulator.Callback opened = bot.callback(bot.slash(mod, "question add"));
            assertThat(opened.type()).isEqualTo(9);
            assertThat(opened.data().path("custom_id").asText()).isEqualTo("study:question-form:a:team");
            assertThat(opened.data().path("components")).hasSize(5);
            assertThat(opened.data().path("title").asText()).isEqualTo("New question · team");

            DiscordBotFixture.Reply saved = bot.reply(bot.emu.modalSubmit(mod, bot.guild, bot.general, "study:question-form:a:team",
                    fields(QUESTION, ANSWER, CLAIMS, "Team Practices", "level: basic\nid: team-review")));
            assertThat(saved.ephemeral()).isTrue();
            assertThat(saved.text()).contains("Added the question team-review to the deck team");
            assertThat(bot.reply(bot.slash(ada, "question show", Map.of("id", "team-review"))).text()).contains(QUESTION);
            assertThat(bot.reply(bot.slash(ada, "decks")).text()).contains("team").contains("1 question");

            DiscordBotFixture.Reply refused = bot.reply(bot.slash(ada, "question add"));
            assertThat(refused.ephemeral()).isTrue();
            assertThat(refused.text()).contains("Only admins");
            DiscordBotFixture.Reply sneaked = bot.reply(bot.emu.modalSubmit(ada, bot.guild, bot.general, "study:question-form:a:team",
                    fields("What is a sneaky question?", ANSWER, CLAIMS, "Team Practices", "level: basic")));
            assertThat(sneaked.text()).contains("Only admins");
            assertThat(bot.reply(bot.slash(ada, "decks")).text()).contains("1 question");
        }
    }

    @Test
    void aRejectedFormKeepsEveryWordAndItsButtonOpensTheFormAgainAsTyped() throws Exception {
        try (DiscordBotFixture bot = DiscordBotFixture.start(dir)) {
            EmuUser mod = bot.emu.moderator(bot.guild, "Mod");
            Map<String, String> typed = fields(QUESTION, ANSWER, "Gradients are clipped. | gradient clipping", "Team Practices", "level: basic");
            DiscordEmulator.Sent submitted = bot.emu.modalSubmit(mod, bot.guild, bot.general, "study:question-form:a:team", typed);
            DiscordBotFixture.Reply rejected = bot.reply(submitted);
            assertThat(rejected.ephemeral()).isTrue();
            assertThat(rejected.text()).contains("not saved").contains("does not occur in the answer")
                    .contains(QUESTION).contains("Gradients are clipped.").contains("gradient clipping");
            String retry = rejected.message().path("components").get(0).path("components").get(0).path("custom_id").asText();
            assertThat(retry).startsWith("study:question-retry:");

            DiscordEmulator.Callback reopened = bot.callback(bot.emu.buttonOnReply(mod, bot.guild, bot.general, submitted.token(), retry));
            assertThat(reopened.type()).isEqualTo(9);
            assertThat(values(reopened.data())).isEqualTo(typed);
            assertThat(bot.reply(bot.slash(mod, "decks")).text()).contains("(1 deck)").doesNotContain("`team`");
        }
    }

    @Test
    void editOpensTheFormFilledInRemoveKeepsTheIdAndExportSendsTheDeckAsAFile() throws Exception {
        try (DiscordBotFixture bot = DiscordBotFixture.start(dir)) {
            EmuUser mod = bot.emu.moderator(bot.guild, "Mod");
            bot.reply(bot.emu.modalSubmit(mod, bot.guild, bot.general, "study:question-form:a:team",
                    fields(QUESTION, ANSWER, CLAIMS, "Team Practices", "level: basic\nid: team-review")));

            DiscordEmulator.Callback edit = bot.callback(bot.slash(mod, "question edit", Map.of("id", "team-review")));
            assertThat(edit.type()).isEqualTo(9);
            assertThat(edit.data().path("custom_id").asText()).isEqualTo("study:question-form:e:team-review");
            Map<String, String> filled = values(edit.data());
            assertThat(filled.get(DiscordIds.questionField(Field.QUESTION))).isEqualTo(QUESTION);
            assertThat(filled.get(DiscordIds.questionField(Field.DETAILS))).contains("id: team-review");
            filled.put(DiscordIds.questionField(Field.ANSWER), ANSWER + " Reviews also spread knowledge.");
            assertThat(bot.reply(bot.emu.modalSubmit(mod, bot.guild, bot.general, "study:question-form:e:team-review", filled)).text())
                    .contains("Saved your changes to the question team-review");

            assertThat(bot.reply(bot.slash(mod, "question edit", Map.of("id", "reg-dropout"))).text()).contains("built-in bank");

            DiscordBotFixture.Reply export = bot.reply(bot.slash(mod, "bank export", Map.of("deck", "team")));
            assertThat(export.ephemeral()).isTrue();
            JsonNode file = export.message().path("attachments").get(0);
            assertThat(file.path("filename").asText()).isEqualTo("team.yaml");
            String yaml = new String(bot.emu.attachment(file.path("id").asText()).orElseThrow(), StandardCharsets.UTF_8);
            QuestionCodec.Decoded back = new BankCodec(new LuceneTextAnalysis()).decode("team.yaml", yaml);
            assertThat(back.problems()).isEmpty();
            assertThat(back.questions()).singleElement().satisfies(q -> assertThat(q.answer()).contains("spread knowledge"));

            assertThat(bot.reply(bot.slash(mod, "question remove", Map.of("id", "team-review"))).text()).contains("Removed the question team-review");
            assertThat(bot.reply(bot.slash(mod, "question show", Map.of("id", "team-review"))).text()).contains(QUESTION);
            assertThat(bot.reply(bot.slash(mod, "decks")).text()).contains("0 questions");
        }
    }
}
