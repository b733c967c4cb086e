package dev.studybot.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How hard a question is. */
public enum Level {
    BASIC, INTERMEDIATE, ADVANCED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Level> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(l -> l.label().equals(wanted)).findFirst();
    }
}
