package dev.studybot.bank;

import dev.studybot.domain.Level;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Emphasis;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.StrongEmphasis;

/**
 * One pass over a parsed list that cuts it into questions and the answers that follow them.
 * Where a question may start depends on what holds it: a heading of a question series (its answer
 * runs to the next heading at its level or above, sub-headings and lists included), a paragraph
 * set out as a question (bold, or labelled "Q."; its answer runs to the next question, or is the
 * {@code <details>} block that follows), a list item of a list most of whose items ask (its
 * answer is what the item holds), or a row of a table with a question column. Nothing inside an
 * answer is ever a question; contents, link lists and intros about the list are passed over.
 */
final class Segmenter {

    private final String name;
    private final SeedStyle.Result style;
    private final SourceText source;
    private final HeadingPlan plan;
    private final Deque<Title> titles = new ArrayDeque<>();
    private final List<Mark> marks = new ArrayList<>();
    private final List<ImportedList.Skipped> skipped = new ArrayList<>();
    /** After a bold or labelled question, everything up to the next question or title is its answer. */
    private boolean openAnswer;
    /** Inside the answer of a question heading at this level (0: not). */
    private int answerLevel;
    /** A labelled question ("Q. ...") whose parts may follow until its {@code <details>} answer. */
    private Mark pending;
    private boolean inDetails;
    private LastTitle contents;

    /** A question's start (or a title's, when text is null) and the lines its answer may take. */
    private static final class Mark {
        final int start;
        int answerFrom;
        int cap;
        String text;
        final String topic;
        final Optional<Level> level;
        final String lead;
        String fixedAnswer;

        Mark(int start, int answerFrom, int cap, String text, String topic, Optional<Level> level, String lead) {
            this.start = start;
            this.answerFrom = answerFrom;
            this.cap = cap;
            this.text = text;
            this.topic = topic;
            this.level = level;
            this.lead = lead;
        }
    }

    private record Title(int rank, String text, Optional<Level> level) {
    }

    /** The title last set, and those it put aside, in case its section turns out to be a list of contents. */
    private record LastTitle(int line, Title title, List<Title> displaced) {
    }

    Segmenter(String name, SeedStyle.Result style, Node document) {
        this.name = name;
        this.style = style;
        this.source = new SourceText(style.lines());
        this.plan = new HeadingPlan(document, source::headingText);
        children(document.getFirstChild(), 0);
    }

    private void children(Node from, int depth) {
        for (Node n = from; n != null; n = n.getNext()) {
            if (inDetails) {
                if (n instanceof HtmlBlock html && closesDetails(html)) {
                    inDetails = false;
                    stop(SourceText.last(n));
                }
                continue;
            }
            if (n instanceof Heading h) {
                heading(h);
                continue;
            }
            if (answerLevel > 0) {
                continue;
            }
            if (n instanceof HtmlBlock html) {
                html(html);
            } else if (n instanceof Paragraph p) {
                paragraph(p);
            } else if (n instanceof ListBlock list) {
                if (pending != null && continues(pending, hasQuestion(list))) {
                    pending.text = pending.text + " " + listText(list);
                    pending.answerFrom = SourceText.last(list) + 1;
                } else if (pending == null) {
                    list(list, depth);
                }
            } else if (n instanceof TableBlock table) {
                if (pending == null && !openAnswer) {
                    for (QuestionTable.Row row : QuestionTable.rows(table)) {
                        Mark m = question(row.line(), row.line() + 1, row.line(), row.question(), "", row.level());
                        m.fixedAnswer = row.answer();
                    }
                }
            } else if (n instanceof BlockQuote) {
                children(n.getFirstChild(), depth);
            }
        }
    }

