package dev.studybot.platform.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studybot.domain.KeyPoint;
import dev.studybot.domain.Level;
import dev.studybot.domain.Question;
import dev.studybot.domain.Reply;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.Test;

class DiscordRendererTest {
    private final DiscordMarkup markup = new DiscordMarkup();
    private final DiscordRenderer renderer = new DiscordRenderer();

    @Test
    void userTextShowsAsTypedAndCannotMention() {
        assertThat(markup.text("@everyone and @here")).isEqualTo("@\u200Beveryone and @\u200Bhere");
        assertThat(markup.text("<@123> <@&456> <#789>")).isEqualTo("\\<@123\\> \\<@&456\\> \\<#789\\>");
        assertThat(markup.text("**bold** _it_ `code` ~~s~~ ||spoiler|| [link](x)"))
                .isEqualTo("\\*\\*bold\\*\\* \\_it\\_ \\`code\\` \\~\\~s\\~\\~ \\|\\|spoiler\\|\\| \\[link\\]\\(x\\)");
        assertThat(markup.text("# not a header\n- not a list")).isEqualTo("\\# not a header\n\\- not a list");
        assertThat(markup.text("a-b #1")).isEqualTo("a-b #1");
        assertThat(markup.markdown("**Dropout** pings <@&1> and @Everyone")).isEqualTo("**Dropout** pings \\<@&1> and @\u200BEveryone");
        assertThat(markup.code("a`b")).isEqualTo("`a\u02CBb`");
    }

    @Test
    void aHistoryLineLinksToItsPostByServerChannelAndMessage() {
        Reply.History history = new Reply.History(new dev.studybot.domain.ChannelRef("discord", "111", "222"), List.of(
                new Reply.History.HistoryLine("reg-dropout", Optional.of("What is dropout?"), java.time.Instant.parse("2026-11-16T09:00:00Z"),
                        Optional.of("333"), false),
                new Reply.History.HistoryLine("gone-one", Optional.empty(), java.time.Instant.parse("2026-11-15T09:00:00Z"),
                        Optional.empty(), false)), false, java.time.ZoneOffset.UTC);
        String text = new dev.studybot.domain.words.MarkupRenderer(markup).render(history);
        assertThat(text).contains("Mon 16 Nov 2026 · `reg-dropout` What is dropout? · <https://discord.com/channels/111/222/333>")
                .contains("`gone-one` _no longer in the bank_");
    }

    @Test
    void aLongAnswerIsSplitWithinDiscordsLimits() {
        String paragraph = "Gradient clipping bounds the norm of the update so one bad batch cannot wreck training. ";
        Question q = new Question("long-one", "Training", Level.ADVANCED, "Why clip gradients?", (paragraph.repeat(20) + "\n\n").repeat(8),
                List.of(new KeyPoint(List.of("norm"))), List.of());
        DiscordView view = renderer.render(new Reply.ModelAnswer(q, false));
        assertThat(view.embeds()).hasSizeGreaterThan(3).allSatisfy(e -> assertThat(e.getDescription().length()).isLessThanOrEqualTo(4096));
        List<MessageCreateData> messages = view.messages();
        assertThat(messages).hasSizeGreaterThan(1);
        for (MessageCreateData m : messages) {
            assertThat(m.getEmbeds().stream().mapToInt(MessageEmbed::getLength).sum()).isLessThanOrEqualTo(6000);
            assertThat(m.getAllowedMentions()).isEmpty();
        }
        String joined = String.join("", view.embeds().stream().map(MessageEmbed::getDescription).toList());
        assertThat(joined.replaceAll("\\s", "")).isEqualTo(new dev.studybot.domain.words.MarkupRenderer(markup).render(new Reply.ModelAnswer(q, false))
                .replaceAll("\\s", ""));
    }

    @Test
    void aPostsCardCarriesItsButtonsAndAnAnswerFormIsAModalLimitedToTheConfiguredLength() {
        Question q = new Question("reg-dropout", "Regularization", Level.BASIC, "What is dropout?", "It drops units.",
                List.of(new KeyPoint(List.of("drops units"))), List.of());
        DiscordView card = renderer.render(new Reply.QuestionCard(q, Optional.of(42L), true));
        assertThat(card.rows()).hasSize(1);
        assertThat(card.rows().get(0).getButtons()).extracting(b -> b.getCustomId()).containsExactly("study:answer:42", "study:reveal:42");
        DiscordView lookup = renderer.render(new Reply.QuestionCard(q, Optional.empty(), false));
        assertThat(lookup.rows()).isEmpty();

        DiscordView form = renderer.render(new Reply.AnswerForm(42, q, 300));
        assertThat(form.modal()).isPresent();
        assertThat(form.modal().get().getId()).isEqualTo("study:answer-form:42");
        assertThat(form.modal().get().toData().toString()).contains("\"max_length\":300").contains("What is dropout?");
    }
}
