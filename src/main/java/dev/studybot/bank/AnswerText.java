package dev.studybot.bank;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.Code;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/** An imported answer as bank Markdown, and the key points a first draft can take from it. */
final class AnswerText {
    private static final Pattern ITEM = Pattern.compile("^(\\s*)([-*+]|\\d{1,3}[.)])\\s+(.*)$");
    private static final Pattern FENCE = Pattern.compile("^\\s*(```|~~~)");
    private static final Pattern LETTERING = Pattern.compile("^(?:[a-z]|[ivx]+|\\d{1,2})[.)]\\s+", Pattern.CASE_INSENSITIVE);
    private static final Set<String> GENERIC = Set.of("pros", "cons", "definition", "use", "uses", "usage", "summary",
            "advantages", "disadvantages", "advantage", "disadvantage", "example", "examples", "note", "notes",
            "key difference", "key differences", "putting it all together", "overview", "conclusion", "in summary",
            "importance", "benefits", "drawbacks", "limitations", "why it matters", "how it works", "intuition",
            "personal preference", "preference and use cases", "common activation functions");
    private static final int MAX_POINTS = 6;
    private static final Parser PARSER = Parser.builder().build();

    private AnswerText() {
    }

    /**
     * Source lines to clean Markdown: HTML dropped, paragraphs moved to the margin (pasted answers
     * indent them at random, and four spaces would make code of them), list nesting kept as
     * nesting, runs of blank lines made one; fenced code stays as written.
     */
    static String clean(List<String> lines) {
        List<String> out = new ArrayList<>();
        Deque<Integer> indents = new ArrayDeque<>();
        String fenceIndent = null;
        for (String raw : lines) {
            String line = QuestionShape.withoutHtml(raw).stripTrailing();
            if (fenceIndent != null) {
                out.add(line.startsWith(fenceIndent) ? line.substring(fenceIndent.length()) : line.strip());
                if (FENCE.matcher(line).find()) {
                    fenceIndent = null;
                }
                continue;
            }
            if (line.isBlank()) {
                out.add("");
                continue;
            }
            if (FENCE.matcher(line).find()) {
                fenceIndent = line.substring(0, line.length() - line.stripLeading().length());
                out.add(line.strip());
                continue;
            }
            Matcher item = ITEM.matcher(line);
            if (item.matches()) {
                int indent = item.group(1).replace("\t", "    ").length();
                while (!indents.isEmpty() && indents.peek() > indent) {
                    indents.pop();
                }
                if (indents.isEmpty() || indents.peek() < indent) {
                    indents.push(indent);
                }
                out.add("    ".repeat(indents.size() - 1) + item.group(2) + " " + item.group(3).strip());
            } else {
                String text = line.strip();
                int indent = line.length() - line.stripLeading().length();
                if (!indents.isEmpty() && indent < indents.peekLast()) {
                    indents.clear();
                }
                // a line right under an item continues it; elsewhere text stands at the margin
                boolean continues = !out.isEmpty() && !out.get(out.size() - 1).isBlank() && !indents.isEmpty();
                out.add(continues ? "    ".repeat(indents.size() - 1) + "  " + text : text);
            }
        }
        return squeezeBlankLines(out);
    }

    private static String squeezeBlankLines(List<String> lines) {
        StringBuilder b = new StringBuilder();
        boolean blank = true;
        for (String line : lines) {
            if (line.isBlank()) {
                if (!blank) {
                    b.append('\n');
                }
                blank = true;
            } else {
                b.append(line).append('\n');
                blank = false;
            }
        }
        return b.toString().strip();
    }

    /**
     * Draft key points: the answer's bold terms, then its short list items, each as one phrasing
     * the grader finds in the answer. A writer refines them and adds other phrasings.
     */
    static List<String> keyPoints(String answer) {
        Map<String, String> points = new LinkedHashMap<>();
        Node doc = PARSER.parse(answer);
        List<String> bold = new ArrayList<>();
        List<String> items = new ArrayList<>();
        collect(doc, bold, items);
        for (List<String> source : List.of(bold, items)) {
            for (String candidate : source) {
                String p = phrase(candidate);
                if (points.size() < MAX_POINTS && !p.isEmpty() && !GENERIC.contains(p.toLowerCase(Locale.ROOT))
                        && said(answer, p)) {
                    points.putIfAbsent(p.toLowerCase(Locale.ROOT), p);
                }
            }
        }
        return List.copyOf(points.values());
    }

    /** Whether the answer has the phrase word for word (it was taken from there, trimmed), so the grader finds it. */
    private static boolean said(String answer, String phrase) {
        String words = "(?<![\\p{L}\\p{N}])" + String.join("[\\s*_`]+", Arrays.stream(phrase.split("\\s+")).map(Pattern::quote).toList())
                + "(?![\\p{L}\\p{N}])";
        return Pattern.compile(words, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(answer).find();
    }

    private static void collect(Node node, List<String> bold, List<String> items) {
        for (Node c = node.getFirstChild(); c != null; c = c.getNext()) {
            if (c instanceof StrongEmphasis) {
                bold.add(text(c));
            } else if (c instanceof ListItem && c.getFirstChild() instanceof Paragraph p) {
                items.add(text(p));
            }
            collect(c, bold, items);
        }
    }

    /** A candidate as a phrasing: no lettering, no trailing colon, no parenthesised expansion; 1 to 4 words. */
    private static String phrase(String candidate) {
        String p = LETTERING.matcher(candidate.strip()).replaceFirst("");
        p = p.replaceAll("\\([^)]*\\)", " ").replaceAll("[:.;,!?]+$", "").replaceAll("\\s+", " ").strip();
        if (p.matches(".*[:\\[\\]{}#\"`$\\\\].*") || p.isEmpty()) {
            return "";
        }
        int words = p.split(" ").length;
        return words <= 4 ? p : "";
    }

    private static String text(Node node) {
        StringBuilder b = new StringBuilder();
        appendText(node, b);
        return b.toString();
    }

    private static void appendText(Node node, StringBuilder b) {
        for (Node c = node.getFirstChild(); c != null; c = c.getNext()) {
            if (c instanceof Text t) {
                b.append(t.getLiteral());
            } else if (c instanceof Code code) {
                b.append(code.getLiteral());
            } else if (c instanceof org.commonmark.node.SoftLineBreak) {
                b.append(' ');
            } else {
                appendText(c, b);
            }
        }
    }
}
