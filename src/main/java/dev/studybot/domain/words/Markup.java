package dev.studybot.domain.words;

import dev.studybot.domain.ChannelRef;
import java.util.Optional;

/**
 * A platform's text markup. {@link #text} escapes anything a user or the bank wrote so that it
 * shows as typed and can never mention @everyone, a channel, a user or a role.
 */
public interface Markup {
    /** Plain text from users or the bank, escaped for the platform. */
    String text(String raw);

    /** Markdown from the bank (answers), converted for the platform and escaped the same way. */
    String markdown(String raw);

    String bold(String escaped);

    String italic(String escaped);

    String code(String raw);

    /**
     * A link to a message the platform posted in a channel, where the platform has one that can be
     * made from the ids alone; none by default.
     */
    default Optional<String> messageLink(ChannelRef channel, String messageRef) {
        return Optional.empty();
    }

    /** A search snippet whose matches are between {@code \u0002} and {@code \u0003}. */
    default String highlighted(String snippet) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < snippet.length()) {
            int start = snippet.indexOf('\u0002', i);
            if (start < 0) {
                out.append(text(snippet.substring(i)));
                break;
            }
            int end = snippet.indexOf('\u0003', start);
            if (end < 0) {
                end = snippet.length();
            }
            out.append(text(snippet.substring(i, start))).append(bold(text(snippet.substring(start + 1, end))));
            i = end + 1;
        }
        return out.toString();
    }

    /** No markup at all: the console. */
    Markup PLAIN = new Markup() {
        @Override
        public String text(String raw) {
            return raw;
        }

        @Override
        public String markdown(String raw) {
            return raw;
        }

        @Override
        public String bold(String escaped) {
            return escaped;
        }

        @Override
        public String italic(String escaped) {
            return escaped;
        }

        @Override
        public String code(String raw) {
            return raw;
        }

        @Override
        public String highlighted(String snippet) {
            return snippet.replace('\u0002', '[').replace('\u0003', ']');
        }
    };
}