    private void heading(Heading h) {
        if (answerLevel > 0 && h.getLevel() > answerLevel) {
            return;
        }
        answerLevel = 0;
        openAnswer = false;
        pending = null;
        if (QuestionShape.labelHeading(source.headingText(h)) && h.getNext() instanceof Paragraph p) {
            // "### Question 3" labels the question in the paragraph below it
            titles.removeIf(t -> t.rank() >= h.getLevel());
            stop(SourceText.first(h));
            question(SourceText.first(p), SourceText.last(p) + 1, Integer.MAX_VALUE, source.raw(p), "");
            answerLevel = h.getLevel();
        } else if (plan.isQuestion(h)) {
            // the topic is a heading above the series, never a banner set deeper than it
            titles.removeIf(t -> t.rank() >= h.getLevel());
            question(SourceText.first(h), SourceText.first(h) + 1, Integer.MAX_VALUE, source.headingText(h), "");
            answerLevel = h.getLevel();
        } else {
            title(h.getLevel(), source.headingText(h), SourceText.first(h));
        }
    }

    private void html(HtmlBlock html) {
        String literal = html.getLiteral() == null ? "" : html.getLiteral();
        if (literal.contains("<details") && !closesDetails(html)) {
            inDetails = true;
            if (pending != null) {
                pending.answerFrom = SourceText.first(html);
                pending = null;
            }
        }
    }

    private static boolean closesDetails(HtmlBlock html) {
        String literal = html.getLiteral() == null ? "" : html.getLiteral();
        return literal.lastIndexOf("</details>") > literal.lastIndexOf("<details");
    }

    private void paragraph(Paragraph p) {
        String text = source.raw(p);
        if (QuestionShape.labelled(text) && QuestionShape.questionText(text).chars().anyMatch(Character::isLetter)) {
            // "Question: ...", then "Answer: ..." on a line of its own, maybe in the same paragraph
            int end = SourceText.last(p);
            for (int line = SourceText.first(p) + 1; line <= SourceText.last(p); line++) {
                if (QuestionShape.answerLabel(source.lineText(p, line))) {
                    end = line - 1;
                    break;
                }
            }
            Mark m = question(SourceText.first(p), end + 1, Integer.MAX_VALUE, linesText(p, end, -1), "");
            openAnswer = true;
            pending = end == SourceText.last(p) ? m : null;
            return;
        }
        if (pending != null) {
            if (QuestionShape.answerLabel(text) || !continues(pending, false)) {
                // the question has asked: what follows is its answer
                pending = null;
                return;
            }
            pending.text = pending.text + " " + QuestionShape.plain(text);
            pending.answerFrom = SourceText.last(p) + 1;
            return;
        }
        int boldEnd = boldQuestionEnd(p);
        if (boldEnd >= 0) {
            boldQuestion(p, boldEnd, Integer.MAX_VALUE);
            openAnswer = true;
            return;
        }
        if (openAnswer) {
            return;
        }
        String firstLine = source.lineText(p, SourceText.first(p));
        if (QuestionShape.isQuestion(firstLine) && firstLine.strip().endsWith("?") && !introQuestion(firstLine)) {
            plainQuestion(p, Integer.MAX_VALUE);
            openAnswer = true;
        } else if (SourceText.first(p) == SourceText.last(p) && QuestionShape.isTitle(text) && p.getNext() instanceof ListBlock next && hasQuestion(next)) {
            title(7, text, SourceText.first(p));
        } else if (hasQuestions() && !QuestionShape.navigation(text)) {
            skip(SourceText.first(p), "neither a question nor under one");
        }
    }

