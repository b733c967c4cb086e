package dev.studybot.support.memory;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;

/**
 * How the SQL stores' columns shape values, for the fakes to shape them the same: instants kept as
 * epoch milliseconds, and text ordered by SQLite's default BINARY collation (UTF-8 bytes).
 */
final class Columns {
    /** {@code ORDER BY text} under the BINARY collation. */
    static final Comparator<String> BINARY = (a, b) -> Arrays.compareUnsigned(
            a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

    private Columns() {
    }

    /** An instant as it reads back from a millisecond column; null stays null. */
    static Instant millis(Instant instant) {
        return instant == null ? null : Instant.ofEpochMilli(instant.toEpochMilli());
    }
}
