package dev.studybot.bank;

import dev.studybot.domain.Level;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The difficulty a question carries in its own text: a tag ({@code [E]}, {@code [M]}, {@code [H]},
 * {@code [Easy]}, {@code (Hard)}), a marker emoji (👶 easy, ⭐ medium, 🚀 hard) or a label
 * ("Level: Intermediate", "Difficulty: hard"). The tag is taken out of the question's text.
 */
final class LevelTags {
    private static final Pattern BRACKET = Pattern.compile(
            "[\\[(](e|m|h|easy|medium|hard|basic|intermediate|advanced)[\\])]", Pattern.CASE_INSENSITIVE);
    private static final Pattern LABEL = Pattern.compile(
            "[\\[(]?\\b(?:level|difficulty)\\s*[:=-]\\s*\\**(easy|basic|beginner|fundamental|medium|intermediate|hard|advanced?|expert)\\b\\**[\\])]?\\.?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern EMOJI = Pattern.compile("[\\u200D\\uFE0F]*(\uD83D\uDC76|\u2B50|\uD83C\uDF1F|\uD83D\uDE80)[\\u200D\\uFE0F]*");

    /** A question's text without its tag, and the level the tag names. */
    record Tagged(String text, Optional<Level> level) {
    }

    private LevelTags() {
    }

    /** Whether {@code text} opens with a level tag, as tagged questions do ("[E] Write..."), not a note's "[Advanced]" at the end. */
    static boolean leads(String text) {
        Matcher b = BRACKET.matcher(text.strip());
        return b.lookingAt();
    }

    static Tagged read(String text) {
        Optional<Level> level = Optional.empty();
        String t = text;
        Matcher b = BRACKET.matcher(t);
        if (b.find()) {
            level = Optional.of(of(b.group(1)));
            t = t.substring(0, b.start()) + t.substring(b.end());
        }
        Matcher l = LABEL.matcher(t);
        if (l.find()) {
            level = level.or(() -> Optional.of(of(l.group(1))));
            t = t.substring(0, l.start()) + t.substring(l.end());
        }
        Matcher e = EMOJI.matcher(t);
        if (e.find()) {
            Level fromEmoji = switch (e.group(1)) {
                case "\uD83D\uDC76" -> Level.BASIC;
                case "\uD83D\uDE80" -> Level.ADVANCED;
                default -> Level.INTERMEDIATE;
            };
            level = level.or(() -> Optional.of(fromEmoji));
            t = EMOJI.matcher(t).replaceAll("");
        }
        return new Tagged(level.isEmpty() ? text : t.replaceAll("\\s+", " ").strip(), level);
    }

    private static Level of(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "e", "easy", "basic", "beginner", "fundamental" -> Level.BASIC;
            case "h", "hard", "advanced", "advance", "expert" -> Level.ADVANCED;
            default -> Level.INTERMEDIATE;
        };
    }
}
