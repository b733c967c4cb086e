package dev.studybot.port.out;

import dev.studybot.domain.ChannelRef;
import dev.studybot.domain.Schedule;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/** Fires each scheduled channel's daily post; triggers persist across restarts. */
public interface PostScheduler {

    /**
     * Checks a cron expression: the next time it fires after {@code after} in that zone, or a
     * {@link InvalidScheduleException} saying what is wrong (bad syntax, never fires).
     */
    Instant nextFire(String cron, ZoneId zone, Instant after) throws InvalidScheduleException;

    /** Creates or replaces the channel's trigger. */
    void apply(Schedule schedule);

    void remove(ChannelRef channel);

    /** When the channel's trigger fires next, if it has one. */
    Optional<Instant> next(ChannelRef channel);

    /** A cron expression that cannot be used, with the reason. */
    class InvalidScheduleException extends Exception {
        private static final long serialVersionUID = 1L;

        public InvalidScheduleException(String reason) {
            super(reason);
        }
    }
}
