package dev.studybot.bank;

import dev.studybot.domain.Level;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.LinkedHashSet;
import java.util.regex.Pattern;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Reads a Markdown list of interview questions, in the styles people actually paste: headings or
 * list titles as topics, numbered or bulleted questions, bold questions followed by answer
 * paragraphs and lists. CommonMark (commonmark-java) gives the block structure after
 * {@link SeedStyle} has turned pasted bullets into Markdown; the question text and answers are
 * taken from the source lines, so LaTeX and code stay exactly as written.
 */
public final class MarkdownImporter {
    private static final Pattern BANK_YAML = Pattern.compile("(?m)^topic\\s*:.*$[\\s\\S]*^questions\\s*:");
    private final Parser parser = Parser.builder()
            // indented code makes no sense in pasted lists, where indentation is only ever nesting;
            // the order is CommonMark's own (a heading's underline before a thematic break), so it must not be a Set.of
            .enabledBlockTypes(new LinkedHashSet<>(List.of(BlockQuote.class, Heading.class, FencedCodeBlock.class,
                    HtmlBlock.class, ThematicBreak.class, ListBlock.class)))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .build();

    public List<ImportedQuestion> importFile(Path file) throws ImportException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ImportException(file.toString(), "cannot read: " + e.getMessage());
        }
        for (byte b : bytes) {
            if (b == 0) {
                throw new ImportException(file.toString(), "not a text file");
            }
        }
        return importText(file.toString(), TextRepair.decode(bytes));
    }

    /** Imports one file's text; {@code name} is how the questions and errors name the file. */
    public List<ImportedQuestion> importText(String name, String text) throws ImportException {
        String repaired = TextRepair.repairMojibake(text);
        if (repaired.isBlank()) {
            throw new ImportException(name, "the file is empty");
        }
        if (BANK_YAML.matcher(repaired).find()) {
            throw new ImportException(name, "this is already a bank file (topic: and questions:), not a Markdown list; "
                    + "put it in the question folder and run 'studybot validate'");
        }
        SeedStyle.Result style = SeedStyle.normalize(repaired);
        Walk walk = new Walk(name, style);
        walk.container(parser.parse(style.text()), 0);
        List<ImportedQuestion> questions = walk.questions();
        if (questions.isEmpty()) {
            throw new ImportException(name, "not a question list: found no numbered, bulleted or bold questions "
                    + "(a question ends with '?' or starts like 'What', 'How', 'Explain', 'Describe')");
        }
        return questions;
    }

    private static String fileTopic(String name) {
        String base = Path.of(name).getFileName().toString();
        int dot = base.lastIndexOf('.');
        return dot > 0 ? base.substring(0, dot) : base;
    }

    /** One pass over a parsed file: titles in force, questions found, and where each one's answer may lie. */
    private static final class Walk {
        private final String name;
        private final SeedStyle.Result style;
        private final Deque<Title> titles = new ArrayDeque<>();
        private final List<Mark> marks = new ArrayList<>();
        /** After a bold question, everything up to the next question or title is its answer. */
        private boolean openAnswer;

        Walk(String name, SeedStyle.Result style) {
            this.name = name;
            this.style = style;
        }

        void container(Node parent, int depth) {
            children(parent.getFirstChild(), depth);
        }

        void children(Node from, int depth) {
            for (Node n = from; n != null; n = n.getNext()) {
                if (n instanceof Heading h) {
                    openAnswer = false;
                    title(h.getLevel(), inlineText(h), first(h));
                } else if (n instanceof Paragraph p) {
                    paragraph(p);
                } else if (n instanceof ListBlock list) {
                    list(list, depth);
                } else if (n instanceof BlockQuote) {
                    container(n, depth);
                }
            }
        }

        private void paragraph(Paragraph p) {
            int boldEnd = boldQuestionEnd(p);
            if (boldEnd >= 0) {
                question(p, boldEnd, Integer.MAX_VALUE, boldEndColumn(p));
                openAnswer = true;
                return;
            }
            if (openAnswer) {
                return;
            }
            String firstLine = lineText(p, first(p));
            if (QuestionShape.isQuestion(firstLine) && firstLine.strip().endsWith("?")) {
                question(p, plainQuestionEnd(p), Integer.MAX_VALUE);
                openAnswer = true;
            } else if (first(p) == last(p) && QuestionShape.isTitle(raw(p)) && p.getNext() instanceof ListBlock next
                    && hasQuestion(next)) {
                title(7, raw(p), first(p));
            }
        }

        private void list(ListBlock list, int depth) {
            int rank = 8 + depth;
            for (Node n = list.getFirstChild(); n != null; n = n.getNext()) {
                if (!(n instanceof ListItem item)) {
                    continue;
                }
                Node head = item.getFirstChild();
                if (!(head instanceof Paragraph p)) {
                    children(head, depth + 1);
                    continue;
                }
                String text = raw(p);
                int boldEnd = boldQuestionEnd(p);
                if (boldEnd >= 0) {
                    question(p, boldEnd, Integer.MAX_VALUE, boldEndColumn(p));
                    openAnswer = true;
                } else if (QuestionShape.isQuestion(text) && (!openAnswer || text.contains("?"))) {
                    question(p, plainQuestionEnd(p), last(item));
                    openAnswer = false;
                } else if (!openAnswer && QuestionShape.isTitle(text) && (nestedQuestion(item) || laterQuestion(item))) {
                    title(rank, text, first(p));
                }
                children(p.getNext(), depth + 1);
            }
            titles.removeIf(t -> t.rank() >= rank);
        }

        /** The last line of a bold question at the start of {@code p}, or -1 if it does not start with one. */
        private int boldQuestionEnd(Paragraph p) {
            Node lead = p.getFirstChild();
            if (!(lead instanceof StrongEmphasis || lead instanceof Emphasis) || lead.getSourceSpans().isEmpty()) {
                return -1;
            }
            String bold = inlineText(lead);
            if (!QuestionShape.isQuestion(bold)) {
                return -1;
            }
            List<SourceSpan> spans = lead.getSourceSpans();
            return spans.get(spans.size() - 1).getLineIndex();
        }

        /** The column just after the leading bold's closing marker, on its last line. */
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
            int end = first(p);
            for (int line = first(p) + 1; line <= last(p); line++) {
                String previous = lineText(p, line - 1).strip();
                String next = lineText(p, line);
                boolean wrapped = !previous.isEmpty() && ".?!:".indexOf(previous.charAt(previous.length() - 1)) < 0;
                if (!wrapped && !QuestionShape.isQuestion(next)) {
                    break;
                }
                end = line;
            }
            return end;
        }

        private void question(Paragraph p, int textEnd, int cap) {
            question(p, textEnd, cap, -1);
        }

        /**
         * A question whose text runs to the end of line {@code textEnd}; with {@code boldEndColumn}
         * set, what follows the bold on that line stays in the question only if it asks too
         * ("**What is X?** How is it used?"), else it opens the answer ("**What is X?** X is...").
         */
        private void question(Paragraph p, int textEnd, int cap, int boldEndColumn) {
            StringBuilder text = new StringBuilder();
            String lead = "";
            for (SourceSpan s : p.getSourceSpans()) {
                if (s.getLineIndex() > textEnd) {
                    break;
                }
                String line = span(s);
                if (s.getLineIndex() == textEnd && boldEndColumn >= 0) {
                    int cut = Math.max(0, Math.min(line.length(), boldEndColumn - s.getColumnIndex()));
                    String rest = line.substring(cut).strip();
                    if (!rest.isEmpty() && !rest.contains("?") && !QuestionShape.isQuestion(rest)) {
                        lead = rest;
                        line = line.substring(0, cut);
                    }
                }
                text.append(line).append(' ');
            }
            String question = QuestionShape.questionText(text.toString());
            String topic = titles.isEmpty() ? fileTopic(name) : titles.peek().text();
            Optional<Level> level = titles.stream().map(Title::level).flatMap(Optional::stream).findFirst();
            marks.add(new Mark(first(p), textEnd, cap, question, topic, level, lead));
        }

        private void title(int rank, String raw, int line) {
            String text = QuestionShape.topic(raw);
            titles.removeIf(t -> t.rank() >= rank);
            if (!text.isEmpty()) {
                titles.push(new Title(rank, text, QuestionShape.level(text)));
            }
            marks.add(new Mark(line, line, line, null, null, Optional.empty(), ""));
        }

        private boolean hasQuestion(ListBlock list) {
            for (Node n = list.getFirstChild(); n != null; n = n.getNext()) {
                if (n.getFirstChild() instanceof Paragraph p && (QuestionShape.isQuestion(raw(p)) || boldQuestionEnd(p) >= 0)
                        || nestedQuestion(n)) {
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
                if (n.getFirstChild() instanceof Paragraph p && QuestionShape.isQuestion(raw(p))) {
                    return true;
                }
            }
            return false;
        }

        List<ImportedQuestion> questions() {
            List<ImportedQuestion> out = new ArrayList<>();
            for (int i = 0; i < marks.size(); i++) {
                Mark m = marks.get(i);
                if (m.text() == null) {
                    continue;
                }
                int end = Math.min(m.cap(), style.lines().size() - 1);
                for (int j = i + 1; j < marks.size(); j++) {
                    if (marks.get(j).start() > m.textEnd()) {
                        end = Math.min(end, marks.get(j).start() - 1);
                        break;
                    }
                }
                List<String> lines = new ArrayList<>();
                if (!m.lead().isEmpty()) {
                    lines.add(m.lead());
                }
                lines.addAll(style.authored(m.textEnd() + 1, end));
                String answer = AnswerText.clean(lines);
                out.add(new ImportedQuestion(name, style.source(m.start()), m.topic(), m.level(), m.text(), answer,
                        answer.isEmpty() ? List.of() : AnswerText.keyPoints(answer)));
            }
            return out;
        }

        private String raw(Node block) {
            StringBuilder b = new StringBuilder();
            for (SourceSpan s : block.getSourceSpans()) {
                b.append(span(s)).append('\n');
            }
            return b.toString().strip();
        }

        private String lineText(Paragraph p, int line) {
            for (SourceSpan s : p.getSourceSpans()) {
                if (s.getLineIndex() == line) {
                    return span(s);
                }
            }
            return "";
        }

        private String span(SourceSpan s) {
            String line = style.lines().get(s.getLineIndex());
            int from = Math.min(s.getColumnIndex(), line.length());
            return line.substring(from, Math.min(line.length(), from + s.getLength()));
        }

        private static String inlineText(Node node) {
            StringBuilder b = new StringBuilder();
            collect(node, b);
            return b.toString();
        }

        private static void collect(Node node, StringBuilder b) {
            for (Node c = node.getFirstChild(); c != null; c = c.getNext()) {
                if (c instanceof org.commonmark.node.Text t) {
                    b.append(t.getLiteral());
                } else if (c instanceof org.commonmark.node.Code code) {
                    b.append(code.getLiteral());
                } else if (c instanceof org.commonmark.node.SoftLineBreak || c instanceof org.commonmark.node.HardLineBreak) {
                    b.append(' ');
                } else {
                    collect(c, b);
                }
            }
        }

        private static int first(Node n) {
            return n.getSourceSpans().isEmpty() ? 0 : n.getSourceSpans().get(0).getLineIndex();
        }

        private static int last(Node n) {
            List<SourceSpan> spans = n.getSourceSpans();
            return spans.isEmpty() ? 0 : spans.get(spans.size() - 1).getLineIndex();
        }
    }

    /** A title in force: headings rank by level, paragraph titles 7, list titles 8 and deeper. */
    private record Title(int rank, String text, Optional<Level> level) {
    }

    /** A question (text set) or a title (text null): both end the answer before them. */
    private record Mark(int start, int textEnd, int cap, String text, String topic, Optional<Level> level, String lead) {
    }
}
