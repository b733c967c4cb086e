package dev.studybot.platform.discord;

import dev.studybot.domain.Question;
import dev.studybot.domain.QuestionDraft;
import dev.studybot.domain.words.Labels;
import dev.studybot.domain.words.MarkupRenderer;
import dev.studybot.domain.Reply;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textdisplay.TextDisplay;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.modals.Modal;

/**
 * Renders every reply for Discord: studybot's wording from {@link MarkupRenderer} in embeds,
 * the Answer and Reveal buttons on a post's card, the answer form as a modal, and a reply's
 * picture as an attachment.
 */
final class DiscordRenderer {
    static final Color CARD = new Color(0x2ECC71);
    static final Color INFO = new Color(0x5865F2);
    static final Color ERROR = new Color(0xE74C3C);
    /** Room left in an embed's description (4096) for a continuation mark. */
    private static final int DESCRIPTION_CHUNK = 4000;
    private static final int MODAL_TEXT_LIMIT = 4000;

    private final MarkupRenderer text = new MarkupRenderer(new DiscordMarkup());

    /** A card gets the Answer and Reveal buttons of its post, a form is a modal; every other reply is embeds in its tone's colour. */
    DiscordView render(Reply reply) {
        return switch (reply) {
            case Reply.QuestionCard card -> questionCard(card);
            case Reply.AnswerForm form -> answerForm(form);
            case Reply.SuggestForm form -> new DiscordView(embeds(text.render(reply), INFO), List.of(), Optional.of(suggestModal(form)));
            case Reply.ImportChecked checked when checked.report().storable() > 0 -> new DiscordView(
                    embeds(text.render(reply), colour(MarkupRenderer.tone(reply))),
                    List.of(ActionRow.of(Button.success(DiscordIds.IMPORT_CONFIRM_BUTTON, Labels.CONFIRM_IMPORT_BUTTON))), Optional.empty());
            case Reply.QuestionForm form when !form.rejected() && fits(form.draft()) -> new DiscordView(embeds(text.render(reply), INFO),
                    List.of(), Optional.of(questionModal(form.draft())));
            case Reply.DeckFile file -> new DiscordView(embeds(text.render(reply), INFO), List.of(), Optional.empty(), Optional.empty(),
                    Optional.of(file.file()));
            default -> new DiscordView(embeds(text.render(reply), colour(MarkupRenderer.tone(reply))), List.of(), Optional.empty(),
                    reply.picture());
        };
    }

    private DiscordView questionCard(Reply.QuestionCard reply) {
        List<ActionRow> rows = reply.postId()
                .map(id -> List.of(ActionRow.of(Button.primary(DiscordIds.answerButton(id), Labels.ANSWER_BUTTON),
                        Button.secondary(DiscordIds.revealButton(id), Labels.REVEAL_BUTTON))))
                .orElse(List.of());
        return new DiscordView(embeds(text.render(reply), CARD), rows, Optional.empty());
    }

    /** A modal with the question and one answer field limited to the configured length; the text form when a modal cannot be opened. */
    private DiscordView answerForm(Reply.AnswerForm reply) {
        return new DiscordView(embeds(text.render(reply), INFO), List.of(),
                Optional.of(answerModal(Optional.of(reply.postId()), Optional.of(reply.question()), reply.maxLength())));
    }

    /** The answer modal; without a question (the core was too slow to say) it asks for an answer to the named or today's post. */
    Modal answerModal(Optional<Long> postId, Optional<Question> question, int maxLength) {
        String title = question.map(q -> Labels.formTitle(q.id())).orElse(Labels.ANSWER_FIELD);
        Modal.Builder modal = Modal.create(DiscordIds.answerForm(postId), shorten(title, Modal.MAX_TITLE_LENGTH));
        question.ifPresent(q -> modal.addComponents(TextDisplay.of(shorten(text.markup().bold(text.markup().text(q.text())), MODAL_TEXT_LIMIT))));
        TextInput field = TextInput.create(DiscordIds.ANSWER_FIELD, TextInputStyle.PARAGRAPH)
                .setRequired(true)
                .setRequiredRange(1, Math.min(maxLength, TextInput.MAX_VALUE_LENGTH))
                .build();
        modal.addComponents(Label.of(Labels.ANSWER_FIELD, Labels.answerFieldHint(maxLength), field));
        return modal.build();
    }

