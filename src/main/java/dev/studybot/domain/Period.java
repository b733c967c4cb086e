package dev.studybot.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A leaderboard window. */
public enum Period {
    WEEK, MONTH, SEASON, ALL;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Period> parse(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.label().equals(wanted)).findFirst();
    }
}
