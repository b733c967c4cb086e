package dev.studybot.bank;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commonmark.ext.task.list.items.TaskListItemMarker;
import org.commonmark.node.Heading;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Node;

/**
 * Which headings of a document are questions, judged by their siblings: headings numbered the
 * same way ("#### 1)", "## 12.", "### Q3:") are one series, and a series most of whose members ask
 * is a series of questions, members that do not ask included ("## 14. Expected value"). An
 * unnumbered heading is a question when it asks with a question mark.
 */
final class HeadingPlan {
    private final Set<Node> questions = new HashSet<>();

    /** A heading's text without its markers, as read from the source. */
    interface HeadingText {
        String of(Heading heading);
    }

    HeadingPlan(Node document, HeadingText text) {
        Map<String, List<Heading>> series = new HashMap<>();
        List<Heading> unnumbered = new ArrayList<>();
        for (Node n = document.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Heading h) {
                String style = QuestionShape.numbering(text.of(h));
                (style.isEmpty() ? unnumbered : series.computeIfAbsent(style, s -> new ArrayList<>())).add(h);
            }
        }
        for (Map.Entry<String, List<Heading>> e : series.entrySet()) {
            List<Heading> members = e.getValue();
            long asking = members.stream().filter(h -> asks(text.of(h)) || choicesFollow(h)).count();
            // "Q1.", "Q2:" say outright that they are questions
            boolean labelled = e.getKey().startsWith("Q") && asking > 0;
            boolean questionSeries = members.size() >= 2 && (labelled || asking * 2 >= members.size());
            for (Heading h : members) {
                String t = text.of(h);
                if (questionSeries ? hasWords(t) && !QuestionShape.navigation(t) : asks(t) || choicesFollow(h)) {
                    questions.add(h);
                }
            }
        }
        for (Heading h : unnumbered) {
            String t = text.of(h);
            if (asks(t) && QuestionShape.plain(t).contains("?") && !QuestionShape.navigation(t)) {
                questions.add(h);
            }
        }
    }

    /** Whether options to choose from ("- [ ]", "- [x]") follow a heading before the next one: a multiple-choice question. */
    private static boolean choicesFollow(Heading heading) {
        for (Node n = heading.getNext(); n != null && !(n instanceof Heading); n = n.getNext()) {
            if (n instanceof ListBlock list && list.getFirstChild() != null
                    && list.getFirstChild().getFirstChild() instanceof Paragraph p && p.getFirstChild() instanceof TaskListItemMarker) {
                return true;
            }
        }
        return false;
    }

    boolean isQuestion(Heading heading) {
        return questions.contains(heading);
    }

    static boolean asks(String text) {
        String t = QuestionShape.questionText(text);
        return LevelTags.leads(t) || QuestionShape.isQuestion(LevelTags.read(t).text());
    }

    private static boolean hasWords(String text) {
        return QuestionShape.questionText(text).chars().anyMatch(Character::isLetterOrDigit);
    }
}
