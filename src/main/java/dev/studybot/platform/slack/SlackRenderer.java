package dev.studybot.platform.slack;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import dev.studybot.domain.Question;
import dev.studybot.domain.QuestionDraft;
import dev.studybot.domain.words.Labels;
import dev.studybot.domain.words.MarkupRenderer;
import dev.studybot.domain.Picture;
import dev.studybot.domain.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Replies as Block Kit. The words come from {@link MarkupRenderer} in Slack's mrkdwn; this class
 * adds the structure: sections within Slack's size limits, the Answer and Reveal buttons of a
 * post, and the answer modal. Every mrkdwn text object is {@code verbatim}, so Slack parses no
 * mention or channel name out of it.
 */
final class SlackRenderer {
    static final String ANSWER_ACTION = "studybot-answer";
    static final String REVEAL_ACTION = "studybot-reveal";
    static final String ANSWER_FORM = "studybot-answer-form";
    static final String ANSWER_BLOCK = "answer";
    static final String ANSWER_INPUT = "text";
    static final String IMPORT_CONFIRM_ACTION = "studybot-import-confirm";
    static final String SUGGEST_FORM = "studybot-suggest-form";
    /** The suggestion form's fields: each input's block id, its action id being {@link #ANSWER_INPUT}. */
    static final List<String> SUGGEST_FIELDS = List.of("question", "answer", "claims", "topic", "level");
    static final String QUESTION_FORM = "studybot-question-form";
    static final String QUESTION_INPUT = "value";
    /** Slack's limits: a modal's title, an input's placeholder. */
    static final int TITLE_LIMIT = 24;
    static final int PLACEHOLDER_LIMIT = 150;
    /** Slack's limits: text of a section, characters of a text input, blocks per message. */
    static final int SECTION_LIMIT = 3000;
    static final int INPUT_LIMIT = 3000;
    static final int BLOCK_LIMIT = 50;
    private static final int NOTIFICATION_LIMIT = 3000;

    private final MarkupRenderer words = new MarkupRenderer(new SlackMarkup());

