package dev.studybot.platform.slack;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/** The bank's Markdown (model answers) as Slack mrkdwn, every text run escaped like user text. */
final class SlackMrkdwn {
    private static final Parser PARSER = Parser.builder().build();
    private static final Pattern BREAK = Pattern.compile("(?i)<br\\s*/?>");
    private static final Pattern FORMATTING = Pattern.compile("(?i)</?(b|i|em|strong|u|s|code|sup|sub|p|span|div|small|mark)(\\s[^>]*)?/?>");

    private SlackMrkdwn() {
    }

    static String fromMarkdown(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        return blocks(PARSER.parse(markdown), "\n\n").strip();
    }

    private static String blocks(Node parent, String separator) {
        List<String> parts = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            String block = block(child);
            if (!block.isEmpty()) {
                parts.add(block);
            }
        }
        return String.join(separator, parts);
    }

    private static String block(Node node) {
        if (node instanceof Paragraph) {
            return inlines(node);
        } else if (node instanceof Heading) {
            return "*" + inlines(node).strip() + "*";
        } else if (node instanceof BulletList list) {
            return items(list, false, 1, list.isTight());
        } else if (node instanceof OrderedList list) {
            Integer start = list.getMarkerStartNumber();
            return items(list, true, start == null ? 1 : start, list.isTight());
        } else if (node instanceof BlockQuote) {
            return prefixLines(blocks(node, "\n\n"), "> ", "> ");
        } else if (node instanceof FencedCodeBlock code) {
            return codeBlock(code.getLiteral());
        } else if (node instanceof IndentedCodeBlock code) {
            return codeBlock(code.getLiteral());
        } else if (node instanceof ThematicBreak) {
            return "──────────";
        } else if (node instanceof HtmlBlock html) {
            return SlackMarkup.escape(stripTags(html.getLiteral()).strip());
        }
        return inlines(node);
    }

    private static String items(Node list, boolean ordered, int start, boolean tight) {
        List<String> lines = new ArrayList<>();
        int n = start;
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            if (item instanceof ListItem) {
                String marker = ordered ? n++ + ". " : "• ";
                String body = blocks(item, tight ? "\n" : "\n\n");
                lines.add(prefixLines(body, marker, " ".repeat(marker.length() + 1)));
            }
        }
        return String.join(tight ? "\n" : "\n\n", lines);
    }

    private static String prefixLines(String text, String first, String rest) {
        String[] lines = text.split("\n", -1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                out.append('\n');
            }
            out.append(i == 0 ? first : lines[i].isEmpty() ? "" : rest).append(lines[i]);
        }
        return out.toString();
    }

    private static String codeBlock(String literal) {
        String body = literal.endsWith("\n") ? literal.substring(0, literal.length() - 1) : literal;
        return "```\n" + SlackMarkup.escape(body.replace("```", "ˋˋˋ")) + "\n```";
    }

    private static String inlines(Node parent) {
        StringBuilder out = new StringBuilder();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            out.append(inline(child));
        }
        return out.toString();
    }

    private static String inline(Node node) {
        if (node instanceof Text text) {
            return SlackMarkup.escape(text.getLiteral());
        } else if (node instanceof Code code) {
            return "`" + SlackMarkup.escape(code.getLiteral().replace('`', '\u02CB')) + "`";
        } else if (node instanceof StrongEmphasis) {
            return wrap("*", inlines(node));
        } else if (node instanceof Emphasis) {
            return wrap("_", inlines(node));
        } else if (node instanceof Link link) {
            return link(link.getDestination(), inlines(node));
        } else if (node instanceof Image image) {
            return inlines(image);
        } else if (node instanceof SoftLineBreak) {
            return " ";
        } else if (node instanceof HardLineBreak) {
            return "\n";
        } else if (node instanceof HtmlInline html) {
            String tag = html.getLiteral();
            if (BREAK.matcher(tag).matches()) {
                return "\n";
            }
            // formatting tags are dropped; anything else was meant as text
            return FORMATTING.matcher(tag).matches() ? "" : SlackMarkup.escape(tag);
        }
        return inlines(node);
    }

    private static String wrap(String marker, String inner) {
        return inner.isBlank() ? inner : marker + inner + marker;
    }

    private static String link(String destination, String label) {
        String url = destination == null ? "" : destination.strip();
        String lower = url.toLowerCase(Locale.ROOT);
        if (!(lower.startsWith("https://") || lower.startsWith("http://")) || url.contains("|")) {
            return label;
        }
        String shown = label.isBlank() ? SlackMarkup.escape(url) : label;
        return "<" + SlackMarkup.escape(url) + "|" + shown + ">";
    }

    private static String stripTags(String html) {
        return html.replaceAll("(?i)<br\\s*/?>", "\n").replaceAll("<[^>]*>", "");
    }
}
