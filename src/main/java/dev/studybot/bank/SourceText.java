package dev.studybot.bank;

import java.util.List;
import java.util.regex.Pattern;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;

/** The source text behind CommonMark's nodes, line by line, so that what is imported is what the file says. */
final class SourceText {
    private static final Pattern ATX_OPEN = Pattern.compile("^\\s{0,3}#{1,6}(\\s+|$)");
    private static final Pattern ATX_CLOSE = Pattern.compile("\\s+#+\\s*$");
    private static final Pattern SETEXT_LINE = Pattern.compile("^\\s*(=+|-+)\\s*$");

    private final List<String> lines;

    SourceText(List<String> lines) {
        this.lines = List.copyOf(lines);
    }

    /** A heading's text as written, without its markers (ATX hashes, a setext underline). */
    String headingText(Heading h) {
        StringBuilder b = new StringBuilder();
        for (SourceSpan s : h.getSourceSpans()) {
            String line = span(s);
            if (!SETEXT_LINE.matcher(line).matches()) {
                b.append(line).append(' ');
            }
        }
        String t = ATX_OPEN.matcher(b.toString().strip()).replaceFirst("");
        return ATX_CLOSE.matcher(t).replaceFirst("").strip();
    }

    /** A block's source lines as written. */
    String raw(Node block) {
        StringBuilder b = new StringBuilder();
        for (SourceSpan s : block.getSourceSpans()) {
            b.append(span(s)).append('\n');
        }
        return b.toString().strip();
    }

    String lineText(Paragraph p, int line) {
        for (SourceSpan s : p.getSourceSpans()) {
            if (s.getLineIndex() == line) {
                return span(s);
            }
        }
        return "";
    }

    static int spanColumn(Paragraph p, int line) {
        for (SourceSpan s : p.getSourceSpans()) {
            if (s.getLineIndex() == line) {
                return s.getColumnIndex();
            }
        }
        return 0;
    }

    String span(SourceSpan s) {
        String line = lines.get(s.getLineIndex());
        int from = Math.min(s.getColumnIndex(), line.length());
        return line.substring(from, Math.min(line.length(), from + s.getLength()));
    }

    /** A node's text without markup: link and emphasis text kept, code as its literal. */
    static String inlineText(Node node) {
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

    static int first(Node n) {
        List<SourceSpan> spans = n.getSourceSpans();
        return spans.isEmpty() ? 0 : spans.get(0).getLineIndex();
    }

    static int last(Node n) {
        List<SourceSpan> spans = n.getSourceSpans();
        return spans.isEmpty() ? 0 : spans.get(spans.size() - 1).getLineIndex();
    }
}
