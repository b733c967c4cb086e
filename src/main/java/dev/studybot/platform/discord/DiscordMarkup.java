package dev.studybot.platform.discord;

import dev.studybot.domain.ChannelRef;
import java.util.Optional;

import dev.studybot.domain.words.Markup;
import java.util.regex.Pattern;

/**
 * Discord's Markdown. User and bank text is escaped so it shows as typed; mentions are defused
 * in the text itself as well ({@code @everyone} gets a zero-width space, {@code <@id>} a
 * backslash), besides the empty allowed mentions every message carries.
 */
final class DiscordMarkup implements Markup {
    private static final String ZWSP = "\u200B";
    private static final Pattern MASS_MENTION = Pattern.compile("@(everyone|here)", Pattern.CASE_INSENSITIVE);
    private static final Pattern ENTITY_MENTION = Pattern.compile("<(@[!&]?|#|/)");

    @Override
    public String text(String raw) {
        StringBuilder out = new StringBuilder(raw.length() + 8);
        boolean lineStart = true;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            switch (c) {
                case '\\', '*', '_', '~', '`', '|', '<', '>', '[', ']', '(', ')' -> out.append('\\').append(c);
                case '#', '-', '+' -> out.append(lineStart ? "\\" : "").append(c);
                default -> out.append(c);
            }
            lineStart = c == '\n' || lineStart && Character.isWhitespace(c);
        }
        return defuse(out.toString());
    }

    @Override
    public String markdown(String raw) {
        return defuse(ENTITY_MENTION.matcher(raw).replaceAll("\\\\<$1"));
    }

    /** Discord's link to a message: server, channel and message ids; in angle brackets, so it shows no preview. */
    @Override
    public Optional<String> messageLink(ChannelRef channel, String messageRef) {
        return Optional.of("<https://discord.com/channels/" + channel.workspace() + "/" + channel.channel() + "/" + messageRef + ">");
    }

    @Override
    public String bold(String escaped) {
        return escaped.isEmpty() ? "" : "**" + escaped + "**";
    }

    @Override
    public String italic(String escaped) {
        return escaped.isEmpty() ? "" : "_" + escaped + "_";
    }

    @Override
    public String code(String raw) {
        String inner = raw.replace('`', '\u02CB');
        return "`" + (inner.isEmpty() ? " " : defuse(inner)) + "`";
    }

    /** A mass mention can never be typed through: the zero-width space breaks the word for Discord. */
    static String defuse(String text) {
        return MASS_MENTION.matcher(text).replaceAll("@" + ZWSP + "$1");
    }
}
