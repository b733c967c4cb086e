package dev.studybot.config;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Config checks whose errors name the key. */
public final class Checks {
    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private Checks() {
    }

    static void nonBlank(String key, String value) {
        if (value == null || value.isBlank()) {
            throw new ConfigException(key + ": must be set");
        }
    }

    static void zone(String key, String value) {
        nonBlank(key, value);
        try {
            ZoneId.of(value);
        } catch (DateTimeException e) {
            throw new ConfigException(key + ": '" + value + "' is not an IANA timezone such as Europe/Berlin or UTC");
        }
    }

    static void range(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new ConfigException(key + ": " + value + " is outside " + min + ".." + max);
        }
    }

    static void oneOf(String key, String value, String... allowed) {
        if (value == null || Arrays.stream(allowed).noneMatch(value::equals)) {
            throw new ConfigException(key + ": '" + value + "' is not one of " + String.join(", ", allowed));
        }
    }

    static void duration(String key, String value) {
        nonBlank(key, value);
        parse(key, value);
    }

    static void optionalDuration(String key, String value) {
        if (value != null && !value.isBlank()) {
            parse(key, value);
        }
    }

    /** A duration as {@code 90s}, {@code 30m}, {@code 6h}, {@code 1d} or ISO-8601 ({@code PT6H}). */
    public static Duration parse(String key, String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        Matcher m = SHORT.matcher(v);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        try {
            return Duration.parse(value.strip().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new ConfigException(key + ": '" + value + "' is not a duration (use e.g. 90s, 30m, 6h or 1d)");
        }
    }

    static Optional<Duration> parseOptional(String key, String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(parse(key, value));
    }
}
