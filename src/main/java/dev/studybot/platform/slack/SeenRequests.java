package dev.studybot.platform.slack;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Requests already taken, by a digest of their payload. Slack redelivers a request it thinks was
 * not acknowledged (HTTP {@code X-Slack-Retry-Num}, Socket Mode {@code retry_attempt}) with the
 * same payload; every genuine request differs (its {@code trigger_id} or {@code event_id}), so a
 * payload seen before is a retry and is acknowledged without being acted on again.
 */
final class SeenRequests {
    private final Clock clock;
    private final Duration keep;
    private final int capacity;
    private final LinkedHashMap<String, Instant> seen = new LinkedHashMap<>();

    SeenRequests(Clock clock, Duration keep, int capacity) {
        this.clock = clock;
        this.keep = keep;
        this.capacity = capacity;
    }

    /** True the first time a payload arrives within the keep window; false for its retries. */
    synchronized boolean firstTime(String payload) {
        Instant now = clock.instant();
        expire(now);
        return seen.putIfAbsent(digest(payload), now) == null;
    }

    private void expire(Instant now) {
        Instant oldest = now.minus(keep);
        Iterator<Map.Entry<String, Instant>> it = seen.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, Instant> e = it.next();
            if (seen.size() > capacity || e.getValue().isBefore(oldest)) {
                it.remove();
            } else {
                break;
            }
        }
    }

    private static String digest(String payload) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest((payload == null ? "" : payload).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