    private void list(ListBlock list, int depth) {
        int content = 0;
        int asking = 0;
        int navigation = 0;
        for (Node n = list.getFirstChild(); n != null; n = n.getNext()) {
            if (n.getFirstChild() instanceof Paragraph p && !source.raw(p).isBlank()) {
                String text = source.raw(p);
                if (QuestionShape.navigation(text)) {
                    navigation++;
                } else if (asks(p)) {
                    content++;
                    asking++;
                } else if (!nestedQuestion(n)) {
                    content++;
                }
            }
        }
        if (navigation > 0 && navigation >= content) {
            if (depth == 0 && list.getPrevious() instanceof Heading h && contents != null && contents.line() == SourceText.first(h)) {
                // "Contents" and its links: no topic for what follows
                titles.remove(contents.title());
                contents.displaced().forEach(titles::push);
            }
            return;
        }
        if (depth == 0 && asking * 4 < content && outline(list)) {
            return;
        }
        boolean questionList = asking > 0 && (asking * 2 > content || asking * 2 == content && content > 2) && !openAnswer;
        int rank = 8 + depth;
        for (Node n = list.getFirstChild(); n != null; n = n.getNext()) {
            if (!(n instanceof ListItem item)) {
                continue;
            }
            Node head = item.getFirstChild();
            if (!(head instanceof Paragraph p) || source.raw(p).isBlank()) {
                if (head == null || head instanceof Paragraph) {
                    skip(SourceText.first(item), "an empty list item");
                } else {
                    children(head, depth + 1);
                }
                continue;
            }
            String text = source.raw(p);
            if (QuestionShape.navigation(text)) {
                continue;
            }
            int boldEnd = boldQuestionEnd(p);
            boolean asks = QuestionShape.isQuestion(text) || HeadingPlan.asks(text);
            boolean sibling = questionList && !asks && !nestedQuestion(item) && !QuestionShape.isTitle(text);
            if (boldEnd >= 0) {
                boldQuestion(p, boldEnd, Integer.MAX_VALUE);
                openAnswer = true;
            } else if ((asks && (questionList && !openAnswer || text.contains("?")) || sibling) && !introQuestion(text)) {
                Mark m = plainQuestion(p, SourceText.last(item));
                openAnswer = false;
                if (m.text.endsWith(":") && p.getNext() instanceof ListBlock parts) {
                    // "... when the learning rate is:" and its cases are one question
                    m.text = m.text + " " + listText(parts);
                    m.cap = SourceText.first(parts) - 1;
                    continue;
                }
            } else if (!openAnswer && QuestionShape.isTitle(text) && (nestedQuestion(item) || laterQuestion(item))) {
                title(rank, text, SourceText.first(p));
            } else if (questionList && !nestedQuestion(item)) {
                skip(SourceText.first(p), "not a question, in a list of questions");
            }
            children(p.getNext(), depth + 1);
        }
        titles.removeIf(t -> t.rank() >= rank);
    }

    /** A topic outline: a long nested list that hardly ever asks; the odd "...?" note in it is no question. */
    private boolean outline(ListBlock list) {
        int[] counts = new int[2];
        count(list, counts);
        return counts[0] >= 8 && counts[1] * 4 < counts[0];
    }

