package dev.studybot.port.in;

import dev.studybot.domain.ChannelRef;
import java.time.Instant;

/** What the scheduler drives: the daily post of a channel for one cron slot, and closing what is due. */
public interface DailyPostUseCase {

    /** How a post attempt ended. */
    enum Outcome {
        POSTED, ALREADY_POSTED, TOO_LATE, NOT_SCHEDULED, PAUSED, NO_QUESTION, NO_PLATFORM, RETRY_LATER;

        /** Whether another attempt at the same slot may succeed. */
        public boolean retry() {
            return this == RETRY_LATER || this == NO_PLATFORM;
        }
    }

    /**
     * The scheduled post for {@code slot}, the fire time it belongs to. Skipped when the slot is
     * older than the grace period or already has its post.
     */
    Outcome postScheduled(ChannelRef channel, Instant slot);

    /** Closes every open post whose close time has passed; how many closed. */
    int closeDue();
}
