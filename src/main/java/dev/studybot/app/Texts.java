package dev.studybot.app;

import dev.studybot.domain.Reply;
import java.util.Optional;
import java.util.regex.Pattern;

/** Checks on what members type (team and season names, answers' length), and shortening for error messages. */
public final class Texts {
    public static final int MAX_NAME_LENGTH = 32;
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._'-]*");

    private Texts() {
    }

    /** Refuses an answer over the limit, whole: nothing is recorded, so the member can shorten it and send it again. */
    static Optional<Reply.Error> tooLong(String answer, int limit) {
        return answer.length() <= limit ? Optional.empty() : Optional.of(new Reply.Error(String.format(
                "Your answer has %,d characters; the limit is %,d. Nothing was recorded: shorten it and send it again.", answer.length(), limit)));
    }

    /** Why a team or season name is not acceptable, or null when it is. */
    public static String nameProblem(String kind, String name) {
        String n = name.strip();
        if (n.isEmpty()) {
            return kind + " names cannot be empty.";
        }
        if (n.indexOf('@') >= 0 || n.indexOf('<') >= 0) {
            return kind + " names cannot contain mentions such as @everyone or @here.";
        }
        if (n.length() > MAX_NAME_LENGTH) {
            return kind + " names are at most " + MAX_NAME_LENGTH + " characters; '" + shorten(n, 20) + "' has " + n.length() + ".";
        }
        if (!NAME.matcher(n).matches()) {
            return kind + " names use letters, digits, spaces and . _ ' - only, starting with a letter or digit.";
        }
        return null;
    }

    /** Collapses inner white space, as names are compared and shown. */
    public static String normalName(String name) {
        return name.strip().replaceAll("\\s+", " ");
    }

    /** A count with its noun in the right number: "1 point", "2 points", "0 points". */
    public static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    public static String shorten(String text, int max) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 1) + "…";
    }
}