    private void count(ListBlock list, int[] counts) {
        for (Node n = list.getFirstChild(); n != null; n = n.getNext()) {
            for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
                if (c instanceof Paragraph p && !source.raw(p).isBlank()) {
                    counts[0]++;
                    counts[1] += asks(p) ? 1 : 0;
                } else if (c instanceof ListBlock nested) {
                    count(nested, counts);
                }
            }
        }
    }

    /** A list's items as text, one after another: the parts of the question before it. */
    private String listText(ListBlock list) {
        List<String> parts = new ArrayList<>();
        for (Node n = list.getFirstChild(); n != null; n = n.getNext()) {
            for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
                if (c instanceof Paragraph p) {
                    parts.add(QuestionShape.plain(source.raw(p)));
                } else if (c instanceof ListBlock nested) {
                    parts.add(listText(nested));
                }
            }
        }
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i);
            boolean ends = part.isEmpty() || ".?!:;,".indexOf(part.charAt(part.length() - 1)) >= 0;
            joined.append(part).append(i + 1 < parts.size() ? ends ? " " : ", " : "");
        }
        return joined.toString();
    }

    /**
     * Whether what follows a labelled question is more of it rather than its answer: it has not
     * asked yet ("Q. A die is rolled twice.", "Q. Answer the following:"), or what follows asks
     * ("Q. Assume p = 0.1." and then "1. What are the odds?"), or it only set a scenario up
     * ("Q. Consider a system..."). After "Q. Name two distributions."
     * a list of names is the answer.
     */
    private static boolean continues(Mark m, boolean nextAsks) {
        String t = m.text.strip();
        if (t.endsWith(":")) {
            return true;
        }
        return !t.endsWith("?") && (nextAsks || !QuestionShape.isQuestion(t) || QuestionShape.setsUp(t));
    }

    /** An intro's question about the list itself, before any real question. */
    private boolean introQuestion(String text) {
        return !hasQuestions() && QuestionShape.aboutTheList(text);
    }

    private boolean asks(Paragraph p) {
        String text = source.raw(p);
        return boldQuestionEnd(p) >= 0 || HeadingPlan.asks(text);
    }

    private boolean hasQuestions() {
        return marks.stream().anyMatch(m -> m.text != null);
    }

    /** The last line of a bold question at the start of {@code p}, or -1 if it does not start with one. */
    private int boldQuestionEnd(Paragraph p) {
        Node lead = p.getFirstChild();
        if (!(lead instanceof StrongEmphasis || lead instanceof Emphasis) || lead.getSourceSpans().isEmpty()) {
            return -1;
        }
        String bold = SourceText.inlineText(lead);
        if (!HeadingPlan.asks(bold)) {
            return -1;
        }
        List<SourceSpan> spans = lead.getSourceSpans();
        return spans.get(spans.size() - 1).getLineIndex();
    }

    private static int boldEndColumn(Paragraph p) {
        List<SourceSpan> spans = p.getFirstChild().getSourceSpans();
        SourceSpan last = spans.get(spans.size() - 1);
        return last.getColumnIndex() + last.getLength();
    }

    /**
     * A plain question runs on while its lines are wrapped (no sentence end) or ask more
     * ("...CNN?  Explain convolution, kernels..."); the first line that does neither starts the answer.
     */
    private int plainQuestionEnd(Paragraph p) {
        int end = SourceText.first(p);
        for (int line = SourceText.first(p) + 1; line <= SourceText.last(p); line++) {
            String previous = source.lineText(p, line - 1).strip();
            String next = source.lineText(p, line);
            boolean wrapped = !previous.isEmpty() && ".?!:".indexOf(previous.charAt(previous.length() - 1)) < 0;
            if (!wrapped && !QuestionShape.isQuestion(next)) {
                break;
            }
            end = line;
        }
        return end;
    }

    private Mark plainQuestion(Paragraph p, int cap) {
        int end = plainQuestionEnd(p);
        return question(SourceText.first(p), end + 1, cap, linesText(p, end, -1), "");
    }

    /**
     * A bold question; what follows the bold on its last line stays in the question only if it
     * asks too ("**What is X?** How is it used?"), else it opens the answer ("**What is X?** X is...").
     */
    private void boldQuestion(Paragraph p, int textEnd, int cap) {
        int column = boldEndColumn(p);
        String line = source.lineText(p, textEnd);
        int from = SourceText.spanColumn(p, textEnd);
        int cut = Math.max(0, Math.min(line.length(), column - from));
        String rest = line.substring(cut).strip();
        String lead = "";
        int keep = -1;
        if (!rest.isEmpty() && !rest.contains("?") && !QuestionShape.isQuestion(rest)) {
            lead = rest;
            keep = cut;
        }
        question(SourceText.first(p), textEnd + 1, cap, linesText(p, textEnd, keep), lead);
    }

    private String linesText(Paragraph p, int textEnd, int cutLastAt) {
        StringBuilder text = new StringBuilder();
        for (SourceSpan s : p.getSourceSpans()) {
            if (s.getLineIndex() > textEnd) {
                break;
            }
            String line = source.span(s);
            if (s.getLineIndex() == textEnd && cutLastAt >= 0) {
                line = line.substring(0, cutLastAt);
            }
            text.append(line).append(' ');
        }
        return text.toString();
    }

    private Mark question(int start, int answerFrom, int cap, String raw, String lead) {
        return question(start, answerFrom, cap, raw, lead, Optional.empty());
    }

    private Mark question(int start, int answerFrom, int cap, String raw, String lead, Optional<Level> named) {
        LevelTags.Tagged tagged = LevelTags.read(QuestionShape.questionText(raw));
        String text = QuestionShape.questionText(tagged.text());
        String topic = titles.isEmpty() ? fileTopic(name) : titles.peek().text();
        Optional<Level> level = tagged.level().or(() -> named)
                .or(() -> titles.stream().map(Title::level).flatMap(Optional::stream).findFirst());
        Mark m = new Mark(start, answerFrom, cap, text, topic, level, lead);
        marks.add(m);
        return m;
    }

    private void title(int rank, String raw, int line) {
        String text = QuestionShape.topic(raw);
        List<Title> displaced = new ArrayList<>(titles.stream().filter(t -> t.rank() >= rank).toList());
        java.util.Collections.reverse(displaced);
        titles.removeIf(t -> t.rank() >= rank);
        contents = null;
        if (!text.isEmpty()) {
            Title title = new Title(rank, text, QuestionShape.level(text));
            titles.push(title);
            contents = new LastTitle(line, title, displaced);
        }
        stop(line);
    }

    /** Ends the answer before it at {@code line}. */
    private void stop(int line) {
        marks.add(new Mark(line, line, line, null, null, Optional.empty(), ""));
    }

    private void skip(int line, String why) {
        skipped.add(new ImportedList.Skipped(name, style.source(line), why));
    }

    private boolean hasQuestion(ListBlock list) {
        for (Node n = list.getFirstChild(); n != null; n = n.getNext()) {
            if (n.getFirstChild() instanceof Paragraph p && asks(p) || nestedQuestion(n)) {
                return true;
            }
        }
        return false;
    }

    private boolean nestedQuestion(Node item) {
        for (Node c = item.getFirstChild(); c != null; c = c.getNext()) {
            if (c instanceof ListBlock l && hasQuestion(l)) {
                return true;
            }
        }
        return false;
    }

    private boolean laterQuestion(ListItem item) {
        for (Node n = item.getNext(); n != null; n = n.getNext()) {
            if (n.getFirstChild() instanceof Paragraph p && QuestionShape.isQuestion(source.raw(p))) {
                return true;
            }
        }
        return false;
    }

    ImportedList result() {
        List<ImportedQuestion> out = new ArrayList<>();
        for (int i = 0; i < marks.size(); i++) {
            Mark m = marks.get(i);
            if (m.text == null || m.text.isBlank()) {
                continue;
            }
            String answer;
            List<ImportedQuestion.Choice> choices = List.of();
            if (m.fixedAnswer != null) {
                answer = AnswerBody.substantial(m.fixedAnswer) ? m.fixedAnswer : "";
            } else {
                int end = Math.min(m.cap, style.lines().size() - 1);
                for (int j = i + 1; j < marks.size(); j++) {
                    if (marks.get(j).start >= m.answerFrom) {
                        end = Math.min(end, marks.get(j).start - 1);
                        break;
                    }
                }
                List<String> lines = new ArrayList<>();
                if (!m.lead.isEmpty()) {
                    lines.add(m.lead);
                }
                lines.addAll(style.authored(m.answerFrom, end));
                AnswerBody.Read read = AnswerBody.read(lines);
                answer = read.answer();
                choices = read.choices();
            }
            out.add(new ImportedQuestion(name, style.source(m.start), m.topic, m.level, m.text, answer,
                    answer.isEmpty() ? List.of() : AnswerText.keyPoints(answer), choices));
        }
        return new ImportedList(out, skipped);
    }

    private static String fileTopic(String name) {
        String base = Path.of(name).getFileName().toString();
        int dot = base.lastIndexOf('.');
        return dot > 0 ? base.substring(0, dot) : base;
    }

}
