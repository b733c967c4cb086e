package dev.studybot.platform.slack;

import dev.studybot.domain.words.Markup;
import java.util.regex.Pattern;

/**
 * Slack's mrkdwn. Text from users and the bank has {@code &}, {@code <} and {@code >} escaped, so it
 * can never form {@code <!channel>}, {@code <!here>}, {@code <!everyone>}, {@code <@U…>} or
 * {@code <!subteam^…>}; the bare words {@code @channel}, {@code @here} and {@code @everyone} get an
 * invisible word joiner after the {@code @}, so no client setting turns them into pings either.
 */
final class SlackMarkup implements Markup {
    private static final Pattern BROADCAST = Pattern.compile("@(?=(?i:channel|here|everyone)\\b)");
    private static final String WORD_JOINER = "\u2060";

    @Override
    public String text(String raw) {
        return escape(raw);
    }

    @Override
    public String markdown(String raw) {
        return SlackMrkdwn.fromMarkdown(raw);
    }

    @Override
    public String bold(String escaped) {
        return escaped.isBlank() ? escaped : "*" + escaped + "*";
    }

    @Override
    public String italic(String escaped) {
        return escaped.isBlank() ? escaped : "_" + escaped + "_";
    }

    @Override
    public String code(String raw) {
        // mrkdwn has no escape for a backquote inside code: show a look-alike instead
        return "`" + escape(raw.replace('`', '\u02CB')) + "`";
    }

    /** The three characters Slack wants escaped, and broadcast words defused. */
    static String escape(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(raw.length() + 16);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> out.append(c);
            }
        }
        return BROADCAST.matcher(out).replaceAll("@" + WORD_JOINER);
    }
}