    /** The modal of the Answer button and of {@code /study answer} without text. */
    View answerModal(Reply.AnswerForm form, String privateMetadata) {
        Question q = form.question();
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(words.markup().bold(words.markup().text(q.text()))));
        blocks.add(ContextBlock.builder().elements(List.of(mrkdwn(words.meta(q)))).build());
        blocks.add(InputBlock.builder()
                .blockId(ANSWER_BLOCK)
                .label(label(Labels.ANSWER_FIELD))
                .element(PlainTextInputElement.builder()
                        .actionId(ANSWER_INPUT)
                        .multiline(true)
                        .minLength(1)
                        .maxLength(Math.min(form.maxLength(), INPUT_LIMIT))
                        .build())
                .build());
        return modal(ANSWER_FORM, Labels.FORM_TITLE, Labels.SUBMIT, privateMetadata, blocks);
    }

    private static View modal(String callbackId, String title, String submit, String privateMetadata, List<LayoutBlock> blocks) {
        return View.builder()
                .type("modal")
                .callbackId(callbackId)
                .title(ViewTitle.builder().type(PlainTextObject.TYPE).text(title).build())
                .submit(ViewSubmit.builder().type(PlainTextObject.TYPE).text(submit).build())
                .close(ViewClose.builder().type(PlainTextObject.TYPE).text(Labels.CANCEL).build())
                .privateMetadata(privateMetadata)
                .blocks(blocks)
                .build();
    }

    /** The suggestion form: question, answer, claims, topic and level. */
    View suggestModal(Reply.SuggestForm form, String privateMetadata) {
        List<String> labels = List.of(Labels.SUGGEST_QUESTION, Labels.SUGGEST_ANSWER, Labels.SUGGEST_CLAIMS, Labels.SUGGEST_TOPIC,
                Labels.SUGGEST_LEVEL);
        List<Integer> limits = List.of(form.maxQuestion(), form.maxAnswer(), form.maxClaims(), form.maxTopic(), form.maxLevel());
        List<LayoutBlock> blocks = new ArrayList<>();
        for (int i = 0; i < SUGGEST_FIELDS.size(); i++) {
            blocks.add(InputBlock.builder()
                    .blockId(SUGGEST_FIELDS.get(i))
                    .label(label(labels.get(i)))
                    .hint(i == 2 ? label(Labels.SUGGEST_CLAIMS_HINT) : null)
                    .optional(i > 0)
                    .element(PlainTextInputElement.builder()
                            .actionId(ANSWER_INPUT)
                            .multiline(i < 3)
                            .maxLength(Math.min(limits.get(i), INPUT_LIMIT))
                            .build())
                    .build());
        }
        return modal(SUGGEST_FORM, Labels.SUGGEST_TITLE, Labels.SUBMIT, privateMetadata, blocks);
    }

    /** The input block of a question form's field. */
    static String questionBlock(QuestionDraft.Field field) {
        return "question-" + field.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether every field of the draft fits in a text input. */
    static boolean fits(QuestionDraft draft) {
        return java.util.Arrays.stream(QuestionDraft.Field.values()).allMatch(f -> draft.value(f).length() <= INPUT_LIMIT);
    }

    /** The question form: five text inputs, filled in with the draft; problems come back on them from the submission's ack. */
    View questionModal(QuestionDraft draft, String privateMetadata) {
        List<LayoutBlock> blocks = new ArrayList<>();
        for (QuestionDraft.Field f : QuestionDraft.Field.values()) {
            PlainTextInputElement.PlainTextInputElementBuilder input = PlainTextInputElement.builder()
                    .actionId(QUESTION_INPUT)
                    .multiline(f != QuestionDraft.Field.TOPIC)
                    .maxLength(INPUT_LIMIT);
            if (!draft.value(f).isBlank()) {
                input.initialValue(draft.value(f));
            }
            String placeholder = f == QuestionDraft.Field.CLAIMS ? Labels.CLAIMS_PLACEHOLDER
                    : f == QuestionDraft.Field.DETAILS ? Labels.DETAILS_PLACEHOLDER.replace("\n", " / ") : null;
            if (placeholder != null) {
                input.placeholder(label(shorten(placeholder, PLACEHOLDER_LIMIT)));
            }
            InputBlock.InputBlockBuilder block = InputBlock.builder().blockId(questionBlock(f)).label(label(Labels.field(f))).element(input.build());
            if (f == QuestionDraft.Field.CLAIMS) {
                block.hint(label(Labels.CLAIMS_HINT));
            } else if (f == QuestionDraft.Field.DETAILS) {
                block.hint(label(Labels.DETAILS_HINT));
            }
            blocks.add(block.build());
        }
        return modal(QUESTION_FORM, shorten(Labels.questionFormTitle(draft), TITLE_LIMIT), Labels.SAVE, privateMetadata, blocks);
    }

    /** A card gets the Answer and Reveal buttons of its post, an import report with questions to store its Confirm button; every other reply is sections of text. */
    SlackMessage render(Reply reply) {
        return switch (reply) {
            case Reply.QuestionCard card -> questionCard(card);
            case Reply.ImportChecked checked when checked.report().storable() > 0 -> importChecked(checked);
            default -> plain(words.render(reply), reply.picture());
        };
    }

    private SlackMessage questionCard(Reply.QuestionCard reply) {
        String text = words.render(reply);
        List<LayoutBlock> blocks = new ArrayList<>(sections(text, BLOCK_LIMIT - 1));
        reply.postId().ifPresent(id -> blocks.add(ActionsBlock.builder()
                .blockId("studybot-post-" + id)
                .elements(List.<BlockElement>of(
                        button(ANSWER_ACTION, Labels.ANSWER_BUTTON, id, "primary"),
                        button(REVEAL_ACTION, Labels.REVEAL_BUTTON, id, null)))
                .build()));
        return new SlackMessage(notification(text), blocks);
    }

    private SlackMessage importChecked(Reply.ImportChecked reply) {
        String text = words.render(reply);
        List<LayoutBlock> blocks = new ArrayList<>(sections(text, BLOCK_LIMIT - 1));
        blocks.add(ActionsBlock.builder().blockId("studybot-import")
                .elements(List.<BlockElement>of(ButtonElement.builder().actionId(IMPORT_CONFIRM_ACTION).text(label(Labels.CONFIRM_IMPORT_BUTTON))
                        .value("confirm").style("primary").build()))
                .build());
        return new SlackMessage(notification(text), blocks);
    }

    /** The channel's reply once a deck file went to the asker's direct messages: the file's words and where it went. */
    SlackMessage deckSent(Reply.DeckFile file) {
        return plain(words.render(file) + " " + words.markup().text(Labels.FILE_IN_DIRECT_MESSAGE), Optional.empty());
    }

    private static SlackMessage plain(String text, Optional<Picture> picture) {
        return new SlackMessage(notification(text), sections(text, BLOCK_LIMIT), picture);
    }

    static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** Mrkdwn cut into sections of at most {@link #SECTION_LIMIT} characters, at paragraph or line ends where possible. */
    static List<LayoutBlock> sections(String text, int maxBlocks) {
        List<LayoutBlock> blocks = new ArrayList<>();
        String rest = text.strip();
        while (!rest.isEmpty() && blocks.size() < maxBlocks) {
            if (rest.length() <= SECTION_LIMIT) {
                blocks.add(section(rest));
                break;
            }
            if (blocks.size() == maxBlocks - 1) {
                blocks.add(section(rest.substring(0, SECTION_LIMIT - 1) + "…"));
                break;
            }
            int cut = cutPoint(rest);
            blocks.add(section(rest.substring(0, cut).strip()));
            rest = rest.substring(cut).strip();
        }
        return blocks;
    }

    private static int cutPoint(String text) {
        int paragraph = text.lastIndexOf("\n\n", SECTION_LIMIT);
        if (paragraph > SECTION_LIMIT / 2) {
            return paragraph;
        }
        int line = text.lastIndexOf('\n', SECTION_LIMIT);
        if (line > SECTION_LIMIT / 2) {
            return line;
        }
        int space = text.lastIndexOf(' ', SECTION_LIMIT);
        int cut = space > SECTION_LIMIT / 2 ? space : SECTION_LIMIT;
        // never split an escape such as &amp; in two
        int amp = text.lastIndexOf('&', cut);
        if (amp >= 0 && cut - amp < 6 && text.indexOf(';', amp) >= cut) {
            cut = amp;
        }
        return cut;
    }

    private static String notification(String text) {
        return text.length() <= NOTIFICATION_LIMIT ? text : text.substring(0, NOTIFICATION_LIMIT - 1) + "…";
    }

    private static SectionBlock section(String mrkdwn) {
        return SectionBlock.builder().text(mrkdwn(mrkdwn)).build();
    }

    private static MarkdownTextObject mrkdwn(String text) {
        return MarkdownTextObject.builder().text(text).verbatim(true).build();
    }

    private static PlainTextObject label(String text) {
        return PlainTextObject.builder().text(text).emoji(false).build();
    }

    private static ButtonElement button(String actionId, String label, long postId, String style) {
        return ButtonElement.builder().actionId(actionId).text(label(label)).value(Long.toString(postId)).style(style).build();
    }
}
