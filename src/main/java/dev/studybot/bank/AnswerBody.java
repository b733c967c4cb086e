package dev.studybot.bank;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a question's answer lines hold: the answer as bank Markdown, and the options when the
 * question is multiple choice ({@code - [ ]} and {@code - [x]} items, the checked ones right).
 * An answer that is only a label ("Answer:"), a placeholder ("Answer here", "*solution*",
 * "_[To be filled]_"), an empty {@code <details>} or links to elsewhere is no answer.
 */
final class AnswerBody {
    private static final Pattern OPTION = Pattern.compile("^\\s*[-*+]\\s+\\[([ xX])]\\s+(.*)$");
    private static final Pattern QUOTE = Pattern.compile("^\\s*>\\s?");
    private static final Pattern SUMMARY = Pattern.compile("(?i)<summary>.*?</summary>");
    private static final Pattern LABEL = Pattern.compile(
            "^(?:>\\s*)?(?:\\*\\*|__)?(?:answers?|ans|a|solution)\\s*\\d*(?:\\*\\*|__)?\\s*[:：]\\s*(?:\\*\\*|__)?\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern LINK = Pattern.compile("!?\\[(?:[^\\[\\]]|\\[[^\\]]*])*]\\([^)]*\\)");
    private static final Set<String> PLACEHOLDERS = Set.of("answer here", "your answer here", "write your answer here",
            "answer goes here", "add answer", "add answer here", "solution", "solution here", "to be filled", "to be added",
            "tbd", "todo", "to do", "coming soon", "wip", "answer", "answers", "na", "n a", "tba", "fill in");

    /** An answer as Markdown ("" when there is none) and, for multiple choice, its options. */
    record Read(String answer, List<ImportedQuestion.Choice> choices) {
    }

    private AnswerBody() {
    }

    static Read read(List<String> quoted) {
        List<String> lines = unquoted(quoted);
        List<ImportedQuestion.Choice> choices = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (String line : lines) {
            Matcher m = OPTION.matcher(line);
            if (m.matches()) {
                choices.add(new ImportedQuestion.Choice(QuestionShape.plain(m.group(2)), !m.group(1).isBlank()));
            } else {
                rest.add(SUMMARY.matcher(line).replaceAll(""));
            }
        }
        String body = unlabelled(AnswerText.clean(rest));
        if (!substantial(body)) {
            body = "";
        }
        if (choices.size() < 2) {
            // a lone task item is an answer's own checklist, not a choice
            return new Read(choices.isEmpty() ? body : AnswerText.clean(lines), List.of());
        }
        String right = String.join("\n", choices.stream().filter(ImportedQuestion.Choice::correct).map(ImportedQuestion.Choice::text).toList());
        String answer = right.isEmpty() ? "" : body.isEmpty() ? right : right + "\n\n" + body;
        return new Read(answer, choices);
    }

    /** A question and answer quoted together ("> **Q:** ...", "> **A:** ..."): the answer without the quote marks. */
    private static List<String> unquoted(List<String> lines) {
        boolean quoted = lines.stream().anyMatch(l -> !l.isBlank())
                && lines.stream().filter(l -> !l.isBlank()).allMatch(l -> l.stripLeading().startsWith(">"));
        List<String> inner = lines.stream().map(l -> l.isBlank() ? l : QUOTE.matcher(l).replaceFirst("")).toList();
        // a quoted answer of its own ("> The number of...") stays a quote
        return quoted && inner.stream().anyMatch(QuestionShape::answerLabel) ? inner : lines;
    }

    private static String unlabelled(String answer) {
        return LABEL.matcher(answer).replaceFirst("").strip();
    }

    /** Whether an answer says something here: more than links, labels, images and placeholders. */
    static boolean substantial(String answer) {
        String words = LINK.matcher(answer).replaceAll(" ");
        words = QuestionShape.withoutHtml(words).replaceAll("[^\\p{L}\\p{N}]+", " ").strip().toLowerCase(Locale.ROOT);
        return !words.isEmpty() && !PLACEHOLDERS.contains(words);
    }
}