    /** The suggestion form: question, answer, claims, topic and level, Discord's five fields. */
    Modal suggestModal(Reply.SuggestForm form) {
        return Modal.create(DiscordIds.SUGGEST_FORM, Labels.SUGGEST_TITLE)
                .addComponents(Label.of(Labels.SUGGEST_QUESTION, input(DiscordIds.SUGGEST_QUESTION, TextInputStyle.PARAGRAPH, true, form.maxQuestion())),
                        Label.of(Labels.SUGGEST_ANSWER, input(DiscordIds.SUGGEST_ANSWER, TextInputStyle.PARAGRAPH, false, form.maxAnswer())),
                        Label.of(Labels.SUGGEST_CLAIMS, Labels.SUGGEST_CLAIMS_HINT,
                                input(DiscordIds.SUGGEST_CLAIMS, TextInputStyle.PARAGRAPH, false, form.maxClaims())),
                        Label.of(Labels.SUGGEST_TOPIC, input(DiscordIds.SUGGEST_TOPIC, TextInputStyle.SHORT, false, form.maxTopic())),
                        Label.of(Labels.SUGGEST_LEVEL, input(DiscordIds.SUGGEST_LEVEL, TextInputStyle.SHORT, false, form.maxLevel())))
                .build();
    }

    private static TextInput input(String id, TextInputStyle style, boolean required, int max) {
        return TextInput.create(id, style).setRequired(required).setMaxLength(Math.min(max, TextInput.MAX_VALUE_LENGTH)).build();
    }

    /**
     * The question form as a modal: Discord's five text inputs, filled in with the draft. A field
     * over Discord's 4,000 characters cannot be shown in one, so such a draft is worded as text.
     */
    Modal questionModal(QuestionDraft draft) {
        Modal.Builder modal = Modal.create(DiscordIds.questionForm(draft), shorten(Labels.questionFormTitle(draft), Modal.MAX_TITLE_LENGTH));
        modal.addComponents(
                field(draft, QuestionDraft.Field.QUESTION, TextInputStyle.PARAGRAPH, null, null),
                field(draft, QuestionDraft.Field.ANSWER, TextInputStyle.PARAGRAPH, null, null),
                field(draft, QuestionDraft.Field.CLAIMS, TextInputStyle.PARAGRAPH, Labels.CLAIMS_HINT, Labels.CLAIMS_PLACEHOLDER),
                field(draft, QuestionDraft.Field.TOPIC, TextInputStyle.SHORT, null, null),
                field(draft, QuestionDraft.Field.DETAILS, TextInputStyle.PARAGRAPH, Labels.DETAILS_HINT, Labels.DETAILS_PLACEHOLDER));
        return modal.build();
    }

    private static Label field(QuestionDraft draft, QuestionDraft.Field f, TextInputStyle style, String hint, String placeholder) {
        TextInput.Builder input = TextInput.create(DiscordIds.questionField(f), style).setRequired(true).setMaxLength(TextInput.MAX_VALUE_LENGTH);
        if (placeholder != null) {
            input.setPlaceholder(shorten(placeholder, TextInput.MAX_PLACEHOLDER_LENGTH));
        }
        String value = draft.value(f);
        if (!value.isBlank()) {
            input.setValue(value);
        }
        return hint == null ? Label.of(Labels.field(f), input.build()) : Label.of(Labels.field(f), hint, input.build());
    }

    /** Whether every field of the draft fits in a modal's text input. */
    static boolean fits(QuestionDraft draft) {
        return java.util.Arrays.stream(QuestionDraft.Field.values()).allMatch(f -> draft.value(f).length() <= TextInput.MAX_VALUE_LENGTH);
    }

    /** A form that came back with problems: its words (every field as typed), and a button that opens it again as typed. */
    DiscordView rejectedForm(Reply.QuestionForm form, String retryId) {
        List<ActionRow> rows = fits(form.draft()) ? List.of(ActionRow.of(Button.primary(retryId, Labels.REOPEN_FORM))) : List.of();
        return new DiscordView(embeds(text.render(form), ERROR), rows, Optional.empty());
    }

    private static Color colour(MarkupRenderer.Tone tone) {
        return switch (tone) {
            case QUESTION -> CARD;
            case INFO -> INFO;
            case PROBLEM -> ERROR;
        };
    }

    /** A thread name for a question: its text, cut to Discord's 100 characters. */
    static String threadName(Question question) {
        return shorten(question.text().replaceAll("\\s+", " ").strip(), 100);
    }


    /** One embed per description-sized chunk, cut at line ends where possible. */
    static List<MessageEmbed> embeds(String body, Color color) {
        List<MessageEmbed> out = new ArrayList<>();
        String rest = body.strip();
        do {
            int cut = rest.length() <= DESCRIPTION_CHUNK ? rest.length() : breakBefore(rest, DESCRIPTION_CHUNK);
            out.add(new EmbedBuilder().setColor(color).setDescription(rest.substring(0, cut).strip().isEmpty() ? "\u200B" : rest.substring(0, cut)).build());
            rest = rest.substring(cut).stripLeading();
        } while (!rest.isEmpty());
        return out;
    }

    private static int breakBefore(String text, int limit) {
        int newline = text.lastIndexOf('\n', limit);
        if (newline > limit / 2) {
            return newline;
        }
        int space = text.lastIndexOf(' ', limit);
        int cut = space > limit / 2 ? space : limit;
        // never split a surrogate pair
        return Character.isHighSurrogate(text.charAt(cut - 1)) ? cut - 1 : cut;
    }

    static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
