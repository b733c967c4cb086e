package dev.studybot.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.quartz.CronExpression;

/**
 * The schedule slot a firing belongs to: the last time the cron expression names at or before the
 * firing, looked for within the grace period. A trigger that fires late after a restart (Quartz's
 * misfire policy fires it once, "now") still posts for the slot it missed, so a slot is posted once.
 */
final class Slots {
    private static final int MAX_STEPS = 100_000;

    private Slots() {
    }

    static Optional<Instant> lastSlot(CronExpression cron, Instant firedAt, Duration grace) {
        Date cursor = Date.from(firedAt.minus(grace).minusMillis(1));
        Date last = null;
        for (int i = 0; i < MAX_STEPS; i++) {
            Date next = cron.getNextValidTimeAfter(cursor);
            if (next == null || next.toInstant().isAfter(firedAt)) {
                break;
            }
            last = next;
            cursor = next;
        }
        return Optional.ofNullable(last).map(Date::toInstant);
    }
}
